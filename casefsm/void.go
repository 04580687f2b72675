package casefsm

import (
	"slices"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// KindDefamationSuit is the kind of a report_retaliation that reports a
// counter-blast defamation suit against the complainant (Code (xi) as
// amended by Act V of 2022).
const KindDefamationSuit = "defamation_suit"

// retaliationKinds are the kinds a report_retaliation may give, besides
// none: what [Case.Apply] accepts and [Fields] lists.
var retaliationKinds = [...]string{KindDefamationSuit}

// isVoided reports whether the event at index i was voided.
func (c *Case) isVoided(i int) bool { return slices.Contains(c.f.voided, i) }

// lastOnFor is the date ev may not precede: the last event that stands
// (voided events do not), and for a void_event the last apart from the
// event it voids, so that a mistyped date never wedges a case.
func (c *Case) lastOnFor(ev *Event) civil.Date {
	skip := -1
	if ev.Type == VoidEvent {
		skip = ev.Voids - 1
	}
	for i := len(c.events) - 1; i >= 0; i-- {
		if i != skip && !c.isVoided(i) {
			return c.events[i].On
		}
	}
	return civil.Date{}
}

// recorders are the roles that recorded ev, who alone may void it: a
// forum's (or the supervisor's or employer's) own act is its own record; a
// party's filing is the record of the forum that received it.
func recorders(ev *Event, route Route) []Role {
	switch ev.By {
	case Complainant, Accused, Witness:
	default:
		return []Role{ev.By}
	}
	switch ev.Type {
	case FileAppeal:
		return []Role{Ombudsperson, DistrictCourt}
	case MakeRepresentation:
		return []Role{PresidentOrGovernor}
	case FileWithOmbudsperson:
		return []Role{Ombudsperson}
	case ReportInformally:
		return []Role{Supervisor, InquiryCommittee}
	}
	if route == OmbudspersonRoute {
		return []Role{Ombudsperson}
	}
	return []Role{InquiryCommittee}
}

// guardVoid allows a void_event by the forum that recorded the event it
// voids, when no later event relies on it: the case is replayed without it,
// and any later event that would then be refused relies on it
// (interpretation 23). The replayed case is what commit installs.
func (c *Case) guardVoid(ev *Event, p *plan) *Refusal {
	i := ev.Voids - 1
	target := &c.events[i]
	switch {
	case target.Type == VoidEvent:
		return c.refuse(ev, NotAllowed, citeVoid, "event %d is itself a void_event; a voiding stands in the record", ev.Voids)
	case c.isVoided(i):
		return c.refuse(ev, NotAllowed, citeVoid, "event %d is already voided", ev.Voids)
	}
	if rs := recorders(target, c.route); !slices.Contains(rs, ev.By) {
		return c.refuse(ev, ForbiddenActor, citeVoid, "event %d (%s by the %s) was recorded by the %s; only the forum that recorded it may void it",
			ev.Voids, target.Type, target.By, roleList(rs))
	}
	if c.probing {
		return nil
	}
	replayed, relied := c.replayWithout(append(slices.Clone(c.f.voided), i))
	if len(relied) > 0 {
		return c.refuse(ev, NotAllowed, citeVoid, "later events rely on event %d (%s): %s; void them first", ev.Voids, target.Type, strings.Join(relied, ", "))
	}
	p.replayed = replayed
	return nil
}

// replayWithout replays the case's events on a new case as if the events
// at the indexes voided had not happened: they, and the void_events, are
// kept in the record without effect. It returns the new case and the
// events (as "N (type)") that would then be refused.
func (c *Case) replayWithout(voided []int) (*Case, []string) {
	r, err := c.eng.NewCase(c.h)
	if err != nil {
		return nil, []string{"the header: " + err.Error()}
	}
	r.f.voided = voided
	var relied []string
	for j, ev := range c.events {
		if slices.Contains(voided, j) || ev.Type == VoidEvent {
			r.events = append(r.events, cloneEvent(ev))
			continue
		}
		if r.Replay(ev) != nil {
			relied = append(relied, strconv.Itoa(j+1)+" ("+ev.Type.String()+")")
			r.events = append(r.events, cloneEvent(ev)) // keep the numbering
		}
	}
	return r, relied
}

// citeOwnerFine cites the owner's fine payable to the complainant.
var citeOwnerFine = policy.Citation{Section: "s.4(4)(ii)(e)", Confidence: policy.High,
	Note: "in case of the owner the fine is payable to the complainant"}

// checkOwnerFine records a breach where the accused is the employer (the
// owner) and a fine imposed on him is not payable to the complainant
// (s.4(4)(ii)(e)).
func (c *Case) checkOwnerFine(ev *Event, p *plan) {
	if c.h.Parties.Accused.Relationship != policy.Employer {
		return
	}
	for _, pen := range ev.Penalties {
		if pen.Code == policy.Fine && pen.Payee != PayeeComplainant {
			p.breaches = append(p.breaches, Breach{Code: BreachPenaltyMismatch, Rule: policy.RulePenalty, On: ev.On, Citation: citeOwnerFine,
				Message: "the owner's fine is payable to the complainant; the " + ev.Type.String() + " names " + payeeText(pen.Payee)})
		}
	}
}

// PayeeComplainant is the payee of an owner's fine (s.4(4)(ii)(e)).
const PayeeComplainant = "complainant"

func payeeText(p string) string {
	if p == "" {
		return "no payee"
	}
	return "another payee"
}
