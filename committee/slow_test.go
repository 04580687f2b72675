package committee_test

import (
	"slices"

	"github.com/hifazat/hifazat/committee"
)

// slowCodes is the obviously correct reference for a standing committee
// under the statute (no case, no overlay): the codes Check must report, in
// report order, each rule written out as the digest states it.
func slowCodes(c committee.Committee) (violations, warnings []committee.Code) {
	count := func(pred func(committee.Member) bool) int {
		n := 0
		for _, m := range c.Members {
			if pred(m) {
				n++
			}
		}
		return n
	}
	seat := func(s committee.Seat) int { return count(func(m committee.Member) bool { return m.Seat == s }) }
	add := func(code committee.Code, broken bool) {
		if broken {
			violations = append(violations, code)
		}
	}
	duplicated := false
	for i, m := range c.Members {
		for _, o := range c.Members[:i] {
			duplicated = duplicated || m.ID != "" && m.ID == o.ID
		}
	}
	chairs := count(func(m committee.Member) bool { return m.Chair })
	employeeSeat := seat(committee.EmployeeRepresentative) > 0 || !c.HasCBA && seat(committee.SeniorEmployee) > 0

	add(committee.CodeSize, len(c.Members) != 3)
	add(committee.CodeInvalidMember, count(func(m committee.Member) bool {
		return m.ID == "" || m.Name == "" || !m.Gender.IsValid() || !m.Seat.IsValid()
	}) > 0)
	add(committee.CodeDuplicateMember, duplicated)
	add(committee.CodeNoWoman, count(func(m committee.Member) bool { return m.Gender == committee.Female }) == 0)
	add(committee.CodeNoSeniorManagement, seat(committee.SeniorManagement) == 0)
	add(committee.CodeNoEmployeeRepresentative, !employeeSeat)
	add(committee.CodeNoChair, chairs == 0)
	add(committee.CodeSeveralChairs, chairs > 1)
	add(committee.CodeOutsiderWithoutNeed, !c.CannotDesignateInternally && count(func(m committee.Member) bool { return m.External }) > 0)
	if c.CompetentAuthority == "" {
		warnings = append(warnings, committee.CodeNoCompetentAuthority)
	}
	return violations, warnings
}

// codesOf lists the distinct codes of vs, in order.
func codesOf(vs []committee.Violation) []committee.Code {
	var out []committee.Code
	for _, v := range vs {
		out = append(out, v.Code)
	}
	return slices.Compact(out)
}
