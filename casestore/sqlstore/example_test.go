package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
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
	h := casestore.MustParseHeader(`{"policy":"pk-federal-2022","parties":{"complainant":{"relationship":"employee","id":"e-17"}}}`)
	c, err := store.Create(ctx, "case-1", h, casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := store.Verify(ctx, "case-1")
	fmt.Println(c.Projection.State, v.Intact(), v.Head == c.Head)
	// Output:
	// complaint_received true true
}
