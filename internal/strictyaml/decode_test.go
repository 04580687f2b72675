package strictyaml

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// color is a test enum with a text form, as the project's enums have.
type color uint8

const (
	red color = iota + 1
	green
)

var errColor = errors.New("color: unknown color")

func (c color) MarshalText() ([]byte, error) {
	switch c {
	case red:
		return []byte("red"), nil
	case green:
		return []byte("green"), nil
	}
	return nil, errColor
}

func (c *color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = red
	case "green":
		*c = green
	default:
		return fmt.Errorf("%w %q", errColor, b)
	}
	return nil
}

type label string

type inner struct {
	N     int     `yaml:"n"`
	Ratio float64 `yaml:"ratio"`
	On    bool    `yaml:"on"`
}

type doc struct {
	Name    string            `yaml:"name"`
	Count   int               `yaml:"count"`
	Color   color             `yaml:"color,omitempty"`
	Inner   inner             `yaml:"inner"`
	Opt     *int              `yaml:"opt"`
	Ptr     *inner            `yaml:"ptr"`
	Tags    []label           `yaml:"tags,omitempty"`
	Weights map[color]float64 `yaml:"weights,omitempty"`
	Limits  map[label]inner   `yaml:"limits,omitempty"`
	Skipped int               `yaml:"-"`
	hidden  int
}

func ptr[T any](v T) *T { return &v }

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in string
		want     doc
	}{
		{"every kind", "name: a\ncount: 3\ncolor: green\ninner: {n: 2, ratio: 0.5, on: true}\nopt: 7\nptr: {n: 1}\ntags: [x, y]\nweights: {red: 0.25}\nlimits: {p: {n: 4}}\n",
			doc{Name: "a", Count: 3, Color: green, Inner: inner{2, 0.5, true}, Opt: ptr(7), Ptr: &inner{N: 1}, Tags: []label{"x", "y"},
				Weights: map[color]float64{red: 0.25}, Limits: map[label]inner{"p": {N: 4}}}},
		{"json", `{"name": "a\/b", "count": 3, "inner": {"ratio": 1e-3}, "tags": ["x"]}`,
			doc{Name: "a/b", Count: 3, Inner: inner{Ratio: 0.001}, Tags: []label{"x"}}},
		{"json after a byte order mark and spaces", "\ufeff \n{\"count\": 1}", doc{Count: 1}},
		{"whole numbers in other bases", "count: 0x10", doc{Count: 16}},
		{"null pointer", "opt: null\nptr: ~", doc{}},
		{"null string", "name: null", doc{}},
		{"empty list", "tags: []", doc{}},
		{"null list", "tags: null", doc{}},
		{"json null list, as json.Marshal writes a nil slice", `{"tags": null}`, doc{}},
		{"empty mapping", "weights: {}", doc{Weights: map[color]float64{}}},
		{"an integer for a float", "inner: {ratio: 2}", doc{Inner: inner{Ratio: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got doc
			require.NoError(t, Decode([]byte(tt.in), &got), "Decode(%q)", tt.in)
			assert.Equal(t, tt.want, got, "Decode(%q)", tt.in)
		})
	}
}

