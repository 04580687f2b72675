package casefsm

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/hifazat/hifazat/policy"
	"github.com/looplab/fsm"
)

// Definition is the lifecycle of a complaint under one policy: the
// transition table with the routes the policy switches on or off, checked
// once and compiled for fast lookup. Build it once per policy with
// [NewDefinition] and share it: a Definition is immutable and safe for
// concurrent use by any number of cases.
//
// The zero Definition has no transitions and is not usable; use
// NewDefinition.
type Definition struct {
	pol  *policy.Policy
	rows []Transition
	// removed holds, for each event the policy switched off entirely, the
	// parameter that did.
	removed map[EventType]policy.Citation
	// in and routes are the policy's parameters, copied once so that no
	// event copies them again.
	in     policy.Interpretations
	routes policy.Routes

	// row holds, for a case on a route in a state, the index+1 of the row
	// that governs an event (0: none). It is the whole per-event lookup.
	row [routeEnd][stateEnd][eventEnd]uint8

	// future holds, for a case on a route in a state, whether an event can
	// still happen there or in a state reachable without a remand: a clock
	// whose act cannot is moot.
	future [routeEnd][stateEnd][eventEnd]bool

	// The looplab description, built once and handed to every case's
	// machine. lpName[i] is row i's event name inside looplab.
	lpName      []string
	lpEvents    fsm.Events
	lpCallbacks fsm.Callbacks
	// lpArgs[s] is the argument list that tells checkDestination the
	// table's destination s. It is built once and only read (by looplab
	// and the callback), so a move does not allocate one.
	lpArgs [stateEnd][]any
	// machines pools looplab machines for this description (see fire).
	machines sync.Pool
}

// compile validates rows and builds a Definition from them. rows must be in
// the order Transitions will return.
func compile(p *policy.Policy, rows []Transition) (*Definition, error) {
	if len(rows) >= 255 {
		return nil, &TableError{Row: 255, Reason: "more than 254 rows"}
	}
	d := &Definition{pol: p, rows: rows}
	for i, t := range rows {
		if err := checkRow(t); err != "" {
			return nil, &TableError{Row: i, Event: t.Event, Reason: err}
		}
		if err := d.place(i, t); err != nil {
			return nil, err
		}
	}
	if err := d.checkGraph(); err != nil {
		return nil, err
	}
	d.computeFuture()
	d.describe()
	return d, nil
}

// computeFuture fills d.future by a search from every state over the
// moving rows of each route, remands excepted.
func (d *Definition) computeFuture() {
	for r := NoRoute; r < routeEnd; r++ {
		for s := NotFiled; s < stateEnd; s++ {
			var seen [stateEnd]bool
			seen[s] = true
			queue := []State{s}
			for len(queue) > 0 {
				cur := queue[0]
				queue = queue[1:]
				for e := ReportInformally; e < eventEnd; e++ {
					i, ok := d.lookup(r, cur, e)
					if !ok {
						continue
					}
					d.future[r][s][e] = true
					if t := d.rows[i]; t.Moves() && e != Remand && !seen[t.To] {
						seen[t.To] = true
						queue = append(queue, t.To)
					}
				}
			}
		}
	}
}

// checkRow returns what is wrong with one row on its own, or "".
func checkRow(t Transition) string {
	switch {
	case !t.Event.IsValid():
		return "event type is not valid"
	case len(t.By) == 0:
		return "no role may perform it"
	case len(t.From) == 0:
		return "no source state"
	case t.To != 0 && !t.To.IsValid():
		return "destination is not a state"
	case t.Route >= routeEnd:
		return "route is not valid"
	case t.Citation.Section == "" || t.Citation.Confidence == policy.ConfidenceUnknown:
		return "citation has no section or no confidence"
	}
	for j, r := range t.By {
		if !r.IsValid() || (j > 0 && t.By[j-1] >= r) {
			return fmt.Sprintf("roles must be valid, sorted and distinct (at %s)", r)
		}
	}
	for j, s := range t.From {
		if !s.IsValid() || (j > 0 && t.From[j-1] >= s) {
			return fmt.Sprintf("source states must be valid, sorted and distinct (at %s)", s)
		}
		if t.Moves() && s.Terminal() {
			return fmt.Sprintf("moves the case out of terminal state %s", s)
		}
	}
	return ""
}

// place records row i in the lookup table, refusing a second row for the
// same event, state and route.
func (d *Definition) place(i int, t Transition) error {
	for r := NoRoute; r < routeEnd; r++ {
		if t.Route != NoRoute && t.Route != r {
			continue
		}
		for _, s := range t.From {
			if prev := d.row[r][s][t.Event]; prev != 0 {
				return &TableError{Row: i, Event: t.Event, Reason: fmt.Sprintf("overlaps row %d in state %s on route %s", prev-1, s, r)}
			}
			d.row[r][s][t.Event] = uint8(i + 1)
		}
	}
	return nil
}

