package main

import (
	"encoding/json"
	"github.com/hifazat/hifazat/policy"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func overlayFile(name string) string { return filepath.Join("..", "..", "policy", "testdata", name) }

func TestPolicyList(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "policy", "list")
	require.Equal(t, exitOK, status, "policy list: %s", stderr)
	assert.Contains(t, stdout, "pk-federal-2010")
	assert.Contains(t, stdout, "overlay on pk-federal-2022", "hec-2020 row")

	stdout, _, status = runCLI(t, "", "policy", "list", "--json")
	require.Equal(t, exitOK, status)
	var got []struct {
		ID            string `json:"id"`
		Jurisdiction  string `json:"jurisdiction"`
		Institutional bool   `json:"institutional"`
		Validity      struct{ From, Until string }
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "policy list --json output: %s", stdout)
	require.Len(t, got, 10)
	assert.Equal(t, "hec-2020", got[0].ID)
	assert.True(t, got[0].Institutional)
	assert.Equal(t, "pk-federal-2010", got[3].ID)
	assert.Equal(t, "2010-03-09", got[3].Validity.From)
	assert.Equal(t, "2022-01-21", got[3].Validity.Until)
}

// policy show prints each caveat once, under NOTES, and fits 100 columns.
func TestPolicyShowFits(t *testing.T) {
	for _, p := range policy.Builtin().All() {
		stdout, stderr, status := runCLI(t, "", "policy", "show", string(p.ID()))
		require.Equal(t, exitOK, status, "policy show %s: %s", p.ID(), stderr)
		for i, line := range strings.Split(stdout, "\n") {
			assert.LessOrEqual(t, utf8.RuneCountInString(line), 100, "policy show %s line %d: %q", p.ID(), i+1, line)
		}
		assert.Contains(t, stdout, "\nNOTES\n", "policy show %s", p.ID())
	}
	stdout, _, _ := runCLI(t, "", "policy", "show", "pk-punjab-2013")
	assert.Equal(t, 1, strings.Count(stdout, "Punjab's procedural sections were not read"), "the caveat is printed once")
}

func TestPolicyShow(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "policy", "show", "pk-federal-2022")
	require.Equal(t, exitOK, status, "policy show: %s", stderr)
	for _, want := range []string{"DEADLINE RULES", "findings", "s.4(4) [high]", "PENALTIES", "COMPLAINANTS", "domestic_worker",
		"ACCUSED", "COMMITTEE", "min_women", "ROUTES", "representation_to", "INTERPRETATIONS", "appellate_decision_days", "suspend_or_cancel_license", "s.8(6) as inserted by Act V of 2022", "CALENDARS", "pk-islamabad"} {
		assert.Contains(t, stdout, want, "policy show pk-federal-2022")
	}

	stdout, _, status = runCLI(t, "", "policy", "show", "--json", "pk-federal-2010")
	require.Equal(t, exitOK, status)
	var v struct {
		ID    string `json:"id"`
		Rules []struct {
			ID       string
			Kind     string
			Period   struct{ N int }
			Forum    string
			Citation struct{ Section, Confidence string }
		}
		Penalties    []struct{ Code, Severity string }
		Complainants []struct{ Relationship string }
		Committee    struct {
			MinWomen struct{ Value int } `json:"min_women"`
		}
		Routes struct {
			RepresentationTo struct{ Value string } `json:"representation_to"`
		}
		Interpretations map[string]json.RawMessage
		Calendars       []struct{ Forum, Calendar string }
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &v), "policy show --json: %s", stdout)
	assert.Equal(t, "pk-federal-2010", v.ID)
	require.Len(t, v.Rules, 16)
	assert.Equal(t, "charges", v.Rules[0].ID)
	assert.Equal(t, "duty", v.Rules[0].Kind)
	assert.Equal(t, 3, v.Rules[0].Period.N)
	assert.Equal(t, "inquiry_committee", v.Rules[0].Forum)
	assert.Equal(t, "s.4(1)(a)", v.Rules[0].Citation.Section)
	assert.Equal(t, "high", v.Rules[0].Citation.Confidence)
	assert.Len(t, v.Penalties, 9)
	assert.Equal(t, "minor", v.Penalties[0].Severity)
	assert.Len(t, v.Complainants, 3, "2010 complainants")
	assert.Equal(t, 1, v.Committee.MinWomen.Value)
	assert.Equal(t, "president_or_governor", v.Routes.RepresentationTo.Value)
	assert.Contains(t, v.Interpretations, "stays_pause")
	assert.Len(t, v.Calendars, 5)
}

