package policy_test

import (
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

func ExampleBuiltin() {
	for _, p := range policy.Builtin().All() {
		fmt.Printf("%-20s %-12s %s\n", p.ID(), p.Jurisdiction(), p.Validity())
	}
	// Output:
	// hec-2020             federal      2020-07-01..
	// pk-balochistan-2010  balochistan  2010-03-09..2016-01-21
	// pk-balochistan-2016  balochistan  2016-01-21..
	// pk-federal-2010      federal      2010-03-09..2022-01-21
	// pk-federal-2022      federal      2022-01-21..
	// pk-kp-2010           kp           2010-03-09..2018-02-20
	// pk-kp-2018           kp           2018-02-20..
	// pk-punjab-2010       punjab       2010-03-09..2013-01-03
	// pk-punjab-2013       punjab       2013-01-03..
	// pk-sindh-2010        sindh        2010-03-09..
}

func ExampleSet_Get() {
	s := policy.Builtin()
	p, err := s.Get("pk-federal-2022")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Title())
	fmt.Println(p.Instrument())

	_, err = s.Get("pk-ict-2030")
	fmt.Println(errors.Is(err, policy.ErrUnknownPolicy))
	// Output:
	// Protection against Harassment of Women at the Workplace Act, 2010, as amended by Act V of 2022
	// Act IV of 2010 as amended by Act V of 2022 [high]
	// true
}

func ExampleSet_For() {
	s := policy.Builtin()
	for _, day := range []string{"2010-03-08", "2010-03-09", "2022-01-20", "2022-01-21"} {
		p, err := s.For(policy.Federal, civil.MustParse(day))
		if err != nil {
			fmt.Println(day, err)
			continue
		}
		fmt.Println(day, p.ID())
	}
	// Output:
	// 2010-03-08 policy: no policy in force for federal on 2010-03-08: coverage starts on 2010-03-09, when its first statute took effect
	// 2010-03-09 pk-federal-2010
	// 2022-01-20 pk-federal-2010
	// 2022-01-21 pk-federal-2022
}

func ExamplePolicy_Rule() {
	p, _ := policy.Builtin().Get("pk-federal-2022")
	r, ok := p.Rule(policy.RuleDefence)
	fmt.Println(ok, r.Kind, r.Period, r.Forum, r.Citation)
	fmt.Println("from", r.Trigger)

	_, ok = p.Rule(policy.RuleOmbudspersonDecision)
	fmt.Println("ombudsperson-decision in 2022:", ok)
	p10, _ := policy.Builtin().Get("pk-federal-2010")
	_, ok = p10.Rule(policy.RuleOmbudspersonDecision)
	fmt.Println("ombudsperson-decision in 2010:", ok)
	// Output:
	// true filing 7 days inquiry_committee s.4(1)(b) [high]
	// from communication of the charges to the accused
	// ombudsperson-decision in 2022: true
	// ombudsperson-decision in 2010: false
}

func ExamplePolicy_MayComplain() {
	s := policy.Builtin()
	for _, id := range []policy.ID{"pk-federal-2010", "pk-federal-2022"} {
		p, _ := s.Get(id)
		ok, c := p.MayComplain(policy.DomesticWorker)
		fmt.Println(id, ok, c.Section)
	}
	// Output:
	// pk-federal-2010 false s.2(e), (f)
	// pk-federal-2022 true s.2(f) as substituted by Act V of 2022
}

func ExamplePolicy_CalendarFor() {
	s := policy.Builtin()
	federal, _ := s.Get("pk-federal-2022")
	punjab, _ := s.Get("pk-punjab-2013")
	for _, c := range []policy.CalendarChoice{
		federal.CalendarFor(policy.InquiryCommittee, "acme-2026"), // the case names its calendar
		federal.CalendarFor(policy.InquiryCommittee, ""),          // it does not: a fallback
		federal.CalendarFor(policy.Ombudsperson, "acme-2026"),     // the Ombudsperson keeps its own
		punjab.CalendarFor(policy.Ombudsperson, ""),
	} {
		fmt.Println(c.Value, c.Fallback)
	}
	// Output:
	// acme-2026 false
	// pk-federal true
	// pk-islamabad false
	// pk-federal true
}

