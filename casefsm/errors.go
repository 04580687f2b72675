package casefsm

import (
	"errors"
	"fmt"
	"github.com/hifazat/hifazat/internal/enum"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/policy"
)

// Sentinel errors. A [*Refusal] matches [ErrRefused] and the sentinel of its
// [Code]; an [*InputError] matches [ErrMalformed]; a [*TableError] matches
// [ErrInvalidTable].
var (
	// ErrRefused matches every refused event.
	ErrRefused = errors.New("casefsm: event refused")
	// ErrNotAllowed: the event cannot happen in the case's state or route,
	// or a precondition recorded on the case is missing.
	ErrNotAllowed = errors.New("casefsm: event not allowed")
	// ErrForbiddenActor: the role given as "by" may not perform the event.
	ErrForbiddenActor = errors.New("casefsm: actor may not perform the event")
	// ErrIneligibleComplainant: the complainant is not covered by the
	// policy in force on the incident date (s.2(e), (f)).
	ErrIneligibleComplainant = errors.New("casefsm: complainant not covered")
	// ErrTooEarly: a period that must run out first has not.
	ErrTooEarly = errors.New("casefsm: event too early")
	// ErrTimeBarred: a filing came after its period without condonation.
	ErrTimeBarred = errors.New("casefsm: filing time-barred")
	// ErrInvalidEvent: the event itself is incomplete or inconsistent.
	ErrInvalidEvent = errors.New("casefsm: invalid event")

	// ErrMalformed matches every [*InputError]: a case file or header that
	// cannot be read.
	ErrMalformed = errors.New("casefsm: malformed case")
	// ErrUnknownRule matches every [*UnknownRuleError].
	ErrUnknownRule = errors.New("casefsm: unknown deadline rule")
	// ErrInvalidTable matches every [*TableError].
	ErrInvalidTable = errors.New("casefsm: invalid transition table")
	// ErrInternal means the transition table and the underlying state
	// machine disagreed. It is a bug; the case is left unchanged.
	ErrInternal = errors.New("casefsm: internal inconsistency")
)

// Code is the stable reason a case refused an event. The names are a
// public contract (the "code" of a refusal in JSON); values are persisted,
// so new codes are only ever appended. The zero Code is not a code.
type Code uint8

// The refusal codes.
const (
	_ Code = iota
	NotAllowed
	ForbiddenActor
	IneligibleComplainant
	TooEarly
	TimeBarred
	InvalidEvent

	codeEnd
)

var codeNames = enum.New[Code]("casefsm", "refusal code", "", "not_allowed", "forbidden_actor", "ineligible_complainant", "too_early", "time_barred", "invalid_event")

var codeSentinels = [codeEnd]error{nil, ErrNotAllowed, ErrForbiddenActor, ErrIneligibleComplainant, ErrTooEarly, ErrTimeBarred, ErrInvalidEvent}

// IsValid reports whether c is one of the named codes.
func (c Code) IsValid() bool { return codeNames.Valid(c) }

// String returns the code's name, such as "time_barred".
func (c Code) String() string { return codeNames.String(c) }

// MarshalText implements encoding.TextMarshaler; invalid codes fail.
func (c Code) MarshalText() ([]byte, error) { return codeNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Code) UnmarshalText(b []byte) error { return codeNames.Unmarshal(c, b) }

// Refusal is the error [Case.Apply] returns for an event the case refuses.
// The case is left exactly as it was. Use errors.As to read it, or
// errors.Is with [ErrRefused] or the sentinel of its Code.
type Refusal struct {
	// Index is the position the event would have had in the case: the
	// number of events applied before it.
	Index int
	Event EventType
	// State is the state the case was, and stays, in.
	State State
	Code  Code
	// Field is the event's field the refusal is about, by its case-file
	// name ("on", "penalties"), when it is about one field; empty when it
	// is about the event as a whole or the case.
	Field string
	// Message says what was wrong and what was expected, in lower case.
	Message  string
	Citation policy.Citation
	// says is Message in phrases, when it names a person; see
	// [Refusal.For].
	says message
}

