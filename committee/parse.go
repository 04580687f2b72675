package committee

import (
	"bytes"
	"strings"

	"github.com/hifazat/hifazat/internal/strictyaml"
)

// Parse reads a committee file: one JSON object, or one YAML mapping, with
// the fields of [Committee] and [Member] under their JSON names:
//
//	{"has_cba": false, "cannot_designate_internally": false,
//	 "competent_authority": "E-100",
//	 "members": [{"id": "E-1", "name": "...", "gender": "female",
//	              "seat": "senior_management", "external": false,
//	              "chair": true, "trained_on": "2025-01-15"}, ...]}
//
// Text whose first non-space character is "{" is read as JSON, anything
// else as YAML. Unknown fields, keys given twice, values of the wrong type,
// unknown genders or seats, bad dates, trailing data, a second YAML
// document, YAML anchors and files over 1 MiB are errors: a [*ParseError]
// whose reason starts with the path of the field at fault
// ("members[1].gender") and, in YAML, its line; it matches [ErrMalformed].
// A missing gender or seat is not a parse error: [Validator.Check] reports
// the member as incomplete.
//
// Parse does not check the committee against any rule.
func Parse(data []byte) (Committee, error) {
	root, err := strictyaml.Parse(data)
	if err != nil {
		return Committee{}, parseError(data, err)
	}
	var c Committee
	if err := strictyaml.DecodeNode(root, "", &c, nil); err != nil {
		return Committee{}, parseError(data, err)
	}
	return c, nil
}

// parseError turns the decoder's *strictyaml.FieldError into a *ParseError,
// which does not wrap it: the decoder's type stays inside the module. The
// reason is "field: line N: what was wrong", without a line in JSON, which
// strictyaml re-encodes (and a committee inside a case file has no lines of
// its own).
func parseError(data []byte, err error) error {
	format := "yaml"
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		format = "json" // as strictyaml decides
	}
	fe, ok := err.(*strictyaml.FieldError) // strictyaml returns its own errors unwrapped
	if !ok {
		return &ParseError{Format: format, Reason: err.Error()}
	}
	local := *fe
	// An enum's UnmarshalText names this package already.
	local.Reason = strings.TrimPrefix(local.Reason, "committee: ")
	reason := local.Detail()
	if local.Field != "" {
		reason = local.Field + ": " + reason
	}
	return &ParseError{Format: format, Reason: reason}
}
