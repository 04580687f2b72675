package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "hifazat-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()

	store, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(dir, "hifazat.db"), casestore.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	h := casefsm.Header{Policy: policy.FederalAct2022, Parties: casefsm.Parties{
		Complainant: casefsm.Party{Relationship: policy.Employee, ID: "e-17"}}}
	filed := casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant}
	c, err := store.Create(ctx, "case-1", h, filed)
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := store.Verify(ctx, "case-1")
	fmt.Println(c.Projection.State, v.Intact(), v.Head == c.Head)
	// Output:
	// complaint_received true true
}
