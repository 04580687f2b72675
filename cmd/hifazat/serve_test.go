package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// served is a "hifazat serve" running in the test.
type served struct {
	addr   string
	tokens map[string]string // demo tokens by role
	stop   context.CancelFunc
	done   chan int
	log    *lockedLog
}

// lockedLog is the server's log, written by its goroutines while the test
// reads it.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs serve with args on a free port and reads its address and
// the demo tokens it prints.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	s := &served{tokens: map[string]string{}, stop: cancel, done: make(chan int, 1), log: &lockedLog{}}
	go func() {
		s.done <- serve(ctx, &env{stdout: pw, stderr: s.log, now: testNow}, append([]string{"--addr", "127.0.0.1:0"}, args...))
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	require.True(t, lines.Scan())
	addr := regexp.MustCompile(`http://(\S+) `).FindStringSubmatch(lines.Text())
	require.NotNil(t, addr, lines.Text())
	s.addr = addr[1]
	for !slices.Contains(args, "--tokens") && lines.Scan() && !strings.HasPrefix(lines.Text(), "try:") {
		if f := strings.Fields(lines.Text()); len(f) == 3 {
			s.tokens[f[0]] = f[2]
		}
	}
	go io.Copy(io.Discard, pr)
	t.Cleanup(func() { cancel() })
	return s
}

// get sends GET path with token and returns the status and body.
func (s *served) get(t *testing.T, token, path string) (int, string) {
	t.Helper()
	r, _ := http.NewRequest("GET", "http://"+s.addr+path, nil)
	r.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// TestServeDemo runs "hifazat serve --store memory:" as a newcomer would:
// it prints the address and demo tokens; a token reads the policies; the
// server stops cleanly when told to.
func TestServeDemo(t *testing.T) {
	s := startServe(t, "--store", "memory:")
	token := s.tokens["inquiry_committee"]
	require.NotEmpty(t, token)
	code, body := s.get(t, token, "/v1/policies")
	require.Equal(t, http.StatusOK, code)
	var list []map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &list))
	assert.NotEmpty(t, list)

	s.stop()
	assert.Equal(t, exitOK, <-s.done)
	assert.NotContains(t, s.log.String(), token, "the log never holds a token")
	assert.Contains(t, s.log.String(), `"route":"GET /v1/policies"`)
}

// TestServeOrganisation: with --organisation (and its overlay) the
// committee audits the organisation's record over HTTP; a party may not.
func TestServeOrganisation(t *testing.T) {
	s := startServe(t, "--store", "memory:", "--organisation", complianceOrg, "--overlay", complianceOverlay)
	code, body := s.get(t, s.tokens["inquiry_committee"], "/v1/compliance/audit?at=2025-09-30")
	require.Equal(t, http.StatusOK, code, body)
	assert.Contains(t, body, `"organisation":"riverside-university"`)
	assert.Contains(t, body, `"cases_checked":true`)
	code, _ = s.get(t, s.tokens["complainant"], "/v1/compliance/audit")
	assert.Equal(t, http.StatusForbidden, code)
	code, body = s.get(t, s.tokens["competent_authority"], "/v1/compliance/report?year=2025")
	require.Equal(t, http.StatusOK, code, body)
	assert.Contains(t, body, `"organisations":["riverside-university"]`)
}

// TestServeTokenReload: SIGHUP re-reads the token file; a token taken out
// of it is refused from then on, without a restart, and a broken file
// changes nothing.
func TestServeTokenReload(t *testing.T) {
	dir := t.TempDir()
	tokens := filepath.Join(dir, "tokens.json")
	issue := func(id string) (string, json.RawMessage) {
		stdout, stderr, status := runCLI(t, "", "token", "--id", id, "--role", "inquiry_committee", "--org", "uni")
		require.Equal(t, exitOK, status, stderr)
		var out struct {
			Token string
			Entry json.RawMessage
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &out))
		return out.Token, out.Entry
	}
	keep, keepEntry := issue("ic-1")
	revoke, revokeEntry := issue("ic-2")
	write := func(content string) {
		// Written aside and renamed, as an operator's tool should: the
		// server never reads half a file.
		require.NoError(t, os.WriteFile(tokens+".new", []byte(content), 0o600))
		require.NoError(t, os.Rename(tokens+".new", tokens))
	}
	write("[" + string(keepEntry) + "," + string(revokeEntry) + "]")
	s := startServe(t, "--store", "memory:", "--tokens", tokens)
	code, _ := s.get(t, revoke, "/v1/me")
	require.Equal(t, http.StatusOK, code)

	hup := func(want string) {
		t.Helper()
		n := strings.Count(s.log.String(), want)
		require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
		require.Eventually(t, func() bool { return strings.Count(s.log.String(), want) > n }, 5*time.Second, 10*time.Millisecond)
	}
	write("[" + string(keepEntry) + "]")
	hup("tokens reloaded")
	code, _ = s.get(t, revoke, "/v1/me")
	assert.Equal(t, http.StatusUnauthorized, code, "revoked without a restart")
	code, _ = s.get(t, keep, "/v1/me")
	assert.Equal(t, http.StatusOK, code)

	write("[" + string(keepEntry) + ",")
	hup("tokens not reloaded")
	code, _ = s.get(t, keep, "/v1/me")
	assert.Equal(t, http.StatusOK, code, "a broken file changes nothing")
	s.stop()
	assert.Equal(t, exitOK, <-s.done)
}

