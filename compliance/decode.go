package compliance

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
	"go.yaml.in/yaml/v3"

	"github.com/hifazat/hifazat/internal/strictyaml"
	"github.com/hifazat/hifazat/internal/validation"
	"github.com/hifazat/hifazat/policy"
)

// ParseOrganisation reads an organisation file: one YAML document, or one JSON
// object (when the first non-space byte is '{'), with the fields of
// [Organisation] under their yaml names. It is strict: unknown fields, keys
// given twice, values of the wrong type, unknown kinds, genders or seats, bad
// dates, YAML anchors, more than one document and files over 1 MiB are
// errors, and so are missing required fields and values out of range. Every
// error is a [*MalformedError] naming the field's path
// ("committee.members[1].gender") and, in YAML, its line.
//
// ParseOrganisation checks form, not law: whether the organisation met its
// duties is [Audit]'s question.
func ParseOrganisation(data []byte) (*Organisation, error) {
	root, err := strictyaml.Parse(data)
	if err != nil {
		return nil, malformed(err)
	}
	org := new(Organisation)
	if err := strictyaml.DecodeNode(root, "", org, nil); err != nil {
		return nil, malformed(err)
	}
	if err := newRecordValidator().Struct(org); err != nil {
		field, why, ok := validation.FirstField(err, reason)
		if !ok {
			return nil, &MalformedError{Reason: err.Error()}
		}
		return nil, &MalformedError{Field: field, Line: lineOf(root, field), Reason: why}
	}
	if err := org.checkMonths(root); err != nil {
		return nil, err
	}
	return org, nil
}

// Validate checks an Organisation built in Go as ParseOrganisation checks a
// file (without lines).
func (o *Organisation) Validate() error {
	if o == nil {
		return &MalformedError{Reason: "no organisation"}
	}
	if err := newRecordValidator().Struct(o); err != nil {
		field, why, ok := validation.FirstField(err, reason)
		if !ok {
			return &MalformedError{Reason: err.Error()}
		}
		return &MalformedError{Field: field, Reason: why}
	}
	return o.checkMonths(nil)
}

// checkMonths refuses a month counted twice: the share of acknowledgements
// would count its hires twice.
func (o *Organisation) checkMonths(root *yaml.Node) error {
	seen := make(map[Month]int, len(o.Acknowledgements.Months))
	for i, m := range o.Acknowledgements.Months {
		if j, dup := seen[m.Month]; dup {
			field := fmt.Sprintf("acknowledgements.months[%d].month", i)
			return &MalformedError{Field: field, Line: lineOf(root, field),
				Reason: fmt.Sprintf("month %s is also months[%d]; give each month once", m.Month, j)}
		}
		seen[m.Month] = i
	}
	return nil
}

var (
	orgID    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)
	langCode = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// newRecordValidator builds the validator of organisation files. It is built
// per call (a fraction of a millisecond, once per file): the package keeps no
// global state.
func newRecordValidator() *validator.Validate {
	v := validation.New()
	validation.MustRegister(v, "orgid", func(fl validator.FieldLevel) bool { return orgID.MatchString(fl.Field().String()) })
	validation.MustRegister(v, "lang", func(fl validator.FieldLevel) bool { return langCode.MatchString(fl.Field().String()) })
	validation.MustRegister(v, "jurisdiction", func(fl validator.FieldLevel) bool {
		return policy.Jurisdiction(fl.Field().String()).Valid()
	})
	return v
}

// reason words the package's own tags, then validator's.
func reason(fe validator.FieldError) string {
	switch fe.Tag() {
	case "orgid":
		return "must be letters, digits, '-' or '_', starting with a letter or digit"
	case "lang":
		return fmt.Sprintf("%q is not an ISO 639-1 language code such as en or ur", truncate(fmt.Sprint(fe.Value())))
	case "jurisdiction":
		return fmt.Sprintf("%q is not a jurisdiction (want balochistan, federal, kp, punjab or sindh)", truncate(fmt.Sprint(fe.Value())))
	case "ltefield":
		return "is more than " + fe.Param()
	case "gt":
		return "must be more than " + fe.Param()
	case "gte":
		return "must be at least " + fe.Param()
	}
	return validation.Reason(fe)
}

// MalformedError reports an organisation file that could not be read or is
// not well formed. It matches [ErrMalformed].
type MalformedError struct {
	// Field is the path of the field at fault ("committee.members[0].id"),
	// or "" when the document as a whole is.
	Field string
	// Line is the 1-based line of the field in a YAML file, or 0.
	Line   int
	Reason string
}

func (e *MalformedError) Error() string {
	s := "compliance: malformed organisation file: "
	if e.Field != "" {
		s += "field " + e.Field + ": "
	}
	return s + (&strictyaml.FieldError{Line: e.Line, Reason: e.Reason}).Detail()
}

// Unwrap returns ErrMalformed.
func (e *MalformedError) Unwrap() error { return ErrMalformed }

// malformed turns the decoder's error into a *MalformedError, which does not
// wrap it: the decoder's type stays inside the module.
func malformed(err error) error {
	var fe *strictyaml.FieldError
	if !errors.As(err, &fe) {
		return &MalformedError{Reason: err.Error()}
	}
	return &MalformedError{Field: fe.Field, Line: fe.Line, Reason: fe.Reason}
}

// lineOf finds the line of the value at path ("a.b[2].c") in a parsed
// document: validation names fields, and a person fixes a file by line. A
// field that is missing is placed at the line of the nearest enclosing
// value that is there; 0 means no line is known (JSON, or no document).
func lineOf(root *yaml.Node, path string) int {
	n, line := root, 0
	for _, part := range strings.Split(path, ".") {
		if n == nil || part == "" {
			break
		}
		line = n.Line
		name, rest, _ := strings.Cut(part, "[")
		n = child(n, name)
		for rest != "" && n != nil {
			line = n.Line
			var idx string
			idx, rest, _ = strings.Cut(rest, "]")
			rest = strings.TrimPrefix(rest, "[")
			i, err := strconv.Atoi(idx)
			if err != nil || n.Kind != yaml.SequenceNode || i < 0 || i >= len(n.Content) {
				n = nil
				break
			}
			n = n.Content[i]
		}
	}
	if n != nil {
		line = n.Line
	}
	return line
}

// child returns the value of key name in mapping n, or nil.
func child(n *yaml.Node, name string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == name {
			return n.Content[i+1]
		}
	}
	return nil
}
