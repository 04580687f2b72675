package validation

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/go-playground/validator/v10"
)

// New returns a validator that checks nested structs' required fields and
// names fields by their yaml tags ("min_women", not MinWomen).
func New() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		return name
	})
	return v
}

// MustRegister registers fn as the validation of tag, and panics if tag is
// not a valid tag name: a bad name is a bug in the caller, never input.
func MustRegister(v *validator.Validate, tag string, fn validator.Func) {
	if err := v.RegisterValidation(tag, fn); err != nil {
		panic(err)
	}
}

// FirstField returns the first offending field of err, a
// validator.ValidationErrors, in path order: the paths compared as strings,
// so "rate" comes before "title" and "tags[10]" before "tags[2]" (the first
// reported among equal paths). The reason is what the caller's function
// gives for it. The field is named by its path in the file: validator's
// "Overlay.deadlines[charges].n" becomes "deadlines.charges.n" (list
// indexes stay: "complainants[0]"), and a check reported on a whole struct
// under the empty name ("Scenario.routes.") names the struct ("routes").
// ok is false when err is not a validator.ValidationErrors
// (nil, or validator's complaint about its argument).
func FirstField(err error, reason func(validator.FieldError) string) (field, why string, ok bool) {
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) || len(verrs) == 0 {
		return "", "", false
	}
	first := verrs[0]
	field = fieldPath(first.Namespace())
	for _, fe := range verrs[1:] {
		if p := fieldPath(fe.Namespace()); p < field {
			first, field = fe, p
		}
	}
	return field, reason(first), true
}

// mapKey matches a map key in a namespace; a list index starts with a digit.
var mapKey = regexp.MustCompile(`\[([^\]0-9][^\]]*)\]`)

// fieldPath turns validator's namespace into the file's path.
func fieldPath(ns string) string {
	_, rest, _ := strings.Cut(ns, ".")
	rest = mapKey.ReplaceAllString(rest, ".$1")
	return strings.TrimSuffix(rest, ".")
}

// Reason says, in the file's terms, why a field failed one of validator's
// own tags: required, min, max, lte and gt; any other tag gives
// "fails TAG". Callers word their own tags and fall back on Reason.
func Reason(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "max", "lte":
		if fe.Kind() == reflect.String {
			return "is longer than " + fe.Param() + " characters"
		}
		return fmt.Sprintf("%v is more than %s", fe.Value(), fe.Param())
	case "min":
		if k := fe.Kind(); k == reflect.Map || k == reflect.Slice {
			return "has fewer than " + fe.Param() + " entries"
		}
		return fmt.Sprintf("%v is less than %s", fe.Value(), fe.Param())
	case "gt":
		return fmt.Sprintf("%v must be above %s", fe.Value(), fe.Param())
	}
	return "fails " + fe.Tag()
}
