package committee

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/internal/enum"
)

// The enums of this package (Gender, Seat, Role, SignalKind, Language, Code)
// share the SDK's one implementation, package internal/enum: a table of
// external names indexed by value. The zero value of each but Language has
// the empty name and means "not set"; values outside the table are invalid.
// The tables are append-only: a value persisted in a committee file or a
// case must keep its meaning.

// valueError turns package enum's refusal of unknown text into the
// package's [*ValueError].
func valueError(err error) error {
	if e, ok := errors.AsType[*enum.Error](err); ok && !e.Invalid {
		return &ValueError{Field: e.Kind, Value: e.Value, Want: e.Want}
	}
	return err
}

// ValueError reports text that is not one of an enum's external names, for
// example a gender of "f" in a committee file.
type ValueError struct {
	Field string   // the field: "gender", "seat", "role", "kind", "language" or "code"
	Value string   // the text found
	Want  []string // the names allowed, in table order
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("committee: unknown %s %q (want %s)", e.Field, e.Value, strings.Join(e.Want, ", "))
}

// Unwrap returns [ErrUnknownValue].
func (e *ValueError) Unwrap() error { return ErrUnknownValue }
