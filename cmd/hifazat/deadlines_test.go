package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// calendarFile writes an institution's calendar file and returns its path.
func calendarFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "calendar.yaml")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
	return path
}

// acmeCalendar replaces the estimated Eid-ul-Fitr of 2026 with invented
// notified dates and adds a closure on Tuesday 2026-03-17.
const acmeCalendar = `id: acme-2026
base: pk-federal
first_year: 2026
last_year: 2026
remove: ["2026-03-21 Eid-ul-Fitr", "2026-03-22 Eid-ul-Fitr", "2026-03-23 Eid-ul-Fitr"]
holidays:
  - {date: 2026-03-17, name: Acme closure, status: notified}
  - {date: 2026-03-20, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-03-21, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-03-22, name: Eid-ul-Fitr, status: notified}
`

type holidayOut struct{ Date, Name, Status string }

func TestHolidaysCommand(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "holidays", "--year", "2026")
	require.Equal(t, exitOK, status, "holidays --year 2026: %s", stderr)
	assert.Contains(t, stdout, "pk-federal 2026: 16 holidays; closed every Sunday and Saturday (calendar covers 2010 to 2030)")
	assert.Regexp(t, `2026-03-23\s+Monday\s+estimated\s+Eid-ul-Fitr\n2026-03-23\s+Monday\s+fixed\s+Pakistan Day\n`, stdout, "two holidays on one date")

	stdout, stderr, status = runCLI(t, "", "holidays", "--year", "2026", "--json")
	require.Equal(t, exitOK, status, "holidays --json: %s", stderr)
	var got []holidayOut
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "holidays --json: %s", stdout)
	require.Len(t, got, 16)
	assert.Equal(t, holidayOut{"2026-02-05", "Kashmir Solidarity Day", "fixed"}, got[0])
	assert.Equal(t, holidayOut{"2026-03-23", "Eid-ul-Fitr", "estimated"}, got[3])
	assert.Equal(t, holidayOut{"2026-03-23", "Pakistan Day", "fixed"}, got[4])

	stdout, _, status = runCLI(t, "", "holidays", "--calendar", "pk-islamabad", "--year", "2024", "--json")
	require.Equal(t, exitOK, status)
	assert.Contains(t, stdout, `"name": "SCO summit closure"`, "pk-islamabad 2024")
	stdout, _, status = runCLI(t, "", "holidays", "--year", "2024", "--json")
	require.Equal(t, exitOK, status)
	assert.NotContains(t, stdout, "SCO summit closure", "pk-federal 2024")

	stdout, stderr, status = runCLI(t, "", "holidays", "--calendar-file", calendarFile(t, acmeCalendar), "--year", "2026", "--json")
	require.Equal(t, exitOK, status, "holidays --calendar-file: %s", stderr)
	got = nil
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Contains(t, got, holidayOut{"2026-03-17", "Acme closure", "notified"})
	assert.Contains(t, got, holidayOut{"2026-03-21", "Eid-ul-Fitr", "notified"})

	empty := calendarFile(t, `{"id": "empty", "weekend": [], "first_year": 2026, "last_year": 2026}`)
	stdout, _, status = runCLI(t, "", "holidays", "--calendar-file", empty, "--year", "2026", "--json")
	require.Equal(t, exitOK, status)
	assert.Equal(t, "[]\n", stdout, "a year without holidays is an empty list")

	stdout, _, status = runCLI(t, "", "holidays", "--help")
	assert.Equal(t, exitOK, status, "holidays --help")
	assert.Contains(t, stdout, "usage: hifazat holidays")
}

