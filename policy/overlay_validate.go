package policy

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/go-playground/validator/v10"
)

// overlayValidator checks that an Overlay is well formed: required fields,
// id syntax, known rule ids and relationships, sane numbers. It wraps one
// *validator.Validate, which caches struct metadata and is safe for
// concurrent use; validator's types never leave this file.
type overlayValidator struct{ v *validator.Validate }

var policyIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// maxPeriod bounds an overlay period: ten years of days or months.
const maxPeriod = 3650

func newOverlayValidator() *overlayValidator {
	v := validator.New(validator.WithRequiredStructEnabled())
	// Report fields by their file names ("min_women"), not their Go names.
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		return name
	})
	must := func(err error) {
		if err != nil {
			panic(err) // a bad tag name here is a bug in this file
		}
	}
	must(v.RegisterValidation("policyid", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return len(s) <= 64 && policyIDPattern.MatchString(s)
	}))
	must(v.RegisterValidation("ruleid", func(fl validator.FieldLevel) bool {
		return knownRule(RuleID(fl.Field().String()))
	}))
	must(v.RegisterValidation("relationship", func(fl validator.FieldLevel) bool {
		return Relationship(fl.Field().String()).Valid()
	}))
	must(v.RegisterValidation("text", func(fl validator.FieldLevel) bool {
		return !strings.ContainsFunc(fl.Field().String(), unicode.IsControl)
	}))
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		p := sl.Current().Interface().(Period)
		if p.N < 1 || p.N > maxPeriod {
			sl.ReportError(p.N, "n", "N", "period", "")
		}
		if p.Unit > Months {
			sl.ReportError(p.Unit, "unit", "Unit", "unit", "")
		}
	}, Period{})
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		if o := sl.Current().Interface().(Overlay); !o.From.IsValid() {
			sl.ReportError(o.From, "from", "From", "required", "")
		}
	}, Overlay{})
	return &overlayValidator{v: v}
}

// check returns nil or a *MalformedOverlayError naming the first offending
// field in path order.
func (ov *overlayValidator) check(o Overlay) error {
	err := ov.v.Struct(o)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) || len(verrs) == 0 {
		return &MalformedOverlayError{Reason: err.Error()}
	}
	all := make([]*MalformedOverlayError, len(verrs))
	for i, fe := range verrs {
		all[i] = &MalformedOverlayError{Field: fieldPath(fe.Namespace()), Reason: reason(fe)}
	}
	slices.SortFunc(all, func(a, b *MalformedOverlayError) int { return strings.Compare(a.Field, b.Field) })
	return all[0]
}

var mapKey = regexp.MustCompile(`\[([^\]0-9][^\]]*)\]`)

// fieldPath turns validator's "Overlay.deadlines[charges].n" into the file's
// "deadlines.charges.n".
func fieldPath(ns string) string {
	_, rest, _ := strings.Cut(ns, ".")
	return mapKey.ReplaceAllString(rest, ".$1")
}

func reason(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		if fe.Field() == "from" {
			return "is required (a date, YYYY-MM-DD)"
		}
		return "is required"
	case "policyid":
		return fmt.Sprintf("%q is not a policy id (want lowercase letters, digits and hyphens, at most 64, such as pk-federal-2022)", fe.Value())
	case "ruleid":
		return fmt.Sprintf("%q names no deadline rule (want one of: %s)", fe.Value(), strings.Join(ruleNames(), ", "))
	case "relationship":
		return fmt.Sprintf("%q is not a relationship (want one of: %s)", fe.Value(), strings.Join(relationshipNames(), ", "))
	case "text":
		return "must not contain control characters"
	case "period":
		return fmt.Sprintf("%v is not a period length (want 1 to %d)", fe.Value(), maxPeriod)
	case "unit":
		return "want days or months"
	case "max":
		if fe.Kind() == reflect.String {
			return "is longer than " + fe.Param() + " characters"
		}
		return fmt.Sprintf("%v is more than %s", fe.Value(), fe.Param())
	case "min":
		return fmt.Sprintf("%v is less than %s", fe.Value(), fe.Param())
	}
	return "fails " + fe.Tag()
}

// ruleOrder lists every RuleID in lifecycle order.
var ruleOrder = [...]RuleID{
	RuleCharges, RuleDefence, RuleFindings, RulePenalty, RuleAppealPenalised,
	RuleAppealComplainant, RuleAppealDecision, RuleShowCause, RuleOmbudspersonDefence,
	RuleOmbudspersonDecision, RuleFOIRADisposal, RuleRepresentation, RuleRepresentationDecision,
	RuleCompetentAuthorityNotice, RuleCommitteeConstitution, RuleCompetentAuthorityDesignation, RuleCodeDisplay,
}

func knownRule(id RuleID) bool { return slices.Contains(ruleOrder[:], id) }

func ruleNames() []string {
	out := make([]string, len(ruleOrder))
	for i, r := range ruleOrder {
		out[i] = string(r)
	}
	return out
}

func relationshipNames() []string {
	out := make([]string, len(relationships))
	for i, r := range relationships {
		out[i] = string(r)
	}
	return out
}
