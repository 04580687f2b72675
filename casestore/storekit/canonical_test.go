package storekit_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCanonical(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"whitespace_and_order", ` { "b" : 1 , "a" : [ true , false , null ] } `, `{"a":[true,false,null],"b":1}`},
		{"nested_order", `{"z":{"y":1,"x":2},"a":{}}`, `{"a":{},"z":{"x":2,"y":1}}`},
		// RFC 8785 section 3.2.2.3 number examples.
		{"numbers", `[1.0, 1e0, -0, 0.000001, 1e-7, 1e21, 123456789012345678901, 4.50, 2e-3, 333333333.33333329]`,
			`[1,1,0,0.000001,1e-7,1e+21,123456789012345680000,4.5,0.002,333333333.3333333]`},
		{"escapes", `"\u0041\u00e9\n\t\u0001\"\\\/\u2028<>&"`, "\"A\u00e9\\n\\t\\u0001\\\"\\\\/\u2028<>&\""},
		// RFC 8785 section 3.2.3: keys sorted by UTF-16 code units.
		{"utf16_order", `{"\ud83d\ude00":1,"\ufb33":2,"a":3}`, "{\"a\":3,\"\U0001F600\":1,\"\uFB33\":2}"},
		{"scalar", `"x"`, `"x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := storekit.Canonical([]byte(tt.in))
			require.NoError(t, err, "Canonical(%s)", tt.in)
			assert.Equal(t, tt.want, string(got), "Canonical(%s)", tt.in)
		})
	}
}

func TestCanonicalRejects(t *testing.T) {
	deep := bytes.Repeat([]byte("["), 40)
	for _, in := range []string{``, `{`, `{"a":1,}`, `{"a":1,"a":2}`, `1 2`, `1e999`, "\"\xff\"", `{a:1}`, string(deep)} {
		_, err := storekit.Canonical([]byte(in))
		assert.ErrorIs(t, err, casestore.ErrMalformed, "Canonical(%q)", in)
	}
}

// FuzzCanonical checks the canonical form's invariants: it is valid JSON
// with the same meaning as the input, and canonicalizing it again changes
// nothing.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":[1.5,"x",null]}`, `[1e21,-0,0.1]`, `"\u2028"`, `{"type":"add_note","on":"2026-03-04"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := storekit.Canonical(b)
		if err != nil {
			return
		}
		again, err := storekit.Canonical(c)
		require.NoError(t, err, "Canonical(Canonical(%q))", b)
		assert.Equal(t, string(c), string(again), "Canonical is not idempotent on %q", b)
		var x, y any
		require.NoError(t, json.Unmarshal(b, &x), "input %q", b)
		require.NoError(t, json.Unmarshal(c, &y), "canonical %q", c)
		assert.True(t, reflect.DeepEqual(x, y), "Canonical(%q) = %q changes the value", b, c)
	})
}
