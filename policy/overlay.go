package policy

import (
	"github.com/hifazat/hifazat/civil"
)

// Overlay is an institution's policy on top of a statute, or on top of an
// institutional policy such as hec-2020: a university's, a company's or a
// regulator's own rules, which may be stricter than the statute but may
// never cut a right the statute gives. Build one in Go or read one from a
// file with [ParseOverlay]; [Set.Apply] checks it against its base and turns
// it into a [Policy], which [Set.With] adds to a set.
//
// Every field but ID, Title, Base and From is optional: a nil pointer, a
// missing deadline or an empty list means "as in the base". The zero
// Overlay is not valid (it has no id).
//
// The file form uses the snake_case names of the yaml tags:
//
//	id: example-university-2024
//	title: Example University policy against harassment
//	base: pk-federal-2022
//	from: 2024-09-01
//	deadlines:
//	  charges: {n: 2, unit: days}
//	committee:
//	  min_women: 2
//	  female_chair: true
//	routes:
//	  dismiss_at_admission: true
//	interpretations:
//	  late_filing_needs_condonation: false
//	interpretation_notes:
//	  late_filing_needs_condonation: the Syndicate accepts late appeals, with a warning
type Overlay struct {
	// ID names the new policy: lowercase letters, digits and hyphens.
	ID ID `json:"id" yaml:"id" validate:"required,policyid"`
	// Title names it for people.
	Title string `json:"title" yaml:"title" validate:"required,max=200,text"`
	// Base is the id of the policy the overlay sits on: a statute, or an
	// institutional policy such as hec-2020.
	Base ID `json:"base" yaml:"base" validate:"required,policyid"`
	// From is the first day the institution's policy applies. The new
	// policy is valid from From until its base statute ends.
	From civil.Date `json:"from" yaml:"from"`
	// Note is an optional sentence saying where the institution's text is
	// (for example its Syndicate resolution).
	Note string `json:"note,omitempty" yaml:"note,omitempty" validate:"max=500,text"`
	// Deadlines replaces the periods of rules of the institution's own
	// forums (Organisation, Inquiry Committee, Competent Authority) with
	// shorter ones.
	Deadlines map[RuleID]Period `json:"deadlines,omitempty" yaml:"deadlines,omitempty" validate:"dive,keys,ruleid,endkeys"`
	// Committee tightens the Inquiry Committee rules.
	Committee CommitteeOverlay `json:"committee,omitzero" yaml:"committee,omitempty"`
	// Routes switches routes that are the institution's to switch.
	Routes RouteOverlay `json:"routes,omitzero" yaml:"routes,omitempty"`
	// Complainants lists relationships the institution's own forums hear
	// beyond those the statute covers (for example students before 2022).
	// It cannot remove anyone the statute covers.
	Complainants []Relationship `json:"complainants,omitempty" yaml:"complainants,omitempty" validate:"dive,relationship"`
	// Interpretations sets the project's interpretations for the
	// institution (interpretation 29), by the names `policy show --json`
	// prints: true or false for the switches, a number of days for
	// appellate_decision_days, "FROM..UNTIL" for gazette_window. A setting
	// that takes a right from a party is refused like any other cut.
	Interpretations map[string]any `json:"interpretations,omitempty" yaml:"interpretations,omitempty"`
	// InterpretationNotes says why each interpretation is set, by the same
	// names; a setting without one is cited with the overlay's Note.
	InterpretationNotes map[string]string `json:"interpretation_notes,omitempty" yaml:"interpretation_notes,omitempty" validate:"dive,max=500,text"`
}

// CommitteeOverlay changes the Inquiry Committee rules. A nil field keeps the
// base statute's rule. The statutory rules may only be confirmed or
// tightened (more women, never fewer); the overlay rules (FemaleChair,
// TrainedWithinMonths, SignalsRefuse) are the institution's choice.
type CommitteeOverlay struct {
	Size                   *int  `json:"size,omitempty" yaml:"size,omitempty" validate:"omitempty,min=1,max=15"`
	MinWomen               *int  `json:"min_women,omitempty" yaml:"min_women,omitempty" validate:"omitempty,min=0,max=15"`
	SeniorManagement       *bool `json:"senior_management,omitempty" yaml:"senior_management,omitempty"`
	EmployeeRepresentative *bool `json:"employee_representative,omitempty" yaml:"employee_representative,omitempty"`
	Chair                  *bool `json:"chair,omitempty" yaml:"chair,omitempty"`
	OutsidersOnlyIfNeeded  *bool `json:"outsiders_only_if_needed,omitempty" yaml:"outsiders_only_if_needed,omitempty"`
	ReplaceConflicted      *bool `json:"replace_conflicted,omitempty" yaml:"replace_conflicted,omitempty"`
	FemaleChair            *bool `json:"female_chair,omitempty" yaml:"female_chair,omitempty"`
	// TrainedWithinMonths requires members trained within this many
	// months; 0 means no rule.
	TrainedWithinMonths *int  `json:"trained_within_months,omitempty" yaml:"trained_within_months,omitempty" validate:"omitempty,min=0,max=120"`
	SignalsRefuse       *bool `json:"signals_refuse,omitempty" yaml:"signals_refuse,omitempty"`
}

// RouteOverlay switches routes. A nil field keeps the base statute's route.
// DismissAtAdmission is the institution's forums' choice (interpretation
// 12); the other routes, withdrawal among them (Rules 2013 r.4(3),
// interpretation 19), are the complainant's rights or belong to forums
// outside the institution, so an overlay may only confirm them.
type RouteOverlay struct {
	Informal                    *bool `json:"informal,omitempty" yaml:"informal,omitempty"`
	DirectToOmbudsperson        *bool `json:"direct_to_ombudsperson,omitempty" yaml:"direct_to_ombudsperson,omitempty"`
	Appeal                      *bool `json:"appeal,omitempty" yaml:"appeal,omitempty"`
	Representation              *bool `json:"representation,omitempty" yaml:"representation,omitempty"`
	RepresentationAgainstAppeal *bool `json:"representation_against_appeal,omitempty" yaml:"representation_against_appeal,omitempty"`
	Withdrawal                  *bool `json:"withdrawal,omitempty" yaml:"withdrawal,omitempty"`
	DismissAtAdmission          *bool `json:"dismiss_at_admission,omitempty" yaml:"dismiss_at_admission,omitempty"`
}
