package httpapi

// This file is the API's only contact with the case store: everything
// else speaks HTTP, the SDK's value types and the helpers below.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Store is the case store the API serves.
type Store = casestore.Store

// Role is who an actor acts and looks as: casefsm's role.
type Role = casefsm.Role

// The roles of actors. Statistics, aggregate reporting, acts on no case
// and sees cases only as casestore.Statistics shows them: it is the zero
// casefsm.Role, named "statistics" in a token file.
const (
	Complainant             = casefsm.Complainant
	Accused                 = casefsm.Accused
	InquiryCommittee        = casefsm.InquiryCommittee
	CompetentAuthority      = casefsm.CompetentAuthority
	Ombudsperson            = casefsm.Ombudsperson
	Statistics         Role = 0
)

var allRoles = []Role{Complainant, Accused, InquiryCommittee, CompetentAuthority, Ombudsperson, Statistics}

// statisticsName is the name of the Statistics role in a token file.
const statisticsName = "statistics"

// nameOf returns r's name, "statistics" for Statistics.
func nameOf(r Role) string {
	if r == Statistics {
		return statisticsName
	}
	return r.String()
}

// ParseRole reads the name of a role an actor may have, as a token file
// and "hifazat token --role" write it ("statistics" for [Statistics]); any
// other name is refused with the list of valid ones.
func ParseRole(name string) (Role, error) {
	for _, r := range allRoles {
		if nameOf(r) == name {
			return r, nil
		}
	}
	return 0, fmt.Errorf("no role %q (want one of %s)", clip(name), roleList())
}

func roleList() string {
	names := make([]string, len(allRoles))
	for i, r := range allRoles {
		names[i] = nameOf(r)
	}
	return strings.Join(names, ", ")
}

// isForum reports whether r is a forum of the case (it sees every case of
// the organisation and may record a party's filing received on paper).
func isForum(r Role) bool {
	return r == InquiryCommittee || r == CompetentAuthority || r == Ombudsperson
}

// caseResult is a case after a write: the JSON of 201 and 200 answers to
// POST /v1/cases and POST /v1/cases/{id}/events.
type caseResult struct {
	ID      string        `json:"id"`
	Version int64         `json:"version"`
	State   casefsm.State `json:"state"`
}

// caseShown is a case as one actor may see it (GET /v1/cases/{id}).
type caseShown struct {
	ID      string         `json:"id,omitempty"`
	Version int64          `json:"version"`
	As      string         `json:"as"`
	At      civil.Date     `json:"at"`
	View    casestore.View `json:"view"`
	Status  casefsm.Report `json:"status"`
}

// caseSummary is one case of a list.
type caseSummary = casestore.Summary

// listQuery is a list's filters and page.
type listQuery struct {
	State, Policy string
	At            civil.Date
	Overdue       bool
	DueWithin     int
	After         string
	Limit         int
}

func (s *Server) ping(ctx context.Context) error {
	_, err := s.cfg.Store.List(ctx, casestore.Filter{Limit: 1})
	return err
}

// create files a case from a case file, through the access guard: a party
// files only a case that names them as that party, and an actor records
// only what access.Guard lets it record.
func (s *Server) create(ctx context.Context, a Actor, body []byte) (caseResult, error) {
	f, err := casefsm.Decode(bytes.NewReader(body))
	if err != nil {
		return caseResult{}, problem(http.StatusBadRequest, TypeMalformed, "%v", err)
	}
	c, err := s.guard.Create(ctx, a.access(), "", f.Header, f.Events...)
	if d, ok := errors.AsType[*access.DeniedError](err); ok {
		return caseResult{}, deniedProblem(d, 0)
	}
	if err != nil {
		return caseResult{}, err
	}
	return caseResult{c.ID, c.Version(), c.Projection.State}, nil
}

