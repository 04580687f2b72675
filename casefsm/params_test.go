package casefsm_test

import (
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The policy parameters that switch a rule of the lifecycle, each tested at
// its boundary with the built-in value and with the value switched. Several
// of them take a right from a party when switched (policy.Interpretations.With
// refuses that for overlays and engine options alike), so the switched
// engine comes from the test hook casefsm.Reinterpret; the settings an
// integrator may make are also tested through casefsm.Options in
// interpretations_test.go.

// reinterpreted returns the built-in engine with pk-federal-2022's
// interpretations edited.
func reinterpreted(t *testing.T, edit func(*policy.Interpretations)) *casefsm.Engine {
	t.Helper()
	eng, err := casefsm.Reinterpret(newEngine(t), policy.FederalAct2022, edit)
	require.NoError(t, err, "Reinterpret")
	return eng
}

// toDecision is a committee case up to a decision imposing censure on
// Monday 6 April 2026: the complainant's appeal period (s.6(2)) ends on
// Wednesday 6 May.
var toDecision = []casefsm.Event{
	{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant},
	{Type: casefsm.CommunicateCharges, On: date("2026-03-04"), By: casefsm.InquiryCommittee},
	{Type: casefsm.SubmitDefence, On: date("2026-03-09"), By: casefsm.Accused},
	{Type: casefsm.StartInquiry, On: date("2026-03-10"), By: casefsm.InquiryCommittee},
	{Type: casefsm.SubmitFindings, On: date("2026-04-01"), By: casefsm.InquiryCommittee, Finding: casefsm.Guilty,
		Penalties: []casefsm.Penalty{{Code: policy.Censure}}, ReceivedOn: date("2026-04-02")},
	{Type: casefsm.Decide, On: date("2026-04-06"), By: casefsm.CompetentAuthority, Penalties: []casefsm.Penalty{{Code: policy.Censure}}},
}

func caseOn(t *testing.T, eng *casefsm.Engine, evs ...casefsm.Event) *casefsm.Case {
	t.Helper()
	c, err := eng.NewCase(employeeCase())
	require.NoError(t, err)
	mustApply(t, c, evs...)
	return c
}

// eventWarnings are the codes of the warnings events raised.
func eventWarnings(s casefsm.Status) []casefsm.WarningCode {
	var out []casefsm.WarningCode
	for _, w := range s.Warnings {
		if w.Index >= 0 {
			out = append(out, w.Code)
		}
	}
	return out
}

func deadlineOf(t *testing.T, s casefsm.Status, rule policy.RuleID) casefsm.DeadlineStatus {
	t.Helper()
	for _, d := range s.Deadlines {
		if d.Rule == rule {
			return d
		}
	}
	require.Failf(t, "no deadline", "rule %s in %+v", rule, s.Deadlines)
	return casefsm.DeadlineStatus{}
}

// LateFilingNeedsCondonation (interpretation 13): a late appeal is refused
// as time-barred unless condoned; switched off, it is accepted and warned.
func TestLateFilingNeedsCondonation(t *testing.T) {
	appeal := func(on, condonation string) casefsm.Event {
		return casefsm.Event{Type: casefsm.FileAppeal, On: date(on), By: casefsm.Complainant, Condonation: condonation}
	}
	off := func(in *policy.Interpretations) { in.LateFilingNeedsCondonation.Value = false }
	tests := []struct {
		name    string
		edit    func(*policy.Interpretations)
		ev      casefsm.Event
		refused casefsm.Code
		warn    []casefsm.WarningCode
	}{
		{"last day", nil, appeal("2026-05-06", ""), 0, nil},
		{"day after, condonation needed", nil, appeal("2026-05-07", ""), casefsm.TimeBarred, nil},
		{"day after, condoned", nil, appeal("2026-05-07", "the Ombudsperson condoned the delay: illness"), 0, []casefsm.WarningCode{casefsm.WarnCondonedFiling}},
		{"switched off: last day", off, appeal("2026-05-06", ""), 0, nil},
		{"switched off: day after", off, appeal("2026-05-07", ""), 0, []casefsm.WarningCode{casefsm.WarnLateFilingAccepted}},
		{"switched off: a month after", off, appeal("2026-06-08", ""), 0, []casefsm.WarningCode{casefsm.WarnLateFilingAccepted}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := newEngine(t)
			if tt.edit != nil {
				eng = reinterpreted(t, tt.edit)
			}
			c := caseOn(t, eng, toDecision...)
			require.Equal(t, "2026-05-06", deadlineOf(t, c.Status(date("2026-04-06")), policy.RuleAppealComplainant).Due.String(), "appeal-complainant due")
			err := c.Apply(tt.ev)
			if tt.refused != 0 {
				require.ErrorIs(t, err, casefsm.ErrTimeBarred, "Apply(%+v)", tt.ev)
				assert.ErrorContains(t, err, "no condonation is recorded")
				return
			}
			require.NoError(t, err, "Apply(%+v)", tt.ev)
			assert.Equal(t, tt.warn, eventWarnings(c.Status(tt.ev.On)), "warnings after %+v", tt.ev)
		})
	}
}

