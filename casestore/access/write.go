package access

import (
	"context"
	"errors"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
)

// Create files a new case id (the store chooses one when id is "") with
// header h and its first events, for actor a. The header decides a's role
// as [RoleIn] does a stored case's: a party files only a case that names
// them as that party. a records only what [Guard.Append] lets it record. A
// refusal by the law is redacted for a's role ([casefsm.Refusal.For]). The
// write is logged as "create", refused or not.
func (g *Guard) Create(ctx context.Context, a Actor, id string, h casefsm.Header, events ...casefsm.Event) (casestore.Case, error) {
	if id == "" {
		id = casestore.NewID()
	}
	role, err := g.writerRole(casestore.Case{ID: id, Header: h}, a, events)
	if err != nil {
		return casestore.Case{}, g.record(ctx, Entry{Case: id, Actor: a, What: "create", Outcome: "denied"}, err)
	}
	c, err := g.Store.Create(ctx, id, h, events...)
	return c, g.wrote(ctx, Entry{Case: id, Actor: a, As: role, What: "create"}, role, err)
}

// Append adds events to case id for actor a, at version expected, or at
// the case's head when expected is negative. The case decides a's role
// ([RoleIn]), and a records only its own acts; a forum (see [Guard.Access])
// also records a party's, a supervisor's or the employer's act received on
// paper; an administrative actor records any act. A refusal by the law is
// redacted for a's role ([casefsm.Refusal.For]): its message names no one
// the role may not see. The write is logged as "append", refused or not.
func (g *Guard) Append(ctx context.Context, a Actor, id string, expected int64, events ...casefsm.Event) (casestore.Case, error) {
	c, err := g.Store.Load(ctx, id)
	if err != nil {
		return casestore.Case{}, g.record(ctx, Entry{Case: id, Actor: a, What: "append", Outcome: "failed"}, err)
	}
	role, err := g.writerRole(c, a, events)
	if err != nil {
		return casestore.Case{}, g.record(ctx, Entry{Case: id, Actor: a, What: "append", Outcome: "denied"}, err)
	}
	if expected < 0 {
		// At the head as read: the role was judged on this version, so a
		// write that raced it (a member replaced meanwhile) conflicts
		// rather than being recorded under a stale role.
		expected = c.Version()
	}
	c, err = g.Store.Append(ctx, id, expected, events...)
	return c, g.wrote(ctx, Entry{Case: id, Actor: a, As: role, What: "append"}, role, err)
}

// writerRole returns the role a records events on c as: none (the zero
// role) for an administrative actor, who records any act; otherwise the
// role the case gives a, which must be allowed to record every event.
func (g *Guard) writerRole(c casestore.Case, a Actor, events []casefsm.Event) (casefsm.Role, error) {
	if g.isAdmin(a) {
		return 0, nil
	}
	role, err := RoleIn(c, a)
	if err != nil {
		return 0, err
	}
	for i, e := range events {
		if !mayRecord(role, e.By) {
			return 0, &DeniedError{Actor: a, Case: c.ID, Event: i + 1,
				Reason: withArticle(role.String()) + " records its own acts (a forum also a party's, supervisor's or employer's act received on paper), not one by " + e.By.String()}
		}
	}
	return role, nil
}

// mayRecord reports whether an actor reading a case as role may record an
// act by by.
func mayRecord(role, by casefsm.Role) bool {
	if by == role {
		return true
	}
	switch by {
	case casefsm.Complainant, casefsm.Accused, casefsm.Supervisor, casefsm.Employer:
		return isForum(role)
	}
	return false
}

// wrote logs the write e whose result was err and returns err, a refusal
// redacted for role (an administrative actor, role 0, reads it whole).
func (g *Guard) wrote(ctx context.Context, e Entry, role casefsm.Role, err error) error {
	var r *casefsm.Refusal
	switch {
	case err == nil:
		e.Outcome = "written"
	case errors.As(err, &r):
		e.Outcome = "refused"
		if role != 0 {
			err = r.For(role)
		}
	default:
		e.Outcome = "failed"
	}
	return g.record(ctx, e, err)
}

// withArticle puts "a" or "an" before a role's name, as English wants.
func withArticle(name string) string {
	if name != "" && strings.ContainsRune("aeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}
