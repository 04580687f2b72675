package compliance

import (
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// Organisation is one organisation's compliance record: who it is, the
// policy it operates under, and what it has done to meet the employer's
// duties of the Act (s.3, s.11, Rules 2013 r.3) and of its institutional
// policy. It is the Go form of an organisation file (see [ParseOrganisation]);
// field names in files are the yaml tags.
//
// The record holds the employer's own facts only: no complaint, party or
// witness. The committee members' names are the organisation's public
// designations (the Code of Conduct displays them).
//
// The zero Organisation is not valid: it has no id, name or policy.
type Organisation struct {
	// ID is a short, stable identifier ("riverside-university") used in
	// reports and feedback; letters, digits, '-' and '_'.
	ID string `json:"id" yaml:"id" validate:"required,max=64,orgid"`
	// Name is the organisation's name as the Code of Conduct shows it.
	Name string `json:"name" yaml:"name" validate:"required,max=200"`
	// Kind is the kind of employer: s.2(g), (l) as amended in 2022.
	Kind Kind `json:"kind" yaml:"kind" validate:"required"`
	// Jurisdiction is the legislature whose Act applies to it.
	Jurisdiction policy.Jurisdiction `json:"jurisdiction" yaml:"jurisdiction" validate:"required,jurisdiction"`
	// Policy is the id of the policy or institutional overlay it operates
	// under, such as "pk-federal-2022" or "hec-2020".
	Policy policy.ID `json:"policy" yaml:"policy" validate:"required,max=64"`
	// CoveredFrom is the day the organisation came under the Act: the day
	// it was established, or the Act's commencement if it existed then.
	CoveredFrom civil.Date `json:"covered_from" yaml:"covered_from" validate:"required"`
	// Calendar is the id of its holiday calendar; empty means the policy's
	// calendar for the organisation (pk-federal).
	Calendar string `json:"calendar,omitempty" yaml:"calendar,omitempty" validate:"max=64"`
	// MajorityLanguage is the language understood by the majority of its
	// employees, in which the Code must be displayed besides English
	// (s.11(2)); empty means Urdu ("ur").
	MajorityLanguage string `json:"majority_language,omitempty" yaml:"majority_language,omitempty" validate:"omitempty,max=16,lang"`

	Committee          CommitteeRecord          `json:"committee" yaml:"committee"`
	CompetentAuthority CompetentAuthorityRecord `json:"competent_authority" yaml:"competent_authority"`
	Code               CodeRecord               `json:"code" yaml:"code"`
	Acknowledgements   AcknowledgementRecord    `json:"acknowledgements" yaml:"acknowledgements"`
}

// CommitteeRecord is the standing Inquiry Committee (s.3) as the
// organisation constituted it: the fields of a committee file (package
// committee) plus when it was constituted and each member's appointment
// and training.
type CommitteeRecord struct {
	// ConstitutedOn is the day the committee was constituted (s.3(1));
	// the zero Date means it has not been.
	ConstitutedOn             civil.Date     `json:"constituted_on,omitzero" yaml:"constituted_on,omitempty"`
	HasCBA                    bool           `json:"has_cba" yaml:"has_cba"`
	CannotDesignateInternally bool           `json:"cannot_designate_internally" yaml:"cannot_designate_internally"`
	Members                   []MemberRecord `json:"members" yaml:"members" validate:"max=50,dive"`
}

// MemberRecord is one committee member: the fields of a committee file's
// member, the day of appointment and the trainings attended.
type MemberRecord struct {
	ID          string           `json:"id" yaml:"id" validate:"required,max=64"`
	Name        string           `json:"name" yaml:"name" validate:"required,max=200"`
	Gender      committee.Gender `json:"gender" yaml:"gender"`
	Seat        committee.Seat   `json:"seat" yaml:"seat"`
	External    bool             `json:"external" yaml:"external"`
	Chair       bool             `json:"chair" yaml:"chair"`
	AppointedOn civil.Date       `json:"appointed_on,omitzero" yaml:"appointed_on,omitempty"`
	Training    []Training       `json:"training,omitempty" yaml:"training,omitempty" validate:"max=100,dive"`
}

// Training is one training on the Act a member attended.
type Training struct {
	Course   string     `json:"course" yaml:"course" validate:"required,max=200"`
	Provider string     `json:"provider" yaml:"provider" validate:"required,max=200"`
	On       civil.Date `json:"on" yaml:"on" validate:"required"`
	Hours    float64    `json:"hours" yaml:"hours" validate:"gt=0,lte=1000"`
}

// CompetentAuthorityRecord is the Competent Authority's designation (s.3(4),
// s.11(1)) and the notice of it (Rules 2013 r.3(2)).
type CompetentAuthorityRecord struct {
	// ID identifies the person designated, in the id space of the cases.
	ID string `json:"id,omitempty" yaml:"id,omitempty" validate:"max=64"`
	// Title is the office designated, such as "Registrar".
	Title string `json:"title,omitempty" yaml:"title,omitempty" validate:"max=200"`
	// DesignatedOn is the day of the order designating it; zero: none.
	DesignatedOn civil.Date `json:"designated_on,omitzero" yaml:"designated_on,omitempty"`
	// SentToOmbudspersonOn is the day a copy of the order went to the
	// Ombudsperson; CirculatedOn the day it was circulated to employees
	// (Rules 2013 r.3(2): both within 7 days of the order).
	SentToOmbudspersonOn civil.Date `json:"sent_to_ombudsperson_on,omitzero" yaml:"sent_to_ombudsperson_on,omitempty"`
	CirculatedOn         civil.Date `json:"circulated_on,omitzero" yaml:"circulated_on,omitempty"`
}

// CodeRecord is where and when the Code of Conduct was displayed (s.11(2))
// and when it became part of the management policy (s.11(1)).
type CodeRecord struct {
	Displays []Display `json:"displays,omitempty" yaml:"displays,omitempty" validate:"max=200,dive"`
	// InManagementPolicyOn is the day the Code was made part of the
	// management policy (service rules, HR manual); zero: not yet.
	InManagementPolicyOn civil.Date `json:"in_management_policy_on,omitzero" yaml:"in_management_policy_on,omitempty"`
}

// Display is one copy of the Code displayed at a conspicuous place.
type Display struct {
	// Language is the ISO 639-1 code of the copy: "en", "ur", "pa", ...
	Language string     `json:"language" yaml:"language" validate:"required,max=16,lang"`
	Place    string     `json:"place" yaml:"place" validate:"required,max=200"`
	On       civil.Date `json:"on" yaml:"on" validate:"required"`
}

// AcknowledgementRecord counts new employees and how many acknowledged the
// Code at recruitment, month by month (the seed documents ask that every
// employee receive the Code when recruited). Target is the share the
// organisation sets itself; zero means all of them (1.0).
type AcknowledgementRecord struct {
	Target float64 `json:"target,omitempty" yaml:"target,omitempty" validate:"gte=0,lte=1"`
	// Months are the counts per month, in any order, one entry per month.
	Months []MonthCount `json:"months,omitempty" yaml:"months,omitempty" validate:"max=1200,dive"`
}

// MonthCount is one month's hires and acknowledgements at recruitment.
// Month is the first day of the month; a file writes "2025-01".
type MonthCount struct {
	Month        Month `json:"month" yaml:"month" validate:"required"`
	Hires        int   `json:"hires" yaml:"hires" validate:"gte=0,lte=1000000"`
	Acknowledged int   `json:"acknowledged" yaml:"acknowledged" validate:"gte=0,ltefield=Hires"`
}
