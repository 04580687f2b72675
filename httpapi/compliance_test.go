package httpapi_test

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/httpapi"
)

// orgFile is an invented company's compliance record under the federal Act.
const orgFile = `id: acme
name: Acme Traders
kind: private
jurisdiction: federal
policy: pk-federal-2022
covered_from: 2024-01-10
committee:
  constituted_on: 2024-02-10
  members:
    - {id: E-1, name: Aisha Khan, gender: female, seat: senior_management, chair: true}
    - {id: E-2, name: Bilal Ahmed, gender: male, seat: senior_employee}
    - {id: E-3, name: Sana Iqbal, gender: female, seat: other}
`

// withOrg configures the server with orgFile as its organisation's record.
func withOrg(t testing.TB) func(*httpapi.Config) {
	org, err := compliance.ParseOrganisation([]byte(orgFile))
	require.NoError(t, err)
	return func(c *httpapi.Config) { c.Organisation = org }
}

// audit is the part of an audit the tests read.
type audit struct {
	Organisation string `json:"organisation"`
	Language     string `json:"language"`
	CasesChecked bool   `json:"cases_checked"`
	Findings     []struct {
		Duty   string         `json:"duty"`
		Status string         `json:"status"`
		Counts map[string]int `json:"counts"`
	} `json:"findings"`
}

func TestComplianceAudit(t *testing.T) {
	f := newFixture(t, withOrg(t))
	id := f.file() // filed 2026-03-02: the committee's periods run out by June
	for _, tc := range []struct {
		name string
		r    req
	}{
		{"the server's record", req{method: "GET", path: "/v1/compliance/audit?at=2026-06-01", as: "ic-1"}},
		{"a record posted", req{method: "POST", path: "/v1/compliance/audit?at=2026-06-01", as: "ca-1", body: orgFile}},
		{"statistics", req{method: "GET", path: "/v1/compliance/audit?at=2026-06-01", as: "st-1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do(tc.r)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			var a audit
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &a))
			assert.Equal(t, "acme", a.Organisation)
			assert.True(t, a.CasesChecked)
			last := a.Findings[len(a.Findings)-1]
			assert.Equal(t, string(compliance.CasesWithinDeadlines), last.Duty)
			assert.Equal(t, "late", last.Status, "the filed case is past the committee's periods")
			assert.NotEmpty(t, last.Counts)
			assert.NotContains(t, w.Body.String(), id, "counts only: no case id")
			assert.NotContains(t, w.Body.String(), "e-17")
		})
	}
	w := f.do(req{method: "GET", path: "/v1/compliance/audit?at=2026-03-03&lang=ur", as: "ic-1"})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var a audit
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &a))
	assert.Equal(t, "ur", a.Language)
	assert.Equal(t, "met", a.Findings[len(a.Findings)-1].Status, "no period has run out on 3 March")
}

func TestComplianceReport(t *testing.T) {
	f := newFixture(t, withOrg(t))
	ids := make([]string, 6)
	for i := range ids {
		ids[i] = f.file()
	}
	for _, r := range []req{
		{method: "GET", path: "/v1/compliance/report?year=2026", as: "ic-1"},
		{method: "POST", path: "/v1/compliance/report?year=2026", as: "st-1", body: orgFile},
	} {
		w := f.do(r)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var rep compliance.AnnualReport
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &rep))
		assert.Equal(t, []string{"acme"}, rep.Organisations)
		assert.Equal(t, compliance.K, rep.K)
		received := table(t, rep, "received_by_route")
		assert.Equal(t, compliance.Cell{Count: 6}, received.Total, "six complaints in 2026")
		for _, tb := range rep.Tables {
			for _, row := range append(tb.Rows, compliance.Row{Label: "total", Cell: tb.Total}) {
				assert.False(t, row.Count > 0 && row.Count < compliance.K, "%s %s: %d published", tb.Name, row.Label, row.Count)
			}
		}
		for _, id := range ids {
			assert.NotContains(t, w.Body.String(), id)
		}
		assert.NotContains(t, w.Body.String(), witnessID)
	}
	// One case fewer than K: every count of it is suppressed.
	g := newFixture(t, withOrg(t))
	g.file()
	w := g.do(req{method: "GET", path: "/v1/compliance/report?year=2026", as: "ca-1"})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var rep compliance.AnnualReport
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &rep))
	assert.Equal(t, compliance.Cell{Suppressed: true}, table(t, rep, "received_by_route").Total)
}

func table(t *testing.T, r compliance.AnnualReport, name string) compliance.Table {
	t.Helper()
	for _, tb := range r.Tables {
		if tb.Name == name {
			return tb
		}
	}
	t.Fatalf("no table %s", name)
	return compliance.Table{}
}

