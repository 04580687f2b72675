package policy

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxOverlaySize bounds an overlay file; real ones are a few hundred bytes.
const maxOverlaySize = 1 << 20

// ParseOverlay reads an overlay from YAML or JSON (JSON when the first
// non-space byte is '{'). Field names are those of Overlay's yaml tags;
// unknown fields, duplicate keys, YAML aliases, wrong types, more than one
// document and missing required fields are errors. Every error is a
// [*MalformedOverlayError] (wrapping [ErrMalformedOverlay]) naming the field.
//
// ParseOverlay checks only that the overlay is well formed; whether the
// statute allows it is [Set.Apply]'s question.
func ParseOverlay(data []byte) (Overlay, error) {
	if len(data) > maxOverlaySize {
		return Overlay{}, &MalformedOverlayError{Reason: fmt.Sprintf("larger than %d bytes", maxOverlaySize)}
	}
	root, err := overlayNode(data)
	if err != nil {
		return Overlay{}, err
	}
	var o Overlay
	if err := decodeNode(root, reflect.ValueOf(&o).Elem(), ""); err != nil {
		return Overlay{}, err
	}
	if len(o.Deadlines) == 0 {
		o.Deadlines = nil
	}
	if len(o.Complainants) == 0 {
		o.Complainants = nil
	}
	if err := newOverlayValidator().check(o); err != nil {
		return Overlay{}, err
	}
	return o, nil
}

// overlayNode parses data into the root node of its single document. JSON
// is first checked and re-encoded by encoding/json, so that JSON's escapes
// (which YAML lacks, such as \/) are accepted.
func overlayNode(data []byte) (*yaml.Node, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		canon, err := canonicalJSON(trimmed)
		if err != nil {
			return nil, err
		}
		data = canon
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &MalformedOverlayError{Reason: "empty document"}
		}
		return nil, &MalformedOverlayError{Reason: yamlReason(err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, &MalformedOverlayError{Reason: "more than one document (want exactly one)"}
	}
	if len(doc.Content) == 0 {
		return nil, &MalformedOverlayError{Reason: "empty document"}
	}
	return doc.Content[0], nil
}

func canonicalJSON(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &MalformedOverlayError{Reason: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &MalformedOverlayError{Reason: "invalid JSON: data after the object"}
	}
	return json.Marshal(v)
}

func yamlReason(err error) string {
	return strings.ReplaceAll(strings.TrimPrefix(err.Error(), "yaml: "), "\n", " ")
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// decodeNode decodes n into v, which must be settable, and names any
// offending field by its path in the file.
func decodeNode(n *yaml.Node, v reflect.Value, path string) error {
	fail := func(format string, a ...any) error {
		return &MalformedOverlayError{Field: path, Reason: fmt.Sprintf("line %d: ", n.Line) + fmt.Sprintf(format, a...)}
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return fail("YAML anchors and aliases are not allowed")
	}
	if v.Kind() == reflect.Pointer {
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
			return nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		return decodeNode(n, v.Elem(), path)
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) || (v.Kind() != reflect.Struct && v.Kind() != reflect.Map && v.Kind() != reflect.Slice) {
		if n.Kind != yaml.ScalarNode {
			return fail("want a single value, not a list or mapping")
		}
		if err := n.Decode(v.Addr().Interface()); err != nil {
			return fail("%s", scalarReason(err, v.Kind(), n.Value))
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		return decodeStruct(n, v, path, fail)
	case reflect.Map:
		return decodeMap(n, v, path, fail)
	default: // reflect.Slice
		if n.Kind != yaml.SequenceNode {
			return fail("want a list")
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if err := decodeNode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
}

type failFunc func(format string, a ...any) error

func decodeStruct(n *yaml.Node, v reflect.Value, path string, fail failFunc) error {
	if n.Kind != yaml.MappingNode {
		return fail("want a mapping of field names to values")
	}
	fields := make(map[string]int, v.NumField())
	var names []string
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
		fields[name] = i
		names = append(names, name)
	}
	return eachKey(n, path, fail, func(key *yaml.Node, val *yaml.Node) error {
		i, ok := fields[key.Value]
		if !ok {
			return &MalformedOverlayError{Field: join(path, key.Value),
				Reason: fmt.Sprintf("line %d: unknown field (want one of: %s)", key.Line, strings.Join(names, ", "))}
		}
		return decodeNode(val, v.Field(i), join(path, key.Value))
	})
}

func decodeMap(n *yaml.Node, v reflect.Value, path string, fail failFunc) error {
	if n.Kind != yaml.MappingNode {
		return fail("want a mapping")
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	err := eachKey(n, path, fail, func(key *yaml.Node, val *yaml.Node) error {
		elem := reflect.New(v.Type().Elem()).Elem()
		if err := decodeNode(val, elem, join(path, key.Value)); err != nil {
			return err
		}
		m.SetMapIndex(reflect.ValueOf(key.Value).Convert(v.Type().Key()), elem)
		return nil
	})
	v.Set(m)
	return err
}

// eachKey calls fn for each key of mapping n, refusing non-scalar and
// duplicate keys.
func eachKey(n *yaml.Node, path string, fail failFunc, fn func(key, val *yaml.Node) error) error {
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			return fail("a key is not a plain name")
		}
		if seen[k.Value] {
			return &MalformedOverlayError{Field: join(path, k.Value), Reason: fmt.Sprintf("line %d: given twice", k.Line)}
		}
		seen[k.Value] = true
		if err := fn(k, n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// scalarReason explains why value did not decode into a field of kind k.
func scalarReason(err error, k reflect.Kind, value string) string {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err.Error() // from an UnmarshalText: already says what was wrong
	}
	switch k {
	case reflect.Int:
		return fmt.Sprintf("want a whole number, got %q", value)
	case reflect.Bool:
		return fmt.Sprintf("want true or false, got %q", value)
	}
	return fmt.Sprintf("cannot read %q as %s", value, k)
}
