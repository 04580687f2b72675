package casefsm

import (
	"slices"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Case is one complaint: its header and its events, in the order they
// happened. Its state, route, policies and clocks are derived from the
// events by [Case.Apply]; nothing is stored that the events do not imply,
// so a stored case is rehydrated by replaying its events ([Engine.Open]),
// never by trusting a stored state name.
//
// The procedure policy is fixed by the first formal filing (the named
// policy, or the statute in force in the jurisdiction on the filing date);
// the substantive policy, which decides who may complain, by the incident
// date (interpretation 2). A case keeps both for life. Before its filing a
// case follows the statute in force on each event's date.
//
// A Case is not safe for concurrent use. The zero Case is not usable; make
// one with [Engine.NewCase] or [Engine.Open], or make a zero Case (or a
// finished one) a new case with [Engine.Reset].
type Case struct {
	eng *Engine
	h   Header
	// def is the procedure definition: named in the header, fixed at
	// filing, or, before filing, the last one used.
	def   *Definition
	subst *policy.Policy
	state State
	route Route
	// events are deep copies of the events applied.
	events []Event
	f      facts
	// probing marks the copy of a case that [Case.next] checks candidate
	// events on: only its refusals' codes are read, so they carry no
	// message (formatting one per refused candidate dominated Status).
	probing bool
}

// facts is what the events imply beyond the state: the clocks they
// started and the decisions, orders and requests in force.
type facts struct {
	filedOn civil.Date
	clocks  []clock
	// stays are the lifted stays; stayFrom is the start of a stay in force.
	stays    []deadlines.Stay
	stayFrom civil.Date

	exParteOn       civil.Date
	exParteSetAside bool
	defenceOn       civil.Date

	// The current round of decision, reset by a remand.
	finding         Finding
	recommended     []Penalty
	decisionOn      civil.Date
	imposed         []Penalty
	toldAccused     civil.Date
	toldComplainant civil.Date
	appealed        roleSet
	appealOn        civil.Date // the first appeal of the round
	// underAppeal are the penalties the appeal of the round challenges,
	// in force again when a representation is remanded to the appeal.
	underAppeal []Penalty
	// appealDecidedBy is the forum that decided the appeal of the round:
	// the Ombudsperson, or the District Court before one was appointed.
	appealDecidedBy Role
	// ombudspersonActed: an Ombudsperson recorded an act in this case, so
	// one had been appointed (s.6(4)-(5)).
	ombudspersonActed bool
	represented       roleSet
	// representationDecided: the representation of the round was decided;
	// the other party's own window may still be open (s.9).
	representationDecided bool

	withdrawalOn civil.Date
	// voided are the indexes of the events voided (interpretation 23).
	voided       []int
	retaliation  []int // indexes of report_retaliation events
	interimAt    int   // 1 + the index of the last interim measure; 0 for none
	replacements []committee.Replacement
	// chair is the member designated chairperson for the case
	// (designate_chair), until a member brought in as chair supersedes it.
	chair string

	// Warnings and breaches raised when events were applied.
	warnings []Warning
	breaches []Breach
}

// reset makes c a new case of e with the checked header h and the
// definition it names, keeping the memory of c's slices. The slices are
// cleared first, so nothing of the old case stays reachable.
func (c *Case) reset(e *Engine, h Header, def *Definition) {
	clear(c.events)
	c.f.reset()
	*c = Case{eng: e, h: cloneHeader(h), def: def, state: NotFiled, events: c.events[:0], f: c.f}
}

// reset empties the facts, keeping the capacity of their slices.
func (f *facts) reset() {
	clear(f.clocks)
	clear(f.stays)
	clear(f.retaliation)
	clear(f.voided)
	clear(f.replacements)
	clear(f.warnings)
	clear(f.breaches)
	*f = facts{clocks: f.clocks[:0], stays: f.stays[:0], retaliation: f.retaliation[:0], voided: f.voided[:0], replacements: f.replacements[:0],
		warnings: f.warnings[:0], breaches: f.breaches[:0]}
}

// roleSet is a set of roles.
type roleSet uint16

func (s roleSet) has(r Role) bool     { return s&(1<<r) != 0 }
func (s roleSet) with(r Role) roleSet { return s | 1<<r }

// plan is what check decided about an event, for commit to carry out.
type plan struct {
	def   *Definition
	row   int
	route Route
	// subst is set when the event is the first filing.
	subst    *policy.Policy
	warnings []Warning
	breaches []Breach
	// replayed is, for a void_event, the case replayed without the event
	// it voids: commit installs it.
	replayed *Case
}

// Apply checks ev against the transition table and the guards of the
// case's policies and, if it is allowed, records it. A refused event
// leaves the case exactly as it was and returns a [*Refusal] with a stable
// [Code], a message and the citation. Apply copies ev; the caller may
// reuse it.
//
// Apply refuses (see [Code]): an event that is incomplete, dated before the
// previous event, or carries a field its type does not take
// (invalid_event); one the table does not allow in the case's state or
// route, or whose precondition is missing (not_allowed), such as a
// replacement that cannot be one (see [Header.Committee]); an actor the
// table does not name (forbidden_actor); a filing by someone the
// substantive policy does not cover (ineligible_complainant); ex parte or
// finalising before the period that must run out has (too_early); and a
// late appeal or representation without recorded condonation
// (time_barred). Late acts of forums and late defences are accepted and
// reported by [Case.Status].
//
// Apply is for live events: each move is made by the looplab state
// machine, which must agree with the table. Use [Case.Replay] for events
// that already happened.
func (c *Case) Apply(ev Event) error { return c.apply(ev, true) }

// Replay applies an event that already happened: a stored history
// ([Engine.Open] replays one), the case as it stood on an earlier day, or
// a simulated history. It checks, refuses, records and warns exactly as
// [Case.Apply] does; only the move differs: the transition table alone
// decides it and looplab is not fired. The next live Apply sets a looplab
// machine to the case's state with SetState before moving it, so a
// replayed case goes on live as if every event had been applied. A fuzz
// test replays random walks both ways and requires the same refusals,
// states and status.
func (c *Case) Replay(ev Event) error { return c.apply(ev, false) }

// apply checks ev and commits it; live moves go through looplab.
func (c *Case) apply(ev Event, live bool) error {
	p, ref := c.check(&ev)
	if ref != nil {
		return ref
	}
	return c.commit(ev, p, live)
}

// commit records an event check accepted. Only the state machine can fail,
// and it fails before anything is changed.
func (c *Case) commit(ev Event, p plan, live bool) error {
	if r := p.replayed; r != nil {
		r.events = append(r.events, cloneEvent(ev))
		r.f.voided = append(r.f.voided, ev.Voids-1)
		*c = *r
		return nil
	}
	t := p.def.rows[p.row]
	if t.Moves() {
		if live {
			if err := p.def.fire(p.row, c.state, t.To); err != nil {
				return err
			}
		}
		c.state = t.To
	}
	idx := len(c.events)
	c.def = p.def
	if p.subst != nil {
		c.subst, c.route, c.f.filedOn = p.subst, p.route, ev.On
	}
	ev = cloneEvent(ev)
	c.events = append(c.events, ev)
	for _, w := range p.warnings {
		w.Index = idx
		c.f.warnings = append(c.f.warnings, w)
	}
	c.f.breaches = append(c.f.breaches, p.breaches...)
	c.meetClocks(&ev)
	c.effects(&ev, idx)
	if t.Moves() {
		c.mootClocks(ev.On)
	}
	return nil
}

func cloneEvent(ev Event) Event {
	ev.Penalties = slices.Clone(ev.Penalties)
	ev.To = slices.Clone(ev.To)
	if ev.Member != nil {
		m := *ev.Member
		ev.Member = &m
	}
	return ev
}

// State returns the case's current state.
func (c *Case) State() State { return c.state }

// Route returns the route the first filing chose, or [NoRoute].
func (c *Case) Route() Route { return c.route }

// Header returns a copy of the case's header.
func (c *Case) Header() Header { return cloneHeader(c.h) }

// Events returns a copy of the events applied, in order.
func (c *Case) Events() []Event {
	out := make([]Event, len(c.events))
	for i, ev := range c.events {
		out[i] = cloneEvent(ev)
	}
	return out
}

// File returns the case as a case file: its header and its events.
func (c *Case) File() *CaseFile { return &CaseFile{Header: c.Header(), Events: c.Events()} }

// Definition returns the procedure definition: the one fixed at filing (or
// named in the header), or before filing the one last used; nil for an
// unfiled case with no events and no named policy.
func (c *Case) Definition() *Definition { return c.def }

// SubstancePolicy returns the policy that decided who may complain, fixed
// at filing; nil before.
func (c *Case) SubstancePolicy() *policy.Policy { return c.subst }

func (c *Case) lastOn() civil.Date {
	if len(c.events) == 0 {
		return civil.Date{}
	}
	return c.events[len(c.events)-1].On
}

// Check reports whether Apply would accept ev, without changing the case:
// nil, or the [*Refusal] Apply would return. It is the dry run an
// application runs before asking a user to confirm an event.
func (c *Case) Check(ev Event) error {
	if _, ref := c.check(&ev); ref != nil {
		return ref
	}
	return nil
}