// Error formats the refusal as
// "casefsm: event 4 (file_appeal) refused in state decided: time_barred: MESSAGE (s.6(2) [high])",
// numbering events from 1 as a case's history does: event 4 is Index 3.
func (r *Refusal) Error() string {
	s := "casefsm: event " + strconv.Itoa(r.Index+1) + " (" + r.Event.String() + ") refused in state " +
		r.State.String() + ": " + r.Code.String() + ": " + r.Message
	if r.Citation.Section != "" {
		s += " (" + r.Citation.String() + ")"
	}
	return s
}

// Unwrap returns [ErrRefused] and the sentinel of the refusal's code.
func (r *Refusal) Unwrap() []error {
	if !r.Code.IsValid() {
		return []error{ErrRefused}
	}
	return []error{ErrRefused, codeSentinels[r.Code]}
}

// InputError is malformed input: a case file that does not decode, or a
// header or event that names something unknown. It names the event and the
// field at fault.
type InputError struct {
	// Index is the event's position in the file, or -1 for the case's
	// header (policy, jurisdiction, calendar, parties).
	Index int
	// Field is the JSON field at fault, such as "penalties[1]" or
	// "parties.complainant.relationship"; empty when the whole value is bad.
	Field string
	// Err says what was wrong.
	Err error
}

// Error formats the error as `casefsm: event 4: field "type": REASON` or
// `casefsm: case file: field "policy": REASON`, numbering events from 1:
// event 4 is Index 3.
func (e *InputError) Error() string {
	s := "casefsm: case file"
	if e.Index >= 0 {
		s = "casefsm: event " + strconv.Itoa(e.Index+1)
	}
	if e.Field != "" {
		s += ": field " + strconv.Quote(e.Field)
	}
	return s + ": " + trimPrefix(e.Err)
}

// Unwrap returns [ErrMalformed] and the underlying error.
func (e *InputError) Unwrap() []error { return []error{ErrMalformed, e.Err} }

// UnknownRuleError is a deadline asked of a rule the policy does not have.
type UnknownRuleError struct {
	Policy policy.ID
	Rule   policy.RuleID
	// Known are the policy's rules, in its order.
	Known []policy.RuleID
}

// Error formats the error as `casefsm: policy ID has no rule
// "RULE" (its rules: a, b, c)`.
func (e *UnknownRuleError) Error() string {
	return fmt.Sprintf("casefsm: policy %s has no rule %q (its rules: %s)", e.Policy, e.Rule, joinIDs(e.Known))
}

// Unwrap returns [ErrUnknownRule].
func (e *UnknownRuleError) Unwrap() error { return ErrUnknownRule }

func joinIDs[T ~string](ids []T) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// TableError is a transition table that [NewDefinition] rejects.
type TableError struct {
	// Row is the index of the offending row in the table, or -1 for a
	// fault of the table as a whole.
	Row    int
	Event  EventType
	Reason string
}

// Error formats the error as "casefsm: invalid transition table: row 4
// (decide): REASON", without the row for a fault of the whole table.
func (e *TableError) Error() string {
	if e.Row < 0 {
		return "casefsm: invalid transition table: " + e.Reason
	}
	return fmt.Sprintf("casefsm: invalid transition table: row %d (%s): %s", e.Row, e.Event, e.Reason)
}

// Unwrap returns [ErrInvalidTable].
func (e *TableError) Unwrap() error { return ErrInvalidTable }

// trimPrefix drops a "casefsm: " prefix from err's message, so that wrapped
// errors do not repeat it.
func trimPrefix(err error) string {
	if err == nil {
		return "invalid"
	}
	const p = "casefsm: "
	s := err.Error()
	if len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}
