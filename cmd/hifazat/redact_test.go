package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// actorOf is who reads a test case as each role: its parties' ids, a
// committee member never replaced, and officers the case does not name.
var actorOf = map[string]string{"complainant": "e-17", "accused": "e-42", "inquiry_committee": "m-1",
	"competent_authority": "ceo-1", "ombudsperson": "o-1", "statistics": "st-1"}

// showAs imports file into a new store and returns `case show ID --as
// ROLE --json` for each role.
func showAs(t *testing.T, file string, roles ...string) map[string]string {
	t.Helper()
	store := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	stdout, stderr, status := runCLI(t, file, "case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, "case import: %s", stderr)
	id := strings.TrimSpace(stdout)
	out := map[string]string{}
	for _, r := range roles {
		stdout, stderr, status := runCLI(t, "", "case", "show", id, "--actor", actorOf[r], "--as", r, "--json", "--store", store)
		require.Equal(t, exitOK, status, "case show --as %s: %s", r, stderr)
		out[r] = stdout
	}
	return out
}

// Defect 1 of issue 14: witness m-3 sits on the committee and is replaced
// for the case (s.3(3)); the parties and the Competent Authority read
// neither their id nor their name, whether in the committee's members, the
// replacement's "out" or the committee_invalid warning. The committee
// reads them.
func TestCaseShowAsNamesNoWitnessOnTheCommittee(t *testing.T) {
	third := `{"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}`
	replaced := `, {"type": "replace_member", "on": "2026-03-03", "by": "employer",
	  "member": {"out": "m-3", "in": {"id": "m-9", "name": "Sana Q.", "gender": "female", "seat": "other"}}}`
	tests := []struct {
		name string
		file string
	}{
		{"while the warning is live", committeeCase(third, "")},
		{"after the replacement", committeeCase(third, replaced)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown := showAs(t, tt.file, "complainant", "accused", "competent_authority", "statistics", "inquiry_committee")
			for _, role := range []string{"complainant", "accused", "competent_authority", "statistics"} {
				for _, secret := range []string{`"m-3"`, "m-3 ", "Omar F."} {
					assert.NotContains(t, shown[role], secret, "case show --as %s", role)
				}
			}
			assert.Contains(t, shown["inquiry_committee"], "Omar F.", "the committee reads who sits on it")
		})
	}
}

// Defect 2 of issue 14: free text on events reached both parties, and the
// status was not filtered by role. Each party reads its own writing only;
// the forum reads all of it.
func TestCaseShowAsReadsOwnWritingOnly(t *testing.T) {
	file := `{"calendar": "pk-federal", "incident_on": "2026-02-20",
	 "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"}},
	 "committee": {"competent_authority": "ceo-1", "members": [{"id": "m-1", "name": "Ayesha K.", "gender": "female", "seat": "senior_management", "chair": true}]},
	 "events": [
	  {"type": "file_complaint", "on": "2026-03-02", "by": "complainant", "note": "mk-complainant-note"},
	  {"type": "record_interim_measure", "on": "2026-03-03", "by": "employer", "note": "mk-interim-note"},
	  {"type": "add_note", "on": "2026-03-03", "by": "accused", "note": "mk-accused-note"},
	  {"type": "add_note", "on": "2026-03-04", "by": "inquiry_committee", "note": "mk-hearing-note"}]}`
	all := []string{"mk-complainant-note", "mk-interim-note", "mk-accused-note", "mk-hearing-note"}
	tests := []struct {
		role  string
		reads []string
	}{
		{"complainant", []string{"mk-complainant-note"}},
		{"accused", []string{"mk-accused-note"}},
		{"competent_authority", nil},
		{"statistics", nil},
		{"inquiry_committee", all},
	}
	roles := make([]string, len(tests))
	for i, tt := range tests {
		roles[i] = tt.role
	}
	shown := showAs(t, file, roles...)
	for _, tt := range tests {
		for _, mk := range all {
			assert.Equal(t, strings.Contains(strings.Join(tt.reads, " "), mk), strings.Contains(shown[tt.role], mk),
				"case show --as %s, %s: %s", tt.role, mk, shown[tt.role])
		}
	}
	assert.NotRegexp(t, `"\d{4}-\d{2}-\d{2}"`, shown["statistics"], "statistics read dates to the month")
}
