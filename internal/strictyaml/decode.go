package strictyaml

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxSize bounds a document: the files read this way are a few kilobytes.
const MaxSize = 1 << 20

// Decode reads data, one YAML document or one JSON object, into the value
// v points to, as the package documentation says. Every error is a
// [*FieldError].
func Decode(data []byte, v any) error {
	root, err := Parse(data)
	if err != nil {
		return err
	}
	return DecodeNode(root, "", v, nil)
}

// Parse returns the root node of data's single document: YAML, or JSON
// when the first non-space byte is '{'. Every error is a [*FieldError]
// with no field.
func Parse(data []byte) (*yaml.Node, error) {
	if len(data) > MaxSize {
		return nil, &FieldError{Reason: fmt.Sprintf("larger than %d bytes", MaxSize)}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	isJSON := len(trimmed) > 0 && trimmed[0] == '{'
	if isJSON {
		canon, err := canonicalJSON(trimmed)
		if err != nil {
			return nil, err
		}
		if err := repeatedJSONKey(trimmed, bytes.Count(data[:len(data)-len(trimmed)], []byte("\n"))); err != nil {
			return nil, err
		}
		data = canon
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &FieldError{Reason: "empty document"}
		}
		// yaml's own error text, on one line and without its prefix.
		return nil, &FieldError{Reason: strings.ReplaceAll(strings.TrimPrefix(err.Error(), "yaml: "), "\n", " ")}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, &FieldError{Reason: "more than one document (want exactly one)"}
	}
	if len(doc.Content) == 0 {
		return nil, &FieldError{Reason: "empty document"}
	}
	if isJSON {
		forgetLines(doc.Content[0])
	}
	return doc.Content[0], nil
}

// forgetLines clears the lines of a JSON document's nodes: it was re-encoded
// on one line, so their lines would point nowhere in the caller's file.
func forgetLines(n *yaml.Node) {
	n.Line, n.Column = 0, 0
	for _, c := range n.Content {
		forgetLines(c)
	}
}

// canonicalJSON checks that data is exactly one JSON value and re-encodes
// it, keeping numbers as they are written.
func canonicalJSON(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &FieldError{Reason: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &FieldError{Reason: "invalid JSON: data after the object"}
	}
	canon, _ := json.Marshal(v) // re-encoding a decoded value cannot fail
	return canon, nil
}

// repeatedJSONKey refuses an object in data, one valid JSON value, that
// gives a key twice: decoding would keep the last silently, and the
// canonical text would hide it from the YAML decoder's check. The error
// names the key's path and its line, counting the skipped lines before
// data.
func repeatedJSONKey(data []byte, skipped int) error {
	w := jsonWalk{dec: json.NewDecoder(bytes.NewReader(data)), data: data, skipped: skipped}
	err := w.value("")
	if _, ok := err.(*FieldError); ok || err == nil {
		return err
	}
	// Unreachable: data was decoded once already.
	return &FieldError{Reason: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

// jsonWalk reads a JSON text token by token. Its recursion is as deep as
// the text's nesting, which encoding/json has already bounded.
type jsonWalk struct {
	dec     *json.Decoder
	data    []byte
	skipped int
}

// value reads one value named path, refusing a key given twice.
func (w *jsonWalk) value(path string) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('['):
		for i := 0; w.dec.More(); i++ {
			if err := w.value(fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case json.Delim('{'):
		seen := make(map[string]bool)
		for w.dec.More() {
			tok, err := w.dec.Token()
			if err != nil {
				return err
			}
			key, _ := tok.(string) // an object key is a string in valid JSON
			if seen[key] {
				line := 1 + w.skipped + bytes.Count(w.data[:w.dec.InputOffset()], []byte("\n"))
				return &FieldError{Field: join(path, key), Line: line, Reason: "given twice"}
			}
			seen[key] = true
			if err := w.value(join(path, key)); err != nil {
				return err
			}
		}
	default:
		return nil // a single value
	}
	_, err = w.dec.Token() // the closing ] or }
	return err
}

// A Hook lets the caller decode some fields itself. [DecodeNode] calls it
// for each field of a struct that a mapping names, before anything else,
// with a pointer to the field (compare it with the field's address, such
// as &sc.Delays), the field's path and its value's node. If it returns
// done, the field is the hook's, and DecodeNode goes on to the next key; an
// error stops decoding and comes back as it is (a *FieldError or the
// caller's own).
type Hook func(field any, path string, n *yaml.Node) (done bool, err error)

// DecodeNode decodes n, a node of a document from [Parse], into the value
// v points to, as the package documentation says. Path names n in errors
// ("" for the root). Hook, if not nil, may take over fields. Errors are
// [*FieldError]s, or the hook's own.
func DecodeNode(n *yaml.Node, path string, v any, hook Hook) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &FieldError{Field: path, Reason: fmt.Sprintf("cannot decode into %T (want a non-nil pointer)", v)}
	}
	return decoder{hook: hook}.node(n, rv.Elem(), path)
}

type decoder struct{ hook Hook }

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// node decodes n into v, which must be settable.
func (d decoder) node(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return nodeError(n, path, "YAML anchors and aliases are not allowed")
	}
	if isScalar(v.Type()) {
		return scalar(n, v, path)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		return d.node(n, v.Elem(), path)
	case reflect.Struct:
		return d.structure(n, v, path)
	case reflect.Map:
		return d.mapping(n, v, path)
	default: // reflect.Slice, the only kind isScalar leaves
		return d.list(n, v, path)
	}
}