func TestDecodeOnTopOfDefaults(t *testing.T) {
	defaults := func() doc {
		return doc{Name: "default", Count: 9, Inner: inner{N: 1, Ratio: 0.5, On: true}, Opt: ptr(1), Tags: []label{"a", "b"},
			Skipped: 5, hidden: 6}
	}
	tests := []struct {
		name, in string
		edit     func(*doc)
	}{
		{"nothing named", "{}", func(*doc) {}},
		{"a scalar", "count: 2", func(d *doc) { d.Count = 2 }},
		{"a struct is decoded afresh", "inner: {n: 3}", func(d *doc) { d.Inner = inner{N: 3} }},
		{"a list replaces the list", "tags: [c]", func(d *doc) { d.Tags = []label{"c"} }},
		{"an empty list gives no list", "tags: []", func(d *doc) { d.Tags = nil }},
		{"null clears a pointer", "opt: null", func(d *doc) { d.Opt = nil }},
		{"null clears a scalar", "name: ~", func(d *doc) { d.Name = "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := defaults(), defaults()
			tt.edit(&want)
			require.NoError(t, Decode([]byte(tt.in), &got), "Decode(%q)", tt.in)
			assert.Equal(t, want, got, "Decode(%q) on top of defaults", tt.in)
			assert.Equal(t, 6, got.hidden, "unexported fields are never touched")
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in, field string
		line            int
		reason          string
	}{
		{"empty", "", "", 0, "empty document"},
		{"only a comment", "# nothing\n", "", 0, "empty document"},
		{"too large", strings.Repeat(" ", MaxSize+1), "", 0, "larger than 1048576 bytes"},
		{"two documents", "name: a\n---\nname: b\n", "", 0, "more than one document (want exactly one)"},
		{"syntax", "name: [\n", "", 0, "did not find expected"},
		{"bad json", `{"name": }`, "", 0, "invalid JSON: invalid character '}' looking for beginning of value"},
		{"json trailing data", `{"name": "a"} x`, "", 0, "invalid JSON: data after the object"},
		{"not a mapping", "- a\n", "", 1, "want a mapping of field names to values"},
		{"unknown field", "name: a\nnmae: b\n", "nmae", 2, "unknown field (want one of: name, count, color, inner, opt, ptr, tags, weights, limits)"},
		{"unknown field names the key's line", "bogus:\n  x: 1\n", "bogus", 1, "unknown field"},
		{"a field tagged -", "Skipped: 1", "Skipped", 1, "unknown field"},
		{"an unexported field", "hidden: 1", "hidden", 1, "unknown field"},
		{"an empty key", `"": 1`, "", 1, "unknown field"},
		{"unknown nested field", "inner:\n  n: 1\n  m: 2\n", "inner.m", 3, "unknown field (want one of: n, ratio, on)"},
		{"given twice", "count: 1\ncount: 2\n", "count", 2, "given twice"},
		{"given twice in a map", "limits: {a: {}, a: {}}", "limits.a", 1, "given twice"},
		{"json key given twice", `{"count": 1, "count": 2}`, "count", 1, "given twice"},
		{"json key given twice names its line", "\n{\"inner\": {\n  \"n\": 1,\n  \"n\": 2}}", "inner.n", 4, "given twice"},
		{"json key given twice in a list", `{"tags": [{"x": 1, "x": 2}]}`, "tags[0].x", 1, "given twice"},
		{"json keys given twice apart", `{"a": {"k": 1}, "b": {"k": 1}, "a": 2}`, "a", 1, "given twice"},
		{"a key that is a list", "inner:\n  [n]: 1\n", "inner", 2, "a key is not a plain name"},
		{"anchor", "inner: &i {n: 1}\n", "inner", 1, "YAML anchors and aliases are not allowed"},
		{"alias", "inner: {n: &n 1}\nptr: {n: *n}\n", "inner.n", 1, "YAML anchors and aliases are not allowed"},
		{"alias in a list", "tags: [a, *a]\n", "", 0, "unknown anchor 'a' referenced"},
		{"float for an int", "count: 2.5", "count", 1, `want a whole number, got "2.5"`},
		{"whole float for an int", "count: 2.0", "count", 1, `want a whole number, got "2.0"`},
		{"json float for an int", `{"count": 2.0}`, "count", 0, `want a whole number, got "2.0"`},
		{"string for an int", `count: "2"`, "count", 1, `want a whole number, got "2"`},
		{"null for an int", "inner: {n: null}", "inner.n", 1, `want a whole number, got "null"`},
		{"int overflow", "count: 99999999999999999999", "count", 1, `want a whole number, got "99999999999999999999"`},
		{"word for a float", "inner: {ratio: many}", "inner.ratio", 1, `want a number, got "many"`},
		{"word for a bool", "inner: {on: maybe}", "inner.on", 1, `want true or false, got "maybe"`},
		{"list for a scalar", "name: [a]", "name", 1, "want a single value, not a list or mapping"},
		{"mapping for a text value", "color: {a: 1}", "color", 1, "want a single value, not a list or mapping"},
		{"scalar for a struct", "inner: 3", "inner", 1, "want a mapping of field names to values"},
		{"scalar for a pointer to a struct", "ptr: 3", "ptr", 1, "want a mapping of field names to values"},
		{"scalar for a map", "limits: x", "limits", 1, "want a mapping"},
		{"scalar for a list", "tags: x", "tags", 1, "want a list"},
		{"bad list item", "tags: [a, [b]]", "tags[1]", 1, "want a single value"},
		{"bad text value", "color: blue", "color", 1, `color: unknown color "blue"`},
		{"bad map key", "weights:\n  blue: 1\n", "weights.blue", 2, `color: unknown color "blue"`},
		{"bad map value", "weights: {red: x}", "weights.red", 1, `want a number, got "x"`},
		{"json keys are sorted", `{"zz": 1, "aa": 2}`, "aa", 0, "unknown field"},
		{"json has no lines to name", "{\n\"inner\": {\"on\": 1}}", "inner.on", 0, `want true or false, got "1"`},
		{"yes for a bool", "inner: {on: yes}", "inner.on", 1, `want true or false, got "yes"`},
		{"on for a bool", "inner:\n  on: on\n", "inner.on", 2, `want true or false, got "on"`},
		{"quoted true for a bool", `inner: {on: "true"}`, "inner.on", 1, `want true or false, got "true"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Decode([]byte(tt.in), &d)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "Decode(%q)", tt.in)
			assert.Equal(t, tt.field, fe.Field, "Decode(%q): field of %v", tt.in, err)
			assert.Equal(t, tt.line, fe.Line, "Decode(%q): line of %v", tt.in, err)
			assert.Contains(t, fe.Reason, tt.reason, "Decode(%q)", tt.in)
		})
	}
}

func TestDecodeTextErrorIsWrapped(t *testing.T) {
	var d doc
	err := Decode([]byte("color: blue"), &d)
	require.ErrorIs(t, err, errColor, "Decode(color: blue) wraps UnmarshalText's error")
	err = Decode([]byte("count: x"), &d)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.NoError(t, fe.Err, "a type mismatch has no underlying error")
}

func TestDecodeNeedsAPointer(t *testing.T) {
	for _, v := range []any{doc{}, (*doc)(nil), nil} {
		err := Decode([]byte("name: a"), v)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, "Decode into %T", v)
		assert.Contains(t, fe.Reason, "want a non-nil pointer", "Decode into %T", v)
	}
}

func TestDecodeUnsupportedMapKey(t *testing.T) {
	var m map[int]string
	err := Decode([]byte("1: a"), &m)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, FieldError{Field: "1", Line: 1, Reason: `cannot read the key "1" as int`}, *fe)
}

func TestDecodeNodeHook(t *testing.T) {
	const in = "name: a\ninner: {n: 5}\nptr: {ratio: 0.5}\ncount: 2\n"
	root, err := Parse([]byte(in))
	require.NoError(t, err)
	d := doc{Inner: inner{N: 1, Ratio: 0.25}}
	var seen []string
	err = DecodeNode(root, "", &d, func(field any, path string, n *yaml.Node) (bool, error) {
		seen = append(seen, path)
		switch field {
		case &d.Inner:
			// Merge with the value there instead of replacing it.
			return true, DecodeNode(n, path, &d.Inner, nil)
		case &d.Name:
			return true, nil // leave the name alone
		}
		return false, nil
	})
	require.NoError(t, err)
	assert.Equal(t, doc{Inner: inner{N: 5, Ratio: 0.25}, Ptr: &inner{Ratio: 0.5}, Count: 2}, d)
	assert.Equal(t, []string{"name", "inner", "ptr", "ptr.ratio", "count"}, seen, "the hook sees every field named, nested ones by their paths")

	mine := errors.New("mine")
	err = DecodeNode(root, "", &d, func(_ any, path string, _ *yaml.Node) (bool, error) {
		if path == "count" {
			return false, mine
		}
		return false, nil
	})
	assert.Same(t, mine, err, "the hook's error comes back as it is, done or not")

	bad, err := Parse([]byte("m: 1"))
	require.NoError(t, err)
	err = DecodeNode(bad, "inner", &d.Inner, nil)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "inner.m", fe.Field, "paths start from the path given: %v", err)
}

func TestFieldErrorFormat(t *testing.T) {
	tests := []struct {
		err         FieldError
		msg, detail string
	}{
		{FieldError{Field: "a.b", Line: 3, Reason: "given twice"}, "strictyaml: field a.b: line 3: given twice", "line 3: given twice"},
		{FieldError{Line: 1, Reason: "want a mapping"}, "strictyaml: line 1: want a mapping", "line 1: want a mapping"},
		{FieldError{Reason: "empty document"}, "strictyaml: empty document", "empty document"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.msg, tt.err.Error(), "%#v.Error()", tt.err)
		assert.Equal(t, tt.detail, tt.err.Detail(), "%#v.Detail()", tt.err)
	}
}
