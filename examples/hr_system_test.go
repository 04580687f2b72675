package examples_test

import (
	"context"
	"fmt"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
)

// An HR system keeps complaints in a store and drives them from its own UI:
// it imports the complaint, appends each act as the forum records it (the law
// checks every act before it is stored), shows a dashboard of overdue cases,
// and proves at audit that nobody altered the record. A real deployment opens
// a SQLite file or PostgreSQL with sqlstore.Open; the in-memory store behaves
// the same.
func Example_hrSystem() {
	ctx := context.Background()
	store := casestore.NewMemory(casestore.Options{})
	defer store.Close()

	header := casestore.MustParseHeader(`{"policy": "pk-federal-2022", "calendar": "pk-federal",
		"incident_on": "2026-02-20",
		"parties": {"complainant": {"relationship": "employee", "id": "e-17"},
		            "accused": {"relationship": "employee", "id": "e-42"}}}`)
	c, err := store.Create(ctx, "hr-2026-0007", header,
		casestore.MustParseEvent(`{"type": "file_complaint", "on": "2026-03-02", "by": "complainant", "received_on": "2026-03-02"}`))
	if err != nil {
		fmt.Println(err)
		return
	}

	// The committee communicates the charges on time; the accused's 7 days
	// for a defence (s.4(1)(b)) start.
	c, err = store.Append(ctx, c.ID, c.Version(),
		casestore.MustParseEvent(`{"type": "communicate_charges", "on": "2026-03-05", "by": "inquiry_committee"}`))
	fmt.Println(c.Projection.State, err)

	// The UI offers the Competent Authority a decision too early: refused,
	// and nothing is stored.
	_, err = store.Append(ctx, c.ID, c.Version(),
		casestore.MustParseEvent(`{"type": "decide", "on": "2026-03-06", "by": "competent_authority"}`))
	fmt.Println(err)

	// The dashboard on 13 March: the defence was due on the 12th.
	overdue, _ := store.List(ctx, casestore.Filter{Overdue: true, At: civil.MustParse("2026-03-13")})
	for _, s := range overdue {
		fmt.Println("overdue:", s.ID, s.Deadlines[0].Rule, s.Deadlines[0].Due)
	}

	v, _ := store.Verify(ctx, c.ID)
	fmt.Println("intact:", v.Intact(), "at version", v.Version)
	// Output:
	// charges_communicated <nil>
	// casestore: case "hr-2026-0007" event 3 (decide) refused: not_allowed: decide is not possible in state charges_communicated; it is possible in findings_submitted (s.4(5))
	// overdue: hr-2026-0007 defence 2026-03-12
	// intact: true at version 2
}
