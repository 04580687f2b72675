package casefsm

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// WarningCode names a warning. The codes are a stable public contract (the
// "code" of a warning in JSON).
type WarningCode string

// The warnings a status may carry, in the order [Case.Status] lists the
// case's own warnings; warnings raised by events follow them.
const (
	// WarnEventsAfterAsOf: the status was asked as of a date before the
	// case's last event; it is the case as it stood on that date, and the
	// later events are not reflected.
	WarnEventsAfterAsOf WarningCode = "events_after_as_of"
	// WarnConflictedRoute: the accused is the employer or the Competent
	// Authority, so the internal route is conflicted; the Ombudsperson
	// route is open (interpretation 4, s.8(1)).
	WarnConflictedRoute WarningCode = "conflicted_route"
	// WarnMissingIncidentDate: no incident_on; the filing date chose the
	// substantive policy (interpretation 2).
	WarnMissingIncidentDate WarningCode = "missing_incident_on"
	// WarnCalendarFallback: no organisation calendar; pk-federal was used
	// for the committee's periods (interpretation 7).
	WarnCalendarFallback WarningCode = "calendar_fallback"
	// WarnGazetteWindow: the filing or incident date falls between a
	// statute's assent and its gazette (interpretation 1).
	WarnGazetteWindow WarningCode = "gazette_window"
	// WarnInquiryStartNotRecorded: the defence stage is closed but the
	// committee has not recorded the start of its inquiry, so the findings
	// period is not running (interpretation 9).
	WarnInquiryStartNotRecorded WarningCode = "inquiry_start_not_recorded"
	// WarnExParteRequired: the defence period ran out with no defence; the
	// committee shall proceed ex parte (s.4(1)(b)).
	WarnExParteRequired WarningCode = "ex_parte_required"
	// WarnStayInForce: a stay is in force; the clocks are paused
	// (interpretation 10).
	WarnStayInForce WarningCode = "stay_in_force"
	// WarnWithdrawalRequested: the complainant asked to withdraw and the
	// forum has not decided (Rules 2013 r.4(3)).
	WarnWithdrawalRequested WarningCode = "withdrawal_requested"
	// WarnUnresolvedRetaliation: retaliation was reported and no interim
	// measure is recorded since (interpretation 21).
	WarnUnresolvedRetaliation WarningCode = "unresolved_retaliation"
	// WarnCommitteeInvalid: the committee for the case (the header's
	// standing committee with the case's replacements) breaks a rule of
	// s.3(2)-(3) (interpretation 20); one warning per violation, its
	// message starting with the committee package's code
	// ("conflicted_member: ..."), for as long as the committee route is
	// live and the violation lasts.
	WarnCommitteeInvalid WarningCode = "committee_invalid"

	// WarnOutsideDefinition: the complaint alleges what the definition of
	// harassment in force on the incident date does not reach (gender
	// discrimination before 2022-01-21 federally, or in a province whose
	// text lacks it; a single incident not particularly severe before
	// 2022): the forum may dismiss at admission; the filing stands
	// (interpretation 24).
	WarnOutsideDefinition WarningCode = "outside_definition"
	// WarnChildSensitive: the complaint is by a parent or guardian of a
	// minor; the forum should apply child-sensitive procedures (s.4(2) as
	// amended by Act V of 2022, interpretation 27). The periods do not
	// change.
	WarnChildSensitive WarningCode = "child_sensitive_procedure"
	// WarnForumMayDismiss: the forum's published practice (not the law)
	// is to dismiss such a complaint at admission, for example the Punjab
	// Ombudsperson's "after April 2013" (interpretation 12); the filing
	// was accepted.
	WarnForumMayDismiss WarningCode = "forum_may_dismiss"
	// WarnFederalAmendmentExtent: the case runs on a provincial policy
	// that keeps the 2010 text (Sindh), but the federal Act as amended in
	// 2022 still "extends to the whole of Pakistan" (s.1(2)); whether its
	// 90-day periods and wider direct route govern is a question for a
	// lawyer (see policy.Routes.AmendedFederalTextFrom). It is also given,
	// instead of a refusal, to a complainant on the direct route whom only
	// s.2(e) as amended admits (a former employee, a guardian of a minor).
	WarnFederalAmendmentExtent WarningCode = "federal_amendment_extent"
	// WarnPenaltyAfterConduct: a penalty recommended or imposed is not
	// one of the law in force on the incident date (the licence penalty
	// of s.4(4)(ii)(da), inserted in 2022, for conduct before it). New
	// substantive law is presumed not to reach back (interpretation 2),
	// so whether it may be imposed is for the forum: a warning, never a
	// refusal.
	WarnPenaltyAfterConduct WarningCode = "penalty_after_conduct"
	// WarnMissingReceivedOn: a period counted from receipt was counted from
	// the event's own date (interpretation 6).
	WarnMissingReceivedOn WarningCode = "missing_received_on"
	// WarnLateDefenceWithoutCause: a late defence was accepted with no
	// reasonable cause recorded (interpretation 13).
	WarnLateDefenceWithoutCause WarningCode = "late_defence_without_cause"
	// WarnLateOnKnowledge: a complainant's appeal after the period from the
	// decision, within the period from being told (interpretation 16).
	WarnLateOnKnowledge WarningCode = "late_appeal_on_knowledge"
	// WarnCondonedFiling: a late appeal or representation accepted on the
	// forum's recorded condonation (interpretation 13).
	WarnCondonedFiling WarningCode = "condoned_filing"
	// WarnLateFilingAccepted: a late filing accepted because the policy
	// does not require condonation.
	WarnLateFilingAccepted WarningCode = "late_filing_accepted"
	// WarnDeadlineUnavailable: a deadline could not be computed, usually a
	// date outside the calendar's years; no act was refused for it.
	WarnDeadlineUnavailable WarningCode = "deadline_unavailable"
)