// LateDefenceAccepted (interpretation 13): a late defence is accepted and
// marked late; switched off, one without reasonable cause or condonation is
// time-barred.
func TestLateDefenceAccepted(t *testing.T) {
	defence := func(on, cause, condonation string) casefsm.Event {
		return casefsm.Event{Type: casefsm.SubmitDefence, On: date(on), By: casefsm.Accused, ReasonableCause: cause, Condonation: condonation}
	}
	off := func(in *policy.Interpretations) { in.LateDefenceAccepted.Value = false }
	tests := []struct {
		name    string
		edit    func(*policy.Interpretations)
		ev      casefsm.Event
		refused bool
		status  deadlines.Status
		warn    []casefsm.WarningCode
	}{
		{"last day", nil, defence("2026-03-11", "", ""), false, deadlines.Met, nil},
		{"day after, no cause", nil, defence("2026-03-12", "", ""), false, deadlines.Late, []casefsm.WarningCode{casefsm.WarnLateDefenceWithoutCause}},
		{"day after, with cause", nil, defence("2026-03-12", "hospitalised", ""), false, deadlines.Late, nil},
		{"switched off: last day", off, defence("2026-03-11", "", ""), false, deadlines.Met, nil},
		{"switched off: day after, no cause", off, defence("2026-03-12", "", ""), true, 0, nil},
		{"switched off: day after, with cause", off, defence("2026-03-12", "hospitalised", ""), false, deadlines.Late, nil},
		{"switched off: day after, condoned", off, defence("2026-03-12", "", "the committee extended time"), false, deadlines.Late, []casefsm.WarningCode{casefsm.WarnLateDefenceWithoutCause}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := newEngine(t)
			if tt.edit != nil {
				eng = reinterpreted(t, tt.edit)
			}
			c := caseOn(t, eng, toDecision[:2]...)
			err := c.Apply(tt.ev)
			if tt.refused {
				require.ErrorIs(t, err, casefsm.ErrTimeBarred, "Apply(%+v)", tt.ev)
				assert.ErrorContains(t, err, "the defence period ended on 2026-03-11")
				return
			}
			require.NoError(t, err, "Apply(%+v)", tt.ev)
			s := c.Status(tt.ev.On)
			d := deadlineOf(t, s, policy.RuleDefence)
			assert.Equal(t, "2026-03-11", d.Due.String(), "defence due")
			assert.Equal(t, tt.status, d.Status, "defence status")
			assert.Equal(t, tt.warn, eventWarnings(s), "warnings after %+v", tt.ev)
		})
	}
}

