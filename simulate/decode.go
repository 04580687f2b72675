package simulate

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/hifazat/hifazat/policy"
	"go.yaml.in/yaml/v3"
)

// maxScenarioSize bounds a scenario file; real ones are a few kilobytes.
const maxScenarioSize = 1 << 20

// overlayRef is what decoding found under "overlay": the overlay itself,
// or the name of a file holding it.
type overlayRef struct {
	overlay *policy.Overlay
	file    string
	line    int
}

// decodeScenario reads a YAML or JSON scenario on top of DefaultScenario
// (see Scenario for how sections replace the default's). It checks the
// form only: unknown fields, duplicate keys, wrong types, more than one
// document. Validation is Simulator.Validate's job.
func decodeScenario(data []byte) (Scenario, overlayRef, error) {
	if len(data) > maxScenarioSize {
		return Scenario{}, overlayRef{}, &ScenarioError{Reason: fmt.Sprintf("larger than %d bytes", maxScenarioSize)}
	}
	root, err := rootNode(data)
	if err != nil {
		return Scenario{}, overlayRef{}, err
	}
	if root.Kind != yaml.MappingNode {
		return Scenario{}, overlayRef{}, &ScenarioError{Reason: fmt.Sprintf("line %d: want a mapping of section names to values", root.Line)}
	}
	sc := DefaultScenario()
	sc.Name = "" // a file's scenario is not the default one
	var ref overlayRef
	sv := reflect.ValueOf(&sc).Elem()
	fields := yamlFields(sv.Type())
	err = eachKey(root, "", func(key string, val *yaml.Node) error {
		i, ok := fields[key]
		switch {
		case !ok:
			return unknownField(key, val, sv.Type())
		case key == "overlay":
			return decodeOverlay(val, &ref)
		case key == "policy" && isNull(val):
			sc.Policy = ""
			return nil
		case key == "delays":
			// Each step given replaces the default's step.
			return decodeStruct(val, sv.Field(i), key, true)
		}
		fresh := reflect.New(sv.Field(i).Type()).Elem()
		if err := decodeNode(val, fresh, key); err != nil {
			return err
		}
		sv.Field(i).Set(fresh)
		return nil
	})
	if err != nil {
		return Scenario{}, overlayRef{}, err
	}
	if ref.overlay != nil || ref.file != "" {
		if _, given := fieldGiven(root, "policy"); !given {
			sc.Policy = "" // the overlay names its base; the default's policy steps aside
		}
	}
	sc.Overlay = ref.overlay
	return sc, ref, nil
}

// rootNode parses data into the root node of its single document. JSON is
// first checked and re-encoded by encoding/json, so that JSON's escapes
// (which YAML lacks, such as \/) are accepted.
func rootNode(data []byte) (*yaml.Node, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var v any
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, &ScenarioError{Reason: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, &ScenarioError{Reason: "invalid JSON: data after the object"}
		}
		data, _ = json.Marshal(v) // re-encoding a decoded value cannot fail
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ScenarioError{Reason: "empty document"}
		}
		return nil, &ScenarioError{Reason: strings.ReplaceAll(strings.TrimPrefix(err.Error(), "yaml: "), "\n", " ")}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, &ScenarioError{Reason: "more than one document (want exactly one)"}
	}
	if len(doc.Content) == 0 {
		return nil, &ScenarioError{Reason: "empty document"}
	}
	return doc.Content[0], nil
}

// decodeOverlay reads the overlay section: a mapping is the overlay
// itself, read by policy.ParseOverlay; a string names an overlay file.
func decodeOverlay(n *yaml.Node, ref *overlayRef) error {
	switch {
	case isNull(n):
		return nil
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str":
		ref.file, ref.line = n.Value, n.Line
		return nil
	case n.Kind != yaml.MappingNode:
		return &ScenarioError{Field: "overlay", Reason: fmt.Sprintf("line %d: want an overlay (a mapping) or the name of an overlay file", n.Line)}
	}
	blockStyle(n)
	data, err := yaml.Marshal(n)
	if err != nil {
		return &ScenarioError{Field: "overlay", Reason: err.Error()}
	}
	o, err := policy.ParseOverlay(data)
	if err != nil {
		return overlayError(err)
	}
	ref.overlay = &o
	return nil
}

// overlayError names the overlay field at fault in the scenario's terms.
func overlayError(err error) error {
	var me *policy.MalformedOverlayError
	if errors.As(err, &me) {
		field := "overlay"
		if me.Field != "" {
			field += "." + me.Field
		}
		return &ScenarioError{Field: field, Reason: me.Reason, Err: err}
	}
	return &ScenarioError{Field: "overlay", Reason: strings.TrimPrefix(err.Error(), "policy: "), Err: err}
}

