package policy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/civil"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers test with errors.Is; the typed errors below carry the inputs.
var (
	// ErrUnknownPolicy: no policy in the set has the id asked for.
	ErrUnknownPolicy = errors.New("policy: unknown policy")
	// ErrNoPolicyInForce: no statute of the jurisdiction was in force on
	// the date (for example a federal date before 2010-03-09).
	ErrNoPolicyInForce = errors.New("policy: no policy in force")
	// ErrUnknownJurisdiction: the jurisdiction is not one of the constants.
	ErrUnknownJurisdiction = errors.New("policy: unknown jurisdiction")
	// ErrUnknownRelationship: the relationship is not one of the constants.
	ErrUnknownRelationship = errors.New("policy: unknown relationship")
	// ErrInvalidSet: NewSet was given policies that cannot form a set
	// (duplicate ids, overlapping statutes, a nil policy).
	ErrInvalidSet = errors.New("policy: invalid policy set")
	// ErrMalformedOverlay: an overlay file or value is not well formed
	// (bad syntax, unknown field, wrong type, missing required field).
	ErrMalformedOverlay = errors.New("policy: malformed overlay")
	// ErrOverlayRefused: a well-formed overlay would cut a right the
	// statute gives; see [OverlayError].
	ErrOverlayRefused = errors.New("policy: overlay refused")
)

// UnknownPolicyError reports an id that names no policy of a set.
type UnknownPolicyError struct {
	ID    ID   // the id asked for
	Known []ID // the set's ids, sorted
}

func (e *UnknownPolicyError) Error() string {
	known := make([]string, len(e.Known))
	for i, id := range e.Known {
		known[i] = string(id)
	}
	return fmt.Sprintf("policy: unknown policy %q (known: %s)", e.ID, strings.Join(known, ", "))
}

// Unwrap returns [ErrUnknownPolicy].
func (e *UnknownPolicyError) Unwrap() error { return ErrUnknownPolicy }

// NoPolicyError reports that no statute of a jurisdiction was in force on a
// date: the date lies outside what the set covers, as a year outside a
// holiday calendar does.
type NoPolicyError struct {
	Jurisdiction Jurisdiction
	Date         civil.Date // the zero Date when no date was given
	// FirstInForce is the first day on which a statute of the jurisdiction
	// is in force in the set (2010-03-09 for federal in the built-in set);
	// the zero Date when the set has no statute of it.
	FirstInForce civil.Date
}

func (e *NoPolicyError) Error() string {
	switch {
	case !e.Date.IsValid():
		return fmt.Sprintf("policy: no policy in force for %s: no date given (want YYYY-MM-DD)", e.Jurisdiction)
	case !e.FirstInForce.IsValid():
		return fmt.Sprintf("policy: no policy in force for %s on %s: the set has no statute of %s", e.Jurisdiction, e.Date, e.Jurisdiction)
	case e.Date.Before(e.FirstInForce):
		return fmt.Sprintf("policy: no policy in force for %s on %s: coverage starts on %s, when its first statute took effect", e.Jurisdiction, e.Date, e.FirstInForce)
	}
	return fmt.Sprintf("policy: no policy in force for %s on %s: no statute of %s in the set covers that date (coverage starts on %s)", e.Jurisdiction, e.Date, e.Jurisdiction, e.FirstInForce)
}

// Unwrap returns [ErrNoPolicyInForce].
func (e *NoPolicyError) Unwrap() error { return ErrNoPolicyInForce }

// MalformedOverlayError reports an overlay that is not well formed. Field
// is the path of the offending field in the file's own names
// ("committee.min_women"), or "" where the whole document is at fault.
type MalformedOverlayError struct {
	Field  string
	Reason string
	// Err is an underlying sentinel, such as [ErrUnknownPolicy] for an
	// unknown base, or nil.
	Err error
}

func (e *MalformedOverlayError) Error() string {
	if e.Field == "" {
		return "policy: malformed overlay: " + e.Reason
	}
	return "policy: malformed overlay: field " + e.Field + ": " + e.Reason
}

// Unwrap returns [ErrMalformedOverlay] and Err, if any.
func (e *MalformedOverlayError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrMalformedOverlay}
	}
	return []error{ErrMalformedOverlay, e.Err}
}

// Violation is one reason an overlay is refused: the field that asks for it,
// the statutory rule it would cut, where the law says so, and why.
type Violation struct {
	// Field is the path of the overlay field, such as "deadlines.defence"
	// or "committee.min_women".
	Field string `json:"field"`
	// Rule is the statutory rule or parameter the field would weaken: a
	// RuleID such as "defence", or a parameter name such as "min_women".
	Rule string `json:"rule"`
	// Section is the provision that gives the right, such as "s.4(1)(b)".
	Section string `json:"section"`
	// Reason says, in one lowercase sentence, why the change is refused.
	Reason string `json:"reason"`
}

// String formats v as "FIELD: REASON (RULE, SECTION)".
func (v Violation) String() string {
	return v.Field + ": " + v.Reason + " (" + v.Rule + ", " + v.Section + ")"
}

// OverlayError reports every reason an overlay is refused, sorted by field
// and then by rule. It wraps [ErrOverlayRefused].
type OverlayError struct {
	Overlay    ID // the overlay's id
	Base       ID // the statute it was checked against
	Violations []Violation
}

func (e *OverlayError) Error() string {
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		parts[i] = v.String()
	}
	return fmt.Sprintf("policy: overlay %q refused against %s: %d violation(s): %s",
		e.Overlay, e.Base, len(e.Violations), strings.Join(parts, "; "))
}

// Unwrap returns [ErrOverlayRefused].
func (e *OverlayError) Unwrap() error { return ErrOverlayRefused }