// RollForwardFilings (interpretation 7, General Clauses Act s.10): a
// filing whose last day falls on a closed day may be made on the next open
// day; switched off, the last day stays where it falls.
func TestRollForwardFilings(t *testing.T) {
	// Charges on Saturday 7 March 2026: the 7 days for the defence end on
	// Saturday 14 March; the next open day is Monday 16 March.
	setup := []casefsm.Event{
		{Type: casefsm.FileComplaint, On: date("2026-03-05"), By: casefsm.Complainant},
		{Type: casefsm.CommunicateCharges, On: date("2026-03-07"), By: casefsm.InquiryCommittee},
	}
	off := func(in *policy.Interpretations) { in.RollForwardFilings.Value = false }
	tests := []struct {
		name   string
		edit   func(*policy.Interpretations)
		on     string
		due    string
		status deadlines.Status
		warn   []casefsm.WarningCode
	}{
		{"rolled: on the next open day", nil, "2026-03-16", "2026-03-16", deadlines.Met, nil},
		{"rolled: the day after", nil, "2026-03-17", "2026-03-16", deadlines.Late, []casefsm.WarningCode{casefsm.WarnLateDefenceWithoutCause}},
		{"switched off: on the Saturday", off, "2026-03-14", "2026-03-14", deadlines.Met, nil},
		{"switched off: on the Monday", off, "2026-03-16", "2026-03-14", deadlines.Late, []casefsm.WarningCode{casefsm.WarnLateDefenceWithoutCause}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := newEngine(t)
			if tt.edit != nil {
				eng = reinterpreted(t, tt.edit)
			}
			c := caseOn(t, eng, setup...)
			mustApply(t, c, casefsm.Event{Type: casefsm.SubmitDefence, On: date(tt.on), By: casefsm.Accused})
			s := c.Status(date(tt.on))
			d := deadlineOf(t, s, policy.RuleDefence)
			assert.Equal(t, tt.due, d.Due.String(), "defence due (%s)", d.Explain())
			assert.Equal(t, policy.Filing, d.Kind, "still a party's filing")
			assert.Equal(t, tt.status, d.Status, "defence status")
			assert.Equal(t, tt.warn, eventWarnings(s), "warnings")
		})
	}
}

// AppellateDecisionDays is the length of the Ombudsperson's period to
// decide an appeal (s.6(3)): 30 days in every built-in policy, or, say, the
// 90 days reported for the 2022 amendment. A duty's last day never moves.
func TestAppellateDecisionDays(t *testing.T) {
	ninety := func(in *policy.Interpretations) {
		in.AppellateDecisionDays = policy.Param[int]{Value: 90, Citation: policy.Citation{Section: "integrator's setting", Confidence: policy.Low}}
	}
	tests := []struct {
		name    string
		edit    func(*policy.Interpretations)
		decided string
		due     string
		status  deadlines.Status
		cite    string
	}{
		{"30 days: last day", nil, "2026-05-20", "2026-05-20", deadlines.Met, "s.6(3)"},
		{"30 days: day after", nil, "2026-05-21", "2026-05-20", deadlines.Late, "s.6(3)"},
		// 19 July 2026 is a Sunday.
		{"90 days: last day", ninety, "2026-07-19", "2026-07-19", deadlines.Met, "integrator's setting"},
		{"90 days: day after", ninety, "2026-07-20", "2026-07-19", deadlines.Late, "integrator's setting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := newEngine(t)
			if tt.edit != nil {
				eng = reinterpreted(t, tt.edit)
			}
			c := caseOn(t, eng, toDecision...)
			mustApply(t, c,
				casefsm.Event{Type: casefsm.FileAppeal, On: date("2026-04-20"), By: casefsm.Complainant},
				casefsm.Event{Type: casefsm.DecideAppeal, On: date(tt.decided), By: casefsm.Ombudsperson})
			s := c.Status(date(tt.decided))
			d := deadlineOf(t, s, policy.RuleAppealDecision)
			assert.Equal(t, tt.due, d.Due.String(), "appeal-decision due (%s)", d.Explain())
			assert.Equal(t, tt.status, d.Status, "appeal-decision status")
			assert.Contains(t, d.Citation.Section, tt.cite, "appeal-decision citation")
			late := false
			for _, b := range s.Breaches {
				late = late || b.Code == casefsm.BreachLateDuty && b.Rule == policy.RuleAppealDecision
			}
			assert.Equal(t, tt.status == deadlines.Late, late, "late_duty breach in %+v", s.Breaches)
		})
	}

	_, err := casefsm.Reinterpret(newEngine(t), policy.FederalAct2022, func(in *policy.Interpretations) { in.AppellateDecisionDays.Value = 0 })
	assert.ErrorContains(t, err, "appellate_decision_days is 0", "a policy without the period's length")
}

