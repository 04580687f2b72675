package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/httpapi"
)

// TestRequestLogNamesTheRole: an authenticated request's log line names
// the actor's role and its token's hash prefix (as the tokens file names
// it), whatever its status; an unauthenticated one "-"; no line carries an
// actor's id, a token, a case id or a body.
func TestRequestLogNamesTheRole(t *testing.T) {
	var buf bytes.Buffer
	f := newFixture(t, func(c *httpapi.Config) { c.Logger = slog.New(slog.NewJSONHandler(&buf, nil)) })
	id := f.file()
	f.do(req{method: "GET", path: "/v1/cases/" + id, as: "ic-1"})
	f.do(req{method: "GET", path: "/v1/cases/" + id, as: "e-99"})
	f.do(req{method: "GET", path: "/v1/policies"})
	type line struct{ Route, Role, Token string }
	var got []line
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var ln line
		require.NoError(t, json.Unmarshal([]byte(l), &ln), l)
		got = append(got, ln)
	}
	hash := func(actor string) string { return fmt.Sprintf("%x", httpapi.HashToken(f.tokens[actor]))[:8] }
	assert.Equal(t, []line{
		{"POST /v1/cases", "complainant", hash("e-17")},
		{"GET /v1/cases/{id}", "inquiry_committee", hash("ic-1")},
		{"GET /v1/cases/{id}", "complainant", hash("e-99")},
		{"GET /v1/policies", "-", "-"},
	}, got)
	for _, secret := range []string{id, "e-17", "ic-1", "e-99", f.tokens["ic-1"], witnessID, "STATEMENT-MARKER"} {
		assert.NotContains(t, buf.String(), secret)
	}
	assert.Equal(t, http.StatusUnauthorized, f.do(req{method: "GET", path: "/v1/me", header: map[string]string{"Authorization": "Bearer nope"}}).Code)
	assert.NotContains(t, buf.String(), "nope")
}
