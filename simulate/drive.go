package simulate

import (
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// A simulated case is a real casefsm.Case. The simulated people look at
// its state and act on the dates their plan gives: the complainant files,
// the committee communicates charges, the accused answers or the
// committee proceeds ex parte once the defence period has run out, and so
// on to implementation. Each act is applied with Case.Replay (a simulated
// history is a history, not a live case: the table decides each move, and
// casefsm's fuzz test holds Replay to Apply's answers), so the table, the
// guards and the deadline arithmetic are exactly those a real case meets; a refused act (a late appeal is time-barred; a complainant
// the policy does not cover is refused) is counted by its code and the
// people carry on as they would in life.
//
// The forums plan with the same deadline arithmetic (package deadlines on
// the forum's calendar): a committee orders ex parte only after the
// defence period, and a forum finalises only once no appeal or
// representation window is open.

// caseRun is one case being driven.
type caseRun struct {
	k   *worker
	p   *plan
	c   *casefsm.Case
	w   *world
	acc *accumulator

	last       civil.Date // the day of the last act applied
	refusedOn  civil.Date // the day of the last act refused
	seen       uint32     // states entered so far (bit per casefsm.State)
	withdrawOn civil.Date // the day the complainant asks to withdraw, if she does
	// releaseOn is the day the case gives its place on the committee back.
	releaseOn civil.Date
	// decidedOn is the day of the first decision (or dismissal), if any.
	decidedOn civil.Date

	censored bool  // the next act falls on or after the end of observation
	err      error // an internal fault of the rules; the run fails
}

// apply applies one act. It reports false, and applies nothing, when the
// act falls after the end of observation (the case is censored) or is
// refused (counted by code).
func (cr *caseRun) apply(ev casefsm.Event) bool {
	if cr.censored || cr.err != nil {
		return false
	}
	if !ev.On.Before(cr.w.end) {
		cr.censored = true
		return false
	}
	if err := cr.c.Replay(ev); err != nil {
		var ref *casefsm.Refusal
		if !errors.As(err, &ref) {
			cr.err = fmt.Errorf("%w: case %d: %s on %s: %w", ErrSimulation, cr.p.index, ev.Type, ev.On, err)
			return false
		}
		cr.acc.refusals[refusalKey{ev.Type, ref.Code}]++
		cr.refusedOn = ev.On
		return false
	}
	cr.last = ev.On
	if s := cr.c.State(); cr.seen&(1<<s) == 0 {
		cr.seen |= 1 << s
		cr.acc.stages[s].add(ev.On.Sub(cr.p.arrival))
		if !cr.decidedOn.IsValid() && decides(s) {
			cr.decidedOn = ev.On
		}
	}
	return true
}

// decides reports whether reaching s decides the complaint at first
// instance (or dismisses it).
func decides(s casefsm.State) bool {
	return s == casefsm.Decided || s == casefsm.OmbudspersonDecided || s == casefsm.Dismissed
}

// decidedDays returns the days from the first report to the first
// decision, or -1 for a case never decided.
func (cr *caseRun) decidedDays() int32 {
	if !cr.decidedOn.IsValid() {
		return -1
	}
	return int32(cr.decidedOn.Sub(cr.p.arrival))
}

func act(t casefsm.EventType, on civil.Date, by casefsm.Role) casefsm.Event {
	return casefsm.Event{Type: t, On: on, By: by}
}

// stopped returns how a case ends when an act could not be applied:
// open if it ran past observation, otherwise end (a refusal).
func (cr *caseRun) stopped(end End) End {
	if cr.censored || cr.err != nil {
		return EndOpen
	}
	return end
}

// drive plays the case out and returns how it ended.
func (cr *caseRun) drive() End {
	p := cr.p
	if p.first == firstInformal {
		if !cr.apply(act(casefsm.ReportInformally, p.arrival, casefsm.Complainant)) {
			return cr.stopped(EndRefused)
		}
		if p.resolved {
			if !cr.apply(act(casefsm.ResolveInformally, p.filed, casefsm.Supervisor)) {
				return cr.stopped(EndStalled)
			}
			return EndInformallyResolved
		}
	}
	if p.withdraw {
		cr.withdrawOn = p.after(p.filed, stepWithdrawal)
	}
	if p.route() == casefsm.OmbudspersonRoute {
		return cr.ombudsperson()
	}
	return cr.committee()
}

// withdraws reports whether the complainant asks to withdraw on or before
// next, the day of the forum's next act; if so the request and the
// forum's permission are applied on her day.
func (cr *caseRun) withdraws(next civil.Date, forum casefsm.Role) bool {
	if !cr.withdrawOn.IsValid() || cr.withdrawOn.After(next) {
		return false
	}
	if cr.apply(act(casefsm.RequestWithdrawal, cr.withdrawOn, casefsm.Complainant)) {
		cr.apply(act(casefsm.AcceptWithdrawal, cr.withdrawOn, forum))
	}
	cr.releaseOn = cr.withdrawOn
	return true
}

// withdrawn returns the end of a case whose complainant asked to withdraw.
func (cr *caseRun) withdrawn() End {
	if cr.c.State() == casefsm.Withdrawn {
		return EndWithdrawn
	}
	return cr.stopped(EndStalled)
}

// committee plays the Inquiry Committee route (ss.4-6): complaint, a place
// on the committee, charges, defence or ex parte, inquiry, findings,
// decision, communication, appeal, finality and implementation.
func (cr *caseRun) committee() End {
	p, w := cr.p, cr.w
	filed := p.filed
	if !cr.apply(casefsm.Event{Type: casefsm.FileComplaint, On: filed, ReceivedOn: filed, By: casefsm.Complainant}) {
		return cr.stopped(EndRefused)
	}
	takeUp := cr.k.q.next(filed)
	charges := p.after(takeUp, stepCharges)
	if cr.withdraws(charges, casefsm.InquiryCommittee) {
		queuedUntil := earlier(takeUp, cr.withdrawOn)
		cr.queued(filed, queuedUntil)
		if !cr.withdrawOn.Before(takeUp) {
			cr.k.q.hold(cr.withdrawOn) // she held a place from takeUp
		}
		return cr.withdrawn()
	}
	cr.queued(filed, takeUp)
	if !takeUp.Before(w.end) {
		cr.censored = true
		return EndOpen
	}
	cr.acc.queueWait.add(takeUp.Sub(filed))
	cr.releaseOn = w.end // held to the end unless released earlier
	end := cr.inquiry(charges)
	cr.k.q.hold(cr.releaseOn)
	return end
}

// queued records that a complaint waited for a place from filed to
// takeUp.
func (cr *caseRun) queued(filed, takeUp civil.Date) {
	if !takeUp.After(filed) {
		return
	}
	if !takeUp.Before(cr.w.end) {
		takeUp = civil.Date{} // still waiting at the end
	}
	cr.w.interval(cr.acc.queued, filed, takeUp)
}

// inquiry plays the committee's steps from the charges to the findings,
// then the decision and what follows.
func (cr *caseRun) inquiry(charges civil.Date) End {
	p := cr.p
	ic := casefsm.InquiryCommittee
	if !cr.apply(act(casefsm.CommunicateCharges, charges, ic)) {
		return cr.stopped(EndStalled)
	}
	closed, ok := cr.defence(charges, policy.RuleDefence, stepDefence, ic)
	if !ok {
		return cr.afterStop()
	}
	sitting := p.after(closed, stepSitting)
	if cr.withdraws(sitting, ic) {
		return cr.withdrawn()
	}
	if !cr.apply(act(casefsm.StartInquiry, sitting, ic)) {
		return cr.stopped(EndStalled)
	}
	findings := p.after(sitting, stepFindings)
	if cr.withdraws(findings, ic) {
		return cr.withdrawn()
	}
	ev := casefsm.Event{Type: casefsm.SubmitFindings, On: findings, ReceivedOn: findings, By: ic, Finding: p.finding, Penalties: cr.penalties()}
	if !cr.apply(ev) {
		return cr.stopped(EndStalled)
	}
	cr.releaseOn = findings
	cr.acc.findings[p.finding-casefsm.Guilty]++
	decision := p.after(findings, stepDecision)
	if cr.withdraws(decision, ic) {
		return cr.withdrawn()
	}
	if !cr.apply(casefsm.Event{Type: casefsm.Decide, On: decision, By: casefsm.CompetentAuthority, Penalties: cr.penalties()}) {
		return cr.stopped(EndStalled)
	}
	told := p.after(decision, stepCommunication)
	if !cr.apply(act(casefsm.CommunicateDecision, told, casefsm.CompetentAuthority)) {
		return cr.stopped(EndStalled)
	}
	return cr.appeal(decision, told)
}

// afterStop is the end of a case whose defence stage stopped: withdrawn,
// censored or stalled.
func (cr *caseRun) afterStop() End {
	if cr.c.State() == casefsm.Withdrawn {
		return EndWithdrawn
	}
	return cr.stopped(EndStalled)
}

// defence plays the defence stage after the charges or the show-cause
// notice of served: the accused answers after her delay, unless the forum
// proceeds ex parte first (the day after the period ends, plus its own
// delay). It returns the day the stage closed, or false if the case
// stopped (withdrawn, censored or refused).
func (cr *caseRun) defence(served civil.Date, rule policy.RuleID, delay step, forum casefsm.Role) (civil.Date, bool) {
	p := cr.p
	answer := p.after(served, delay)
	due, err := cr.w.due(rule, served)
	if err != nil {
		cr.err = fmt.Errorf("case %d: %w", p.index, err)
		return civil.Date{}, false
	}
	exParte := p.after(due.AddDays(1), stepExParte)
	if cr.withdraws(earlier(answer, exParte), forum) {
		return civil.Date{}, false
	}
	ev := act(casefsm.SubmitDefence, answer, casefsm.Accused)
	if exParte.Before(answer) {
		ev = act(casefsm.ProceedExParte, exParte, forum)
	}
	return ev.On, cr.apply(ev)
}

// penalties returns what a finding carries: censure when guilty, nothing
// otherwise.
func (cr *caseRun) penalties() []casefsm.Penalty {
	if cr.p.finding == casefsm.Guilty {
		return cr.k.censure
	}
	return nil
}

// loser returns who challenges a decision: the penalised accused after a
// guilty finding, the complainant otherwise.
func (cr *caseRun) loser() casefsm.Role {
	if cr.p.finding == casefsm.Guilty {
		return casefsm.Accused
	}
	return casefsm.Complainant
}

// appeal plays what follows the Competent Authority's decision: an appeal
// (s.6) and a representation against the decision on it (interpretation
// 17), or finality once the windows close.
func (cr *caseRun) appeal(decision, told civil.Date) End {
	p, w := cr.p, cr.w
	windows := []window{{policy.RuleAppealComplainant, decision}, {policy.RuleAppealComplainant, told}, {policy.RuleAppealPenalised, told}}
	if !w.pol.Routes().Appeal.Value {
		windows = nil
	}
	finalOn := told.AddDays(1)
	if p.appeal && windows != nil {
		filed := p.after(told, stepAppeal)
		if !cr.filing(&cr.acc.appeals, act(casefsm.FileAppeal, filed, cr.loser())) {
			if cr.censored || cr.err != nil {
				return EndOpen
			}
			finalOn = filed // a late appeal is disposed of before finality
		} else {
			decided := p.after(filed, stepAppealDecision)
			if !cr.apply(act(casefsm.DecideAppeal, decided, casefsm.Ombudsperson)) {
				return cr.stopped(EndStalled)
			}
			cr.acc.appeals.decided++
			windows, finalOn = nil, decided.AddDays(1)
			if w.repAgainstAppeal {
				windows = []window{{policy.RuleRepresentation, decided}}
				if end, done := cr.representation(decided, &finalOn); done {
					return end
				}
			}
		}
	}
	return cr.finalise(windows, finalOn, casefsm.CompetentAuthority)
}

// window is a challenge period a forum waits out before finality: rule
// counted from a day.
type window struct {
	rule policy.RuleID
	from civil.Date
}

// filing applies a party's appeal or representation, counting it.
func (cr *caseRun) filing(f *filingAcc, ev casefsm.Event) bool {
	if cr.apply(ev) {
		f.filed++
		return true
	}
	if !cr.censored && cr.err == nil {
		f.refused++
	}
	return false
}

// representation plays a representation against the decision of
// decidedOn, if the plan has one: when it is filed, the case ends with its
// decision and implementation (done is true); when it is refused, finalOn
// moves to its day.
func (cr *caseRun) representation(decidedOn civil.Date, finalOn *civil.Date) (end End, done bool) {
	p := cr.p
	if !p.represent || !cr.w.representation {
		return 0, false
	}
	filed := p.after(decidedOn, stepRepresentation)
	if !cr.filing(&cr.acc.reps, act(casefsm.MakeRepresentation, filed, cr.loser())) {
		if cr.censored || cr.err != nil {
			return EndOpen, true
		}
		*finalOn = later(*finalOn, filed)
		return 0, false
	}
	decided := p.after(filed, stepRepresentationDecision)
	if !cr.apply(act(casefsm.DecideRepresentation, decided, casefsm.PresidentOrGovernor)) {
		return cr.stopped(EndStalled), true
	}
	cr.acc.reps.decided++
	return cr.implement(decided), true
}

// finalise records finality on the first day after every window closes
// (and not before notBefore), then implementation.
func (cr *caseRun) finalise(windows []window, notBefore civil.Date, by casefsm.Role) End {
	on := notBefore
	for _, win := range windows {
		due, err := cr.w.due(win.rule, win.from)
		if err != nil {
			cr.err = fmt.Errorf("case %d: %w", cr.p.index, err)
			return EndOpen
		}
		on = later(on, due.AddDays(1))
	}
	if !cr.apply(act(casefsm.Finalise, on, by)) {
		return cr.stopped(EndStalled)
	}
	return cr.implement(on)
}

// implement records implementation after the case's delay, closing it.
func (cr *caseRun) implement(final civil.Date) End {
	if !cr.apply(act(casefsm.RecordImplementation, cr.p.after(final, stepImplementation), casefsm.Employer)) {
		return cr.stopped(EndStalled)
	}
	return EndClosed
}

// ombudsperson plays the route of s.8: complaint, show-cause notice,
// defence or ex parte, decision, representation (s.9) or finality, and
// implementation.
func (cr *caseRun) ombudsperson() End {
	p, w := cr.p, cr.w
	om := casefsm.Ombudsperson
	filed := p.filed
	if !cr.apply(casefsm.Event{Type: casefsm.FileWithOmbudsperson, On: filed, ReceivedOn: filed, By: casefsm.Complainant}) {
		return cr.stopped(EndRefused)
	}
	notice := p.after(filed, stepShowCause)
	if cr.withdraws(notice, om) {
		return cr.withdrawn()
	}
	if !cr.apply(casefsm.Event{Type: casefsm.IssueShowCause, On: notice, ReceivedOn: notice, By: om}) {
		return cr.stopped(EndStalled)
	}
	closed, ok := cr.defence(notice, policy.RuleOmbudspersonDefence, stepOmbudspersonDefence, om)
	if !ok {
		return cr.afterStop()
	}
	decision := p.after(closed, stepOmbudspersonDecision)
	if cr.withdraws(decision, om) {
		return cr.withdrawn()
	}
	ev := casefsm.Event{Type: casefsm.DecideComplaint, On: decision, By: om, Finding: p.finding, Penalties: cr.penalties()}
	if !cr.apply(ev) {
		return cr.stopped(EndStalled)
	}
	cr.acc.findings[p.finding-casefsm.Guilty]++
	var windows []window
	if w.representation {
		windows = []window{{policy.RuleRepresentation, decision}}
	}
	finalOn := decision.AddDays(1)
	if end, done := cr.representation(decision, &finalOn); done {
		return end
	}
	return cr.finalise(windows, finalOn, om)
}

// earlier returns the earlier of two days; later the later.
func earlier(a, b civil.Date) civil.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func later(a, b civil.Date) civil.Date {
	if b.After(a) {
		return b
	}
	return a
}
