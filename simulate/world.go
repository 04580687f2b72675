package simulate

import (
	"fmt"
	"math"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// step names a delay of [Delays], in field order: the order in which a
// case draws them.
type step uint8

const (
	stepIncident step = iota
	stepInformal
	stepCharges
	stepDefence
	stepExParte
	stepSitting
	stepFindings
	stepDecision
	stepCommunication
	stepAppeal
	stepAppealDecision
	stepShowCause
	stepOmbudspersonDefence
	stepOmbudspersonDecision
	stepRepresentation
	stepRepresentationDecision
	stepWithdrawal
	stepImplementation
	stepEnd
)

func (d *Delays) byStep() [stepEnd]Delay {
	return [stepEnd]Delay{d.Incident, d.Informal, d.Charges, d.Defence, d.ExParte, d.Sitting, d.Findings,
		d.Decision, d.Communication, d.Appeal, d.AppealDecision, d.ShowCause, d.OmbudspersonDefence,
		d.OmbudspersonDecision, d.Representation, d.RepresentationDecision, d.Withdrawal, d.Implementation}
}

// world is a validated scenario made ready to run: its policy, the engine
// that drives cases under it, the calendars the simulated forums plan
// with, and the scenario's mixes as cumulative tables. It is immutable and
// shared by every worker of a run.
type world struct {
	sc  Scenario
	pol *policy.Policy
	eng *casefsm.Engine
	// cal gives the calendar of each forum, as casefsm chooses it: the
	// scenario's calendar for the organisation's own forums, the policy's
	// for the others (interpretation 7).
	cal [policy.PresidentOrGovernor + 1]*deadlines.Calendar

	start, end civil.Date
	months     int // months observed, for the backlog
	// arrivals: the arrival months' first days (len Months+1) and the
	// cumulative expected arrivals at each (arrivalCum[0] = 0).
	monthStart []civil.Date
	arrivalCum []float64

	rels   []policy.Relationship // sorted
	relCum []float64
	delays [stepEnd]Delay

	// The policy's routes that decide what parties may still do.
	representation, repAgainstAppeal bool
}

// prepare validates sc and builds its world.
func (s *Simulator) prepare(sc Scenario) (*world, error) {
	if err := s.val.check(sc); err != nil {
		return nil, err
	}
	pol, eng, err := s.resolvePolicy(sc)
	if err != nil {
		return nil, err
	}
	if _, ok := s.cals[sc.Calendar]; !ok {
		return nil, &ScenarioError{Field: "calendar", Reason: fmt.Sprintf("unknown calendar %q (known: %s)", sc.Calendar, s.calendarIDs()), Err: deadlines.ErrUnknownCalendar}
	}
	w := &world{sc: sc, pol: pol, eng: eng, start: sc.Period.Start, end: sc.Period.End(), delays: sc.Delays.byStep()}
	for f := policy.Organisation; f <= policy.PresidentOrGovernor; f++ {
		id := pol.CalendarFor(f, sc.Calendar).Value
		var ok bool
		if w.cal[f], ok = s.cals[id]; !ok {
			return nil, &ScenarioError{Field: "policy", Reason: fmt.Sprintf("policy %s puts the %s on calendar %q, which is not loaded", pol.ID(), f, id)}
		}
	}
	if err := checkCoverage(sc, w.cal[policy.InquiryCommittee], w.cal[policy.Ombudsperson]); err != nil {
		return nil, err
	}
	w.months = monthsBetween(w.start, w.end)
	if err := w.buildArrivals(); err != nil {
		return nil, err
	}
	w.rels = sortedRelationships(sc.Complainants)
	w.relCum = cumulative(len(w.rels), func(i int) float64 { return sc.Complainants[w.rels[i]] })
	routes := pol.Routes()
	w.representation = routes.Representation.Value
	w.repAgainstAppeal = routes.Representation.Value && routes.RepresentationAgainstAppeal.Value
	return w, nil
}

// buildArrivals tabulates the expected arrivals of each month of the
// arrival window: PerMonth times the month's seasonal factor.
func (w *world) buildArrivals() error {
	a := w.sc.Arrivals
	factor := func(m time.Month) float64 { return 1 }
	if len(a.Seasonality) == 12 {
		mean := 0.0
		for _, f := range a.Seasonality {
			mean += f / 12
		}
		factor = func(m time.Month) float64 { return a.Seasonality[m-1] / mean }
	}
	n := w.sc.Period.Months
	w.monthStart = make([]civil.Date, n+1)
	w.arrivalCum = make([]float64, n+1)
	for i := range n + 1 {
		w.monthStart[i] = w.start.AddMonths(i)
		if i > 0 {
			w.arrivalCum[i] = w.arrivalCum[i-1] + a.PerMonth*factor(w.monthStart[i-1].Month())
		}
	}
	if w.arrivalCum[n] < minArrivals {
		return &ScenarioError{Field: "arrivals", Reason: fmt.Sprintf("an organisation expects %.3g arrivals in the period (want at least %g): raise per_month or the seasonal factors of the months in the period", w.arrivalCum[n], minArrivals)}
	}
	return nil
}

// minArrivals is the fewest arrivals an organisation may expect in the
// whole period: fewer would make a run walk through millions of empty
// organisations.
const minArrivals = 0.01

// cumulative returns the running sums of f(0..n-1), with the last set to
// exactly 1 so that a draw below 1 always finds an entry.
func cumulative(n int, f func(int) float64) []float64 {
	out := make([]float64, n)
	sum := 0.0
	for i := range n {
		sum += f(i)
		out[i] = sum
	}
	if n > 0 {
		out[n-1] = math.Inf(1)
	}
	return out
}

// pick returns the first index whose cumulative share exceeds u.
func pick(cum []float64, u float64) int {
	for i, c := range cum {
		if u < c {
			return i
		}
	}
	return len(cum) - 1
}

// monthsBetween returns the number of calendar months from a's month to
// b's month, counting a's month and b's when b is not its first day.
func monthsBetween(a, b civil.Date) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() > 1 {
		n++
	}
	return n
}

// due returns the last day of rule's period counted from from, on the
// calendar of the rule's forum: the simulated forums' own planning, so
// that they act when the law lets them (casefsm decides whether they may).
func (w *world) due(rule policy.RuleID, from civil.Date) (civil.Date, error) {
	r, ok := w.pol.Rule(rule)
	if !ok {
		return civil.Date{}, fmt.Errorf("%w: policy %s has no %s rule", ErrSimulation, w.pol.ID(), rule)
	}
	d, err := deadlines.Compute(r, from, w.cal[r.Forum])
	if err != nil {
		return civil.Date{}, fmt.Errorf("%w: %w", ErrSimulation, err)
	}
	return d.Due, nil
}

func (s *Simulator) calendarIDs() string {
	ids := deadlines.BuiltinIDs()
	for _, c := range s.extraCals {
		ids = append(ids, c.ID())
	}
	return fmt.Sprint(ids)
}
