package compliance_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

var d = civil.MustParse

// audit runs an audit without a store and returns the finding for duty id.
func audit(t *testing.T, org *compliance.Organisation, pol *policy.Policy, asOf string, id compliance.DutyID) (compliance.Finding, bool) {
	t.Helper()
	r, err := compliance.Audit(context.Background(), org, pol, nil, d(asOf), compliance.AuditOptions{})
	require.NoError(t, err)
	for _, f := range r.Findings {
		if f.Duty == id {
			return f, true
		}
	}
	return compliance.Finding{}, false
}

// acme is a private company under the 2022 Act that came under it later
// than the Act's commencement, with nothing done yet.
func acme(coveredFrom string) *compliance.Organisation {
	return &compliance.Organisation{ID: "acme", Name: "Acme Traders", Kind: compliance.Private,
		Jurisdiction: policy.Federal, Policy: policy.FederalAct2022, CoveredFrom: d(coveredFrom)}
}

func TestAuditCommitteeConstitutedOnThe30thDay(t *testing.T) {
	// Covered from 2024-01-10: the 30 days end on 2024-02-09 (trigger
	// day excluded, interpretation 6), whatever the day of the week.
	tests := []struct {
		name, constituted, asOf string
		want                    compliance.Status
	}{
		{"not yet, on the 30th day", "", "2024-02-09", compliance.Due},
		{"not yet, the day after", "", "2024-02-10", compliance.Missing},
		{"on the 30th day", "2024-02-09", "2024-03-01", compliance.Met},
		{"on the 31st day", "2024-02-10", "2024-03-01", compliance.Late},
		{"after the date audited", "2024-02-05", "2024-02-04", compliance.Due},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org := acme("2024-01-10")
			if tt.constituted != "" {
				org.Committee.ConstitutedOn = d(tt.constituted)
			}
			f, ok := audit(t, org, builtin(t, policy.FederalAct2022), tt.asOf, compliance.CommitteeConstituted)
			require.True(t, ok)
			assert.Equal(t, tt.want, f.Status, f.Detail)
			require.NotNil(t, f.Deadline)
			assert.Equal(t, d("2024-02-09"), f.Deadline.Due)
			assert.Equal(t, "s.3(1)", f.Citation.Section)
			assert.Equal(t, policy.Low, f.Citation.Confidence, "a later organisation has no statutory clock")
		})
	}
}

func TestAuditCountsFromTheActForAnOrganisationThatExistedThen(t *testing.T) {
	// An organisation older than the Act: s.3(1)'s 30 days ran from the
	// 2010 Act's commencement, though the 2022 amendment is in force now.
	org := acme("1998-07-01")
	org.Committee.ConstitutedOn = d("2010-04-08")
	pol := builtin(t, policy.FederalAct2022)
	f, ok := audit(t, org, pol, "2025-01-01", compliance.CommitteeConstituted)
	require.True(t, ok)
	assert.Equal(t, compliance.Met, f.Status, f.Detail)
	assert.Equal(t, d("2010-04-08"), f.Deadline.Due)
	rule, _ := pol.Rule(policy.RuleCommitteeConstitution)
	assert.Equal(t, rule.Citation, f.Citation, "the statute's own citation, not the low one for later organisations")
	org.Committee.ConstitutedOn = d("2010-04-09")
	f, _ = audit(t, org, builtin(t, policy.FederalAct2022), "2025-01-01", compliance.CommitteeConstituted)
	assert.Equal(t, compliance.Late, f.Status)
}

