package main

import (
	"bytes"
	"testing"
)

// FuzzCaseApplyInput: whatever event text "case apply" is given (as an
// argument or on standard input), it exits 0, 1 or 2 without panicking, and
// the case it leaves behind verifies intact.
func FuzzCaseApplyInput(f *testing.F) {
	for _, s := range []string{
		`{"type":"submit_defence","on":"2026-03-11","by":"accused"}`,
		`{"type":"add_note","on":"2062-01-01","by":"accused","note":"x"}`,
		`{"type":"add_note","on":"2026-03-12","by":"accused","note":"x","note":"y"}`,
		`{"type":"replace_member","on":"2026-03-12","by":"competent_authority","member":{"out":"m-1","in":{"id":"m-9"}}}`,
		`{"type":`, `[]`, `{}`, "\x00",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	store, id := importCase(f)
	f.Fuzz(func(t *testing.T, input string, stdin bool) {
		arg, in := input, ""
		if stdin {
			arg, in = "-", input
		}
		var out, errb bytes.Buffer
		status := run(&env{stdin: bytes.NewReader([]byte(in)), stdout: &out, stderr: &errb, now: testNow}, []string{"case", "apply", id, arg, "--admin", "hr-1", "--store", store})
		if status != exitOK && status != exitRefused && status != exitUsage {
			t.Fatalf("case apply %q: exit %d: %s", input, status, errb.String())
		}
		_, stderr, vstatus := runCLI(t, "", "case", "verify", id, "--store", store)
		if vstatus != exitOK {
			t.Fatalf("after case apply %q the case does not verify: %s", input, stderr)
		}
	})
}
