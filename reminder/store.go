package reminder

// This file is the package's only contact with the case store.

import (
	"context"
	"database/sql"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
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
					out = append(out, Deadline{Case: c.ID, Policy: c.Policy, Rule: d.Rule, Kind: d.Kind, Due: d.Due})
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
