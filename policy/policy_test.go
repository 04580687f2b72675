package policy

import (
	"encoding/json"
	"errors"
	"github.com/hifazat/hifazat/internal/enum/enumtest"
	"go.yaml.in/yaml/v3"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
)

func TestBuiltinIDs(t *testing.T) {
	var got []ID
	for _, p := range Builtin().All() {
		got = append(got, p.ID())
	}
	want := []ID{HEC2020, BalochistanAct2010, BalochistanAct2016, FederalAct2010, FederalAct2022, KPAct2010, KPAct2018, PunjabAct2010, PunjabAct2013, SindhAct2010}
	assert.Equal(t, want, got, "Builtin().All() ids")
}

func TestBuiltinFresh(t *testing.T) {
	a, b := Builtin(), Builtin()
	pa, err := a.Get(FederalAct2022)
	require.NoError(t, err)
	pb, err := b.Get(FederalAct2022)
	require.NoError(t, err)
	assert.NotSame(t, pa, pb, "Builtin() must build afresh, not share a cache")
	rules := pa.Rules()
	rules[0].Period.N = 99
	r, _ := pa.Rule(rules[0].ID)
	assert.Equal(t, 3, r.Period.N, "Rules() must return a copy")
}

// checkCitation fails unless c has a section and a known confidence.
func checkCitation(t *testing.T, c Citation, where ...any) {
	t.Helper()
	assert.NotEmpty(t, c.Section, where...)
	assert.Contains(t, []Confidence{High, Medium, Low}, c.Confidence, where...)
}

// citations returns every Citation reachable in v's exported fields, with
// the field path.
func citations(path string, v reflect.Value, out map[string]Citation) {
	if c, ok := v.Interface().(Citation); ok {
		out[path] = c
		return
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).IsExported() {
			citations(path+"."+v.Type().Field(i).Name, v.Field(i), out)
		}
	}
}

func TestEveryBuiltinRuleCited(t *testing.T) {
	for _, p := range Builtin().All() {
		t.Run(string(p.ID()), func(t *testing.T) {
			checkCitation(t, p.Instrument(), "%s instrument", p.ID())
			assert.True(t, p.Jurisdiction().Valid(), "%s jurisdiction", p.ID())
			assert.True(t, p.Validity().From.IsValid(), "%s validity", p.ID())
			require.NotEmpty(t, p.Rules(), "%s rules", p.ID())
			for _, r := range p.Rules() {
				checkCitation(t, r.Citation, "%s rule %s", p.ID(), r.ID)
				assert.NotEqual(t, KindUnknown, r.Kind, "%s rule %s kind", p.ID(), r.ID)
				assert.NotEqual(t, ForumUnknown, r.Forum, "%s rule %s forum", p.ID(), r.ID)
				assert.Positive(t, r.Period.N, "%s rule %s period", p.ID(), r.ID)
				assert.NotEmpty(t, r.Trigger, "%s rule %s trigger", p.ID(), r.ID)
				got, ok := p.Rule(r.ID)
				assert.True(t, ok && got == r, "%s Rule(%s) = %v, %v; want %v", p.ID(), r.ID, got, ok, r)
			}
			for _, x := range p.Penalties() {
				checkCitation(t, x.Citation, "%s penalty %s", p.ID(), x.Code)
			}
			for _, r := range p.Complainants() {
				ok, c := p.MayComplain(r)
				assert.True(t, ok, "%s MayComplain(%s)", p.ID(), r)
				checkCitation(t, c, "%s MayComplain(%s)", p.ID(), r)
			}
			all := map[string]Citation{}
			citations("committee", reflect.ValueOf(p.Committee()), all)
			citations("routes", reflect.ValueOf(p.Routes()), all)
			citations("interpretations", reflect.ValueOf(p.Interpretations()), all)
			citations("harassment", reflect.ValueOf(p.Harassment()), all)
			for path, c := range all {
				checkCitation(t, c, "%s %s", p.ID(), path)
			}
			assert.Len(t, all, 10+14+18+4, "%s: citations found", p.ID())
		})
	}
}

