package committee

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/ur"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Validator checks committees. Build one with [NewValidator] and share it:
// it holds the struct-validation engine and the message catalogues, built
// once, and is immutable and safe for concurrent use by any number of
// goroutines. A nil or zero Validator is not usable: Check on it returns
// [ErrNoValidator].
type Validator struct {
	validate *validator.Validate
	trans    []ut.Translator // indexed by Language
}

// CheckOptions are the inputs of a check other than the committee and its
// rules. The zero CheckOptions checks the standing committee, in English,
// with no date (enough unless the rules include TrainedWithinMonths).
type CheckOptions struct {
	// On is the date the committee is checked for. The package never reads
	// the clock; the training overlay counts back from this date and
	// requires it.
	On civil.Date
	// Language is the language of the messages.
	Language Language
	// Case, when not nil, checks the committee for that case: its
	// replacements are applied and its parties and witnesses must not sit
	// on it (s.3(3)).
	Case *Case
}

// subject is the struct the validator walks: the member records as given
// (tags check each one) and the run that the struct-level rule assesses.
// Field names give the paths in messages ("members[1].gender").
type subject struct {
	Members      []Member      `json:"members" validate:"dive"`
	Replacements []Replacement `json:"replacements" validate:"dive"`
	run          run
}

// tagKnown is the struct tag for enums that must be one of their values.
const tagKnown = "known"

// NewValidator returns a Validator with the rules and both languages'
// messages registered.
func NewValidator() *Validator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	must(v.RegisterValidation(tagKnown, isKnown))
	v.RegisterStructValidation(assessSubject, subject{})

	uni := ut.New(en.New(), en.New(), ur.New())
	var trans []ut.Translator
	for _, l := range languageNames.List() {
		tr, _ := uni.GetTranslator(l)
		trans = append(trans, tr)
	}
	tags := append(codeNames.List(), "required", tagKnown)
	for l, tr := range trans {
		for _, m := range messages {
			must(tr.Add(m.key, m.text(Language(l)), false))
		}
		for _, tag := range tags {
			must(v.RegisterTranslation(tag, tr, noRegistration, translate))
		}
	}
	return &Validator{validate: v, trans: trans}
}

// must stops construction on an error that only a defect in this package's
// own tables can cause; tests construct a Validator, so it never fires.
func must(err error) {
	if err != nil {
		panic("committee: building the validator: " + err.Error())
	}
}

// noRegistration is the registration hook for RegisterTranslation: the
// messages are already added to the translator.
func noRegistration(ut.Translator) error { return nil }

// jsonName names fields by their JSON names in paths.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// isKnown accepts an enum that is one of its values.
func isKnown(fl validator.FieldLevel) bool {
	e, ok := fl.Field().Interface().(interface{ IsValid() bool })
	return ok && e.IsValid()
}

// assessSubject is the struct-level rule: it runs every rule the tags
// cannot express and reports each finding as a field error carrying it.
func assessSubject(sl validator.StructLevel) {
	var s *subject
	if cur := sl.Current(); cur.CanAddr() {
		s = cur.Addr().Interface().(*subject) // Check passes a pointer: no copy
	} else {
		v := cur.Interface().(subject)
		s = &v
	}
	s.run.assess(func(f finding) {
		sl.ReportError(f, "members", "Members", f.code.String(), "")
	})
}

