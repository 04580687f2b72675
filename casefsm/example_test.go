package casefsm_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// engine builds the engine once for the examples; a program builds one at
// start-up and shares it.
func engine() *casefsm.Engine {
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		panic(err)
	}
	return eng
}

func ExampleNewEngine() {
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := eng.Definition(policy.FederalAct2022)
	fmt.Println(d.Policy().ID(), len(d.Transitions()), "rows")
	// Output: pk-federal-2022 68 rows
}

func ExampleEngine_NewCase() {
	c, err := engine().NewCase(casefsm.Header{
		Calendar:   "pk-federal",
		IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: policy.Employee, ID: "e-17"},
			Accused:     casefsm.Party{Relationship: policy.Employee, ID: "e-42"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.State(), c.Route())
	// Output: not_filed none
}

func ExampleCase_Apply() {
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal", IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{Complainant: casefsm.Party{Relationship: policy.Employee}}})
	err := c.Apply(casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant})
	fmt.Println(c.State(), err)

	// The Competent Authority cannot decide before the committee's findings.
	err = c.Apply(casefsm.Event{Type: casefsm.Decide, On: civil.MustParse("2026-03-03"), By: casefsm.CompetentAuthority})
	var ref *casefsm.Refusal
	if errors.As(err, &ref) {
		fmt.Println(ref.Code, "-", ref.Message, "-", ref.Citation.Section)
	}
	fmt.Println(errors.Is(err, casefsm.ErrNotAllowed), c.State())
	// Output:
	// complaint_received <nil>
	// not_allowed - decide is not possible in state complaint_received; it is possible in findings_submitted - s.4(5)
	// true complaint_received
}

func ExampleCase_Status() {
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal", IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{Complainant: casefsm.Party{Relationship: policy.Employee}}})
	_ = c.Apply(casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant})
	_ = c.Apply(casefsm.Event{Type: casefsm.CommunicateCharges, On: civil.MustParse("2026-03-06"), By: casefsm.InquiryCommittee})

	s := c.Status(civil.MustParse("2026-03-10"))
	fmt.Println(s.Policy, s.State)
	for _, d := range s.Deadlines {
		fmt.Println(d.Rule, d.Due, d.Status)
	}
	for _, b := range s.Breaches {
		fmt.Println(b.Code, "-", b.Message)
	}
	for _, n := range s.Next {
		if n.Moves {
			fmt.Println("next:", n.Event, n.By)
		}
	}
	// Output:
	// pk-federal-2022 charges_communicated
	// charges 2026-03-05 late
	// defence 2026-03-13 pending
	// late_duty - charges: done on 2026-03-06, 1 day after the period ended on 2026-03-05
	// next: submit_defence [accused]
}