func TestComplianceFeedback(t *testing.T) {
	f := newFixture(t)
	data, err := os.ReadFile("../compliance/testdata/feedback.yaml")
	require.NoError(t, err)
	w := f.do(req{method: "POST", path: "/v1/compliance/feedback?year=2025&org=riverside-university", as: "st-1", body: string(data)})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var tables []compliance.Table
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &tables))
	assert.NotEmpty(t, tables)
	assert.NotContains(t, w.Body.String(), "hearing dates", "comments are counted, never quoted")
}

// TestComplianceRefusals: the parties read no compliance, a malformed or
// unknown record is named, and GET needs the server's record.
func TestComplianceRefusals(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		name string
		r    req
		want int
		typ  string
	}{
		{"complainant audits", req{method: "POST", path: "/v1/compliance/audit", as: "e-17", body: orgFile}, 403, httpapi.TypeForbidden},
		{"accused reports", req{method: "GET", path: "/v1/compliance/report?year=2026", as: "e-42"}, 403, httpapi.TypeForbidden},
		{"complainant feedback", req{method: "POST", path: "/v1/compliance/feedback?year=2025", as: "e-17", body: "feedback: []"}, 403, httpapi.TypeForbidden},
		{"no record kept", req{method: "GET", path: "/v1/compliance/audit", as: "ic-1"}, 404, httpapi.TypeNotFound},
		{"no record kept, report", req{method: "GET", path: "/v1/compliance/report?year=2026", as: "ic-1"}, 404, httpapi.TypeNotFound},
		{"malformed record", req{method: "POST", path: "/v1/compliance/audit", as: "ic-1", body: strings.Replace(orgFile, "female", "woman", 1)}, 400, httpapi.TypeMalformed},
		{"unknown policy", req{method: "POST", path: "/v1/compliance/audit", as: "ic-1", body: strings.Replace(orgFile, "pk-federal-2022", "nowhere-2024", 1)}, 422, httpapi.TypeRefused},
		{"unknown policy, report", req{method: "POST", path: "/v1/compliance/report?year=2026", as: "ic-1", body: strings.Replace(orgFile, "pk-federal-2022", "nowhere-2024", 1)}, 422, httpapi.TypeRefused},
		{"policy of another jurisdiction", req{method: "POST", path: "/v1/compliance/audit", as: "ic-1", body: strings.Replace(orgFile, "jurisdiction: federal", "jurisdiction: sindh", 1)}, 422, httpapi.TypeRefused},
		{"bad lang", req{method: "POST", path: "/v1/compliance/audit?lang=fr", as: "ic-1", body: orgFile}, 400, httpapi.TypeMalformed},
		{"bad at", req{method: "POST", path: "/v1/compliance/audit?at=soon", as: "ic-1", body: orgFile}, 400, httpapi.TypeMalformed},
		{"no year", req{method: "POST", path: "/v1/compliance/report", as: "ic-1", body: orgFile}, 400, httpapi.TypeMalformed},
		{"year out of range", req{method: "POST", path: "/v1/compliance/report?year=1999", as: "ic-1", body: orgFile}, 400, httpapi.TypeMalformed},
		{"unknown parameter", req{method: "POST", path: "/v1/compliance/report?year=2026&as=ombudsperson", as: "e-17", body: orgFile}, 403, httpapi.TypeForbidden},
		{"malformed feedback", req{method: "POST", path: "/v1/compliance/feedback?year=2025", as: "ic-1", body: "feedback: [{case: c-1}]"}, 400, httpapi.TypeMalformed},
		{"feedback without year", req{method: "POST", path: "/v1/compliance/feedback", as: "ic-1", body: "feedback: []"}, 400, httpapi.TypeMalformed},
		{"feedback parameter", req{method: "POST", path: "/v1/compliance/feedback?year=2025&role=x", as: "ic-1", body: "feedback: []"}, 400, httpapi.TypeMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do(tc.r)
			assert.Equal(t, tc.want, w.Code, w.Body.String())
			assert.Equal(t, tc.typ, problemOf(t, w).Type)
		})
	}
}

// TestNewChecksOrganisation: a server refuses a record whose policy it does
// not know, at start rather than at the first request.
func TestNewChecksOrganisation(t *testing.T) {
	org, err := compliance.ParseOrganisation([]byte(strings.Replace(orgFile, "pk-federal-2022", "nowhere-2024", 1)))
	require.NoError(t, err)
	_, err = httpapi.New(httpapi.Config{Store: newFixture(t).store, Today: func() civil.Date { return today }, Now: testNow, Organisation: org})
	assert.ErrorContains(t, err, "nowhere-2024")
}
