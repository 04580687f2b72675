package examples_test

import (
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// universityPolicy is an invented university's overlay on the federal Act:
// stricter than the statute for its own committee, as the law allows.
const universityPolicy = `
id: example-university-2024
title: Example University policy on protection against harassment
base: pk-federal-2022
from: 2024-09-01
deadlines:
  findings: {n: 21, unit: days}   # s.4(4) allows 30
committee:
  min_women: 2
  female_chair: true
`

// A university portal layers its own policy on the statute, checks that its
// Inquiry Committee meets both, in Urdu for its members, and tracks its own
// shorter period for findings.
func Example_universityPortal() {
	set := policy.Builtin()
	o, err := policy.ParseOverlay([]byte(universityPolicy))
	if err != nil {
		fmt.Println(err)
		return
	}
	uni, err := set.Apply(o)
	if err != nil {
		fmt.Println(err)
		return
	}

	c := committee.Committee{
		CompetentAuthority: "vc-office",
		Members: []committee.Member{
			{ID: "f-1", Name: "Dr Ayesha Example", Gender: committee.Female, Seat: committee.SeniorManagement},
			{ID: "f-2", Name: "Mr Danish Example", Gender: committee.Male, Seat: committee.SeniorEmployee, Chair: true},
			{ID: "f-3", Name: "Ms Hina Example", Gender: committee.Female, Seat: committee.SeatOther},
		},
	}
	r, err := committee.NewValidator().Check(c, uni.Committee(), committee.CheckOptions{Language: committee.Urdu})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range r.Violations {
		fmt.Println(v.Code, v.Citation.Section)
	}

	rule, _ := uni.Rule(policy.RuleFindings)
	cal, _ := deadlines.Builtin("pk-federal")
	d, _ := deadlines.Compute(rule, civil.MustParse("2026-03-13"), cal)
	fmt.Println("findings due", d.Due, "under", uni.ID())

	// The university may not shorten a party's time: the accused keeps 7 days.
	o.Deadlines = map[policy.RuleID]policy.Period{policy.RuleDefence: {N: 3, Unit: policy.Days}}
	_, err = set.Apply(o)
	fmt.Println(errors.Is(err, policy.ErrOverlayRefused))
	// Output:
	// chair_not_female example-university-2024 committee.female_chair
	// findings due 2026-04-03 under example-university-2024
	// true
}
