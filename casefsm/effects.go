package casefsm

import (
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// effects records what an accepted event implies: the clocks it starts and
// the decisions, orders and requests it puts in force. It runs after the
// state has moved and cannot fail.
func (c *Case) effects(ev *Event, idx int) {
	in := &c.def.in
	if ev.By == Ombudsperson {
		c.f.ombudspersonActed = true
	}
	switch ev.Type {
	case FileComplaint:
		c.start(policy.RuleCharges, c.received(ev, idx, false), 0, idx)
	case FileWithOmbudsperson:
		from := c.received(ev, idx, false)
		c.start(policy.RuleShowCause, from, 0, idx)
		c.start(policy.RuleOmbudspersonDecision, ev.On, 0, idx)
		c.start(policy.RuleFOIRADisposal, ev.On, 0, idx)
	case CommunicateCharges:
		c.start(policy.RuleDefence, ev.On, 0, idx)
	case IssueShowCause:
		c.start(policy.RuleOmbudspersonDefence, c.received(ev, idx, true), 0, idx)
	case SubmitDefence, ProceedExParte:
		c.closeDefence(ev, idx, in)
	case StartInquiry:
		if in.FindingsFromRecordedStart.Value {
			c.start(policy.RuleFindings, ev.On, 0, idx)
		}
	case SubmitFindings:
		c.f.finding, c.f.recommended = ev.Finding, ev.Penalties
		c.start(policy.RulePenalty, c.received(ev, idx, true), 0, idx)
	case Decide, DecideComplaint, DismissAtAdmission:
		c.decided(ev, idx)
	case CommunicateDecision:
		c.communicated(ev, idx)
	case FileAppeal:
		// The first appeal of a round, or a party's own appeal after the
		// other's was decided (interpretation 16), is pending afresh.
		if c.f.appealed == 0 || c.f.appealDecidedBy != 0 {
			c.f.appealDecidedBy = 0
			// Both periods run on an appeal: s.6(3)'s 30 days and s.8(6)'s 90
			// (where the policy has it), which binds the Ombudsperson only: a
			// District Court's decision (s.6(4)) leaves it moot, not met.
			c.f.appealOn, c.f.underAppeal = ev.On, c.f.imposed
			c.start(policy.RuleAppealDecision, ev.On, 0, idx)
			c.start(policy.RuleOmbudspersonDecision, ev.On, Ombudsperson, idx)
		}
		c.f.appealed = c.f.appealed.with(ev.By)
	case DecideAppeal, DecideRepresentation:
		c.redecided(ev, idx)
	case MakeRepresentation:
		// The first representation against the decision, or a party's own
		// after the other's was decided (s.9: any person aggrieved).
		if c.f.represented == 0 || c.f.representationDecided {
			c.f.representationDecided = false
			c.start(policy.RuleRepresentationDecision, ev.On, 0, idx)
		}
		c.f.represented = c.f.represented.with(ev.By)
	case Remand:
		c.remanded(ev, idx)
	case RequestWithdrawal:
		c.f.withdrawalOn = ev.On
	case RefuseWithdrawal:
		c.f.withdrawalOn = civil.Date{} // the request is ended; she may ask again
	case ReplaceMember:
		c.f.replacements = append(c.f.replacements, *ev.Member)
		if ev.Member.In.Chair {
			// A member brought in as chair is the later designation, and
			// the only chair: the standing chair does not come back.
			c.f.chair = ev.Member.In.ID
		}
	case DesignateChair:
		c.f.chair = ev.Chair
	case RecordStay:
		c.f.stayFrom = ev.On
	case LiftStay:
		c.f.stays = append(c.f.stays, deadlines.Stay{From: c.f.stayFrom, Until: ev.On})
		c.f.stayFrom = civil.Date{}
	case SetAsideExParte:
		c.f.exParteSetAside = true
	case ReportRetaliation:
		c.f.retaliation = append(c.f.retaliation, idx)
	case RecordInterimMeasure:
		c.f.interimAt = idx + 1
	}
}

// received returns the day a period counted from receipt starts: the
// event's received_on, or its own date, with a warning where the law
// counts from receipt (interpretation 6).
func (c *Case) received(ev *Event, idx int, warn bool) civil.Date {
	if ev.ReceivedOn.IsValid() {
		return ev.ReceivedOn
	}
	if in := &c.def.in; warn && in.ExcludeTriggerDay.Value {
		c.f.warnings = append(c.f.warnings, Warning{Code: WarnMissingReceivedOn, Index: idx, Citation: in.ExcludeTriggerDay.Citation,
			Message: "no received_on recorded on " + ev.Type.String() + " of " + ev.On.String() + ": the period is counted from the event's own date"})
	}
	return ev.On
}

// closeDefence records a defence or an ex parte order; the findings period
// runs from here when the policy does not wait for a recorded start.
func (c *Case) closeDefence(ev *Event, idx int, in *policy.Interpretations) {
	if ev.Type == SubmitDefence {
		c.f.defenceOn = ev.On
	} else {
		c.f.exParteOn = ev.On
	}
	if c.route == CommitteeRoute && c.state == DefenceClosed && !in.FindingsFromRecordedStart.Value {
		c.start(policy.RuleFindings, ev.On, 0, idx)
	}
}

// decided records a first-instance decision (or dismissal) and opens the
// periods to challenge it: appeal on the committee route (s.6), a
// representation on the Ombudsperson's (s.9).
func (c *Case) decided(ev *Event, idx int) {
	c.f.decisionOn, c.f.imposed = ev.On, ev.Penalties
	routes := c.def.routes
	switch {
	case c.route == CommitteeRoute && routes.Appeal.Value:
		c.start(policy.RuleAppealComplainant, ev.On, Complainant, idx)
	case c.route == OmbudspersonRoute && routes.Representation.Value && ev.Type == DismissAtAdmission:
		c.start(policy.RuleRepresentation, ev.On, Complainant, idx) // only she is aggrieved by a dismissal
	case c.route == OmbudspersonRoute && routes.Representation.Value:
		c.startRepresentation(ev.On, idx)
	}
}

// startRepresentation opens each party's own 30 days to represent against
// a decision (s.9: "any person aggrieved"): one lapses or is met
// independently of the other.
func (c *Case) startRepresentation(on civil.Date, idx int) {
	c.f.represented, c.f.representationDecided = 0, false
	c.start(policy.RuleRepresentation, on, Complainant, idx)
	c.start(policy.RuleRepresentation, on, Accused, idx)
}

// communicated records who was told of the decision, and when: written
// communication starts the penalised person's appeal period (s.6(1)).
func (c *Case) communicated(ev *Event, idx int) {
	to := ev.To
	if len(to) == 0 {
		to = []Role{Complainant, Accused}
	}
	for _, r := range to {
		switch {
		case r == Accused && !c.f.toldAccused.IsValid():
			c.f.toldAccused = ev.On
			if len(c.f.imposed) > 0 && c.def.routes.Appeal.Value {
				c.start(policy.RuleAppealPenalised, ev.On, Accused, idx)
			}
		case r == Complainant && !c.f.toldComplainant.IsValid():
			c.f.toldComplainant = ev.On
		}
	}
}

// redecided records the Ombudsperson's decision on appeal or the decision
// on a representation: it may confirm, vary or set aside the penalties.
func (c *Case) redecided(ev *Event, idx int) {
	c.f.decisionOn = ev.On
	switch {
	case ev.Finding == NotGuilty || ev.Finding == FalseAndMalaFide:
		c.f.imposed = nil
	case len(ev.Penalties) > 0:
		c.f.imposed = ev.Penalties
	}
	if ev.Type == DecideRepresentation {
		c.f.representationDecided = true
	}
	if ev.Type == DecideAppeal {
		c.f.appealDecidedBy = ev.By
		if ev.By == DistrictCourt {
			c.moot(policy.RuleOmbudspersonDecision, ev.On) // s.8(6) binds the Ombudsperson
		}
	}
	routes := c.def.routes
	if ev.Type == DecideAppeal && routes.Representation.Value && c.representationAgainstAppeal() {
		c.startRepresentation(ev.On, idx)
	}
}

// remanded starts a new round before the forum whose decision was
// challenged (interpretation 17): the open periods of the last one are
// moot and the challenged decision gone, and the forum's own period for
// its fresh decision runs from the remand: the committee's findings
// (s.4(4)), the Ombudsperson's decision of the complaint (s.8(6)), or of
// the appeal, which stands (s.6(3), s.8(6)), with the penalties under
// appeal back in force.
func (c *Case) remanded(ev *Event, idx int) {
	c.mootAll(ev.On)
	c.f.represented, c.f.representationDecided = 0, false
	switch c.state {
	case AppealPending:
		c.f.imposed = c.f.underAppeal
		c.start(policy.RuleAppealDecision, ev.On, 0, idx)
		c.start(policy.RuleOmbudspersonDecision, ev.On, Ombudsperson, idx)
		return
	case Inquiry:
		c.start(policy.RuleFindings, ev.On, 0, idx)
	case OmbudspersonHearing:
		c.start(policy.RuleOmbudspersonDecision, ev.On, 0, idx)
	}
	c.f.finding, c.f.recommended, c.f.decisionOn, c.f.imposed = 0, nil, civil.Date{}, nil
	c.f.toldAccused, c.f.toldComplainant = civil.Date{}, civil.Date{}
	c.f.appealed, c.f.appealOn = 0, civil.Date{}
}

// representationAgainstAppeal reports whether a representation lies against
// the decision of the appeal of this round: the policy allows it, the
// appeal was filed once the route existed (interpretation 17; FOIRA 2013
// from 2013-02-12, interpretation 1), and the Ombudsperson decided it, not
// the District Court (s.9 names the Ombudsperson's decision).
func (c *Case) representationAgainstAppeal() bool {
	r := c.def.routes
	from := r.RepresentationAgainstAppealFrom.Value
	return r.RepresentationAgainstAppeal.Value && (!from.IsValid() || !c.f.appealOn.Before(from)) && c.f.appealDecidedBy != DistrictCourt
}
