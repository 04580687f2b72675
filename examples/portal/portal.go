package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

//go:embed templates/*.html
var templateFS embed.FS

// Portal is a university's complaint portal on the Hifazat HTTP API: every
// page is rendered on the server from the API's answers, with the signed-in
// person's token, so the API decides what each person may see and do.
type Portal struct {
	// API is the base URL of `hifazat serve`, for example
	// "http://127.0.0.1:8080".
	API    string
	Client *http.Client
	// Committee, if set, is the organisation's standing Inquiry Committee
	// (s.3), recorded in the header of every complaint filed through the
	// portal: the API lets only its members, and the competent authority
	// it names, read a case (casestore/access refuses a committee claim on
	// a case that records none).
	Committee *committee.Committee
	pages     map[string]*template.Template
	mux       *http.ServeMux
}

// NewPortal returns a portal on the API at base.
func NewPortal(base string) (*Portal, error) {
	p := &Portal{API: strings.TrimRight(base, "/"), Client: &http.Client{Timeout: 15 * time.Second}, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"signin", "home", "complaint", "case", "dashboard", "queue"} {
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html", "templates/eventform.html")
		if err != nil {
			return nil, err
		}
		p.pages[name] = t
	}
	p.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/en/", http.StatusSeeOther) })
	p.mux.HandleFunc("GET /{lang}/{$}", p.signinPage)
	p.mux.HandleFunc("POST /{lang}/signin", p.signin)
	p.mux.HandleFunc("POST /{lang}/signout", p.signout)
	p.mux.HandleFunc("GET /{lang}/home", p.home)
	p.mux.HandleFunc("GET /{lang}/complaint", p.complaintForm)
	p.mux.HandleFunc("POST /{lang}/complaint", p.complain)
	p.mux.HandleFunc("GET /{lang}/cases/{id}", p.casePage)
	p.mux.HandleFunc("POST /{lang}/cases/{id}/events", p.record)
	p.mux.HandleFunc("GET /{lang}/dashboard", p.dashboard)
	p.mux.HandleFunc("GET /{lang}/queue", p.queue)
	return p, nil
}

// maxForm bounds a form's body: a statement is long, but not this long.
const maxForm = 256 << 10

// parseForm reads a form's body, or answers 413 when it is larger than
// maxForm (or 400 when it is not a form).
func parseForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		http.Error(w, "the form is too large", http.StatusRequestEntityTooLarge)
	case err != nil:
		http.Error(w, "the form could not be read", http.StatusBadRequest)
	}
	return err == nil
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"args": func(a ...any) []any { return a },
	"inc":  func(i int) int { return i + 1 },
	"hasErrors": func(f eventForm) bool {
		return slices.ContainsFunc(f.Fields, func(x formField) bool { return x.Error != "" })
	},
}

func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	p.mux.ServeHTTP(w, r)
}

// page is what every template gets.
type page struct {
	L     lang
	Me    *me
	Path  string // the path without the language, for the language switch
	Error string
	Data  any
}

type me struct {
	ID   string `json:"id"`
	Role string `json:"role"`
	Org  string `json:"org"`
}

func langOf(r *http.Request) (lang, bool) {
	l, ok := langs[r.PathValue("lang")]
	return l, ok
}