// Warning is something a lawyer should look at that the law does not bar.
type Warning struct {
	Code     WarningCode
	Message  string
	Citation policy.Citation
	// Index is the event that raised the warning, or -1 for the case.
	Index int
	// says is Message in phrases, when it names a person or quotes what
	// someone wrote; nil when every role reads it (see [Status.For]).
	says message
}

// BreachCode names a breach. The codes are a stable public contract.
type BreachCode string

// The breaches a status may carry.
const (
	// BreachLateDuty: a forum did its duty after the period (interpretation
	// 13): accepted, recorded as a breach.
	BreachLateDuty BreachCode = "late_duty"
	// BreachOverdueDuty: a forum's duty is past its period and not done.
	BreachOverdueDuty BreachCode = "overdue_duty"
	// BreachPenaltyMismatch: the Competent Authority imposed other
	// penalties than those recommended (s.4(5), interpretation 15).
	BreachPenaltyMismatch BreachCode = "penalty_mismatch"
)

// Breach is a rule of the law a forum did not keep.
type Breach struct {
	Code BreachCode
	Rule policy.RuleID
	// Due is the last day of the period broken, when there is one.
	Due civil.Date
	// On is the day of the act in breach; the zero Date for a duty not yet
	// done.
	On       civil.Date
	Citation policy.Citation
	Message  string
}

// DeadlineStatus is a deadline a case started, with where the act stands.
type DeadlineStatus struct {
	deadlines.Deadline
	Status deadlines.Status
	// Party is the party whose own window a filing period is (each party
	// has its own appeal and representation period), or 0.
	Party Role `json:",omitempty"`
	// DoneOn is the day the act was done, or the zero Date.
	DoneOn civil.Date
}