func TestFederalRules(t *testing.T) {
	tests := []struct {
		id      RuleID
		kind    Kind
		period  Period
		forum   Forum
		section string
	}{
		{RuleCharges, Duty, days(3), InquiryCommittee, "s.4(1)(a)"},
		{RuleDefence, Filing, days(7), InquiryCommittee, "s.4(1)(b)"},
		{RuleFindings, Duty, days(30), InquiryCommittee, "s.4(4)"},
		{RulePenalty, Duty, days(7), CompetentAuthority, "s.4(5)"},
		{RuleAppealPenalised, Filing, days(30), Ombudsperson, "s.6(1)"},
		{RuleAppealComplainant, Filing, days(30), Ombudsperson, "s.6(2)"},
		{RuleAppealDecision, Duty, days(30), Ombudsperson, "s.6(3)"},
		{RuleShowCause, Duty, days(3), Ombudsperson, "s.8(2)"},
		{RuleOmbudspersonDefence, Filing, days(5), Ombudsperson, "s.8(2)"},
		{RuleFOIRADisposal, Target, days(60), Ombudsperson, "FOIRA 2013 (section not read)"},
		{RuleRepresentation, Filing, days(30), PresidentOrGovernor, "s.9"},
		{RuleRepresentationDecision, Target, days(90), PresidentOrGovernor, "FOIRA 2013 (section not read)"},
		{RuleCompetentAuthorityNotice, Duty, days(7), Organisation, "Rules 2013 r.3(2)"},
		{RuleCommitteeConstitution, Duty, days(30), Organisation, "s.3(1)"},
		{RuleCompetentAuthorityDesignation, Duty, days(30), Organisation, "s.3(4)"},
		{RuleCodeDisplay, Duty, Period{6, Months}, Organisation, "s.11(2)"},
	}
	p, err := Builtin().Get(FederalAct2010)
	require.NoError(t, err)
	var order []RuleID
	for _, tt := range tests {
		order = append(order, tt.id)
		t.Run(string(tt.id), func(t *testing.T) {
			r, ok := p.Rule(tt.id)
			require.True(t, ok, "Rule(%s)", tt.id)
			assert.Equal(t, tt.kind, r.Kind, "Rule(%s).Kind", tt.id)
			assert.Equal(t, tt.period, r.Period, "Rule(%s).Period", tt.id)
			assert.Equal(t, tt.forum, r.Forum, "Rule(%s).Forum", tt.id)
			assert.Equal(t, tt.section, r.Citation.Section, "Rule(%s).Citation.Section", tt.id)
		})
	}
	var got []RuleID
	for _, r := range p.Rules() {
		got = append(got, r.ID)
	}
	assert.Equal(t, order, got, "Rules() lifecycle order")
}

func TestRulePresence(t *testing.T) {
	tests := []struct {
		policy ID
		rule   RuleID
		want   bool
	}{
		{FederalAct2010, RuleOmbudspersonDecision, false},
		{FederalAct2022, RuleOmbudspersonDecision, true},
		{HEC2020, RuleOmbudspersonDecision, true},
		{FederalAct2010, RuleFOIRADisposal, true},
		{FederalAct2022, RuleRepresentationDecision, true},
		{PunjabAct2013, RuleFOIRADisposal, false},
		{SindhAct2010, RuleRepresentationDecision, false},
		{KPAct2018, RuleOmbudspersonDecision, false},
		{BalochistanAct2016, RuleCharges, true},
		{FederalAct2022, "no-such-rule", false},
	}
	s := Builtin()
	for _, tt := range tests {
		p, err := s.Get(tt.policy)
		require.NoError(t, err, "Get(%s)", tt.policy)
		_, ok := p.Rule(tt.rule)
		assert.Equal(t, tt.want, ok, "%s.Rule(%s)", tt.policy, tt.rule)
	}
	p, _ := s.Get(FederalAct2022)
	r, _ := p.Rule(RuleOmbudspersonDecision)
	assert.Equal(t, Target, r.Kind, "ombudsperson-decision is a target")
	assert.Equal(t, High, r.Citation.Confidence, "ombudsperson-decision confidence")
	assert.Equal(t, "s.8(6) as inserted by Act V of 2022", r.Citation.Section, "ombudsperson-decision section")
	r, _ = p.Rule(RuleRepresentationDecision)
	assert.Equal(t, "s.9 as amended by Act V of 2022", r.Citation.Section, "representation-decision section")
	assert.Equal(t, High, r.Citation.Confidence, "representation-decision confidence")
	assert.False(t, r.Since.IsValid(), "the 2022 representation-decision period is statutory, not FOIRA's")
	r, _ = p.Rule(RuleAppealDecision)
	assert.Equal(t, High, r.Citation.Confidence, "appeal-decision confidence")
	p10, _ := s.Get(FederalAct2010)
	for _, id := range []RuleID{RuleFOIRADisposal, RuleRepresentationDecision} {
		r, _ := p10.Rule(id)
		assert.Equal(t, "2013-02-12", r.Since.String(), "%s since FOIRA", id)
		assert.False(t, r.AppliesFrom(civil.MustParse("2013-02-11")), "%s the day before FOIRA", id)
		assert.True(t, r.AppliesFrom(civil.MustParse("2013-02-12")), "%s FOIRA's first day", id)
	}
	assert.Equal(t, "2013-02-12", p10.Routes().RepresentationAgainstAppealFrom.Value.String(), "representation against appeal from FOIRA")
}

