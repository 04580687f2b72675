package committee_test

import (
	"errors"
	"fmt"
	"github.com/hifazat/hifazat/internal/enum/enumtest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// summary renders violations as "code[id id]" for readable comparisons.
func summary(vs []committee.Violation) []string {
	out := []string{}
	for _, v := range vs {
		out = append(out, v.Code.String()+"["+strings.Join(v.Members, " ")+"]")
	}
	return out
}

const (
	F     = committee.Female
	M     = committee.Male
	SM    = committee.SeniorManagement
	ER    = committee.EmployeeRepresentative
	SE    = committee.SeniorEmployee
	Other = committee.SeatOther
)

func TestCheckStanding(t *testing.T) {
	v := committee.NewValidator()
	tests := []struct {
		name     string
		c        committee.Committee
		rules    func(*policy.CommitteeRules) // nil: the statute
		on       string
		want     []string
		warnings []string
	}{
		{name: "valid", c: valid()},
		{name: "woman who is also the senior manager fills both", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, ER), member("M2", M, ER))},
		{name: "woman in the employee seat", c: with(valid(),
			member("M1", M, SM, "chair"), member("W1", F, ER), member("M2", M, Other))},
		{name: "no woman", c: with(valid(),
			member("M1", M, SM, "chair"), member("M2", M, ER), member("M3", M, Other)),
			want: []string{"no_woman[]"}},
		{name: "two members", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER)),
			want: []string{"size[]"}},
		{name: "four members", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER),
			member("M2", M, Other), member("M3", M, Other)),
			want: []string{"size[]"}},
		{name: "empty committee", c: committee.Committee{CompetentAuthority: "CA-1"},
			want: []string{"size[]", "no_woman[]", "no_senior_management[]", "no_employee_representative[]", "no_chair[]"}},
		{name: "no senior management", c: with(valid(),
			member("W1", F, Other, "chair"), member("M1", M, ER), member("M2", M, Other)),
			want: []string{"no_senior_management[]"}},
		{name: "no CBA: a senior employee fills the employee seat", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, SE), member("M2", M, Other))},
		{name: "no CBA: a representative fills it too", c: valid()},
		{name: "no CBA: no employee seat", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, SM), member("M2", M, Other)),
			want: []string{"no_employee_representative[]"}},
		{name: "CBA organisation with a non-CBA employee seat", c: func() committee.Committee {
			c := with(valid(), member("W1", F, SM, "chair"), member("M1", M, SE), member("M2", M, Other))
			c.HasCBA = true
			return c
		}(), want: []string{"no_employee_representative[M1]"}},
		{name: "CBA organisation with a representative", c: func() committee.Committee {
			c := valid()
			c.HasCBA = true
			return c
		}()},
		{name: "CBA organisation with no employee seat at all", c: func() committee.Committee {
			c := with(valid(), member("W1", F, SM, "chair"), member("M1", M, Other), member("M2", M, Other))
			c.HasCBA = true
			return c
		}(), want: []string{"no_employee_representative[]"}},
		{name: "no chair", c: with(valid(), member("W1", F, SM), member("M1", M, ER), member("M2", M, Other)),
			want: []string{"no_chair[]"}},
		{name: "two chairs", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, ER, "chair"), member("M2", M, Other)),
			want: []string{"several_chairs[M1 W1]"}},
		{name: "duplicate member", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, ER), member("M1", M, Other)),
			want: []string{"duplicate_member[M1]"}},
		{name: "outsider without need", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, ER), member("X1", M, Other, "external")),
			want: []string{"outsider_without_need[X1]"}},
		{name: "outsider where the organisation cannot designate three", c: func() committee.Committee {
			c := with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER), member("X1", F, Other, "external"))
			c.CannotDesignateInternally = true
			return c
		}()},
		{name: "member without id", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, ER), member("", M, Other)),
			want: []string{"invalid_member[]"}},
		{name: "member without name, gender or seat", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, ER), committee.Member{ID: "Q1"}),
			want: []string{"invalid_member[Q1]", "invalid_member[Q1]", "invalid_member[Q1]"}},
		{name: "gender and seat out of range", c: with(valid(),
			member("W1", F, SM, "chair"), member("M1", M, ER), member("Q1", committee.Gender(9), committee.Seat(9))),
			want: []string{"invalid_member[Q1]", "invalid_member[Q1]"}},
		{name: "no Competent Authority recorded", c: func() committee.Committee {
			c := valid()
			c.CompetentAuthority = ""
			return c
		}(), warnings: []string{"no_competent_authority[]"}},
		{name: "zero rules check only member records and ids", c: with(committee.Committee{CompetentAuthority: "CA-1"},
			member("M1", M, Other), member("M1", M, Other), member("", M, Other)),
			rules: func(r *policy.CommitteeRules) { *r = policy.CommitteeRules{} },
			want:  []string{"invalid_member[]", "duplicate_member[M1]"}},

		// Overlays.
		{name: "two women required, one present", c: valid(),
			rules: func(r *policy.CommitteeRules) { r.MinWomen = policy.Param[int]{Value: 2, Citation: overlay} },
			want:  []string{"too_few_women[]"}},
		{name: "two women required, two present", c: with(valid(),
			member("W1", F, SM, "chair"), member("W2", F, ER), member("M2", M, Other)),
			rules: func(r *policy.CommitteeRules) { r.MinWomen = policy.Param[int]{Value: 2, Citation: overlay} }},
		{name: "two women required, none present", c: with(valid(),
			member("M1", M, SM, "chair"), member("M2", M, ER), member("M3", M, Other)),
			rules: func(r *policy.CommitteeRules) { r.MinWomen = policy.Param[int]{Value: 2, Citation: overlay} },
			want:  []string{"no_woman[]"}},
		{name: "female chair required, man chairs", c: with(valid(),
			member("W1", F, SM), member("M1", M, ER, "chair"), member("M2", M, Other)),
			rules: func(r *policy.CommitteeRules) { r.FemaleChair = policy.Param[bool]{Value: true, Citation: overlay} },
			want:  []string{"chair_not_female[M1]"}},
		{name: "female chair required, woman chairs", c: valid(),
			rules: func(r *policy.CommitteeRules) { r.FemaleChair = policy.Param[bool]{Value: true, Citation: overlay} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := statute(t)
			if tt.rules != nil {
				tt.rules(&rules)
			}
			r, err := v.Check(tt.c, rules, committee.CheckOptions{})
			require.NoError(t, err, "Check(%+v)", tt.c)
			assert.Equal(t, nonNil(tt.want), summary(r.Violations), "Check(%+v) violations", tt.c)
			assert.Equal(t, nonNil(tt.warnings), summary(r.Warnings), "Check(%+v) warnings", tt.c)
			assert.Equal(t, len(tt.want) == 0, r.Valid, "Check(%+v).Valid", tt.c)
		})
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestCheckTraining(t *testing.T) {
	v := committee.NewValidator()
	tests := []struct {
		name      string
		months    int
		trainedOn string // "" for none
		on        string
		untrained bool
	}{
		{"trained the same day", 12, "2025-01-15", "2025-01-15", false},
		{"last day of the period", 12, "2024-01-15", "2025-01-15", false},
		{"day after the period", 12, "2024-01-14", "2025-01-15", true},
		{"trained after the date checked", 12, "2025-01-16", "2025-01-15", true},
		{"never trained", 12, "", "2025-01-15", true},
		{"leap day trained, month end checked", 12, "2024-02-29", "2025-02-28", false},
		{"leap day trained, next day checked", 12, "2024-02-29", "2025-03-01", true},
		{"month end clamps into a leap February", 11, "2023-03-31", "2024-02-29", false},
		{"day after the clamped month end", 11, "2023-03-31", "2024-03-01", true},
		{"12 months after 28 February, on the leap day", 12, "2023-02-28", "2024-02-29", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := statute(t)
			rules.TrainedWithinMonths = policy.Param[int]{Value: tt.months, Citation: overlay}
			c := valid()
			for i := range c.Members {
				c.Members[i].TrainedOn = date(tt.on) // the others are trained on the day
				if c.Members[i].ID == "M1" {
					c.Members[i].TrainedOn = civil.Date{}
					if tt.trainedOn != "" {
						c.Members[i].TrainedOn = date(tt.trainedOn)
					}
				}
			}
			r, err := v.Check(c, rules, committee.CheckOptions{On: date(tt.on)})
			require.NoError(t, err)
			want := []string{}
			if tt.untrained {
				want = []string{"untrained_member[M1]"}
			}
			assert.Equal(t, want, summary(r.Violations), "Check(M1 trained %q, within %d months of %s)", tt.trainedOn, tt.months, tt.on)
			for _, vi := range r.Violations {
				assert.Equal(t, overlay, vi.Citation, "untrained_member cites the overlay")
			}
		})
	}
}

