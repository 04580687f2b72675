package access

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/committee"
)

// ErrDenied: the actor may not read the case in the way asked. See
// [DeniedError].
var ErrDenied = errors.New("access: denied")

// Actor is who reads a case: a person's id and the role they claim.
type Actor struct {
	ID   string       `json:"id"`
	Role casefsm.Role `json:"role,omitzero"`
}

// DeniedError reports a refused read or write, saying why.
type DeniedError struct {
	Actor  Actor
	Case   string
	Reason string
	// Event, for a write, is the position (from 1, among the events
	// given) of the first event the actor may not record; 0 when the case
	// itself is refused to the actor.
	Event int
}

func (e *DeniedError) Error() string {
	verb := "read"
	if e.Event > 0 {
		verb = fmt.Sprintf("record event %d on", e.Event)
	}
	what := "case " + e.Case
	if e.Case == "" {
		what = "the store's cases" // a list, refused before any case
	}
	return fmt.Sprintf("access: %s as %s may not %s %s: %s", e.Actor.ID, roleName(e.Actor.Role), verb, what, e.Reason)
}

// roleName names r, "no role" (statistics, an administrator) for the zero
// role.
func roleName(r casefsm.Role) string {
	if r == 0 {
		return "no role"
	}
	return r.String()
}

// Unwrap returns [ErrDenied].
func (e *DeniedError) Unwrap() error { return ErrDenied }

// RoleIn returns the role a reads case c as, from what the case records:
// its parties, its committee with every replacement made for it, the
// competent authority its committee names, and the events that brought it
// before the Ombudsperson, the District Court or the President or
// Governor. A forum's role is granted only where the case ties that forum
// to it (see the package doc), so an id absent from the case claiming a
// forum the case has not reached is refused. It returns a [*DeniedError]
// saying why (and what the case would have to record) when the case does
// not bear the claim out.
func RoleIn(c casestore.Case, a Actor) (casefsm.Role, error) {
	deny := func(reason string) (casefsm.Role, error) {
		return 0, &DeniedError{Actor: a, Case: c.ID, Reason: reason}
	}
	if a.ID == "" {
		return deny("an actor needs an id")
	}
	if !a.Role.IsValid() {
		return deny("an actor needs a role")
	}
	p := c.Header.Parties
	switch {
	case a.ID == p.Accused.ID:
		return casefsm.Accused, nil
	case a.ID == p.Complainant.ID:
		return casefsm.Complainant, nil
	case slices.ContainsFunc(p.Witnesses, func(w casefsm.Party) bool { return w.ID == a.ID }):
		return deny("the actor is a witness in this case")
	case a.Role == casefsm.Complainant || a.Role == casefsm.Accused:
		return deny("the actor is not the case's " + a.Role.String())
	case a.Role == casefsm.Witness:
		return deny("the actor is not a witness the case's header names")
	}
	return forumRole(c, a, deny)
}

// forumRole checks a claim to a forum's (or the employer's) view of c by
// someone who is no party or witness to it: the case itself must tie that
// forum to the case, since these views read identities and writing. The
// employer and the supervisor, whom no header names, are refused.
func forumRole(c casestore.Case, a Actor, deny func(string) (casefsm.Role, error)) (casefsm.Role, error) {
	switch a.Role {
	case casefsm.InquiryCommittee:
		return committeeRole(c, a, deny)
	case casefsm.CompetentAuthority:
		cm := c.Header.Committee
		if cm == nil || cm.CompetentAuthority == "" {
			return deny("the case names no competent authority: record its id in the header's committee (competent_authority)")
		}
		if cm.CompetentAuthority != a.ID {
			return deny("the actor is not the competent authority the case's committee names (s.2(d))")
		}
	case casefsm.Employer, casefsm.Supervisor:
		// Their views read the parties' ids, and no header field ties
		// either to a case, so nobody can bear the claim out.
		return deny("a case does not name its " + a.Role.String() + " (the header has no field for one): the " + a.Role.String() + "'s acts are recorded by a forum or an administrative actor")
	case casefsm.Ombudsperson, casefsm.DistrictCourt, casefsm.PresidentOrGovernor:
		if !reached(c, a.Role) {
			return deny("the case has not reached the " + a.Role.String() + " (no " + seizedBy(a.Role) + " is recorded on it)")
		}
	}
	return a.Role, nil
}