func TestDeadlineCommand(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "deadline", "--policy", "pk-federal-2022", "--rule", "defence", "--from", "2026-03-07", "--json")
	require.Equal(t, exitOK, status, "deadline --json: %s", stderr)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "deadline --json: %s", stdout)
	for k, want := range map[string]any{
		"policy": "pk-federal-2022", "rule": "defence", "kind": "filing", "from": "2026-03-07",
		"period_end": "2026-03-14", "due": "2026-03-16", "last_open_day": "2026-03-16",
		"rolled_forward": true, "touches_estimated_holiday": false, "calendar": "pk-federal", "citation": "s.4(1)(b)",
	} {
		assert.Equal(t, want, got[k], "deadline --json field %q", k)
	}
	assert.Contains(t, got["explanation"], "the last day, 2026-03-14, is closed, so the period runs to the next open day, 2026-03-16 (General Clauses Act s.10)")
	assert.Contains(t, stderr, "warning: the inquiry_committee's days are counted on pk-federal, a fallback: the organisation's own calendar", "a committee filing without a calendar warns (interpretation 7)")
	assert.Contains(t, stderr, "; give the organisation's calendar with --calendar ID or --calendar-file F\n", "and says how to give one")

	// The Ombudsperson's forum defaults to Islamabad, without a warning.
	stdout, stderr, status = runCLI(t, "", "deadline", "--policy", "pk-federal-2022", "--rule", "appeal-penalised", "--from", "2025-11-25", "--json")
	require.Equal(t, exitOK, status, "appeal-penalised: %s", stderr)
	assert.Empty(t, stderr)
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, "pk-islamabad", got["calendar"])
	assert.Equal(t, "2025-12-29", got["due"], "Islamabad offices also closed on 2025-12-26")

	stdout, _, status = runCLI(t, "", "deadline", "--policy", "pk-federal-2022", "--rule", "appeal-penalised", "--from", "2025-11-25", "--calendar", "pk-federal", "--json")
	require.Equal(t, exitOK, status)
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, "2025-12-29", got["due"], "--calendar is the organisation's: the Ombudsperson keeps pk-islamabad")
	assert.Equal(t, "pk-islamabad", got["calendar"])

	// A duty is never moved; an institution's calendar is used when given.
	path := calendarFile(t, acmeCalendar)
	stdout, stderr, status = runCLI(t, "", "deadline", "--policy", "pk-federal-2022", "--rule", "charges", "--from", "2026-03-14", "--calendar-file", path, "--json")
	require.Equal(t, exitOK, status, "charges --calendar-file: %s", stderr)
	assert.Empty(t, stderr)
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, "duty", got["kind"])
	assert.Equal(t, "2026-03-17", got["due"])
	assert.Equal(t, "2026-03-16", got["last_open_day"])
	assert.Equal(t, "acme-2026", got["calendar"])

	stdout, stderr, status = runCLI(t, "", "deadline", "--policy", "pk-federal-2022", "--rule", "ombudsperson-defence", "--from", "2026-03-16")
	require.Equal(t, exitOK, status, "human output: %s", stderr)
	for _, want := range []string{
		"ombudsperson-defence: 5 days from 2026-03-16 (trigger day excluded) end on 2026-03-21, a Saturday;",
		"policy:        pk-federal-2022\n",
		"rule:          ombudsperson-defence, filing, 5 days\n",
		"from:          2026-03-16, Monday (excluded)\n",
		"due:           2026-03-24, Tuesday (the last day, 2026-03-21, is closed)\n",
		"last open day: 2026-03-24, Tuesday\n",
		"calendar:      pk-islamabad (the ombudsperson's own, interpretation 7)\n",
		"estimated:     an estimated holiday falls in the period; the dates may move\n",
		"citation:      s.8(2) [",
	} {
		assert.Contains(t, stdout, want, "deadline human output")
	}

	// A duty whose last day is closed stays there; the forum plans by the
	// last open day.
	stdout, _, status = runCLI(t, "", "deadline", "--policy", "pk-federal-2022", "--rule", "penalty", "--from", "2026-03-07")
	require.Equal(t, exitOK, status, "penalty human output")
	assert.Contains(t, stdout, "due:           2026-03-14, Saturday (closed, but a duty's last day is not moved)\n", "penalty human output")
	assert.Contains(t, stdout, "last open day: 2026-03-13, Friday\n", "penalty human output")

	// A calendar file may come on standard input.
	stdout, stderr, status = runCLI(t, acmeCalendar, "deadline", "--policy", "pk-federal-2022", "--rule", "charges", "--from", "2026-03-14", "--calendar-file", "-", "--json")
	require.Equal(t, exitOK, status, "--calendar-file -: %s", stderr)
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, "acme-2026", got["calendar"], "--calendar-file -")

	stdout, _, status = runCLI(t, "", "deadline", "--help")
	assert.Equal(t, exitOK, status, "deadline --help")
	assert.Contains(t, stdout, "usage: hifazat deadline")
}

