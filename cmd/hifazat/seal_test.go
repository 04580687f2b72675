package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casestore/access"
)

// withdrawnCase is a case withdrawn on 2025-09-03: past the default
// retention period (365 days) on the tests' today, 2026-11-23.
const withdrawnCase = `{"policy": "pk-federal-2022", "calendar": "pk-federal", "incident_on": "2025-08-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"}},
 "events": [
  {"type": "file_complaint", "on": "2025-09-01", "by": "complainant", "note": "marker-statement"},
  {"type": "request_withdrawal", "on": "2025-09-02", "by": "complainant"},
  {"type": "accept_withdrawal", "on": "2025-09-03", "by": "inquiry_committee"}]}`

// sealedStore returns a new SQLite store flag and a new key file.
func sealedStore(t *testing.T) (store, keyFile string) {
	t.Helper()
	dir := t.TempDir()
	keyFile = filepath.Join(dir, "hifazat.key")
	stdout, stderr, status := runCLI(t, "", "key", "new", "--out", keyFile)
	require.Equal(t, exitOK, status, "key new: %s", stderr)
	assert.Contains(t, stdout, keyFile)
	info, err := os.Stat(keyFile)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the key file is created 0600")
	_, _, status = runCLI(t, "", "key", "new", "--out", keyFile)
	assert.Equal(t, exitUsage, status, "key new never overwrites a key")
	return "sqlite:" + filepath.Join(dir, "cases.db"), keyFile
}

func importWith(t *testing.T, file, store string, flags ...string) string {
	t.Helper()
	stdout, stderr, status := runCLI(t, file, append([]string{"case", "import", "-", "--admin", "hr-1", "--json", "--store", store}, flags...)...)
	require.Equal(t, exitOK, status, "case import: %s", stderr)
	var got struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "case import --json: %s", stdout)
	return got.ID
}

func TestSealedCaseCommands(t *testing.T) {
	store, keyFile := sealedStore(t)
	key, err := os.ReadFile(keyFile)
	require.NoError(t, err)
	_, stderr, _ := runCLI(t, withdrawnCase, "case", "import", "-", "--admin", "hr-1", "--store", store, "--key-file", keyFile)
	assert.NotContains(t, stderr, "warning", "no warning with a key")
	id := importWith(t, withdrawnCase, store, "--key-file", keyFile)
	open := importWith(t, earlyCase, store, "--key-file", keyFile)
	_, otherKey := sealedStore(t)

	t.Setenv(envKeyFile, keyFile)
	stdout, stderr, status := runCLI(t, "", "case", "show", id, "--admin", "hr-1", "--json", "--store", store)
	require.Equal(t, exitOK, status, "show with the key from $%s: %s", envKeyFile, stderr)
	assert.Contains(t, stdout, `"state": "withdrawn"`)
	t.Setenv(envKeyFile, "")

	tests := []struct {
		name       string
		args       []string
		wantStatus int
		want       string // in stdout
		wantErr    string // in stderr
	}{
		{"show without the key", []string{"case", "show", id, "--admin", "hr-1"}, exitUsage, "", "is sealed: open the store with the deployment's key (a key file) to read or extend it; give the deployment's key with --key-file F or HIFAZAT_KEY_FILE"},
		{"show with another key", []string{"case", "show", id, "--admin", "hr-1", "--key-file", otherKey}, exitUsage, "", "give --key-file F (or HIFAZAT_KEY_FILE) the deployment's current key: after 'hifazat key rotate', the new one"},
		{"apply without the key", []string{"case", "apply", open, `{"type":"add_note","on":"2026-03-12","by":"accused","note":"x"}`, "--admin", "hr-1"}, exitUsage, "", "is sealed"},
		{"a key file that is not a key", []string{"case", "show", id, "--admin", "hr-1", "--key-file", filepath.Join(t.TempDir(), "missing")}, exitUsage, "", "--key-file"},
		{"verify without the key", []string{"case", "verify", id, "--json"}, exitOK, `"sealed": true`, ""},
		{"list without the key", []string{"case", "list", "--admin", "hr-1", "--state", "withdrawn"}, exitOK, id, ""},
		{"erase an open case", []string{"case", "erase", open, "--admin", "hr-1", "--key-file", keyFile}, exitRefused, "", "not withdrawn or closed"},
		{"erase without the key", []string{"case", "erase", id, "--admin", "hr-1"}, exitUsage, "", "--key-file F or HIFAZAT_KEY_FILE"},
		{"hold needs a reason", []string{"case", "hold", id, "--admin", "hr-1"}, exitUsage, "", "--reason"},
		{"hold", []string{"case", "hold", id, "--admin", "hr-1", "--reason", "suit 12/2026", "--json"}, exitOK, `"held": true`, ""},
		{"hold twice", []string{"case", "hold", id, "--admin", "hr-1", "--reason", "another"}, exitRefused, "", "already under a hold"},
		{"erase under a hold", []string{"case", "erase", id, "--admin", "hr-1", "--key-file", keyFile, "--json"}, exitRefused, `"refused": "held"`, ""},
		{"release", []string{"case", "release", id, "--admin", "hr-1"}, exitOK, "released 2026-11-23", ""},
		{"release twice", []string{"case", "release", id, "--admin", "hr-1"}, exitRefused, "", "under no hold"},
		{"erase", []string{"case", "erase", id, "--admin", "hr-1", "--key-file", keyFile, "--json"}, exitOK, `"erased_on": "2026-11-23"`, ""},
		{"show an erased case", []string{"case", "show", id, "--admin", "hr-1", "--key-file", keyFile}, exitRefused, "", "was erased on 2026-11-23"},
		{"verify an erased case", []string{"case", "verify", id, "--key-file", keyFile}, exitOK, "intact at version 3", ""},
		{"holds of an erased case", []string{"case", "holds", id}, exitOK, "hold placed 2026-11-23, released 2026-11-23: suit 12/2026", ""},
		{"erase twice", []string{"case", "erase", id, "--admin", "hr-1", "--key-file", keyFile}, exitRefused, "", "was erased on"},
		{"erase names an administrator", []string{"case", "erase", id, "--key-file", keyFile}, exitUsage, "", "name yourself with --admin ID"},
		{"hold names an administrator", []string{"case", "hold", id, "--reason", "r"}, exitUsage, "", "name yourself with --admin ID"},
		{"release names an administrator", []string{"case", "release", id}, exitUsage, "", "name yourself with --admin ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, "", append(tt.args, "--store", store)...)
			assert.Equal(t, tt.wantStatus, status, "hifazat %v: %s", tt.args, stderr)
			assert.Contains(t, stdout, tt.want, "stdout of %v", tt.args)
			assert.Contains(t, stderr, tt.wantErr, "stderr of %v", tt.args)
			for _, secret := range []string{strings.TrimSpace(string(key)), "marker-statement"} {
				assert.NotContains(t, stdout+stderr, secret, "hifazat %v printed a key or sealed content", tt.args)
			}
		})
	}
	assertAdministered(t, store, id)
}