func TestInheritedMarks(t *testing.T) {
	tests := []struct {
		policy    ID
		rule      RuleID
		inherited bool
		conf      Confidence
	}{
		{FederalAct2010, RuleCharges, false, High},
		{FederalAct2022, RuleCharges, false, High},
		{KPAct2018, RuleCharges, false, High},
		{SindhAct2010, RuleCharges, false, Medium},
		{PunjabAct2013, RuleCharges, true, Medium},
		{BalochistanAct2016, RuleCharges, true, Low},
		{KPAct2018, RuleCompetentAuthorityNotice, true, Low},
		{HEC2020, RuleFindings, true, Low},
		{HEC2020, RuleShowCause, false, High}, // the Ombudsperson's own rule
	}
	s := Builtin()
	for _, tt := range tests {
		p, err := s.Get(tt.policy)
		require.NoError(t, err)
		r, ok := p.Rule(tt.rule)
		require.True(t, ok, "%s.Rule(%s)", tt.policy, tt.rule)
		assert.Equal(t, tt.inherited, r.Citation.Inherited, "%s.Rule(%s).Citation.Inherited", tt.policy, tt.rule)
		assert.Equal(t, tt.conf, r.Citation.Confidence, "%s.Rule(%s).Citation.Confidence", tt.policy, tt.rule)
	}
}

// TestHECMarks checks that the HEC policy marks every rule of the
// institution's own forums as inherited and low, and leaves the statute's
// rules for the Ombudsperson as the statute cites them.
func TestHECMarks(t *testing.T) {
	s := Builtin()
	hec, err := s.Get(HEC2020)
	require.NoError(t, err)
	base, err := s.Get(FederalAct2022)
	require.NoError(t, err)
	marked := func(c Citation) bool { return c.Inherited && c.Confidence == Low }
	for _, r := range hec.Rules() {
		b, _ := base.Rule(r.ID)
		if r.Forum.institutional() {
			assert.True(t, marked(r.Citation), "hec-2020 rule %s: %v", r.ID, r.Citation)
		} else {
			assert.Equal(t, b.Citation, r.Citation, "hec-2020 rule %s keeps the statute's citation", r.ID)
		}
	}
	for _, x := range hec.Penalties() {
		assert.True(t, marked(x.Citation), "hec-2020 penalty %s: %v", x.Code, x.Citation)
	}
	committee := map[string]Citation{}
	citations("committee", reflect.ValueOf(hec.Committee()), committee)
	for path, c := range committee {
		assert.True(t, marked(c), "hec-2020 %s: %v", path, c)
	}
	assert.True(t, marked(hec.Routes().ExParteCommittee.Citation), "hec-2020 ex parte before the committee: %v", hec.Routes().ExParteCommittee.Citation)
	assert.Equal(t, base.Routes().ExParteOmbudsperson, hec.Routes().ExParteOmbudsperson, "hec-2020 ex parte before the Ombudsperson")
	assert.Equal(t, base.Routes().Appeal, hec.Routes().Appeal, "hec-2020 appeal")
}

func TestEligibility(t *testing.T) {
	tests := []struct {
		policy   ID
		r        Relationship
		complain bool
		accused  bool
		section  string
	}{
		{FederalAct2010, Employee, true, true, "s.2(f)"},
		{FederalAct2010, Intern, true, true, "s.2(f)"},
		{FederalAct2010, Student, false, false, "s.2(e), (f)"},
		{FederalAct2010, DomesticWorker, false, false, "s.2(e), (f)"},
		{FederalAct2010, FormerEmployee, false, false, "s.2(e), (f)"},
		{FederalAct2022, Student, true, true, "s.2(f) as substituted by Act V of 2022"},
		{FederalAct2022, DomesticWorker, true, true, "s.2(f) as substituted by Act V of 2022"},
		{FederalAct2022, Volunteer, true, true, "s.2(f) as substituted by Act V of 2022"},
		{FederalAct2022, FormerEmployee, true, false, "s.2(e) as amended by Act V of 2022"},
		{FederalAct2022, GuardianOfMinor, true, false, "s.2(e) as amended by Act V of 2022"},
		{FederalAct2022, Employer, false, true, "s.2(e), (f) as amended by Act V of 2022"},
		{FederalAct2022, CompetentAuthorityMember, false, true, "s.2(e), (f) as amended by Act V of 2022"},
		{FederalAct2022, "alien", false, false, "s.2(e), (f) as amended by Act V of 2022"},
		{PunjabAct2013, Student, false, false, "s.2(e), (f)"},
		{SindhAct2010, GigWorker, false, false, "s.2(e), (f)"},
		{KPAct2018, Apprentice, true, true, "s.2(f)"},
		{HEC2020, Student, true, true, "HEC Policy 2020 s.3 (Jurisdiction); s.2(f) as substituted by Act V of 2022"},
	}
	s := Builtin()
	for _, tt := range tests {
		t.Run(string(tt.policy)+"/"+string(tt.r), func(t *testing.T) {
			p, err := s.Get(tt.policy)
			require.NoError(t, err)
			ok, c := p.MayComplain(tt.r)
			assert.Equal(t, tt.complain, ok, "%s.MayComplain(%s)", tt.policy, tt.r)
			assert.Equal(t, tt.section, c.Section, "%s.MayComplain(%s) citation", tt.policy, tt.r)
			checkCitation(t, c, "%s.MayComplain(%s)", tt.policy, tt.r)
			ok, c = p.MayBeAccused(tt.r)
			assert.Equal(t, tt.accused, ok, "%s.MayBeAccused(%s)", tt.policy, tt.r)
			checkCitation(t, c, "%s.MayBeAccused(%s)", tt.policy, tt.r)
		})
	}
}

