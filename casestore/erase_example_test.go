package casestore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/civil"
)

// A deployment seals its cases with its key; once a case is closed and its
// retention period over, erasing it destroys its key: its content is gone
// for everyone, its record still verifies and List still counts it.
func ExampleEraser() {
	ctx := context.Background()
	key, err := seal.Parse([]byte(seal.Generate())) // in production: seal.ReadFile
	if err != nil {
		panic(err)
	}
	var store casestore.Eraser
	store, err = memstore.New(casestore.Options{Keys: seal.NewKeyring(key)})
	if err != nil {
		panic(err)
	}
	f, err := casefsm.Decode(strings.NewReader(`{"policy": "pk-federal-2022", "incident_on": "2026-02-20",
  "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"}},
  "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"},
             {"type": "request_withdrawal", "on": "2026-03-03", "by": "complainant"},
             {"type": "accept_withdrawal", "on": "2026-03-04", "by": "inquiry_committee"}]}`))
	if err != nil {
		panic(err)
	}
	c, err := store.Create(ctx, "case-1", f.Header, f.Events...)
	if err != nil {
		panic(err)
	}
	hold := casestore.Hold{Reason: "suit 12/2026", On: civil.MustParse("2026-04-01")}
	if err := store.Hold(ctx, c.ID, hold); err != nil {
		panic(err)
	}
	err = store.Erase(ctx, c.ID, civil.MustParse("2027-06-01"))
	fmt.Println("under a hold:", errors.Is(err, casestore.ErrNotErasable))
	if err := store.Release(ctx, c.ID, civil.MustParse("2027-05-01")); err != nil {
		panic(err)
	}
	if err := store.Erase(ctx, c.ID, civil.MustParse("2027-06-01")); err != nil {
		panic(err)
	}
	_, err = store.Load(ctx, c.ID)
	fmt.Println("load:", errors.Is(err, casestore.ErrErased))
	v, _ := store.Verify(ctx, c.ID)
	fmt.Println("verify:", v.Intact(), "sealed:", v.Sealed)
	list, _ := store.List(ctx, casestore.Filter{State: casefsm.Withdrawn})
	fmt.Println("listed:", len(list))
	// Output:
	// under a hold: true
	// load: true
	// verify: true sealed: true
	// listed: 1
}
