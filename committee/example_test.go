package committee_test

import (
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// federal returns the committee rules of the federal Act as amended in 2022.
func federal() policy.CommitteeRules {
	p, err := policy.Builtin().Get(policy.FederalAct2022)
	if err != nil {
		panic(err)
	}
	return p.Committee()
}

func ExampleNewValidator() {
	// Build one Validator and share it: it is immutable and safe for
	// concurrent use.
	v := committee.NewValidator()
	c := committee.Committee{
		CompetentAuthority: "E-100",
		Members: []committee.Member{
			{ID: "E-1", Name: "Ayesha Example", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true},
			{ID: "E-2", Name: "Bilal Example", Gender: committee.Male, Seat: committee.SeniorEmployee},
			{ID: "E-3", Name: "Kamran Example", Gender: committee.Male, Seat: committee.SeatOther},
		},
	}
	r, err := v.Check(c, federal(), committee.CheckOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("valid:", r.Valid)
	// Output:
	// valid: true
}

func ExampleValidator_Check() {
	v := committee.NewValidator()
	c := committee.Committee{
		HasCBA: true,
		Members: []committee.Member{
			{ID: "E-1", Name: "Imran Example", Gender: committee.Male, Seat: committee.SeniorManagement, Chair: true},
			{ID: "E-2", Name: "Bilal Example", Gender: committee.Male, Seat: committee.SeniorEmployee},
			{ID: "E-3", Name: "Kamran Example", Gender: committee.Male, Seat: committee.SeatOther},
		},
	}
	r, err := v.Check(c, federal(), committee.CheckOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("valid:", r.Valid)
	for _, vi := range r.Violations {
		fmt.Println(vi.Code, vi.Members, vi.Message)
	}
	for _, w := range r.Warnings {
		fmt.Println("warning:", w.Code, w.Message)
	}
	// Output:
	// valid: false
	// no_woman [] the committee must have at least one woman member (s.3(2))
	// no_employee_representative [E-2] the organisation has a CBA, so the employee seat must be held by a senior representative of the employees; a senior employee (E-2) does not fill it (s.3(2))
	// warning: no_competent_authority no Competent Authority is recorded; the organisation must designate one (s.3(4), s.11(1))
}

func ExampleValidator_Check_urdu() {
	v := committee.NewValidator()
	c := committee.Committee{
		CompetentAuthority: "E-100",
		Members: []committee.Member{
			{ID: "E-1", Name: "Imran Example", Gender: committee.Male, Seat: committee.SeniorManagement, Chair: true},
			{ID: "E-2", Name: "Bilal Example", Gender: committee.Male, Seat: committee.EmployeeRepresentative},
			{ID: "E-3", Name: "Kamran Example", Gender: committee.Male, Seat: committee.SeatOther},
		},
	}
	r, err := v.Check(c, federal(), committee.CheckOptions{Language: committee.Urdu})
	if err != nil {
		panic(err)
	}
	for _, vi := range r.Violations {
		fmt.Println(vi.Code, vi.Message)
	}
	// Output:
	// no_woman کمیٹی میں کم از کم ایک خاتون رکن ہونا لازمی ہے (دفعہ 3(2))
}

// A committee checked for one case: the accused sits on it and is replaced
// by a man, which leaves the committee for the case without a woman.
func ExampleValidator_Check_case() {
	v := committee.NewValidator()
	c := committee.Committee{
		CompetentAuthority: "E-100",
		Members: []committee.Member{
			{ID: "E-1", Name: "Imran Example", Gender: committee.Male, Seat: committee.SeniorManagement, Chair: true},
			{ID: "E-2", Name: "Bilal Example", Gender: committee.Male, Seat: committee.EmployeeRepresentative},
			{ID: "E-3", Name: "Sana Example", Gender: committee.Female, Seat: committee.SeatOther},
		},
	}
	kase := &committee.Case{
		Parties: []committee.Party{
			{Role: committee.Complainant, ID: "E-20"},
			{Role: committee.Accused, ID: "E-3"},
		},
		Replacements: []committee.Replacement{{
			Out: "E-3",
			In:  committee.Member{ID: "X-1", Name: "Tariq Example", Gender: committee.Male, Seat: committee.SeatOther, External: true},
		}},
	}
	r, err := v.Check(c, federal(), committee.CheckOptions{Case: kase})
	if err != nil {
		panic(err)
	}
	for _, vi := range r.Violations {
		fmt.Println(vi.Code, vi.Members, vi.Citation.Section)
	}
	// Output:
	// no_woman [] s.3(2)
	// replacement_invalid [E-3 X-1] s.3(3)
}

func ExampleReport_Err() {
	v := committee.NewValidator()
	c := committee.Committee{CompetentAuthority: "E-100", Members: []committee.Member{
		{ID: "E-1", Name: "Ayesha Example", Gender: committee.Female, Seat: committee.SeniorManagement},
	}}
	r, err := v.Check(c, federal(), committee.CheckOptions{})
	if err != nil {
		panic(err)
	}
	err = r.Err()
	var ce *committee.Error
	if errors.As(err, &ce) {
		fmt.Println(errors.Is(err, committee.ErrInvalid), len(ce.Violations))
		fmt.Println(err)
	}
	// Output:
	// true 3
	// committee: invalid committee: 3 violations: size: the committee must have exactly 3 members; it has 1 (s.3(2)); no_employee_representative: one member must be a senior representative of the employees or, as the organisation has no CBA, a senior employee (s.3(2)); no_chair: no member is designated chairperson; the chairperson must be designated from amongst the members (s.3(2))
}

func ExampleParse() {
	c, err := committee.Parse([]byte(`
has_cba: false
cannot_designate_internally: false
competent_authority: E-100
members:
  - {id: E-1, name: Ayesha Example, gender: female, seat: senior_management, chair: true}
  - {id: E-2, name: Bilal Example, gender: male, seat: senior_employee}
  - {id: E-3, name: Kamran Example, gender: male, seat: other}
`))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(c.Members), c.Members[0].Gender, c.Members[1].Seat)

	_, err = committee.Parse([]byte(`{"members": [{"id": "E-1", "gender": "f"}]}`))
	fmt.Println(err)
	// Output:
	// 3 female senior_employee
	// committee: malformed committee file (json): members[0].gender: unknown gender "f" (want female, male, other)
}

func ExampleParseLanguage() {
	l, err := committee.ParseLanguage("ur")
	fmt.Println(l, err)
	_, err = committee.ParseLanguage("fr")
	fmt.Println(err)
	// Output:
	// ur <nil>
	// committee: unknown language "fr" (want en, ur)
}

func ExampleCodes() {
	for _, c := range committee.Codes()[:4] {
		fmt.Println(c)
	}
	// Output:
	// size
	// invalid_member
	// duplicate_member
	// no_woman
}