// Status is a case as of a date.
//
// Its JSON form is documented on [Status.MarshalJSON].
type Status struct {
	// AsOf is the date the case was judged on.
	AsOf civil.Date
	// Policy is the procedure policy (before filing, the statute in force
	// on the as-of date, or the one named); Substance the one that decided
	// who may complain (empty before filing).
	Policy    policy.ID
	Substance policy.ID
	Route     Route
	State     State
	Terminal  bool
	// Deadlines are every period the case started that still applies, in
	// the order they started. A party's filing period that ran out unused
	// is "lapsed" (never overdue, never a breach) and stays listed, even
	// once the case has moved on (interpretation 7). A period whose act
	// became impossible before it was due (a withdrawn complaint's
	// charges) is left out; a duty already overdue then stays overdue.
	Deadlines []DeadlineStatus
	// Breaches are sorted by date (the act's, or the due date of a duty
	// not done), then code, then rule.
	Breaches []Breach
	// Next are the events permitted next, in EventType order, each with
	// the roles that may perform it, in Role order. It applies the table
	// and the guards as of the as-of date, but lists appeals and
	// representations even when late (condonation may be recorded).
	Next []Permitted
	// Warnings are the case's own warnings, in the order of the
	// WarningCode constants, then those raised by events, in event order,
	// then deadline_unavailable for deadlines Status could not compute.
	Warnings []Warning
	// coarse marks a status for statistics, whose dates are to the month.
	coarse bool
}

// Status reports the case as of asOf: its state, deadlines, breaches,
// permitted next events and warnings. The zero asOf means the date of the
// last event. Asked as of a date before the last event, Status reports the
// case as it stood at the end of that day — the events dated on or before
// it, replayed — and its first warning, events_after_as_of, says how many
// later events it leaves out: a status never mixes later acts with an
// earlier date.
func (c *Case) Status(asOf civil.Date) Status {
	if !asOf.IsValid() {
		asOf = c.lastOn()
	}
	if n := c.eventsUntil(asOf); n < len(c.events) {
		return c.statusBefore(asOf, n)
	}
	s := Status{AsOf: asOf, State: c.state, Terminal: c.state.Terminal(), Route: c.route}
	def := c.def
	if def == nil && asOf.IsValid() {
		def, _ = c.eng.procedure(&c.h, asOf)
	}
	if def != nil {
		s.Policy = def.pol.ID()
	}
	if c.subst != nil {
		s.Substance = c.subst.ID()
	}
	s.Warnings = c.caseWarnings(asOf)
	s.Warnings = append(s.Warnings, c.f.warnings...)
	s.Breaches = slices.Clone(c.f.breaches)
	if c.route != NoRoute {
		c.statusDeadlines(asOf, &s)
	}
	slices.SortStableFunc(s.Breaches, func(a, b Breach) int {
		return cmp.Or(cmp.Compare(breachDate(a), breachDate(b)), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Rule, b.Rule))
	})
	if def != nil {
		s.Next = c.next(def, asOf)
	}
	return s
}

// eventsUntil returns how many of the case's events are dated on or
// before on; events are in date order.
func (c *Case) eventsUntil(on civil.Date) int {
	n := len(c.events)
	for n > 0 && c.events[n-1].On.After(on) {
		n--
	}
	return n
}

// statusBefore reports the case as it stood after its first n events, as
// of asOf, which is before event n. Those events were accepted in this
// order on this header, so they are accepted again; replay stops at a
// refusal only if that ever changed, and the status says how many events
// it reflects.
func (c *Case) statusBefore(asOf civil.Date, n int) Status {
	p := &Case{eng: c.eng, h: c.h, state: NotFiled, events: make([]Event, 0, n)}
	if c.h.Policy != "" {
		p.def = c.eng.defs[c.h.Policy]
	}
	for _, ev := range c.events[:n] {
		if p.Replay(ev) != nil {
			break
		}
	}
	s := p.Status(asOf)
	later := c.events[len(p.events):]
	msg := fmt.Sprintf("the status is the case as it stood on %s; 1 later event, on %s, is not reflected", asOf, later[0].On)
	if len(later) > 1 {
		msg = fmt.Sprintf("the status is the case as it stood on %s; %d later events, from %s to %s, are not reflected", asOf, len(later), later[0].On, later[len(later)-1].On)
	}
	s.Warnings = append([]Warning{{Code: WarnEventsAfterAsOf, Index: -1, Citation: citeRecord, Message: msg}}, s.Warnings...)
	return s
}

