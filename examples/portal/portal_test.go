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
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/httpapi"
)

// statement is the complainant's statement: a marker the accused's pages
// must never contain.
const statement = "STATEMENT-MARKER he followed me to the car park"

// TestPortalInChromium files a complaint in headless Chromium and walks it
// through charges, defence, inquiry and findings, in English and in Urdu,
// as the complainant, the committee, the accused and the Competent
// Authority, checking that the accused never sees the complainant's
// statement, and saving a screenshot of each page (in
// HIFAZAT_ARTIFACTS_DIR, default artifacts/portal at the repository root).
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
		Today: func() civil.Date { return civil.FromTime(time.Now()) }})
	require.NoError(t, err)
	apiSrv := httptest.NewServer(api)
	defer apiSrv.Close()
	p, err := NewPortal(apiSrv.URL)
	require.NoError(t, err)
	site := httptest.NewServer(p)
	defer site.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.WindowSize(412, 915)) // a phone's width
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

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
		b.shot("3-committee-dashboard")
		b.record(caseURL, "communicate_charges", day(9))
		b.signIn(tokens["e-42"])
		b.record(caseURL, "submit_defence", day(7))
		b.noStatement(caseURL)
		b.shot("4-case-accused")
		b.signIn(tokens["ic-1"])
		b.record(caseURL, "start_inquiry", day(6))
		b.record(caseURL, "submit_findings", day(2), chromedp.SetValue(`#finding-submit_findings`, "guilty"),
			chromedp.Click(`#penalties-submit_findings-censure`))
		b.shot("5-case-committee")
		b.signIn(tokens["ca-1"])
		queue := value(b, chromedp.Text(`main`))
		require.Contains(t, queue, caseURL[strings.LastIndex(caseURL, "/")+1:], "the case waits for the Competent Authority")
		b.shot("6-competent-authority-queue")
		b.signIn(tokens["e-42"])
		b.noStatement(caseURL)
		b.shot("7-case-accused-after-findings")
	}
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
	alert := value(b, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('[role=alert]')).map(e => e.textContent).join(' ')`))
	require.Empty(b.t, alert, "%s refused", event)
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
