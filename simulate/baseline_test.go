package simulate

import (
	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// The baseline is the practical lower bound the benchmarks measure the
// simulation against: a minimal hand-written state machine (one switch)
// with plain date addition (no calendars, holidays or roll-forward), which
// replays the event sequences the simulation generated and tallies the
// same kind of aggregates. It knows only the moves the simulated people
// make. It is a yardstick, not a second implementation of the rules:
// TestBaselineAgrees checks it reaches casefsm's states on the simulated
// sequences.

// basePeriod is each rule's period in days under pk-federal-2022.
var basePeriod = [len(caseRules)]int{3, 7, 30, 7, 30, 30, 30, 3, 5, 90, 60, 30, 90}

// baseTally is what the baseline counts: per rule, deadlines started, met
// and late; and the cases in each final state.
type baseTally struct {
	started, met, late [len(caseRules)]int64
	states             [32]int64
}

type baseCase struct {
	state casefsm.State
	from  [len(caseRules)]civil.Date // the trigger of each started rule
	done  [len(caseRules)]civil.Date
}

func (c *baseCase) start(r policy.RuleID, on civil.Date) { c.from[ruleIndex(r)] = on }
func (c *baseCase) finish(r policy.RuleID, on civil.Date) {
	if i := ruleIndex(r); c.from[i].IsValid() && !c.done[i].IsValid() {
		c.done[i] = on
	}
}
func (c *baseCase) due(r policy.RuleID) civil.Date {
	i := ruleIndex(r)
	return c.from[i].AddDays(basePeriod[i])
}

// move checks that the case is in one of from and moves it to to.
func (c *baseCase) move(to casefsm.State, from ...casefsm.State) bool {
	for _, s := range from {
		if c.state == s {
			c.state = to
			return true
		}
	}
	return false
}

// baselineReplay replays evs and adds the case to t. It reports false for
// a move the switch does not allow.
func baselineReplay(evs []casefsm.Event, t *baseTally) bool {
	c := baseCase{state: casefsm.NotFiled}
	for i := range evs {
		if !c.apply(&evs[i]) {
			return false
		}
	}
	for i := range c.from {
		if !c.from[i].IsValid() {
			continue
		}
		t.started[i]++
		switch {
		case !c.done[i].IsValid():
		case c.done[i].After(c.from[i].AddDays(basePeriod[i])):
			t.late[i]++
		default:
			t.met[i]++
		}
	}
	t.states[c.state]++
	return true
}

func (c *baseCase) apply(ev *casefsm.Event) bool {
	switch ev.Type {
	case casefsm.ReportInformally:
		return c.move(casefsm.Informal, casefsm.NotFiled)
	case casefsm.ResolveInformally:
		return c.move(casefsm.InformallyResolved, casefsm.Informal)
	case casefsm.FileComplaint:
		c.start(policy.RuleCharges, ev.On)
		return c.move(casefsm.ComplaintReceived, casefsm.NotFiled, casefsm.Informal, casefsm.InformallyResolved)
	case casefsm.FileWithOmbudsperson:
		c.start(policy.RuleShowCause, ev.On)
		c.start(policy.RuleOmbudspersonDecision, ev.On)
		return c.move(casefsm.OmbudspersonComplaint, casefsm.NotFiled, casefsm.Informal, casefsm.InformallyResolved)
	case casefsm.CommunicateCharges:
		c.finish(policy.RuleCharges, ev.On)
		c.start(policy.RuleDefence, ev.On)
		return c.move(casefsm.ChargesCommunicated, casefsm.ComplaintReceived)
	case casefsm.SubmitDefence, casefsm.ProceedExParte:
		rule := policy.RuleDefence
		if c.state == casefsm.ShowCauseIssued {
			rule = policy.RuleOmbudspersonDefence
		}
		if ev.Type == casefsm.ProceedExParte && !ev.On.After(c.due(rule)) {
			return false
		}
		if ev.Type == casefsm.SubmitDefence {
			c.finish(rule, ev.On)
		}
		return c.move(casefsm.DefenceClosed, casefsm.ChargesCommunicated) || c.move(casefsm.OmbudspersonHearing, casefsm.ShowCauseIssued)
	case casefsm.StartInquiry:
		c.start(policy.RuleFindings, ev.On)
		return c.move(casefsm.Inquiry, casefsm.DefenceClosed)
	case casefsm.SubmitFindings:
		c.finish(policy.RuleFindings, ev.On)
		c.start(policy.RulePenalty, ev.On)
		return c.move(casefsm.FindingsSubmitted, casefsm.Inquiry)
	case casefsm.Decide:
		c.finish(policy.RulePenalty, ev.On)
		c.start(policy.RuleAppealComplainant, ev.On)
		return c.move(casefsm.Decided, casefsm.FindingsSubmitted)
	case casefsm.CommunicateDecision:
		c.start(policy.RuleAppealPenalised, ev.On)
		return c.move(casefsm.DecisionCommunicated, casefsm.Decided)
	case casefsm.IssueShowCause:
		c.finish(policy.RuleShowCause, ev.On)
		c.start(policy.RuleOmbudspersonDefence, ev.On)
		return c.move(casefsm.ShowCauseIssued, casefsm.OmbudspersonComplaint)
	case casefsm.DecideComplaint:
		c.finish(policy.RuleOmbudspersonDecision, ev.On)
		c.start(policy.RuleRepresentation, ev.On)
		return c.move(casefsm.OmbudspersonDecided, casefsm.OmbudspersonHearing)
	case casefsm.FileAppeal:
		rule := policy.RuleAppealComplainant
		if ev.By == casefsm.Accused {
			rule = policy.RuleAppealPenalised
		}
		// Both parties' periods counted from the communication (the
		// complainant's later knowledge), with plain addition and a rough
		// allowance for a roll-forward past closed days.
		if ev.On.After(c.due(policy.RuleAppealPenalised).AddDays(4)) {
			return false
		}
		c.finish(rule, ev.On)
		c.start(policy.RuleAppealDecision, ev.On)
		return c.move(casefsm.AppealPending, casefsm.Decided, casefsm.DecisionCommunicated, casefsm.AppealPending)
	case casefsm.DecideAppeal:
		c.finish(policy.RuleAppealDecision, ev.On)
		c.start(policy.RuleRepresentation, ev.On)
		return c.move(casefsm.AppealDecided, casefsm.AppealPending)
	case casefsm.MakeRepresentation:
		if ev.On.After(c.due(policy.RuleRepresentation).AddDays(4)) {
			return false
		}
		c.finish(policy.RuleRepresentation, ev.On)
		c.start(policy.RuleRepresentationDecision, ev.On)
		return c.move(casefsm.RepresentationPending, casefsm.OmbudspersonDecided, casefsm.AppealDecided)
	case casefsm.DecideRepresentation:
		c.finish(policy.RuleRepresentationDecision, ev.On)
		return c.move(casefsm.Implementation, casefsm.RepresentationPending)
	case casefsm.Finalise:
		return c.move(casefsm.Implementation, casefsm.Decided, casefsm.DecisionCommunicated, casefsm.AppealDecided, casefsm.OmbudspersonDecided)
	case casefsm.RecordImplementation:
		return c.move(casefsm.Closed, casefsm.Implementation)
	case casefsm.RequestWithdrawal:
		return true
	case casefsm.AcceptWithdrawal:
		return c.move(casefsm.Withdrawn, casefsm.ComplaintReceived, casefsm.ChargesCommunicated, casefsm.DefenceClosed, casefsm.Inquiry,
			casefsm.FindingsSubmitted, casefsm.OmbudspersonComplaint, casefsm.ShowCauseIssued, casefsm.OmbudspersonHearing)
	}
	return false
}
