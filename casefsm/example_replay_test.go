package casefsm_test

import (
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// A stored history is replayed (the table decides each move); the case then
// goes on live, its next move made by looplab from the replayed state.
func ExampleCase_Replay() {
	d := civil.MustParse
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal", IncidentOn: d("2026-02-20"),
		Parties: casefsm.Parties{Complainant: casefsm.Party{Relationship: policy.Employee}}})
	stored := []casefsm.Event{
		{Type: casefsm.FileComplaint, On: d("2026-03-02"), By: casefsm.Complainant},
		{Type: casefsm.CommunicateCharges, On: d("2026-03-04"), By: casefsm.InquiryCommittee},
	}
	for _, ev := range stored {
		if err := c.Replay(ev); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("replayed:", c.State())
	err := c.Apply(casefsm.Event{Type: casefsm.SubmitDefence, On: d("2026-03-09"), By: casefsm.Accused})
	fmt.Println("live:", c.State(), err)
	// Output:
	// replayed: charges_communicated
	// live: defence_closed <nil>
}