// A case file may carry the standing committee; Status warns while the
// committee for the case breaks s.3(2)-(3), and a replacement puts it right.
func ExampleCase_Status_committee() {
	f, err := casefsm.Decode(strings.NewReader(`{"calendar": "pk-federal", "incident_on": "2026-02-20",
		"parties": {"complainant": {"relationship": "employee", "id": "e-17"},
		            "accused": {"relationship": "employee", "id": "m-2"}},
		"committee": {"has_cba": false, "cannot_designate_internally": false, "competent_authority": "ceo-1",
		  "members": [{"id": "m-1", "name": "Ayesha K.", "gender": "female", "seat": "senior_management", "chair": true},
		              {"id": "m-2", "name": "Bilal R.", "gender": "male", "seat": "senior_employee"},
		              {"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}]},
		"events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := engine().Open(f)
	for _, w := range c.Status(civil.Date{}).Warnings {
		fmt.Println(w.Code, "-", w.Message)
	}
	err = c.Apply(casefsm.Event{Type: casefsm.ReplaceMember, On: civil.MustParse("2026-03-03"), By: casefsm.Employer,
		Member: &committee.Replacement{Out: "m-2", In: committee.Member{ID: "m-8", Name: "Nadia H.", Gender: committee.Female, Seat: committee.SeniorEmployee}}})
	fmt.Println(err, len(c.Status(civil.Date{}).Warnings))
	// Output:
	// committee_invalid - conflicted_member: member m-2 is the accused in this case and must be replaced for it (s.3(3))
	// <nil> 0
}

func ExampleDecode() {
	f, err := casefsm.Decode(strings.NewReader(`{"events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant", "penalty": "censure"}]}`))
	fmt.Println(f, err)
	var ie *casefsm.InputError
	fmt.Println(errors.As(err, &ie), ie.Index, ie.Field)
	// Output:
	// <nil> casefsm: event 1: field "penalty": unknown field (want one of [type on by received_on finding penalties reasonable_cause condonation consent to reason note member voids kind])
	// true 0 penalty
}

func ExampleCaseFile_Encode() {
	f, _ := casefsm.Decode(strings.NewReader(`{"incident_on": "2026-02-20",
		"events": [{"type": "decide", "on": "2026-04-20", "by": "competent_authority",
		            "penalties": ["censure", {"code": "fine", "amount": 50000}]}]}`))
	_ = f.Encode(os.Stdout)
	// Output:
	// {
	//   "incident_on": "2026-02-20",
	//   "parties": {
	//     "complainant": {},
	//     "accused": {}
	//   },
	//   "events": [
	//     {
	//       "type": "decide",
	//       "on": "2026-04-20",
	//       "by": "competent_authority",
	//       "penalties": [
	//         "censure",
	//         {
	//           "code": "fine",
	//           "amount": 50000
	//         }
	//       ]
	//     }
	//   ]
	// }
}

func ExampleEngine_Open() {
	f, _ := casefsm.Decode(strings.NewReader(`{"incident_on": "2026-02-20",
		"parties": {"complainant": {"relationship": "employee"}},
		"events": [{"type": "file_with_ombudsperson", "on": "2026-03-02", "by": "complainant"},
		           {"type": "issue_show_cause", "on": "2026-03-04", "by": "ombudsperson", "received_on": "2026-03-05"}]}`))
	c, err := engine().Open(f)
	fmt.Println(c.State(), c.Route(), err)
	// Output: show_cause_issued ombudsperson <nil>
}

func ExampleEngine_Report() {
	f, _ := casefsm.Decode(strings.NewReader(`{"calendar": "pk-federal", "incident_on": "2026-02-20",
		"parties": {"complainant": {"relationship": "employee"}},
		"events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"},
		           {"type": "proceed_ex_parte", "on": "2026-03-03", "by": "inquiry_committee"}]}`))
	r, err := engine().Report(f, civil.MustParse("2026-03-03"))
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := json.Marshal(r)
	var out struct{ State, Error any }
	_ = json.Unmarshal(b, &out)
	fmt.Println(out.State)
	fmt.Println(out.Error)
	// Output:
	// complaint_received
	// map[citation:s.4(1)(b), interpretation 14 [high] code:not_allowed event:2 index:1 message:proceed ex parte is not possible in state complaint_received; it is possible in charges_communicated type:proceed_ex_parte]
}

func ExampleNewDefinition() {
	p, _ := policy.Builtin().Get(policy.FederalAct2022)
	d, err := casefsm.NewDefinition(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range d.Transitions() {
		if t.Event == casefsm.SubmitDefence && t.Moves() {
			fmt.Println(t.Route, t.From, "->", t.To, t.Citation.Section)
		}
	}
	// Output:
	// committee [charges_communicated] -> defence_closed s.4(1)(b)
	// ombudsperson [show_cause_issued] -> ombudsperson_hearing s.8(2)
}

func ExampleDefinition_Permitted() {
	d, _ := engine().Definition(policy.FederalAct2022)
	for _, p := range d.Permitted(casefsm.Decided, casefsm.CommitteeRoute) {
		if p.Moves {
			fmt.Println(p.Event, p.By)
		}
	}
	// Output:
	// communicate_decision [competent_authority]
	// file_appeal [complainant accused]
	// finalise [inquiry_committee competent_authority]
}

func ExampleDefinition_Mermaid() {
	d, _ := engine().Definition(policy.FederalAct2022)
	for _, line := range strings.Split(d.Mermaid(casefsm.Decided), "\n") {
		if strings.HasPrefix(line, "    decided") || strings.HasPrefix(line, "    class ") {
			fmt.Println(line)
		}
	}
	// Output:
	//     decided --> decision_communicated : communicate_decision (s.6(1))
	//     decided --> appeal_pending : file_appeal (s.6(1)-(2), interpretation 16)
	//     decided --> implementation : finalise [committee] (s.4(6), interpretation 18)
	//     class decided current
}

func ExampleDefinition_Graphviz() {
	d, _ := engine().Definition(policy.FederalAct2022)
	for _, line := range strings.Split(d.Graphviz(casefsm.Closed), "\n") {
		if strings.Contains(line, `"closed"`) {
			fmt.Println(line)
		}
	}
	// Output:
	//     "closed" [style="rounded,filled", fillcolor="#ffd966", penwidth=3];
	//     "implementation" -> "closed" [label="record_implementation (s.4(6), s.8(5), interpretation 18)"];
}

func ExampleState_String() {
	fmt.Println(casefsm.AppealPending, casefsm.State(99), casefsm.AppealPending.Terminal(), casefsm.Closed.Terminal())
	// Output: appeal_pending %!State(99) false true
}

// A witness (e-51) chairs the standing committee and is replaced for the
// case (s.3(3)). The accused reads the complainant's identity and the
// procedural facts; the witness is named nowhere in his view, nor who sits
// on the committee, nor the complainant's note.
func ExampleCaseFile_View() {
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal", IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: policy.Employee, ID: "e-17"},
			Accused:     casefsm.Party{Relationship: policy.Employee, ID: "e-42"},
			Witnesses:   []casefsm.Party{{ID: "e-51"}},
		},
		Committee: &committee.Committee{Members: []committee.Member{
			{ID: "e-51", Name: "Ayesha K.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true},
		}},
	})
	_ = c.Apply(casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant, Note: "he said it twice"})
	_ = c.Apply(casefsm.Event{Type: casefsm.ReplaceMember, On: civil.MustParse("2026-03-03"), By: casefsm.Employer,
		Member: &committee.Replacement{Out: "e-51", In: committee.Member{ID: "m-7", Name: "Sana Q.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true}}})
	v, err := c.File().View(casefsm.Accused)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(v.Header))
	for _, ev := range v.Events {
		fmt.Println(string(ev))
	}
	fmt.Println(v.Redacted, "values withheld")
	// Output:
	// {"calendar":"pk-federal","committee":{"cannot_designate_internally":false,"has_cba":false,"members":[{"chair":"[withheld]","external":"[withheld]","gender":"[withheld]","id":"[withheld]","name":"[withheld]","seat":"[withheld]"}]},"incident_on":"2026-02-20","jurisdiction":"federal","parties":{"accused":{"id":"e-42","relationship":"employee"},"complainant":{"id":"e-17","relationship":"employee"},"witnesses":[{"id":"[withheld]"}]}}
	// {"by":"complainant","note":"[withheld]","on":"2026-03-02","type":"file_complaint"}
	// {"by":"employer","member":{"in":{"chair":"[withheld]","external":"[withheld]","gender":"[withheld]","id":"[withheld]","name":"[withheld]","seat":"[withheld]"},"out":"[withheld]"},"on":"2026-03-03","type":"replace_member"}
	// 15 values withheld
}

// The committee_invalid warning names a member who is a witness: the
// forums read it whole, the parties read the rule broken, and statistics
// read the code and citation only.
func ExampleReport_For() {
	f, _ := casefsm.Decode(strings.NewReader(`{"calendar": "pk-federal", "incident_on": "2026-02-20",
	  "parties": {"complainant": {"relationship": "employee", "id": "e-17"},
	              "accused": {"relationship": "employee", "id": "e-42"}, "witnesses": [{"id": "e-51"}]},
	  "committee": {"has_cba": false, "cannot_designate_internally": false, "members": [
	    {"id": "e-51", "name": "Ayesha K.", "gender": "female", "seat": "senior_management", "chair": true},
	    {"id": "m-2", "name": "Bilal R.", "gender": "male", "seat": "senior_employee"},
	    {"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}]},
	  "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"}]}`))
	r, _ := engine().Report(f, civil.Date{})
	for _, role := range []casefsm.Role{casefsm.InquiryCommittee, casefsm.Accused} {
		w := r.For(role).Warnings[0]
		fmt.Printf("%s: %s: %q\n", role, w.Code, w.Message)
	}
	w := r.Statistics().Warnings[0]
	fmt.Printf("statistics: %s: %q\n", w.Code, w.Message)
	// Output:
	// inquiry_committee: committee_invalid: "conflicted_member: member e-51 is a witness in this case and must be replaced for it (s.3(3))"
	// accused: committee_invalid: "conflicted_member: the committee for this case breaks this rule as to a member this view does not name"
	// statistics: committee_invalid: ""
}

// A replacement that would bring a witness onto the committee is refused.
// The forum reads why; the employer who proposed it reads that the person
// is a party or a witness, not which.
func ExampleRefusal_For() {
	c, _ := engine().NewCase(casefsm.Header{Calendar: "pk-federal", IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: policy.Employee, ID: "e-17"},
			Witnesses:   []casefsm.Party{{ID: "e-51"}},
		}})
	_ = c.Apply(casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant})
	err := c.Apply(casefsm.Event{Type: casefsm.ReplaceMember, On: civil.MustParse("2026-03-03"), By: casefsm.Employer,
		Member: &committee.Replacement{Out: "m-3", In: committee.Member{ID: "e-51", Name: "Ayesha K."}}})
	var ref *casefsm.Refusal
	if errors.As(err, &ref) {
		fmt.Println(ref.For(casefsm.InquiryCommittee).Message)
		fmt.Println(ref.For(casefsm.Employer).Message)
	}
	// Output:
	// e-51 is a witness in this case and may not sit on the committee for it
	// [withheld] is a party or a witness in this case and may not sit on the committee for it
}

// Statistics read the procedural facts of a case, to the month.
func ExampleCaseFile_Statistics() {
	f, _ := casefsm.Decode(strings.NewReader(`{"incident_on": "2026-02-20",
	  "parties": {"complainant": {"relationship": "employee", "id": "e-17"}},
	  "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant", "note": "he said it twice"}]}`))
	v, _ := f.Statistics()
	fmt.Println(string(v.Header))
	fmt.Println(string(v.Events[0]), v.Redacted, "removed")
	// Output:
	// {"incident_on":"2026-02","parties":{"accused":{},"complainant":{"relationship":"employee"}}}
	// {"by":"complainant","on":"2026-03","type":"file_complaint"} 2 removed
}

func ExampleEventType_Class() {
	for _, e := range []casefsm.EventType{casefsm.FileComplaint, casefsm.RecordStatement, casefsm.OrderMedicalExamination, casefsm.AddNote} {
		fmt.Println(e, e.Class())
	}
	// Output:
	// file_complaint procedural
	// record_statement statement
	// order_medical_examination evidence
	// add_note free_text
}
