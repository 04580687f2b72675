package casefsm_test

import (
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every interpretation is a parameter (interpretation 29). The settings an
// integrator may make are tested here through casefsm.Options; those that
// take a right from a party are refused by NewEngine, and their branches
// are reached through the test hook casefsm.Reinterpret.

func engineWith(t *testing.T, settings ...policy.Setting) *casefsm.Engine {
	t.Helper()
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{Interpretations: settings})
	require.NoError(t, err, "NewEngine(%+v)", settings)
	return eng
}

func TestEngineRefusesARightCut(t *testing.T) {
	for _, s := range []policy.Setting{
		{Name: "roll_forward_filings", Value: false, Note: "no"},
		{Name: "late_defence_accepted", Value: false, Note: "no"},
		{Name: "appellate_decision_days", Value: 45, Note: "no"},
		{Name: "no_such_thing", Value: true, Note: "no"},
	} {
		_, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{Interpretations: []policy.Setting{s}})
		require.ErrorIs(t, err, policy.ErrSettingRefused, "%+v", s)
		assert.ErrorContains(t, err, "interpretations."+s.Name)
	}
	eng := engineWith(t, policy.Setting{Name: "late_filing_needs_condonation", Value: false, Note: "our integration accepts late appeals"})
	c := caseOn(t, eng, toDecision...)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileAppeal, On: date("2026-05-07"), By: casefsm.Complainant})
	w := c.Status(date("2026-05-07")).Warnings
	require.NotEmpty(t, w)
	last := w[len(w)-1]
	assert.Equal(t, casefsm.WarnLateFilingAccepted, last.Code)
	assert.Equal(t, "integrator interpretations.late_filing_needs_condonation", last.Citation.Section, "the setting is cited with its note")
	assert.Contains(t, last.Citation.Note, "our integration accepts late appeals")
}

func warningCodes(s casefsm.Status) []casefsm.WarningCode {
	var out []casefsm.WarningCode
	for _, w := range s.Warnings {
		out = append(out, w.Code)
	}
	return out
}

func off(name string) policy.Setting {
	return policy.Setting{Name: name, Value: false, Note: "switched off for the test"}
}

// SubstanceByIncidentDate (interpretation 2): a student complaining of 2021
// conduct in 2022 is not covered; judged by the filing date she is.
func TestSubstanceByIncidentDate(t *testing.T) {
	h := casefsm.Header{Calendar: "pk-federal", IncidentOn: date("2021-11-10"),
		Parties: casefsm.Parties{Complainant: casefsm.Party{Relationship: policy.Student, ID: "s-9"}}}
	file := casefsm.Event{Type: casefsm.FileComplaint, On: date("2022-03-01"), By: casefsm.Complainant}
	c, err := newEngine(t).NewCase(h)
	require.NoError(t, err)
	require.ErrorIs(t, c.Apply(file), casefsm.ErrIneligibleComplainant)

	c, err = engineWith(t, off("substance_by_incident_date")).NewCase(h)
	require.NoError(t, err)
	mustApply(t, c, file)
	assert.Equal(t, policy.FederalAct2022, c.SubstancePolicy().ID())
}

// ConflictedRouteWarns (interpretation 4).
func TestConflictedRouteWarns(t *testing.T) {
	h := employeeCase()
	h.Parties.Accused.Relationship = policy.Employer
	file := casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant}
	for _, tt := range []struct {
		eng  *casefsm.Engine
		want bool
	}{{newEngine(t), true}, {engineWith(t, off("conflicted_route_warns")), false}} {
		c, err := tt.eng.NewCase(h)
		require.NoError(t, err)
		mustApply(t, c, file)
		assert.Equal(t, tt.want, containsCode(warningCodes(c.Status(file.On)), casefsm.WarnConflictedRoute))
	}
}

func containsCode(ws []casefsm.WarningCode, w casefsm.WarningCode) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// FindingsFromRecordedStart (interpretation 9): the findings period waits
// for the recorded start; switched off, it runs from the close of the
// defence.
func TestFindingsFromRecordedStart(t *testing.T) {
	evs := toDecision[:3]
	c := caseOn(t, newEngine(t), evs...)
	s := c.Status(date("2026-03-09"))
	assert.True(t, containsCode(warningCodes(s), casefsm.WarnInquiryStartNotRecorded))
	for _, d := range s.Deadlines {
		assert.NotEqual(t, policy.RuleFindings, d.Rule, "built-in: no findings period before the recorded start")
	}

	c = caseOn(t, engineWith(t, off("findings_from_recorded_start")), evs...)
	s = c.Status(date("2026-03-09"))
	assert.False(t, containsCode(warningCodes(s), casefsm.WarnInquiryStartNotRecorded))
	assert.Equal(t, "2026-04-08", deadlineOf(t, s, policy.RuleFindings).Due.String(), "switched off: 30 days from the defence")
}

// GazetteWindow (interpretation 1): a filing between assent and gazette is
// warned; with no window set, it is not.
func TestGazetteWindow(t *testing.T) {
	h := employeeCase()
	h.IncidentOn = date("2022-01-10")
	file := casefsm.Event{Type: casefsm.FileComplaint, On: date("2022-01-25"), By: casefsm.Complainant}
	for _, tt := range []struct {
		eng  *casefsm.Engine
		want bool
	}{
		{newEngine(t), true},
		{engineWith(t, policy.Setting{Name: "gazette_window", Value: "", Note: "no window"}), false},
		{engineWith(t, policy.Setting{Name: "gazette_window", Value: "2022-01-21..2022-01-25", Note: "the gazette day excluded"}), false},
	} {
		c, err := tt.eng.NewCase(h)
		require.NoError(t, err)
		mustApply(t, c, file)
		assert.Equal(t, tt.want, containsCode(warningCodes(c.Status(file.On)), casefsm.WarnGazetteWindow))
	}
}