func TestComplainantsSorted(t *testing.T) {
	for _, p := range Builtin().All() {
		got := p.Complainants()
		assert.True(t, slices.IsSorted(got), "%s.Complainants() = %v, want sorted", p.ID(), got)
		assert.Contains(t, got, Employee, "%s.Complainants()", p.ID())
	}
	p, _ := Builtin().Get(FederalAct2010)
	assert.Equal(t, []Relationship{Apprentice, Employee, Intern}, p.Complainants(), "2010 complainants")
	p, _ = Builtin().Get(FederalAct2022)
	assert.Len(t, p.Complainants(), 18, "2022 complainants")
}

func TestFor(t *testing.T) {
	tests := []struct {
		j    Jurisdiction
		on   string
		want ID // "" means ErrNoPolicyInForce
	}{
		{Federal, "2010-03-08", ""},
		{Federal, "2010-03-09", FederalAct2010},
		{Federal, "2015-06-30", FederalAct2010},
		{Federal, "2022-01-20", FederalAct2010},
		{Federal, "2022-01-21", FederalAct2022},
		{Federal, "2099-12-31", FederalAct2022},
		{Punjab, "2010-03-08", ""},
		{Punjab, "2010-03-09", PunjabAct2010},
		{Punjab, "2012-05-01", PunjabAct2010},
		{Punjab, "2013-01-02", PunjabAct2010},
		{Punjab, "2013-01-03", PunjabAct2013},
		{Sindh, "2010-03-09", SindhAct2010},
		{Sindh, "2010-03-08", ""},
		{KP, "2010-03-09", KPAct2010},
		{KP, "2018-02-19", KPAct2010},
		{KP, "2018-02-20", KPAct2018},
		{Balochistan, "2010-03-09", BalochistanAct2010},
		{Balochistan, "2016-01-20", BalochistanAct2010},
		{Balochistan, "2016-01-21", BalochistanAct2016},
	}
	s := Builtin()
	for _, tt := range tests {
		t.Run(string(tt.j)+"/"+tt.on, func(t *testing.T) {
			p, err := s.For(tt.j, civil.MustParse(tt.on))
			if tt.want == "" {
				require.ErrorIs(t, err, ErrNoPolicyInForce, "For(%s, %s)", tt.j, tt.on)
				var npe *NoPolicyError
				require.True(t, errors.As(err, &npe), "For(%s, %s) error type", tt.j, tt.on)
				assert.Equal(t, tt.j, npe.Jurisdiction)
				assert.Equal(t, tt.on, npe.Date.String())
				return
			}
			require.NoError(t, err, "For(%s, %s)", tt.j, tt.on)
			assert.Equal(t, tt.want, p.ID(), "For(%s, %s)", tt.j, tt.on)
		})
	}
}

func TestForErrors(t *testing.T) {
	s := Builtin()
	_, err := s.For("ict", civil.MustParse("2020-01-01"))
	assert.ErrorIs(t, err, ErrUnknownJurisdiction, "For(ict)")
	_, err = s.For(Federal, civil.Date{})
	assert.ErrorIs(t, err, ErrNoPolicyInForce, "For(federal, zero date)")
	assert.Contains(t, err.Error(), "no date given")
	var empty Set
	_, err = empty.For(Federal, civil.MustParse("2020-01-01"))
	assert.ErrorIs(t, err, ErrNoPolicyInForce, "zero Set For")
	_, err = empty.Get(FederalAct2010)
	assert.ErrorIs(t, err, ErrUnknownPolicy, "zero Set Get")
}

