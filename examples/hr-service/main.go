// Command hr-service is a small HR service built on the Hifazat SDK, as an
// HR developer would write one: it keeps harassment complaints in a SQLite
// file and serves them over HTTP with the standard library's router.
//
//	go run ./examples/hr-service [-addr 127.0.0.1:8082] [-db hr-service.db]
//
// Routes (JSON in and out; dates YYYY-MM-DD; a case's version is its ETag):
//
//	POST /cases                          file a complaint: a case file (201)
//	POST /cases/{id}/events              append one event; If-Match: "N" appends only at version N (409 if the
//	                                     case moved on); without it, at the head; 422 when the law refuses it
//	GET  /cases/{id}?as=ROLE&at=D        the case and its status as ROLE (or statistics) may see them
//	GET  /cases?overdue=true&at=D        the cases with a deadline overdue on D (default today)
//	GET  /cases/{id}/committee           the committee for the case and what it breaks (s.3)
//	GET  /cases/{id}/deadlines/{rule}    one deadline of the case, explained
//
// The role comes from the query string to keep the example short; a real
// service takes it from its login. Everything the law decides (what may
// happen, who sees what, which calendar counts a period) is the SDK's: the
// service only moves its values to and from HTTP.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"strconv"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// maxBody bounds a request body: a case file or one event.
const maxBody = 1 << 20

func main() {
	addr := flag.String("addr", "127.0.0.1:8082", "the address to listen on")
	db := flag.String("db", "hr-service.db", "the SQLite file the cases are kept in")
	flag.Parse()
	svc, err := newService(context.Background(), "sqlite:"+*db, func() civil.Date { return civil.FromTime(time.Now()) })
	if err != nil {
		log.Fatal(err)
	}
	defer svc.store.Close()
	log.Printf("hr-service: cases in %s, listening on http://%s", *db, *addr)
	log.Fatal(http.ListenAndServe(*addr, svc.routes()))
}

// service holds what every request needs: the law, built once, and the
// store that decides every write with it.
type service struct {
	engine *casefsm.Engine
	store  casestore.Store
	today  func() civil.Date // Asia/Karachi; the SDK never reads a clock
}

func newService(ctx context.Context, location string, today func() civil.Date) (*service, error) {
	engine, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return nil, err
	}
	store, err := sqlstore.Open(ctx, location, casestore.Options{Engine: engine})
	if err != nil {
		return nil, err
	}
	return &service{engine: engine, store: store, today: today}, nil
}

func (s *service) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /cases", s.file)
	mux.HandleFunc("POST /cases/{id}/events", s.append)
	mux.HandleFunc("GET /cases/{id}", s.show)
	mux.HandleFunc("GET /cases", s.list)
	mux.HandleFunc("GET /cases/{id}/committee", s.committee)
	mux.HandleFunc("GET /cases/{id}/deadlines/{rule}", s.deadline)
	return mux
}

// written is the answer to a write: where the case stands now.
type written struct {
	ID      string        `json:"id"`
	Version int64         `json:"version"`
	State   casefsm.State `json:"state"`
}

func (s *service) file(w http.ResponseWriter, r *http.Request) {
	f, err := casefsm.Decode(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		fail(w, err)
		return
	}
	c, err := s.store.Create(r.Context(), "", f.Header, f.Events...)
	if err != nil {
		fail(w, err)
		return
	}
	reply(w, http.StatusCreated, c.Version(), written{c.ID, c.Version(), c.Projection.State})
}

func (s *service) append(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		fail(w, err)
		return
	}
	ev, err := casefsm.DecodeEvent(body, 0)
	if err != nil {
		fail(w, err)
		return
	}
	id := r.PathValue("id")
	var c casestore.Case
	if match := r.Header.Get("If-Match"); match != "" {
		version, perr := strconv.ParseInt(trimQuotes(match), 10, 64)
		if perr != nil {
			problem(w, http.StatusBadRequest, "If-Match: want a version such as \"3\"")
			return
		}
		c, err = s.store.Append(r.Context(), id, version, ev)
	} else {
		c, err = s.store.Apply(r.Context(), id, ev)
	}
	if refusal, ok := errors.AsType[*casefsm.Refusal](err); ok {
		err = refusal.For(ev.By) // as the one who recorded the event may read it
	}
	if err != nil {
		fail(w, err)
		return
	}
	reply(w, http.StatusOK, c.Version(), written{c.ID, c.Version(), c.Projection.State})
}

// shown is a case as one reader may see it.
type shown struct {
	Version int64          `json:"version"`
	View    casefsm.View   `json:"view"`
	Status  casefsm.Report `json:"status"`
}

func (s *service) show(w http.ResponseWriter, r *http.Request) {
	at, ok := s.date(w, r)
	if !ok {
		return
	}
	c, err := s.store.Load(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, err)
		return
	}
	f := c.File()
	report, err := s.engine.Report(f, at)
	if err != nil {
		fail(w, err)
		return
	}
	out := shown{Version: c.Version()}
	if as := r.URL.Query().Get("as"); as == "statistics" {
		out.View, err = f.Statistics()
		out.Status = report.Statistics()
	} else {
		var role casefsm.Role
		if err := role.UnmarshalText([]byte(as)); err != nil {
			problem(w, http.StatusBadRequest, fmt.Sprintf("as: %v (or statistics)", err))
			return
		}
		out.View, err = f.View(role)
		out.Status = report.For(role)
	}
	if err != nil {
		fail(w, err)
		return
	}
	reply(w, http.StatusOK, c.Version(), out)
}

