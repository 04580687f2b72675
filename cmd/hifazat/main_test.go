package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// testNow is the clock the command-line tests run under: 2026-11-23 in
// Karachi.
func testNow() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }

// runCLI runs the command line args with stdin and returns what it printed
// and its exit status. Every command test goes through it.
func runCLI(t testing.TB, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errb bytes.Buffer
	status = run(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, now: testNow}, args)
	return out.String(), errb.String(), status
}

func TestUnknownCommand(t *testing.T) {
	_, stderr, status := runCLI(t, "", "frobnicate")
	assert.Equal(t, exitUsage, status, "hifazat frobnicate")
	assert.Contains(t, stderr, `unknown command "frobnicate"`)
}

func TestHelp(t *testing.T) {
	stdout, _, status := runCLI(t, "", "help")
	assert.Equal(t, exitOK, status)
	assert.Contains(t, stdout, "usage: hifazat COMMAND")
	// The help agrees with the README: every case subcommand, both ways
	// of reminding, and one column for every summary.
	assert.Contains(t, stdout, "erase, hold, release, holds")
	assert.Contains(t, stdout, "to a webhook and/or by e-mail")
	assert.Contains(t, stdout, "\n  code-of-conduct the Code")
	assert.Contains(t, stdout, "\n  case            replay")
	stdout, _, status = runCLI(t, "", "compliance", "--help")
	assert.Equal(t, exitOK, status)
	assert.Contains(t, stdout, "[--key-file F]", "as README has it for report")
	stdout, _, _ = runCLI(t, "", "case", "--help")
	assert.Contains(t, stdout, "postgres://USER:PASSWORD@HOST/DB", "as README has it")
	stdout, _, _ = runCLI(t, "", "remind", "--help")
	assert.Contains(t, stdout, "[--smtp-user U]")
}
