package validation

import (
	"errors"
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type limits struct {
	N int `yaml:"n" validate:"min=1,max=10"`
}

type shares struct{ A, B float64 }

type file struct {
	Title  string             `yaml:"title" validate:"required,max=5"`
	Rate   float64            `yaml:"rate" validate:"gt=0,lte=100"`
	Tags   []string           `yaml:"tags" validate:"min=1,dive,required"`
	Limits map[string]limits  `yaml:"limits" validate:"min=1,dive"`
	Mix    map[string]float64 `yaml:"mix" validate:"dive,keys,oneof=a b,endkeys,gte=0"`
	Shares shares             `yaml:"shares"`
	Plain  string             `validate:"len=2"`
}

func valid() file {
	return file{Title: "t", Rate: 1, Tags: []string{"x"}, Limits: map[string]limits{"a": {N: 1}}, Shares: shares{A: 1}, Plain: "ab"}
}

func newValidator() *validator.Validate {
	v := New()
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		if s := sl.Current().Interface().(shares); s.A+s.B != 1 {
			sl.ReportError(s, "", "", "sum", "")
		}
	}, shares{})
	MustRegister(v, "never", func(validator.FieldLevel) bool { return false })
	return v
}

func TestFirstField(t *testing.T) {
	tests := []struct {
		name          string
		edit          func(*file)
		field, reason string
	}{
		{"yaml names", func(f *file) { f.Title = "" }, "title", "is required"},
		{"string too long", func(f *file) { f.Title = "abcdef" }, "title", "is longer than 5 characters"},
		{"number too big", func(f *file) { f.Rate = 101 }, "rate", "101 is more than 100"},
		{"not above", func(f *file) { f.Rate = 0 }, "rate", "0 must be above 0"},
		{"list too short", func(f *file) { f.Tags = nil }, "tags", "has fewer than 1 entries"},
		{"list index stays", func(f *file) { f.Tags = []string{"x", ""} }, "tags[1]", "is required"},
		{"map key becomes a name", func(f *file) { f.Limits = map[string]limits{"a": {N: 0}} }, "limits.a.n", "0 is less than 1"},
		{"map key check", func(f *file) { f.Mix = map[string]float64{"c": 1} }, "mix.c", "fails oneof"},
		{"whole struct", func(f *file) { f.Shares = shares{} }, "shares", "fails sum"},
		{"no yaml tag", func(f *file) { f.Plain = "a" }, "Plain", "fails len"},
		{"first in path order", func(f *file) { f.Title, f.Rate, f.Tags = "", 0, nil }, "rate", "0 must be above 0"},
		{"map entries in path order", func(f *file) { f.Limits = map[string]limits{"b": {N: 11}, "a": {N: 0}} }, "limits.a.n", "0 is less than 1"},
	}
	v := newValidator()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := valid()
			tt.edit(&f)
			err := v.Struct(f)
			require.Error(t, err, "Struct(%+v)", f)
			field, why, ok := FirstField(err, Reason)
			require.True(t, ok, "FirstField(%v)", err)
			assert.Equal(t, tt.field, field, "FirstField(%v)", err)
			assert.Equal(t, tt.reason, why, "FirstField(%v)", err)
		})
	}
}

// fakeError is a validator.FieldError with a chosen namespace and tag.
type fakeError struct {
	validator.FieldError
	ns, tag string
}

func (e fakeError) Namespace() string { return e.ns }
func (e fakeError) Tag() string       { return e.tag }

func TestFirstFieldAmongEqualPaths(t *testing.T) {
	errs := validator.ValidationErrors{fakeError{ns: "F.b", tag: "one"}, fakeError{ns: "F.a", tag: "two"}, fakeError{ns: "F.a", tag: "three"}}
	field, why, ok := FirstField(errs, func(fe validator.FieldError) string { return fe.Tag() })
	assert.True(t, ok)
	assert.Equal(t, "a", field)
	assert.Equal(t, "two", why, "the first reported of the equal paths")
}

func TestFirstFieldNotValidationErrors(t *testing.T) {
	v := newValidator()
	require.NoError(t, v.Struct(valid()), "the valid file")
	for _, err := range []error{nil, errors.New("other"), v.Struct(42), validator.ValidationErrors{}} {
		_, _, ok := FirstField(err, Reason)
		assert.False(t, ok, "FirstField(%v)", err)
	}
}

func TestMustRegisterPanicsOnABadTag(t *testing.T) {
	assert.Panics(t, func() { MustRegister(New(), "", func(validator.FieldLevel) bool { return true }) })
}

func TestFieldPath(t *testing.T) {
	for ns, want := range map[string]string{
		"Overlay.deadlines[charges].n": "deadlines.charges.n",
		"Overlay.complainants[0]":      "complainants[0]",
		"Scenario.routes.":             "routes",
		"Scenario.a[b][2][c]":          "a.b[2].c",
		"Scenario":                     "",
	} {
		assert.Equal(t, want, fieldPath(ns), "fieldPath(%q)", ns)
	}
}
