package committee

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error the package returns matches exactly one of
// them under errors.Is; the typed errors carry the details.
var (
	// ErrInvalid means a committee breaks a rule of the policy checked; the
	// error is an [*Error] listing every violation.
	ErrInvalid = errors.New("committee: invalid committee")
	// ErrMalformed means [Parse] was given text that is not a committee
	// file; the error is a [*ParseError].
	ErrMalformed = errors.New("committee: malformed committee file")
	// ErrUnknownValue means text or a value is not one of an enum's
	// values (a gender, seat, role, signal kind, language or code); the
	// error is a [*ValueError] when it came from text.
	ErrUnknownValue = errors.New("committee: unknown value")
	// ErrInvalidCase means [CheckOptions.Case] holds a party or a signal
	// that cannot be checked (an unset or unknown role or kind).
	ErrInvalidCase = errors.New("committee: invalid case")
	// ErrNoValidator means Check was called on a nil or zero [Validator]
	// instead of one built by [NewValidator].
	ErrNoValidator = errors.New("committee: validator not built by NewValidator")
	// ErrNoDate means the policy requires members trained within some
	// months of the date checked and [CheckOptions.On] is the zero Date.
	ErrNoDate = errors.New("committee: no date checked")
)

// Error is the error form of a [Report] that is not valid: it lists every
// violation, not only the first. Obtain it with [Report.Err]; it matches
// [ErrInvalid] under errors.Is.
type Error struct {
	// Violations are the report's violations, in the report's order.
	Violations []Violation
}

// Error formats the violations as "committee: invalid committee: N
// violation(s): code: message; code: message".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(ErrInvalid.Error())
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(len(e.Violations)))
	if len(e.Violations) == 1 {
		b.WriteString(" violation: ")
	} else {
		b.WriteString(" violations: ")
	}
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.Code.String())
		b.WriteString(": ")
		b.WriteString(v.Message)
	}
	return b.String()
}

// Unwrap returns [ErrInvalid].
func (e *Error) Unwrap() error { return ErrInvalid }

// ParseError reports a committee file that [Parse] could not read.
type ParseError struct {
	// Format is "json" or "yaml": how the text was read.
	Format string
	// Reason says what was wrong, naming the field where known.
	Reason string
}

func (e *ParseError) Error() string {
	return "committee: malformed committee file (" + e.Format + "): " + e.Reason
}

// Unwrap returns [ErrMalformed].
func (e *ParseError) Unwrap() error { return ErrMalformed }
