package committee

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The enums of this package (Gender, Seat, Role, SignalKind, Language, Code)
// share one implementation: a table of external names indexed by value. The
// zero value of each has the empty name and means "not set"; values outside
// the table are invalid. The tables are append-only: a value persisted in a
// committee file or a case must keep its meaning.

// enumString returns names[v], or "Type(v)" when v is outside the table, so
// that printing a bad value never panics (as time.Month does).
func enumString(typ string, names []string, v uint8) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// enumMarshal returns the external name of v: empty for the zero value, an
// error for a value outside the table.
func enumMarshal(field string, names []string, v uint8) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("committee: invalid %s %d", field, v)
	}
	return []byte(names[v]), nil
}

// enumParse maps an external name back to its value. The empty text is the
// zero value ("not set"); anything not in the table is an error naming the
// field and the values allowed.
func enumParse(field string, names []string, b []byte) (uint8, error) {
	for i, n := range names {
		if string(b) == n {
			return uint8(i), nil
		}
	}
	return 0, &ValueError{Field: field, Value: string(b), Want: slices.Clone(names[1:])} // a copy: the caller may change it
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
