package casefsm

import (
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// clock is a statutory period an event started. Its deadline is computed
// only when asked (Status, and the guards that need it), so applying an
// event does no date arithmetic beyond what its guards need.
type clock struct {
	rule policy.RuleID
	from civil.Date
	// party is the party whose filing (or the forum whose act) alone
	// meets the clock, or 0 for anyone.
	party Role
	// started is the index of the event that started it.
	started int
	doneOn  civil.Date
	// mootOn is the day the case moved where the act can no longer happen
	// (withdrawn, dismissed, decided on another ground, remanded).
	mootOn civil.Date
}

func (k clock) open() bool { return !k.doneOn.IsValid() && !k.mootOn.IsValid() }

// meets returns the events that do the act a rule's period is for. A
// remand decides the appeal or representation it answers.
func meets(rule policy.RuleID) []EventType {
	switch rule {
	case policy.RuleCharges:
		return []EventType{CommunicateCharges}
	case policy.RuleDefence, policy.RuleOmbudspersonDefence:
		return []EventType{SubmitDefence}
	case policy.RuleFindings:
		return []EventType{SubmitFindings}
	case policy.RulePenalty:
		return []EventType{Decide}
	case policy.RuleAppealPenalised, policy.RuleAppealComplainant:
		return []EventType{FileAppeal}
	case policy.RuleAppealDecision:
		return []EventType{DecideAppeal, Remand}
	case policy.RuleShowCause:
		return []EventType{IssueShowCause}
	case policy.RuleOmbudspersonDecision:
		// s.8(6): "a case or appeal"; the clock an appeal starts is met by
		// the decision of the appeal (or a remand answering it).
		return []EventType{DecideComplaint, DismissAtAdmission, DecideAppeal, Remand}
	case policy.RuleFOIRADisposal:
		return []EventType{DecideComplaint, DismissAtAdmission}
	case policy.RuleRepresentation:
		return []EventType{MakeRepresentation}
	case policy.RuleRepresentationDecision:
		return []EventType{DecideRepresentation, Remand}
	}
	return nil
}

// start starts the period of rule from the date from, if the procedure
// policy has the rule and the rule applies to a period triggered then (a
// FOIRA target does not run for a filing before FOIRA, interpretation 1).
func (c *Case) start(rule policy.RuleID, from civil.Date, party Role, idx int) {
	if r, ok := c.def.pol.Rule(rule); ok && r.AppliesFrom(from) {
		c.f.clocks = append(c.f.clocks, clock{rule: rule, from: from, party: party, started: idx})
	}
}

// meetClocks marks the open clocks ev's act meets as done.
func (c *Case) meetClocks(ev *Event) {
	for i := range c.f.clocks {
		k := &c.f.clocks[i]
		if !k.open() || (k.party != 0 && k.party != ev.By) {
			continue
		}
		for _, e := range meets(k.rule) {
			if e == ev.Type {
				k.doneOn = ev.On
			}
		}
	}
}

// mootClocks marks as moot the open clocks whose act can no longer happen
// from the case's new state (without a remand).
func (c *Case) mootClocks(on civil.Date) {
	for i := range c.f.clocks {
		k := &c.f.clocks[i]
		if !k.open() {
			continue
		}
		possible := false
		for _, e := range meets(k.rule) {
			possible = possible || c.def.future[c.route][c.state][e]
		}
		if !possible {
			k.mootOn = on
		}
	}
}

// moot marks the open clocks of rule moot.
func (c *Case) moot(rule policy.RuleID, on civil.Date) {
	for i := range c.f.clocks {
		if k := &c.f.clocks[i]; k.rule == rule && k.open() {
			k.mootOn = on
		}
	}
}

// mootAll marks every open clock moot: a remand starts a new round.
func (c *Case) mootAll(on civil.Date) {
	for i := range c.f.clocks {
		if c.f.clocks[i].open() {
			c.f.clocks[i].mootOn = on
		}
	}
}

// latest returns the last clock of rule (for a party, if given) and
// whether there is one.
func (c *Case) latest(rule policy.RuleID, party Role) (clock, bool) {
	for i := len(c.f.clocks) - 1; i >= 0; i-- {
		k := c.f.clocks[i]
		if k.rule == rule && (party == 0 || k.party == party) {
			return k, true
		}
	}
	return clock{}, false
}

// deadline computes a clock's deadline, counting a stay still in force as
// lasting until until.
func (c *Case) deadline(k clock, until civil.Date) (deadlines.Deadline, error) {
	return c.deadlineFrom(k.rule, k.from, until)
}

// deadlineFrom computes the deadline of rule counted from from, on the
// calendar of the rule's forum, with the case's stays.
func (c *Case) deadlineFrom(id policy.RuleID, from, until civil.Date) (deadlines.Deadline, error) {
	return c.eng.deadline(c.def, id, from, c.h.Calendar, c.staysUntil(until))
}

// staysUntil returns the case's stays, with a stay in force counted as
// lifted on until; none if the policy does not let stays pause clocks.
func (c *Case) staysUntil(until civil.Date) []deadlines.Stay {
	if !c.def.in.StaysPause.Value {
		return nil
	}
	if !c.f.stayFrom.IsValid() || !until.After(c.f.stayFrom) {
		return c.f.stays
	}
	return append(c.f.stays[:len(c.f.stays):len(c.f.stays)], deadlines.Stay{From: c.f.stayFrom, Until: until})
}
