package main

import (
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
				{"case", "show", id}, {"case", "export", id}, {"case", "verify", id},
				{"case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`},
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
	_, stderr, status := runCLI(t, "", "case", "apply", id, `{"type":"add_note","on":"2062-01-01","by":"accused","note":"x"}`, "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "invalid_event")
	assert.Contains(t, stderr, "2062-01-01 is after today (2026-11-23)")
}