func ExampleParseOverlay() {
	o, err := policy.ParseOverlay([]byte(`
id: example-university-2024
title: Example University policy
base: pk-federal-2022
from: 2024-09-01
deadlines:
  findings: {n: 21, unit: days}
committee:
  female_chair: true
`))
	if err != nil {
		panic(err)
	}
	fmt.Println(o.ID, o.Base, o.From, o.Deadlines[policy.RuleFindings], *o.Committee.FemaleChair)

	_, err = policy.ParseOverlay([]byte("id: x\ntitle: X\nbase: pk-federal-2022\nfrom: 2024-09-01\ncomittee: {}\n"))
	fmt.Println(err)
	// Output:
	// example-university-2024 pk-federal-2022 2024-09-01 21 days true
	// policy: malformed overlay: field comittee: line 5: unknown field (want one of: id, title, base, from, note, deadlines, committee, routes, complainants, interpretations, interpretation_notes)
}

func ExampleSet_Apply() {
	s := policy.Builtin()
	women := 2
	p, err := s.Apply(policy.Overlay{
		ID: "example-university-2024", Title: "Example University policy",
		Base: "pk-federal-2022", From: civil.MustParse("2024-09-01"),
		Deadlines: map[policy.RuleID]policy.Period{policy.RuleFindings: {N: 21, Unit: policy.Days}},
		Committee: policy.CommitteeOverlay{MinWomen: &women},
	})
	if err != nil {
		panic(err)
	}
	r, _ := p.Rule(policy.RuleFindings)
	fmt.Println(p.ID(), p.Base(), p.Institutional(), r.Period, r.Citation.Note)

	// Cutting the accused's defence period and the direct route to the
	// Ombudsperson is refused, with every violation listed.
	no := false
	_, err = s.Apply(policy.Overlay{
		ID: "example-college-2024", Title: "Example College policy",
		Base: "pk-federal-2022", From: civil.MustParse("2024-09-01"),
		Deadlines: map[policy.RuleID]policy.Period{policy.RuleDefence: {N: 3, Unit: policy.Days}},
		Routes:    policy.RouteOverlay{DirectToOmbudsperson: &no},
	})
	var oe *policy.OverlayError
	if errors.As(err, &oe) {
		for _, v := range oe.Violations {
			fmt.Println(v)
		}
	}
	// Output:
	// example-university-2024 pk-federal-2022 true 21 days stricter than the statute's 30 days (s.4(4))
	// deadlines.defence: 3 days cuts the party's statutory 7 days to file (defence, s.4(1)(b))
	// routes.direct_to_ombudsperson: the statute gives the complainant's option to complain to the Ombudsperson directly; an institution cannot remove it (direct_to_ombudsperson, s.8(1))
}

