package committee_test

import (
	"testing"

	"github.com/hifazat/hifazat/committee"
)

// BenchmarkCheck checks a valid committee with one shared Validator, the
// intended use. BenchmarkCheckNewValidatorPerCall is the baseline that
// builds a Validator (engine and catalogues) for every check; compare the
// two in the same run.
func BenchmarkCheck(b *testing.B) {
	v := committee.NewValidator()
	rules, c := statute(b), valid()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Check(c, rules, committee.CheckOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckNewValidatorPerCall(b *testing.B) {
	rules, c := statute(b), valid()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := committee.NewValidator().Check(c, rules, committee.CheckOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckCaseInvalid checks a committee for a case whose only woman
// is replaced by a man: replacements, conflicts and four translated
// violations, in Urdu.
func BenchmarkCheckCaseInvalid(b *testing.B) {
	v := committee.NewValidator()
	rules := statute(b)
	c := with(valid(), member("M1", M, SM, "chair"), member("M2", M, ER), member("W1", F, Other))
	kase := &committee.Case{
		Parties:      []committee.Party{{Role: committee.Accused, ID: "W1"}, {Role: committee.Witness, ID: "M2"}},
		Replacements: []committee.Replacement{{Out: "W1", In: member("R1", M, Other)}},
		Signals:      []committee.Signal{{Member: "M1", Kind: committee.ReportsToAccused}},
	}
	opts := committee.CheckOptions{Language: committee.Urdu, Case: kase}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Check(c, rules, opts); err != nil {
			b.Fatal(err)
		}
	}
}