// TestNoPolicyError checks that a date no statute covers is reported with
// the first date the jurisdiction is covered.
func TestNoPolicyError(t *testing.T) {
	s := Builtin()
	f10, _ := s.Get(FederalAct2010)
	only2010, err := NewSet(f10)
	require.NoError(t, err, "NewSet(pk-federal-2010)")
	tests := []struct {
		name  string
		set   *Set
		j     Jurisdiction
		on    string
		first string
		msg   string
	}{
		{"federal before the Act", s, Federal, "2010-03-08", "2010-03-09",
			"policy: no policy in force for federal on 2010-03-08: coverage starts on 2010-03-09, when its first statute took effect"},
		{"punjab before the federal Act", s, Punjab, "2010-03-08", "2010-03-09", "punjab on 2010-03-08: coverage starts on 2010-03-09"},
		{"after the last statute ended", only2010, Federal, "2022-01-21", "2010-03-09",
			"policy: no policy in force for federal on 2022-01-21: no statute of federal in the set covers that date (coverage starts on 2010-03-09)"},
		{"no statute of the jurisdiction", only2010, Sindh, "2020-01-01", "", "policy: no policy in force for sindh on 2020-01-01: the set has no statute of sindh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.set.For(tt.j, civil.MustParse(tt.on))
			var npe *NoPolicyError
			require.ErrorAs(t, err, &npe, "For(%s, %s)", tt.j, tt.on)
			assert.Equal(t, tt.first, npe.FirstInForce.String(), "For(%s, %s).FirstInForce", tt.j, tt.on)
			assert.Contains(t, err.Error(), tt.msg, "For(%s, %s)", tt.j, tt.on)
		})
	}
}

func TestGetUnknown(t *testing.T) {
	_, err := Builtin().Get("pk-federal-2099")
	require.ErrorIs(t, err, ErrUnknownPolicy)
	var upe *UnknownPolicyError
	require.True(t, errors.As(err, &upe))
	assert.Equal(t, ID("pk-federal-2099"), upe.ID)
	assert.Contains(t, err.Error(), "pk-federal-2010, pk-federal-2022", "message lists the known ids")
}

func TestNewSet(t *testing.T) {
	s := Builtin()
	f10, _ := s.Get(FederalAct2010)
	f22, _ := s.Get(FederalAct2022)
	hec, _ := s.Get(HEC2020)
	overlapping := *f22
	overlapping.id = "pk-federal-overlap"
	overlapping.validity = Interval{From: civil.MustParse("2022-01-20")}
	tests := []struct {
		name string
		ps   []*Policy
		ok   bool
	}{
		{"empty", nil, true},
		{"both federal", []*Policy{f22, f10}, true},
		{"overlay overlaps freely", []*Policy{f10, f22, hec}, true},
		{"duplicate", []*Policy{f10, f10}, false},
		{"nil", []*Policy{f10, nil}, false},
		{"overlapping statutes", []*Policy{f10, &overlapping}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewSet(tt.ps...)
			if tt.ok {
				assert.NoError(t, err, "NewSet(%s)", tt.name)
			} else {
				assert.ErrorIs(t, err, ErrInvalidSet, "NewSet(%s)", tt.name)
			}
		})
	}
}

func TestPenalties(t *testing.T) {
	p, _ := Builtin().Get(FederalAct2022)
	var codes []PenaltyCode
	minor := 0
	for _, x := range p.Penalties() {
		codes = append(codes, x.Code)
		if x.Severity == Minor {
			minor++
		}
	}
	assert.Equal(t, []PenaltyCode{Censure, WithholdPromotionOrIncrement, StopAtEfficiencyBar, RecoverCompensation,
		ReduceRank, CompulsoryRetirement, Removal, Dismissal, SuspendOrCancelLicense, Fine}, codes, "Penalties() order")
	for _, id := range []ID{FederalAct2010, PunjabAct2013, SindhAct2010, KPAct2018, BalochistanAct2016, PunjabAct2010} {
		q, _ := Builtin().Get(id)
		_, ok := q.Penalty(SuspendOrCancelLicense)
		assert.False(t, ok, "%s has no s.4(4)(ii)(da)", id)
	}
	assert.Equal(t, 4, minor, "minor penalties")
	fine, ok := p.Penalty(Fine)
	require.True(t, ok)
	assert.Contains(t, fine.Citation.Note, "in case of the owner the fine is payable to the complainant")
	_, ok = p.Penalty("flogging")
	assert.False(t, ok, "Penalty(flogging)")
}

func TestCommittee(t *testing.T) {
	for _, p := range Builtin().All() {
		c := p.Committee()
		assert.Equal(t, 3, c.Size.Value, "%s size", p.ID())
		assert.Equal(t, 1, c.MinWomen.Value, "%s min women", p.ID())
		assert.True(t, c.SeniorManagement.Value && c.EmployeeRepresentative.Value && c.Chair.Value &&
			c.OutsidersOnlyIfNeeded.Value && c.ReplaceConflicted.Value, "%s statutory rules on", p.ID())
		assert.False(t, c.FemaleChair.Value || c.SignalsRefuse.Value || c.TrainedWithinMonths.Value != 0, "%s overlay rules off", p.ID())
	}
}