// isScalar reports whether a value of type t is written as a single value:
// it has an UnmarshalText, or it is neither a pointer nor a collection.
func isScalar(t reflect.Type) bool {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Struct, reflect.Map, reflect.Slice:
		return false
	}
	return true
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

func nodeError(n *yaml.Node, path, reason string) error {
	return &FieldError{Field: path, Line: n.Line, Reason: reason}
}

func scalar(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.ScalarNode {
		return nodeError(n, path, "want a single value, not a list or mapping")
	}
	custom := reflect.PointerTo(v.Type()).Implements(textUnmarshaler)
	if isInt(v.Kind()) && n.ShortTag() != "!!int" && !custom {
		// yaml would truncate 2.5 to 2.
		return nodeError(n, path, fmt.Sprintf("want a whole number, got %q", n.Value))
	}
	if v.Kind() == reflect.Bool && n.ShortTag() != "!!bool" && !custom {
		// yaml would read yes, on and y as true.
		return nodeError(n, path, fmt.Sprintf("want true or false, got %q", n.Value))
	}
	err := n.Decode(v.Addr().Interface())
	var te *yaml.TypeError
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &te):
		// From an UnmarshalText: it already says what was wrong.
		return &FieldError{Field: path, Line: n.Line, Reason: err.Error(), Err: err}
	}
	switch k := v.Kind(); {
	case isInt(k):
		return nodeError(n, path, fmt.Sprintf("want a whole number, got %q", n.Value))
	case k == reflect.Float64 || k == reflect.Float32:
		return nodeError(n, path, fmt.Sprintf("want a number, got %q", n.Value))
	case k == reflect.Bool:
		return nodeError(n, path, fmt.Sprintf("want true or false, got %q", n.Value))
	default:
		return nodeError(n, path, fmt.Sprintf("cannot read %q as %s", n.Value, k))
	}
}

func isInt(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Uint64 // Uintptr comes after Uint64
}

// structure decodes mapping n into struct v field by field: each field
// named is decoded afresh, the others keep their values.
func (d decoder) structure(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return nodeError(n, path, "want a mapping of field names to values")
	}
	names := fieldNames(v.Type())
	return eachKey(n, path, func(key, val *yaml.Node) error {
		p := join(path, key.Value)
		i := slices.Index(names, key.Value)
		if i < 0 || key.Value == "" {
			return nodeError(key, p, "unknown field (want one of: "+strings.Join(known(names), ", ")+")")
		}
		f := v.Field(i)
		if d.hook != nil {
			if done, err := d.hook(f.Addr().Interface(), p, val); done || err != nil {
				return err
			}
		}
		f.SetZero()
		return d.node(val, f, p)
	})
}

// fieldNames returns the file names of struct type t's fields, by index:
// the names of their yaml tags, or "" for a field a file cannot set
// (unexported, without a yaml name, or tagged "-").
func fieldNames(t reflect.Type) []string {
	names := make([]string, t.NumField())
	for i := range names {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); f.IsExported() && name != "-" {
			names[i] = name
		}
	}
	return names
}

// known returns the names a file can give, in the fields' order.
func known(names []string) []string {
	return slices.DeleteFunc(slices.Clone(names), func(name string) bool { return name == "" })
}

// mapping decodes mapping n into map v, replacing it.
func (d decoder) mapping(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return nodeError(n, path, "want a mapping")
	}
	t := v.Type()
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	err := eachKey(n, path, func(key, val *yaml.Node) error {
		p := join(path, key.Value)
		k, err := mapKey(key, t.Key(), p)
		if err != nil {
			return err
		}
		elem := reflect.New(t.Elem()).Elem()
		if err := d.node(val, elem, p); err != nil {
			return err
		}
		m.SetMapIndex(k, elem)
		return nil
	})
	if err != nil {
		return err
	}
	v.Set(m)
	return nil
}

// mapKey reads key as a key of type t: with t's UnmarshalText if it has
// one, else as a string.
func mapKey(key *yaml.Node, t reflect.Type, path string) (reflect.Value, error) {
	k := reflect.New(t)
	if u, ok := k.Interface().(encoding.TextUnmarshaler); ok {
		if err := u.UnmarshalText([]byte(key.Value)); err != nil {
			return reflect.Value{}, &FieldError{Field: path, Line: key.Line, Reason: err.Error(), Err: err}
		}
		return k.Elem(), nil
	}
	if t.Kind() != reflect.String {
		return reflect.Value{}, nodeError(key, path, fmt.Sprintf("cannot read the key %q as %s", key.Value, t))
	}
	return reflect.ValueOf(key.Value).Convert(t), nil
}

// list decodes sequence n into slice v, replacing it.
func (d decoder) list(n *yaml.Node, v reflect.Value, path string) error {
	if isNull(n) || n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		v.SetZero() // an empty list is no list, and json.Marshal writes a nil slice as null
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return nodeError(n, path, "want a list")
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		if err := d.node(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	v.Set(s)
	return nil
}

// eachKey calls fn for each key of mapping n, refusing keys that are not
// plain names and keys given twice.
func eachKey(n *yaml.Node, path string, fn func(key, val *yaml.Node) error) error {
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			return nodeError(k, path, "a key is not a plain name")
		}
		if seen[k.Value] {
			return nodeError(k, join(path, k.Value), "given twice")
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