func TestCheckCase(t *testing.T) {
	v := committee.NewValidator()
	accused := func(id string) committee.Party { return committee.Party{Role: committee.Accused, ID: id} }
	witness := func(id string) committee.Party { return committee.Party{Role: committee.Witness, ID: id} }
	complainant := func(id string) committee.Party { return committee.Party{Role: committee.Complainant, ID: id} }
	replace := func(out string, in committee.Member) committee.Replacement {
		return committee.Replacement{Out: out, In: in}
	}
	// womanOther is a committee whose only woman holds the third seat and
	// does not chair, so replacing her affects only the woman rule.
	womanOther := with(valid(), member("M1", M, SM, "chair"), member("M2", M, ER), member("W1", F, Other))
	tests := []struct {
		name     string
		c        committee.Committee
		kase     committee.Case
		refuse   bool
		want     []string
		warnings []string
	}{
		{name: "no conflict", c: valid(),
			kase: committee.Case{Parties: []committee.Party{complainant("P1"), accused("P2"), witness("P3")}}},
		{name: "member is the accused", c: valid(), kase: committee.Case{Parties: []committee.Party{accused("M2")}},
			want: []string{"conflicted_member[M2]"}},
		{name: "member is the complainant", c: valid(), kase: committee.Case{Parties: []committee.Party{complainant("M2")}},
			want: []string{"conflicted_member[M2]"}},
		{name: "member is a witness", c: valid(), kase: committee.Case{Parties: []committee.Party{witness("M1"), witness("M2")}},
			want: []string{"conflicted_member[M1]", "conflicted_member[M2]"}},
		{name: "party without id matches no one", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER), member("M2", M, Other)),
			kase: committee.Case{Parties: []committee.Party{accused("")}}},
		{name: "conflicted member replaced", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{accused("M2")},
			Replacements: []committee.Replacement{replace("M2", member("R1", M, Other))}}},
		{name: "replacement from outside is allowed", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{witness("M2")},
			Replacements: []committee.Replacement{replace("M2", member("R1", M, Other, "external"))}}},
		{name: "only woman conflicted and replaced by a man", c: womanOther, kase: committee.Case{
			Parties:      []committee.Party{accused("W1")},
			Replacements: []committee.Replacement{replace("W1", member("R1", M, Other))}},
			want: []string{"no_woman[]", "replacement_invalid[R1 W1]"}},
		{name: "only woman conflicted and replaced by a woman", c: womanOther, kase: committee.Case{
			Parties:      []committee.Party{accused("W1")},
			Replacements: []committee.Replacement{replace("W1", member("R1", F, Other))}}},
		{name: "only woman conflicted, not replaced", c: womanOther, kase: committee.Case{
			Parties: []committee.Party{accused("W1")}},
			want: []string{"conflicted_member[W1]"}},
		{name: "chair replaced without a new chair", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{complainant("W1")},
			Replacements: []committee.Replacement{replace("W1", member("R1", F, SM))}},
			want: []string{"chair_not_member[W1]", "replacement_invalid[R1 W1]"}},
		{name: "chair replaced by a new chair", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{complainant("W1")},
			Replacements: []committee.Replacement{replace("W1", member("R1", F, SM, "chair"))}}},
		{name: "replacement designated chair beside the chair", c: valid(), kase: committee.Case{
			Replacements: []committee.Replacement{replace("M2", member("R1", M, Other, "chair"))}},
			want: []string{"several_chairs[R1 W1]", "replacement_invalid[M2 R1]"}},
		// A chair designated for the case (designate_chair, interpretation 20).
		{name: "chair replaced, an existing member designated chair", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{complainant("W1")},
			Replacements: []committee.Replacement{replace("W1", member("R1", F, SM))},
			Chair:        "M1"}},
		{name: "chair replaced, the incoming member designated chair", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{complainant("W1")},
			Replacements: []committee.Replacement{replace("W1", member("R1", F, SM))},
			Chair:        "R1"}},
		{name: "existing member designated chair without a replacement", c: valid(), kase: committee.Case{Chair: "M2"}},
		{name: "designated chair replaced afterwards", c: valid(), kase: committee.Case{
			Replacements: []committee.Replacement{replace("M2", member("R1", M, Other))},
			Chair:        "M2"},
			want: []string{"chair_not_member[M2]", "replacement_invalid[M2 R1]"}},
		{name: "designated chair never a member", c: valid(), kase: committee.Case{Chair: "Z9"},
			want: []string{"chair_not_member[Z9]"}},
		{name: "senior manager replaced by someone without the seat", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{accused("W1")},
			Replacements: []committee.Replacement{replace("W1", member("R1", F, Other, "chair"))}},
			want: []string{"no_senior_management[]", "replacement_invalid[R1 W1]"}},
		{name: "replacement of someone not on the committee", c: valid(), kase: committee.Case{
			Replacements: []committee.Replacement{replace("Z9", member("R1", M, Other))}},
			want: []string{"replacement_invalid[Z9]"}},
		{name: "replacement naming no one to replace", c: valid(), kase: committee.Case{
			Replacements: []committee.Replacement{replace("", member("R1", M, Other))}},
			want: []string{"replacement_invalid[R1]"}},
		{name: "member replaced by themselves", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{accused("M2")},
			Replacements: []committee.Replacement{replace("M2", member("M2", M, Other))}},
			want: []string{"conflicted_member[M2]", "replacement_invalid[M2]"}},
		{name: "replacement is already a member", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{accused("M2")},
			Replacements: []committee.Replacement{replace("M2", member("M1", M, Other))}},
			want: []string{"duplicate_member[M1]", "replacement_invalid[M1 M2]"}},
		{name: "replacement is a witness", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{accused("M2"), witness("R1")},
			Replacements: []committee.Replacement{replace("M2", member("R1", M, Other))}},
			want: []string{"conflicted_member[R1]"}},
		{name: "replacement replaced again", c: valid(), kase: committee.Case{
			Parties: []committee.Party{accused("M2"), witness("R1")},
			Replacements: []committee.Replacement{
				replace("M2", member("R1", M, Other)),
				replace("R1", member("R2", M, Other, "external"))}}},
		{name: "incomplete replacement", c: valid(), kase: committee.Case{
			Replacements: []committee.Replacement{replace("M2", committee.Member{ID: "R1", Name: "Person R1", Gender: M})}},
			want: []string{"invalid_member[R1]"}},
		{name: "standing outsider replaced for the case", c: func() committee.Committee {
			return with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER), member("X1", M, Other, "external"))
		}(), kase: committee.Case{
			Parties:      []committee.Party{witness("X1")},
			Replacements: []committee.Replacement{replace("X1", member("R1", M, Other))}}},
		{name: "signal is a warning", c: valid(), kase: committee.Case{
			Signals: []committee.Signal{{Member: "M1", Kind: committee.ReportsToAccused, With: "P2"}}},
			warnings: []string{"conflict_signal[M1]"}},
		{name: "signal refused under an overlay", c: valid(), refuse: true, kase: committee.Case{
			Signals: []committee.Signal{{Member: "M1", Kind: committee.FamilyRelation}}},
			want: []string{"conflict_signal[M1]"}},
		{name: "signal about a replaced member is moot", c: valid(), kase: committee.Case{
			Parties:      []committee.Party{accused("M2")},
			Replacements: []committee.Replacement{replace("M2", member("R1", M, Other))},
			Signals:      []committee.Signal{{Member: "M2", Kind: committee.ReportsToComplainant}}}},
		{name: "signal about a non-member is ignored", c: valid(), kase: committee.Case{
			Signals: []committee.Signal{{Member: "P9", Kind: committee.ReportsToAccused}, {Kind: committee.ReportsToAccused}}}},
		{name: "accused is the Competent Authority, recorded", c: valid(), kase: committee.Case{AccusedIsCompetentAuthority: true},
			warnings: []string{"competent_authority_accused[]"}},
		{name: "accused is the Competent Authority, by id", c: valid(), kase: committee.Case{Parties: []committee.Party{accused("CA-1")}},
			warnings: []string{"competent_authority_accused[]"}},
		{name: "complainant is the Competent Authority", c: valid(), kase: committee.Case{Parties: []committee.Party{complainant("CA-1")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := statute(t)
			rules.SignalsRefuse = policy.Param[bool]{Value: tt.refuse, Citation: overlay}
			kase := tt.kase
			r, err := v.Check(tt.c, rules, committee.CheckOptions{Case: &kase})
			require.NoError(t, err, "Check(%+v, case %+v)", tt.c, tt.kase)
			assert.Equal(t, nonNil(tt.want), summary(r.Violations), "Check(%+v, case %+v) violations", tt.c, tt.kase)
			assert.Equal(t, nonNil(tt.warnings), summary(r.Warnings), "Check(%+v, case %+v) warnings", tt.c, tt.kase)
		})
	}
}

