package strictyaml

import (
	"fmt"
	"strings"
)

// FieldError says where a document is wrong and why. Field is the path of
// the offending field in the file's names ("committee.min_women",
// "complainants[0]"), or "" when the document as a whole is at fault; Line
// is its 1-based line, or 0 when no line applies (an empty or oversized
// document, a second document; a YAML syntax error names its line in
// Reason). Err is the error of the UnmarshalText that refused the value,
// or nil.
//
// Callers wrap a FieldError into their own error type, using [FieldError.Detail]
// for the text after the field.
type FieldError struct {
	Field  string
	Line   int
	Reason string
	Err    error
}

// Error formats the error as
// "strictyaml: field committee.min_women: line 3: want a whole number, got \"two\"".
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("strictyaml: ")
	if e.Field != "" {
		b.WriteString("field " + e.Field + ": ")
	}
	b.WriteString(e.Detail())
	return b.String()
}

// Detail returns the reason, after "line N: " when the line is known:
// the error's text without the package prefix and the field.
func (e *FieldError) Detail() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// Unwrap returns Err.
func (e *FieldError) Unwrap() error { return e.Err }