func (s *service) list(w http.ResponseWriter, r *http.Request) {
	at, ok := s.date(w, r)
	if !ok {
		return
	}
	f := casestore.Filter{At: at, Overdue: r.URL.Query().Get("overdue") == "true"}
	if state := r.URL.Query().Get("state"); state != "" {
		st, err := casestore.ParseState(state)
		if err != nil {
			fail(w, err)
			return
		}
		f.State = st
	}
	cases, err := s.store.List(r.Context(), f)
	if err != nil {
		fail(w, err)
		return
	}
	reply(w, http.StatusOK, -1, map[string]any{"as_of": at, "cases": nonNil(cases)})
}

// committeeCheck is the committee for a case and the rules of s.3 it
// breaks, as the case's status reports them.
type committeeCheck struct {
	Committee committee.Committee `json:"committee"`
	Valid     bool                `json:"valid"`
	Breaks    []casefsm.Warning   `json:"breaks"`
}

func (s *service) committee(w http.ResponseWriter, r *http.Request) {
	fc, ok := s.open(w, r)
	if !ok {
		return
	}
	forCase, ok := fc.Committee()
	if !ok {
		problem(w, http.StatusNotFound, "the case file names no standing committee")
		return
	}
	out := committeeCheck{Committee: forCase, Breaks: []casefsm.Warning{}}
	for _, warning := range fc.Status(civil.Date{}).Warnings {
		if warning.Code == casefsm.WarnCommitteeInvalid {
			out.Breaks = append(out.Breaks, warning)
		}
	}
	out.Valid = len(out.Breaks) == 0
	reply(w, http.StatusOK, -1, out)
}

func (s *service) deadline(w http.ResponseWriter, r *http.Request) {
	at, ok := s.date(w, r)
	if !ok {
		return
	}
	fc, ok := s.open(w, r)
	if !ok {
		return
	}
	for _, d := range fc.Status(at).Deadlines {
		if string(d.Rule) == r.PathValue("rule") {
			reply(w, http.StatusOK, -1, map[string]any{"deadline": d, "explanation": d.Explain()})
			return
		}
	}
	problem(w, http.StatusNotFound, "the case has started no period of that rule")
}

// open loads the case of the request and replays it: the case as the law
// sees it.
func (s *service) open(w http.ResponseWriter, r *http.Request) (*casefsm.Case, bool) {
	c, err := s.store.Load(r.Context(), r.PathValue("id"))
	if err == nil {
		var fc *casefsm.Case
		if fc, err = c.Open(s.engine); err == nil {
			return fc, true
		}
	}
	fail(w, err)
	return nil, false
}

// date reads ?at=, defaulting to today.
func (s *service) date(w http.ResponseWriter, r *http.Request) (civil.Date, bool) {
	at := r.URL.Query().Get("at")
	if at == "" {
		return s.today(), true
	}
	d, err := civil.Parse(at)
	if err != nil {
		problem(w, http.StatusBadRequest, "at: want a date YYYY-MM-DD")
	}
	return d, err == nil
}

// fail answers an error of the SDK with its HTTP status: the law's refusal
// is 422 with its code and citation, a stale version 409 with the version
// the case is at.
func fail(w http.ResponseWriter, err error) {
	var refusal *casefsm.Refusal
	var conflict *casestore.ConflictError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &refusal):
		reply(w, http.StatusUnprocessableEntity, -1, map[string]any{"error": "refused", "event": refusal.Index + 1,
			"code": refusal.Code, "message": refusal.Message, "citation": refusal.Citation.String()})
	case errors.As(err, &conflict):
		reply(w, http.StatusConflict, conflict.Actual, map[string]any{"error": "conflict", "version": conflict.Actual})
	case errors.Is(err, casestore.ErrNotFound):
		problem(w, http.StatusNotFound, "no such case")
	case errors.As(err, &tooLarge):
		problem(w, http.StatusRequestEntityTooLarge, err.Error())
	case errors.Is(err, casefsm.ErrMalformed), errors.Is(err, casestore.ErrMalformed):
		problem(w, http.StatusBadRequest, err.Error())
	default:
		log.Printf("hr-service: %v", err)
		problem(w, http.StatusInternalServerError, "internal error")
	}
}

func problem(w http.ResponseWriter, status int, message string) {
	reply(w, status, -1, map[string]string{"error": message})
}

// reply writes v as JSON with status and, for a version of zero or more,
// the ETag a later If-Match names.
func reply(w http.ResponseWriter, status int, version int64, v any) {
	w.Header().Set("Content-Type", "application/json")
	if version >= 0 {
		w.Header().Set("ETag", strconv.Quote(strconv.FormatInt(version, 10)))
	}
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("hr-service: writing a reply: %v", err)
	}
}

func trimQuotes(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
