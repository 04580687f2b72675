package deadlines_test

import (
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/require"
)

// rule builds a DeadlineRule as the federal policy words it.
func rule(id policy.RuleID, n int, unit policy.Unit, kind policy.Kind, forum policy.Forum, section string) policy.DeadlineRule {
	return policy.DeadlineRule{
		ID: id, Kind: kind, Period: policy.Period{N: n, Unit: unit}, Forum: forum,
		Citation: policy.Citation{Section: section, Confidence: policy.High},
	}
}

// federalRules are the deadline rules of the federal Act, its Rules and the
// ombudsman framework, one per rule id, in the order policy declares them.
func federalRules() []policy.DeadlineRule {
	const d, m = policy.Days, policy.Months
	return []policy.DeadlineRule{
		rule(policy.RuleCharges, 3, d, policy.Duty, policy.InquiryCommittee, "s.4(1)(a)"),
		rule(policy.RuleDefence, 7, d, policy.Filing, policy.InquiryCommittee, "s.4(1)(b)"),
		rule(policy.RuleFindings, 30, d, policy.Duty, policy.InquiryCommittee, "s.4(4)"),
		rule(policy.RulePenalty, 7, d, policy.Duty, policy.CompetentAuthority, "s.4(5)"),
		rule(policy.RuleAppealPenalised, 30, d, policy.Filing, policy.Ombudsperson, "s.6(1)"),
		rule(policy.RuleAppealComplainant, 30, d, policy.Filing, policy.Ombudsperson, "s.6(2)"),
		rule(policy.RuleAppealDecision, 30, d, policy.Duty, policy.Ombudsperson, "s.6(3)"),
		rule(policy.RuleShowCause, 3, d, policy.Duty, policy.Ombudsperson, "s.8(2)"),
		rule(policy.RuleOmbudspersonDefence, 5, d, policy.Filing, policy.Ombudsperson, "s.8(2)"),
		rule(policy.RuleOmbudspersonDecision, 90, d, policy.Target, policy.Ombudsperson, "s.8 as amended 2022"),
		rule(policy.RuleFOIRADisposal, 60, d, policy.Target, policy.Ombudsperson, "FOIRA 2013"),
		rule(policy.RuleRepresentation, 30, d, policy.Filing, policy.PresidentOrGovernor, "s.9"),
		rule(policy.RuleRepresentationDecision, 90, d, policy.Target, policy.PresidentOrGovernor, "FOIRA 2013"),
		rule(policy.RuleCompetentAuthorityNotice, 7, d, policy.Duty, policy.Organisation, "Rules 2013 r.3(2)"),
		rule(policy.RuleCommitteeConstitution, 30, d, policy.Duty, policy.Organisation, "s.3(1)"),
		rule(policy.RuleCompetentAuthorityDesignation, 30, d, policy.Duty, policy.Organisation, "s.3(4)"),
		rule(policy.RuleCodeDisplay, 6, m, policy.Duty, policy.Organisation, "s.11(2)"),
	}
}

// ruleByID returns the federal rule with id.
func ruleByID(t testing.TB, id policy.RuleID) policy.DeadlineRule {
	t.Helper()
	for _, r := range federalRules() {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no federal rule %q", id)
	return policy.DeadlineRule{}
}

// builtin returns a built-in calendar or stops the test.
func builtin(t testing.TB, id string) *deadlines.Calendar {
	t.Helper()
	c, err := deadlines.Builtin(id)
	require.NoError(t, err, "Builtin(%q)", id)
	return c
}

// date parses a literal date.
func date(s string) civil.Date { return civil.MustParse(s) }
