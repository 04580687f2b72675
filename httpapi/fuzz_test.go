package httpapi_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/time/rate"

	"github.com/hifazat/hifazat/httpapi"
)

// FuzzParseTokens: a token file never panics the parser, and what it
// accepts names valid actors with distinct hashes.
func FuzzParseTokens(f *testing.F) {
	f.Add(`[{"sha256":"` + strings.Repeat("ab", 32) + `","actor":{"id":"e-1","role":"accused","org":"o"}}]`)
	f.Add(`[]`)
	f.Add(`[{"sha256":"00","actor":{}}]`)
	f.Fuzz(func(t *testing.T, s string) {
		es, err := httpapi.ParseTokens(strings.NewReader(s))
		if err != nil {
			return
		}
		seen := map[httpapi.TokenHash]bool{}
		for _, e := range es {
			if e.Actor.ID == "" || e.Actor.Org == "" || seen[e.SHA256] {
				t.Fatalf("accepted a bad entry %+v", e)
			}
			seen[e.SHA256] = true
		}
	})
}

// FuzzAppendBody: whatever body, If-Match or query a client sends to the
// append route, the answer is never a 500, and an error is a problem.
func FuzzAppendBody(f *testing.F) {
	f.Add(`{"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee"}`, `"1"`, "")
	f.Add(`[{"type":"communicate_charges","on":"2026-03-05","by":"inquiry_committee"}]`, `"1"`, "")
	f.Add(`[`, `x`, "a=b")
	f.Add(`{"type":"record_statement","on":"2026-03-09","by":"inquiry_committee","note":"x"}`, `"7"`, "")
	fx := newFixture(f)
	id := fx.file()
	f.Fuzz(func(t *testing.T, body, ifMatch, query string) {
		r := req{method: "POST", path: "/v1/cases/" + id + "/events", as: "ic-1", body: body, header: map[string]string{"If-Match": ifMatch}}
		if query != "" {
			r.path += "?" + url.PathEscape(query)
		}
		w := fx.on(t).do(r)
		if w.Code >= 500 {
			t.Fatalf("status %d for %q: %s", w.Code, body, w.Body)
		}
		if w.Code >= 400 && !bytes.HasPrefix([]byte(w.Header().Get("Content-Type")), []byte("application/problem+json")) {
			t.Fatalf("an error that is not a problem: %d %s", w.Code, w.Header().Get("Content-Type"))
		}
		if w.Code == http.StatusOK && fx.on(t).do(req{method: "GET", path: "/v1/cases/" + id, as: "ic-1"}).Code != http.StatusOK {
			t.Fatal("an accepted append left a case that cannot be shown")
		}
	})
}

// FuzzComplianceAudit: whatever organisation record or query a forum posts
// to the audit, the answer is never a 500, and an error is a problem.
func FuzzComplianceAudit(f *testing.F) {
	f.Add(orgFile, "at=2026-06-01")
	f.Add(strings.Replace(orgFile, "female", "woman", 1), "lang=ur")
	f.Add(`{"id":"acme","committee":{"members":[{"id":1}]}}`, "at=x")
	f.Add("id: [", "")
	fx := newFixture(f, func(c *httpapi.Config) { c.Rate = rate.Inf })
	fx.file()
	f.Fuzz(func(t *testing.T, body, query string) {
		w := fx.on(t).do(req{method: "POST", path: "/v1/compliance/audit?" + url.PathEscape(query), as: "ic-1", body: body})
		if w.Code >= 500 {
			t.Fatalf("status %d for %q: %s", w.Code, body, w.Body)
		}
		if w.Code >= 400 && w.Header().Get("Content-Type") != "application/problem+json" {
			t.Fatalf("an error that is not a problem: %d %s", w.Code, w.Header().Get("Content-Type"))
		}
	})
}