// TestServeUsageSaysWhatToDo: the mistakes a newcomer makes first are
// answered with what to give: the entry 'hifazat token' prints, alone and
// not in an array, and an organisation file without its overlay.
func TestServeUsageSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, status := runCLI(t, "", "token", "--id", "ic-1", "--role", "inquiry_committee", "--org", "uni")
	require.Equal(t, exitOK, status, stderr)
	var out struct{ Entry json.RawMessage }
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	alone := filepath.Join(dir, "tokens.json")
	require.NoError(t, os.WriteFile(alone, out.Entry, 0o600))
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--store", "memory:", "--tokens", alone}, `want a JSON array of entries, each the "entry" 'hifazat token' prints`},
		{[]string{"serve", "--store", "memory:", "--organisation", complianceOrg}, `operates under "riverside-2024", which is neither built in nor the --overlay given: give its institutional overlay with --overlay FILE`},
	} {
		_, stderr, status := runCLI(t, "", tt.args...)
		assert.Equal(t, exitUsage, status, stderr)
		assert.Contains(t, stderr, tt.want)
	}
}

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "tokens.json")
	require.NoError(t, os.WriteFile(bad, []byte(`[{"sha256":"00","actor":{}}]`), 0o600))
	for _, args := range [][]string{
		{"serve", "--store", "sqlite:" + filepath.Join(dir, "x.db")}, // no tokens for a real store
		{"serve", "--tokens", bad},
		{"serve", "--store", "memory:", "--overlay", filepath.Join(dir, "none.yaml")},
		{"serve", "--store", "memory:", "--calendar-file", filepath.Join(dir, "none.yaml")},
		{"serve", "--store", "memory:", "--organisation", filepath.Join(dir, "none.yaml")},
		{"serve", "--store", "memory:", "--organisation", complianceOrg}, // its policy needs its overlay
		{"serve", "--store", "memory:", "--organisation", bad},
		{"serve", "extra"},
		{"serve", "--store", "memory:", "--trusted-proxy", "10.0.0.0/33"},
		{"serve", "--store", "memory:", "--client-rate", "0"},
		{"token", "--id", "e-1", "--role", "boss", "--org", "o"},
		{"token", "--role", "accused", "--org", "o"},
	} {
		_, stderr, status := runCLI(t, "", args...)
		assert.Equal(t, exitUsage, status, "%v: %s", args, stderr)
	}
}

func TestToken(t *testing.T) {
	// Every role a token may carry, statistics included, is issued and
	// written back under the name serve reads.
	for _, role := range []string{"complainant", "statistics"} {
		stdout, stderr, status := runCLI(t, "", "token", "--id", "e-17", "--role", role, "--org", "uni")
		require.Equal(t, exitOK, status, "%s: %s", role, stderr)
		var out struct {
			Token string
			Entry json.RawMessage
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &out))
		assert.True(t, strings.HasPrefix(out.Token, "hfz_"))
		assert.NotContains(t, string(out.Entry), out.Token, "the entry keeps only the hash")
		assert.Contains(t, string(out.Entry), `"role": "`+role+`"`)
	}
	// A casefsm role no token may carry is refused at issue, not at serve.
	_, _, status := runCLI(t, "", "token", "--id", "w-1", "--role", "witness", "--org", "uni")
	assert.Equal(t, exitUsage, status)
}
