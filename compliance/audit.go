package compliance

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// AuditOptions are the inputs of an audit besides the organisation, its
// policy, its store and the date. The zero value audits in English against
// the built-in statutes.
type AuditOptions struct {
	// Language is the language of titles, details and next steps.
	Language committee.Language
	// Statutes is the set in which the Act's commencement in the
	// organisation's jurisdiction is looked up; nil means policy.Builtin().
	Statutes *policy.Set
}

// Audit checks, as of asOf, every duty the organisation's policy puts on it
// as an employer, and returns one Finding per duty, in the order of the
// DutyID constants:
//
//   - committee-constituted (s.3(1)) and competent-authority-designated
//     (s.3(4)): 30 days; code-displayed (s.11(2)): six months, in English and
//     the majority's language. The Act counts these from its commencement in
//     the jurisdiction; for an organisation that came under the Act later
//     the Act sets no clock, and the audit counts from CoveredFrom instead,
//     citing the rule with low confidence;
//   - committee-composed: the standing committee checked by package
//     committee against the policy's rules on asOf (s.3(2));
//   - committee-trained, where the policy requires trained members: each
//     member's last training within the policy's months, or, for a member
//     appointed within that many months, training due by then;
//   - competent-authority-notified (Rules 2013 r.3(2)): 7 days from the order;
//   - code-in-management-policy (s.11(1)): no period;
//   - code-acknowledged: the share of new employees in the twelve months to
//     asOf who acknowledged the Code at recruitment, against the
//     organisation's target;
//   - cases-within-deadlines, when store is not nil: open cases with a
//     statutory deadline past, counted by rule, as the store indexes them.
//
// Facts dated after asOf are ignored, so a past date audits the record as
// it stood then. Deadlines are computed by package deadlines on the
// organisation's calendar. Audit never reads the clock.
func Audit(ctx context.Context, org *Organisation, pol *policy.Policy, store casestore.Store, asOf civil.Date, opts AuditOptions) (*AuditReport, error) {
	a, err := newAuditor(org, pol, asOf, opts)
	if err != nil {
		return nil, err
	}
	r := &AuditReport{Organisation: org.ID, Policy: pol.ID(), AsOf: asOf, Language: opts.Language}
	steps := []func() (Finding, bool, error){
		a.constituted, a.composed, a.trained, a.designated, a.notified, a.displayed, a.inPolicy, a.acknowledged,
	}
	for _, step := range steps {
		f, ok, err := step()
		if err != nil {
			return nil, err
		}
		if ok {
			r.Findings = append(r.Findings, a.finish(f))
		}
	}
	if store != nil {
		f, err := a.cases(ctx, store)
		if err != nil {
			return nil, err
		}
		r.CasesChecked = true
		r.Findings = append(r.Findings, a.finish(f))
	}
	return r, nil
}

// auditor holds what every duty's check needs.
type auditor struct {
	org      *Organisation
	pol      *policy.Policy
	asOf     civil.Date
	lang     committee.Language
	cal      *deadlines.Calendar
	start    civil.Date // the Act's commencement, or CoveredFrom if later
	startLow bool       // start is CoveredFrom: the Act sets no clock
}

func newAuditor(org *Organisation, pol *policy.Policy, asOf civil.Date, opts AuditOptions) (*auditor, error) {
	if err := org.Validate(); err != nil {
		return nil, err
	}
	if pol == nil {
		return nil, fmt.Errorf("%w: no policy", ErrPolicy)
	}
	if !asOf.IsValid() {
		return nil, fmt.Errorf("%w: no date to audit on", ErrMalformed)
	}
	if pol.ID() != org.Policy {
		return nil, fmt.Errorf("%w: the organisation operates under %q, not %q", ErrPolicy, org.Policy, pol.ID())
	}
	if pol.Jurisdiction() != org.Jurisdiction {
		return nil, fmt.Errorf("%w: policy %s is %s law, the organisation is under %s law", ErrPolicy, pol.ID(), pol.Jurisdiction(), org.Jurisdiction)
	}
	calID := pol.CalendarFor(policy.Organisation, org.Calendar).Value
	cal, err := deadlines.Builtin(calID)
	if err != nil {
		return nil, fmt.Errorf("%w: calendar: %w", ErrMalformed, err)
	}
	set := opts.Statutes
	if set == nil {
		set = policy.Builtin()
	}
	commenced, err := commencement(set, org.Jurisdiction, org.CoveredFrom)
	if err != nil {
		return nil, err
	}
	a := &auditor{org: org, pol: pol, asOf: asOf, lang: opts.Language, cal: cal, start: commenced}
	if org.CoveredFrom.After(commenced) {
		a.start, a.startLow = org.CoveredFrom, true
	}
	return a, nil
}

// commencement returns the day the Act began in jurisdiction j, following
// the statutes in force back from the day the organisation came under it
// (or the first day the jurisdiction is covered) through each statute that
// directly precedes the next: federally 2010-03-09, though the statute in
// force now is the 2022 amendment.
func commencement(set *policy.Set, j policy.Jurisdiction, from civil.Date) (civil.Date, error) {
	p, err := set.For(j, from)
	var none *policy.NoPolicyError
	if errors.As(err, &none) && from.Before(none.FirstInForce) {
		p, err = set.For(j, none.FirstInForce)
	}
	if err != nil {
		return civil.Date{}, fmt.Errorf("%w: %w", ErrPolicy, err)
	}
	for {
		prev, err := set.For(j, p.Validity().From.AddDays(-1))
		if err != nil {
			return p.Validity().From, nil
		}
		p = prev
	}
}