func TestPolicyCheck(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "policy", "check", overlayFile("university-overlay.yaml"))
	assert.Equal(t, exitOK, status, "check accepted overlay: %s", stderr)
	assert.Contains(t, stdout, "valid: example-university-2024, an institutional overlay on pk-federal-2022")

	stdout, _, status = runCLI(t, "", "policy", "check", "--json", overlayFile("university-overlay.json"))
	assert.Equal(t, exitOK, status)
	assert.JSONEq(t, `{"overlay":"example-institute-2023","base":"pk-federal-2022","valid":true,"violations":[]}`, stdout)

	stdout, _, status = runCLI(t, "", "policy", "check", overlayFile("university-overlay-refused.yaml"))
	assert.Equal(t, exitRefused, status, "check refused overlay")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, 9, "a header and one line per violation: %s", stdout)
	assert.Equal(t, "refused: example-college-2024 against pk-federal-2022: 8 violation(s)", lines[0])
	assert.Contains(t, lines[8], "routes.withdrawal", "withdrawal is a right (Rules 2013 r.4(3))")
	assert.Contains(t, lines[4], "deadlines.defence: 3 days cuts the party's statutory 7 days to file (defence, s.4(1)(b))")

	stdout, _, status = runCLI(t, "", "policy", "check", overlayFile("university-overlay-refused.yaml"), "--json")
	assert.Equal(t, exitRefused, status)
	var res struct {
		Valid      bool
		Violations []struct{ Field, Rule, Section, Reason string }
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &res), "check --json: %s", stdout)
	assert.False(t, res.Valid)
	require.Len(t, res.Violations, 8)
	assert.Equal(t, "routes.direct_to_ombudsperson", res.Violations[6].Field)
	assert.Equal(t, "s.8(1)", res.Violations[6].Section)
}

func TestPolicyFor(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "policy", "for", "--jurisdiction", "federal", "--date", "2022-01-21", "--json")
	require.Equal(t, exitOK, status, stderr)
	assert.JSONEq(t, `{"policy":"pk-federal-2022"}`, stdout)

	stdout, _, status = runCLI(t, "", "policy", "for", "--date", "2022-01-20", "--jurisdiction", "federal")
	require.Equal(t, exitOK, status)
	assert.True(t, strings.HasPrefix(stdout, "pk-federal-2010\t"), "policy for 2022-01-20: %q", stdout)

	// Before its own Act a province applied Act IV of 2010 (interpretation 1).
	for _, tt := range []struct{ j, on, want string }{
		{"punjab", "2012-05-01", "pk-punjab-2010"}, {"punjab", "2013-01-02", "pk-punjab-2010"}, {"punjab", "2013-01-03", "pk-punjab-2013"},
		{"kp", "2018-02-19", "pk-kp-2010"}, {"kp", "2018-02-20", "pk-kp-2018"},
		{"balochistan", "2016-01-20", "pk-balochistan-2010"}, {"balochistan", "2016-01-21", "pk-balochistan-2016"},
	} {
		stdout, _, status = runCLI(t, "", "policy", "for", "--jurisdiction", tt.j, "--date", tt.on, "--json")
		require.Equal(t, exitOK, status)
		assert.JSONEq(t, `{"policy":"`+tt.want+`"}`, stdout, "policy for %s %s", tt.j, tt.on)
	}
}

func TestPolicyErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		msg    string
	}{
		{"no subcommand", []string{"policy"}, exitUsage, "policy: want a subcommand (list, show, check or for); run 'hifazat policy --help'"},
		{"unknown subcommand", []string{"policy", "frob"}, exitUsage, `unknown subcommand "frob"`},
		{"unknown id", []string{"policy", "show", "pk-ict-2030"}, exitUsage, `policy show: policy: unknown policy "pk-ict-2030" (known: hec-2020`},
		{"show without id", []string{"policy", "show"}, exitUsage, "policy show: want a policy id (hifazat policy list); run 'hifazat policy --help'"},
		{"show with two ids", []string{"policy", "show", "pk-federal-2010", "pk-federal-2022"}, exitUsage, `policy show: unexpected argument "pk-federal-2022"`},
		{"list with an argument", []string{"policy", "list", "federal"}, exitUsage, `policy list: unexpected argument "federal"`},
		{"bad flag", []string{"policy", "list", "--yaml"}, exitUsage, "policy list: flag provided but not defined: -yaml; run 'hifazat policy --help'"},
		{"malformed overlay", []string{"policy", "check", overlayFile("malformed-overlay.yaml")}, exitUsage, "field comittee: line 5: unknown field"},
		{"missing overlay file", []string{"policy", "check", "no-such-file.yaml"}, exitUsage, "policy check: open no-such-file.yaml"},
		{"check without file", []string{"policy", "check"}, exitUsage, "policy check: want an overlay file (or - for standard input)"},
		{"bad date", []string{"policy", "for", "--jurisdiction", "federal", "--date", "2022-02-30"}, exitUsage, `policy for: --date: civil: invalid date "2022-02-30"`},
		{"bad jurisdiction", []string{"policy", "for", "--jurisdiction", "ict", "--date", "2022-01-01"}, exitUsage, `unknown jurisdiction "ict"`},
		{"missing flag", []string{"policy", "for", "--jurisdiction", "federal"}, exitUsage, "want --jurisdiction and --date"},
		// A date no statute covers is out of coverage (exit 2), not a refusal.
		{"before the Act", []string{"policy", "for", "--jurisdiction", "federal", "--date", "2010-03-08"}, exitUsage,
			"policy for: policy: no policy in force for federal on 2010-03-08: coverage starts on 2010-03-09, when its first statute took effect"},
		{"before the Act in a province", []string{"policy", "for", "--jurisdiction", "kp", "--date", "2010-03-08", "--json"}, exitUsage, "coverage starts on 2010-03-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.status, status, "hifazat %s", strings.Join(tt.args, " "))
			assert.Contains(t, stderr, tt.msg, "hifazat %s", strings.Join(tt.args, " "))
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "one-line message: %q", stderr)
			assert.Empty(t, stdout, "hifazat %s", strings.Join(tt.args, " "))
		})
	}
}

func TestPolicyHelp(t *testing.T) {
	for _, args := range [][]string{{"policy", "help"}, {"policy", "--help"}, {"policy", "show", "--help"}, {"policy", "for", "-h"}} {
		stdout, stderr, status := runCLI(t, "", args...)
		assert.Equal(t, exitOK, status, "hifazat %s", strings.Join(args, " "))
		assert.Contains(t, stdout, "check OVERLAY-FILE", "hifazat %s", strings.Join(args, " "))
		assert.Empty(t, stderr, "hifazat %s", strings.Join(args, " "))
	}
}

func TestPolicyCheckStdin(t *testing.T) {
	overlay, err := os.ReadFile(overlayFile("university-overlay.json"))
	require.NoError(t, err)
	stdout, stderr, status := runCLI(t, string(overlay), "policy", "check", "-", "--json")
	require.Equal(t, exitOK, status, "policy check - (standard input): %s", stderr)
	assert.JSONEq(t, `{"overlay":"example-institute-2023","base":"pk-federal-2022","valid":true,"violations":[]}`, stdout)
}
