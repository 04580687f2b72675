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

// TestProblemDetailsSayWhatIsMeant: a 422 says which event of the request
// and of the case it is about, a 403 names the role with its article, and
// a 428 suggests no version the case is not at.
func TestProblemDetailsSayWhatIsMeant(t *testing.T) {
	f := newFixture(t)
	id := f.file()
	path := "/v1/cases/" + id + "/events"
	w := f.do(req{method: "POST", path: path, as: "ic-1", body: `{"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee"}`, header: map[string]string{"If-Match": `"1"`}})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())

	w = f.do(req{method: "POST", path: path, as: "ca-1", body: `{"type":"decide","on":"2026-03-06","by":"competent_authority"}`, header: map[string]string{"If-Match": `"2"`}})
	p := problemOf(t, w)
	require.Equal(t, http.StatusUnprocessableEntity, w.Code)
	assert.Equal(t, 1, p.Event, "the request's number, as the contract has it")
	assert.Contains(t, p.Detail, "(event 1 of this request, which would be the case's event 3)")

	w = f.do(req{method: "POST", path: path, as: "e-42", body: `{"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee"}`, header: map[string]string{"If-Match": `"2"`}})
	p = problemOf(t, w)
	require.Equal(t, http.StatusForbidden, w.Code)
	assert.True(t, strings.HasPrefix(p.Detail, "an accused records its own acts"), p.Detail)

	w = f.do(req{method: "POST", path: path, as: "ic-1", body: `{"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee"}`})
	p = problemOf(t, w)
	require.Equal(t, http.StatusPreconditionRequired, w.Code)
	assert.Contains(t, p.Detail, "the ETag of GET /v1/cases/{id}")
	assert.NotRegexp(t, `"[0-9]+"`, p.Detail, "no example version the case may not be at")
}
