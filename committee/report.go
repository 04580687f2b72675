package committee

import (
	"cmp"
	"slices"

	"github.com/hifazat/hifazat/policy"
)

// Report is the outcome of [Validator.Check].
//
// Violations and Warnings are never nil (they marshal as []). Each is sorted
// by Code in the order of the Code constants, then by Members compared
// element by element, then by Message, so the same input always gives the
// same report; a violation found twice (say, for two records of a
// duplicated member) is listed once.
type Report struct {
	// Valid is true when there are no violations; warnings do not count.
	Valid bool `json:"valid"`
	// Violations are the rules the committee breaks.
	Violations []Violation `json:"violations"`
	// Warnings are what a lawyer should look at but the law does not bar:
	// conflict signals (unless the policy refuses them), an accused who is
	// the Competent Authority, a Competent Authority not recorded.
	Warnings []Violation `json:"warnings"`
}

// Err returns nil for a valid report and otherwise an [*Error] listing every
// violation, which matches [ErrInvalid].
func (r Report) Err() error {
	if r.Valid {
		return nil
	}
	return &Error{Violations: slices.Clone(r.Violations)}
}

// Violation is one rule broken (or, in [Report.Warnings], one warning).
type Violation struct {
	// Code is the stable identifier of the rule.
	Code Code `json:"code"`
	// Members are the ids of the members concerned, sorted; empty (never
	// nil) for a rule about the committee as a whole, such as no_woman.
	Members []string `json:"members"`
	// Message explains the violation in the language asked for and ends
	// with the citation's section in brackets, for example
	// "the committee must have at least one woman member (s.3(2))".
	Message string `json:"message"`
	// Citation is the provision the rule comes from, as the policy checked
	// cites it.
	Citation policy.Citation `json:"citation"`
}

// sortViolations sorts vs as documented on [Report] and drops repeats, such
// as the same conflict found for two records of a duplicated member.
func sortViolations(vs []Violation) []Violation {
	slices.SortFunc(vs, compareViolations)
	return slices.CompactFunc(vs, func(a, b Violation) bool { return compareViolations(a, b) == 0 })
}

// compareViolations orders violations as documented on [Report].
func compareViolations(a, b Violation) int {
	return cmp.Or(
		cmp.Compare(a.Code, b.Code),
		slices.Compare(a.Members, b.Members),
		cmp.Compare(a.Message, b.Message),
	)
}
