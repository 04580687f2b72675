package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// zeros is an endless standard input, like /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// Every command that reads a file or standard input stops at the limit
// with a clear error instead of reading without end.
func TestInputsAreBounded(t *testing.T) {
	commands := [][]string{
		{"case", "status", "-"},
		{"case", "import", "-", "--admin", "hr-1", "--store", "memory:"},
		{"committee", "check", "-"},
		{"policy", "check", "-"},
		{"simulate", "-"},
	}
	for _, args := range commands {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb strings.Builder
			status := run(&env{stdin: zeros{}, stdout: &out, stderr: &errb, now: testNow}, args)
			assert.Equal(t, exitUsage, status, "stderr: %s", errb.String())
			assert.Contains(t, errb.String(), "standard input is larger than the limit of 16777216 bytes")
		})
	}
}

func TestCaseStatusDevZeroFailsFast(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, stderr, status := runCLI(t, "", "case", "status", "/dev/zero")
	assert.Equal(t, exitUsage, status)
	assert.Contains(t, stderr, "/dev/zero is larger than the limit")
}

// A read command on a mistyped store fails (exit 2) and leaves no empty
// database behind; only import creates one.
func TestReadCommandsCreateNoStore(t *testing.T) {
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, "hifazt.db")
	for _, args := range [][]string{
		{"case", "list", "--admin", "hr-1"}, {"case", "show", "case-1", "--admin", "hr-1"}, {"case", "export", "case-1", "--admin", "hr-1"},
		{"case", "verify", "case-1"}, {"case", "access", "case-1", "--admin", "hr-1"},
		{"case", "apply", "case-1", `{"type":"add_note","on":"2026-03-12","by":"accused","note":"x"}`, "--admin", "hr-1"},
	} {
		_, stderr, status := runCLI(t, "", append(args, "--store", store)...)
		assert.Equal(t, exitUsage, status, "%v", args)
		assert.Contains(t, stderr, "no such database file", "%v", args)
		assert.NoFileExists(t, filepath.Join(dir, "hifazt.db"), "%v created the store", args)
	}
}