// ImplementationCloses (interpretation 18, s.4(6), s.8(5)): a case awaits
// implementation before it closes; switched off, it closes when finalised.
func TestImplementationCloses(t *testing.T) {
	decided := append(append([]casefsm.Event{}, toDecision...),
		casefsm.Event{Type: casefsm.CommunicateDecision, On: date("2026-04-06"), By: casefsm.CompetentAuthority})
	finalise := casefsm.Event{Type: casefsm.Finalise, On: date("2026-05-07"), By: casefsm.CompetentAuthority}
	implemented := casefsm.Event{Type: casefsm.RecordImplementation, On: date("2026-05-08"), By: casefsm.Employer}

	c := caseOn(t, newEngine(t), decided...)
	mustApply(t, c, finalise)
	assert.Equal(t, casefsm.Implementation, c.State(), "built-in: finalised, awaiting implementation")
	mustApply(t, c, implemented)
	assert.Equal(t, casefsm.Closed, c.State(), "built-in: closed on implementation")

	eng := reinterpreted(t, func(in *policy.Interpretations) { in.ImplementationCloses.Value = false })
	c = caseOn(t, eng, decided...)
	err := c.Apply(casefsm.Event{Type: casefsm.Finalise, On: date("2026-05-06"), By: casefsm.CompetentAuthority})
	require.ErrorIs(t, err, casefsm.ErrTooEarly, "the appeal periods still run on their last day")
	mustApply(t, c, finalise)
	assert.Equal(t, casefsm.Closed, c.State(), "switched off: closed when finalised")
	assert.True(t, c.Status(finalise.On).Terminal)

	c = caseOn(t, eng, decided...)
	for _, tr := range c.Definition().Transitions() {
		assert.NotEqual(t, casefsm.RecordImplementation, tr.Event, "switched off: no record_implementation row")
		assert.NotEqual(t, casefsm.Implementation, tr.To, "switched off: nothing leads to implementation (%s)", tr.Event)
		if tr.Event == casefsm.Finalise {
			assert.Contains(t, tr.Citation.Note, "the policy does not await implementation (interpretation 18", "finalise row's citation")
		}
	}
	err = c.Apply(casefsm.Event{Type: casefsm.RecordImplementation, On: date("2026-05-07"), By: casefsm.Employer})
	require.ErrorIs(t, err, casefsm.ErrNotAllowed)
	assert.ErrorContains(t, err, "policy pk-federal-2022 does not provide record implementation")
	assert.ErrorContains(t, err, "interpretation 18")
}

// ProtectiveDutiesTracked (interpretation 22) is documented as not read:
// the orders it names are the forum's statutory acts and are recorded
// whatever it says.
func TestProtectiveDutiesRecordedWhateverThePolicy(t *testing.T) {
	eng := reinterpreted(t, func(in *policy.Interpretations) { in.ProtectiveDutiesTracked.Value = false })
	c := caseOn(t, eng, toDecision[:1]...)
	mustApply(t, c,
		casefsm.Event{Type: casefsm.RecordSupport, On: date("2026-03-03"), By: casefsm.Employer, Note: "counselling arranged"},
		casefsm.Event{Type: casefsm.OrderConfidentiality, On: date("2026-03-03"), By: casefsm.InquiryCommittee},
		casefsm.Event{Type: casefsm.RecordInterimMeasure, On: date("2026-03-03"), By: casefsm.Employer},
		casefsm.Event{Type: casefsm.AwardCompensation, On: date("2026-03-04"), By: casefsm.CompetentAuthority})
	assert.Len(t, c.Events(), 5)
}
