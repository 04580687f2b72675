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
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeDemo runs "hifazat serve --store memory:" as a newcomer would:
// it prints the address and demo tokens; a token reads the policies; the
// server stops cleanly when told to.
func TestServeDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, &env{stdout: pw, stderr: &errb, now: testNow}, []string{"--addr", "127.0.0.1:0", "--store", "memory:"})
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	require.True(t, lines.Scan())
	addr := regexp.MustCompile(`http://(\S+) `).FindStringSubmatch(lines.Text())
	require.NotNil(t, addr, lines.Text())
	var token string
	for lines.Scan() && token == "" {
		if f := strings.Fields(lines.Text()); len(f) == 3 && f[0] == "inquiry_committee" {
			token = f[2]
		}
	}
	go io.Copy(io.Discard, pr)
	require.NotEmpty(t, token)

	r, _ := http.NewRequest("GET", "http://"+addr[1]+"/v1/policies", nil)
	r.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	var list []map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&list))
	resp.Body.Close()
	assert.NotEmpty(t, list)

	cancel()
	assert.Equal(t, exitOK, <-done)
	assert.NotContains(t, errb.String(), token, "the log never holds a token")
	assert.Contains(t, errb.String(), `"route":"GET /v1/policies"`)
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
		{"serve", "extra"},
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
