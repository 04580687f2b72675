package main

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/httpapi"
)

// statement is the complainant's statement: a marker the accused's pages
// must never contain.
const statement = "STATEMENT-MARKER he followed me to the car park"

// TestPortalInChromium files a complaint in headless Chromium, at a phone's
// width, and walks it through charges, defence, inquiry, findings and the
// decision, in English and in Urdu, as the complainant, the committee, the
// accused and the Competent Authority, checking that the accused never sees
// the complainant's statement; then walks the informal route (the
// complainant asks for informal resolution, the committee records it, the
// case page says so). On the way it checks the forms built from the event
// types: a missing value is shown beside its field and a refusal beside its
// form, every input has a label, the keyboard reaches the fields in order,
// text has AA contrast, and no page is wider than the phone. It saves a
// screenshot of each page (in HIFAZAT_ARTIFACTS_DIR, default artifacts/portal
// at the repository root).
func TestPortalInChromium(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but chromium is not installed (.ci/run installs it)")
		}
		t.Skip("chromium is not installed")
	}
	shots := os.Getenv("HIFAZAT_ARTIFACTS_DIR")
	if shots == "" {
		shots = filepath.Join("..", "..", "artifacts")
	}
	shots = filepath.Join(shots, "portal")
	require.NoError(t, os.MkdirAll(shots, 0o755))

	site, tokens := newSite(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.WindowSize(phoneWidth, 844))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	// A headless window is at least 500 pixels wide: the phone's width is
	// the viewport's.
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(phoneWidth, 844, chromedp.EmulateMobile, chromedp.EmulatePortrait)))

	day := func(ago int) string { return civil.FromTime(time.Now()).AddDays(-ago).String() }
	for _, lang := range []string{"en", "ur"} {
		b := &walk{t: t, ctx: ctx, base: site.URL + "/" + lang, shots: shots, lang: lang}
		b.signIn(tokens["e-17"])
		b.run(chromedp.Click(`#complain`), chromedp.WaitVisible(`#submit`),
			chromedp.SetValue(`#incident_on`, day(12)), chromedp.SetValue(`#filed_on`, day(10)),
			chromedp.SendKeys(`#accused_id`, "e-42"), chromedp.SendKeys(`#statement`, statement))
		b.shot("1-complaint-form")
		b.submit(`#submit`)
		caseURL := value(b, chromedp.Location())
		b.shot("2-case-complainant")

		b.signIn(tokens["ic-1"])
		b.fitsPhone()
		b.shot("3-committee-dashboard")
		b.record(caseURL, "communicate_charges", day(9))
		b.signIn(tokens["e-42"])
		b.record(caseURL, "submit_defence", day(7))
		b.noStatement(caseURL)
		b.shot("4-case-accused")
		b.signIn(tokens["ic-1"])
		b.record(caseURL, "start_inquiry", day(6))
		b.missing(caseURL, "submit_findings", "finding", day(2))
		b.shot("5a-findings-form-error")
		b.refused(caseURL, "submit_findings", "penalties", casefsm.InvalidEvent, "s.4(4)", day(2), chromedp.SetValue(`#finding-submit_findings`, "guilty"))
		b.shot("5b-findings-refused")
		b.record(caseURL, "submit_findings", day(2), chromedp.SetValue(`#finding-submit_findings`, "guilty"),
			chromedp.Click(`#penalties-submit_findings-censure`))
		b.shot("5-case-committee")
		b.signIn(tokens["ca-1"])
		queue := value(b, chromedp.Text(`main`))
		require.Contains(t, queue, caseURL[strings.LastIndex(caseURL, "/")+1:], "the case waits for the Competent Authority")
		b.shot("6-competent-authority-queue")
		b.record(caseURL, "decide", day(1), chromedp.Click(`#penalties-decide-censure`))
		b.inState(casefsm.Decided)
		b.accessible()
		b.shot("6a-case-competent-authority-decided")
		b.signIn(tokens["e-42"])
		b.noStatement(caseURL)
		b.shot("7-case-accused-after-decision")

		// The informal route (Code (iii)-(v)).
		b.signIn(tokens["e-17"])
		b.run(chromedp.Click(`#complain`), chromedp.WaitVisible(`#submit`), chromedp.Click(`#route-informal`),
			chromedp.SetValue(`#incident_on`, day(5)), chromedp.SetValue(`#filed_on`, day(4)),
			chromedp.SendKeys(`#accused_id`, "e-42"), chromedp.SendKeys(`#statement`, statement))
		b.submit(`#submit`)
		informal := value(b, chromedp.Location())
		b.inState(casefsm.Informal)
		b.shot("8-informal-case-complainant")
		b.signIn(tokens["ic-1"])
		b.openByKeyboard(informal, "resolve_informally")
		b.accessible()
		b.focusOrder("resolve_informally")
		b.fitsPhone()
		b.shot("9-informal-form-committee")
		b.run(chromedp.SetValue(`#on-resolve_informally`, day(1)), chromedp.SendKeys(`#note-resolve_informally`, "Spoken to; the behaviour stopped."))
		b.submit(`#submit-resolve_informally`)
		b.noAlert("resolve_informally")
		b.inState(casefsm.InformallyResolved)
		b.shot("10-informal-resolved-committee")
		b.signIn(tokens["e-17"])
		b.run(chromedp.Navigate(informal), chromedp.WaitVisible(`#state`))
		b.inState(casefsm.InformallyResolved)
		b.accessible()
		b.shot("11-informal-resolved-complainant")
	}
}

