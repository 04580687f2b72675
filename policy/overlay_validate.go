package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/go-playground/validator/v10"

	"github.com/hifazat/hifazat/internal/validation"
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
	v := validation.New()
	validation.MustRegister(v, "policyid", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return len(s) <= 64 && policyIDPattern.MatchString(s)
	})
	validation.MustRegister(v, "ruleid", func(fl validator.FieldLevel) bool {
		return knownRule(RuleID(fl.Field().String()))
	})
	validation.MustRegister(v, "relationship", func(fl validator.FieldLevel) bool {
		return Relationship(fl.Field().String()).Valid()
	})
	validation.MustRegister(v, "text", func(fl validator.FieldLevel) bool {
		return !strings.ContainsFunc(fl.Field().String(), unicode.IsControl)
	})
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
	field, why, ok := validation.FirstField(err, reason)
	if !ok {
		return &MalformedOverlayError{Reason: err.Error()}
	}
	return &MalformedOverlayError{Field: field, Reason: why}
}

func reason(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		if fe.Field() == "from" {
			return "is required (a date, YYYY-MM-DD)"
		}
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
	}
	return validation.Reason(fe)
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