// finish fills in the finding's title and next step.
func (a *auditor) finish(f Finding) Finding {
	f.Title = duties[f.Duty].title.in(a.lang)
	f.Next = nextStep(f.Duty, f.Status, a.lang)
	return f
}

// done returns d if it is a date on or before the audit date, else zero:
// what happened after asOf had not happened then.
func (a *auditor) done(d civil.Date) civil.Date {
	if d.IsValid() && !d.After(a.asOf) {
		return d
	}
	return civil.Date{}
}

// timed judges a duty with a statutory period: the policy's rule id, counted
// from from, done on doneOn.
func (a *auditor) timed(id DutyID, rule policy.RuleID, from, doneOn civil.Date, lowFrom bool) (Finding, bool, error) {
	r, ok := a.pol.Rule(rule)
	if !ok {
		return Finding{}, false, nil
	}
	if lowFrom {
		r.Citation.Confidence = policy.Low
		r.Citation.Note = "the Act counts this period from its commencement and sets no clock for an organisation that came under it later; counted here from the day the organisation did (covered_from)"
	}
	d, err := deadlines.Compute(r, from, a.cal)
	if err != nil {
		return Finding{}, false, fmt.Errorf("%w: %s: %w", ErrPolicy, rule, err)
	}
	doneOn = a.done(doneOn)
	s := fromDeadline(d.StatusAt(a.asOf, doneOn))
	return Finding{Duty: id, Citation: r.Citation, Status: s, Deadline: &d, DoneOn: doneOn,
		Detail: deadlineDetail[s].format(a.lang, doneOn, d.Due)}, true, nil
}

func (a *auditor) constituted() (Finding, bool, error) {
	return a.timed(CommitteeConstituted, policy.RuleCommitteeConstitution, a.start, a.org.Committee.ConstitutedOn, a.startLow)
}

func (a *auditor) designated() (Finding, bool, error) {
	return a.timed(CompetentAuthorityDesignate, policy.RuleCompetentAuthorityDesignation, a.start, a.org.CompetentAuthority.DesignatedOn, a.startLow)
}

// notified: Rules 2013 r.3(2), 7 days from the order, done when the copy
// reached the Ombudsperson and the order was circulated, both.
func (a *auditor) notified() (Finding, bool, error) {
	ca := a.org.CompetentAuthority
	order := a.done(ca.DesignatedOn)
	if !order.IsValid() {
		r, ok := a.pol.Rule(policy.RuleCompetentAuthorityNotice)
		if !ok {
			return Finding{}, false, nil
		}
		// Nothing to notify yet: the notice stands or falls with the order.
		des, ok, err := a.designated()
		if err != nil || !ok {
			return Finding{}, ok, err
		}
		return Finding{Duty: CompetentAuthorityNotified, Citation: r.Citation, Status: des.Status,
			Detail: detailNoOrder.in(a.lang)}, true, nil
	}
	sent, circulated := a.done(ca.SentToOmbudspersonOn), a.done(ca.CirculatedOn)
	var doneOn civil.Date
	if sent.IsValid() && circulated.IsValid() {
		doneOn = later(sent, circulated)
	}
	return a.timed(CompetentAuthorityNotified, policy.RuleCompetentAuthorityNotice, order, doneOn, false)
}

// displayed: s.11(2), done when the Code was displayed in English and in
// the majority's language.
func (a *auditor) displayed() (Finding, bool, error) {
	majority := a.org.MajorityLanguage
	if majority == "" {
		majority = "ur"
	}
	first := map[string]civil.Date{}
	for _, d := range a.org.Code.Displays {
		on := a.done(d.On)
		if on.IsValid() && (!first[d.Language].IsValid() || on.Before(first[d.Language])) {
			first[d.Language] = on
		}
	}
	var doneOn civil.Date
	if en, maj := first["en"], first[majority]; en.IsValid() && maj.IsValid() {
		doneOn = later(en, maj)
	}
	f, ok, err := a.timed(CodeDisplayed, policy.RuleCodeDisplay, a.start, doneOn, a.startLow)
	if ok && f.Status != Met && f.Status != Late && len(first) > 0 {
		langs := make([]string, 0, len(first))
		for l := range first {
			langs = append(langs, l)
		}
		slices.Sort(langs)
		f.Detail += detailDisplayLanguage.format(a.lang, strings.Join(langs, ", "))
	}
	return f, ok, err
}

func (a *auditor) inPolicy() (Finding, bool, error) {
	f := Finding{Duty: CodeInManagementPolicy, Status: Missing, Detail: detailNotInPolicy.in(a.lang),
		Citation: policy.Citation{Section: "s.11(1)", Confidence: policy.High,
			Note: "the employer shall incorporate the Code of Conduct in its management policy; the Act sets no period"}}
	if on := a.done(a.org.Code.InManagementPolicyOn); on.IsValid() {
		f.Status, f.DoneOn, f.Detail = Met, on, detailInPolicy.format(a.lang, on)
	}
	return f, true, nil
}

// later returns the later of two dates.
func later(a, b civil.Date) civil.Date {
	if a.After(b) {
		return a
	}
	return b
}
