package sqlstore

import (
	"context"
	"strings"

	"github.com/hifazat/hifazat/casestore"
)

// List implements [casestore.Store]. The deadline conditions are one indexed
// range scan of hifazat_deadlines by due date.
func (s *Store) List(ctx context.Context, f casestore.Filter) ([]casestore.Summary, error) {
	if err := f.Check(s.kit.Engine.Set()); err != nil {
		return nil, err
	}
	if err := s.usable(); err != nil {
		return nil, err
	}
	// One snapshot for the index and the records it is checked against.
	tx, err := s.db.BeginTx(ctx, &s.d.snapshot)
	if err != nil {
		return nil, s.fail("list cases", "", err)
	}
	defer tx.Rollback()
	q, args := s.listQuery(f)
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.fail("list cases", "", err)
	}
	defer rows.Close()
	var out []casestore.Summary
	for rows.Next() {
		var sum casestore.Summary
		var policyID, state, deadlines string
		if err := rows.Scan(&sum.ID, &sum.Version, &policyID, &state, &deadlines); err != nil {
			return nil, s.fail("list cases", "", err)
		}
		if sum.Projection, err = projection(sum.ID, policyID, state, deadlines); err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("list cases", "", err)
	}
	rows.Close()
	// The index said which cases match; each is checked against its
	// record in the same snapshot, as Verify checks it (no key needed), so
	// none is listed as sound when altered.
	for i := range out {
		sc, p, err := s.readAll(ctx, tx, out[i].ID)
		if err != nil {
			return nil, err
		}
		v, err := s.kit.Verify(sc, p)
		if err != nil {
			return nil, s.fail("list cases", out[i].ID, err)
		}
		out[i].Tampered = !v.Intact()
	}
	return out, nil
}

// listQuery builds the query for f, with only the conditions f sets so that
// the planner sees plain indexable predicates.
func (s *Store) listQuery(f casestore.Filter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if f.State != 0 {
		add("state = ?", f.State.String())
	}
	if f.Policy != "" {
		add("policy = ?", string(f.Policy))
	}
	if f.After != "" {
		add("id > ?", f.After)
	}
	var due []string
	if f.Overdue {
		due = append(due, "due < ?")
		args = append(args, f.At.String())
	}
	if f.DueWithin > 0 {
		due = append(due, "due BETWEEN ? AND ?")
		args = append(args, f.At.String(), f.At.AddDays(f.DueWithin).String())
	}
	switch {
	case len(due) == 0:
	case f.Limit > 0:
		// A page: walk the cases in id order and stop at the page's end.
		where = append(where, "EXISTS (SELECT 1 FROM hifazat_deadlines d WHERE d.case_id = hifazat_cases.id AND ("+strings.Join(due, " OR ")+"))")
	default:
		// Everything: one range scan of the due-date index.
		where = append(where, "id IN (SELECT case_id FROM hifazat_deadlines WHERE "+strings.Join(due, " OR ")+")")
	}
	q := `SELECT id, version, policy, state, deadlines FROM hifazat_cases`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return s.d.rebind(q), args
}
