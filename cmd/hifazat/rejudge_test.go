package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ombudspersonFile is a 2022 complaint to the federal Ombudsperson,
// decided after 136 days.
const ombudspersonFile = `{"incident_on": "2022-02-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-1"}, "accused": {"relationship": "employee", "id": "e-2"}},
 "events": [
  {"type": "file_with_ombudsperson", "on": "2022-03-01", "by": "complainant"},
  {"type": "issue_show_cause", "on": "2022-03-03", "by": "ombudsperson"},
  {"type": "submit_defence", "on": "2022-03-08", "by": "accused"},
  {"type": "decide_complaint", "on": "2022-07-15", "by": "ombudsperson", "finding": "guilty", "penalties": ["censure"]}]}`

func TestCaseRejudge(t *testing.T) {
	stdout, stderr, status := runCLI(t, ombudspersonFile, "case", "rejudge", "-", "--policy", "pk-federal-2010")
	require.Equal(t, exitOK, status, stderr)
	for _, want := range []string{"NOTICE: hypothetical", "not the law that governs the case",
		"deadline ombudsperson-decision: due 2022-05-30, late -> (none)"} {
		assert.Contains(t, stdout, want)
	}
	assert.NotContains(t, stdout, "e-1", "no identities")

	stdout, stderr, status = runCLI(t, ombudspersonFile, "case", "rejudge", "-", "--policy", "pk-federal-2022")
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "Nothing changes")

	stdout, stderr, status = runCLI(t, ombudspersonFile, "case", "rejudge", "-", "--policy", "pk-federal-2010", "--json")
	require.Equal(t, exitOK, status, stderr)
	var r struct {
		Notice      string `json:"notice"`
		Differences []struct {
			What, Item, Original, Rejudged string
		} `json:"differences"`
		Rejudged struct {
			Policy string `json:"policy"`
		} `json:"rejudged"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &r))
	assert.Equal(t, "pk-federal-2010", r.Rejudged.Policy)
	assert.Len(t, r.Differences, 2)
}

func TestCaseRejudgeSet(t *testing.T) {
	stdout, stderr, status := runCLI(t, ombudspersonFile, "case", "rejudge", "-", "--set", "late_filing_needs_condonation=false")
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "with late_filing_needs_condonation = false")
	assert.Contains(t, stdout, "Nothing changes")
	_, stderr, status = runCLI(t, ombudspersonFile, "case", "rejudge", "-", "--set", "roll_forward_filings=false")
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "roll_forward_filings")
	_, stderr, status = runCLI(t, ombudspersonFile, "case", "rejudge", "-", "--set", "nonsense")
	assert.Equal(t, exitUsage, status, stderr)
}

func TestCaseRejudgeStored(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "case.json")
	require.NoError(t, os.WriteFile(file, []byte(ombudspersonFile), 0o600))
	store := "sqlite:" + filepath.Join(dir, "cases.db")
	stdout, stderr, status := runCLI(t, "", "case", "import", file, "--admin", "hr-1", "--json", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	var imported struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(stdout), &imported))
	stdout, stderr, status = runCLI(t, "", "case", "rejudge", imported.ID, "--store", store, "--admin", "hr-1", "--overlay", "../../policy/testdata/university-overlay.yaml")
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "re-judged under example-university-2024")
}

func TestCaseRejudgeErrors(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		status int
		msg    string
	}{
		{[]string{"-"}, exitUsage, "want one of --policy and --overlay"},
		{[]string{"-", "--policy", "pk-federal-2010", "--overlay", "x.yaml"}, exitUsage, "want one of --policy and --overlay"},
		{[]string{"-", "--policy", "pk-federal-2099"}, exitUsage, "pk-federal-2099"},
		{[]string{"-", "--overlay", "../../policy/testdata/university-overlay-refused.yaml"}, exitRefused, "refused"},
		{[]string{"nope", "--store", "memory:", "--admin", "hr-1", "--policy", "pk-federal-2010"}, exitUsage, "nope"},
		{[]string{"nope", "--store", "memory:", "--policy", "pk-federal-2010"}, exitUsage, "name the administrator who reads it with --admin ID"},
		{[]string{"-", "--admin", "hr-1", "--policy", "pk-federal-2010"}, exitUsage, "give it with --store"},
	} {
		_, stderr, status := runCLI(t, ombudspersonFile, append([]string{"case", "rejudge"}, tc.args...)...)
		assert.Equal(t, tc.status, status, "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.msg, "%v", tc.args)
	}
}

// TestRejudgeStoreOfFewCases: under 5 cases every count is withheld, a
// zero too (it would tell of each case), and says so: "withheld", never
// "fewer than 5" for a count that may be 0.
func TestRejudgeStoreOfFewCases(t *testing.T) {
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, "cases.db")
	path := filepath.Join(dir, "case.json")
	require.NoError(t, os.WriteFile(path, []byte(ombudspersonFile), 0o600))
	_, stderr, status := runCLI(t, "", "case", "import", path, "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	stdout, stderr, status := runCLI(t, "", "simulate", "--rejudge-store", store, "--admin", "hr-1", "--policy", "pk-federal-2010")
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "every count when fewer than 5 cases were re-judged")
	assert.Contains(t, stdout, "unreadable         withheld")
	assert.NotContains(t, stdout, "fewer than 5\n")
}

// TestSimulateRejudgeStore: every stored case re-judged, counts only,
// with counts from 1 to 4 withheld and no case identified.
func TestSimulateRejudgeStore(t *testing.T) {
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, "cases.db")
	former := strings.Replace(ombudspersonFile, `"relationship": "employee", "id": "e-1"`, `"relationship": "former_employee", "id": "e-1"`, 1)
	var ids []string
	for i, file := range []string{former, former, former, former, former, former, ombudspersonFile} {
		path := filepath.Join(dir, fmt.Sprintf("case-%d.json", i))
		require.NoError(t, os.WriteFile(path, []byte(file), 0o600))
		stdout, stderr, status := runCLI(t, "", "case", "import", path, "--admin", "hr-1", "--json", "--store", store)
		require.Equal(t, exitOK, status, stderr)
		var imported struct{ ID string }
		require.NoError(t, json.Unmarshal([]byte(stdout), &imported))
		ids = append(ids, imported.ID)
	}
	stdout, stderr, status := runCLI(t, "", "simulate", "--rejudge-store", store, "--admin", "hr-1", "--policy", "pk-federal-2010")
	require.Equal(t, exitOK, status, stderr)
	for _, want := range []string{"NOTICE: hypothetical: every case re-judged under pk-federal-2010", "k = 5",
		"cases              7", "state_changed      6", "event_refused      6", "deadline_changed   7", "unchanged          0"} {
		assert.Contains(t, stdout, want)
	}
	for _, id := range append(ids, "e-1", "e-2") {
		assert.NotContains(t, stdout, id, "no case is identified")
	}

	stdout, stderr, status = runCLI(t, "", "simulate", "--rejudge-store", store, "--admin", "hr-1", "--policy", "pk-federal-2010", "--json")
	require.Equal(t, exitOK, status, stderr)
	var out struct {
		K      int `json:"k"`
		Counts []struct {
			Name       string `json:"name"`
			Count      int64  `json:"count"`
			Suppressed bool   `json:"suppressed"`
		} `json:"counts"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Equal(t, 5, out.K)

	for _, args := range [][]string{{"--policy", "pk-federal-2010"}, {"--rejudge-store", store}, {"--rejudge-store", store, "--admin", "hr-1", "--policy", "pk-federal-2010", "--vary", "all"},
		{"--rejudge-store", store, "--policy", "pk-federal-2010"}, {"--admin", "hr-1"}} {
		_, stderr, status = runCLI(t, "", append([]string{"simulate"}, args...)...)
		assert.Equal(t, exitUsage, status, "%v: %s", args, stderr)
	}
}
