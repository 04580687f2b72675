package main

import (
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
)

// person is someone signed in to the portal, without a browser.
type person struct {
	t    *testing.T
	c    *http.Client
	base string
}

func signedIn(t *testing.T, site *httptest.Server, lang, token string) *person {
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	p := &person{t: t, c: &http.Client{Jar: jar}, base: site.URL + "/" + lang}
	p.post(p.base+"/signin", url.Values{"token": {token}})
	return p
}

// post sends a form and returns the page it leads to, and its address.
func (p *person) post(to string, form url.Values) (string, string) {
	p.t.Helper()
	resp, err := p.c.PostForm(to, form)
	require.NoError(p.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(p.t, err)
	require.Equal(p.t, http.StatusOK, resp.StatusCode, "%s", b)
	return string(b), resp.Request.URL.String()
}

func (p *person) get(to string) string {
	p.t.Helper()
	resp, err := p.c.Get(to)
	require.NoError(p.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(p.t, err)
	return string(b)
}

var versionRE = regexp.MustCompile(`name="version" value="(\d+)"`)

// TestFormsSentBack: a form whose value has the wrong form comes back with
// the error beside its field, in the page's language, and records nothing;
// a step the API refuses comes back with the refusal beside the field it
// names (or its form), in plain words with the section; a refusal whose form is gone (the case
// moved on) is shown at the top of the page.
func TestFormsSentBack(t *testing.T) {
	site, tokens := newSite(t)
	filed := today().AddDays(-3).String()
	for _, lang := range []string{"en", "ur"} {
		l := langs[lang]
		complainant := signedIn(t, site, lang, tokens["e-17"])
		_, caseURL := complainant.post(complainant.base+"/complaint", url.Values{"route": {"formal"}, "incident_on": {filed},
			"filed_on": {filed}, "relationship": {"employee"}, "accused_id": {"e-42"}, "accused_relationship": {"employee"}})
		require.Contains(t, caseURL, "/cases/")
		committee := signedIn(t, site, lang, tokens["ic-1"])
		page := committee.get(caseURL)
		version := versionRE.FindStringSubmatch(page)[1]

		page, _ = committee.post(caseURL+"/events", url.Values{"type": {"communicate_charges"}, "version": {version}, "on": {"2026-02-30"}})
		assert.Contains(t, page, `id="on-communicate_charges-error">`+html.EscapeString(l.T("err.date"))+`</p>`, "%s: the error beside the date", lang)
		assert.Regexp(t, `<details class="card" id="step-communicate_charges" open>`, page, "%s: the form comes back open", lang)
		assert.Contains(t, page, `value="2026-02-30"`, "%s: with the value sent", lang)
		assert.Contains(t, committee.get(caseURL), `data-code="complaint_received"`, "%s: nothing was recorded", lang)

		page, _ = committee.post(caseURL+"/events", url.Values{"type": {"communicate_charges"}, "version": {version},
			"on": {civil.MustParse(filed).AddDays(-1).String()}})
		refusal := regexp.MustCompile(`(?s)<div role="alert" class="error" id="refusal-communicate_charges">.*?</div>`).FindString(page)
		require.NotEmpty(t, refusal, "%s: the refusal beside its form", lang)
		form := page[strings.Index(page, `id="form-communicate_charges"`):]
		form = form[:strings.Index(form, "</form>")]
		at := strings.Index(form, `id="refusal-communicate_charges"`)
		assert.True(t, strings.Index(form, `data-field="on"`) < at && at < strings.Index(form, `data-field="reason"`), "%s: the refusal beside the date it is about", lang)
		assert.Contains(t, form, `aria-describedby="on-communicate_charges-help refusal-communicate_charges" aria-invalid="true"`, "%s: the date is described by it", lang)
		assert.Contains(t, refusal, html.EscapeString(l.Refusal(casefsm.InvalidEvent)), lang)
		assert.Contains(t, refusal, "case record", "%s: the section", lang)
		assert.Contains(t, refusal, `<span lang="en" dir="ltr">dated `, "%s: the API's words, marked as English", lang)

		page, _ = committee.post(caseURL+"/events", url.Values{"type": {"submit_findings"}, "version": {version}, "on": {filed}, "finding": {"guilty"}})
		assert.Regexp(t, `role="alert" class="error"><strong>[^<]+</strong>: <span dir="auto">`+regexp.QuoteMeta(html.EscapeString(l.Event(casefsm.SubmitFindings).Name+": "+l.Refusal(casefsm.NotAllowed))), page,
			"%s: a refusal with no form on the page, at its top", lang)

		page, _ = committee.post(caseURL+"/events", url.Values{"type": {"communicate_charges"}, "version": {version}, "on": {filed}})
		assert.Contains(t, page, `data-code="charges_communicated"`, "%s: recorded", lang)
		assert.NotContains(t, page, `role="alert"`, lang)
	}
}

// TestFormBodyBounded: the portal reads no form bigger than maxForm.
func TestFormBodyBounded(t *testing.T) {
	site, tokens := newSite(t)
	p := signedIn(t, site, "en", tokens["e-17"])
	for _, path := range []string{"/complaint", "/cases/case-x/events"} {
		resp, err := p.c.PostForm(p.base+path, url.Values{"statement": {strings.Repeat("x", maxForm)}})
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, path)
	}
	committee := signedIn(t, site, "en", tokens["ic-1"])
	assert.NotContains(t, committee.get(site.URL+"/en/dashboard"), "/cases/case-", "nothing was filed")
}

// TestComplaintForm: the complaint form says what each route means with
// the sections and periods the API gives (not numbers of its own), and a
// complaint missing a date comes back with the error beside the field and
// the statement kept.
func TestComplaintForm(t *testing.T) {
	site, tokens := newSite(t)
	for _, lang := range []string{"en", "ur"} {
		l := langs[lang]
		p := signedIn(t, site, lang, tokens["e-17"])
		page := p.get(p.base + "/complaint")
		periods := regexp.MustCompile(`(?s)<ul id="periods">.*?</ul>`).FindString(page)
		for rule, want := range map[string]string{"charges": "3 " + l.T("days"), "defence": "7 " + l.T("days"), "findings": "30 " + l.T("days")} {
			assert.Regexp(t, `data-rule="`+rule+`">[^<]+: `+want, periods, "%s: %s", lang, rule)
		}
		assert.Contains(t, periods, "(s.4(1)(a))", lang)
		assert.Contains(t, page, html.EscapeString(l.Event(casefsm.ReportInformally).Says)+` <span class="cite" dir="ltr">(Code (iii)-(iv))</span>`, lang)

		page, to := p.post(p.base+"/complaint", url.Values{"route": {"informal"}, "incident_on": {""}, "filed_on": {today().String()},
			"accused_id": {"e-42"}, "statement": {statement}})
		assert.True(t, strings.HasSuffix(to, "/complaint"), "%s: nothing filed", lang)
		assert.Contains(t, page, `id="incident_on-error">`+html.EscapeString(l.T("err.required")), lang)
		assert.Contains(t, page, `aria-describedby="incident_on-error"`, lang)
		assert.Contains(t, page, statement, "%s: the statement is kept", lang)
		assert.Contains(t, page, `value="informal" checked`, "%s: and the route", lang)
	}
}
