package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A case whose stored record was altered is neither shown, exported nor
// extended: exit 1, naming the change; verify names it too.
func TestTamperedCaseRefused(t *testing.T) {
	for _, tc := range []struct {
		name, stmt, want string
	}{
		{"event edited", `UPDATE hifazat_events SET body = replace(body, '2026-03-05', '2026-03-04') WHERE version = 2`, "event 2 modified"},
		{"state index edited", `UPDATE hifazat_cases SET state = 'closed'`, "case index modified: the stored state is closed"},
		{"event index edited", `UPDATE hifazat_events SET by_role = 'complainant' WHERE version = 2`, "event 2 index_modified"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, id := importCase(t)
			sqlExec(t, store, tc.stmt)
			for _, args := range [][]string{
				{"case", "show", id, "--admin", "hr-1"}, {"case", "export", id, "--admin", "hr-1"}, {"case", "verify", id},
				{"case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`, "--admin", "hr-1"},
			} {
				stdout, stderr, status := runCLI(t, "", append(args, "--store", store)...)
				assert.Equal(t, exitRefused, status, "%v: %s", args, stderr)
				assert.Contains(t, stdout+stderr, tc.want, "%v", args)
				if args[1] != "verify" {
					assert.Empty(t, stdout, "%v showed the tampered case", args)
				}
			}
		})
	}
}

// The store takes the command line's clock: an event dated after today
// (in Asia/Karachi) is refused, exit 1, naming the date.
func TestApplyFutureDateRefused(t *testing.T) {
	store, id := importCase(t)
	_, stderr, status := runCLI(t, "", "case", "apply", id, `{"type":"add_note","on":"2062-01-01","by":"accused","note":"x"}`, "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "invalid_event")
	assert.Contains(t, stderr, "2062-01-01 is after today (2026-11-23)")
}

// With --actor, the case decides the role and every read is logged; the
// log is for the forums.
func TestCaseShowActorAndAccess(t *testing.T) {
	store, id := importCase(t)
	stdout, stderr, status := runCLI(t, "", "case", "show", id, "--as", "ombudsperson", "--actor", "e-42", "--json", "--store", store)
	assert.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, `"role": "accused"`, "the accused claiming the Ombudsperson reads as the accused")

	_, stderr, status = runCLI(t, "", "case", "show", id, "--as", "accused", "--actor", "e-99", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "not the case's accused")

	_, stderr, status = runCLI(t, "", "case", "access", id, "--actor", "e-17", "--as", "complainant", "--store", store)
	assert.Equal(t, exitRefused, status, "the complainant reading the access log: %s", stderr)

	_, stderr, status = runCLI(t, "", "case", "access", id, "--actor", "o-1", "--as", "ombudsperson", "--store", store)
	assert.Equal(t, exitRefused, status, "the Ombudsperson before the case reached her: %s", stderr)
	assert.Contains(t, stderr, "has not reached the ombudsperson")

	stdout, stderr, status = runCLI(t, "", "case", "access", id, "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitOK, status, stderr)
	var rows []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n")[1:] {
		f := strings.Fields(line)
		rows = append(rows, strings.Join(f[2:], " ")) // without SEQ and AT
	}
	assert.Equal(t, []string{"hr-1 - - create written", "e-42 ombudsperson accused status read", "e-99 accused - status denied",
		"e-17 complainant complainant access read", "o-1 ombudsperson - access denied", "hr-1 - - access read"}, rows)
}

// Issue 14, defect 5: list read the index unchecked, so a case whose state
// was edited to closed was listed as closed, as if sound. It is marked
// altered, and the command exits 1 naming it.
func TestCaseListMarksAlteredCases(t *testing.T) {
	store, id := importCase(t)
	sqlExec(t, store, `UPDATE hifazat_cases SET state = 'closed'`)
	stdout, stderr, status := runCLI(t, "", "case", "list", "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stdout, "ALTERED (closed?)")
	assert.Contains(t, stderr, "case "+id+" was altered")
	stdout, _, status = runCLI(t, "", "case", "list", "--admin", "hr-1", "--json", "--store", store)
	assert.Equal(t, exitRefused, status)
	assert.Contains(t, stdout, `"tampered": true`)
}