func breachDate(b Breach) string {
	if b.On.IsValid() {
		return b.On.String()
	}
	return b.Due.String()
}

// statusDeadlines fills the deadlines, the breaches of duties and the
// warnings about deadlines.
func (c *Case) statusDeadlines(asOf civil.Date, s *Status) {
	stayed := c.f.stayFrom.IsValid() && !asOf.Before(c.f.stayFrom)
	for _, k := range c.f.clocks {
		d, err := c.deadline(k, asOf)
		if err != nil {
			s.Warnings = append(s.Warnings, unavailable(k.rule, err))
			continue
		}
		ds := DeadlineStatus{Deadline: d, DoneOn: k.doneOn}
		if d.Kind == policy.Filing {
			ds.Party = k.party
		}
		switch {
		case k.doneOn.IsValid():
			ds.Status = d.StatusAt(asOf, k.doneOn)
		case k.mootOn.IsValid():
			switch {
			case !k.mootOn.After(d.Due):
				continue // the act became impossible before it was due
			case d.Kind == policy.Filing:
				ds.Status = deadlines.Lapsed // it ran out unused, then the case moved on
			case d.Kind == policy.Duty:
				ds.Status = deadlines.Overdue
			default:
				continue
			}
		case stayed:
			ds.Status = deadlines.Paused
		case d.Kind == policy.Filing && asOf.After(d.Due):
			ds.Status = deadlines.Lapsed // a party's period that ran out unused (interpretation 7)
		default:
			ds.Status = d.StatusAt(asOf, civil.Date{})
		}
		if s.Deadlines == nil { // sized once; still nil when no clock is reported
			s.Deadlines = make([]DeadlineStatus, 0, len(c.f.clocks))
		}
		s.Deadlines = append(s.Deadlines, ds)
		if b, ok := dutyBreach(ds); ok {
			s.Breaches = append(s.Breaches, b)
		}
	}
}

// dutyBreach returns the breach a forum's duty is in, if any.
func dutyBreach(ds DeadlineStatus) (Breach, bool) {
	if ds.Kind != policy.Duty {
		return Breach{}, false
	}
	switch ds.Status {
	case deadlines.Late:
		return Breach{Code: BreachLateDuty, Rule: ds.Rule, Due: ds.Due, On: ds.DoneOn, Citation: ds.Citation,
			Message: lateMessage(ds)}, true
	case deadlines.Overdue:
		return Breach{Code: BreachOverdueDuty, Rule: ds.Rule, Due: ds.Due, Citation: ds.Citation,
			Message: overdueMessage(ds)}, true
	}
	return Breach{}, false
}

// lateMessage is "RULE: done on DATE, N days after the period ended on
// DUE". Breach messages are built by appending into one buffer, not by
// fmt: Status builds one for every late or overdue duty.
func lateMessage(ds DeadlineStatus) string {
	b := make([]byte, 0, 96)
	b = append(append(b, ds.Rule...), ": done on "...)
	b = appendDate(b, ds.DoneOn)
	b = appendDays(append(b, ", "...), ds.DoneOn.Sub(ds.Due))
	b = appendDate(append(b, " after the period ended on "...), ds.Due)
	return string(b)
}

// overdueMessage is "RULE: not done; the period ended on DUE".
func overdueMessage(ds DeadlineStatus) string {
	b := make([]byte, 0, 80)
	b = append(append(b, ds.Rule...), ": not done; the period ended on "...)
	return string(appendDate(b, ds.Due))
}

