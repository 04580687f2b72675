package committee

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
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
// else as YAML. Unknown fields, values of the wrong type, unknown genders or
// seats, bad dates, trailing data and a second YAML document are errors: a
// [*ParseError] naming the field, matching [ErrMalformed]. A missing
// gender or seat is not a parse error: [Validator.Check] reports the member
// as incomplete.
//
// Parse does not check the committee against any rule.
func Parse(data []byte) (Committee, error) {
	text := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if len(text) > 0 && text[0] == '{' {
		return parseJSON(text)
	}
	return parseYAML(text)
}

func parseJSON(data []byte) (Committee, error) {
	var c Committee
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Committee{}, &ParseError{Format: "json", Reason: jsonReason(err, jsonMember(data))}
	}
	if _, err := dec.Token(); err != io.EOF {
		return Committee{}, &ParseError{Format: "json", Reason: "unexpected data after the committee object"}
	}
	return c, nil
}

// jsonReason says what was wrong in the JSON, naming the field: member is
// the path of the member at fault ("members[2]"), or "" if the fault is not
// inside a member.
func jsonReason(err error, member string) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		field := te.Field
		if rest, ok := strings.CutPrefix(field, "members."); ok && member != "" {
			field = member + "." + rest
		}
		return fmt.Sprintf("%s: want %s, found a JSON %s", field, jsonType(te.Type.String()), te.Value)
	}
	return inMember(member, strings.TrimPrefix(err.Error(), "json: "))
}

// jsonMember returns the path of the first member that does not decode on
// its own, so that errors the decoder reports without a path (an unknown
// field, an unknown gender, a bad date) can name the member.
func jsonMember(data []byte) string {
	var probe struct {
		Members []json.RawMessage `json:"members"`
	}
	if json.Unmarshal(data, &probe) != nil {
		return ""
	}
	for i, raw := range probe.Members {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if dec.Decode(new(Member)) != nil {
			return fmt.Sprintf("members[%d]", i)
		}
	}
	return ""
}

// inMember prefixes reason with the member path, if known, and drops this
// package's own prefix from it.
func inMember(member, reason string) string {
	reason = strings.TrimPrefix(reason, "committee: ")
	if member == "" {
		return reason
	}
	return member + ": " + reason
}

// jsonType names a Go type as the JSON value it expects.
func jsonType(goType string) string {
	switch {
	case goType == "bool":
		return "true or false"
	case goType == "string" || strings.HasPrefix(goType, "committee.") || goType == "civil.Date":
		return "a string"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	}
	return "an object"
}

func parseYAML(data []byte) (Committee, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Committee{}, &ParseError{Format: "yaml", Reason: yamlReason(err)}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return Committee{}, &ParseError{Format: "yaml", Reason: "want one mapping with has_cba, cannot_designate_internally and members"}
	}
	var c Committee
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return Committee{}, &ParseError{Format: "yaml", Reason: inMember(yamlMember(data), yamlReason(err))}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return Committee{}, &ParseError{Format: "yaml", Reason: "more than one document"}
	}
	return c, nil
}

// yamlMember returns the path and line of the first member that does not
// decode on its own, for the errors the YAML decoder reports without a
// line (an unknown gender, a bad date); "" when every member decodes.
func yamlMember(data []byte) string {
	var probe struct {
		Members []yaml.Node `yaml:"members"`
	}
	if yaml.Unmarshal(data, &probe) != nil {
		return ""
	}
	for i, n := range probe.Members {
		if n.Decode(new(Member)) != nil {
			return fmt.Sprintf("members[%d] (line %d)", i, n.Line)
		}
	}
	return ""
}

// yamlReason flattens the YAML library's error text into one line without
// exposing its error types.
func yamlReason(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	lines := strings.Fields(strings.ReplaceAll(msg, "\n", " \x00 "))
	return strings.ReplaceAll(strings.Join(lines, " "), " \x00 ", "; ")
}