// PenaltyMismatchIsBreach (interpretation 15, s.4(5)).
func TestPenaltyMismatchIsBreach(t *testing.T) {
	evs := append([]casefsm.Event{}, toDecision[:5]...)
	evs = append(evs, casefsm.Event{Type: casefsm.Decide, On: date("2026-04-06"), By: casefsm.CompetentAuthority,
		Penalties: []casefsm.Penalty{{Code: policy.Removal}}})
	breaches := func(eng *casefsm.Engine) int {
		n := 0
		for _, b := range caseOn(t, eng, evs...).Status(date("2026-04-06")).Breaches {
			if b.Code == casefsm.BreachPenaltyMismatch {
				n++
			}
		}
		return n
	}
	assert.Equal(t, 1, breaches(newEngine(t)), "built-in: a breach of s.4(5)")
	assert.Equal(t, 0, breaches(engineWith(t, off("penalty_mismatch_is_breach"))), "switched off")
}

// ComplainantKnowledgeAnchor (interpretation 16): told of the decision
// late, she may appeal within 30 days of being told; switched off, the
// appeal after 30 days from the decision is time-barred.
func TestComplainantKnowledgeAnchor(t *testing.T) {
	evs := append(append([]casefsm.Event{}, toDecision...),
		casefsm.Event{Type: casefsm.CommunicateDecision, On: date("2026-04-20"), By: casefsm.CompetentAuthority, To: []casefsm.Role{casefsm.Complainant}})
	appeal := casefsm.Event{Type: casefsm.FileAppeal, On: date("2026-05-15"), By: casefsm.Complainant}
	c := caseOn(t, newEngine(t), evs...)
	mustApply(t, c, appeal)
	assert.Equal(t, []casefsm.WarningCode{casefsm.WarnLateOnKnowledge}, eventWarnings(c.Status(appeal.On)))

	c = caseOn(t, engineWith(t, off("complainant_knowledge_anchor")), evs...)
	require.ErrorIs(t, c.Apply(appeal), casefsm.ErrTimeBarred)
}

// StaysPause (interpretation 10) takes a right when switched off, so only
// the test hook reaches that branch.
func TestStaysPause(t *testing.T) {
	evs := append([]casefsm.Event{}, toDecision[:2]...) // charges on 2026-03-04: defence due 2026-03-11
	evs = append(evs,
		casefsm.Event{Type: casefsm.RecordStay, On: date("2026-03-05"), By: casefsm.InquiryCommittee},
		casefsm.Event{Type: casefsm.LiftStay, On: date("2026-03-10"), By: casefsm.InquiryCommittee})
	due := func(eng *casefsm.Engine) string {
		return deadlineOf(t, caseOn(t, eng, evs...).Status(date("2026-03-10")), policy.RuleDefence).Due.String()
	}
	assert.Equal(t, "2026-03-16", due(newEngine(t)), "built-in: the 5 days of the stay are added back")
	assert.Equal(t, "2026-03-11", due(reinterpreted(t, func(in *policy.Interpretations) { in.StaysPause.Value = false })), "switched off")
}

// ExParteAfterDefencePeriod (interpretation 14) takes a right when switched
// off.
func TestExParteAfterDefencePeriod(t *testing.T) {
	exParte := casefsm.Event{Type: casefsm.ProceedExParte, On: date("2026-03-11"), By: casefsm.InquiryCommittee}
	c := caseOn(t, newEngine(t), toDecision[:2]...)
	require.ErrorIs(t, c.Apply(exParte), casefsm.ErrTooEarly, "built-in: the defence period runs until 2026-03-11")
	exParte.On = date("2026-03-12")
	mustApply(t, c, exParte)

	exParte.On = date("2026-03-05")
	c = caseOn(t, reinterpreted(t, func(in *policy.Interpretations) { in.ExParteAfterDefencePeriod.Value = false }), toDecision[:2]...)
	mustApply(t, c, exParte)
}

// RetaliationSurfaced (interpretation 21) takes a protection when switched
// off.
func TestRetaliationSurfaced(t *testing.T) {
	report := casefsm.Event{Type: casefsm.ReportRetaliation, On: date("2026-03-03"), By: casefsm.Complainant}
	c := caseOn(t, newEngine(t), toDecision[0], report)
	assert.True(t, containsCode(warningCodes(c.Status(report.On)), casefsm.WarnUnresolvedRetaliation))
	c = caseOn(t, reinterpreted(t, func(in *policy.Interpretations) { in.RetaliationSurfaced.Value = false }), toDecision[0], report)
	assert.False(t, containsCode(warningCodes(c.Status(report.On)), casefsm.WarnUnresolvedRetaliation))
}

// ExcludeTriggerDay (interpretation 6): a period counted from receipt
// without received_on is warned; the branch that switches it off takes a
// right, so only the test hook reaches it.
func TestExcludeTriggerDay(t *testing.T) {
	findings := casefsm.Event{Type: casefsm.SubmitFindings, On: date("2026-04-01"), By: casefsm.InquiryCommittee, Finding: casefsm.NotGuilty}
	evs := append(append([]casefsm.Event{}, toDecision[:4]...), findings)
	c := caseOn(t, newEngine(t), evs...)
	assert.Equal(t, []casefsm.WarningCode{casefsm.WarnMissingReceivedOn}, eventWarnings(c.Status(findings.On)))
	c = caseOn(t, reinterpreted(t, func(in *policy.Interpretations) { in.ExcludeTriggerDay.Value = false }), evs...)
	assert.Empty(t, eventWarnings(c.Status(findings.On)))
}
