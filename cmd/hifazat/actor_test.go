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
		// o-1's list shows no case that has not reached the Ombudsperson.
		"hr-1 - - rejudge read",
		"e-42 accused accused append written",
		"e-42 inquiry_committee - append denied",
	}, accessRows(t, store, id))
}

// An actor records its own acts (a forum also a party's on paper); the
// accused holding the committee's role records nothing as the committee.
func TestApplyChecksWhoRecords(t *testing.T) {
	store := "sqlite:" + t.TempDir() + "/cases.db"
	stdout, stderr, status := runCLI(t, committeeCase(`{"id": "m-4", "name": "Omar F.", "gender": "male", "seat": "other"}`,
		`, {"type": "communicate_charges", "on": "2026-03-03", "by": "inquiry_committee"}`), "case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	id := strings.TrimSpace(stdout)
	_, stderr, status = runCLI(t, "", "case", "apply", id, `{"type":"add_note","on":"2026-03-11","by":"inquiry_committee","note":"x"}`,
		"--actor", "e-42", "--as", "inquiry_committee", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "an accused records its own acts")
	stdout, stderr, status = runCLI(t, "", "case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`,
		"--actor", "m-1", "--as", "inquiry_committee", "--store", store)
	assert.Equal(t, exitOK, status, "the committee records a defence received on paper: %s", stderr)
	assert.Contains(t, stdout, "state defence_closed")
}

// Issue 14, defect 2 through the command line: apply printed a refusal's
// message whole, naming a witness brought onto the committee to the
// employer who proposed it (s.4(3)(d) protects witnesses). It is redacted for the role the actor acts as (here the
// competent authority the case names; an employer, whom no case names, is refused the case); an administrator
// reads it whole.
func TestApplyRefusalRedactedForTheActor(t *testing.T) {
	store := "sqlite:" + t.TempDir() + "/cases.db"
	stdout, stderr, status := runCLI(t, committeeCase(`{"id": "m-4", "name": "Omar F.", "gender": "male", "seat": "other"}`, ""),
		"case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	id := strings.TrimSpace(stdout)
	replace := `{"type": "replace_member", "on": "2026-03-03", "by": "competent_authority",
	  "member": {"out": "m-2", "in": {"id": "m-3", "name": "Zara N.", "gender": "female", "seat": "other"}}}`

	_, stderr, status = runCLI(t, "", "case", "apply", id, replace, "--actor", "emp-1", "--as", "employer", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "does not name its employer")
	_, stderr, status = runCLI(t, "", "case", "apply", id, replace, "--actor", "ceo-1", "--as", "competent_authority", "--store", store)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stderr, "[withheld] is a party or a witness")
	assert.NotContains(t, stderr, "m-3", "the competent authority read who the witness is")

	stdout, _, status = runCLI(t, "", "case", "apply", id, replace, "--actor", "ceo-1", "--as", "competent_authority", "--json", "--store", store)
	assert.Equal(t, exitRefused, status)
	assert.NotContains(t, stdout, "m-3", "the competent authority read who the witness is")

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

// The newcomer's report: `case show --actor x-99 --as ombudsperson` printed
// the complainant's statement of a case at complaint_received. A forum role
// is granted only where the case ties that forum to it: a stranger claiming
// any forum is refused, reads no identity and no writing, and lists
// nothing; the refusal says what the case would have to record.
func TestStrangerClaimingAForumIsRefused(t *testing.T) {
	store := "sqlite:" + t.TempDir() + "/cases.db"
	bare := strings.Replace(earlyCase, `"received_on": "2026-03-02"}`, `"received_on": "2026-03-02", "note": "mk-statement"}`, 1)
	withCommittee := committeeCase(`{"id": "m-4", "name": "Omar F.", "gender": "male", "seat": "other"}`,
		`, {"type": "add_note", "on": "2026-03-03", "by": "complainant", "note": "mk-statement"}`)
	var ids []string
	for _, file := range []string{bare, withCommittee} {
		stdout, stderr, status := runCLI(t, file, "case", "import", "-", "--admin", "hr-1", "--store", store)
		require.Equal(t, exitOK, status, stderr)
		ids = append(ids, strings.TrimSpace(stdout))
	}
	why := map[string]string{
		"ombudsperson": "has not reached the ombudsperson", "district_court": "has not reached the district_court",
		"president_or_governor": "has not reached the president_or_governor", "employer": "does not name its employer",
		"inquiry_committee": "", "competent_authority": "", "witness": "not a witness",
	}
	for role, reason := range why {
		for _, id := range ids {
			stdout, stderr, status := runCLI(t, "", "case", "show", id, "--actor", "x-99", "--as", role, "--store", store)
			assert.Equal(t, exitRefused, status, "x-99 as %s on %s: %s", role, id, stdout)
			assert.Contains(t, stderr, reason, "x-99 as %s", role)
			for _, secret := range []string{"mk-statement", "e-17", "e-42", "m-1", "m-3", "ceo-1"} {
				assert.NotContains(t, stdout+stderr, secret, "x-99 as %s on %s", role, id)
			}
		}
	}
	_, stderr, _ := runCLI(t, "", "case", "show", ids[0], "--actor", "x-99", "--as", "inquiry_committee", "--store", store)
	assert.Contains(t, stderr, "records no inquiry committee")
	_, stderr, _ = runCLI(t, "", "case", "show", ids[0], "--actor", "x-99", "--as", "competent_authority", "--store", store)
	assert.Contains(t, stderr, "competent_authority")
	for _, role := range []string{"ombudsperson", "inquiry_committee", "competent_authority"} {
		stdout, _, _ := runCLI(t, "", "case", "list", "--actor", "x-99", "--as", role, "--store", store)
		for _, id := range ids {
			assert.NotContains(t, stdout, id, "x-99 lists as %s", role)
		}
	}
	stdout, stderr, status := runCLI(t, "", "case", "show", ids[1], "--actor", "m-1", "--as", "inquiry_committee", "--store", store)
	require.Equal(t, exitOK, status, "a member of the case's committee: %s", stderr)
	assert.Contains(t, stdout, "mk-statement")
}