// seizures are the events that bring a case before a forum above the
// organisation: a complaint filed directly with the Ombudsperson (s.8(1)),
// an appeal, which lies with the Ombudsperson or, while none is appointed,
// the District Court (s.6(3)-(5)), and a representation to the President
// or Governor (s.9).
var seizures = map[casefsm.Role][]casefsm.EventType{
	casefsm.Ombudsperson:        {casefsm.FileWithOmbudsperson, casefsm.FileAppeal},
	casefsm.DistrictCourt:       {casefsm.FileAppeal},
	casefsm.PresidentOrGovernor: {casefsm.MakeRepresentation},
}

// reached reports whether c's events record one that brought it before
// forum r (see seizures). An event voided later still counts: the forum
// was seized of the case and keeps reading what it was given.
func reached(c casestore.Case, r casefsm.Role) bool {
	return slices.ContainsFunc(c.Records, func(rec casestore.Record) bool {
		return slices.Contains(seizures[r], rec.Event.Type)
	})
}

// seizedBy names the events that bring a case before forum r, for a
// refusal.
func seizedBy(r casefsm.Role) string {
	names := make([]string, 0, len(seizures[r]))
	for _, t := range seizures[r] {
		names = append(names, t.String())
	}
	return strings.Join(names, " or ")
}

// committeeRole checks a claim to the committee's view: the actor sits on
// the case's committee, or came in by a replacement, and was not replaced
// out of it (s.3(3)). A case that records no committee ties no one to
// its committee, so the claim is refused.
func committeeRole(c casestore.Case, a Actor, deny func(string) (casefsm.Role, error)) (casefsm.Role, error) {
	cm := c.Header.Committee
	if cm == nil {
		return deny("the case records no inquiry committee: record the committee (its members) in the case's header")
	}
	on := slices.ContainsFunc(cm.Members, func(m committee.Member) bool { return m.ID == a.ID })
	for _, r := range c.Records {
		if r.Event.Type != casefsm.ReplaceMember || r.Event.Member == nil {
			continue
		}
		switch a.ID {
		case r.Event.Member.Out:
			on = false
		case r.Event.Member.In.ID:
			on = true
		}
	}
	if !on {
		return deny("the actor is not on the inquiry committee for this case (never a member, or replaced under s.3(3))")
	}
	return casefsm.InquiryCommittee, nil
}

// Guard enforces access to the cases of a store and logs every read and
// write. Its zero value is not usable: Store, Log and Now are required.
type Guard struct {
	Store casestore.Store
	Log   Log
	// Now is the clock the log's times come from (the library reads none).
	Now func() time.Time
	// Admins are the ids of the administrative actors: they may read a
	// whole case unredacted, record any act and list every case. The
	// deployment names them; every use is logged under the name.
	Admins []string
}

// isAdmin reports whether a is one of g's administrative actors.
func (g *Guard) isAdmin(a Actor) bool {
	return a.ID != "" && slices.Contains(g.Admins, a.ID)
}

// View returns case id as actor a may read it: the view of the role the
// case gives a (see [RoleIn]). The read is logged, refused or not.
func (g *Guard) View(ctx context.Context, a Actor, id string) (casefsm.View, error) {
	c, role, err := g.Read(ctx, a, id, "view")
	if err != nil {
		return casefsm.View{}, err
	}
	return c.File().View(role)
}

// Export returns case id whole, unredacted, to an administrative actor
// (one of g.Admins); anyone else is denied. The read is logged.
func (g *Guard) Export(ctx context.Context, a Actor, id string) (casestore.Case, error) {
	return g.ReadWhole(ctx, a, id, "export")
}

// ReadWhole returns case id whole, unredacted, to an administrative actor
// (one of g.Admins), for what (for example "export", or "status" for a
// report the caller does not redact); anyone else is denied. The read is
// logged, refused or not.
func (g *Guard) ReadWhole(ctx context.Context, a Actor, id, what string) (casestore.Case, error) {
	if !g.isAdmin(a) {
		err := &DeniedError{Actor: a, Case: id, Reason: "only a named administrative actor may read a whole case"}
		return casestore.Case{}, g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "denied"}, err)
	}
	c, err := g.Store.Load(ctx, id)
	if err != nil {
		return casestore.Case{}, g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "failed"}, err)
	}
	if err := g.record(ctx, Entry{Case: id, Actor: a, As: a.Role, What: what, Outcome: "read"}, nil); err != nil {
		return casestore.Case{}, err
	}
	return c, nil
}