func TestCheckDoesNotModifyInput(t *testing.T) {
	v := committee.NewValidator()
	c := valid()
	before := slices.Clone(c.Members)
	kase := committee.Case{
		Parties:      []committee.Party{{Role: committee.Accused, ID: "W1"}},
		Replacements: []committee.Replacement{{Out: "W1", In: member("R1", M, Other)}},
	}
	_, err := v.Check(c, statute(t), committee.CheckOptions{Case: &kase})
	require.NoError(t, err)
	assert.Equal(t, before, c.Members, "Check with a replacement must not modify the committee's members")
}

func TestCheckConflictedMemberOff(t *testing.T) {
	rules := statute(t)
	rules.ReplaceConflicted.Value = false
	kase := committee.Case{Parties: []committee.Party{{Role: committee.Accused, ID: "M2"}}}
	r, err := committee.NewValidator().Check(valid(), rules, committee.CheckOptions{Case: &kase})
	require.NoError(t, err)
	assert.True(t, r.Valid, "Check with ReplaceConflicted off: %v", summary(r.Violations))
}

func TestCheckCitations(t *testing.T) {
	rules := statute(t)
	kase := committee.Case{Parties: []committee.Party{{Role: committee.Accused, ID: "M2"}}}
	r, err := committee.NewValidator().Check(with(valid(), member("M1", M, SM), member("M2", M, ER)), rules, committee.CheckOptions{Case: &kase})
	require.NoError(t, err)
	want := map[committee.Code]policy.Citation{
		committee.CodeSize:             rules.Size.Citation,
		committee.CodeNoWoman:          rules.MinWomen.Citation,
		committee.CodeNoChair:          rules.Chair.Citation,
		committee.CodeConflictedMember: rules.ReplaceConflicted.Citation,
	}
	require.Len(t, r.Violations, len(want), "violations: %v", summary(r.Violations))
	for _, vi := range r.Violations {
		assert.Equal(t, want[vi.Code], vi.Citation, "citation of %s", vi.Code)
		assert.True(t, strings.HasSuffix(vi.Message, " ("+want[vi.Code].Section+")"), "message %q ends with its citation", vi.Message)
	}
	assert.Equal(t, "s.3(2)", rules.Size.Citation.Section)
	assert.Equal(t, "s.3(3)", rules.ReplaceConflicted.Citation.Section)
}

