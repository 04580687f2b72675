// Package enumtest checks an enum of the SDK against the rules of package
// enum, from the outside: through the type's own String, MarshalText and
// UnmarshalText.
package enumtest

import (
	"encoding"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Enum is what every enum of the SDK implements.
type Enum interface {
	~uint8
	encoding.TextMarshaler
	fmt.Stringer
}

// Check checks that values are named want, in order; that every value
// round-trips through its text form; that text naming no value is refused
// with an error listing every name; and that a value past the table prints
// as "%!Type(N)" and does not marshal.
func Check[T Enum, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, want []string, values []T) {
	t.Helper()
	require.Len(t, values, len(want), "%T values", *new(T))
	for i, v := range values {
		assert.Equal(t, want[i], v.String(), "%T(%d).String()", v, uint8(v))
		b, err := v.MarshalText()
		require.NoError(t, err, "%T(%d).MarshalText()", v, uint8(v))
		assert.Equal(t, want[i], string(b), "%T(%d).MarshalText()", v, uint8(v))
		var got T
		require.NoError(t, P(&got).UnmarshalText(b), "%T.UnmarshalText(%q)", v, b)
		assert.Equal(t, v, got, "round trip of %q", b)
	}
	for _, bad := range []string{"nope", strings.ToUpper(want[0]), " " + want[0], want[0] + " "} {
		var got T
		err := P(&got).UnmarshalText([]byte(bad))
		require.Error(t, err, "%T.UnmarshalText(%q)", got, bad)
		for _, w := range want {
			assert.Contains(t, err.Error(), w, "%T.UnmarshalText(%q) lists the valid names", got, bad)
		}
	}
	past := T(255)
	assert.True(t, strings.HasPrefix(past.String(), "%!"), "%T(255).String() = %q", past, past.String())
	_, err := past.MarshalText()
	assert.Error(t, err, "%T(255).MarshalText()", past)
}
