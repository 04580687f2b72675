package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
)

// Error is a failure of the database under a store: it could not be reached,
// refused a write, or failed a statement. It wraps [casestore.ErrUnavailable]
// or [casestore.ErrReadOnly]; the driver's message is kept as text, its
// error types are not exposed.
type Error struct {
	Op    string // what the store was doing, for example "append to case"
	Case  string // the case id, if any
	Where string // the database, for example `sqlite file ./hifazat.db` (never a password)
	Kind  error  // casestore.ErrUnavailable or casestore.ErrReadOnly
	Text  string // the driver's message
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sqlstore: %s", e.Op)
	if e.Case != "" {
		fmt.Fprintf(&b, " %q", e.Case)
	}
	fmt.Fprintf(&b, " in %s: ", e.Where)
	if e.Kind == casestore.ErrReadOnly {
		b.WriteString("the database is read-only")
	} else {
		b.WriteString("the database is unavailable")
	}
	fmt.Fprintf(&b, ": %s", e.Text)
	return b.String()
}

// Unwrap returns the kind: [casestore.ErrUnavailable] or
// [casestore.ErrReadOnly].
func (e *Error) Unwrap() error { return e.Kind }

// ours are the errors the store itself builds, and casefsm's decisions,
// returned unchanged.
var ours = []error{casefsm.ErrRefused, casefsm.ErrMalformed, casestore.ErrMalformed, casestore.ErrConflict, casestore.ErrNotFound,
	casestore.ErrExists, casestore.ErrReadOnly, casestore.ErrUnavailable, casestore.ErrSchema, casestore.ErrCorrupt, casestore.ErrClosed,
	casestore.ErrNoKey, casestore.ErrWrongKey, casestore.ErrErased, casestore.ErrNotErasable, casestore.ErrHeld, casestore.ErrNotHeld}

// fail translates an error met while doing op on case id.
func (s *Store) fail(op, id string, err error) error {
	for _, o := range ours {
		if errors.Is(err, o) {
			return err
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		ctxErr := context.Canceled
		if errors.Is(err, context.DeadlineExceeded) {
			ctxErr = context.DeadlineExceeded
		}
		return fmt.Errorf("sqlstore: %s %q in %s: %w", op, id, s.where, ctxErr)
	}
	kind := casestore.ErrUnavailable
	if s.d.readOnly(err) {
		kind = casestore.ErrReadOnly
	}
	return &Error{Op: op, Case: id, Where: s.where, Kind: kind, Text: err.Error()}
}
