package compliance

import (
	"context"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// CommitteeOn returns the standing committee as a committee file holds it,
// each member's TrainedOn being their last training on or before on (the
// zero Date for none), with the Competent Authority's id. Members appointed
// after on are left out.
func (o *Organisation) CommitteeOn(on civil.Date) committee.Committee {
	c := committee.Committee{
		HasCBA:                    o.Committee.HasCBA,
		CannotDesignateInternally: o.Committee.CannotDesignateInternally,
		CompetentAuthority:        o.CompetentAuthority.ID,
	}
	for _, m := range o.Committee.Members {
		if m.AppointedOn.After(on) {
			continue
		}
		c.Members = append(c.Members, committee.Member{ID: m.ID, Name: m.Name, Gender: m.Gender, Seat: m.Seat,
			External: m.External, Chair: m.Chair, TrainedOn: m.lastTraining(on)})
	}
	return c
}

// lastTraining returns the member's last training on or before on.
func (m MemberRecord) lastTraining(on civil.Date) civil.Date {
	var last civil.Date
	for _, t := range m.Training {
		if !t.On.After(on) && t.On.After(last) {
			last = t.On
		}
	}
	return last
}

// composed checks the standing committee with package committee, training
// aside (committee-trained judges it, allowing newly appointed members
// their window).
func (a *auditor) composed() (Finding, bool, error) {
	rules := a.pol.Committee()
	f := Finding{Duty: CommitteeComposed, Citation: rules.Size.Citation}
	if !a.done(a.org.Committee.ConstitutedOn).IsValid() && len(a.org.Committee.Members) == 0 {
		f.Status, f.Detail = Missing, detailCommitteeNone.in(a.lang)
		return f, true, nil
	}
	rules.TrainedWithinMonths = policy.Param[int]{}
	rep, err := committee.NewValidator().Check(a.org.CommitteeOn(a.asOf), rules, committee.CheckOptions{On: a.asOf, Language: a.lang})
	if err != nil {
		return Finding{}, false, fmt.Errorf("%w: committee: %w", ErrMalformed, err)
	}
	if rep.Valid {
		f.Status, f.Detail = Met, detailComposedOK.in(a.lang)
		return f, true, nil
	}
	msgs := make([]string, len(rep.Violations))
	for i, v := range rep.Violations {
		msgs[i] = v.Message
	}
	f.Status, f.Detail = Missing, strings.Join(msgs, "; ")
	return f, true, nil
}

// trainingRule is the policy's training window as a deadline rule, so that
// package deadlines counts it like every other period.
func trainingRule(months policy.Param[int]) policy.DeadlineRule {
	return policy.DeadlineRule{ID: "committee-training", Kind: policy.Duty, Period: policy.Period{N: months.Value, Unit: policy.Months},
		Forum: policy.Organisation, Trigger: "the member's last training, or appointment if never trained", Citation: months.Citation}
}

// trained applies the policy's TrainedWithinMonths: a member's last
// training must lie within that many months before asOf (as package
// committee counts it); a member appointed within that window and never
// trained since is due, not missing. The deadline reported is the earliest
// day by which a member must next be trained.
func (a *auditor) trained() (Finding, bool, error) {
	months := a.pol.Committee().TrainedWithinMonths
	if months.Value <= 0 {
		return Finding{}, false, nil
	}
	rule := trainingRule(months)
	f := Finding{Duty: CommitteeTrained, Citation: months.Citation, Status: Met}
	var missing, due []string
	for _, m := range a.org.Committee.Members {
		if m.AppointedOn.After(a.asOf) {
			continue
		}
		from := m.lastTraining(a.asOf)
		if !from.IsValid() {
			from = a.done(m.AppointedOn)
		}
		if !from.IsValid() {
			missing = append(missing, m.ID)
			continue
		}
		d, err := deadlines.Compute(rule, from, a.cal)
		if err != nil {
			return Finding{}, false, fmt.Errorf("%w: training: %w", ErrPolicy, err)
		}
		switch trainedNow := m.lastTraining(a.asOf).IsValid(); {
		case a.asOf.After(d.Due):
			missing = append(missing, m.ID)
		case !trainedNow:
			due = append(due, m.ID)
		}
		if f.Deadline == nil || d.Due.Before(f.Deadline.Due) {
			f.Deadline = &d
		}
	}
	switch {
	case len(missing) > 0:
		f.Status, f.Detail = Missing, detailUntrained.format(a.lang, months.Value, strings.Join(missing, ", "))
	case len(due) > 0:
		f.Status, f.Detail = Due, detailNewlyAppointed.format(a.lang, strings.Join(due, ", "))
	case f.Deadline != nil:
		f.Detail = detailTrainedOK.format(a.lang, months.Value, f.Deadline.Due)
	default:
		f.Status, f.Detail = Missing, detailCommitteeNone.in(a.lang)
	}
	return f, true, nil
}

// acknowledged compares the share of new employees in the twelve months to
// asOf who acknowledged the Code with the organisation's target.
func (a *auditor) acknowledged() (Finding, bool, error) {
	rec := a.org.Acknowledgements
	target := rec.Target
	if target == 0 {
		target = 1
	}
	first := civil.MustOf(a.asOf.Year(), a.asOf.Month(), 1).AddMonths(-11)
	hires, acks := 0, 0
	for _, m := range rec.Months {
		if !m.Month.Before(first) && !m.Month.After(a.asOf) {
			hires += m.Hires
			acks += m.Acknowledged
		}
	}
	f := Finding{Duty: CodeAcknowledged, Status: Met, Counts: map[string]int{"hires": hires, "acknowledged": acks},
		Citation: policy.Citation{Section: "s.11(1)-(2); the organisation's own target", Confidence: policy.Low,
			Note: "the Act requires the Code displayed and part of the management policy, not an acknowledgement by each employee; the consultations on the Code asked that every employee receive a copy at recruitment"}}
	if hires == 0 {
		f.Detail = detailNoHires.format(a.lang, a.asOf)
		return f, true, nil
	}
	f.Detail = detailAcknowledged.format(a.lang, acks, hires, a.asOf, int(target*100+0.5))
	if float64(acks) < target*float64(hires) {
		f.Status = Missing
	}
	return f, true, nil
}

// cases counts the store's open cases past a statutory deadline.
func (a *auditor) cases(ctx context.Context, s casestore.Store) (Finding, error) {
	o, err := overdueCases(ctx, s, a.asOf)
	if err != nil {
		return Finding{}, err
	}
	f := Finding{Duty: CasesWithinDeadlines, Status: Met, Detail: detailCasesOK.in(a.lang), Counts: o.ByRule,
		Citation: policy.Citation{Section: "s.4(1), (4), (5); s.6(3); s.8(2), (6); s.9", Confidence: policy.High,
			Note: "each case's own periods, as casefsm judged them at its last event; counts only, no case is named"}}
	if o.Cases > 0 {
		f.Status, f.Detail = Late, detailCasesOverdue.format(a.lang, o.Cases)
	}
	return f, nil
}