func TestAuditCodeDisplayedSixMonthsEndInAShortMonth(t *testing.T) {
	// 2022-08-31 + six months = 2023-02-28 (interpretation 5).
	tests := []struct {
		name     string
		displays []compliance.Display
		asOf     string
		want     compliance.Status
	}{
		{"both on the last day", []compliance.Display{{Language: "en", Place: "lobby", On: d("2023-02-28")}, {Language: "ur", Place: "lobby", On: d("2023-02-28")}}, "2023-06-01", compliance.Met},
		{"Urdu the day after", []compliance.Display{{Language: "en", Place: "lobby", On: d("2023-01-02")}, {Language: "ur", Place: "lobby", On: d("2023-03-01")}}, "2023-06-01", compliance.Late},
		{"English only", []compliance.Display{{Language: "en", Place: "lobby", On: d("2023-01-02")}}, "2023-03-01", compliance.Missing},
		{"English only, still in time", []compliance.Display{{Language: "en", Place: "lobby", On: d("2023-01-02")}}, "2023-02-28", compliance.Due},
		{"nothing", nil, "2023-03-01", compliance.Missing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org := acme("2022-08-31")
			org.Code.Displays = tt.displays
			f, ok := audit(t, org, builtin(t, policy.FederalAct2022), tt.asOf, compliance.CodeDisplayed)
			require.True(t, ok)
			assert.Equal(t, tt.want, f.Status, f.Detail)
			assert.Equal(t, d("2023-02-28"), f.Deadline.Due)
			assert.Equal(t, "s.11(2)", f.Citation.Section)
		})
	}
}

func TestAuditCodeDisplayedInTheMajoritysLanguage(t *testing.T) {
	org := acme("2022-08-31")
	org.MajorityLanguage = "sd"
	org.Code.Displays = []compliance.Display{{Language: "en", Place: "lobby", On: d("2023-01-02")}, {Language: "ur", Place: "lobby", On: d("2023-01-02")}}
	f, _ := audit(t, org, builtin(t, policy.FederalAct2022), "2023-06-01", compliance.CodeDisplayed)
	assert.Equal(t, compliance.Missing, f.Status, "Urdu does not stand in for Sindhi where Sindhi is the majority's language")
	assert.Contains(t, f.Detail, "en, ur")
}

func TestAuditCompetentAuthority(t *testing.T) {
	tests := []struct {
		name                         string
		designated, sent, circulated string
		asOf                         string
		designation, notice          compliance.Status
	}{
		{"nothing yet, in time", "", "", "", "2024-02-09", compliance.Due, compliance.Due},
		{"nothing, too late", "", "", "", "2024-02-10", compliance.Missing, compliance.Missing},
		{"notice on the 7th day", "2024-03-01", "2024-03-08", "2024-03-08", "2024-04-01", compliance.Late, compliance.Met},
		{"circulated on the 8th day", "2024-02-01", "2024-02-02", "2024-02-09", "2024-04-01", compliance.Met, compliance.Late},
		{"never circulated", "2024-02-01", "2024-02-02", "", "2024-02-09", compliance.Met, compliance.Missing},
		{"not circulated yet", "2024-02-01", "2024-02-02", "", "2024-02-08", compliance.Met, compliance.Due},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org := acme("2024-01-10")
			ca := &org.CompetentAuthority
			for _, x := range []struct {
				s   string
				dst *civil.Date
			}{{tt.designated, &ca.DesignatedOn}, {tt.sent, &ca.SentToOmbudspersonOn}, {tt.circulated, &ca.CirculatedOn}} {
				if x.s != "" {
					*x.dst = d(x.s)
				}
			}
			pol := builtin(t, policy.FederalAct2022)
			f, _ := audit(t, org, pol, tt.asOf, compliance.CompetentAuthorityDesignate)
			assert.Equal(t, tt.designation, f.Status, "designation: "+f.Detail)
			assert.Equal(t, "s.3(4)", f.Citation.Section)
			f, _ = audit(t, org, pol, tt.asOf, compliance.CompetentAuthorityNotified)
			assert.Equal(t, tt.notice, f.Status, "notice: "+f.Detail)
			assert.Contains(t, f.Citation.Section, "r.3(2)")
		})
	}
}

