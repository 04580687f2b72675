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

// create files a case from a case file: a party may file only as itself.
func (s *Server) create(ctx context.Context, a Actor, body []byte) (caseResult, error) {
	f, err := casefsm.Decode(bytes.NewReader(body))
	if err != nil {
		return caseResult{}, problem(http.StatusBadRequest, TypeMalformed, "%v", err)
	}
	h, events := f.Header, f.Events
	if err := mayReach(a, h); err != nil {
		return caseResult{}, problem(http.StatusForbidden, TypeForbidden, "a %s may file only a case in which they are the %s", a.Role, a.Role)
	}
	if err := mayRecord(a, events); err != nil {
		return caseResult{}, err
	}
	c, err := s.cfg.Store.Create(ctx, "", h, events...)
	if err != nil {
		return caseResult{}, err
	}
	return caseResult{c.ID, c.Version(), c.Projection.State}, nil
}

// apply appends events (one JSON object, or an array of them) to case id at
// version expected.
func (s *Server) apply(ctx context.Context, a Actor, id string, expected int64, body []byte) (caseResult, error) {
	if a.Role == Statistics {
		return caseResult{}, problem(http.StatusForbidden, TypeForbidden, "the statistics role records nothing")
	}
	// Whether the actor may reach the case comes first: the body of a
	// request for a case it may not reach tells it nothing, not even that it
	// is bad. The case says which role the actor acts as: the accused with a
	// committee token records as the accused (access.RoleIn).
	_, role, err := s.load(ctx, a, id)
	if err != nil {
		return caseResult{}, err
	}
	a.Role = role
	events, err := parseEvents(body)
	if err != nil {
		return caseResult{}, err
	}
	if err := mayRecord(a, events); err != nil {
		return caseResult{}, err
	}
	c, err := s.cfg.Store.Append(ctx, id, expected, events...)
	if err != nil {
		if r, ok := errors.AsType[*casefsm.Refusal](err); ok {
			p := refusedProblem(r.For(a.Role))
			p.Event = r.Index + 1 - int(expected)
			return caseResult{}, p
		}
		return caseResult{}, err
	}
	return caseResult{c.ID, c.Version(), c.Projection.State}, nil
}

// show returns case id as actor a may see it, judged as of at.
func (s *Server) show(ctx context.Context, a Actor, id string, at civil.Date) (caseShown, error) {
	c, role, err := s.load(ctx, a, id)
	if err != nil {
		return caseShown{}, err
	}
	a.Role = role
	var v casestore.View
	if a.Role == Statistics {
		v, err = casestore.Statistics(c)
	} else {
		v, err = casestore.ViewAs(c, a.Role)
	}
	if err != nil {
		return caseShown{}, err
	}
	rep, err := s.engine.Report(c.File(), at)
	if err != nil {
		return caseShown{}, err
	}
	if a.Role == Statistics {
		rep = rep.Statistics()
	} else {
		rep = rep.For(a.Role)
	}
	out := caseShown{ID: c.ID, Version: c.Version(), As: nameOf(a.Role), At: at, View: v, Status: rep}
	if a.Role == Statistics {
		out.ID = ""
	}
	return out, nil
}

// list returns one page of the cases that match q, for a forum.
func (s *Server) list(ctx context.Context, a Actor, q listQuery) ([]caseSummary, error) {
	if !isForum(a.Role) {
		return nil, problem(http.StatusForbidden, TypeForbidden, "only the forums (inquiry_committee, competent_authority, ombudsperson) list cases")
	}
	f := casestore.Filter{Policy: policy.ID(q.Policy), At: q.At, Overdue: q.Overdue, DueWithin: q.DueWithin, After: q.After, Limit: q.Limit}
	if q.State != "" {
		st, err := casestore.ParseState(q.State)
		if err != nil {
			return nil, problem(http.StatusBadRequest, TypeMalformed, "%v", err)
		}
		f.State = st
	}
	return s.cfg.Store.List(ctx, f)
}

// load loads case id if actor a may reach it, with the role the case gives
// a (access.RoleIn); a case a may not reach is "not found", so that a party
// cannot learn which cases exist.
func (s *Server) load(ctx context.Context, a Actor, id string) (casestore.Case, Role, error) {
	if err := casestore.CheckID(id); err != nil {
		return casestore.Case{}, 0, err
	}
	c, err := s.cfg.Store.Load(ctx, id)
	if err != nil {
		return casestore.Case{}, 0, err
	}
	if a.Role == Statistics {
		return c, Statistics, nil
	}
	// The case, not the token, says which view the actor reads: the accused
	// or a witness who holds a forum's token reads no forum's view, nor does
	// a member replaced for the case (s.3(3)).
	role, err := access.RoleIn(c, access.Actor{ID: a.ID, Role: a.Role})
	if err != nil {
		return casestore.Case{}, 0, &casestore.NotFoundError{Case: id}
	}
	return c, role, nil
}

// mayReach reports whether a may read and act on a case with header h: a
// forum or the statistics role any case, a party only its own.
func mayReach(a Actor, h casefsm.Header) error {
	if a.Role != Complainant && a.Role != Accused {
		return nil
	}
	party := h.Parties.Complainant.ID
	if a.Role == Accused {
		party = h.Parties.Accused.ID
	}
	if party == "" || party != a.ID {
		return errors.New("not the actor's case")
	}
	return nil
}

// mayRecord checks that a may record events: its own acts, and for a forum
// also those of the parties, the supervisor and the employer (a filing
// received on paper). The statistics role records nothing.
func mayRecord(a Actor, events []casefsm.Event) error {
	for i, e := range events {
		by := e.By
		if by == a.Role && a.Role != Statistics {
			continue
		}
		switch by {
		case casefsm.Complainant, casefsm.Accused, casefsm.Supervisor, casefsm.Employer:
			if isForum(a.Role) {
				continue
			}
		}
		p := problem(http.StatusForbidden, TypeForbidden, "a %s may not record an event by %q", nameOf(a.Role), by)
		p.Event = i + 1
		return p
	}
	return nil
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
	case errors.Is(err, casestore.ErrUnavailable), errors.Is(err, casestore.ErrClosed),
		errors.Is(err, casestore.ErrReadOnly), errors.Is(err, casestore.ErrSchema):
		return problem(http.StatusServiceUnavailable, TypeUnavailable, "the case store is unavailable")
	}
	return nil
}

// refusedProblem is the 422 answer to an event the law refused.
func refusedProblem(r *casefsm.Refusal) *Problem {
	p := problem(http.StatusUnprocessableEntity, TypeRefused, "%s", r.Message)
	p.Code, p.Citation = r.Code.String(), r.Citation.Section
	return p
}