// checkGraph checks the table as a whole: from the initial state, every
// reachable state that is not terminal has a way forward, and a terminal
// state is reachable.
func (d *Definition) checkGraph() error {
	reach := d.reachable()
	for s := NotFiled; s < stateEnd; s++ {
		if !reach[s] || s.Terminal() {
			continue
		}
		if !d.hasMoveFrom(s) {
			return &TableError{Row: -1, Reason: fmt.Sprintf("state %s is reachable but no event leads out of it", s)}
		}
	}
	if !reach[Closed] && !reach[Withdrawn] {
		return &TableError{Row: -1, Reason: "no terminal state is reachable"}
	}
	return nil
}

// reachable returns the states reachable from NotFiled by moving rows.
func (d *Definition) reachable() [stateEnd]bool {
	var seen [stateEnd]bool
	seen[NotFiled] = true
	for changed := true; changed; {
		changed = false
		for _, t := range d.rows {
			if !t.Moves() || seen[t.To] {
				continue
			}
			for _, s := range t.From {
				if seen[s] {
					seen[t.To], changed = true, true
					break
				}
			}
		}
	}
	return seen
}

func (d *Definition) hasMoveFrom(s State) bool {
	for _, t := range d.rows {
		if t.Moves() && slices.Contains(t.From, s) {
			return true
		}
	}
	return false
}

// lookup returns the row governing event e for a case on route r in state
// s, and whether there is one.
func (d *Definition) lookup(r Route, s State, e EventType) (int, bool) {
	if r >= routeEnd || s >= stateEnd || e >= eventEnd {
		return 0, false
	}
	i := d.row[r][s][e]
	return int(i) - 1, i != 0
}

// Policy returns the policy the definition was built for.
func (d *Definition) Policy() *policy.Policy { return d.pol }

// Initial returns the state every case starts in: [NotFiled].
func (d *Definition) Initial() State { return NotFiled }

// Transitions returns a copy of the transition table, sorted by event,
// then route (any route first), then first source state.
func (d *Definition) Transitions() []Transition {
	out := make([]Transition, len(d.rows))
	for i, t := range d.rows {
		t.By = slices.Clone(t.By)
		t.From = slices.Clone(t.From)
		out[i] = t
	}
	return out
}

// Permitted is an event the table allows next, with the roles that may
// perform it.
type Permitted struct {
	Event EventType
	// By lists the roles, in Role order.
	By []Role
	// Moves is true when the event moves the case to another state.
	Moves bool
}

// Permitted returns the events the table allows for a case on route r in
// state s, in EventType order (declaration order, which follows the
// lifecycle). It applies the table only; a case's
// [Case.Status] also applies the guards that depend on its history.
func (d *Definition) Permitted(s State, r Route) []Permitted {
	var out []Permitted
	for e := ReportInformally; e < eventEnd; e++ {
		if i, ok := d.lookup(r, s, e); ok {
			t := d.rows[i]
			out = append(out, Permitted{Event: e, By: slices.Clone(t.By), Moves: t.Moves()})
		}
	}
	return out
}

// NewDefinition builds the lifecycle of policy p: the statutory table with
// the routes p switches off removed, checked (every row cited, no two rows
// for one event, state and route, no way out of a terminal state, a way
// forward from every reachable state) and compiled. Where p does not await
// implementation (its ImplementationCloses interpretation is off), the
// rows that lead to implementation close the case and record_implementation
// is not provided. NewDefinition refuses a policy whose
// AppellateDecisionDays is not a positive number of days while it has the
// appeal-decision rule: that parameter is the period's length. The result
// is immutable; build it once per policy and share it.
func NewDefinition(p *policy.Policy) (*Definition, error) {
	if p == nil {
		return nil, errors.New("casefsm: NewDefinition needs a policy")
	}
	return definitionOf(p, p.Routes(), p.Interpretations())
}

// definitionOf builds the definition of p as if its routes and
// interpretations were r and in.
func definitionOf(p *policy.Policy, r policy.Routes, in policy.Interpretations) (*Definition, error) {
	if _, ok := p.Rule(policy.RuleAppealDecision); ok && in.AppellateDecisionDays.Value <= 0 {
		return nil, fmt.Errorf("casefsm: policy %s: appellate_decision_days is %d; the Ombudsperson's period to decide an appeal needs a positive number of days (s.6(3))",
			p.ID(), in.AppellateDecisionDays.Value)
	}
	d, err := newDefinition(p, optionsOf(r, &in))
	if err != nil {
		return nil, err
	}
	d.in, d.routes = in, r
	return d, nil
}

// appealDecisionPeriod sets the length of the appeal-decision rule from the
// policy's AppellateDecisionDays, the one place a policy states it as a
// choice (s.6(3)'s 30 days, or the 90 days reported for the 2022
// amendment); the rule supplies the trigger, forum and kind, and its
// citation unless the parameter changes the rule's own period, when the
// parameter's citation says why.
func (d *Definition) appealDecisionPeriod(rule *policy.DeadlineRule) {
	days := d.in.AppellateDecisionDays
	if p := (policy.Period{N: days.Value, Unit: policy.Days}); p != rule.Period {
		rule.Period, rule.Citation = p, days.Citation
	}
}

// newDefinition builds the definition of p with the given table options.
func newDefinition(p *policy.Policy, o tableOptions) (*Definition, error) {
	rows, removed := buildTable(o)
	d, err := compile(p, rows)
	if err != nil {
		return nil, err
	}
	d.removed = removed
	return d, nil
}