func ExampleSet_With() {
	s := policy.Builtin()
	uni, err := s.Apply(policy.Overlay{ID: "acme-uni-2024", Title: "Acme University", Base: policy.HEC2020,
		From: civil.MustParse("2024-09-01"), Deadlines: map[policy.RuleID]policy.Period{policy.RuleFindings: {N: 21}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err = s.With(uni) // the set a casefsm.Engine is built from
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := s.Get("acme-uni-2024")
	v, _ := p.At(civil.MustParse("2026-03-02")) // the version for a filing on that day
	r, _ := v.Rule(policy.RuleFindings)
	fmt.Println(p.Base(), r.Period, r.Citation.Section)
	// Output: hec-2020 21 days acme-uni-2024 deadlines.findings
}

func ExampleNewSet() {
	b := policy.Builtin()
	f10, _ := b.Get("pk-federal-2010")
	f22, _ := b.Get("pk-federal-2022")
	s, err := policy.NewSet(f10, f22)
	fmt.Println(len(s.All()), err)
	_, err = policy.NewSet(f10, f10)
	fmt.Println(err)
	// Output:
	// 2 <nil>
	// policy: invalid policy set: two policies have the id "pk-federal-2010"
}

func ExampleInterval_Contains() {
	iv := policy.Interval{From: civil.MustParse("2010-03-09"), Until: civil.MustParse("2022-01-21")}
	fmt.Println(iv, iv.Contains(civil.MustParse("2022-01-20")), iv.Contains(civil.MustParse("2022-01-21")))
	// Output: 2010-03-09..2022-01-21 true false
}

func ExampleParseRelationship() {
	r, err := policy.ParseRelationship("gig_worker")
	fmt.Println(r, err)
	_, err = policy.ParseRelationship("contractor")
	fmt.Println(errors.Is(err, policy.ErrUnknownRelationship))
	// Output:
	// gig_worker <nil>
	// true
}

func ExampleParseJurisdiction() {
	j, err := policy.ParseJurisdiction("kp")
	fmt.Println(j, err, policy.Jurisdictions())
	// Output: kp <nil> [balochistan federal kp punjab sindh]
}

func ExamplePolicy_MayBeAccused() {
	p, _ := policy.Builtin().Get("pk-federal-2022")
	ok, c := p.MayBeAccused(policy.Employer)
	fmt.Println(ok, c.Section)
	ok, c = p.MayBeAccused(policy.GuardianOfMinor)
	fmt.Println(ok, c.Section)
	// Output:
	// true s.2(a), (g)
	// false s.2(a)
}

func ExamplePolicy_Penalties() {
	p, _ := policy.Builtin().Get("pk-federal-2022")
	for _, x := range p.Penalties() {
		fmt.Println(x.Severity, x.Code, x.Citation.Section)
	}
	// Output:
	// minor censure s.4(4)(i)(a)
	// minor withhold_promotion_or_increment s.4(4)(i)(b)
	// minor stop_at_efficiency_bar s.4(4)(i)(c)
	// minor recover_compensation s.4(4)(i)(d)
	// major reduce_rank s.4(4)(ii)(a)
	// major compulsory_retirement s.4(4)(ii)(b)
	// major removal s.4(4)(ii)(c)
	// major dismissal s.4(4)(ii)(d)
	// major suspend_or_cancel_license s.4(4)(ii)(da) as inserted by Act V of 2022
	// major fine s.4(4)(ii)(e)
}

func ExamplePolicy_Committee() {
	p, _ := policy.Builtin().Get("pk-federal-2010")
	c := p.Committee()
	fmt.Println(c.Size.Value, c.MinWomen.Value, c.MinWomen.Citation, c.FemaleChair.Value)
	// Output: 3 1 s.3(2) [high] false
}

func ExamplePolicy_Routes() {
	s := policy.Builtin()
	for _, id := range []policy.ID{"pk-federal-2022", "pk-kp-2018"} {
		p, _ := s.Get(id)
		r := p.Routes()
		fmt.Println(id, r.RepresentationTo.Value, r.ExParteCommittee.Value, r.ExParteOmbudsperson.Value, r.RepresentationAgainstAppeal.Value)
	}
	// Output:
	// pk-federal-2022 president_or_governor mandatory discretionary true
	// pk-kp-2018 governor mandatory discretionary false
}

func ExamplePolicy_Interpretations() {
	p, _ := policy.Builtin().Get("pk-federal-2022")
	in := p.Interpretations()
	fmt.Println(in.GazetteWindow.Value, in.FindingsFromRecordedStart.Citation)
	fmt.Println(in.AppellateDecisionDays.Value, in.AppellateDecisionDays.Citation)
	// Output:
	// 2022-01-21..2022-01-26 interpretation 9; s.4(4) [low]
	// 30 s.6(3) [high]
}

// An interpretation is a parameter (interpretation 29): an institution or an
// integrator may set it, with a note of why, unless the setting takes a
// right from a party.
func ExampleInterpretations_With() {
	p, _ := policy.Builtin().Get("pk-federal-2022")
	in, err := p.Interpretations().With("example-university-2024",
		policy.Setting{Name: "late_filing_needs_condonation", Value: false, Note: "late appeals are accepted with a warning"})
	fmt.Println(in.LateFilingNeedsCondonation.Value, in.LateFilingNeedsCondonation.Citation, err)

	_, err = p.Interpretations().With("example-university-2024",
		policy.Setting{Name: "roll_forward_filings", Value: false, Note: "our office never closes"})
	fmt.Println(err)
	// Output:
	// false example-university-2024 interpretations.late_filing_needs_condonation [high] <nil>
	// policy: 1 interpretation setting(s) refused: interpretations.roll_forward_filings: takes from a party a party's filing on the next open day when the last day of its period is closed (General Clauses Act s.10)
}

func ExamplePolicy_Summary() {
	p, _ := policy.Builtin().Get("hec-2020")
	s := p.Summary()
	fmt.Println(s.ID, s.Jurisdiction, s.Validity, s.Institutional, s.Base)
	// Output:
	// hec-2020 federal 2020-07-01.. true pk-federal-2022
}
