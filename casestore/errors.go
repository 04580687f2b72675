package casestore

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors. Every error a [Store] returns wraps one of them (or a
// context error), so callers test with errors.Is; the typed errors below
// carry the inputs. Errors of database drivers never appear in the API: their
// text is kept in the message, their types are not.
var (
	// ErrMalformed: the input is not well formed (a bad case id or list
	// filter, an event too large to store). See [MalformedError] and
	// [FilterError]. Nothing was written. Events and headers casefsm cannot
	// read are its [*casefsm.InputError]; events the law refuses its
	// [*casefsm.Refusal].
	ErrMalformed = errors.New("casestore: malformed input")
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
	// or unparsable row), or its record was altered (a [*TamperedError]:
	// its hash chain or its index does not hold). Run Verify to find what
	// was changed.
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

// FilterError reports a list filter naming a state or a policy that does
// not exist, with the names that do.
type FilterError struct {
	Field string   // "state" or "policy"
	Value string   // what was asked for
	Valid []string // the valid names, sorted as the SDK lists them
}

func (e *FilterError) Error() string {
	return fmt.Sprintf("casestore: no %s %q: want one of %s", e.Field, clip(e.Value), strings.Join(e.Valid, ", "))
}

// Unwrap returns [ErrMalformed].
func (e *FilterError) Unwrap() error { return ErrMalformed }

// clip shortens text quoted in an error message, so that a long (and
// possibly confidential) value is not copied whole into logs.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	n := max
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
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
