package casefsm_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

func ExampleEngine_Deadline() {
	d, err := engine().Deadline(casefsm.DeadlineQuery{
		Policy:   policy.FederalAct2022,
		Rule:     policy.RuleDefence,
		From:     civil.MustParse("2026-03-07"), // the charges were received
		Calendar: "pk-federal",                  // the organisation's own calendar
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Due, d.Calendar, d.RolledForward)

	// The appeal goes to the Ombudsperson, who keeps her own calendar.
	d, _ = engine().Deadline(casefsm.DeadlineQuery{Rule: policy.RuleAppealPenalised, From: civil.MustParse("2025-11-25"), Calendar: "pk-federal"})
	fmt.Println(d.Due, d.Calendar)
	// Output:
	// 2026-03-16 pk-federal true
	// 2025-12-29 pk-islamabad
}

func ExampleCase_Check() {
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal", IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{Complainant: casefsm.Party{Relationship: policy.Employee}}})
	_ = c.Apply(casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant})

	// Ask before recording: the accused cannot communicate the charges.
	err := c.Check(casefsm.Event{Type: casefsm.CommunicateCharges, On: civil.MustParse("2026-03-04"), By: casefsm.Accused})
	if ref, ok := errors.AsType[*casefsm.Refusal](err); ok {
		fmt.Println(ref.Code, ref.Citation.Section)
	}
	err = c.Check(casefsm.Event{Type: casefsm.CommunicateCharges, On: civil.MustParse("2026-03-04"), By: casefsm.InquiryCommittee})
	fmt.Println(err, c.State(), len(c.Events()))
	// Output:
	// forbidden_actor s.4(1)(a)
	// <nil> complaint_received 1
}

func ExampleCase_Committee() {
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal",
		Parties: casefsm.Parties{Complainant: casefsm.Party{Relationship: policy.Employee, ID: "e-17"}, Accused: casefsm.Party{ID: "m-2"}},
		Committee: &committee.Committee{Members: []committee.Member{
			{ID: "m-1", Name: "Ayesha K.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true},
			{ID: "m-2", Name: "Bilal R.", Gender: committee.Male, Seat: committee.SeniorEmployee},
			{ID: "m-3", Name: "Omar F.", Gender: committee.Male, Seat: committee.SeatOther},
		}}})
	_ = c.Apply(casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant})
	// The accused sits on the committee: he is replaced for this case (s.3(3)).
	_ = c.Apply(casefsm.Event{Type: casefsm.ReplaceMember, On: civil.MustParse("2026-03-03"), By: casefsm.Employer,
		Member: &committee.Replacement{Out: "m-2", In: committee.Member{ID: "m-9", Name: "Sana T.", Gender: committee.Female, Seat: committee.SeniorEmployee}}})
	cm, _ := c.Committee()
	for _, m := range cm.Members {
		fmt.Println(m.ID, m.Name)
	}
	// Output:
	// m-1 Ayesha K.
	// m-9 Sana T.
	// m-3 Omar F.
}

func ExampleFields() {
	for _, f := range casefsm.Fields(casefsm.DismissAtAdmission) {
		fmt.Println(f.Name, f.Required)
	}
	// Output:
	// type true
	// on true
	// by true
	// reason true
	// note false
}

// A form for an event type, from its fields' kinds and values: under the
// federal Act, only the Competent Authority communicates a decision, to
// the complainant, the accused or the employer.
func ExampleFieldKind() {
	d, _ := engine().Definition(policy.FederalAct2022)
	for _, f := range d.Events()[casefsm.CommunicateDecision-1].Fields {
		switch f.Kind {
		case casefsm.FieldEnum, casefsm.FieldList:
			fmt.Println(f.Name, "chooses", f.Kind, "of", f.Values)
		default:
			fmt.Println(f.Name, "asks for", f.Kind)
		}
	}
	// Output:
	// type chooses enum of [communicate_decision]
	// on asks for date
	// by chooses enum of [competent_authority]
	// to chooses list of [complainant accused employer]
	// reason asks for text
	// note asks for text
}

func ExampleStatus_MarshalJSON() {
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal", IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{Complainant: casefsm.Party{Relationship: policy.Employee}}})
	_ = c.Apply(casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant})
	b, _ := json.Marshal(c.Status(civil.MustParse("2026-03-04")))
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	d := out["deadlines"].([]any)[0].(map[string]any)
	fmt.Println(out["as_of"], out["route"], out["state"])
	fmt.Println(d["rule"], d["from"], d["due"], d["last_open_day"], d["status"], d["done_on"])
	// Output:
	// 2026-03-04 committee complaint_received
	// charges 2026-03-02 2026-03-05 2026-03-05 pending <nil>
}

func ExampleDefinition_Events() {
	d, _ := engine().Definition(policy.FederalAct2022)
	info := d.Events()[casefsm.SubmitDefence-1] // every type, in order
	fmt.Println(info.Type, info.By, info.From)
	for _, f := range info.Fields {
		if !f.Required {
			fmt.Println(" ", f.Name)
		}
	}
	// Output:
	// submit_defence [accused] [charges_communicated defence_closed inquiry show_cause_issued ombudsperson_hearing]
	//   reasonable_cause
	//   condonation
	//   reason
	//   note
}
