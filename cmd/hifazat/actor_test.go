package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 14, defect 3: show, export, list, import and apply ran for anyone,
// unnamed and unlogged. Each now names who acts, or stops (exit 2) before
// touching the store.
func TestStoreCommandsNameWhoActs(t *testing.T) {
	store, id := importCase(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"case", "show", id}, actorUsage},
		{[]string{"case", "show", id, "--as", "accused"}, "--as needs --actor ID"},
		{[]string{"case", "show", id, "--actor", "e-42"}, "--actor needs --as ROLE"},
		{[]string{"case", "show", id, "--admin", "hr-1", "--actor", "e-42", "--as", "accused"}, "without --actor and --as"},
		{[]string{"case", "export", id}, "name yourself with --admin ID"},
		{[]string{"case", "list"}, actorUsage},
		{[]string{"case", "access", id}, actorUsage},
		{[]string{"case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`}, actorUsage},
		{[]string{"case", "import", "-"}, actorUsage},
	} {
		stdout, stderr, status := runCLI(t, earlyCase, append(tc.args, "--store", store)...)
		assert.Equal(t, exitUsage, status, "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.want, "%v", tc.args)
		assert.Empty(t, stdout, "%v", tc.args)
	}
	_, stderr, status := runCLI(t, "", "case", "export", id, "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	assert.Equal(t, []string{"hr-1 - - create written", "hr-1 - - export read"}, accessRows(t, store, id),
		"only the import and the export reached the case")
}

// Every read of a stored case is one entry of its access log, under the
// name given: show (whole, by role, statistics), export, list, rejudge;
// writes too.
func TestEveryReadIsLogged(t *testing.T) {
	store, id := importCase(t)
	for _, args := range [][]string{
		{"case", "show", id, "--admin", "hr-1"},
		{"case", "show", id, "--actor", "e-17", "--as", "complainant"},
		{"case", "show", id, "--actor", "st-1", "--as", "statistics"},
		{"case", "export", id, "--admin", "hr-2"},
		{"case", "list", "--actor", "o-1", "--as", "ombudsperson"},
		{"case", "list", "--actor", "e-42", "--as", "accused"},
		{"case", "rejudge", id, "--admin", "hr-1", "--policy", "pk-federal-2010"},
		{"case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`, "--actor", "e-42", "--as", "accused"},
		{"case", "apply", id, `{"type":"add_note","on":"2026-03-11","by":"inquiry_committee","note":"x"}`, "--actor", "e-42", "--as", "inquiry_committee"},
	} {
		runCLI(t, "", append(args, "--store", store)...)
	}
	assert.Equal(t, []string{
		"hr-1 - - create written",
		"hr-1 - - status read",
		"e-17 complainant complainant status read",
		"st-1 - - statistics read",
		"hr-2 - - export read",
		"o-1 ombudsperson ombudsperson list read",
		"hr-1 - - rejudge read",
		"e-42 accused accused append written",
		"e-42 inquiry_committee - append denied",
	}, accessRows(t, store, id))
}

// An actor records its own acts (a forum also a party's on paper); the
// accused holding the committee's role records nothing as the committee.
func TestApplyChecksWhoRecords(t *testing.T) {
	store, id := importCase(t)
	_, stderr, status := runCLI(t, "", "case", "apply", id, `{"type":"add_note","on":"2026-03-11","by":"inquiry_committee","note":"x"}`,
		"--actor", "e-42", "--as", "inquiry_committee", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "an accused records its own acts")
	stdout, stderr, status := runCLI(t, "", "case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`,
		"--actor", "m-1", "--as", "inquiry_committee", "--store", store)
	assert.Equal(t, exitOK, status, "the committee records a defence received on paper: %s", stderr)
	assert.Contains(t, stdout, "state defence_closed")
}

// Issue 14, defect 2 through the command line: apply printed a refusal's
// message whole, naming a witness brought onto the committee to the
// employer who proposed it (s.4(3)(d) protects witnesses). It is redacted for the role the actor acts as; an
// administrator reads it whole.
func TestApplyRefusalRedactedForTheActor(t *testing.T) {
	store := "sqlite:" + t.TempDir() + "/cases.db"
	stdout, stderr, status := runCLI(t, committeeCase(`{"id": "m-4", "name": "Omar F.", "gender": "male", "seat": "other"}`, ""),
		"case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	id := strings.TrimSpace(stdout)
	replace := `{"type": "replace_member", "on": "2026-03-03", "by": "employer",
	  "member": {"out": "m-2", "in": {"id": "m-3", "name": "Zara N.", "gender": "female", "seat": "other"}}}`

	_, stderr, status = runCLI(t, "", "case", "apply", id, replace, "--actor", "emp-1", "--as", "employer", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "[withheld] is a party or a witness")
	assert.NotContains(t, stderr, "m-3", "the employer read who the witness is")

	stdout, _, status = runCLI(t, "", "case", "apply", id, replace, "--actor", "emp-1", "--as", "employer", "--json", "--store", store)
	assert.Equal(t, exitRefused, status)
	assert.NotContains(t, stdout, "m-3", "the employer read who the witness is")

	_, stderr, status = runCLI(t, "", "case", "apply", id, replace, "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitRefused, status)
	assert.Contains(t, stderr, "m-3 is a witness", "the administrator reads the refusal whole")
}

// accessRows is the access log of case id, read by an administrator (that
// read logged too, but after the rows are taken), as "ACTOR CLAIMED AS
// WHAT OUTCOME" rows.
func accessRows(t *testing.T, store, id string) []string {
	t.Helper()
	stdout, stderr, status := runCLI(t, "", "case", "access", id, "--admin", "hr-audit", "--json", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	var entries []struct {
		Actor             struct{ ID, Role string }
		As, What, Outcome string
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &entries), stdout)
	var rows []string
	for _, e := range entries[:len(entries)-1] { // the last is this read
		rows = append(rows, strings.Join([]string{e.Actor.ID, dash(e.Actor.Role), dash(e.As), e.What, e.Outcome}, " "))
	}
	return rows
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