// blockStyle turns flow collections ({...}, [...]) into block ones, so that
// the overlay re-encoded for policy.ParseOverlay is YAML, never mistaken
// for JSON.
func blockStyle(n *yaml.Node) {
	n.Style &^= yaml.FlowStyle
	for _, c := range n.Content {
		blockStyle(c)
	}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// fieldGiven returns the value of key in mapping n, and whether it is there.
func fieldGiven(n *yaml.Node, key string) (*yaml.Node, bool) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1], true
		}
	}
	return nil, false
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// decodeNode decodes n into v, which must be settable, naming any
// offending field by its path in the file.
func decodeNode(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return nodeError(n, path, "YAML anchors and aliases are not allowed")
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) || isScalarKind(v.Kind()) {
		if n.Kind != yaml.ScalarNode {
			return nodeError(n, path, "want a single value, not a list or mapping")
		}
		if v.Kind() == reflect.Int && n.ShortTag() != "!!int" {
			// yaml would truncate 2.5 to 2.
			return nodeError(n, path, fmt.Sprintf("want a whole number, got %q", n.Value))
		}
		if err := n.Decode(v.Addr().Interface()); err != nil {
			return nodeError(n, path, scalarReason(err, v.Kind(), n.Value))
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		return decodeStruct(n, v, path, false)
	case reflect.Map:
		return decodeMap(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return nodeError(n, path, "want a list")
		}
		if len(n.Content) == 0 {
			v.SetZero() // an empty list is no list
			return nil
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
	return nodeError(n, path, "cannot be read") // no field of Scenario has another kind
}

func isScalarKind(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Int, reflect.Float64, reflect.Bool:
		return true
	}
	return false
}

func nodeError(n *yaml.Node, path, reason string) error {
	return &ScenarioError{Field: path, Reason: fmt.Sprintf("line %d: %s", n.Line, reason)}
}

// decodeStruct decodes mapping n into struct v. With keep, fields the
// mapping does not name keep their values and each one named is decoded
// afresh; otherwise v is decoded field by field as it is.
func decodeStruct(n *yaml.Node, v reflect.Value, path string, keep bool) error {
	if n.Kind != yaml.MappingNode {
		return nodeError(n, path, "want a mapping of field names to values")
	}
	fields := yamlFields(v.Type())
	return eachKey(n, path, func(key string, val *yaml.Node) error {
		i, ok := fields[key]
		if !ok {
			return unknownField(join(path, key), val, v.Type())
		}
		if keep {
			v.Field(i).SetZero()
		}
		return decodeNode(val, v.Field(i), join(path, key))
	})
}

func decodeMap(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return nodeError(n, path, "want a mapping")
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	err := eachKey(n, path, func(key string, val *yaml.Node) error {
		k := reflect.New(v.Type().Key()).Elem()
		if err := k.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key)); err != nil {
			return &ScenarioError{Field: join(path, key), Reason: fmt.Sprintf("line %d: %s", val.Line, strings.TrimPrefix(err.Error(), "policy: "))}
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		if err := decodeNode(val, elem, join(path, key)); err != nil {
			return err
		}
		m.SetMapIndex(k, elem)
		return nil
	})
	v.Set(m)
	return err
}

// yamlFields maps the yaml names of struct type t's fields to their indexes.
func yamlFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		m[name] = i
	}
	return m
}

func unknownField(path string, val *yaml.Node, t reflect.Type) error {
	names := make([]string, t.NumField())
	for i := range names {
		names[i], _, _ = strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
	}
	return &ScenarioError{Field: path, Reason: fmt.Sprintf("line %d: unknown field (want one of: %s)", val.Line, strings.Join(names, ", "))}
}

// eachKey calls fn for each key of mapping n, refusing non-scalar and
// duplicate keys.
func eachKey(n *yaml.Node, path string, fn func(string, *yaml.Node) error) error {
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			return nodeError(k, path, "a key is not a plain name")
		}
		if seen[k.Value] {
			return &ScenarioError{Field: join(path, k.Value), Reason: fmt.Sprintf("line %d: given twice", k.Line)}
		}
		seen[k.Value] = true
		if err := fn(k.Value, n.Content[i+1]); err != nil {
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
		return strings.TrimPrefix(strings.TrimPrefix(err.Error(), "simulate: "), "civil: ")
	}
	switch k {
	case reflect.Int:
		return fmt.Sprintf("want a whole number, got %q", value)
	case reflect.Float64:
		return fmt.Sprintf("want a number, got %q", value)
	case reflect.Bool:
		return fmt.Sprintf("want true or false, got %q", value)
	}
	return fmt.Sprintf("cannot read %q as %s", value, k)
}
