package casestore_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIsCanonical checks the fast path's verdicts on texts just inside and
// just outside the canonical form; the slow path must agree with each.
func TestIsCanonical(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	tests := []struct {
		in   string
		want bool
	}{
		{`{"by":"complainant","on":"2026-03-02","type":"file_complaint"}`, true},
		{`{}`, true},
		{`[]`, true},
		{`[true,false,null,"",0,-1,1.5,1e+21,1e-7,0.000001]`, true},
		{"\"\\\"\\\\\\b\\t\\n\\f\\r\\u0001\\u001f\u2028/\x7f\"", true},
		{`{"a":{"b":[{"c":1}]}}`, true},
		{deep(32), true},
		{"{\"\U0001F600\":1,\"\uFB33\":2}", true}, // UTF-16 order, not byte order

		{deep(33), false},                       // too deep
		{`{"on":"2026-03-02","by":"x"}`, false}, // keys out of order
		{`{"a":1,"a":1}`, false},                // duplicate key
		{"{\"\uFB33\":2,\"\U0001F600\":1}", false},
		{`{"a" :1}`, false}, // whitespace
		{` {}`, false},
		{`{} `, false},
		{"[1,\n2]", false},
		{`1.0`, false}, // numbers as ES6 writes them
		{`-0`, false},
		{`1E+21`, false},
		{`1e21`, false},
		{`01`, false},
		{`1e999`, false},
		{`"\u0041"`, false}, // escapes only where needed
		{`"\/"`, false},
		{`"\u000a"`, false},
		{`"\u001F"`, false},
		{`"\ud83d\ude00"`, false},
		{`{"a\"b":1}`, false}, // an escaped key: canonical, left to the slow path
		{"\"\x01\"", false},   // a raw control character
		{"\"\xff\"", false},   // invalid UTF-8
		{`"abc`, false},
		{`[1,]`, false},
		{`{"a":1,}`, false},
		{`tru`, false},
		{`nul`, false},
		{``, false},
		{`1 2`, false},
	}
	for _, tt := range tests {
		got := casestore.IsCanonical([]byte(tt.in))
		assert.Equal(t, tt.want, got, "IsCanonical(%q)", tt.in)
		slow, err := casestore.CanonicalSlow([]byte(tt.in))
		if tt.want {
			require.NoError(t, err, "CanonicalSlow(%q)", tt.in)
			assert.Equal(t, tt.in, string(slow), "CanonicalSlow(%q): the fast path accepted a text the slow path changes", tt.in)
		}
	}
}

// FuzzIsCanonical checks the fast path against the slow reference: a text
// the fast path accepts is one the slow path returns unchanged; the slow
// path's result is accepted by the fast path unless it holds an escape (an
// escaped key takes the slow path); Canonical gives the slow path's answer
// either way; and members splits a canonical object as encoding/json does.
func FuzzIsCanonical(f *testing.F) {
	for _, s := range []string{
		`{"by":"inquiry_committee","note":"a note","on":"2026-03-04","type":"add_note"}`,
		`{"a":[1,2.5,-3e-7,true,null],"b":{"c":"\n\u0001"}}`,
		`{"b":1,"a":2}`, `[1e21,1E21,-0,0.1,01]`, `"\u2028\/"`, "{\"\uFB33\":2,\"\U0001F600\":1}",
		`{"a\"b":1,"a":{}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		slow, slowErr := casestore.CanonicalSlow(b)
		if casestore.IsCanonical(b) {
			require.NoError(t, slowErr, "IsCanonical(%q) but the slow path refuses it", b)
			assert.Equal(t, string(b), string(slow), "IsCanonical(%q) but the slow path changes it", b)
		}
		got, err := casestore.Canonical(b)
		assert.Equal(t, slowErr != nil, err != nil, "Canonical(%q) error %v, slow path %v", b, err, slowErr)
		if slowErr != nil {
			return
		}
		assert.Equal(t, string(slow), string(got), "Canonical(%q)", b)
		if !bytes.Contains(slow, []byte(`\`)) {
			assert.True(t, casestore.IsCanonical(slow), "IsCanonical(%q) = false for the slow path's result", slow)
		}
		if slow[0] != '{' {
			return
		}
		var want map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(slow, &want), "canonical %q", slow)
		keys, values := casestore.Members(slow)
		require.Equal(t, len(want), len(keys), "members of %q", slow)
		for i, k := range keys {
			var key string
			require.NoError(t, json.Unmarshal([]byte(`"`+k+`"`), &key), "member %d key of %q", i, slow)
			assert.Equal(t, string(want[key]), values[i], "member %q of %q", key, slow)
		}
	})
}
