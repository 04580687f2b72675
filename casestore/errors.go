package casestore

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error a [Store] returns wraps one of them (or a
// context error), so callers test with errors.Is; the typed errors below
// carry the inputs. Errors of database drivers never appear in the API: their
// text is kept in the message, their types are not.
var (
	// ErrMalformed: the input is not well formed (bad JSON, a missing or
	// mistyped field, an unknown event field or type, a bad case id or list
	// filter). See [MalformedError]. Nothing was written.
	ErrMalformed = errors.New("casestore: malformed input")
	// ErrRefused: the event is well formed but the law, as casefsm applies
	// it, refuses it. See [RefusedError]. Nothing was written.
	ErrRefused = errors.New("casestore: event refused")
	// ErrConflict: the case has moved on since the version the caller read.
	// See [ConflictError]. Nothing was written; reload and retry.
	ErrConflict = errors.New("casestore: version conflict")
	// ErrNotFound: no case has the id asked for.
	ErrNotFound = errors.New("casestore: no such case")
	// ErrExists: a case with the id already exists.
	ErrExists = errors.New("casestore: case already exists")
	// ErrReadOnly: the database refused a write because it is read-only.
	ErrReadOnly = errors.New("casestore: store is read-only")
	// ErrUnavailable: the database could not be opened, reached or used.
	ErrUnavailable = errors.New("casestore: store unavailable")
	// ErrSchema: the database holds a schema this library does not know (a
	// newer version), or a migration failed.
	ErrSchema = errors.New("casestore: incompatible schema")
	// ErrCorrupt: the stored case cannot be read back as written (a missing
	// or unparsable row). Run Verify to find what was changed.
	ErrCorrupt = errors.New("casestore: stored case is corrupt")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("casestore: store closed")
)

// MalformedError describes input that is not well formed. It prints only the
// fields that are set.
type MalformedError struct {
	Case    string // the case id, when known
	Version int64  // the version the event has or would have had; 0 if not about an event
	Field   string // the field or input that was wrong, for example "on" or "header"
	Reason  string // what was wrong and what was expected
}

func (e *MalformedError) Error() string {
	var b strings.Builder
	b.WriteString("casestore: malformed")
	if e.Case != "" {
		fmt.Fprintf(&b, " case %q", e.Case)
	}
	if e.Version != 0 {
		fmt.Fprintf(&b, " event %d", e.Version)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, " %s", e.Field)
	}
	fmt.Fprintf(&b, ": %s", e.Reason)
	return b.String()
}

// Unwrap returns [ErrMalformed].
func (e *MalformedError) Unwrap() error { return ErrMalformed }

func malformed(field, reason string) *MalformedError {
	return &MalformedError{Field: field, Reason: reason}
}

// RefusedError reports an event that the validator (casefsm) refused: the
// law bars it or it cannot have happened. Code is the validator's stable
// refusal code (`not_allowed`, `forbidden_actor`, `ineligible_complainant`,
// `too_early`, `time_barred`, `invalid_event`).
type RefusedError struct {
	Case     string // the case id
	Version  int64  // the version the refused event would have had
	Type     string // the event type
	Code     string // stable refusal code
	Message  string // the validator's explanation
	Citation string // the section of the law, for example "s.4(1)(b)"
	Err      error  // the validator's own error, if any
}

func (e *RefusedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "casestore: case %q event %d", e.Case, e.Version)
	if e.Type != "" {
		fmt.Fprintf(&b, " (%s)", e.Type)
	}
	fmt.Fprintf(&b, " refused: %s", e.Code)
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Citation != "" {
		fmt.Fprintf(&b, " (%s)", e.Citation)
	}
	return b.String()
}

// Unwrap returns [ErrRefused] and the validator's error, so errors.As also
// reaches the validator's typed error.
func (e *RefusedError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrRefused}
	}
	return []error{ErrRefused, e.Err}
}

// ConflictError reports an append whose expected version is stale.
type ConflictError struct {
	Case     string // the case id
	Expected int64  // the version the caller said it read
	Actual   int64  // the case's version in the store
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("casestore: case %q is at version %d, not %d as the append expected: reload the case and retry", e.Case, e.Actual, e.Expected)
}

// Unwrap returns [ErrConflict].
func (e *ConflictError) Unwrap() error { return ErrConflict }

// NotFoundError reports an unknown case id.
type NotFoundError struct{ Case string }

func (e *NotFoundError) Error() string { return fmt.Sprintf("casestore: no case with id %q", e.Case) }

// Unwrap returns [ErrNotFound].
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// ExistsError reports a create with an id that is already taken.
type ExistsError struct{ Case string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("casestore: a case with id %q already exists", e.Case)
}

// Unwrap returns [ErrExists].
func (e *ExistsError) Unwrap() error { return ErrExists }