// phoneWidth is the browser's width, in CSS pixels: a phone's.
const phoneWidth = 390

// newSite serves the portal on a fresh API on a memory store, and returns
// it with a token for each of the complainant e-17, the accused e-42, the
// committee ic-1 and the Competent Authority ca-1.
func newSite(t *testing.T) (*httptest.Server, map[string]string) {
	tokens := map[string]string{}
	var entries []httpapi.TokenEntry
	for _, a := range []httpapi.Actor{
		{ID: "e-17", Role: httpapi.Complainant, Org: "uni"}, {ID: "e-42", Role: httpapi.Accused, Org: "uni"},
		{ID: "ic-1", Role: httpapi.InquiryCommittee, Org: "uni"}, {ID: "ca-1", Role: httpapi.CompetentAuthority, Org: "uni"},
	} {
		tok, e, err := httpapi.Issue(a)
		require.NoError(t, err)
		tokens[a.ID], entries = tok, append(entries, e)
	}
	store, err := memstore.New(casestore.Options{})
	require.NoError(t, err)
	api, err := httpapi.New(httpapi.Config{Store: store, Tokens: entries, Rate: 1000, Burst: 1000,
		Today: func() civil.Date { return civil.FromTime(time.Now()) }, Now: time.Now})
	require.NoError(t, err)
	apiSrv := httptest.NewServer(api)
	t.Cleanup(apiSrv.Close)
	p, err := NewPortal(apiSrv.URL)
	require.NoError(t, err)
	p.Committee = &committee.Committee{CompetentAuthority: "ca-1", Members: []committee.Member{
		{ID: "ic-1", Name: "Ayesha K.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true}}}
	site := httptest.NewServer(p)
	t.Cleanup(site.Close)
	return site, tokens
}

// walk drives one language's pages.
type walk struct {
	t                 *testing.T
	ctx               context.Context
	base, shots, lang string
}

func (b *walk) run(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	require.NoError(b.t, chromedp.Do(b.ctx, steps...))
}

// submit clicks a form's button and waits until the page it leads to has
// loaded (the old page is marked, so its elements never count).
func (b *walk) submit(button string) {
	b.t.Helper()
	b.run(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.hifazatOld = true`))
		return err
	}), chromedp.Click(button))
	for range 200 {
		if value(b, chromedp.Evaluate[bool](`window.hifazatOld !== true && document.readyState === 'complete'`)) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("clicking %s led to no new page", button)
}

// value runs one action that returns a value.
func value[T any](b *walk, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	require.NoError(b.t, err)
	return v
}

func (b *walk) signIn(token string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(`#token`), chromedp.SendKeys(`#token`, token))
	b.submit(`#signin`)
}

// record fills and submits the form of an event on the case page.
func (b *walk) record(caseURL, event, on string, fields ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.run(chromedp.Navigate(caseURL), chromedp.WaitVisible(`#open-`+event), chromedp.Click(`#open-`+event),
		chromedp.WaitVisible(`#submit-`+event), chromedp.SetValue(`#on-`+event, on))
	b.run(fields...)
	b.submit(`#submit-` + event)
	b.noAlert(event)
}

// noAlert checks that the page shows no error.
func (b *walk) noAlert(event string) {
	b.t.Helper()
	alert := value(b, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('[role=alert]')).map(e => e.textContent).join(' ')`))
	require.Empty(b.t, alert, "%s refused", event)
}

// missing submits an event's form without its required field, and checks
// that the page says so beside the field, in its language, and marks the
// field invalid.
func (b *walk) missing(caseURL, event, field, on string) {
	b.t.Helper()
	b.run(chromedp.Navigate(caseURL), chromedp.WaitVisible(`#open-`+event), chromedp.Click(`#open-`+event),
		chromedp.WaitVisible(`#submit-`+event), chromedp.SetValue(`#on-`+event, on))
	b.submit(`#submit-` + event)
	id := field + "-" + event
	b.run(chromedp.WaitVisible(`#` + id + `-error`))
	require.Equal(b.t, langs[b.lang].T("err.required"), strings.TrimSpace(value(b, chromedp.Text(`#`+id+`-error`))))
	require.Equal(b.t, "true", value(b, chromedp.Evaluate[string](`document.getElementById('`+id+`').getAttribute('aria-invalid')`)))
	require.Contains(b.t, value(b, chromedp.Evaluate[string](`document.getElementById('`+id+`').getAttribute('aria-describedby')`)), id+"-error",
		"the error is tied to its field for a screen reader")
	b.accessible()
}

// refused submits an event's form with values the API refuses, and checks
// that the refusal is shown beside the field it is about, in plain words
// in the page's language, with its section.
func (b *walk) refused(caseURL, event, field string, code casefsm.Code, section, on string, fields ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.run(chromedp.Navigate(caseURL), chromedp.WaitVisible(`#open-`+event), chromedp.Click(`#open-`+event),
		chromedp.WaitVisible(`#submit-`+event), chromedp.SetValue(`#on-`+event, on))
	b.run(fields...)
	b.submit(`#submit-` + event)
	b.run(chromedp.WaitVisible(`#step-` + event + ` [data-field="` + field + `"] #refusal-` + event))
	text := value(b, chromedp.Text(`#refusal-`+event))
	require.Contains(b.t, text, langs[b.lang].Refusal(code))
	require.Contains(b.t, text, section)
	b.accessible()
}

// inState checks that the case page says where the case stands, in plain
// words in its language.
func (b *walk) inState(s casefsm.State) {
	b.t.Helper()
	b.run(chromedp.WaitVisible(`#state`))
	require.Equal(b.t, s.String(), value(b, chromedp.Evaluate[string](`document.getElementById('state').dataset.code`)))
	require.Equal(b.t, langs[b.lang].State(s).Name, strings.TrimSpace(value(b, chromedp.Text(`#state`))))
	require.Equal(b.t, langs[b.lang].State(s).Says, strings.TrimSpace(value(b, chromedp.Text(`#state-says`))))
}

// openByKeyboard opens an event's form from the keyboard: focus on its
// summary, then Enter.
func (b *walk) openByKeyboard(caseURL, event string) {
	b.t.Helper()
	b.run(chromedp.Navigate(caseURL), chromedp.WaitVisible(`#open-`+event), chromedp.Focus(`#open-`+event), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#submit-`+event))
	require.True(b.t, value(b, chromedp.Evaluate[bool](`document.getElementById('step-`+event+`').open`)), "Enter opens the form")
}

// accessible checks the page's language and direction, that every input
// has a non-empty label, that ids are unique and descriptions exist, that
// no element jumps the tab order, and the contrast of every text shown.
func (b *walk) accessible() {
	b.t.Helper()
	dir := langs[b.lang].Dir
	problems := value(b, chromedp.Evaluate[[]string](`(() => {
	  const p = [];
	  const html = document.documentElement;
	  if (html.lang !== '`+b.lang+`') p.push('html lang is ' + html.lang);
	  if (html.dir !== '`+dir+`') p.push('html dir is ' + html.dir);
	  const ids = new Set();
	  for (const el of document.querySelectorAll('[id]')) { if (ids.has(el.id)) p.push('duplicate id ' + el.id); ids.add(el.id); }
	  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
	    if (!Array.from(el.labels || []).some(l => l.textContent.trim() !== '')) p.push('no label: ' + (el.id || el.name));
	  }
	  for (const el of document.querySelectorAll('[aria-describedby]')) {
	    for (const id of el.getAttribute('aria-describedby').split(/\s+/).filter(Boolean)) if (!document.getElementById(id)) p.push('no description ' + id);
	  }
	  for (const el of document.querySelectorAll('[tabindex]')) if (el.tabIndex > 0) p.push('tabindex > 0: ' + el.id);
	  for (const el of document.querySelectorAll('a[href], button, summary, legend, label, h1, h2, th')) if (el.textContent.trim() === '') p.push('empty ' + el.tagName + ' ' + el.id);
	  // Contrast (WCAG 2 AA, 4.5:1) of every visible text against the
	  // background it is drawn on.
	  const rgb = s => (s.match(/rgba?\(([^)]+)\)/) || [, ''])[1].split(',').map(parseFloat);
	  const lum = c => c.slice(0, 3).map(v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
	    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
	  const under = el => {
	    for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c; }
	    return [255, 255, 255];
	  };
	  for (const el of document.querySelectorAll('body *')) {
	    if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim() !== '')) continue;
	    const r = el.getBoundingClientRect();
	    if (!el.checkVisibility({visibilityProperty: true}) || r.right < 0 || r.left > innerWidth) continue; // not shown
	    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(under(el))];
	    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	    if (!(ratio >= 4.5)) p.push('contrast ' + ratio.toFixed(2) + ': ' + el.tagName + ' ' + el.textContent.trim().slice(0, 30));
	  }
	  return p;
	})()`))
	require.Empty(b.t, problems, "accessibility problems on %s", value(b, chromedp.Location()))
	if b.lang == "ur" {
		require.NotEmpty(b.t, value(b, chromedp.Text(`#ur-review`)), "the Urdu pages say their Urdu awaits review")
	}
}

// focusOrder checks that Tab, from an open form's summary, reaches every
// control of the form once, in the order they are read.
func (b *walk) focusOrder(event string) {
	b.t.Helper()
	want := value(b, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(
	  '#step-`+event+` :is(summary, input:not([type=hidden]), select, textarea, button)')).map(e => e.id)`))
	require.Greater(b.t, len(want), 3, "the form has its fields")
	b.run(chromedp.Focus(`#open-` + event))
	got := []string{"open-" + event}
	for range 4 * len(want) { // a date input takes a Tab per part
		if len(got) == len(want) {
			break
		}
		b.run(chromedp.KeyEvent(kb.Tab))
		if id := value(b, chromedp.Evaluate[string](`document.activeElement.id`)); id != got[len(got)-1] {
			got = append(got, id)
		}
	}
	require.Equal(b.t, want, got, "the keyboard's order through the form")
}

// fitsPhone checks that the page needs no sideways scrolling at the
// phone's width.
func (b *walk) fitsPhone() {
	b.t.Helper()
	w := value(b, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	require.LessOrEqual(b.t, w, phoneWidth, "the page is wider than the phone")
}

// noStatement checks that the case page, as served, lacks the statement.
func (b *walk) noStatement(caseURL string) {
	b.t.Helper()
	b.run(chromedp.Navigate(caseURL), chromedp.WaitVisible(`#state`))
	html := value(b, chromedp.OuterHTML(`html`))
	require.NotContains(b.t, html, "STATEMENT-MARKER", "the accused's page shows the complainant's statement")
}

func (b *walk) shot(name string) {
	b.t.Helper()
	png := value(b, chromedp.FullScreenshot(100))
	require.NoError(b.t, os.WriteFile(filepath.Join(b.shots, b.lang+"-"+name+".png"), png, 0o644))
}
