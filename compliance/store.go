package compliance

// This file is the package's only contact with a case store: it reads
// through casestore's public interface (List with filters, Load) and hands
// the rest of the package casefsm's types. Nothing here writes.

import (
	"context"
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// listPage is how many summaries one List call returns while walking a store.
const listPage = 1000

// overdue is what the audit learns from a store: how many cases have an open
// deadline due before the date asked, and how many such deadlines each rule
// has. It holds counts only: no case id leaves this file.
type overdue struct {
	Cases  int
	ByRule map[string]int
}

// overdueCases counts the store's cases with an open deadline of a forum
// (a duty or a target) due before asOf, as the store indexes them
// (casefsm's projection at each case's last event). A party's filing period
// that ran out is not a breach (it lapsed, interpretation 7) and is not
// counted.
func overdueCases(ctx context.Context, s casestore.Store, asOf civil.Date) (overdue, error) {
	o := overdue{ByRule: map[string]int{}}
	err := walk(ctx, s, casestore.Filter{Overdue: true, At: asOf}, func(sum casestore.Summary) error {
		late := false
		for _, d := range sum.Deadlines {
			if d.Kind != policy.Filing && d.Due.Before(asOf) {
				o.ByRule[string(d.Rule)]++
				late = true
			}
		}
		if late {
			o.Cases++
		}
		return nil
	})
	return o, err
}

// walk pages through the summaries f selects.
func walk(ctx context.Context, s casestore.Store, f casestore.Filter, fn func(casestore.Summary) error) error {
	if s == nil {
		return fmt.Errorf("%w: no store", ErrStore)
	}
	f.Limit = listPage
	for {
		page, err := s.List(ctx, f)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrStore, err)
		}
		for _, sum := range page {
			if err := fn(sum); err != nil {
				return err
			}
		}
		if len(page) < listPage {
			return nil
		}
		f.After = page[len(page)-1].ID
	}
}

// eachCaseFile calls fn with every case of the store as a casefsm case file,
// in id order. fn must not keep the file. An erased case (its content
// destroyed at the end of its retention period, see casestore.Eraser) has
// no case file and is passed over.
func eachCaseFile(ctx context.Context, s casestore.Store, fn func(*casefsm.CaseFile) error) error {
	return walk(ctx, s, casestore.Filter{}, func(sum casestore.Summary) error {
		c, err := s.Load(ctx, sum.ID)
		if errors.Is(err, casestore.ErrErased) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %w", ErrStore, err)
		}
		return fn(c.File())
	})
}
