package simulate

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"github.com/go-playground/validator/v10"
	"github.com/hifazat/hifazat/internal/validation"
	"github.com/hifazat/hifazat/policy"
)

// scenarioValidator checks the form of a Scenario: ranges, shares that sum
// to one, and the fields each delay distribution takes. It wraps one
// *validator.Validate, which caches struct metadata and is safe for
// concurrent use; validator's types never leave this file.
type scenarioValidator struct{ v *validator.Validate }

// sumTolerance is how far a set of shares may be from one: room for the
// rounding of decimal fractions, not for a mistake.
const sumTolerance = 1e-9

func newScenarioValidator() *scenarioValidator {
	v := validation.New()
	validation.MustRegister(v, "probability", func(fl validator.FieldLevel) bool {
		p := fl.Field().Float()
		return p >= 0 && p <= 1
	})
	validation.MustRegister(v, "relationship", func(fl validator.FieldLevel) bool {
		return policy.Relationship(fl.Field().String()).Valid()
	})
	validation.MustRegister(v, "printable", func(fl validator.FieldLevel) bool {
		return !strings.ContainsFunc(fl.Field().String(), unicode.IsControl)
	})
	v.RegisterStructValidation(checkScenario, Scenario{})
	v.RegisterStructValidation(checkArrivals, Arrivals{})
	v.RegisterStructValidation(checkRoutes, Routes{})
	v.RegisterStructValidation(checkOutcomes, Outcomes{})
	v.RegisterStructValidation(checkDelay, Delay{})
	return &scenarioValidator{v: v}
}

func checkScenario(sl validator.StructLevel) {
	sc := sl.Current().Interface().(Scenario)
	if !sc.Period.Start.IsValid() {
		sl.ReportError(sc.Period.Start, "period.start", "Start", "required", "")
	}
	if len(sc.Complainants) > 0 {
		shares := make([]float64, 0, len(sc.Complainants))
		for _, r := range sortedRelationships(sc.Complainants) {
			shares = append(shares, sc.Complainants[r])
		}
		reportSum(sl, "complainants", shares...)
	}
	switch {
	case sc.Policy == "" && sc.Overlay == nil:
		sl.ReportError(sc.Policy, "policy", "Policy", "required", "")
	case sc.Policy != "" && sc.Overlay != nil:
		sl.ReportError(sc.Policy, "policy", "Policy", "policy_or_overlay", "")
	}
}

func checkArrivals(sl validator.StructLevel) {
	a := sl.Current().Interface().(Arrivals)
	if n := len(a.Seasonality); n != 0 && n != 12 {
		sl.ReportError(a.Seasonality, "seasonality", "Seasonality", "len", "12")
	}
	if len(a.Seasonality) == 12 && !slices.ContainsFunc(a.Seasonality, func(f float64) bool { return f > 0 }) {
		sl.ReportError(a.Seasonality, "seasonality", "Seasonality", "not_all_zero", "")
	}
}

func checkRoutes(sl validator.StructLevel) {
	r := sl.Current().Interface().(Routes)
	reportSum(sl, "", r.Informal, r.Committee, r.Ombudsperson)
}

func checkOutcomes(sl validator.StructLevel) {
	o := sl.Current().Interface().(Outcomes)
	reportSum(sl, "guilty", o.Guilty, o.NotGuilty, o.FalseAndMalaFide)
}

// reportSum reports field (of the current struct; "" for the struct itself)
// unless the shares sum to one.
func reportSum(sl validator.StructLevel, field string, shares ...float64) {
	sum := 0.0
	for _, s := range shares {
		sum += s
	}
	if math.Abs(sum-1) > sumTolerance {
		sl.ReportError(sum, field, field, "sum", fmt.Sprintf("%.6g", sum))
	}
}

// delayFields lists, for each distribution, the fields it takes.
var delayFields = [distEnd][]string{
	Fixed:       {"days"},
	Uniform:     {"min", "max"},
	Exponential: {"mean", "min"},
	Lognormal:   {"median", "sigma", "min"},
}

func checkDelay(sl validator.StructLevel) {
	d := sl.Current().Interface().(Delay)
	if !d.Dist.IsValid() {
		sl.ReportError(d.Dist, "dist", "Dist", "required", "")
		return
	}
	values := map[string]float64{"days": d.Days, "min": d.Min, "max": d.Max, "mean": d.Mean, "median": d.Median, "sigma": d.Sigma}
	for _, name := range []string{"days", "min", "max", "mean", "median", "sigma"} {
		x := values[name]
		switch {
		case x != 0 && !slices.Contains(delayFields[d.Dist], name):
			sl.ReportError(x, name, name, "unused", d.Dist.String())
		case !(x >= 0 && x <= MaxDelay):
			sl.ReportError(x, name, name, "days", "")
		}
	}
	switch {
	case d.Dist == Uniform && d.Max < d.Min:
		sl.ReportError(d.Max, "max", "max", "gtefield", "min")
	case d.Dist == Exponential && d.Mean <= 0:
		sl.ReportError(d.Mean, "mean", "mean", "gt", "0")
	case d.Dist == Lognormal && d.Median <= 0:
		sl.ReportError(d.Median, "median", "median", "gt", "0")
	case d.Dist == Lognormal && d.Sigma > 5:
		sl.ReportError(d.Sigma, "sigma", "sigma", "lte", "5")
	}
}

// check returns nil or a *ScenarioError naming the first offending field in
// path order.
func (sv *scenarioValidator) check(sc Scenario) error {
	err := sv.v.Struct(sc)
	if err == nil {
		return nil
	}
	field, why, ok := validation.FirstField(err, reason)
	if !ok {
		return &ScenarioError{Reason: err.Error()}
	}
	return &ScenarioError{Field: field, Reason: why}
}

func reason(fe validator.FieldError) string {
	switch fe.Tag() {
	case "probability":
		return fmt.Sprintf("%v is not a probability (want 0 to 1)", fe.Value())
	case "sum":
		return fmt.Sprintf("shares sum to %s (want 1)", fe.Param())
	case "relationship":
		return fmt.Sprintf("%q is not a relationship (want one of: %s)", fe.Value(), strings.Join(relationshipNames(), ", "))
	case "policy_or_overlay":
		return "give a policy or an overlay, not both (the overlay names its base statute)"
	case "not_all_zero":
		return "all twelve factors are zero (want at least one above 0)"
	case "unused":
		return fmt.Sprintf("is not a parameter of a %s delay (it takes %s)", fe.Param(), strings.Join(delayFields[distByName(fe.Param())], ", "))
	case "days":
		return fmt.Sprintf("%v is not a number of days (want 0 to %d)", fe.Value(), MaxDelay)
	case "gtefield":
		return fmt.Sprintf("%v is less than %s", fe.Value(), fe.Param())
	case "gte":
		return fmt.Sprintf("%v is negative (want %s or more)", fe.Value(), fe.Param())
	case "len":
		return fmt.Sprintf("has %d values (want %s, January to December)", reflect.ValueOf(fe.Value()).Len(), fe.Param())
	case "printable":
		return "must not contain control characters"
	}
	return validation.Reason(fe)
}

func distByName(name string) Dist {
	var d Dist
	_ = d.UnmarshalText([]byte(name))
	return d
}

func relationshipNames() []string {
	rs := policy.Relationships()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}

// sortedRelationships returns m's keys sorted, so that sums and draws do
// not depend on map order.
func sortedRelationships(m map[policy.Relationship]float64) []policy.Relationship {
	out := make([]policy.Relationship, 0, len(m))
	for r := range m {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}
