package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"
)

// earlyCase is the demo's case cut after the charges were communicated.
const earlyCase = `{"policy": "pk-federal-2022", "calendar": "pk-federal", "incident_on": "2026-02-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"}},
 "events": [
  {"type": "file_complaint", "on": "2026-03-02", "by": "complainant", "received_on": "2026-03-02"},
  {"type": "communicate_charges", "on": "2026-03-05", "by": "inquiry_committee"}]}`

// importCase imports earlyCase into a fresh SQLite store and returns the
// store flag and the case id.
func importCase(t testing.TB) (store, id string) {
	t.Helper()
	store = "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	stdout, stderr, status := runCLI(t, earlyCase, "case", "import", "-", "--admin", "hr-1", "--json", "--store", store)
	require.Equal(t, exitOK, status, "case import: %s", stderr)
	var got struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "case import --json: %s", stdout)
	require.NotEmpty(t, got.ID)
	return store, got.ID
}

func TestCaseStoreCommands(t *testing.T) {
	store, id := importCase(t)
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		want       string // in stdout
		wantErr    string // in stderr
	}{
		{"list overdue once the defence is late", []string{"case", "list", "--admin", "hr-1", "--overdue", "--at", "2026-03-13"}, exitOK, id + "  2", ""},
		{"list due within a week", []string{"case", "list", "--admin", "hr-1", "--due-within", "7", "--at", "2026-03-10", "--json"}, exitOK, `"rule": "defence"`, ""},
		{"apply a defence", []string{"case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`, "--admin", "hr-1", "--json"}, exitOK, `"state": "defence_closed"`, ""},
		{"apply what the law refuses", []string{"case", "apply", id, `{"type":"decide","on":"2026-03-12","by":"competent_authority"}`, "--admin", "hr-1"}, exitRefused, "", "not_allowed"},
		{"apply malformed JSON", []string{"case", "apply", id, `{"type":"submit_defence",`, "--admin", "hr-1"}, exitUsage, "", "case apply"},
		{"apply an unknown field", []string{"case", "apply", id, `{"type":"add_note","on":"2026-03-12","by":"accused","colour":"red"}`, "--admin", "hr-1"}, exitUsage, "", "colour"},
		{"apply to an unknown case", []string{"case", "apply", "case-nobody", `{"type":"add_note","on":"2026-03-12","by":"accused","note":"x"}`, "--admin", "hr-1"}, exitUsage, "", "case-nobody"},
		{"show as the accused", []string{"case", "show", id, "--actor", "e-42", "--as", "accused", "--at", "2026-03-12", "--json"}, exitOK, `"state": "defence_closed"`, ""},
		{"show with an unknown role", []string{"case", "show", id, "--actor", "e-42", "--as", "neighbour"}, exitUsage, "", "--as"},
		{"export", []string{"case", "export", id, "--admin", "hr-1"}, exitOK, `"type": "submit_defence"`, ""},
		{"verify", []string{"case", "verify", id, "--json"}, exitOK, `"intact": true`, ""},
		{"verify an unknown case", []string{"case", "verify", "case-nobody"}, exitUsage, "", "case-nobody"},
		{"list needs a sane window", []string{"case", "list", "--admin", "hr-1", "--due-within", "-3"}, exitUsage, "", "DueWithin"},
		{"list an unknown state", []string{"case", "list", "--admin", "hr-1", "--state", "inqury"}, exitUsage, "", "want one of not_filed, informal"},
		{"list an unknown policy", []string{"case", "list", "--admin", "hr-1", "--policy", "nonsense"}, exitUsage, "", "pk-federal-2022"},
		{"list says the date it judged on", []string{"case", "list", "--admin", "hr-1"}, exitOK, "as of 2026-11-23\n", ""},
		{"list --json says the date too", []string{"case", "list", "--admin", "hr-1", "--json", "--at", "2026-03-13"}, exitOK, `"as_of": "2026-03-13"`, ""},
		{"show says the date it judged on", []string{"case", "show", id, "--admin", "hr-1"}, exitOK, "as of 2026-11-23\n", ""},
		{"apply an unknown event type", []string{"case", "apply", id, `{"type":"teleport","on":"2026-03-12","by":"accused"}`, "--admin", "hr-1"}, exitUsage, "", "teleport"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, "", append(tt.args, "--store", store)...)
			assert.Equal(t, tt.wantStatus, status, "hifazat %v: stderr %s", tt.args, stderr)
			assert.Contains(t, stdout, tt.want, "hifazat %v", tt.args)
			assert.Contains(t, stderr, tt.wantErr, "hifazat %v", tt.args)
			if tt.wantStatus != exitOK {
				assert.Empty(t, stdout, "hifazat %v", tt.args)
			}
			if tt.wantErr != "" {
				assert.Equal(t, 1, strings.Count(stderr, "\n"), "one-line message for hifazat %v: %q", tt.args, stderr)
			} else {
				assert.Empty(t, stderr, "hifazat %v", tt.args)
			}
		})
	}
}

