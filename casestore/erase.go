package casestore

import (
	"context"
	"errors"
	"fmt"

	"github.com/hifazat/hifazat/civil"
)

// DefaultRetention is the retention period, in days after a terminal case's
// last event, of [Options.Retention]'s zero value: one year. It is a
// deployment parameter chosen to outlast the 30-day appeal and
// representation periods with room for a late condonation; the law sets
// none, and a deployment with its own records policy sets its own.
const DefaultRetention = 365

// MaxHoldReason is the longest hold reason a store keeps, in bytes. A
// reason is stored in clear beside the case: a reference (a suit's number),
// never case content.
const MaxHoldReason = 200

// Eraser is a [Store] that erases cases by crypto-shredding and keeps
// holds that forbid it. Every store in this module implements it.
//
// Erasing a case destroys its key: its content (header and events, sealed)
// can no longer be read by anyone, while its hash chain, its events' type,
// date and actor, and its indexed state and deadlines remain, so List and
// Verify keep working and the record still shows that the case existed
// and what procedure it followed. Only a sealed case can be erased; a case
// stored in clear has no key to destroy.
type Eraser interface {
	Store
	// Erase destroys the key of case id on the caller's day on. It is
	// refused ([*NotErasableError]) while the case is not terminal, while
	// it is under a hold, before its retention period ends, or when it is
	// stored in clear. Afterwards Load returns an [*ErasedError].
	Erase(ctx context.Context, id string, on civil.Date) error
	// Hold places a hold on case id (a suit, an inquiry): it may not be
	// erased until the hold is released. A case has at most one hold in
	// force; another is refused with [ErrHeld].
	Hold(ctx context.Context, id string, h Hold) error
	// Release ends the hold in force on case id on the day on; a case
	// with none fails with [ErrNotHeld].
	Release(ctx context.Context, id string, on civil.Date) error
	// Holds returns the holds case id has had, the one in force last. An
	// erased case keeps them.
	Holds(ctx context.Context, id string) ([]Hold, error)
}

// Hold is a hold on a case's erasure.
type Hold struct {
	Reason   string     `json:"reason"`               // why, at most MaxHoldReason bytes; stored in clear
	On       civil.Date `json:"on"`                   // the day it was placed
	Released civil.Date `json:"released_on,omitzero"` // the day it was released; zero while in force
}

// InForce reports whether the hold has not been released.
func (h Hold) InForce() bool { return !h.Released.IsValid() }

// Check returns an error wrapping [ErrMalformed] if h cannot be placed.
func (h Hold) Check() error {
	switch {
	case h.Reason == "":
		return malformed("hold reason", "a hold needs a reason (a reference such as a suit's number)")
	case len(h.Reason) > MaxHoldReason:
		return malformed("hold reason", fmt.Sprintf("%d bytes is longer than the limit of %d", len(h.Reason), MaxHoldReason))
	case !h.On.IsValid():
		return malformed("hold date", "a hold needs the day it is placed")
	case h.Released.IsValid():
		return malformed("hold", "a new hold cannot be released already")
	}
	return nil
}

// Erasure errors.
var (
	// ErrNotErasable: the case may not be erased now (see
	// [NotErasableError]). Nothing was changed.
	ErrNotErasable = errors.New("casestore: case may not be erased")
	// ErrHeld: the case is already under a hold.
	ErrHeld = errors.New("casestore: case is under a hold")
	// ErrNotHeld: the case is under no hold to release.
	ErrNotHeld = errors.New("casestore: case is under no hold")
)

// Why a case may not be erased, as [NotErasableError.Why] says.
const (
	NotTerminal = "not_terminal" // the case is open: not withdrawn or closed
	UnderHold   = "held"         // a hold is in force
	Retained    = "retained"     // its retention period has not ended
	InClear     = "in_clear"     // it is stored in clear: there is no key to destroy
	Already     = "erased"       // it was erased before
)

// NotErasableError reports an erasure refused.
type NotErasableError struct {
	Case   string
	Why    string     // NotTerminal, UnderHold, Retained, InClear or Already
	Detail string     // what stands in the way, in English
	Until  civil.Date // for Retained: the first day it may be erased
}

func (e *NotErasableError) Error() string {
	return fmt.Sprintf("casestore: case %q may not be erased: %s", e.Case, e.Detail)
}

// Unwrap returns [ErrNotErasable].
func (e *NotErasableError) Unwrap() error { return ErrNotErasable }

// ErasedError is what Load and every write return for an erased case. Its
// procedural facts remain: List lists it and Verify checks its chain.
type ErasedError struct {
	Case string
	On   civil.Date // the day its key was destroyed
}

func (e *ErasedError) Error() string {
	return fmt.Sprintf("casestore: case %q was erased on %s: its content cannot be read; its record remains for verify and list", e.Case, e.On)
}

// Unwrap returns [ErrErased].
func (e *ErasedError) Unwrap() error { return ErrErased }

// HoldError reports a hold placed or released in vain. It wraps [ErrHeld]
// or [ErrNotHeld].
type HoldError struct {
	Case string
	Err  error
}

func (e *HoldError) Error() string {
	if errors.Is(e.Err, ErrHeld) {
		return fmt.Sprintf("casestore: case %q is already under a hold: release it first", e.Case)
	}
	return fmt.Sprintf("casestore: case %q is under no hold", e.Case)
}

// Unwrap returns [ErrHeld] or [ErrNotHeld].
func (e *HoldError) Unwrap() error { return e.Err }

// Rewrapper is a [Store] that re-wraps its cases' keys: the end of a
// rotation of the deployment key. Every store in this module implements
// it.
type Rewrapper interface {
	Store
	// Rewrap wraps the key of every sealed case not erased again with the
	// store's [Options.Keys], which must open it (a keyring with the new
	// key first and the old after, see package casestore/seal), and
	// returns how many it re-wrapped. The cases' content, chain and
	// receipts do not change. Once it returns, the old key opens nothing
	// and can be retired. A case whose key does not open fails it with a
	// [*KeyError], leaving the cases re-wrapped so far re-wrapped: run it
	// again with the right keys.
	Rewrap(ctx context.Context) (int, error)
}