// appendDays appends "1 day" or "N days".
func appendDays(b []byte, n int) []byte {
	if n == 1 {
		return append(b, "1 day"...)
	}
	return append(strconv.AppendInt(b, int64(n), 10), " days"...)
}

// appendDate appends d as YYYY-MM-DD, as %s formats it.
func appendDate(b []byte, d civil.Date) []byte {
	b, _ = d.AppendText(b)
	return b
}

func unavailable(rule policy.RuleID, err error) Warning {
	return Warning{Code: WarnDeadlineUnavailable, Index: -1, Citation: policy.Citation{Section: "interpretation 8", Confidence: policy.High},
		Message: fmt.Sprintf("the %s deadline cannot be computed: %s", rule, trimPrefix(err))}
}

// caseWarnings are the warnings about the case as a whole.
func (c *Case) caseWarnings(asOf civil.Date) []Warning {
	var ws []Warning
	add := func(code WarningCode, cit policy.Citation, format string, a ...any) {
		ws = append(ws, Warning{Code: code, Citation: cit, Index: -1, Message: fmt.Sprintf(format, a...)})
	}
	if c.route == NoRoute {
		return c.retaliationWarnings()
	}
	in := &c.def.in
	if acc := c.h.Parties.Accused.Relationship; (acc == policy.Employer || acc == policy.CompetentAuthorityMember) &&
		c.route == CommitteeRoute && !c.state.Terminal() && in.ConflictedRouteWarns.Value {
		add(WarnConflictedRoute, in.ConflictedRouteWarns.Citation, "the accused is the %s: the internal route is conflicted, and the complainant may go to the Ombudsperson (s.8(1))", acc)
	}
	if !c.h.IncidentOn.IsValid() && in.SubstanceByIncidentDate.Value {
		add(WarnMissingIncidentDate, in.SubstanceByIncidentDate.Citation, "no incident_on: who may complain was decided by %s, the policy in force on the filing date %s", c.subst.ID(), c.f.filedOn)
	}
	if cal := c.def.pol.CalendarFor(policy.InquiryCommittee, c.h.Calendar); cal.Fallback && c.route == CommitteeRoute {
		add(WarnCalendarFallback, cal.Citation, "no organisation calendar: the committee's periods are counted on %s", cal.Value)
	}
	ws = append(ws, c.definitionWarnings()...)
	ws = append(ws, c.gazetteWarnings()...)
	ws = append(ws, c.stageWarnings(asOf)...)
	ws = append(ws, c.retaliationWarnings()...)
	ws = append(ws, c.committeeWarnings(asOf)...)
	return ws
}

// citePenaltyAfterConduct cites the presumption against reaching back.
var citePenaltyAfterConduct = policy.Citation{Section: "interpretation 2; s.4(4)", Confidence: policy.Low,
	Note: "new substantive law is presumed not to reach back; the Act is silent on which date governs penalties"}

// penaltyWarnings flag each penalty recommended or imposed that the
// policy in force on the incident date does not have (interpretation 2).
func (c *Case) penaltyWarnings() []Warning {
	var ws []Warning
	lists := [2][]Penalty{c.f.recommended, c.f.imposed}
	for li, list := range lists {
		for i, p := range list {
			// Once per code: the decision usually repeats the recommendation.
			said := hasPenalty(list[:i], p.Code) || li == 1 && hasPenalty(lists[0], p.Code)
			if _, ok := c.subst.Penalty(p.Code); ok || said {
				continue
			}
			ws = append(ws, Warning{Code: WarnPenaltyAfterConduct, Index: -1, Citation: citePenaltyAfterConduct,
				Message: fmt.Sprintf("penalty %s is not one of %s, the law in force on the incident date: whether it may be imposed for earlier conduct is for the forum", p.Code, c.subst.ID())})
		}
	}
	return ws
}

