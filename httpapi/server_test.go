package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/httpapi"
)

// The synthetic case the tests file: invented people, distinct markers in
// every confidential value so that a leak is found by a string search.
const (
	witnessID     = "w-MARKER-51"
	statementNote = "STATEMENT-MARKER complainant's account"
	caseFile      = `{"policy":"pk-federal-2022","calendar":"pk-federal","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},
 "accused":{"relationship":"employee","id":"e-42"},"witnesses":[{"id":"` + witnessID + `"}]},
 "committee":{"competent_authority":"ca-1","members":[{"id":"ic-1","name":"Ayesha K.","gender":"female","seat":"senior_management","chair":true}]},
 "events":[{"type":"file_complaint","on":"2026-03-02","by":"complainant","received_on":"2026-03-02"}]}`
)

var today = civil.MustParse("2026-03-10")

// fixture is a server on a memory store with a token per actor.
type fixture struct {
	t      testing.TB
	srv    *httpapi.Server
	tokens map[string]string // by actor id
	store  casestore.Store
}

var actors = []httpapi.Actor{
	{ID: "ic-1", Role: httpapi.InquiryCommittee, Org: "uni"},
	{ID: "ca-1", Role: httpapi.CompetentAuthority, Org: "uni"},
	{ID: "e-17", Role: httpapi.Complainant, Org: "uni"},
	{ID: "e-42", Role: httpapi.Accused, Org: "uni"},
	{ID: "e-99", Role: httpapi.Complainant, Org: "uni"}, // a complainant of no case here
	{ID: "st-1", Role: httpapi.Statistics, Org: "uni"},
}

func newFixture(t testing.TB, mod ...func(*httpapi.Config)) *fixture {
	t.Helper()
	store, err := memstore.New(casestore.Options{Today: func() civil.Date { return today }})
	require.NoError(t, err)
	f := &fixture{t: t, tokens: map[string]string{}, store: store}
	cfg := httpapi.Config{Store: f.store, Today: func() civil.Date { return today }, Now: testNow, Metrics: observed}
	for _, a := range actors {
		tok, e, err := httpapi.Issue(a)
		require.NoError(t, err)
		f.tokens[a.ID] = tok
		cfg.Tokens = append(cfg.Tokens, e)
	}
	for _, m := range mod {
		m(&cfg)
	}
	srv, err := httpapi.New(cfg)
	require.NoError(t, err)
	f.srv = srv
	return f
}

// req is one request of a test.
type req struct {
	method, path, as, body string
	header                 map[string]string
	remote                 string // the client's "IP:port" (httptest's 192.0.2.1:1234 when empty)
}

// on returns the fixture reporting to t (a fuzz target's input).
func (f *fixture) on(t testing.TB) *fixture {
	g := *f
	g.t = t
	return &g
}

func (f *fixture) do(r req) *httptest.ResponseRecorder {
	f.t.Helper()
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	hr := httptest.NewRequest(r.method, r.path, body)
	if r.body != "" {
		hr.Header.Set("Content-Type", "application/json")
	}
	if r.as != "" {
		hr.Header.Set("Authorization", "Bearer "+f.tokens[r.as])
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	if r.remote != "" {
		hr.RemoteAddr = r.remote
	}
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, hr)
	return w
}

// file files the test case as the complainant and returns its id.
func (f *fixture) file() string {
	f.t.Helper()
	w := f.do(req{method: "POST", path: "/v1/cases", as: "e-17", body: caseFile})
	require.Equal(f.t, http.StatusCreated, w.Code, w.Body.String())
	var c struct{ ID string }
	require.NoError(f.t, json.Unmarshal(w.Body.Bytes(), &c))
	return c.ID
}

func problemOf(t *testing.T, w *httptest.ResponseRecorder) httpapi.Problem {
	t.Helper()
	require.Equal(t, "application/problem+json", w.Header().Get("Content-Type"), w.Body.String())
	var p httpapi.Problem
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &p))
	require.Equal(t, w.Code, p.Status)
	return p
}

