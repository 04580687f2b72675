package rejudge_test

import (
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/rejudge"
)

func judge() *rejudge.Judge {
	j, err := rejudge.New(policy.Builtin(), casefsm.Options{})
	if err != nil {
		panic(err)
	}
	return j
}

// ombudspersonCase is a 2022 complaint made directly to the federal
// Ombudsperson and decided after 136 days.
func ombudspersonCase() *casefsm.CaseFile {
	d := civil.MustParse
	return &casefsm.CaseFile{
		Header: casefsm.Header{IncidentOn: d("2022-02-20"), Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: policy.Employee}, Accused: casefsm.Party{Relationship: policy.Employee}}},
		Events: []casefsm.Event{
			{Type: casefsm.FileWithOmbudsperson, On: d("2022-03-01"), By: casefsm.Complainant},
			{Type: casefsm.IssueShowCause, On: d("2022-03-03"), By: casefsm.Ombudsperson},
			{Type: casefsm.SubmitDefence, On: d("2022-03-08"), By: casefsm.Accused},
			{Type: casefsm.DecideComplaint, On: d("2022-07-15"), By: casefsm.Ombudsperson, Finding: casefsm.Guilty, Penalties: []casefsm.Penalty{{Code: policy.Censure}}},
		},
	}
}

// A 2022 complaint to the Ombudsperson, re-judged under the Act as enacted
// in 2010, loses the 90-day period of s.8(6), which the 2022 amendment
// inserted.
func ExampleJudge_Rejudge() {
	r, err := judge().Rejudge(ombudspersonCase(), rejudge.Change{Policy: policy.FederalAct2010}, civil.Date{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Notice)
	for _, d := range r.Differences {
		fmt.Println(d)
	}
	// Output:
	// hypothetical: the case is re-judged under pk-federal-2010 whatever its dates (2010-03-09..2022-01-21); the case was filed on 2022-03-01, outside those dates; this is not the law that governs the case
	// policy: pk-federal-2022 -> pk-federal-2010
	// deadline ombudsperson-decision: due 2022-05-30, late -> (none)
}
