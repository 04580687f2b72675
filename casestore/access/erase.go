package access

import (
	"context"
	"errors"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
)

// ErrCannotErase: the Guard's store keeps no case keys or holds (it is not
// a [casestore.Eraser]).
var ErrCannotErase = errors.New("access: the store cannot erase or hold cases")

// Erase erases case id for administrative actor a (see
// [casestore.Eraser.Erase]: refused while the case is open, held or
// retained). Like every act on a case it is logged, as "erase", refused or
// not: erasure destroys the content, so the log is what shows who did it.
func (g *Guard) Erase(ctx context.Context, a Actor, id string, on civil.Date) error {
	return g.administer(ctx, a, id, "erase", func(er casestore.Eraser) error { return er.Erase(ctx, id, on) })
}

// Hold puts case id under hold h for administrative actor a, logged as
// "hold": a held case cannot be erased.
func (g *Guard) Hold(ctx context.Context, a Actor, id string, h casestore.Hold) error {
	return g.administer(ctx, a, id, "hold", func(er casestore.Eraser) error { return er.Hold(ctx, id, h) })
}

// Release ends the hold on case id for administrative actor a, logged as
// "release".
func (g *Guard) Release(ctx context.Context, a Actor, id string, on civil.Date) error {
	return g.administer(ctx, a, id, "release", func(er casestore.Eraser) error { return er.Release(ctx, id, on) })
}

// administer runs an administrative write on case id for a, one of
// g.Admins, and logs it as what.
func (g *Guard) administer(ctx context.Context, a Actor, id, what string, do func(casestore.Eraser) error) error {
	if !g.isAdmin(a) {
		err := &DeniedError{Actor: a, Case: id, Reason: "only a named administrative actor may " + what + " a case"}
		return g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "denied"}, err)
	}
	er, ok := g.Store.(casestore.Eraser)
	if !ok {
		return g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: "failed"}, ErrCannotErase)
	}
	if err := do(er); err != nil {
		outcome := "failed"
		_, notErasable := errors.AsType[*casestore.NotErasableError](err)
		_, holdInVain := errors.AsType[*casestore.HoldError](err)
		if notErasable || holdInVain {
			outcome = "refused"
		}
		return g.record(ctx, Entry{Case: id, Actor: a, What: what, Outcome: outcome}, err)
	}
	return g.record(ctx, Entry{Case: id, Actor: a, As: a.Role, What: what, Outcome: "written"}, nil)
}
