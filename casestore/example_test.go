package casestore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// A synthetic case file: invented ids, federal law as amended in 2022.
const exampleFile = `{
  "policy": "pk-federal-2022", "incident_on": "2026-02-20",
  "parties": {"complainant": {"relationship": "employee", "id": "e-17"},
              "accused": {"relationship": "employee", "id": "e-42"},
              "witnesses": [{"id": "e-51"}]},
  "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"}]}`

// exampleStore returns a memory store holding case-1, imported from
// exampleFile.
func exampleStore() (casestore.Store, casestore.Case) {
	store, err := memstore.New(casestore.Options{}) // decides with casefsm's built-in policies
	if err != nil {
		panic(err)
	}
	f, err := casefsm.Decode(strings.NewReader(exampleFile))
	if err != nil {
		panic(err)
	}
	c, err := store.Create(context.Background(), "case-1", f.Header, f.Events...)
	if err != nil {
		panic(err)
	}
	return store, c
}

func Example() {
	ctx := context.Background()
	store, c := exampleStore()
	defer store.Close()
	fmt.Println(c.Version(), c.Projection.State, c.Projection.Deadlines[0].Rule, c.Projection.Deadlines[0].Due)

	// Append at the version read; a stale version is a conflict.
	charges := casefsm.Event{Type: casefsm.CommunicateCharges, On: civil.MustParse("2026-03-04"), By: casefsm.InquiryCommittee}
	c, err := store.Append(ctx, "case-1", c.Version(), charges)
	fmt.Println(c.Version(), c.Projection.State, err)
	_, err = store.Append(ctx, "case-1", 1, charges)
	fmt.Println(errors.Is(err, casestore.ErrConflict))

	// A decision before any inquiry is refused by casefsm and not stored.
	decide := casefsm.Event{Type: casefsm.Decide, On: civil.MustParse("2026-03-05"), By: casefsm.CompetentAuthority,
		Penalties: []casefsm.Penalty{{Code: policy.Censure}}}
	_, err = store.Apply(ctx, "case-1", decide)
	var refused *casefsm.Refusal
	if errors.As(err, &refused) {
		fmt.Println("event", refused.Index+1, refused.Code, refused.Citation.Section)
	}
	// Output:
	// 1 complaint_received charges 2026-03-05
	// 2 charges_communicated <nil>
	// true
	// event 3 not_allowed s.4(5)
}

func ExampleFilter() {
	ctx := context.Background()
	store, _ := exampleStore()
	overdue, _ := store.List(ctx, casestore.Filter{Overdue: true, At: civil.MustParse("2026-03-10")})
	for _, s := range overdue {
		fmt.Println(s.ID, s.State, s.Deadlines[0].Rule, s.Deadlines[0].Due)
	}
	// A state or policy that does not exist is an error, not an empty list.
	_, err := store.List(ctx, casestore.Filter{Policy: "pk-atlantis-2030"})
	var fe *casestore.FilterError
	fmt.Println(errors.As(err, &fe), fe.Field)
	_, err = casestore.ParseState("inqury")
	fmt.Println(errors.Is(err, casestore.ErrMalformed))
	// Output:
	// case-1 complaint_received charges 2026-03-05
	// true policy
	// true
}

func ExampleCase_Open() {
	store, c := exampleStore()
	defer store.Close()
	engine, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{}) // build once, share
	if err != nil {
		fmt.Println(err)
		return
	}
	fc, err := c.Open(engine)
	if err != nil {
		fmt.Println(err)
		return
	}
	st := fc.Status(civil.MustParse("2026-03-10"))
	fmt.Println(st.State, st.Deadlines[0].Rule, st.Deadlines[0].Status)
	// Output:
	// complaint_received charges overdue
}

func ExampleViewAs() {
	ctx := context.Background()
	store, c := exampleStore()
	statement := casefsm.Event{Type: casefsm.RecordStatement, On: civil.MustParse("2026-03-03"), By: casefsm.InquiryCommittee, Note: "statement of a witness"}
	c, err := store.Append(ctx, "case-1", c.Version(), statement)
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := casestore.ViewAs(c, casefsm.Accused)
	fmt.Printf("accused: %s\n  %s\n", v.Header, v.Events[1])
	v, _ = casestore.Statistics(c)
	fmt.Printf("statistics: %s\n  %s\n", v.Header, v.Events[1])
	// Output:
	// accused: {"incident_on":"2026-02-20","parties":{"accused":{"id":"e-42","relationship":"employee"},"complainant":{"id":"e-17","relationship":"employee"},"witnesses":[{"id":"[withheld]"}]},"policy":"pk-federal-2022"}
	//   {"by":"inquiry_committee","note":"[withheld]","on":"2026-03-03","type":"record_statement"}
	// statistics: {"incident_on":"2026-02","parties":{"accused":{"relationship":"employee"},"complainant":{"relationship":"employee"},"witnesses":[{}]},"policy":"pk-federal-2022"}
	//   {"by":"inquiry_committee","on":"2026-03","type":"record_statement"}
}