// apply appends events (one JSON object, or an array of them) to case id at
// version expected, through the access guard: the case says which role the
// actor records as (the accused with a committee token records as the
// accused), and a refusal comes redacted for that role.
func (s *Server) apply(ctx context.Context, a Actor, id string, expected int64, body []byte) (caseResult, error) {
	if a.Role == Statistics {
		return caseResult{}, problem(http.StatusForbidden, TypeForbidden, "the statistics role records nothing")
	}
	if err := casestore.CheckID(id); err != nil {
		return caseResult{}, err
	}
	events, err := parseEvents(body)
	if err != nil {
		return caseResult{}, err
	}
	c, err := s.guard.Append(ctx, a.access(), id, expected, events...)
	if d, ok := errors.AsType[*access.DeniedError](err); ok {
		return caseResult{}, deniedProblem(d, http.StatusNotFound)
	}
	if r, ok := errors.AsType[*casefsm.Refusal](err); ok {
		p := refusedProblem(r)
		p.Event = r.Index + 1 - int(expected)
		p.Detail += fmt.Sprintf(" (event %d of this request, which would be the case's event %d)", p.Event, r.Index+1)
		return caseResult{}, p
	}
	if err != nil {
		return caseResult{}, err
	}
	return caseResult{c.ID, c.Version(), c.Projection.State}, nil
}

// show returns case id as actor a may see it, judged as of at: read
// through the access guard (the case, not the token, decides the role),
// and logged.
func (s *Server) show(ctx context.Context, a Actor, id string, at civil.Date) (caseShown, error) {
	if err := casestore.CheckID(id); err != nil {
		return caseShown{}, err
	}
	var c casestore.Case
	role, err := Statistics, error(nil)
	if a.Role == Statistics {
		c, err = s.guard.ReadStatistics(ctx, a.access(), id)
	} else {
		c, role, err = s.guard.Read(ctx, a.access(), id, "view")
	}
	if d, ok := errors.AsType[*access.DeniedError](err); ok {
		return caseShown{}, deniedProblem(d, http.StatusNotFound)
	}
	if err != nil {
		return caseShown{}, err
	}
	var v casestore.View
	if role == Statistics {
		v, err = casestore.Statistics(c)
	} else {
		v, err = casestore.ViewAs(c, role)
	}
	if err != nil {
		return caseShown{}, err
	}
	rep, err := s.engine.Report(c.File(), at)
	if err != nil {
		return caseShown{}, err
	}
	if role == Statistics {
		rep = rep.Statistics()
	} else {
		rep = rep.For(role)
	}
	out := caseShown{ID: c.ID, Version: c.Version(), As: nameOf(role), At: at, View: v, Status: rep}
	if role == Statistics {
		out.ID = ""
	}
	return out, nil
}

// list returns one page of the cases that match q that a may see, through
// the access guard: the forums list the cases they sit on, each listed case
// a logged read.
func (s *Server) list(ctx context.Context, a Actor, q listQuery) ([]caseSummary, error) {
	f := casestore.Filter{Policy: policy.ID(q.Policy), At: q.At, Overdue: q.Overdue, DueWithin: q.DueWithin, After: q.After, Limit: q.Limit}
	if q.State != "" {
		st, err := casestore.ParseState(q.State)
		if err != nil {
			return nil, problem(http.StatusBadRequest, TypeMalformed, "%v", err)
		}
		f.State = st
	}
	list, err := s.guard.List(ctx, a.access(), f)
	if d, ok := errors.AsType[*access.DeniedError](err); ok {
		return nil, deniedProblem(d, 0)
	}
	return list, err
}

// access is a as package access knows actors: its id and role.
func (a Actor) access() access.Actor { return access.Actor{ID: a.ID, Role: a.Role} }