// ReadStatistics returns case id to actor a for aggregate reporting: the
// caller shows a only the case's statistics views (casefsm's
// CaseFile.Statistics, Report.Statistics), which name no one and quote no
// writing, so any named actor may read them. The read is logged as
// "statistics", refused or not.
func (g *Guard) ReadStatistics(ctx context.Context, a Actor, id string) (casestore.Case, error) {
	const what = "statistics"
	if a.ID == "" {
		err := &DeniedError{Actor: a, Case: id, Reason: "an actor needs an id"}
		return casestore.Case{}, g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "denied"}, err)
	}
	c, err := g.Store.Load(ctx, id)
	if err != nil {
		return casestore.Case{}, g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "failed"}, err)
	}
	if err := g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "read"}, nil); err != nil {
		return casestore.Case{}, err
	}
	return c, nil
}

// Access returns the log entries of case id to actor a, who must read the
// case as a forum (the committee, the Ombudsperson, the competent
// authority, the President or Governor) or be an administrative actor.
// Looking at the log is itself logged.
func (g *Guard) Access(ctx context.Context, a Actor, id string) ([]Entry, error) {
	if !g.isAdmin(a) {
		_, role, err := g.Read(ctx, a, id, "access")
		if err != nil {
			return nil, err
		}
		if !isForum(role) {
			return nil, &DeniedError{Actor: a, Case: id, Reason: "the access log is for the forums"}
		}
	} else if err := g.record(ctx, Entry{Case: id, Actor: a, As: a.Role, What: "access", Outcome: "read"}, nil); err != nil {
		return nil, err
	}
	return g.Log.Entries(ctx, id)
}

// Read loads case id for a, resolves the role the case gives a (see
// [RoleIn]) and logs the read as what (for example "status"): for a caller
// that redacts the case itself, as that role reads it (casefsm's
// CaseFile.View, Report.For). Refused reads are logged too.
func (g *Guard) Read(ctx context.Context, a Actor, id, what string) (casestore.Case, casefsm.Role, error) {
	c, err := g.Store.Load(ctx, id)
	if err != nil {
		return casestore.Case{}, 0, g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "failed"}, err)
	}
	role, err := RoleIn(c, a)
	if err != nil {
		return casestore.Case{}, 0, g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "denied"}, err)
	}
	if err := g.record(ctx, Entry{Case: id, Actor: a, As: role, What: what, Outcome: "read"}, nil); err != nil {
		return casestore.Case{}, 0, err
	}
	return c, role, nil
}

// record appends e to the log and returns err, or the log's own error: a
// read that cannot be logged is not served, and a write that cannot be
// logged is reported as failed (though the store may hold it).
func (g *Guard) record(ctx context.Context, e Entry, err error) error {
	e.At = g.Now().UTC()
	if _, lerr := g.Log.Append(ctx, e); lerr != nil {
		return fmt.Errorf("access: cannot log the %s of case %s (%s): %w", e.What, e.Case, e.Outcome, lerr)
	}
	return err
}

// isForum reports whether r is a forum of a case: the inquiry committee,
// the competent authority, the Ombudsperson, the President or Governor.
func isForum(r casefsm.Role) bool {
	switch r {
	case casefsm.InquiryCommittee, casefsm.CompetentAuthority, casefsm.Ombudsperson, casefsm.PresidentOrGovernor:
		return true
	}
	return false
}

// LogKeeper is a store that keeps its own access log, beside its cases:
// sqlstore's table hifazat_access, memstore's memory.
type LogKeeper interface {
	AccessLog() Log
}

// Of returns a Guard over s that logs into s's own access log (see
// [LogKeeper]), or into a new [Memory] when s keeps none, with the clock
// now and no administrative actor.
func Of(s casestore.Store, now func() time.Time) *Guard {
	var log Log = &Memory{}
	if k, ok := s.(LogKeeper); ok {
		log = k.AccessLog()
	}
	return &Guard{Store: s, Log: log, Now: now}
}