// TestCompetentAuthorityCitations checks that the Competent Authority's
// warnings, whose citations the package writes itself, carry the confidence
// and inherited mark each policy gives its own s.3.
func TestCompetentAuthorityCitations(t *testing.T) {
	tests := []struct {
		policy    policy.ID
		conf      policy.Confidence
		inherited bool
	}{
		{policy.FederalAct2010, policy.High, false},
		{policy.FederalAct2022, policy.High, false}, // the amended text was read in full
		{policy.KPAct2018, policy.High, false},
		{policy.PunjabAct2013, policy.Medium, true},
		{policy.BalochistanAct2016, policy.Low, true},
		{policy.HEC2020, policy.Low, true},
	}
	v := committee.NewValidator()
	c := valid()
	c.CompetentAuthority = ""
	kase := committee.Case{AccusedIsCompetentAuthority: true}
	for _, tt := range tests {
		p, err := policy.Builtin().Get(tt.policy)
		require.NoError(t, err, "Get(%s)", tt.policy)
		r, err := v.Check(c, p.Committee(), committee.CheckOptions{Case: &kase})
		require.NoError(t, err, "Check under %s", tt.policy)
		require.Equal(t, []committee.Code{committee.CodeCompetentAuthorityAccused, committee.CodeNoCompetentAuthority}, codesOf(r.Warnings), "Check under %s: warnings", tt.policy)
		for i, section := range []string{"s.8(1)", "s.3(4), s.11(1)"} {
			got := r.Warnings[i].Citation
			assert.Equal(t, section, got.Section, "%s under %s: section", r.Warnings[i].Code, tt.policy)
			assert.Equal(t, tt.conf, got.Confidence, "%s under %s: confidence", r.Warnings[i].Code, tt.policy)
			assert.Equal(t, tt.inherited, got.Inherited, "%s under %s: inherited", r.Warnings[i].Code, tt.policy)
		}
	}
}

