package enum_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/internal/enum"
	"github.com/hifazat/hifazat/internal/enum/enumtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type colour uint8

var colours = enum.New[colour]("paint", "colour", "", "red", "green", "blue")

func (c colour) String() string                { return colours.String(c) }
func (c colour) MarshalText() ([]byte, error)  { return colours.MarshalText(c) }
func (c *colour) UnmarshalText(b []byte) error { return colours.Unmarshal(c, b) }

type size uint8

var sizes = enum.NewOptional[size]("paint", "size", "", "small", "large")

func (s size) String() string                { return sizes.String(s) }
func (s size) MarshalText() ([]byte, error)  { return sizes.MarshalText(s) }
func (s *size) UnmarshalText(b []byte) error { return sizes.Unmarshal(s, b) }

type unit uint8

var units = enum.New[unit]("paint", "unit", "litres", "gallons")

func (u unit) String() string                { return units.String(u) }
func (u unit) MarshalText() ([]byte, error)  { return units.MarshalText(u) }
func (u *unit) UnmarshalText(b []byte) error { return units.Unmarshal(u, b) }

func TestEnums(t *testing.T) {
	enumtest.Check(t, []string{"red", "green", "blue"}, colours.Values())
	enumtest.Check(t, []string{"small", "large"}, sizes.Values())
	enumtest.Check(t, []string{"litres", "gallons"}, units.Values())
}

func TestZeroValue(t *testing.T) {
	tests := []struct {
		name  string
		value interface {
			String() string
			MarshalText() ([]byte, error)
		}
		str   string
		text  string
		err   string // the MarshalText error, if it fails
		valid bool
	}{
		{name: "no value", value: colour(0), str: "%!colour(0)", err: `paint: invalid colour 0 (want red, green or blue)`, valid: colours.Valid(0)},
		{name: "not set", value: size(0), str: "", text: "", valid: sizes.Valid(0)},
		{name: "named", value: unit(0), str: "litres", text: "litres", valid: !units.Valid(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.False(t, tt.valid, "Valid(0): only a named zero value is valid")
			assert.Equal(t, tt.str, tt.value.String())
			b, err := tt.value.MarshalText()
			if tt.err != "" {
				assert.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
		})
	}
}

func TestParse(t *testing.T) {
	var c colour = 2
	err := c.UnmarshalText(nil)
	assert.EqualError(t, err, `paint: unknown colour "" (want red, green or blue)`)
	assert.Equal(t, colour(2), c, "a failed parse leaves the value")
	var e *enum.Error
	require.ErrorAs(t, c.UnmarshalText([]byte("mauve")), &e)
	assert.Equal(t, []string{"red", "green", "blue"}, e.Want)
	assert.Equal(t, "mauve", e.Value)

	long := strings.Repeat("x", 1<<20)
	err = c.UnmarshalText([]byte(long))
	assert.Less(t, len(err.Error()), 200, "the error does not echo unbounded input")
	assert.Contains(t, err.Error(), `"`+strings.Repeat("x", 40)+`..."`)

	var s size = 1
	require.NoError(t, s.UnmarshalText(nil))
	assert.Equal(t, size(0), s, `"" is "not set"`)
	var u unit = 1
	require.Error(t, u.UnmarshalText(nil), `"" names no unit`)

	var n enum.Names[colour]
	assert.Empty(t, n.Values(), "the zero Names has no values")
	assert.Equal(t, "%!colour(1)", n.String(1))
	_, err = n.Parse([]byte("red"))
	assert.Error(t, err)
}

// Parse accepts exactly the names: whatever it accepts prints back as the
// text it was given, and whatever it refuses names the text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"red", "", "Red", "green ", "%!colour(1)", "blue"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := colours.Parse([]byte(in))
		if err != nil {
			var e *enum.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, in, e.Value)
			return
		}
		assert.Equal(t, in, v.String(), "Parse(%q)", in)
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, in, string(b))
	})
}

func ExampleNames() {
	type colour uint8
	names := enum.New[colour]("paint", "colour", "", "red", "green")
	c, err := names.Parse([]byte("green"))
	fmt.Println(c, names.String(c), err)
	_, err = names.Parse([]byte("mauve"))
	fmt.Println(err)
	fmt.Println(names.String(7))
	// Output:
	// 2 green <nil>
	// paint: unknown colour "mauve" (want red or green)
	// %!colour(7)
}