func TestDeadlineCommandErrors(t *testing.T) {
	bad := calendarFile(t, "id: acme\nweekends: [sunday]\n")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{name: "holidays without year", args: []string{"holidays"}, msg: "holidays: want --year Y; run 'hifazat holidays --help'"},
		{name: "holidays out of coverage", args: []string{"holidays", "--year", "2031"}, msg: `year 2031 is outside calendar "pk-federal", which covers 2010 to 2030`},
		{name: "holidays before coverage", args: []string{"holidays", "--year", "2009", "--calendar", "pk-islamabad"}, msg: "covers 2010 to 2030"},
		{name: "holidays unknown calendar", args: []string{"holidays", "--year", "2026", "--calendar", "pk-lahore"}, msg: `unknown calendar "pk-lahore" (known: pk-federal, pk-islamabad)`},
		{name: "holidays bad year", args: []string{"holidays", "--year", "twenty"}, msg: "holidays: invalid value"},
		{name: "holidays unknown flag", args: []string{"holidays", "--yr", "2026"}, msg: "flag provided but not defined: -yr"},
		{name: "holidays positional", args: []string{"holidays", "--year", "2026", "extra"}, msg: `unexpected argument "extra"`},
		{name: "holidays both calendars", args: []string{"holidays", "--year", "2026", "--calendar", "pk-federal", "--calendar-file", bad}, msg: "not both"},
		{name: "holidays missing file", args: []string{"holidays", "--year", "2026", "--calendar-file", "/nonexistent/cal.yaml"}, msg: "holidays: --calendar-file: open /nonexistent/cal.yaml"},
		{name: "holidays malformed file", args: []string{"holidays", "--year", "2026", "--calendar-file", bad}, msg: "holidays: --calendar-file " + bad + ": deadlines: invalid calendar"},
		{name: "holidays malformed file's field", args: []string{"holidays", "--year", "2026", "--calendar-file", bad}, msg: "weekends: line 2: unknown field (want one of: id, base, weekend,"},
		{name: "deadline missing flags", args: []string{"deadline", "--policy", "pk-federal-2022"}, msg: "want --policy, --rule and --from"},
		{name: "deadline unknown policy", args: []string{"deadline", "--policy", "pk-x", "--rule", "defence", "--from", "2026-03-05"}, msg: `unknown policy "pk-x"`},
		{name: "deadline unknown rule", args: []string{"deadline", "--policy", "pk-federal-2022", "--rule", "appeal", "--from", "2026-03-05"}, msg: `policy pk-federal-2022 has no rule "appeal" (its rules: charges, defence,`},
		{name: "deadline rule not in force", args: []string{"deadline", "--policy", "pk-federal-2010", "--rule", "ombudsperson-decision", "--from", "2026-03-05"}, msg: `has no rule "ombudsperson-decision"`},
		{name: "deadline bad date", args: []string{"deadline", "--policy", "pk-federal-2022", "--rule", "defence", "--from", "2026-02-30"}, msg: `--from: civil: invalid date "2026-02-30"`},
		{name: "deadline unknown calendar", args: []string{"deadline", "--policy", "pk-federal-2022", "--rule", "defence", "--from", "2026-03-05", "--calendar", "acme"}, msg: `unknown calendar "acme"`},
		{name: "deadline out of coverage", args: []string{"deadline", "--policy", "pk-federal-2022", "--rule", "findings", "--from", "2030-12-20"}, msg: `2031-01-19 is outside calendar "pk-federal", which covers 2010 to 2030`},
		{name: "deadline file out of coverage", args: []string{"deadline", "--policy", "pk-federal-2022", "--rule", "findings", "--from", "2026-12-20", "--calendar-file", calendarFile(t, acmeCalendar)}, msg: `outside calendar "acme-2026", which covers 2026 to 2026`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, "", tt.args...)
			assert.Equal(t, exitUsage, status, "hifazat %s", strings.Join(tt.args, " "))
			assert.Contains(t, stderr, tt.msg, "hifazat %s", strings.Join(tt.args, " "))
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "hifazat %s: want one line on stderr, got %q", strings.Join(tt.args, " "), stderr)
			assert.Empty(t, stdout, "hifazat %s", strings.Join(tt.args, " "))
		})
	}
}