// hasPenalty reports whether ps has a penalty of code.
func hasPenalty(ps []Penalty, code policy.PenaltyCode) bool {
	return slices.ContainsFunc(ps, func(p Penalty) bool { return p.Code == code })
}

// citeChildSensitive cites the child-sensitive procedures of s.4(2).
var citeChildSensitive = policy.Citation{Section: "s.4(2) as amended by Act V of 2022; interpretation 27", Confidence: policy.High,
	Note: "'and, where applicable, apply appropriate child-sensitive procedures'"}

// definitionWarnings flag what the complaint alleges that the definition
// in force on the incident date does not reach (interpretation 24), and a
// minor complainant (interpretation 27).
func (c *Case) definitionWarnings() []Warning {
	var ws []Warning
	h := c.subst.Harassment()
	add := func(p policy.Param[bool], what string) {
		if !p.Value {
			ws = append(ws, Warning{Code: WarnOutsideDefinition, Index: -1, Citation: p.Citation,
				Message: fmt.Sprintf("the complaint alleges %s, which the definition in %s, in force on the incident date, does not reach: the forum may dismiss it at admission", what, c.subst.ID())})
		}
	}
	for _, a := range c.h.Allegations {
		switch a {
		case SexualConduct:
			add(h.SexualConduct, "conduct of a sexual nature")
		case GenderDiscrimination:
			add(h.GenderDiscrimination, "gender discrimination")
		}
	}
	if c.h.SingleIncident {
		add(h.SingleIncident, "a single incident (counted before 2022 only where particularly severe)")
	}
	ws = append(ws, c.penaltyWarnings()...)
	if c.h.Parties.Complainant.Relationship == policy.GuardianOfMinor && !c.state.Terminal() {
		ws = append(ws, Warning{Code: WarnChildSensitive, Index: -1, Citation: citeChildSensitive,
			Message: "the complaint is by a parent or guardian of a minor: the forum should apply child-sensitive procedures; the periods do not change"})
	}
	return ws
}

// gazetteWarnings flag a filing or incident date between a statute's
// assent and its gazette (interpretation 1).
func (c *Case) gazetteWarnings() []Warning {
	var ws []Warning
	for _, x := range []struct {
		what string
		on   civil.Date
		pol  *policy.Policy
	}{{"filing", c.f.filedOn, c.def.pol}, {"incident", c.h.IncidentOn, c.subst}} {
		w := x.pol.Interpretations().GazetteWindow
		if x.pol == c.def.pol {
			w = c.def.in.GazetteWindow // the integrator's setting, if any
		}
		if x.on.IsValid() && !w.Value.IsZero() && w.Value.Contains(x.on) {
			ws = append(ws, Warning{Code: WarnGazetteWindow, Index: -1, Citation: w.Citation,
				Message: fmt.Sprintf("the %s date %s falls between the assent and the gazette of %s (%s)", x.what, x.on, x.pol.ID(), w.Value)})
		}
	}
	return ws
}

// stageWarnings are the warnings about where the case stands.
func (c *Case) stageWarnings(asOf civil.Date) []Warning {
	var ws []Warning
	in := &c.def.in
	add := func(code WarningCode, cit policy.Citation, format string, a ...any) {
		ws = append(ws, Warning{Code: code, Citation: cit, Index: -1, Message: fmt.Sprintf(format, a...)})
	}
	if c.state == DefenceClosed && in.FindingsFromRecordedStart.Value {
		add(WarnInquiryStartNotRecorded, in.FindingsFromRecordedStart.Citation, "the committee has not recorded the start of its inquiry: the findings period is not running")
	}
	if c.state == ChargesCommunicated && c.def.routes.ExParteCommittee.Value == policy.Mandatory {
		if k, ok := c.latest(policy.RuleDefence, 0); ok {
			if d, err := c.deadline(k, asOf); err == nil && asOf.After(d.Due) {
				add(WarnExParteRequired, c.def.routes.ExParteCommittee.Citation, "the defence period ended on %s with no defence: the committee shall proceed ex parte unless reasonable cause is shown", d.Due)
			}
		}
	}
	if c.f.stayFrom.IsValid() && !asOf.Before(c.f.stayFrom) {
		add(WarnStayInForce, in.StaysPause.Citation, "a stay is in force since %s: the clocks are paused", c.f.stayFrom)
	}
	if c.f.withdrawalOn.IsValid() && !c.state.Terminal() && c.def.future[c.route][c.state][AcceptWithdrawal] {
		add(WarnWithdrawalRequested, c.def.routes.Withdrawal.Citation, "the complainant asked on %s to withdraw; the forum has not decided", c.f.withdrawalOn)
	}
	return ws
}

