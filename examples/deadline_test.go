package examples_test

import (
	"fmt"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// A complainant's advocate asks until when she may appeal a decision of 3
// March 2025 (s.6(2)): the thirtieth day falls on Eid-ul-Fitr, when the
// Ombudsperson's office in Islamabad is closed, so the period runs to the next
// day it is open (General Clauses Act s.10).
func Example_appealDeadline() {
	p, err := policy.Builtin().For(policy.Federal, civil.MustParse("2025-03-03"))
	if err != nil {
		fmt.Println(err)
		return
	}
	rule, _ := p.Rule(policy.RuleAppealComplainant)
	cal, err := deadlines.Builtin(p.CalendarFor(rule.Forum, "").Value)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := deadlines.Compute(rule, civil.MustParse("2025-03-03"), cal)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Due, d.RolledForward)
	fmt.Println(d.Explain())
	// Output:
	// 2025-04-03 true
	// appeal-complainant: 30 days from 2025-03-03 (trigger day excluded) end on 2025-04-02, a Wednesday; filing with the ombudsperson on calendar pk-islamabad; the last day, 2025-04-02, is closed, so the period runs to the next open day, 2025-04-03 (General Clauses Act s.10); s.6(2) [high].
}
