// Package enum gives every enumeration of the SDK one text form, so that
// they all print, marshal and unmarshal the same way.
//
// An enum is a small unsigned integer type with a table of external names,
// indexed by value: [Names] holds the table and implements String,
// MarshalText and UnmarshalText for the type, which delegates to it in one
// line each. The rules, the same for every enum:
//
//   - A value with a name prints, marshals and parses as that name, exactly
//     (no trimming, no case folding).
//   - A value without one prints as "%!Kind(N)", as fmt prints a bad verb,
//     so printing never panics, and does not marshal: an *Error says so.
//   - Text that names no value does not parse: the *Error names the text
//     and lists every valid name, in table order.
//
// The zero value is the one choice an enum makes: with [New] it has a name
// when the table gives one (a Route's "none") and is no value otherwise (a
// State); with [NewOptional] it means "not set", which prints and
// marshals as "" and is what "" parses to (a committee member's unstated
// gender), but is not [Names.Valid].
//
// Tables are append-only: values are persisted, so a value keeps its name
// and its number for ever.
package enum

import (
	"fmt"
	"strconv"
	"strings"
)

// Names is the table of one enum's external names. Its zero value is an
// enum with no values. It is immutable and safe for concurrent use.
type Names[T ~uint8] struct {
	pkg, kind string
	names     []string
	optional  bool
}

// New returns the table of an enum of package pkg (used in errors, such as
// "casefsm"), called kind in messages (such as "event type"), whose value v
// is named names[v]. An empty name means the value has none.
func New[T ~uint8](pkg, kind string, names ...string) Names[T] {
	return Names[T]{pkg: pkg, kind: kind, names: names}
}

// NewOptional is [New] for an enum whose zero value means "not set": it
// prints and marshals as "", and "" parses to it. names[0] must be "".
func NewOptional[T ~uint8](pkg, kind string, names ...string) Names[T] {
	n := New[T](pkg, kind, names...)
	n.optional = true
	return n
}

// Valid reports whether v has a name.
func (n Names[T]) Valid(v T) bool { return int(v) < len(n.names) && n.names[v] != "" }

// String returns the name of v, "" for an optional enum's zero value, or
// "%!Kind(N)" for a value with no name, Kind being the Go type's name.
func (n Names[T]) String(v T) string {
	if n.Valid(v) || n.optional && v == 0 {
		return n.names[v]
	}
	return "%!" + typeName[T]() + "(" + strconv.Itoa(int(v)) + ")"
}

// MarshalText returns the name of v (an optional enum's zero value: ""),
// or an *Error for a value with no name.
func (n Names[T]) MarshalText(v T) ([]byte, error) {
	if n.Valid(v) || n.optional && v == 0 {
		return []byte(n.names[v]), nil
	}
	return nil, &Error{Pkg: n.pkg, Kind: n.kind, Value: strconv.Itoa(int(v)), Invalid: true, Want: n.List()}
}

// Parse returns the value named b, or an *Error listing the valid names.
func (n Names[T]) Parse(b []byte) (T, error) {
	if n.optional && len(b) == 0 {
		return 0, nil
	}
	for i, name := range n.names {
		if name != "" && name == string(b) {
			return T(i), nil
		}
	}
	return 0, &Error{Pkg: n.pkg, Kind: n.kind, Value: string(b), Want: n.List()}
}

// Unmarshal sets *v to the value named b; on an error *v is unchanged.
// It is the body of a type's UnmarshalText.
func (n Names[T]) Unmarshal(v *T, b []byte) error {
	x, err := n.Parse(b)
	if err == nil {
		*v = x
	}
	return err
}

// Values returns every value with a name, in order.
func (n Names[T]) Values() []T {
	out := make([]T, 0, len(n.names))
	for i, name := range n.names {
		if name != "" {
			out = append(out, T(i))
		}
	}
	return out
}

// List returns the valid names, in order.
func (n Names[T]) List() []string {
	out := make([]string, 0, len(n.names))
	for _, name := range n.names {
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}

// Error is text that names no value of an enum, or a value that has no
// name to marshal.
type Error struct {
	Pkg, Kind string
	// Value is the text that was not a name, or the number of the value
	// that has none.
	Value string
	// Invalid marks a value with no name (from MarshalText).
	Invalid bool
	// Want are the valid names, in order.
	Want []string
}

// Error formats the error as `PKG: unknown KIND "VALUE" (want a, b or c)` or
// `PKG: invalid KIND N (want a, b or c)`. A long VALUE is cut to its first
// 40 bytes, so that an error never echoes unbounded input.
func (e *Error) Error() string {
	what := fmt.Sprintf("unknown %s %q", e.Kind, clip(e.Value))
	if e.Invalid {
		what = fmt.Sprintf("invalid %s %s", e.Kind, e.Value)
	}
	return e.Pkg + ": " + what + " (want " + orList(e.Want) + ")"
}

// clip bounds text quoted back in a message.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	return s[:max] + "..."
}

func orList(ws []string) string {
	switch len(ws) {
	case 0:
		return "nothing"
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// typeName is the name of T without its package, as %T prints it.
func typeName[T any]() string {
	var v T
	s := fmt.Sprintf("%T", v)
	return s[strings.LastIndexByte(s, '.')+1:]
}