// retaliationWarnings surface every report of retaliation with no interim
// measure recorded after it (interpretation 21), filed or not.
func (c *Case) retaliationWarnings() []Warning {
	if c.def == nil || !c.def.in.RetaliationSurfaced.Value {
		return nil
	}
	cit := c.def.in.RetaliationSurfaced.Citation
	var ws []Warning
	for _, i := range c.f.retaliation {
		if c.f.interimAt <= i {
			ws = append(ws, Warning{Code: WarnUnresolvedRetaliation, Citation: cit, Index: -1,
				Message: fmt.Sprintf("retaliation reported on %s (event %d) has no interim measure recorded since", c.events[i].On, i+1)})
		}
	}
	return ws
}

// committeeWarnings check the committee for the case, where the case has
// one and the committee route is live.
func (c *Case) committeeWarnings(asOf civil.Date) []Warning {
	if c.h.Committee == nil || c.route != CommitteeRoute || c.state.Terminal() {
		return nil
	}
	cc := c.committeeCase()
	rep, err := c.eng.val.Check(*c.h.Committee, c.def.pol.Committee(), committee.CheckOptions{On: asOf, Case: &cc})
	if err != nil {
		return []Warning{{Code: WarnCommitteeInvalid, Index: -1, Citation: policy.Citation{Section: "s.3(2)-(3)", Confidence: policy.High}, Message: trimPrefix(err)}}
	}
	x := c.exposure()
	var ws []Warning
	for _, v := range rep.Violations {
		ws = append(ws, x.violation(v))
	}
	return ws
}

// violation is the committee_invalid warning of v. Its message names the
// members concerned, so it is read whole by those who read who they all
// are; the others read the rule broken and no name.
func (x *exposure) violation(v committee.Violation) Warning {
	p := public(v.Message)
	for _, id := range v.Members {
		p.readers &= x.readers(Identity, id, 0)
	}
	p.alt = "the committee for this case breaks this rule as to a member this view does not name"
	says := message{public(v.Code.String() + ": "), p}
	return Warning{Code: WarnCommitteeInvalid, Index: -1, Citation: v.Citation, Message: says.String(), says: says}
}

// next returns the events permitted next as of asOf, with the roles whose
// act would pass the guards, apart from what the act itself can supply: its
// required fields, the complainant's consent, and the condonation of a late
// filing.
func (c *Case) next(def *Definition, asOf civil.Date) []Permitted {
	var out []Permitted
	probe := *c
	probe.probing = true
	for e := ReportInformally; e < eventEnd; e++ {
		i, ok := def.lookup(c.route, c.state, e)
		if !ok || e == VoidEvent && len(c.events) == 0 {
			continue // nothing to void yet
		}
		t := def.rows[i]
		var by []Role
		for _, r := range t.By {
			ev := Event{Type: e, On: asOf, By: r, Consent: takes(e)&fConsent != 0}
			if _, ref := probe.check(&ev); ref == nil || ref.Code == InvalidEvent || ref.Code == TimeBarred {
				by = append(by, r)
			}
		}
		if len(by) > 0 {
			out = append(out, Permitted{Event: e, By: by, Moves: t.Moves()})
		}
	}
	return out
}