func TestRoutes(t *testing.T) {
	tests := []struct {
		policy    ID
		authority Authority
		againstAp bool
	}{
		{FederalAct2010, AuthorityPresidentOrGovernor, true},
		{FederalAct2022, AuthorityPresidentOrGovernor, true},
		{PunjabAct2013, AuthorityGovernor, false},
		{SindhAct2010, AuthorityGovernor, false},
		{KPAct2018, AuthorityGovernor, false},
		{BalochistanAct2016, AuthorityGovernor, false},
	}
	s := Builtin()
	for _, tt := range tests {
		p, _ := s.Get(tt.policy)
		r := p.Routes()
		assert.Equal(t, tt.authority, r.RepresentationTo.Value, "%s RepresentationTo", tt.policy)
		assert.Equal(t, tt.againstAp, r.RepresentationAgainstAppeal.Value, "%s RepresentationAgainstAppeal", tt.policy)
		assert.Equal(t, Mandatory, r.ExParteCommittee.Value, "%s ExParteCommittee", tt.policy)
		assert.Equal(t, Discretionary, r.ExParteOmbudsperson.Value, "%s ExParteOmbudsperson", tt.policy)
		assert.True(t, r.DirectToOmbudsperson.Value && r.Withdrawal.Value && r.Informal.Value, "%s routes", tt.policy)
	}
	p, _ := s.Get(PunjabAct2013)
	assert.Equal(t, "2013-04-01", p.Routes().OmbudspersonReachFrom.Value.String(), "Punjab reach")
}

func TestInterpretations(t *testing.T) {
	s := Builtin()
	p10, _ := s.Get(FederalAct2010)
	p22, _ := s.Get(FederalAct2022)
	assert.Equal(t, 30, p10.Interpretations().AppellateDecisionDays.Value)
	assert.Equal(t, 30, p22.Interpretations().AppellateDecisionDays.Value)
	w := p22.Interpretations().GazetteWindow.Value
	for d, want := range map[string]bool{"2022-01-20": false, "2022-01-21": true, "2022-01-25": true, "2022-01-26": false} {
		assert.Equal(t, want, w.Contains(civil.MustParse(d)), "2022 gazette window contains %s", d)
	}
}

func TestCalendarFor(t *testing.T) {
	tests := []struct {
		policy   ID
		forum    Forum
		own      string
		want     string
		fallback bool
	}{
		{FederalAct2022, InquiryCommittee, "", CalendarFederal, true},
		{FederalAct2022, InquiryCommittee, "acme-2026", "acme-2026", false},
		{FederalAct2022, Organisation, "", CalendarFederal, true},
		{FederalAct2022, CompetentAuthority, "acme-2026", "acme-2026", false},
		{FederalAct2022, Ombudsperson, "", CalendarIslamabad, false},
		{FederalAct2022, Ombudsperson, "acme-2026", CalendarIslamabad, false},
		{FederalAct2010, PresidentOrGovernor, "", CalendarIslamabad, false},
		{HEC2020, Ombudsperson, "", CalendarIslamabad, false},
		{PunjabAct2013, Ombudsperson, "", CalendarFederal, true},
		{PunjabAct2013, InquiryCommittee, "acme-2026", "acme-2026", false},
		{KPAct2018, PresidentOrGovernor, "acme-2026", CalendarFederal, true},
		{FederalAct2022, ForumUnknown, "acme-2026", "", false},
	}
	s := Builtin()
	for _, tt := range tests {
		p, _ := s.Get(tt.policy)
		got := p.CalendarFor(tt.forum, tt.own)
		assert.Equal(t, tt.want, got.Value, "%s.CalendarFor(%s, %q)", tt.policy, tt.forum, tt.own)
		assert.Equal(t, tt.fallback, got.Fallback, "%s.CalendarFor(%s, %q).Fallback", tt.policy, tt.forum, tt.own)
		if tt.want != "" {
			checkCitation(t, got.Citation, "%s.CalendarFor(%s, %q)", tt.policy, tt.forum, tt.own)
		}
	}
	p, _ := s.Get(PunjabAct2013)
	assert.Contains(t, p.CalendarFor(Ombudsperson, "").Citation.Note, "provincial calendars are not in the data")
}

