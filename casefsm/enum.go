package casefsm

import (
	"fmt"
	"strconv"
)

// names is the external form of one enum: names[i] is the text of value i.
// Index 0 is the enum's zero value, which is never a valid value and has no
// text form.
type names []string

// str returns the name of v, or "%!Kind(N)" for the zero value and for values
// out of range, as fmt does for a bad verb.
func (n names) str(kind string, v uint8) string {
	if v != 0 && int(v) < len(n) {
		return n[v]
	}
	return "%!" + kind + "(" + strconv.Itoa(int(v)) + ")"
}

// valid reports whether v is a named value.
func (n names) valid(v uint8) bool { return v != 0 && int(v) < len(n) }

// marshal returns the text of v or an error naming the bad value.
func (n names) marshal(kind string, v uint8) ([]byte, error) {
	if !n.valid(v) {
		return nil, fmt.Errorf("casefsm: invalid %s %d", kind, v)
	}
	return []byte(n[v]), nil
}

// parse returns the value named b. The error says what was expected.
func (n names) parse(kind string, b []byte) (uint8, error) {
	for i := 1; i < len(n); i++ {
		if n[i] == string(b) {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("casefsm: unknown %s %q", kind, b)
}
