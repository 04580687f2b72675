package examples_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// An HR system keeps complaints in a store and drives them from its own UI:
// it imports the complaint, appends each act as the forum records it (the law
// checks every act before it is stored), shows a dashboard of overdue cases,
// and proves at audit that nobody altered the record. A real deployment opens
// a SQLite file or PostgreSQL with sqlstore.Open; the in-memory store behaves
// the same.
func Example_hrSystem() {
	ctx := context.Background()
	store, err := memstore.New(casestore.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()

	header := casefsm.Header{Policy: policy.FederalAct2022, Calendar: "pk-federal", IncidentOn: civil.MustParse("2026-02-20"),
		Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: policy.Employee, ID: "e-17"},
			Accused:     casefsm.Party{Relationship: policy.Employee, ID: "e-42"}}}
	march := func(day int) civil.Date { return civil.MustParse("2026-03-01").AddDays(day - 1) }
	c, err := store.Create(ctx, "hr-2026-0007", header,
		casefsm.Event{Type: casefsm.FileComplaint, On: march(2), By: casefsm.Complainant, ReceivedOn: march(2)})
	if err != nil {
		fmt.Println(err)
		return
	}

	// The committee communicates the charges on time; the accused's 7 days
	// for a defence (s.4(1)(b)) start.
	c, err = store.Append(ctx, c.ID, c.Version(),
		casefsm.Event{Type: casefsm.CommunicateCharges, On: march(5), By: casefsm.InquiryCommittee})
	fmt.Println(c.Projection.State, err)

	// The UI offers the Competent Authority a decision too early: refused,
	// and nothing is stored. The refusal is casefsm's, with its citation.
	_, err = store.Apply(ctx, c.ID,
		casefsm.Event{Type: casefsm.Decide, On: march(6), By: casefsm.CompetentAuthority})
	if r, ok := errors.AsType[*casefsm.Refusal](err); ok {
		fmt.Println("refused:", r.Event, r.Code, r.Citation.Section)
	}

	// The dashboard on 13 March: the defence was due on the 12th.
	overdue, _ := store.List(ctx, casestore.Filter{Overdue: true, At: civil.MustParse("2026-03-13")})
	for _, s := range overdue {
		fmt.Println("overdue:", s.ID, s.Deadlines[0].Rule, s.Deadlines[0].Due)
	}

	v, _ := store.Verify(ctx, c.ID)
	fmt.Println("intact:", v.Intact(), "at version", v.Version)
	// Output:
	// charges_communicated <nil>
	// refused: decide not_allowed s.4(5)
	// overdue: hr-2026-0007 defence 2026-03-12
	// intact: true at version 2
}