// assertAdministered checks that the access log of case id names the
// administrator of every hold, release and erasure the table above tried,
// with its outcome: erasure destroys the content, so the log is what shows
// who did it.
func assertAdministered(t *testing.T, store, id string) {
	t.Helper()
	stdout, stderr, status := runCLI(t, "", "case", "access", id, "--admin", "hr-1", "--json", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	var entries []access.Entry
	require.NoError(t, json.Unmarshal([]byte(stdout), &entries))
	var got []string
	for _, x := range entries {
		switch x.What {
		case "erase", "hold", "release":
			got = append(got, x.Actor.ID+" "+x.What+" "+x.Outcome)
		}
	}
	assert.Equal(t, []string{
		"hr-1 erase failed", // without the key
		"hr-1 hold written", "hr-1 hold refused", "hr-1 erase refused", "hr-1 release written",
		"hr-1 release refused", "hr-1 erase written", "hr-1 erase refused",
	}, got)
}

// TestImportWarnsWithoutKey: without a key, import stores the case in
// clear and says so once.
func TestImportWarnsWithoutKey(t *testing.T) {
	t.Setenv(envKeyFile, "")
	store := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	_, stderr, status := runCLI(t, earlyCase, "case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	assert.Equal(t, 1, strings.Count(stderr, "warning: no deployment key"), "one warning: %q", stderr)
}

// TestEraseRetained: a case withdrawn within the retention period is not
// erased, and the refusal says until when.
func TestEraseRetained(t *testing.T) {
	store, keyFile := sealedStore(t)
	recent := strings.NewReplacer("2025-09-0", "2026-09-0", "2025-08-20", "2026-08-20").Replace(withdrawnCase)
	id := importWith(t, recent, store, "--key-file", keyFile)
	stdout, stderr, status := runCLI(t, "", "case", "erase", id, "--admin", "hr-1", "--json", "--store", store, "--key-file", keyFile)
	assert.Equal(t, exitRefused, status, stderr)
	assert.Contains(t, stdout, `"refused": "retained"`)
	assert.Contains(t, stdout, `"until": "2027-09-04"`)
}

// TestKeyRotate: after key rotate, the new key alone opens the cases.
func TestKeyRotate(t *testing.T) {
	store, oldKey := sealedStore(t)
	_, newKey := sealedStore(t)
	id := importWith(t, withdrawnCase, store, "--key-file", oldKey)
	_, _, status := runCLI(t, "", "case", "show", id, "--admin", "hr-1", "--store", store, "--key-file", newKey)
	require.Equal(t, exitUsage, status, "the new key before rotation")
	stdout, stderr, status := runCLI(t, "", "key", "rotate", "--store", store, "--key-file", newKey, "--old-key-file", oldKey, "--json")
	require.Equal(t, exitOK, status, "key rotate: %s", stderr)
	assert.Contains(t, stdout, `"rewrapped": 1`)
	_, stderr, status = runCLI(t, "", "case", "show", id, "--admin", "hr-1", "--store", store, "--key-file", newKey)
	assert.Equal(t, exitOK, status, "the new key after rotation: %s", stderr)
	_, _, status = runCLI(t, "", "case", "show", id, "--admin", "hr-1", "--store", store, "--key-file", oldKey)
	assert.Equal(t, exitUsage, status, "the old key after rotation")
	_, stderr, status = runCLI(t, "", "key", "rotate", "--store", store, "--key-file", newKey)
	assert.Equal(t, exitUsage, status)
	assert.Contains(t, stderr, "--old-key-file")
}