// deniedProblem is the answer to a request the access guard denied: 403
// naming the event an actor may not record; for the case itself, notFound
// when set (so that a party cannot learn which cases exist), else 403.
func deniedProblem(d *access.DeniedError, notFound int) *Problem {
	switch {
	case d.Event > 0:
		// The rule's words are package access's, said once there.
		p := problem(http.StatusForbidden, TypeForbidden, "%s: event %d may not be recorded by this actor", d.Reason, d.Event)
		p.Event = d.Event
		return p
	case notFound != 0:
		return problem(http.StatusNotFound, TypeNotFound, "%v", &casestore.NotFoundError{Case: d.Case})
	}
	return problem(http.StatusForbidden, TypeForbidden, "this actor may not do this: %s", d.Reason)
}

// parseEvents reads one event or an array of them.
func parseEvents(body []byte) ([]casefsm.Event, error) {
	raw := []json.RawMessage{body}
	if b := bytes.TrimSpace(body); len(b) > 0 && b[0] == '[' {
		raw = nil
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, problem(http.StatusBadRequest, TypeMalformed, "the body is not a JSON array of events: %v", err)
		}
	}
	if len(raw) == 0 {
		return nil, problem(http.StatusBadRequest, TypeMalformed, "no events to append")
	}
	events := make([]casefsm.Event, len(raw))
	for i, r := range raw {
		e, err := casefsm.DecodeEvent(r, i)
		if err != nil {
			p := problem(http.StatusBadRequest, TypeMalformed, "%v", err)
			p.Event = i + 1
			if ie, ok := errors.AsType[*casefsm.InputError](err); ok {
				p.Field = ie.Field
			}
			return nil, p
		}
		events[i] = e
	}
	return events, nil
}

// storeProblem maps a store's error to its problem, or returns nil for an
// error that is not the store's.
func storeProblem(err error) *Problem {
	var conflict *casestore.ConflictError
	var refused *casefsm.Refusal
	switch {
	case errors.As(err, &conflict):
		p := problem(http.StatusConflict, TypeConflict, "case %s is at version %d, not %d: reload it and retry", conflict.Case, conflict.Actual, conflict.Expected)
		p.Version = &conflict.Actual
		return p
	case errors.As(err, &refused):
		return refusedProblem(refused)
	case errors.Is(err, casefsm.ErrMalformed):
		return problem(http.StatusBadRequest, TypeMalformed, "%v", err)
	case errors.Is(err, casestore.ErrNotFound):
		return problem(http.StatusNotFound, TypeNotFound, "%v", err)
	case errors.Is(err, casestore.ErrExists):
		return problem(http.StatusConflict, TypeConflict, "%v", err)
	case errors.Is(err, casestore.ErrMalformed):
		return problem(http.StatusBadRequest, TypeMalformed, "%v", err)
	case errors.Is(err, casestore.ErrErased):
		return problem(http.StatusGone, TypeErased, "the case was erased after its retention period; only its procedural record remains")
	case errors.Is(err, casestore.ErrNoKey), errors.Is(err, casestore.ErrWrongKey):
		// The deployment's fault, not the caller's: say so without naming
		// any key.
		return problem(http.StatusServiceUnavailable, TypeUnavailable, "the server cannot open sealed cases: it must be started with the deployment's key (serve --key-file)")
	case errors.Is(err, casestore.ErrCorrupt):
		return problem(http.StatusInternalServerError, TypeAltered, "the case's stored record is damaged or was altered: it is neither shown nor extended; an administrator can run 'hifazat case verify'")
	case errors.Is(err, casestore.ErrUnavailable), errors.Is(err, casestore.ErrClosed),
		errors.Is(err, casestore.ErrReadOnly), errors.Is(err, casestore.ErrSchema):
		return problem(http.StatusServiceUnavailable, TypeUnavailable, "the case store is unavailable")
	}
	return nil
}

// refusedProblem is the 422 answer to an event the law refused.
func refusedProblem(r *casefsm.Refusal) *Problem {
	p := problem(http.StatusUnprocessableEntity, TypeRefused, "%s", r.Message)
	p.Code, p.Citation, p.Field = r.Code.String(), r.Citation.Section, r.Field
	return p
}
