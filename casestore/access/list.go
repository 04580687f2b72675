package access

import (
	"context"
	"errors"

	"github.com/hifazat/hifazat/casestore"
)

// List returns the summaries of the cases that match f, sorted by id, that
// actor a may see: an administrative actor every case; a forum (see
// [Guard.Access]) the cases [RoleIn] gives it a forum's view of (a committee
// member not on a case's committee, or replaced for it, does not see it);
// anyone else none (denied). The store checks each case it lists
// ([casestore.Summary.Tampered]); a case whose record was altered is
// listed, marked, to the forums and administrators, since its record can no
// longer say who may see it. f.Limit, when set, counts the cases a sees.
// Each case listed is logged as a "list" read of it ("failed" when
// altered); a denied list is logged once, with no case.
func (g *Guard) List(ctx context.Context, a Actor, f casestore.Filter) ([]casestore.Summary, error) {
	admin := g.isAdmin(a)
	if !admin && !isForum(a.Role) {
		err := &DeniedError{Actor: a, Reason: "only the forums and administrative actors list cases"}
		return nil, g.record(ctx, Entry{Actor: a, What: "list", Outcome: "denied"}, err)
	}
	var out []casestore.Summary
	for {
		page, err := g.Store.List(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, s := range page {
			ok, err := g.listed(ctx, a, admin, s)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, s)
			}
			if f.Limit > 0 && len(out) == f.Limit {
				return out, nil
			}
		}
		if f.Limit <= 0 || len(page) < f.Limit {
			return out, nil
		}
		f.After = page[len(page)-1].ID
	}
}

// listed reports whether a may see case s of a list, and logs the read of
// each case a sees. An error fails the list.
func (g *Guard) listed(ctx context.Context, a Actor, admin bool, s casestore.Summary) (bool, error) {
	if s.Tampered {
		return true, g.record(ctx, Entry{Case: s.ID, Actor: a, What: "list", Outcome: "failed"}, nil)
	}
	as := a.Role
	if !admin {
		c, err := g.Store.Load(ctx, s.ID)
		if errors.Is(err, casestore.ErrNotFound) {
			return false, nil // gone since it was listed
		}
		if err != nil {
			return false, g.record(ctx, Entry{Case: s.ID, Actor: a, What: "list", Outcome: "failed"}, err)
		}
		if as, err = RoleIn(c, a); err != nil || !isForum(as) {
			return false, nil
		}
	}
	return true, g.record(ctx, Entry{Case: s.ID, Actor: a, As: as, What: "list", Outcome: "read"}, nil)
}
