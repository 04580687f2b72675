package strictyaml

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// FuzzDecode checks that Decode never panics, that every error is a
// *FieldError with a reason, and that what it accepts it accepts again
// after yaml.Marshal, unchanged.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"", "{}", "name: a\ncount: 3\ncolor: green\ninner: {n: 2, ratio: 0.5, on: true}\nopt: 7\nptr: {n: 1}\ntags: [x, y]\nweights: {red: 0.25}\nlimits: {p: {n: 4}}\n",
		`{"name": "a\/b", "count": 3, "inner": {"ratio": 1e-3}, "tags": ["x"]}`, "count: 2.5", "inner: &i {n: 1}\nptr: *i",
		"weights: {blue: 1}", "tags: []", "opt: null", "name: !!binary aGVsbG8=", "inner: {ratio: .nan}", "? [a]\n: 1",
		"count: 1\ncount: 2", `{"count": 1, "count": 2}`, "- 1", "a: 1\n---\nb: 2", "limits: {~: {n: 1}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d doc
		err := Decode(data, &d)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Reason == "" || fe.Line < 0 {
				t.Fatalf("Decode(%q) = %T %v, want a *FieldError with a reason", data, err, err)
			}
			return
		}
		// Compare texts, not values: an empty map may come back nil, and
		// NaN is not equal to itself.
		out, err := yaml.Marshal(d)
		require.NoError(t, err, "yaml.Marshal(Decode(%q))", data)
		var back doc
		require.NoError(t, Decode(out, &back), "Decode(yaml.Marshal(Decode(%q))) of\n%s", data, out)
		again, err := yaml.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(out), string(again), "round trip of %q", data)
	})
}