// Check checks committee c against rules, as a standing committee or, with
// opts.Case, as the committee for that case. Every violation is reported,
// not only the first; see [Report] for the order.
//
// The rules are applied as given: a rule whose parameter is off (false or
// zero) is not checked, so the zero CommitteeRules checks only that each
// member record is complete and that no id is repeated. Use the rules of a
// policy, such as policy.Policy.Committee, for the statute.
//
// Check returns an error, and no report, when v was not built by
// [NewValidator] ([ErrNoValidator]), when opts.Language is not a [Language]
// ([ErrUnknownValue]), when the rules require training within some months
// and opts.On is the zero Date ([ErrNoDate]), or when the case has a party
// or a signal of unknown kind ([ErrInvalidCase]).
func (v *Validator) Check(c Committee, rules policy.CommitteeRules, opts CheckOptions) (Report, error) {
	if v == nil || v.validate == nil {
		return Report{}, ErrNoValidator
	}
	if !opts.Language.IsValid() {
		return Report{}, fmt.Errorf("%w: language %s (want en or ur)", ErrUnknownValue, opts.Language)
	}
	if n := rules.TrainedWithinMonths.Value; n > 0 && !opts.On.IsValid() {
		return Report{}, fmt.Errorf("%w: the policy requires members trained within %d months of the date checked (%s); set CheckOptions.On",
			ErrNoDate, n, rules.TrainedWithinMonths.Citation.Section)
	}
	if opts.Case != nil {
		if err := opts.Case.check(); err != nil {
			return Report{}, err
		}
	}
	s := &subject{Members: c.Members, run: run{c: c, rules: rules, opts: opts}}
	if opts.Case != nil {
		s.Replacements = opts.Case.Replacements
	}
	err := v.validate.Struct(s)
	errs, ok := err.(validator.ValidationErrors) // the validator returns it unwrapped
	if err != nil && !ok {
		return Report{}, fmt.Errorf("committee: validating: %s", err) // unreachable: s is a struct
	}
	return v.report(errs, s, opts.Language), nil
}

// report turns the validator's field errors into a sorted Report.
func (v *Validator) report(errs validator.ValidationErrors, s *subject, l Language) Report {
	r := Report{Valid: true, Violations: []Violation{}, Warnings: []Violation{}}
	for _, fe := range errs {
		f := findingOf(fe, s)
		vi := Violation{Code: f.code, Members: f.members, Citation: citation(f.code, &s.run.rules)}
		vi.Message = fe.Translate(v.trans[l]) + citeIn(l, vi.Citation.Section)
		if f.warning {
			r.Warnings = append(r.Warnings, vi)
		} else {
			r.Violations = append(r.Violations, vi)
		}
	}
	r.Violations = sortViolations(r.Violations)
	r.Warnings = sortViolations(r.Warnings)
	r.Valid = len(r.Violations) == 0
	return r
}

// findingOf recovers the finding behind a field error: the one the
// struct-level rule reported, or an invalid_member finding for a failed
// tag on a member record.
func findingOf(fe validator.FieldError, s *subject) finding {
	if f, ok := fe.Value().(finding); ok {
		return f
	}
	f := finding{code: CodeInvalidMember, variant: tagVariant(fe.Tag()), members: []string{}, args: []string{memberPath(fe)}}
	if m, ok := s.memberAt(f.args[0]); ok {
		f.members = ids(m.ID)
	}
	return f
}

// tagVariant names the invalid_member message for a failed tag.
func tagVariant(tag string) string {
	if tag == tagKnown {
		return "unknown"
	}
	return "missing"
}

// memberPath is the path of a failed field in the committee file's terms,
// such as "members[1].gender" or "replacements[0].in.seat".
func memberPath(fe validator.FieldError) string {
	_, p, _ := strings.Cut(fe.Namespace(), ".") // drop the root "subject"
	return p
}

// memberAt returns the member record a path points into.
func (s *subject) memberAt(path string) (Member, bool) {
	list, rest, _ := strings.Cut(path, "[")
	idx, _, _ := strings.Cut(rest, "]")
	i, err := strconv.Atoi(idx)
	switch {
	case err != nil || i < 0:
	case list == "members" && i < len(s.Members):
		return s.Members[i], true
	case list == "replacements" && i < len(s.Replacements):
		return s.Replacements[i].In, true
	}
	return Member{}, false
}

// translate is the validator translation function for every tag: it looks
// up the finding's message and fills in its arguments.
func translate(tr ut.Translator, fe validator.FieldError) string {
	var key string
	var args []string
	if f, ok := fe.Value().(finding); ok {
		key, args = f.key(), f.args
	} else {
		key, args = "invalid_member."+tagVariant(fe.Tag()), []string{memberPath(fe)}
	}
	if i := slices.IndexFunc(messages, func(m message) bool { return m.key == key }); i < 0 || len(args) < messages[i].n {
		return key // unreachable: the catalogue is tested against every finding
	}
	msg, err := tr.T(key, args...)
	if err != nil {
		return key
	}
	return msg
}