// trainedOrg is a committee of three under the riverside overlay (12
// months), the last member trained on the date given.
func trainedOrg(lastTrained, appointed string) *compliance.Organisation {
	org := acme("2024-01-01")
	org.Kind, org.Policy = compliance.University, "riverside-2024"
	course := func(on string) []compliance.Training {
		if on == "" {
			return nil
		}
		return []compliance.Training{{Course: "the Act", Provider: "a centre", On: d(on), Hours: 8}}
	}
	org.Committee = compliance.CommitteeRecord{ConstitutedOn: d("2024-01-20"), Members: []compliance.MemberRecord{
		{ID: "E-1", Name: "A", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true, Training: course("2025-01-10")},
		{ID: "E-2", Name: "B", Gender: committee.Male, Seat: committee.SeniorEmployee, Training: course("2025-01-10")},
		{ID: "E-3", Name: "C", Gender: committee.Female, Seat: committee.SeatOther, Training: course(lastTrained)},
	}}
	if appointed != "" {
		org.Committee.Members[2].AppointedOn = d(appointed)
	}
	return org
}

func TestAuditTrainingWindow(t *testing.T) {
	pol := riversidePolicy(t)
	tests := []struct {
		name, trained, appointed, asOf string
		want                           compliance.Status
		due                            string
	}{
		{"trained 12 months before, to the day", "2024-03-15", "", "2025-03-15", compliance.Met, "2025-03-15"},
		{"trained just outside the window", "2024-03-15", "", "2025-03-16", compliance.Missing, "2025-03-15"},
		{"trained on a leap day", "2024-02-29", "", "2025-02-28", compliance.Met, "2025-02-28"},
		{"leap day, a day outside", "2024-02-29", "", "2025-03-01", compliance.Missing, "2025-02-28"},
		{"training after the date audited", "2025-06-01", "", "2025-05-01", compliance.Missing, "2026-01-10"},
		{"newly appointed, untrained", "", "2025-03-01", "2025-06-01", compliance.Due, "2026-01-10"},
		{"appointed 12 months ago, untrained", "", "2024-03-01", "2025-03-02", compliance.Missing, "2025-03-01"},
		{"never trained, no appointment", "", "", "2025-03-01", compliance.Missing, "2026-01-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org := trainedOrg(tt.trained, tt.appointed)
			f, ok := audit(t, org, pol, tt.asOf, compliance.CommitteeTrained)
			require.True(t, ok)
			assert.Equal(t, tt.want, f.Status, f.Detail)
			require.NotNil(t, f.Deadline)
			assert.Equal(t, d(tt.due), f.Deadline.Due)
			assert.Equal(t, "riverside-2024 committee.trained_within_months", f.Citation.Section)
		})
	}
}

func TestAuditTrainingAgreesWithPackageCommittee(t *testing.T) {
	// The window the audit counts with package deadlines must be the one
	// package committee checks, day for day, across month ends.
	pol := riversidePolicy(t)
	v := committee.NewValidator()
	for trained := d("2024-01-28"); trained.Before(d("2024-03-03")); trained = trained.AddDays(1) {
		for asOf := trained.AddMonths(12).AddDays(-2); asOf.Before(trained.AddMonths(12).AddDays(3)); asOf = asOf.AddDays(1) {
			org := trainedOrg(trained.String(), "")
			org.Committee.Members[0].Training[0].On, org.Committee.Members[1].Training[0].On = asOf, asOf
			f, _ := audit(t, org, pol, asOf.String(), compliance.CommitteeTrained)
			rep, err := v.Check(org.CommitteeOn(asOf), pol.Committee(), committee.CheckOptions{On: asOf})
			require.NoError(t, err)
			assert.Equal(t, rep.Valid, f.Status == compliance.Met, "trained %s, audited %s", trained, asOf)
		}
	}
}

func TestAuditNoTrainingDutyWithoutAnOverlay(t *testing.T) {
	_, ok := audit(t, acme("2024-01-10"), builtin(t, policy.FederalAct2022), "2025-01-01", compliance.CommitteeTrained)
	assert.False(t, ok, "the statute requires no training")
}

