package casestore_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
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

func ExampleNewMemory() {
	ctx := context.Background()
	store := casestore.NewMemory(casestore.Options{}) // validates with casefsm
	defer store.Close()

	h, events, err := casestore.ParseCaseFile([]byte(exampleFile))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := store.Create(ctx, "case-1", h, events...)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Version(), c.Projection.State, c.Projection.Deadlines)

	// Append at the version read; a stale version is a conflict.
	charges := casestore.MustParseEvent(`{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`)
	c, err = store.Append(ctx, "case-1", c.Version(), charges)
	fmt.Println(c.Version(), c.Projection.State, err)
	_, err = store.Append(ctx, "case-1", 1, charges)
	fmt.Println(errors.Is(err, casestore.ErrConflict))

	// A decision before any inquiry is refused and not stored.
	decide := casestore.MustParseEvent(`{"type":"decide","on":"2026-03-05","by":"competent_authority","penalties":["censure"]}`)
	_, err = store.Append(ctx, "case-1", 2, decide)
	var refused *casestore.RefusedError
	fmt.Println(errors.As(err, &refused), refused.Code)
	// Output:
	// 1 complaint_received [{charges duty 2026-03-05}]
	// 2 charges_communicated <nil>
	// true
	// true not_allowed
}

func ExampleMemory_List() {
	ctx := context.Background()
	store := casestore.NewMemory(casestore.Options{})
	h, events, _ := casestore.ParseCaseFile([]byte(exampleFile))
	store.Create(ctx, "case-1", h, events...)
	store.Create(ctx, "case-2", h)

	overdue, _ := store.List(ctx, casestore.Filter{Overdue: true, At: civil.MustParse("2026-03-10")})
	for _, s := range overdue {
		fmt.Println(s.ID, s.State, s.Deadlines)
	}
	all, _ := store.List(ctx, casestore.Filter{})
	fmt.Println(len(all))
	// Output:
	// case-1 complaint_received [{charges duty 2026-03-05}]
	// 2
}

func ExampleVerifyStored() {
	store := casestore.NewMemory(casestore.Options{})
	h, events, _ := casestore.ParseCaseFile([]byte(exampleFile))
	note := casestore.MustParseEvent(`{"type":"add_note","on":"2026-03-03","by":"inquiry_committee","note":"hearing room booked"}`)
	c, _ := store.Create(context.Background(), "case-1", h, append(events, note)...)

	s := casestore.Stored(c)
	s.Rows[1].Event = []byte(`{"by":"inquiry_committee","note":"nothing happened","on":"2026-03-03","type":"add_note"}`)
	fmt.Println(casestore.VerifyStored(s).Problem)
	// Output:
	// event 2 modified: its content does not match its hash
}

func ExampleCanonical() {
	c, _ := casestore.Canonical([]byte(`{ "on": "2026-03-02", "type": "file_complaint", "amount": 5.0e4 }`))
	fmt.Println(string(c))
	// Output:
	// {"amount":50000,"on":"2026-03-02","type":"file_complaint"}
}

func ExampleParseEvent() {
	e, err := casestore.ParseEvent([]byte(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	fmt.Println(e.Type(), e.On(), e.By(), err)
	_, err = casestore.ParseEvent([]byte(`{"type":"file_complaint","on":"2026-02-30"}`))
	fmt.Println(err)
	// Output:
	// file_complaint 2026-03-02 complainant <nil>
	// casestore: malformed on: want a real date YYYY-MM-DD, got "2026-02-30"
}

func ExampleViewAs() {
	store := casestore.NewMemory(casestore.Options{})
	h, events, _ := casestore.ParseCaseFile([]byte(exampleFile))
	statement := casestore.MustParseEvent(`{"type":"record_statement","on":"2026-03-03","by":"inquiry_committee","note":"statement of a witness"}`)
	c, err := store.Create(context.Background(), "case-1", h, append(events, statement)...)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range []casestore.Role{casestore.Accused, casestore.Statistics} {
		v, _ := casestore.ViewAs(c, r)
		fmt.Printf("%s: %s\n  %s\n", r, v.Header, v.Events[1])
	}
	// Output:
	// accused: {"incident_on":"2026-02-20","parties":{"accused":{"id":"e-42","relationship":"employee"},"complainant":{"id":"e-17","relationship":"employee"},"witnesses":[{"id":"[withheld]"}]},"policy":"pk-federal-2022"}
	//   {"by":"inquiry_committee","note":"[withheld]","on":"2026-03-03","type":"record_statement"}
	// statistics: {"incident_on":"2026-02-20","parties":{"accused":{"relationship":"employee"},"complainant":{"relationship":"employee"},"witnesses":[{}]},"policy":"pk-federal-2022"}
	//   {"by":"inquiry_committee","on":"2026-03-03","type":"record_statement"}
}

func ExampleCaseFSM() {
	// A store with casefsm's validator over an engine built once and
	// shared (the zero Options does the same with the built-in policies).
	engine, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	store := casestore.NewMemory(casestore.Options{Validator: casestore.CaseFSM(engine)})
	_, err = store.Create(context.Background(), "case-1", casestore.MustParseHeader(`{"policy":"pk-mars-2099"}`))
	fmt.Println(errors.Is(err, casestore.ErrMalformed))
	// Output:
	// true
}

func ExampleParseCaseFile() {
	h, events, err := casestore.ParseCaseFile([]byte(exampleFile))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Policy(), len(events), events[0].Type())
	// EncodeCaseFile is the inverse, in canonical JSON.
	fmt.Println(string(casestore.EncodeCaseFile(casestore.MustParseHeader(`{"policy":"pk-federal-2022"}`), events)))
	// Output:
	// pk-federal-2022 1 file_complaint
	// {"events":[{"by":"complainant","on":"2026-03-02","type":"file_complaint"}],"policy":"pk-federal-2022"}
}

func ExampleOptions_Prepare() {
	// The core of a store's Append, for an integrator writing their own
	// store: validate, then chain the new records to the case's head.
	opts := casestore.Options{}.WithDefaults() // once, not per write
	h, events, _ := casestore.ParseCaseFile([]byte(exampleFile))
	c := casestore.Case{ID: "case-1", Header: h, Head: casestore.Genesis("case-1", h)}
	records, p, err := opts.Prepare(c, events)
	fmt.Println(len(records), records[0].Version, records[0].Prev == c.Head, p.State, err)

	_, _, err = opts.Prepare(c, []casestore.Event{casestore.MustParseEvent(`{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`)})
	fmt.Println(errors.Is(err, casestore.ErrRefused))
	// Output:
	// 1 1 true complaint_received <nil>
	// true
}

func ExampleChain() {
	h := casestore.MustParseHeader(`{"policy":"pk-federal-2022"}`)
	e := casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)
	genesis := casestore.Genesis("case-1", h)
	first := casestore.Chain(genesis, e)
	// The chain binds the event to its place: the same event after another
	// hash, or in another case, hashes differently.
	fmt.Println(first == casestore.Chain(genesis, e), first == casestore.Chain(casestore.Genesis("case-2", h), e))
	// Output:
	// true false
}
