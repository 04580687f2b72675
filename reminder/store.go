package reminder

// This file is the package's only contact with the case store.

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// FromStore returns the Source of a case store: its List with the deadline
// filters, page by page.
func FromStore(s casestore.Store) Source {
	return func(ctx context.Context, at civil.Date, within int) ([]Deadline, error) {
		last := at.AddDays(within)
		var out []Deadline
		f := casestore.Filter{At: at, Overdue: true, DueWithin: within, Limit: 500}
		for {
			page, err := s.List(ctx, f)
			if err != nil {
				return nil, err
			}
			for _, c := range page {
				for _, d := range c.Deadlines {
					if d.Due.After(last) {
						continue
					}
					var k policy.Kind
					if err := k.UnmarshalText([]byte(d.Kind)); err != nil {
						return nil, fmt.Errorf("reminder: case %s: %w", c.ID, err)
					}
					out = append(out, Deadline{Case: c.ID, Policy: policy.ID(c.Policy), Rule: policy.RuleID(d.Rule), Kind: k, Due: d.Due})
				}
			}
			if len(page) < f.Limit {
				return out, nil
			}
			f.After = page[len(page)-1].ID
		}
	}
}

// sqlBacked is a store in a SQL database the outbox can share.
type sqlBacked interface {
	DB() *sql.DB
	Dialect() string
}

// OpenFor returns the outbox in store s's own database, or ok false when s
// keeps no SQL database (the memory store).
func OpenFor(ctx context.Context, s casestore.Store) (o *Outbox, ok bool, err error) {
	b, ok := s.(sqlBacked)
	if !ok {
		return nil, false, nil
	}
	o, err = Open(ctx, b.DB(), b.Dialect())
	return o, true, err
}