func TestCheckErrors(t *testing.T) {
	v := committee.NewValidator()
	trained := statute(t)
	trained.TrainedWithinMonths = policy.Param[int]{Value: 12, Citation: overlay}
	tests := []struct {
		name  string
		rules policy.CommitteeRules
		opts  committee.CheckOptions
		want  error
	}{
		{"language out of range", statute(t), committee.CheckOptions{Language: committee.Language(7)}, committee.ErrUnknownValue},
		{"training rule without a date", trained, committee.CheckOptions{}, committee.ErrNoDate},
		{"party without a role", statute(t), committee.CheckOptions{Case: &committee.Case{Parties: []committee.Party{{ID: "P1"}}}}, committee.ErrInvalidCase},
		{"signal of unknown kind", statute(t), committee.CheckOptions{Case: &committee.Case{Signals: []committee.Signal{{Member: "M1", Kind: 9}}}}, committee.ErrInvalidCase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := v.Check(valid(), tt.rules, tt.opts)
			require.ErrorIs(t, err, tt.want, "Check(opts %+v)", tt.opts)
			assert.True(t, strings.HasPrefix(err.Error(), "committee: "), "error %q has the package prefix", err)
		})
	}
}

func TestCheckZeroValidator(t *testing.T) {
	for _, v := range []*committee.Validator{nil, {}} {
		_, err := v.Check(valid(), statute(t), committee.CheckOptions{})
		assert.ErrorIs(t, err, committee.ErrNoValidator, "(%#v).Check", v)
	}
}

func TestReportErr(t *testing.T) {
	v := committee.NewValidator()
	r, err := v.Check(valid(), statute(t), committee.CheckOptions{})
	require.NoError(t, err)
	assert.NoError(t, r.Err(), "Err of a valid report")

	r, err = v.Check(with(valid(), member("M1", M, SM, "chair"), member("M2", M, ER)), statute(t), committee.CheckOptions{})
	require.NoError(t, err)
	err = r.Err()
	require.ErrorIs(t, err, committee.ErrInvalid)
	var ce *committee.Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, r.Violations, ce.Violations, "Error lists every violation")
	assert.Equal(t, "committee: invalid committee: 2 violations: "+
		"size: the committee must have exactly 3 members; it has 2 (s.3(2)); "+
		"no_woman: the committee must have at least one woman member (s.3(2))", err.Error())
}

func TestReportOrder(t *testing.T) {
	v := committee.NewValidator()
	c := with(committee.Committee{}, member("Z", M, Other, "chair"), member("B", M, Other, "chair", "external"),
		member("A", M, Other, "external"), member("A", M, Other))
	kase := committee.Case{Parties: []committee.Party{{Role: committee.Witness, ID: "Z"}, {Role: committee.Accused, ID: "B"}}}
	r, err := v.Check(c, statute(t), committee.CheckOptions{Case: &kase})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"size[]", "duplicate_member[A]", "no_woman[]", "no_senior_management[]", "no_employee_representative[]",
		"several_chairs[B Z]", "outsider_without_need[A]", "outsider_without_need[B]",
		"conflicted_member[B]", "conflicted_member[Z]",
	}, summary(r.Violations))
	assert.Equal(t, []string{"no_competent_authority[]"}, summary(r.Warnings))
}

func TestCheckConcurrent(t *testing.T) {
	v := committee.NewValidator()
	rules := statute(t)
	want, err := v.Check(with(valid(), member("W1", F, SM)), rules, committee.CheckOptions{Language: committee.Urdu})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 50 {
				got, err := v.Check(with(valid(), member("W1", F, SM)), rules, committee.CheckOptions{Language: committee.Urdu})
				if assert.NoError(t, err) {
					assert.Equal(t, want, got, "goroutine %d", i)
				}
			}
		})
	}
	wg.Wait()
}

func TestCodes(t *testing.T) {
	codes := committee.Codes()
	require.NotEmpty(t, codes)
	assert.True(t, slices.IsSorted(codes), "Codes() is in report order")
	seen := map[string]bool{}
	for _, c := range codes {
		s := c.String()
		assert.True(t, c.IsValid(), "%s is valid", s)
		assert.False(t, seen[s], "code %q is listed once", s)
		seen[s] = true
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back committee.Code
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back, "Code text round trip of %q", b)
	}
	for _, name := range []string{"size", "no_woman", "no_senior_management", "no_employee_representative", "no_chair",
		"chair_not_member", "several_chairs", "duplicate_member", "outsider_without_need", "conflicted_member",
		"replacement_invalid", "too_few_women", "chair_not_female", "untrained_member", "conflict_signal",
		"competent_authority_accused"} {
		assert.True(t, seen[name], "the issue's code %q exists", name)
	}
}

func TestEnums(t *testing.T) {
	type enum interface {
		fmt.Stringer
		IsValid() bool
		MarshalText() ([]byte, error)
	}
	tests := []struct {
		value     enum
		text      string
		unmarshal func([]byte) (enum, error)
	}{
		{committee.Female, "female", func(b []byte) (enum, error) { var v committee.Gender; return v, v.UnmarshalText(b) }},
		{committee.GenderOther, "other", func(b []byte) (enum, error) { var v committee.Gender; err := v.UnmarshalText(b); return v, err }},
		{committee.SeniorEmployee, "senior_employee", func(b []byte) (enum, error) { var v committee.Seat; err := v.UnmarshalText(b); return v, err }},
		{committee.Witness, "witness", func(b []byte) (enum, error) { var v committee.Role; err := v.UnmarshalText(b); return v, err }},
		{committee.FamilyRelation, "family_relation", func(b []byte) (enum, error) { var v committee.SignalKind; err := v.UnmarshalText(b); return v, err }},
		{committee.Urdu, "ur", func(b []byte) (enum, error) { var v committee.Language; err := v.UnmarshalText(b); return v, err }},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.text, tt.value.String())
			assert.True(t, tt.value.IsValid())
			b, err := tt.value.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
			got, err := tt.unmarshal(b)
			require.NoError(t, err)
			assert.Equal(t, tt.value, got, "UnmarshalText(%q)", b)
			_, err = tt.unmarshal([]byte("nonsense"))
			require.ErrorIs(t, err, committee.ErrUnknownValue, "UnmarshalText(nonsense)")
			var ve *committee.ValueError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "nonsense", ve.Value)
			// The names wanted are the caller's to keep: changing them
			// changes nothing in the package.
			require.NotEmpty(t, ve.Want)
			ve.Want[0] = "changed"
			again, err := tt.unmarshal(b)
			require.NoError(t, err, "UnmarshalText(%q) after a caller changed ValueError.Want", b)
			assert.Equal(t, tt.value, again, "UnmarshalText(%q) after a caller changed ValueError.Want", b)
			_, err = tt.unmarshal([]byte("nonsense"))
			require.ErrorAs(t, err, &ve)
			assert.NotContains(t, ve.Want, "changed", "ValueError.Want shares the package's table")
		})
	}
	assert.Equal(t, "%!Gender(9)", committee.Gender(9).String())
	assert.Equal(t, "%!Seat(200)", committee.Seat(200).String())
	assert.Equal(t, "%!Code(250)", committee.Code(250).String())
	enumtest.Check(t, []string{"female", "male", "other"}, []committee.Gender{committee.Female, committee.Male, committee.GenderOther})
	enumtest.Check(t, []string{"senior_management", "employee_representative", "senior_employee", "other"},
		[]committee.Seat{committee.SeniorManagement, committee.EmployeeRepresentative, committee.SeniorEmployee, committee.SeatOther})
	enumtest.Check(t, []string{"complainant", "accused", "witness"}, []committee.Role{committee.Complainant, committee.Accused, committee.Witness})
	enumtest.Check(t, []string{"reports_to_accused", "reports_to_complainant", "family_relation"},
		[]committee.SignalKind{committee.ReportsToAccused, committee.ReportsToComplainant, committee.FamilyRelation})
	var codes []string
	for _, c := range committee.Codes() {
		codes = append(codes, c.String())
	}
	enumtest.Check(t, codes, committee.Codes())
	assert.Equal(t, "", committee.GenderUnset.String(), "the zero Gender")
	assert.False(t, committee.GenderUnset.IsValid())
	_, err := committee.Seat(9).MarshalText()
	assert.Error(t, err, "MarshalText of Seat(9)")
	var g committee.Gender = committee.Male
	require.Error(t, g.UnmarshalText([]byte("f")))
	assert.Equal(t, committee.Male, g, "a failed UnmarshalText leaves the value alone")
	require.NoError(t, g.UnmarshalText(nil))
	assert.Equal(t, committee.GenderUnset, g, "empty text is the zero Gender")
}

func TestParseLanguage(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want committee.Language
	}{{"en", committee.English}, {"ur", committee.Urdu}, {"UR", committee.Urdu}} {
		got, err := committee.ParseLanguage(tt.in)
		require.NoError(t, err, "ParseLanguage(%q)", tt.in)
		assert.Equal(t, tt.want, got, "ParseLanguage(%q)", tt.in)
	}
	for _, in := range []string{"", "fr", "urdu", "en-GB"} {
		_, err := committee.ParseLanguage(in)
		assert.True(t, errors.Is(err, committee.ErrUnknownValue), "ParseLanguage(%q) = %v, want ErrUnknownValue", in, err)
	}
}
