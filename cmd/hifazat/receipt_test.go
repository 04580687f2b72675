package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// applyReceipt applies a defence to the imported case and returns the
// receipt "case apply --json" printed.
func applyReceipt(t *testing.T, store, id string) string {
	t.Helper()
	stdout, stderr, status := runCLI(t, "", "case", "apply", id, `{"type":"submit_defence","on":"2026-03-11","by":"accused"}`, "--admin", "hr-1", "--json", "--store", store)
	require.Equal(t, exitOK, status, "case apply: %s", stderr)
	var got struct{ Receipt string }
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	require.True(t, strings.HasPrefix(got.Receipt, "hifazat-receipt:v1:"+id+":3:"), "receipt %q", got.Receipt)
	return got.Receipt
}

// snapshotIndex returns the statements that put back case id's index
// (its row's policy, state and deadlines, and its deadline rows) as they
// are now, as a careful forger rolling the case back would.
func snapshotIndex(t *testing.T, store, id string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", strings.TrimPrefix(store, "sqlite:"))
	require.NoError(t, err)
	defer db.Close()
	var policyID, state, deadlines string
	require.NoError(t, db.QueryRow(`SELECT policy, state, deadlines FROM hifazat_cases WHERE id = ?`, id).Scan(&policyID, &state, &deadlines))
	stmts := []string{
		fmt.Sprintf(`UPDATE hifazat_cases SET policy = '%s', state = '%s', deadlines = '%s' WHERE id = '%s'`, policyID, state, deadlines, id),
		fmt.Sprintf(`DELETE FROM hifazat_deadlines WHERE case_id = '%s'`, id),
	}
	rows, err := db.Query(`SELECT rule, due FROM hifazat_deadlines WHERE case_id = ?`, id)
	require.NoError(t, err)
	defer rows.Close()
	for rows.Next() {
		var rule, due string
		require.NoError(t, rows.Scan(&rule, &due))
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO hifazat_deadlines (case_id, rule, due) VALUES ('%s', '%s', '%s')`, id, rule, due))
	}
	return stmts
}

// sqlExec runs statements on the SQLite file behind store, as someone with
// write access to the database could.
func sqlExec(t *testing.T, store string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", strings.TrimPrefix(store, "sqlite:"))
	require.NoError(t, err)
	defer db.Close()
	for _, q := range stmts {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
}

// A receipt proves what the store acknowledged: a case truncated with its
// head rolled back verifies as intact, but not against the receipt; nor
// does a case deleted whole.
func TestCaseVerifyReceipt(t *testing.T) {
	t.Run("import prints a receipt", func(t *testing.T) {
		store := "sqlite:" + t.TempDir() + "/cases.db"
		stdout, stderr, status := runCLI(t, earlyCase, "case", "import", "-", "--admin", "hr-1", "--json", "--store", store)
		require.Equal(t, exitOK, status, stderr)
		var got struct{ ID, Receipt string }
		require.NoError(t, json.Unmarshal([]byte(stdout), &got))
		assert.True(t, strings.HasPrefix(got.Receipt, "hifazat-receipt:v1:"+got.ID+":2:"), "receipt %q", got.Receipt)
		_, stderr, status = runCLI(t, "", "case", "verify", got.ID, "--receipt", got.Receipt, "--store", store)
		assert.Equal(t, exitOK, status, stderr)
	})

	for _, tc := range []struct {
		name    string
		tamper  func(id string, index []string) []string
		problem string
	}{
		{"intact", func(string, []string) []string { return nil }, ""},
		{"truncated, head and index rolled back", func(id string, index []string) []string {
			return append([]string{
				`DELETE FROM hifazat_events WHERE case_id = '` + id + `' AND version = 3`,
				`UPDATE hifazat_cases SET version = 2, head = (SELECT hash FROM hifazat_events WHERE case_id = '` + id + `' AND version = 2) WHERE id = '` + id + `'`,
			}, index...)
		}, "removed"},
		{"deleted", func(id string, _ []string) []string {
			return []string{
				`DELETE FROM hifazat_deadlines WHERE case_id = '` + id + `'`,
				`DELETE FROM hifazat_events WHERE case_id = '` + id + `'`,
				`DELETE FROM hifazat_cases WHERE id = '` + id + `'`,
			}
		}, "deleted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, id := importCase(t)
			index := snapshotIndex(t, store, id)
			receipt := applyReceipt(t, store, id)
			sqlExec(t, store, tc.tamper(id, index)...)
			stdout, stderr, status := runCLI(t, "", "case", "verify", id, "--receipt", receipt, "--json", "--store", store)
			var got verifyJSON
			require.NoError(t, json.Unmarshal([]byte(stdout), &got), "stdout %q stderr %q", stdout, stderr)
			require.NotNil(t, got.Receipt)
			if tc.problem == "" {
				assert.Equal(t, exitOK, status, stderr)
				assert.True(t, got.Receipt.Honoured)
				return
			}
			assert.Equal(t, exitRefused, status, stderr)
			assert.False(t, got.Receipt.Honoured)
			assert.Contains(t, got.Receipt.Problem, tc.problem)
		})
	}

	store, id := importCase(t)
	for _, bad := range []string{"hifazat-receipt:v1:other-case:1:" + strings.Repeat("0", 64), "not a receipt"} {
		_, stderr, status := runCLI(t, "", "case", "verify", id, "--receipt", bad, "--store", store)
		assert.Equal(t, exitUsage, status, "verify --receipt %q: %s", bad, stderr)
	}
}