func TestInterval(t *testing.T) {
	iv := Interval{From: civil.MustParse("2010-03-09"), Until: civil.MustParse("2022-01-21")}
	tests := []struct {
		iv   Interval
		d    civil.Date
		want bool
	}{
		{iv, civil.MustParse("2010-03-08"), false},
		{iv, civil.MustParse("2010-03-09"), true},
		{iv, civil.MustParse("2022-01-20"), true},
		{iv, civil.MustParse("2022-01-21"), false},
		{iv, civil.Date{}, false},
		{Interval{From: civil.MustParse("2022-01-21")}, civil.MustParse("9999-12-31"), true},
		{Interval{}, civil.MustParse("0001-01-01"), true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.iv.Contains(tt.d), "%v.Contains(%v)", tt.iv, tt.d)
	}
	assert.Equal(t, "2010-03-09..2022-01-21", iv.String())
	assert.False(t, iv.Overlaps(Interval{From: civil.MustParse("2022-01-21")}), "adjacent intervals do not overlap")
	assert.True(t, iv.Overlaps(Interval{From: civil.MustParse("2022-01-20")}), "one shared day overlaps")
	assert.True(t, Interval{}.Overlaps(iv), "the zero interval overlaps everything")
}

func TestRelationships(t *testing.T) {
	all := Relationships()
	assert.True(t, slices.IsSorted(all), "Relationships() sorted: %v", all)
	assert.Len(t, all, 20)
	for _, r := range all {
		got, err := ParseRelationship(string(r))
		assert.NoError(t, err, "ParseRelationship(%s)", r)
		assert.Equal(t, r, got)
	}
	for _, bad := range []string{"", "Employee", "contractor", "employee "} {
		_, err := ParseRelationship(bad)
		assert.ErrorIs(t, err, ErrUnknownRelationship, "ParseRelationship(%q)", bad)
	}
	var r Relationship
	assert.Error(t, r.UnmarshalText([]byte("boss")), "UnmarshalText(boss)")
	_, err := Relationship("boss").MarshalText()
	assert.Error(t, err, "MarshalText(boss)")
}

func TestJurisdiction(t *testing.T) {
	for _, j := range Jurisdictions() {
		got, err := ParseJurisdiction(string(j))
		assert.NoError(t, err, "ParseJurisdiction(%s)", j)
		assert.Equal(t, j, got)
	}
	_, err := ParseJurisdiction("ict")
	assert.ErrorIs(t, err, ErrUnknownJurisdiction)
	assert.True(t, slices.IsSorted(Jurisdictions()))
}

// Every penalty, the zero one included, reads back as it was written.
func TestPenaltyRoundTrip(t *testing.T) {
	p22, err := Builtin().Get(FederalAct2022)
	require.NoError(t, err)
	for _, p := range append(p22.Penalties(), Penalty{}, Penalty{Code: Fine}) {
		b, err := json.Marshal(p)
		require.NoError(t, err, "Marshal(%+v)", p)
		var got Penalty
		require.NoError(t, json.Unmarshal(b, &got), "Unmarshal(%s)", b)
		assert.Equal(t, p, got, "JSON round trip of %s", b)
		y, err := yaml.Marshal(p)
		require.NoError(t, err, "yaml.Marshal(%+v)", p)
		got = Penalty{}
		require.NoError(t, yaml.Unmarshal(y, &got), "yaml.Unmarshal(%s)", y)
		assert.Equal(t, p, got, "YAML round trip of %s", y)
	}
}

// Every enum of the package follows package enum's rules: each value
// round-trips through its name, and unknown names are refused listing the
// valid ones.
func TestEnumText(t *testing.T) {
	enumtest.Check(t, []string{"unknown", "high", "medium", "low"}, []Confidence{ConfidenceUnknown, High, Medium, Low})
	enumtest.Check(t, []string{"duty", "filing", "target"}, []Kind{Duty, Filing, Target})
	enumtest.Check(t, []string{"days", "months"}, []Unit{Days, Months})
	enumtest.Check(t, []string{"organisation", "inquiry_committee", "competent_authority", "ombudsperson", "president_or_governor"},
		[]Forum{Organisation, InquiryCommittee, CompetentAuthority, Ombudsperson, PresidentOrGovernor})
	enumtest.Check(t, []string{"minor", "major"}, []Severity{Minor, Major})
	enumtest.Check(t, []string{"mandatory", "discretionary"}, []ExParte{Mandatory, Discretionary})
}

// TestRules2013Dated checks that the 2010 policy, in force before the Rules
// 2013 were made, says so where it cites them.
func TestRules2013Dated(t *testing.T) {
	s := Builtin()
	for _, id := range []ID{FederalAct2010, FederalAct2022} {
		p, err := s.Get(id)
		require.NoError(t, err, "Get(%s)", id)
		r, ok := p.Rule(RuleCompetentAuthorityNotice)
		require.True(t, ok, "%s.Rule(%s)", id, RuleCompetentAuthorityNotice)
		for what, c := range map[string]Citation{"competent-authority-notice": r.Citation, "withdrawal": p.Routes().Withdrawal.Citation} {
			assert.Contains(t, c.Section, "Rules 2013", "%s %s", id, what)
			assert.Equal(t, id == FederalAct2010, strings.Contains(c.Note, "made in 2013"), "%s %s note %q", id, what, c.Note)
		}
	}
}

