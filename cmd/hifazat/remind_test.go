package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/internal/smtptest"
	"github.com/hifazat/hifazat/reminder"
)

// TestRemind: a cron round delivers the reminders due on the day once, signed;
// a second round sends nothing.
func TestRemind(t *testing.T) {
	t.Setenv("HIFAZAT_WEBHOOK_SECRET", "test-secret")
	var mu sync.Mutex
	var types []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !reminder.Verify([]byte("test-secret"), body, r.Header.Get(reminder.SignatureHeader)) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var ev struct {
			Type string
			Data map[string]any
		}
		require.NoError(t, json.Unmarshal(body, &ev))
		mu.Lock()
		types = append(types, ev.Type)
		mu.Unlock()
	}))
	defer hook.Close()
	store := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	caseFile := `{"policy":"pk-federal-2022","incident_on":"2026-11-01","parties":{"complainant":{"relationship":"employee","id":"e-1"},"accused":{"relationship":"employee","id":"e-2"}},
	"events":[{"type":"file_complaint","on":"2026-11-16","by":"complainant","received_on":"2026-11-16"}]}`
	_, stderr, status := runCLI(t, caseFile, "case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)

	stdout, stderr, status := runCLI(t, "", "remind", "--store", store, "--webhook", hook.URL, "--json")
	require.Equal(t, exitOK, status, stderr)
	var out struct {
		At                    string
		Sent, Failed, Pending int
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Equal(t, "2026-11-23", out.At)
	assert.Positive(t, out.Sent)
	assert.Zero(t, out.Pending)
	assert.Contains(t, types, reminder.TypeBreach, "the charges were due within 3 days of 2026-11-16")

	stdout, _, status = runCLI(t, "", "remind", "--store", store, "--webhook", hook.URL)
	assert.Equal(t, exitOK, status)
	assert.Contains(t, stdout, "0 sent")

	_, _, status = runCLI(t, "", "remind", "--store", store)
	assert.Equal(t, exitUsage, status, "no webhook")
	_, _, status = runCLI(t, "", "remind", "--store", store, "--webhook", hook.URL, "--windows", "x")
	assert.Equal(t, exitUsage, status)
	// A webhook that refuses every delivery: the failure shows in the exit
	// status whether or not --json is asked for.
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer refusing.Close()
	later := "sqlite:" + filepath.Join(t.TempDir(), "later.db")
	_, stderr, status = runCLI(t, caseFile, "case", "import", "-", "--admin", "hr-1", "--store", later)
	require.Equal(t, exitOK, status, stderr)
	stdout, stderr, status = runCLI(t, "", "remind", "--store", later, "--webhook", refusing.URL, "--json")
	assert.Equal(t, exitUsage, status, "failed deliveries with --json")
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Positive(t, out.Failed)
	assert.Contains(t, stderr, "status 503", "the reason, on stderr")
	assert.Contains(t, stderr, "a later round retries it")
	t.Setenv("HIFAZAT_WEBHOOK_SECRET", "")
	_, stderr, status = runCLI(t, "", "remind", "--store", store, "--webhook", hook.URL)
	assert.Equal(t, exitUsage, status, "no secret")
	assert.Contains(t, stderr, "set the environment variable HIFAZAT_WEBHOOK_SECRET")
}

// TestRemindMail: --smtp e-mails each reminder to the address of the forum
// that must act, once; the password comes from the environment and never
// shows.
func TestRemindMail(t *testing.T) {
	const password = "pa55-SECRET-word"
	t.Setenv("HIFAZAT_SMTP_PASSWORD", password)
	srv := smtptest.NewServer(t, false, "hifazat", password)
	store := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	caseFile := `{"policy":"pk-federal-2022","incident_on":"2026-11-01","parties":{"complainant":{"relationship":"employee","id":"e-1"},"accused":{"relationship":"employee","id":"e-2"}},
	"events":[{"type":"file_complaint","on":"2026-11-16","by":"complainant","received_on":"2026-11-16"}]}`
	_, stderr, status := runCLI(t, caseFile, "case", "import", "-", "--admin", "hr-1", "--store", store)
	require.Equal(t, exitOK, status, stderr)
	mail := []string{"remind", "--store", store, "--smtp", srv.Addr, "--mail-from", "Hifazat <hifazat@uni.example>",
		"--mail-to", "inquiry_committee=ic@uni.example, *=hr@uni.example", "--smtp-user", "hifazat", "--json"}

	stdout, stderr, status := runCLI(t, "", mail...)
	require.Equal(t, exitOK, status, stderr)
	var out struct{ Sent, Failed, Pending int }
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Positive(t, out.Sent)
	assert.Zero(t, out.Pending)
	got := srv.Received()
	require.Len(t, got, out.Sent)
	assert.Equal(t, "ic@uni.example", got[0].To, "the charges are the committee's")
	assert.Equal(t, "hifazat@uni.example", got[0].From)
	assert.NotContains(t, got[0].Data, "e-1", "no identity in an e-mail")

	stdout, _, status = runCLI(t, "", mail...)
	assert.Equal(t, exitOK, status)
	assert.Contains(t, stdout, `"sent": 0`)
	assert.Len(t, srv.Received(), out.Sent, "never twice")

	wrong := smtptest.NewServer(t, false, "hifazat", "another")
	later := "sqlite:" + filepath.Join(t.TempDir(), "later.db")
	_, stderr, status = runCLI(t, caseFile, "case", "import", "-", "--admin", "hr-1", "--store", later)
	require.Equal(t, exitOK, status, stderr)
	stdout, stderr, status = runCLI(t, "", "remind", "--store", later, "--smtp", wrong.Addr, "--mail-from", "hifazat@uni.example",
		"--mail-to", "*=hr@uni.example", "--smtp-user", "hifazat")
	assert.Equal(t, exitUsage, status, "a refused login is a failed delivery")
	assert.NotContains(t, stdout+stderr, password)
	assert.Contains(t, stderr, `login as "hifazat"`, "the reason, on stderr")

	// TestRemindSaysWhyADeliveryFailed: nothing listening is a reason too,
	// and a webhook's URL (which may carry a credential) is not echoed.
	closed := "127.0.0.1:1"
	fresh := func() string {
		s := "sqlite:" + filepath.Join(t.TempDir(), "fresh.db")
		_, stderr, status := runCLI(t, caseFile, "case", "import", "-", "--admin", "hr-1", "--store", s)
		require.Equal(t, exitOK, status, stderr)
		return s
	}
	_, stderr, status = runCLI(t, "", "remind", "--store", fresh(), "--smtp", closed, "--mail-from", "hifazat@uni.example",
		"--mail-to", "*=hr@uni.example")
	assert.Equal(t, exitUsage, status)
	assert.Contains(t, stderr, "connection refused")
	t.Setenv("HIFAZAT_WEBHOOK_SECRET", "s")
	_, stderr, status = runCLI(t, "", "remind", "--store", fresh(), "--webhook", "http://"+closed+"/hook?key=HOOK-CREDENTIAL")
	assert.Equal(t, exitUsage, status)
	assert.Contains(t, stderr, "webhook: ")
	assert.NotContains(t, stderr, "HOOK-CREDENTIAL")

	for _, args := range [][]string{
		{"--smtp", srv.Addr, "--mail-to", "*=hr@uni.example"},                                              // no sender
		{"--smtp", srv.Addr, "--mail-from", "hifazat@uni.example", "--mail-to", "registrar=r@uni.example"}, // no such forum
		{"--smtp", srv.Addr, "--mail-from", "hifazat@uni.example", "--mail-to", "hr@uni.example"},          // no forum
		{"--smtp", "smtp.uni.example", "--mail-from", "hifazat@uni.example", "--mail-to", "*=hr@uni.example"},
	} {
		_, stderr, status := runCLI(t, "", append([]string{"remind", "--store", store}, args...)...)
		assert.Equal(t, exitUsage, status, "%v: %s", args, stderr)
	}
	t.Setenv("HIFAZAT_SMTP_PASSWORD", "")
	_, _, status = runCLI(t, "", mail...)
	assert.Equal(t, exitUsage, status, "--smtp-user without a password")
}