func (p *Portal) render(w http.ResponseWriter, r *http.Request, name string, pg page) {
	l, ok := langOf(r)
	if !ok {
		http.NotFound(w, r)
		return
	}
	pg.L = l
	pg.Path = strings.TrimPrefix(r.URL.Path, "/"+l.Code)
	var buf bytes.Buffer
	if err := p.pages[name].ExecuteTemplate(&buf, "layout.html", pg); err != nil {
		http.Error(w, "template error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// apiError is a problem the API answered.
type apiError struct {
	Status int    `json:"status"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Code   string `json:"code"`
	Cite   string `json:"citation"`
	// Field is the event's field a refusal is about, if one.
	Field string `json:"field"`
}

func (e *apiError) Error() string {
	s := e.Title
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Cite != "" {
		s += " (" + e.Cite + ")"
	}
	return s
}

// call calls the API as the signed-in person and decodes the answer into out.
func (p *Portal) call(ctx context.Context, r *http.Request, method, path string, body any, ifMatch string, out any) (etag string, err error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return "", err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, p.API+path, rd)
	if err != nil {
		return "", err
	}
	if c, err := r.Cookie("hifazat_token"); err == nil {
		req.Header.Set("Authorization", "Bearer "+c.Value)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	resp, err := p.Client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return "", err
	}
	if resp.StatusCode/100 != 2 {
		e := &apiError{Status: resp.StatusCode}
		json.Unmarshal(data, e)
		return "", e
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return "", err
		}
	}
	return resp.Header.Get("ETag"), nil
}

// whoami returns the signed-in person, or redirects to sign in.
func (p *Portal) whoami(w http.ResponseWriter, r *http.Request) (*me, bool) {
	var m me
	if _, err := p.call(r.Context(), r, "GET", "/v1/me", nil, "", &m); err != nil {
		http.Redirect(w, r, "/"+r.PathValue("lang")+"/", http.StatusSeeOther)
		return nil, false
	}
	return &m, true
}

func (p *Portal) signinPage(w http.ResponseWriter, r *http.Request) {
	p.render(w, r, "signin", page{})
}

func (p *Portal) signin(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimSpace(r.PostFormValue("token"))
	http.SetCookie(w, &http.Cookie{Name: "hifazat_token", Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, "/"+r.PathValue("lang")+"/home", http.StatusSeeOther)
}

func (p *Portal) signout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "hifazat_token", Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/"+r.PathValue("lang")+"/", http.StatusSeeOther)
}

func (p *Portal) home(w http.ResponseWriter, r *http.Request) {
	m, ok := p.whoami(w, r)
	if !ok {
		return
	}
	switch m.Role {
	case "inquiry_committee":
		http.Redirect(w, r, "/"+r.PathValue("lang")+"/dashboard", http.StatusSeeOther)
	case "competent_authority":
		http.Redirect(w, r, "/"+r.PathValue("lang")+"/queue", http.StatusSeeOther)
	default:
		p.render(w, r, "home", page{Me: m})
	}
}

// complaintData is what complaint.html reads: the values sent and what
// is wrong with them, and what each route means, from the API.
type complaintData struct {
	Sent   url.Values
	Errors map[string]string
	// Formal and Informal are the filings' plain words with their sections.
	Formal, Informal nextStep
	// Periods are the committee's periods a formal complaint starts, under
	// the statute in force today.
	Periods []policy.DeadlineRule
}

// Value returns the value sent for a field.
func (d complaintData) Value(name string) string { return d.Sent.Get(name) }

// committeePeriods are the periods the complaint form states.
var committeePeriods = []policy.RuleID{policy.RuleCharges, policy.RuleDefence, policy.RuleFindings}

func (p *Portal) complaintForm(w http.ResponseWriter, r *http.Request) {
	m, ok := p.whoami(w, r)
	if !ok {
		return
	}
	p.renderComplaint(w, r, m, url.Values{"filed_on": {today().String()}, "route": {"formal"}}, nil, "")
}

// renderComplaint renders the complaint form with what each route means,
// asked of the API: the filings' sections and the committee's periods
// under the statute in force today (an overlay or a province may differ).
func (p *Portal) renderComplaint(w http.ResponseWriter, r *http.Request, m *me, sent url.Values, errs map[string]string, problem string) {
	l, _ := langOf(r)
	d := complaintData{Sent: sent, Errors: errs}
	var in struct {
		ID policy.ID `json:"id"`
	}
	_, err := p.call(r.Context(), r, "GET", "/v1/policies/for?on="+today().String(), nil, "", &in)
	var infos map[casefsm.EventType]casefsm.EventInfo
	if err == nil {
		infos, err = p.eventTypes(r, in.ID)
	}
	var pol shownPolicy
	if err == nil {
		pol, err = p.policy(r, in.ID)
	}
	if err != nil && problem == "" {
		problem = err.Error()
	}
	d.Formal = nextStep{Words: l.Event(casefsm.FileComplaint), Citations: strings.Join(infos[casefsm.FileComplaint].Citations, "; ")}
	d.Informal = nextStep{Words: l.Event(casefsm.ReportInformally), Citations: strings.Join(infos[casefsm.ReportInformally].Citations, "; ")}
	for _, rule := range pol.Rules {
		if slices.Contains(committeePeriods, rule.ID) {
			d.Periods = append(d.Periods, rule)
		}
	}
	p.render(w, r, "complaint", page{Me: m, Error: problem, Data: d})
}

// complaintFields are the complaint form's required fields, and the kind
// of each.
var complaintFields = []struct {
	name string
	kind kind
}{{"incident_on", kindDate}, {"filed_on", kindDate}, {"accused_id", kindString}}

// complain files the complaint: the filing (formal or informal) and the
// statement, a note only the committee reads. A form missing a date or the
// accused comes back with the error beside the field, and what was typed.
func (p *Portal) complain(w http.ResponseWriter, r *http.Request) {
	m, ok := p.whoami(w, r)
	if !ok || !parseForm(w, r) {
		return
	}
	f := r.PostFormValue
	errs := map[string]string{}
	for _, cf := range complaintFields {
		v := strings.TrimSpace(f(cf.name))
		switch {
		case v == "":
			errs[cf.name] = "err.required"
		case cf.kind == kindDate:
			if _, err := civil.Parse(v); err != nil {
				errs[cf.name] = "err.date"
			}
		}
	}
	if len(errs) > 0 {
		p.renderComplaint(w, r, m, r.PostForm, errs, "")
		return
	}
	kind := "file_complaint"
	if f("route") == "informal" {
		kind = "report_informally"
	}
	on := f("filed_on")
	filing := map[string]any{"type": kind, "on": on, "by": "complainant"}
	if kind == "file_complaint" {
		filing["received_on"] = on
	}
	events := []any{filing}
	if s := strings.TrimSpace(f("statement")); s != "" {
		events = append(events, map[string]any{"type": "add_note", "on": on, "by": "complainant", "note": s})
	}
	cf := map[string]any{
		"incident_on": f("incident_on"),
		"parties": map[string]any{
			"complainant": map[string]string{"id": m.ID, "relationship": f("relationship")},
			"accused":     map[string]string{"id": strings.TrimSpace(f("accused_id")), "relationship": f("accused_relationship")},
		},
		"events": events,
	}
	if p.Committee != nil {
		cf["committee"] = p.Committee
	}
	var c struct{ ID string }
	if _, err := p.call(r.Context(), r, "POST", "/v1/cases", cf, "", &c); err != nil {
		p.renderComplaint(w, r, m, r.PostForm, nil, err.Error())
		return
	}
	http.Redirect(w, r, "/"+r.PathValue("lang")+"/cases/"+url.PathEscape(c.ID), http.StatusSeeOther)
}

// shownCase is the API's case as the templates read it, in the SDK's
// types.
type shownCase struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
	As      string `json:"as"`
	At      string `json:"at"`
	View    struct {
		Events []map[string]any `json:"events"`
	} `json:"view"`
	Status struct {
		Policy    policy.ID     `json:"policy"`
		State     casefsm.State `json:"state"`
		Deadlines []struct {
			Rule     policy.RuleID    `json:"rule"`
			Period   policy.Period    `json:"period"`
			Due      civil.Date       `json:"due"`
			Status   deadlines.Status `json:"status"`
			Citation string           `json:"citation"`
		} `json:"deadlines"`
		Next []struct {
			Event casefsm.EventType `json:"event"`
			By    []casefsm.Role    `json:"by"`
			Moves bool              `json:"moves"`
		} `json:"next"`
	} `json:"status"`
}

// nextStep is a step that moves the case on, in plain words with its
// sections.
type nextStep struct {
	Words     plain
	By        []casefsm.Role
	Citations string
}

// casePageData is what case.html reads.
type casePageData struct {
	Case  shownCase
	Next  []nextStep
	Forms []eventForm
}

func (p *Portal) casePage(w http.ResponseWriter, r *http.Request) {
	m, ok := p.whoami(w, r)
	if !ok {
		return
	}
	p.showCase(w, r, m, nil)
}

// sentBack is a form coming back to its page: the event type, the values
// sent, and what was wrong (per field, or the API's refusal).
type sentBack struct {
	Type    casefsm.EventType
	Values  url.Values
	Errors  map[string]string
	Refusal *refusal
	Other   error
}

// showCase renders the case page; back, when set, is a form sent back.
func (p *Portal) showCase(w http.ResponseWriter, r *http.Request, m *me, back *sentBack) {
	l, _ := langOf(r)
	var c shownCase
	if _, err := p.call(r.Context(), r, "GET", "/v1/cases/"+url.PathEscape(r.PathValue("id")), nil, "", &c); err != nil {
		p.render(w, r, "case", page{Me: m, Error: err.Error()})
		return
	}
	pg := page{Me: m}
	infos, err := p.eventTypes(r, c.Status.Policy)
	if err != nil {
		pg.Error = err.Error()
	}
	now := today()
	if back != nil && back.Other != nil {
		pg.Error = back.Other.Error()
	}
	data := casePageData{Case: c}
	for _, n := range c.Status.Next {
		info, known := infos[n.Event]
		if n.Moves {
			data.Next = append(data.Next, nextStep{Words: l.Event(n.Event), By: n.By, Citations: strings.Join(info.Citations, "; ")})
		}
		if !known || !slices.Contains(n.By, m.role()) {
			continue
		}
		fin := formInputs{Today: now}
		if back != nil && back.Type == n.Event {
			fin.Sent, fin.Errors = back.Values, back.Errors
		}
		if slices.ContainsFunc(info.Fields, func(f casefsm.Field) bool { return f.Name == "penalties" }) {
			pol, err := p.policy(r, c.Status.Policy)
			if err != nil {
				pg.Error = err.Error()
			}
			fin.Penalties = pol.Penalties
		}
		f := buildForm(l, info, fin)
		if back != nil && back.Type == n.Event {
			f.Open = true
			f.refuse(back.Refusal)
			back = nil // shown beside its form
		}
		data.Forms = append(data.Forms, f)
	}
	if back != nil && back.Refusal != nil { // its form is gone: the case moved on
		pg.Error = l.Event(back.Type).Name + ": " + l.Refusal(back.Refusal.Code) + " " + back.Refusal.Detail + " (" + back.Refusal.Citation + ")"
	}
	pg.Data = data
	p.render(w, r, "case", pg)
}

// role is the signed-in person's role, in the SDK's type.
func (m *me) role() casefsm.Role {
	var r casefsm.Role
	r.UnmarshalText([]byte(m.Role))
	return r
}

// today is the portal's today, in Asia/Karachi: the portal, unlike the
// library, may read the clock.
func today() civil.Date { return civil.FromTime(time.Now()) }

// eventTypes returns the API's event types under policy pol, by type.
func (p *Portal) eventTypes(r *http.Request, pol policy.ID) (map[casefsm.EventType]casefsm.EventInfo, error) {
	var list []casefsm.EventInfo
	if _, err := p.call(r.Context(), r, "GET", "/v1/event-types?policy="+url.QueryEscape(string(pol)), nil, "", &list); err != nil {
		return nil, err
	}
	out := make(map[casefsm.EventType]casefsm.EventInfo, len(list))
	for _, e := range list {
		out[e.Type] = e
	}
	return out, nil
}

// shownPolicy is the part of GET /v1/policies/{id} the portal reads.
type shownPolicy struct {
	Rules     []policy.DeadlineRule `json:"rules"`
	Penalties []policy.Penalty      `json:"penalties"`
}

// policy returns policy id's rules and penalties, from the API.
func (p *Portal) policy(r *http.Request, id policy.ID) (shownPolicy, error) {
	var out shownPolicy
	_, err := p.call(r.Context(), r, "GET", "/v1/policies/"+url.PathEscape(string(id)), nil, "", &out)
	return out, err
}

// record appends one event from a form, at the version the page showed.
// The form is checked against the event type's fields first; what is
// wrong comes back beside the field, and the API's refusal beside the
// field it names, or the form.
func (p *Portal) record(w http.ResponseWriter, r *http.Request) {
	m, ok := p.whoami(w, r)
	if !ok || !parseForm(w, r) {
		return
	}
	var t casefsm.EventType
	if err := t.UnmarshalText([]byte(r.PostForm.Get("type"))); err != nil {
		p.showCase(w, r, m, &sentBack{Other: err})
		return
	}
	back := &sentBack{Type: t, Values: r.PostForm}
	var c struct {
		Status struct {
			Policy policy.ID `json:"policy"`
		} `json:"status"`
	}
	id := r.PathValue("id")
	if _, err := p.call(r.Context(), r, "GET", "/v1/cases/"+url.PathEscape(id), nil, "", &c); err != nil {
		back.Other = err
		p.showCase(w, r, m, back)
		return
	}
	infos, err := p.eventTypes(r, c.Status.Policy)
	if err != nil {
		back.Other = err
		p.showCase(w, r, m, back)
		return
	}
	ev, errs := readEvent(infos[t], m.role(), r.PostForm)
	if len(errs) > 0 {
		back.Errors = errs
		p.showCase(w, r, m, back)
		return
	}
	_, err = p.call(r.Context(), r, "POST", "/v1/cases/"+url.PathEscape(id)+"/events", ev, strconv.Quote(r.PostForm.Get("version")), nil)
	var ae *apiError
	switch {
	case errors.As(err, &ae) && ae.Code != "":
		back.Refusal = &refusal{Detail: ae.Detail, Citation: ae.Cite, Field: ae.Field}
		back.Refusal.Code.UnmarshalText([]byte(ae.Code))
		p.showCase(w, r, m, back)
		return
	case err != nil:
		back.Other = err
		p.showCase(w, r, m, back)
		return
	}
	http.Redirect(w, r, "/"+r.PathValue("lang")+"/cases/"+url.PathEscape(id), http.StatusSeeOther)
}

// summary is one case of the API's lists.
type summary struct {
	ID        string        `json:"id"`
	State     casefsm.State `json:"state"`
	Deadlines []struct {
		Rule policy.RuleID `json:"rule"`
		Due  civil.Date    `json:"due"`
	} `json:"deadlines"`
}

func (p *Portal) list(r *http.Request, query string) ([]summary, error) {
	var page struct{ Cases []summary }
	_, err := p.call(r.Context(), r, "GET", "/v1/cases?"+query, nil, "", &page)
	return page.Cases, err
}

func (p *Portal) dashboard(w http.ResponseWriter, r *http.Request) {
	m, ok := p.whoami(w, r)
	if !ok {
		return
	}
	data := map[string][]summary{}
	var firstErr error
	for key, q := range map[string]string{"all": "limit=100", "week": "due_within=7&limit=100", "overdue": "overdue=true&limit=100"} {
		list, err := p.list(r, q)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		data[key] = list
	}
	pg := page{Me: m, Data: data}
	if firstErr != nil {
		pg.Error = firstErr.Error()
	}
	p.render(w, r, "dashboard", pg)
}

// queue lists the cases awaiting the Competent Authority: findings
// submitted, to be decided (s.4(4)-(5)).
func (p *Portal) queue(w http.ResponseWriter, r *http.Request) {
	m, ok := p.whoami(w, r)
	if !ok {
		return
	}
	list, err := p.list(r, "state=findings_submitted&limit=100")
	pg := page{Me: m, Data: list}
	if err != nil {
		pg.Error = fmt.Sprint(err)
	}
	p.render(w, r, "queue", pg)
}