// hec-2020 rests on the federal Act in force on the filing date
// (interpretation 3, revised): a 2021 filing gets neither 90-day period.
func TestHECEras(t *testing.T) {
	p, err := Builtin().Get(HEC2020)
	require.NoError(t, err)
	tests := []struct {
		on      string
		ok      bool
		base    ID
		ninety  bool
		student bool // may a student complain to the Ombudsperson
	}{
		{"2020-06-30", false, "", false, false},
		{"2020-07-01", true, FederalAct2010, false, false},
		{"2022-01-20", true, FederalAct2010, false, false},
		{"2022-01-21", true, FederalAct2022, true, true},
		{"2023-05-01", true, FederalAct2022, true, true},
	}
	for _, tt := range tests {
		v, ok := p.At(civil.MustParse(tt.on))
		require.Equal(t, tt.ok, ok, "At(%s)", tt.on)
		if !ok {
			continue
		}
		assert.Equal(t, HEC2020, v.ID(), "At(%s) id", tt.on)
		assert.Equal(t, tt.base, v.Base(), "At(%s) base", tt.on)
		_, has := v.Rule(RuleOmbudspersonDecision)
		assert.Equal(t, tt.ninety, has, "At(%s) ombudsperson-decision", tt.on)
		r, _ := v.Rule(RuleRepresentationDecision)
		assert.Equal(t, tt.ninety, strings.HasPrefix(r.Citation.Section, "s.9"), "At(%s) representation-decision under s.9 (before 2022 only FOIRA's target): %s", tt.on, r.Citation.Section)
		ok, _ = v.MayComplainTo(InquiryCommittee, Student)
		assert.True(t, ok, "At(%s): the university's committee hears a student", tt.on)
		ok, c := v.MayComplainTo(Ombudsperson, Student)
		assert.Equal(t, tt.student, ok, "At(%s): a student at the Ombudsperson (%s)", tt.on, c)
		checkCitation(t, c, "At(%s) MayComplainTo(ombudsperson, student)", tt.on)
	}
	assert.Len(t, p.Eras(), 2)
	f, _ := Builtin().Get(FederalAct2022)
	same, ok := f.At(civil.MustParse("2023-01-01"))
	assert.True(t, ok && same == f, "a statute is its own only era")
	_, ok = f.At(civil.MustParse("2015-01-01"))
	assert.False(t, ok, "outside the validity")
}

// The direct route follows s.8(1): since 2022 any complainant within s.2(e)
// federally; an overlay's extra complainants reach its own committee only.
func TestMayComplainTo(t *testing.T) {
	s := Builtin()
	f22, _ := s.Get(FederalAct2022)
	for _, r := range []Relationship{FormerEmployee, GuardianOfMinor, Student, DomesticWorker} {
		ok, c := f22.MayComplainTo(Ombudsperson, r)
		assert.True(t, ok, "federal 2022: %s directly to the Ombudsperson", r)
		assert.Contains(t, c.Section, "Act V of 2022", "%s", r)
	}
	o := Overlay{ID: "uni-2012", Title: "University", Base: PunjabAct2010, From: civil.MustParse("2012-01-01"), Complainants: []Relationship{Student}}
	p, err := s.Apply(o)
	require.NoError(t, err)
	ok, _ := p.MayComplainTo(InquiryCommittee, Student)
	assert.True(t, ok, "the overlay's committee hears a student")
	ok, c := p.MayComplainTo(Ombudsperson, Student)
	assert.False(t, ok, "the Ombudsperson hears the statute's complainants")
	assert.Contains(t, c.Section, "s.8(1)")
}

// Act V of 2022 added the gender-discrimination limb and the single-incident
// proviso; the 2010 and provincial texts do not have them.
func TestHarassment(t *testing.T) {
	s := Builtin()
	for id, want := range map[ID]bool{FederalAct2022: true, FederalAct2010: false, PunjabAct2013: false, KPAct2010: false, HEC2020: true} {
		p, _ := s.Get(id)
		h := p.Harassment()
		assert.True(t, h.SexualConduct.Value, "%s sexual conduct", id)
		assert.Equal(t, want, h.GenderDiscrimination.Value, "%s gender discrimination", id)
		assert.Equal(t, want, h.SingleIncident.Value, "%s single incident", id)
		assert.Equal(t, want, h.CounterBlastSuits.Value, "%s counter-blast suits", id)
		assert.NotEmpty(t, p.Terms(), "%s terms", id)
	}
}