func TestFileAppendShow(t *testing.T) {
	f := newFixture(t)
	id := f.file()
	ev := func(version, body string) *httptest.ResponseRecorder {
		return f.do(req{method: "POST", path: "/v1/cases/" + id + "/events", as: "ic-1", body: body, header: map[string]string{"If-Match": version}})
	}
	w := ev(`"1"`, `{"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, `"2"`, w.Header().Get("ETag"))
	assert.JSONEq(t, `{"id":"`+id+`","version":2,"state":"complaint_received"}`, w.Body.String())

	// The same version again: the case moved on.
	w = ev(`"1"`, `{"type":"communicate_charges","on":"2026-03-05","by":"inquiry_committee"}`)
	p := problemOf(t, w)
	assert.Equal(t, http.StatusConflict, w.Code)
	assert.Equal(t, httpapi.TypeConflict, p.Type)
	require.NotNil(t, p.Version)
	assert.EqualValues(t, 2, *p.Version)

	// Findings before any inquiry: the law refuses, with code and citation.
	w = ev(`"2"`, `[{"type":"communicate_charges","on":"2026-03-05","by":"inquiry_committee"},{"type":"decide","on":"2026-03-06","by":"competent_authority"}]`)
	assert.Equal(t, http.StatusForbidden, w.Code, "the committee may not record the Competent Authority's act")
	w = f.do(req{method: "POST", path: "/v1/cases/" + id + "/events", as: "ca-1", body: `{"type":"decide","on":"2026-03-06","by":"competent_authority"}`, header: map[string]string{"If-Match": `"2"`}})
	p = problemOf(t, w)
	assert.Equal(t, http.StatusUnprocessableEntity, w.Code)
	assert.Equal(t, "not_allowed", p.Code)
	assert.NotEmpty(t, p.Citation)
	assert.Equal(t, 1, p.Event)
	assert.Empty(t, p.Field, "not about one field")

	// An act dated after today never reaches the case (it would wedge it).
	w = ev(`"2"`, `{"type":"communicate_charges","on":"2026-04-01","by":"inquiry_committee"}`)
	p = problemOf(t, w)
	assert.Equal(t, http.StatusUnprocessableEntity, w.Code)
	assert.Equal(t, "invalid_event", p.Code)
	assert.Equal(t, "on", p.Field, "the refusal names the field at fault")
	w = ev(`"2"`, `{"type":"communicate_charges","on":"2026-03-05","by":"inquiry_committee","penalties":["flogging"]}`)
	p = problemOf(t, w)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Equal(t, "penalties[0]", p.Field, "a malformed event names the field too")

	// The committee records the accused's defence, received on paper, in one batch.
	w = ev(`"2"`, `[{"type":"communicate_charges","on":"2026-03-05","by":"inquiry_committee"},{"type":"submit_defence","on":"2026-03-09","by":"accused"}]`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, `"4"`, w.Header().Get("ETag"))

	for _, who := range []string{"ic-1", "e-17", "e-42", "ca-1"} {
		w = f.do(req{method: "GET", path: "/v1/cases/" + id, as: who})
		require.Equal(t, http.StatusOK, w.Code, who)
		assert.Equal(t, `"4"`, w.Header().Get("ETag"))
		var shown struct {
			ID      string
			Version int64
			As      string
			At      string
			Status  struct{ State string }
		}
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &shown))
		assert.Equal(t, id, shown.ID)
		assert.EqualValues(t, 4, shown.Version)
		assert.Equal(t, today.String(), shown.At)
		assert.NotEmpty(t, shown.Status.State)
	}
	w = f.do(req{method: "GET", path: "/v1/cases/" + id + "?at=2026-03-03", as: "ic-1"})
	assert.Contains(t, w.Body.String(), `"at":"2026-03-03"`)
}

// TestPartiesSeeOnlyTheirOwn: a party's token reaches only the cases in
// which its id is that party's, and never learns that others exist.
func TestPartiesSeeOnlyTheirOwn(t *testing.T) {
	f := newFixture(t)
	id := f.file()
	for _, tc := range []struct {
		name string
		r    req
		want int
	}{
		{"another complainant shows", req{method: "GET", path: "/v1/cases/" + id, as: "e-99"}, 404},
		{"another complainant appends", req{method: "POST", path: "/v1/cases/" + id + "/events", as: "e-99", body: `{"type":"request_withdrawal","on":"2026-03-04","by":"complainant"}`, header: map[string]string{"If-Match": `"1"`}}, 404},
		{"a complainant files for someone else", req{method: "POST", path: "/v1/cases", as: "e-99", body: caseFile}, 403},
		{"the accused records the complainant's act", req{method: "POST", path: "/v1/cases/" + id + "/events", as: "e-42", body: `{"type":"request_withdrawal","on":"2026-03-04","by":"complainant"}`, header: map[string]string{"If-Match": `"1"`}}, 403},
		{"statistics records", req{method: "POST", path: "/v1/cases/" + id + "/events", as: "st-1", body: `{"type":"add_note","on":"2026-03-04","by":"statistics"}`, header: map[string]string{"If-Match": `"1"`}}, 403},
		{"a party lists", req{method: "GET", path: "/v1/cases", as: "e-17"}, 403},
		{"statistics lists", req{method: "GET", path: "/v1/cases", as: "st-1"}, 403},
		{"a role from the query", req{method: "GET", path: "/v1/cases/" + id + "?as=inquiry_committee", as: "e-99"}, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do(tc.r)
			assert.Equal(t, tc.want, w.Code, w.Body.String())
			problemOf(t, w)
		})
	}
}

// TestNoLeakToParties: the complainant's name, the witness's id and the
// complainant's statement never reach the accused or statistics.
func TestNoLeakToParties(t *testing.T) {
	f := newFixture(t)
	id := f.file()
	w := f.do(req{method: "POST", path: "/v1/cases/" + id + "/events", as: "ic-1", header: map[string]string{"If-Match": `"1"`},
		body: `[{"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee"},{"type":"communicate_charges","on":"2026-03-05","by":"inquiry_committee"},
		{"type":"submit_defence","on":"2026-03-07","by":"accused"},{"type":"start_inquiry","on":"2026-03-08","by":"inquiry_committee"},
		{"type":"record_statement","on":"2026-03-09","by":"inquiry_committee","note":"` + statementNote + `"}]`})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	committee := f.do(req{method: "GET", path: "/v1/cases/" + id, as: "ic-1"}).Body.String()
	assert.Contains(t, committee, statementNote, "the committee sees the statement")
	assert.Contains(t, committee, witnessID)
	for _, who := range []string{"e-42", "e-17", "st-1", "ca-1"} {
		body := f.do(req{method: "GET", path: "/v1/cases/" + id, as: who}).Body.String()
		assert.NotContains(t, body, statementNote, who)
		assert.NotContains(t, body, witnessID, who)
	}
	stats := f.do(req{method: "GET", path: "/v1/cases/" + id, as: "st-1"}).Body.String()
	assert.NotContains(t, stats, `"e-17"`, "no identities in statistics")
	assert.NotContains(t, stats, id)
}

func TestListPaging(t *testing.T) {
	f := newFixture(t)
	ids := map[string]bool{}
	for range 5 {
		ids[f.file()] = true
	}
	seen := map[string]bool{}
	path := "/v1/cases?limit=2&state=complaint_received"
	for pages := 0; ; pages++ {
		require.Less(t, pages, 4)
		w := f.do(req{method: "GET", path: path, as: "ic-1"})
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var page struct {
			Cases []struct{ ID string }
			Next  string
		}
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &page))
		for _, c := range page.Cases {
			assert.False(t, seen[c.ID], "a case on two pages")
			seen[c.ID] = true
		}
		if page.Next == "" {
			break
		}
		path = "/v1/cases?limit=2&state=complaint_received&cursor=" + page.Next
	}
	assert.Equal(t, ids, seen)
	w := f.do(req{method: "GET", path: "/v1/cases?overdue=true&at=2026-12-01", as: "ca-1"})
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Body.String(), `"at":"2026-12-01"`)
}

func TestErrors(t *testing.T) {
	f := newFixture(t, func(c *httpapi.Config) { c.MaxBodyBytes = 4096 })
	id := f.file()
	evPath := "/v1/cases/" + id + "/events"
	notify := `{"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee"}`
	for _, tc := range []struct {
		name string
		r    req
		want int
		typ  string
	}{
		{"no token", req{method: "GET", path: "/v1/policies"}, 401, httpapi.TypeUnauthorized},
		{"unknown token", req{method: "GET", path: "/v1/policies", header: map[string]string{"Authorization": "Bearer hfz_nope"}}, 401, httpapi.TypeUnauthorized},
		{"basic auth", req{method: "GET", path: "/v1/policies", header: map[string]string{"Authorization": "Basic eDp5"}}, 401, httpapi.TypeUnauthorized},
		{"no route", req{method: "GET", path: "/v1/nothing", as: "ic-1"}, 404, httpapi.TypeNotFound},
		{"wrong method", req{method: "DELETE", path: "/v1/cases/" + id, as: "ic-1"}, 405, httpapi.TypeMethod},
		{"no such case", req{method: "GET", path: "/v1/cases/case-nothing", as: "ic-1"}, 404, httpapi.TypeNotFound},
		{"bad case id", req{method: "GET", path: "/v1/cases/%2e%2e", as: "ic-1"}, 400, httpapi.TypeMalformed},
		{"bad at", req{method: "GET", path: "/v1/cases/" + id + "?at=yesterday", as: "ic-1"}, 400, httpapi.TypeMalformed},
		{"no If-Match", req{method: "POST", path: evPath, as: "ic-1", body: notify}, 428, httpapi.TypePrecondition},
		{"bad If-Match", req{method: "POST", path: evPath, as: "ic-1", body: notify, header: map[string]string{"If-Match": `"x"`}}, 400, httpapi.TypeMalformed},
		{"not JSON", req{method: "POST", path: evPath, as: "ic-1", body: notify, header: map[string]string{"If-Match": `"1"`, "Content-Type": "text/plain"}}, 415, httpapi.TypeMediaType},
		{"malformed event", req{method: "POST", path: evPath, as: "ic-1", body: `{"type":1}`, header: map[string]string{"If-Match": `"1"`}}, 400, httpapi.TypeMalformed},
		{"empty array", req{method: "POST", path: evPath, as: "ic-1", body: `[]`, header: map[string]string{"If-Match": `"1"`}}, 400, httpapi.TypeMalformed},
		{"bad array", req{method: "POST", path: evPath, as: "ic-1", body: `[1,`, header: map[string]string{"If-Match": `"1"`}}, 400, httpapi.TypeMalformed},
		{"too large", req{method: "POST", path: evPath, as: "ic-1", body: `{"type":"add_note","note":"` + strings.Repeat("x", 5000) + `"}`, header: map[string]string{"If-Match": `"1"`}}, 413, httpapi.TypeTooLarge},
		{"malformed case file", req{method: "POST", path: "/v1/cases", as: "ic-1", body: `{"parties":1}`}, 400, httpapi.TypeMalformed},
		{"query on file", req{method: "POST", path: "/v1/cases?role=x", as: "ic-1", body: caseFile}, 400, httpapi.TypeMalformed},
		{"bad limit", req{method: "GET", path: "/v1/cases?limit=0", as: "ic-1"}, 400, httpapi.TypeMalformed},
		{"bad cursor", req{method: "GET", path: "/v1/cases?cursor=%%%", as: "ic-1"}, 400, httpapi.TypeMalformed},
		{"bad overdue", req{method: "GET", path: "/v1/cases?overdue=yes", as: "ic-1"}, 400, httpapi.TypeMalformed},
		{"repeated parameter", req{method: "GET", path: "/v1/cases?state=complaint_received&state=inquiry", as: "ic-1"}, 400, httpapi.TypeMalformed},
		{"unknown state", req{method: "GET", path: "/v1/cases?state=inqury", as: "ic-1"}, 400, httpapi.TypeMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do(tc.r)
			assert.Equal(t, tc.want, w.Code, w.Body.String())
			assert.Equal(t, tc.typ, problemOf(t, w).Type)
			assert.NotContains(t, w.Body.String(), "hfz_", "a token is never echoed")
		})
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t, func(c *httpapi.Config) { c.Rate, c.Burst = 0.001, 2 })
	for i := range 2 {
		assert.Equal(t, http.StatusOK, f.do(req{method: "GET", path: "/v1/policies", as: "ic-1"}).Code, i)
	}
	w := f.do(req{method: "GET", path: "/v1/policies", as: "ic-1"})
	assert.Equal(t, http.StatusTooManyRequests, w.Code)
	assert.NotEmpty(t, w.Header().Get("Retry-After"))
	assert.Equal(t, httpapi.TypeRateLimited, problemOf(t, w).Type)
	assert.Equal(t, http.StatusOK, f.do(req{method: "GET", path: "/v1/policies", as: "ca-1"}).Code, "each token has its own limit")
}

func TestOperations(t *testing.T) {
	f := newFixture(t, func(c *httpapi.Config) { c.Metrics = httpapi.NewMetrics() })
	w := f.do(req{method: "GET", path: "/healthz"})
	assert.Equal(t, http.StatusOK, w.Code)
	f.do(req{method: "GET", path: "/v1/policies", as: "ic-1"})
	w = f.do(req{method: "GET", path: "/metrics"})
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Body.String(), `hifazat_http_requests_total{route="GET /v1/policies",code="200"} 1`)
	assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"), "no CORS")
	require.NoError(t, f.store.Close())
	w = f.do(req{method: "GET", path: "/healthz"})
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	problemOf(t, w)
}

// testNow is the clock of the tests' access logs.
func testNow() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }
