package policy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/hifazat/hifazat/civil"
)

func ptr[T any](v T) *T { return &v }

// baseOverlay is a minimal valid overlay on pk-federal-2022.
func baseOverlay() Overlay {
	return Overlay{ID: "test-uni-2024", Title: "Test University", Base: FederalAct2022, From: civil.MustParse("2024-09-01")}
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err, "read %s", name)
	return b
}

func TestApplyAccepted(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Overlay)
		check func(t *testing.T, p *Policy)
	}{
		{"nothing changed", func(*Overlay) {}, func(t *testing.T, p *Policy) {
			r, _ := p.Rule(RuleCharges)
			assert.Equal(t, 3, r.Period.N)
			assert.Equal(t, "s.4(1)(a)", r.Citation.Section, "unchanged rules keep the statute's citation")
		}},
		{"shorter committee duty", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleCharges: days(2), RuleFindings: days(21)} },
			func(t *testing.T, p *Policy) {
				r, _ := p.Rule(RuleFindings)
				assert.Equal(t, 21, r.Period.N)
				assert.Equal(t, "test-uni-2024 deadlines.findings", r.Citation.Section)
				assert.Contains(t, r.Citation.Note, "stricter than the statute's 30 days (s.4(4))")
			}},
		{"shorter competent authority duty", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RulePenalty: days(3)} },
			func(t *testing.T, p *Policy) { r, _ := p.Rule(RulePenalty); assert.Equal(t, 3, r.Period.N) }},
		{"same filing period restated", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleDefence: days(7)} },
			func(t *testing.T, p *Policy) {
				r, _ := p.Rule(RuleDefence)
				assert.Equal(t, "s.4(1)(b)", r.Citation.Section)
			}},
		{"shorter organisation duty in months", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleCodeDisplay: {1, Months}} },
			func(t *testing.T, p *Policy) {
				r, _ := p.Rule(RuleCodeDisplay)
				assert.Equal(t, Period{1, Months}, r.Period)
			}},
		{"more women and a female chair", func(o *Overlay) {
			o.Committee = CommitteeOverlay{MinWomen: ptr(2), FemaleChair: ptr(true), TrainedWithinMonths: ptr(24), SignalsRefuse: ptr(true), Size: ptr(3), Chair: ptr(true)}
		}, func(t *testing.T, p *Policy) {
			c := p.Committee()
			assert.Equal(t, 2, c.MinWomen.Value)
			assert.True(t, c.FemaleChair.Value && c.SignalsRefuse.Value)
			assert.Equal(t, 24, c.TrainedWithinMonths.Value)
			assert.Equal(t, "test-uni-2024 committee.female_chair", c.FemaleChair.Citation.Section)
		}},
		{"withdrawal confirmed", func(o *Overlay) { o.Routes.Withdrawal = ptr(true) }, func(t *testing.T, p *Policy) {
			assert.True(t, p.Routes().Withdrawal.Value)
			assert.Equal(t, "Rules 2013 r.4(3); interpretation 19", p.Routes().Withdrawal.Citation.Section, "a restated right keeps its statutory citation")
		}},
		{"dismissal at admission off", func(o *Overlay) { o.Routes.DismissAtAdmission = ptr(false) }, func(t *testing.T, p *Policy) {
			assert.False(t, p.Routes().DismissAtAdmission.Value)
			assert.True(t, p.Routes().Withdrawal.Value)
		}},
		{"statutory routes confirmed", func(o *Overlay) {
			o.Routes = RouteOverlay{Informal: ptr(true), DirectToOmbudsperson: ptr(true), Appeal: ptr(true), Representation: ptr(true), RepresentationAgainstAppeal: ptr(true)}
		}, func(t *testing.T, p *Policy) { assert.True(t, p.Routes().Appeal.Value) }},
		{"students heard under 2010", func(o *Overlay) {
			o.Base, o.From, o.Complainants = FederalAct2010, civil.MustParse("2015-01-01"), []Relationship{Student}
		}, func(t *testing.T, p *Policy) {
			ok, c := p.MayComplain(Student)
			assert.True(t, ok, "MayComplain(student)")
			assert.Equal(t, "test-uni-2024 complainants", c.Section)
			assert.Equal(t, civil.MustParse("2022-01-21"), p.Validity().Until, "ends with its base")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Builtin()
			o := baseOverlay()
			tt.edit(&o)
			p, err := s.Apply(o)
			require.NoError(t, err, "Apply(%+v)", o)
			assert.True(t, p.Institutional())
			assert.Equal(t, o.Base, p.Base())
			assert.Equal(t, o.ID, p.ID())
			assert.Equal(t, o.From, p.Validity().From)
			for _, r := range p.Rules() {
				checkCitation(t, r.Citation, "rule %s", r.ID)
			}
			tt.check(t, p)
			base, _ := s.Get(o.Base)
			r, _ := base.Rule(RuleFindings)
			assert.Equal(t, 30, r.Period.N, "Apply must not change the base")
		})
	}
}

// An overlay on hec-2020 follows its versions by filing date: each is the
// HEC policy on the Act then in force, with the overlay's changes.
func TestApplyOnHEC(t *testing.T) {
	s := Builtin()
	o := Overlay{ID: "test-uni-hec", Title: "Test University on HEC", Base: HEC2020, From: civil.MustParse("2021-01-01"),
		Deadlines: map[RuleID]Period{RuleCharges: days(2)}, Committee: CommitteeOverlay{FemaleChair: ptr(true)}}
	p, err := s.Apply(o)
	require.NoError(t, err, "Apply(overlay on hec-2020)")
	assert.Equal(t, HEC2020, p.Base())
	hec, _ := s.Get(HEC2020)
	tests := []struct {
		filed      string
		ok         bool
		appealDays int // the amended Act's 90 days, or none before it
	}{
		{"2020-12-31", false, 0},
		{"2021-06-01", true, 0},
		{"2022-01-20", true, 0},
		{"2022-01-21", true, 90},
		{"2026-03-02", true, 90},
	}
	for _, tt := range tests {
		v, ok := p.At(civil.MustParse(tt.filed))
		require.Equal(t, tt.ok, ok, "At(%s)", tt.filed)
		if !ok {
			continue
		}
		base, _ := hec.At(civil.MustParse(tt.filed))
		r, _ := v.Rule(RuleCharges)
		assert.Equal(t, 2, r.Period.N, "At(%s): the overlay's charges", tt.filed)
		assert.True(t, v.Committee().FemaleChair.Value, "At(%s): the overlay's chair", tt.filed)
		ok, _ = v.MayComplain(Student)
		assert.True(t, ok, "At(%s): HEC's students", tt.filed)
		assert.Equal(t, len(base.Rules()), len(v.Rules()), "At(%s): the rules of HEC's version then", tt.filed)
		_, has := v.Rule(RuleOmbudspersonDecision)
		assert.Equal(t, tt.appealDays != 0, has, "At(%s): s.8(6)'s period", tt.filed)
	}
	_, err = s.Apply(Overlay{ID: "test-uni-hec", Title: "Longer", Base: HEC2020, From: civil.MustParse("2021-01-01"),
		Deadlines: map[RuleID]Period{RuleFindings: days(45)}})
	oe, ok := errors.AsType[*OverlayError](err)
	require.True(t, ok, "a longer duty on hec-2020 is refused: %v", err)
	assert.Len(t, oe.Violations, 1, "one violation, not one per version: %+v", oe.Violations)
}

func TestSetWith(t *testing.T) {
	s := Builtin()
	p, err := s.Apply(baseOverlay())
	require.NoError(t, err)
	tests := []struct {
		name string
		set  *Set
		add  []*Policy
		want []ID
		err  error
	}{
		{"an overlay joins the built-in set", s, []*Policy{p}, append(s.ids[:len(s.ids):len(s.ids)], p.ID()), nil},
		{"the zero set", &Set{}, []*Policy{p}, []ID{p.ID()}, nil},
		{"nothing added", s, nil, s.ids, nil},
		{"an id twice", s, []*Policy{p, p}, nil, ErrInvalidSet},
		{"an id of the set", s, []*Policy{hecOf(t, s)}, nil, ErrInvalidSet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.set.All()
			got, err := tt.set.With(tt.add...)
			assert.Equal(t, before, tt.set.All(), "With leaves the set unchanged")
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			var ids []ID
			for _, q := range got.All() {
				ids = append(ids, q.ID())
			}
			assert.ElementsMatch(t, tt.want, ids)
		})
	}
	s2, err := s.With(p)
	require.NoError(t, err)
	got, err := s2.Get(p.ID())
	require.NoError(t, err)
	assert.Same(t, p, got)
	stat, err := s2.For(Federal, civil.MustParse("2026-03-02"))
	require.NoError(t, err)
	assert.Equal(t, FederalAct2022, stat.ID(), "an institutional policy is never the statute in force")
}

func hecOf(t *testing.T, s *Set) *Policy {
	p, err := s.Get(HEC2020)
	require.NoError(t, err)
	return p
}

func TestApplyRefused(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Overlay)
		field string
		rule  string
		sec   string
	}{
		{"shorter defence", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleDefence: days(5)} }, "deadlines.defence", "defence", "s.4(1)(b)"},
		{"longer defence", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleDefence: days(10)} }, "deadlines.defence", "defence", "s.4(1)(b)"},
		{"longer duty", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleFindings: days(31)} }, "deadlines.findings", "findings", "s.4(4)"},
		{"longer organisation duty", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleCommitteeConstitution: days(60)} }, "deadlines.committee-constitution", "committee-constitution", "s.3(1)"},
		{"shorter appeal", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleAppealPenalised: days(15)} }, "deadlines.appeal-penalised", "appeal-penalised", "s.6(1)"},
		{"ombudsperson duty", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleShowCause: days(1)} }, "deadlines.show-cause", "show-cause", "s.8(2)"},
		{"longer target", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleOmbudspersonDecision: days(120)} }, "deadlines.ombudsperson-decision", "ombudsperson-decision", "s.8(6) as inserted by Act V of 2022"},
		{"shorter representation", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleRepresentation: days(20)} }, "deadlines.representation", "representation", "s.9"},
		{"rule absent in base", func(o *Overlay) {
			o.Base, o.From = FederalAct2010, civil.MustParse("2015-01-01")
			o.Deadlines = map[RuleID]Period{RuleOmbudspersonDecision: days(60)}
		}, "deadlines.ombudsperson-decision", "ombudsperson-decision", "Act IV of 2010"},
		{"unit changed", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleCodeDisplay: days(90)} }, "deadlines.code-display", "code-display", "s.11(2)"},
		{"fewer women", func(o *Overlay) { o.Committee.MinWomen = ptr(0) }, "committee.min_women", "min_women", "s.3(2)"},
		{"more women than seats", func(o *Overlay) { o.Committee.MinWomen = ptr(4) }, "committee.min_women", "min_women", "s.3(2)"},
		{"bigger committee", func(o *Overlay) { o.Committee.Size = ptr(5) }, "committee.size", "size", "s.3(2)"},
		{"no senior management seat", func(o *Overlay) { o.Committee.SeniorManagement = ptr(false) }, "committee.senior_management", "senior_management", "s.3(2)"},
		{"no employee seat", func(o *Overlay) { o.Committee.EmployeeRepresentative = ptr(false) }, "committee.employee_representative", "employee_representative", "s.3(2)"},
		{"no chair", func(o *Overlay) { o.Committee.Chair = ptr(false) }, "committee.chair", "chair", "s.3(2)"},
		{"outsiders freely", func(o *Overlay) { o.Committee.OutsidersOnlyIfNeeded = ptr(false) }, "committee.outsiders_only_if_needed", "outsiders_only_if_needed", "s.3(2)"},
		{"no replacement", func(o *Overlay) { o.Committee.ReplaceConflicted = ptr(false) }, "committee.replace_conflicted", "replace_conflicted", "s.3(3)"},
		{"no direct complaint", func(o *Overlay) { o.Routes.DirectToOmbudsperson = ptr(false) }, "routes.direct_to_ombudsperson", "direct_to_ombudsperson", "s.8(1)"},
		{"no appeal", func(o *Overlay) { o.Routes.Appeal = ptr(false) }, "routes.appeal", "appeal", "s.6(1)-(2)"},
		{"no representation", func(o *Overlay) { o.Routes.Representation = ptr(false) }, "routes.representation", "representation", "s.9"},
		{"no informal route", func(o *Overlay) { o.Routes.Informal = ptr(false) }, "routes.informal", "informal", "Code (iii)-(vii)"},
		{"no withdrawal", func(o *Overlay) { o.Routes.Withdrawal = ptr(false) }, "routes.withdrawal", "withdrawal", "Rules 2013 r.4(3); interpretation 19"},
		{"representation against appeal off", func(o *Overlay) { o.Routes.RepresentationAgainstAppeal = ptr(false) }, "routes.representation_against_appeal", "representation_against_appeal", "interpretation 17; FOIRA 2013"},
		{"employer as complainant", func(o *Overlay) { o.Complainants = []Relationship{Student, Employer} }, "complainants[1]", "employer", "s.2(a), (e)"},
		{"before the base", func(o *Overlay) { o.From = civil.MustParse("2021-01-01") }, "from", "validity", "Act IV of 2010 as amended by Act V of 2022"},
		{"after the base ended", func(o *Overlay) { o.Base = FederalAct2010 }, "from", "validity", "Act IV of 2010"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := baseOverlay()
			tt.edit(&o)
			_, err := Builtin().Apply(o)
			require.ErrorIs(t, err, ErrOverlayRefused, "Apply(%+v)", o)
			var oe *OverlayError
			require.True(t, errors.As(err, &oe))
			require.Len(t, oe.Violations, 1, "violations of %+v: %v", o, oe.Violations)
			v := oe.Violations[0]
			assert.Equal(t, tt.field, v.Field, "field")
			assert.Equal(t, tt.rule, v.Rule, "rule")
			assert.Equal(t, tt.sec, v.Section, "section")
			assert.NotEmpty(t, v.Reason)
			assert.Equal(t, strings.ToLower(v.Reason[:1]), v.Reason[:1], "reason is lowercase: %q", v.Reason)
		})
	}
}

func TestApplyListsEveryViolation(t *testing.T) {
	o, err := ParseOverlay(readTestdata(t, "university-overlay-refused.yaml"))
	require.NoError(t, err)
	_, err = Builtin().Apply(o)
	var oe *OverlayError
	require.True(t, errors.As(err, &oe), "Apply(refused file) = %v", err)
	var fields []string
	for _, v := range oe.Violations {
		fields = append(fields, v.Field)
	}
	assert.Equal(t, []string{
		"committee.employee_representative", "committee.min_women",
		"deadlines.appeal-complainant", "deadlines.defence", "deadlines.findings",
		"routes.appeal", "routes.direct_to_ombudsperson", "routes.withdrawal",
	}, fields, "every violation, sorted by field")
	assert.Contains(t, err.Error(), `policy: overlay "example-college-2024" refused against pk-federal-2022: 8 violation(s)`)
}

func TestApplyMalformed(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Overlay)
		field string
		also  error
	}{
		{"no id", func(o *Overlay) { o.ID = "" }, "id", nil},
		{"bad id", func(o *Overlay) { o.ID = "Test Uni" }, "id", nil},
		{"id taken", func(o *Overlay) { o.ID = HEC2020 }, "id", nil},
		{"no title", func(o *Overlay) { o.Title = "" }, "title", nil},
		{"control character", func(o *Overlay) { o.Title = "a\x00b" }, "title", nil},
		{"no date", func(o *Overlay) { o.From = civil.Date{} }, "from", nil},
		{"unknown base", func(o *Overlay) { o.Base = "pk-ict-2030" }, "base", ErrUnknownPolicy},
		{"unknown rule", func(o *Overlay) { o.Deadlines = map[RuleID]Period{"lunch": days(1)} }, "deadlines.lunch", nil},
		{"zero period", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleCharges: {}} }, "deadlines.charges.n", nil},
		{"bad unit", func(o *Overlay) { o.Deadlines = map[RuleID]Period{RuleCharges: {1, 7}} }, "deadlines.charges.unit", nil},
		{"negative women", func(o *Overlay) { o.Committee.MinWomen = ptr(-1) }, "committee.min_women", nil},
		{"unknown relationship", func(o *Overlay) { o.Complainants = []Relationship{"alien"} }, "complainants[0]", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := baseOverlay()
			tt.edit(&o)
			_, err := Builtin().Apply(o)
			require.ErrorIs(t, err, ErrMalformedOverlay, "Apply(%+v)", o)
			assert.NotErrorIs(t, err, ErrOverlayRefused)
			var me *MalformedOverlayError
			require.True(t, errors.As(err, &me))
			assert.Equal(t, tt.field, me.Field, "field of %v", err)
			if tt.also != nil {
				assert.ErrorIs(t, err, tt.also)
			}
		})
	}
}

func TestParseOverlayFiles(t *testing.T) {
	o, err := ParseOverlay(readTestdata(t, "university-overlay.yaml"))
	require.NoError(t, err)
	assert.Equal(t, ID("example-university-2024"), o.ID)
	assert.Equal(t, civil.MustParse("2024-09-01"), o.From)
	assert.Equal(t, map[RuleID]Period{RuleCharges: days(2), RuleFindings: days(21), RulePenalty: days(5), RuleCodeDisplay: {1, Months}}, o.Deadlines)
	assert.Equal(t, ptr(2), o.Committee.MinWomen)
	assert.Nil(t, o.Routes.Withdrawal, "withdrawal is a right (r.4(3)): the accepted example leaves it alone")
	_, err = Builtin().Apply(o)
	assert.NoError(t, err, "the accepted example must be accepted")

	j, err := ParseOverlay(readTestdata(t, "university-overlay.json"))
	require.NoError(t, err)
	assert.Equal(t, "Example Institute policy / JSON form", j.Title)
	assert.Equal(t, []Relationship{Student}, j.Complainants)
	_, err = Builtin().Apply(j)
	assert.NoError(t, err)
}

func TestParseOverlayMalformed(t *testing.T) {
	const head = "id: x-2024\ntitle: X\nbase: pk-federal-2022\nfrom: 2024-09-01\n"
	tests := []struct {
		name  string
		in    string
		field string
		text  string
	}{
		{"empty", "", "", "empty document"},
		{"only a comment", "# nothing\n", "", "empty document"},
		{"not a mapping", "- a\n- b\n", "", "want a mapping"},
		{"syntax", "id: [\n", "", "line"},
		{"unknown field", head + "comittee: {}\n", "comittee", "unknown field"},
		{"unknown nested field", head + "committee: {women: 2}\n", "committee.women", "unknown field"},
		{"duplicate key", head + "title: Y\n", "title", "given twice"},
		{"wrong type", head + "committee: {min_women: two}\n", "committee.min_women", "want a whole number"},
		{"bool type", head + "routes: {withdrawal: maybe}\n", "routes.withdrawal", "want true or false"},
		{"bad date", "id: x-2024\ntitle: X\nbase: pk-federal-2022\nfrom: 2024-02-30\n", "from", "civil: invalid date"},
		{"missing date", "id: x-2024\ntitle: X\nbase: pk-federal-2022\n", "from", "is required"},
		{"bad unit", head + "deadlines: {charges: {n: 2, unit: weeks}}\n", "deadlines.charges.unit", "unknown unit"},
		{"unknown rule", head + "deadlines: {lunch: {n: 2, unit: days}}\n", "deadlines.lunch", "names no deadline rule"},
		{"unknown relationship", head + "complainants: [alien]\n", "complainants[0]", "unknown relationship"},
		{"list for scalar", head + "note: [a]\n", "note", "want a single value"},
		{"alias", head + "committee: &c {min_women: 2}\nroutes: *c\n", "committee", "aliases"},
		{"two documents", head + "---\n" + head, "", "more than one document"},
		{"bad json", `{"id": }`, "", "invalid JSON"},
		{"json trailing", `{"id": "x"} {}`, "", "data after the object"},
		{"json unknown field", `{"id":"x-2024","title":"X","base":"pk-federal-2022","from":"2024-09-01","extra":1}`, "extra", "unknown field"},
		{"json duplicate key", `{"id":"x-2024","title":"X","base":"pk-federal-2022","from":"2024-09-01","title":"Y"}`, "title", "given twice"},
		{"too large", strings.Repeat(" ", maxOverlaySize+1), "", "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseOverlay([]byte(tt.in))
			require.ErrorIs(t, err, ErrMalformedOverlay, "ParseOverlay(%q)", tt.in)
			var me *MalformedOverlayError
			require.True(t, errors.As(err, &me))
			assert.Equal(t, tt.field, me.Field, "field of %v", err)
			assert.Contains(t, err.Error(), tt.text)
			assert.True(t, strings.HasPrefix(err.Error(), "policy: malformed overlay"), "prefix of %v", err)
		})
	}
}

// roundTrip fails unless o survives YAML marshalling and ParseOverlay.
func roundTrip(t *testing.T, o Overlay) {
	t.Helper()
	out, err := yaml.Marshal(o)
	require.NoError(t, err, "yaml.Marshal(%+v)", o)
	back, err := ParseOverlay(out)
	require.NoError(t, err, "ParseOverlay(%s)", out)
	assert.Equal(t, o, back, "round trip through\n%s", out)
}

func TestOverlayRoundTrip(t *testing.T) {
	for _, name := range []string{"university-overlay.yaml", "university-overlay-refused.yaml", "university-overlay.json"} {
		o, err := ParseOverlay(readTestdata(t, name))
		require.NoError(t, err, name)
		roundTrip(t, o)
	}
}

func FuzzParseOverlay(f *testing.F) {
	for _, name := range []string{"university-overlay.yaml", "university-overlay-refused.yaml", "university-overlay.json", "malformed-overlay.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte("id: a\ntitle: b\nbase: c\nfrom: 2024-01-01\ncomplainants: [student, student]\n"))
	f.Add([]byte(`{"id":"a","title":"\u00e9","base":"c","from":"2024-01-01","deadlines":{}}`))
	s := Builtin()
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := ParseOverlay(data)
		if err != nil {
			require.ErrorIs(t, err, ErrMalformedOverlay, "ParseOverlay(%q)", data)
			return
		}
		roundTrip(t, o)
		if _, err := s.Apply(o); err != nil && !errors.Is(err, ErrOverlayRefused) && !errors.Is(err, ErrMalformedOverlay) {
			t.Fatalf("Apply(%+v) = %v; want nil or a refusal", o, err)
		}
	})
}
