package casefsm

import (
	"fmt"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// DeadlineQuery asks [Engine.Deadline] for one statutory period. Only Rule
// and From are required.
type DeadlineQuery struct {
	// Policy is the procedure policy; for one with versions by filing date
	// (hec-2020 and overlays on it), its version in force on From. Empty
	// means the statute in force in Jurisdiction on From.
	Policy policy.ID
	// Jurisdiction is the statute's jurisdiction when Policy is empty;
	// empty means federal.
	Jurisdiction policy.Jurisdiction
	// Rule is the period: one of the policy's deadline rules.
	Rule policy.RuleID
	// From is the trigger date, excluded from the count.
	From civil.Date
	// Calendar is the id of the organisation's own calendar, as a case's
	// header names it; empty means it has none. It counts only for the
	// organisation's forums (see [policy.Policy.CalendarFor]).
	Calendar string
	// Stays are the stays that paused the period (interpretation 10).
	Stays []deadlines.Stay
}

// Deadline computes one deadline the way a case does: the rule of the
// policy (the appeal-decision period from the policy's
// AppellateDecisionDays, and no roll-forward where the policy switches
// interpretation 7 off), counted from q.From on the calendar
// [policy.Policy.CalendarFor] chooses for the rule's forum. The returned
// Deadline's Calendar names the calendar used; ask CalendarFor whether it
// was a fallback.
//
// An unknown policy wraps [policy.ErrUnknownPolicy], a rule the policy does
// not have [ErrUnknownRule], a calendar the engine has not loaded
// [deadlines.ErrUnknownCalendar]; a date outside the calendar's coverage is
// a [*deadlines.CoverageError].
func (e *Engine) Deadline(q DeadlineQuery) (deadlines.Deadline, error) {
	if q.Jurisdiction == "" {
		q.Jurisdiction = policy.Federal
	}
	d, err := e.procedure(&Header{Policy: q.Policy, Jurisdiction: q.Jurisdiction}, q.From)
	if err != nil {
		return deadlines.Deadline{}, err
	}
	return e.deadline(d, q.Rule, q.From, q.Calendar, q.Stays)
}

// deadline computes the deadline of rule id of the definition d counted
// from from, on the calendar CalendarFor chooses given the organisation's
// own calendar own. Cases and [Engine.Deadline] both count here.
func (e *Engine) deadline(d *Definition, id policy.RuleID, from civil.Date, own string, stays []deadlines.Stay) (deadlines.Deadline, error) {
	pol := d.pol
	rule, ok := pol.Rule(id)
	if !ok {
		return deadlines.Deadline{}, &UnknownRuleError{Policy: pol.ID(), Rule: id, Known: ruleIDs(pol)}
	}
	if id == policy.RuleAppealDecision {
		d.appealDecisionPeriod(&rule)
	}
	calID := pol.CalendarFor(rule.Forum, own).Value
	cal, ok := e.cals[calID]
	if !ok {
		return deadlines.Deadline{}, fmt.Errorf("casefsm: %w %q for the %s (known: %v)", deadlines.ErrUnknownCalendar, calID, rule.Forum, e.calendarIDs())
	}
	kind := rule.Kind
	if kind == policy.Filing && !d.in.RollForwardFilings.Value {
		rule.Kind = policy.Duty // interpretation 7 switched off: no roll-forward
	}
	dl, err := deadlines.Compute(rule, from, cal, stays...)
	dl.Kind = kind
	return dl, err
}

func ruleIDs(p *policy.Policy) []policy.RuleID {
	rs := p.Rules()
	ids := make([]policy.RuleID, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}