func TestCaseListOverdueBoundary(t *testing.T) {
	store, id := importCase(t)
	// The defence is due on 2026-03-12 (s.4(1)(b)): not overdue that day,
	// overdue the day after.
	stdout, _, status := runCLI(t, "", "case", "list", "--admin", "hr-1", "--overdue", "--at", "2026-03-12", "--store", store)
	assert.Equal(t, exitOK, status)
	assert.NotContains(t, stdout, id, "overdue on the last day")
	stdout, _, status = runCLI(t, "", "case", "list", "--admin", "hr-1", "--overdue", "--at", "2026-03-13", "--store", store)
	assert.Equal(t, exitOK, status)
	assert.Contains(t, stdout, id, "overdue the day after")
}

func TestCaseShowStatisticsHidesIdentities(t *testing.T) {
	store, id := importCase(t)
	stdout, stderr, status := runCLI(t, "", "case", "show", id, "--actor", "st-1", "--as", "statistics", "--json", "--store", store)
	require.Equal(t, exitOK, status, "case show --as statistics: %s", stderr)
	for _, secret := range []string{id, "e-17", "e-42"} {
		assert.NotContains(t, stdout, secret, "statistics view")
	}
}

// A committee warning names the conflicted member, who is also the
// witness: the statistics view keeps the warning's code, not its message.
func TestCaseShowStatisticsDropsWarningMessages(t *testing.T) {
	store := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	file := committeeCase(`{"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}`, "")
	stdout, stderr, status := runCLI(t, file, "case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, "case import: %s", stderr)
	id := strings.TrimSpace(stdout)
	stdout, stderr, status = runCLI(t, "", "case", "show", id, "--admin", "hr-1", "--json", "--store", store)
	require.Equal(t, exitOK, status, "case show: %s", stderr)
	require.Contains(t, stdout, "member m-3 is a witness", "the full status names the member")
	stdout, stderr, status = runCLI(t, "", "case", "show", id, "--actor", "st-1", "--as", "statistics", "--json", "--store", store)
	require.Equal(t, exitOK, status, "case show --as statistics: %s", stderr)
	var got struct {
		Status struct {
			Warnings []struct{ Code, Message string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "%s", stdout)
	require.NotEmpty(t, got.Status.Warnings, "%s", stdout)
	for _, w := range got.Status.Warnings {
		assert.NotEmpty(t, w.Code, "statistics view")
		assert.Empty(t, w.Message, "statistics view of %s", w.Code)
	}
	assert.NotContains(t, stdout, "is a witness", "statistics view")
}

func TestCaseImportRefusedAndMalformed(t *testing.T) {
	store := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	refused := strings.Replace(earlyCase, `"by": "inquiry_committee"`, `"by": "accused"`, 1)
	_, stderr, status := runCLI(t, refused, "case", "import", "-", "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitRefused, status, "import of a case with a refused event: %s", stderr)
	assert.Contains(t, stderr, "event 2 (communicate_charges) refused", "events count from 1")
	assert.Contains(t, stderr, "forbidden_actor")
	assert.NotContains(t, stderr, "case-", "an id that was never stored")

	malformedEvent := strings.Replace(earlyCase, `"by": "inquiry_committee"`, `"by": "janitor"`, 1)
	_, stderr, status = runCLI(t, malformedEvent, "case", "import", "-", "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitUsage, status, "import of an unknown role: %s", stderr)
	assert.Contains(t, stderr, `event 2 field "by"`, "events count from 1")

	_, stderr, status = runCLI(t, `{"events": [}`, "case", "import", "-", "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitUsage, status, "import of malformed JSON: %s", stderr)

	stdout, _, status := runCLI(t, "", "case", "list", "--admin", "hr-1", "--json", "--store", store)
	assert.Equal(t, exitOK, status)
	assert.JSONEq(t, `{"as_of": "2026-11-23", "cases": []}`, stdout, "nothing was stored")
}

func TestCaseVerifyFindsTampering(t *testing.T) {
	store, id := importCase(t)
	db, err := sql.Open("sqlite", strings.TrimPrefix(store, "sqlite:"))
	require.NoError(t, err)
	defer db.Close()
	res, err := db.Exec(`UPDATE hifazat_events SET body = replace(body, '2026-03-05', '2026-03-04') WHERE version = 2`)
	require.NoError(t, err)
	n, err := res.RowsAffected()
	require.NoError(t, err)
	require.EqualValues(t, 1, n, "tampered rows")

	stdout, stderr, status := runCLI(t, "", "case", "verify", id, "--store", store)
	assert.Equal(t, exitRefused, status, "verify after tampering: %s", stderr)
	assert.Contains(t, stdout, "event 2 modified", "verify names the first bad event")
}

// TestCaseApplyInputs: the event comes as JSON on the command line, from a
// file, or from standard input; each lands as the next event, counted
// from 1.
func TestCaseApplyInputs(t *testing.T) {
	store, id := importCase(t)
	file := filepath.Join(t.TempDir(), "note.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"type":"add_note","on":"2026-03-06","by":"inquiry_committee","note":"from a file"}`), 0o600))
	for i, tt := range []struct {
		name, stdin, arg string
	}{
		{"argument", "", `{"type":"add_note","on":"2026-03-06","by":"inquiry_committee","note":"inline"}`},
		{"file", "", file},
		{"stdin", `{"type":"add_note","on":"2026-03-06","by":"inquiry_committee","note":"piped"}`, "-"},
	} {
		stdout, stderr, status := runCLI(t, tt.stdin, "case", "apply", id, tt.arg, "--admin", "hr-1", "--store", store)
		require.Equal(t, exitOK, status, "case apply from %s: %s", tt.name, stderr)
		assert.Contains(t, stdout, fmt.Sprintf("add_note applied as event %d;", 3+i), "case apply from %s", tt.name)
	}
	_, stderr, status := runCLI(t, "", "case", "apply", id, filepath.Join(t.TempDir(), "missing.json"), "--admin", "hr-1", "--store", store)
	assert.Equal(t, exitUsage, status, "case apply from a missing file")
	assert.Contains(t, stderr, "missing.json")
}

// TestCaseApplyJSONRefusal: a refusal is JSON too, with the code, message
// and citation, the event counted both ways, and exit status 1.
func TestCaseApplyJSONRefusal(t *testing.T) {
	store, id := importCase(t)
	stdout, stderr, status := runCLI(t, "", "case", "apply", id, `{"type":"decide","on":"2026-03-12","by":"competent_authority"}`, "--admin", "hr-1", "--json", "--store", store)
	assert.Equal(t, exitRefused, status, "refused apply: %s", stderr)
	assert.Empty(t, stderr)
	var got struct {
		ID      string
		Version int64
		State   string
		Error   struct {
			Index, Event        int
			Type, Code, Message string
			Citation            string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "%s", stdout)
	assert.Equal(t, id, got.ID)
	assert.Equal(t, int64(2), got.Version, "the case stays at its version")
	assert.Equal(t, "charges_communicated", got.State)
	assert.Equal(t, 2, got.Error.Index, "0-based position in events")
	assert.Equal(t, 3, got.Error.Event, "1-based event number")
	assert.Equal(t, "decide", got.Error.Type)
	assert.Equal(t, "not_allowed", got.Error.Code)
	assert.NotEmpty(t, got.Error.Message)
	assert.Contains(t, got.Error.Citation, "s.4(5)")

	stdout, _, status = runCLI(t, "", "case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`, "--admin", "hr-1", "--json", "--store", store)
	assert.Equal(t, exitOK, status)
	var ok map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &ok), "%s", stdout)
	assert.Equal(t, map[string]any{"id": id, "version": 3.0, "state": "defence_closed", "error": nil, "receipt": ok["receipt"]}, ok)
	assert.Contains(t, ok["receipt"], "hifazat-receipt:v1:"+id+":3:", "the receipt of the event stored")
}