func TestAuditComposition(t *testing.T) {
	pol := riversidePolicy(t)
	org := trainedOrg("2025-01-10", "")
	f, _ := audit(t, org, pol, "2025-02-01", compliance.CommitteeComposed)
	assert.Equal(t, compliance.Met, f.Status, f.Detail)
	org.Committee.Members[0].Gender = committee.Male
	org.Committee.Members[2].Gender = committee.Male
	f, _ = audit(t, org, pol, "2025-02-01", compliance.CommitteeComposed)
	assert.Equal(t, compliance.Missing, f.Status)
	assert.Contains(t, f.Detail, "woman")
	none := acme("2024-01-10")
	none.Policy = pol.ID()
	f, _ = audit(t, none, pol, "2025-02-01", compliance.CommitteeComposed)
	assert.Equal(t, compliance.Missing, f.Status, "no committee")
}

func TestAuditAcknowledgements(t *testing.T) {
	month := func(s string, hires, acks int) compliance.MonthCount {
		m, err := compliance.ParseMonth(s)
		require.NoError(t, err)
		return compliance.MonthCount{Month: m, Hires: hires, Acknowledged: acks}
	}
	tests := []struct {
		name   string
		target float64
		months []compliance.MonthCount
		want   compliance.Status
		hires  int
	}{
		{"all, default target", 0, []compliance.MonthCount{month("2024-07", 5, 5)}, compliance.Met, 5},
		{"one short, default target", 0, []compliance.MonthCount{month("2024-07", 5, 4)}, compliance.Missing, 5},
		{"at the target", 0.8, []compliance.MonthCount{month("2024-07", 5, 4)}, compliance.Met, 5},
		{"outside the 12 months", 0, []compliance.MonthCount{month("2024-05", 5, 0), month("2025-05", 5, 5)}, compliance.Met, 5},
		{"first month of the window", 0, []compliance.MonthCount{month("2024-06", 5, 0)}, compliance.Missing, 5},
		{"no hires", 0, nil, compliance.Met, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org := acme("2024-01-10")
			org.Acknowledgements = compliance.AcknowledgementRecord{Target: tt.target, Months: tt.months}
			f, _ := audit(t, org, builtin(t, policy.FederalAct2022), "2025-05-31", compliance.CodeAcknowledged)
			assert.Equal(t, tt.want, f.Status, f.Detail)
			assert.Equal(t, tt.hires, f.Counts["hires"])
		})
	}
}

func TestAuditTheExampleInUrdu(t *testing.T) {
	r, err := compliance.Audit(context.Background(), riverside(t), riversidePolicy(t), nil, d("2025-09-30"), compliance.AuditOptions{Language: committee.Urdu})
	require.NoError(t, err)
	assert.False(t, r.CasesChecked)
	got := map[compliance.DutyID]compliance.Status{}
	for _, f := range r.Findings {
		got[f.Duty] = f.Status
		assert.NotEmpty(t, f.Title)
		assert.NotEmpty(t, f.Next)
		assert.NotEmpty(t, f.Citation.Section)
		assert.NotZero(t, f.Citation.Confidence)
	}
	assert.Equal(t, map[compliance.DutyID]compliance.Status{
		compliance.CommitteeConstituted:        compliance.Met,
		compliance.CommitteeComposed:           compliance.Met,
		compliance.CommitteeTrained:            compliance.Due,
		compliance.CompetentAuthorityDesignate: compliance.Met,
		compliance.CompetentAuthorityNotified:  compliance.Met,
		compliance.CodeDisplayed:               compliance.Met,
		compliance.CodeInManagementPolicy:      compliance.Met,
		compliance.CodeAcknowledged:            compliance.Met,
	}, got)
	assert.False(t, r.Failed())
	assert.Contains(t, r.Findings[0].Title, "کمیٹی")
}

func TestAuditRefusesAPolicyThatIsNotTheOrganisations(t *testing.T) {
	_, err := compliance.Audit(context.Background(), riverside(t), builtin(t, policy.FederalAct2022), nil, d("2025-01-01"), compliance.AuditOptions{})
	assert.ErrorIs(t, err, compliance.ErrPolicy)
	org := acme("2024-01-01")
	org.Jurisdiction = policy.Punjab
	_, err = compliance.Audit(context.Background(), org, builtin(t, policy.FederalAct2022), nil, d("2025-01-01"), compliance.AuditOptions{})
	assert.ErrorIs(t, err, compliance.ErrPolicy)
}
