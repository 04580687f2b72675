package committee

import (
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/internal/enum"
)

// Committee is an organisation's standing Inquiry Committee (s.3), with the
// facts about the organisation that its composition depends on.
//
// The zero Committee has no members; every rule of a statutory policy
// rejects it. Each field's `class` tag is its confidentiality class for the
// views of package casefsm: everything recorded about a member identifies
// them. A Committee is a plain value: [Validator.Check] never modifies
// it.
type Committee struct {
	// HasCBA records that the organisation has a collective bargaining
	// agent. With a CBA, the employee seat must be held by a senior
	// representative of the employees; without one, a senior employee will
	// do (s.3(2)).
	HasCBA bool `json:"has_cba" yaml:"has_cba" class:"procedural"`
	// CannotDesignateInternally records that the organisation is unable to
	// designate three members from within, which alone allows members
	// co-opted from outside (s.3(2)).
	CannotDesignateInternally bool `json:"cannot_designate_internally" yaml:"cannot_designate_internally" class:"procedural"`
	// CompetentAuthority identifies the person designated Competent
	// Authority (s.3(4), s.11(1)), in the same id space as the parties of a
	// case. Empty means none is recorded, which draws a warning. It is
	// optional in a committee file.
	CompetentAuthority string `json:"competent_authority,omitempty" yaml:"competent_authority,omitempty" class:"identity"`
	// Members are the committee's members, in any order.
	Members []Member `json:"members" yaml:"members"`
}

// Member is one member of an Inquiry Committee.
//
// Members are matched to each other, to the parties of a case and to
// replacements by ID, compared exactly (case-sensitive, no trimming). The
// zero Member is incomplete: a member needs an ID, a Name, a Gender and a
// Seat, and [Validator.Check] reports one that lacks any of them.
type Member struct {
	// ID identifies the person, in the same id space as the parties of a
	// case (an employee number, say).
	ID string `json:"id" yaml:"id" validate:"required" class:"identity"`
	// Name is the member's name, for people reading a report.
	Name string `json:"name" yaml:"name" validate:"required" class:"identity"`
	// Gender is the member's gender; s.3(2) requires at least one woman.
	Gender Gender `json:"gender" yaml:"gender" validate:"required,known" class:"identity"`
	// Seat is the seat of s.3(2) the member holds.
	Seat Seat `json:"seat" yaml:"seat" validate:"required,known" class:"identity"`
	// External records that the member is co-opted from outside the
	// organisation (s.3(2)), or, for a replacement, comes from outside
	// (s.3(3)).
	External bool `json:"external" yaml:"external" class:"identity"`
	// Chair records that the member is designated chairperson (s.3(2)).
	Chair bool `json:"chair" yaml:"chair" class:"identity"`
	// TrainedOn is the day of the member's last training on the Act, or the
	// zero Date when none is recorded. Only an overlay's
	// TrainedWithinMonths rule reads it.
	TrainedOn civil.Date `json:"trained_on,omitzero" yaml:"trained_on,omitempty" validate:"-" class:"identity"`
}

// Gender is a member's gender. The zero Gender is "not stated", which
// [Validator.Check] reports as an incomplete member. Values are persisted;
// new ones are only appended.
type Gender uint8

const (
	// GenderUnset is the zero Gender: not stated.
	GenderUnset Gender = iota
	// Female: a woman (external form "female").
	Female
	// Male: a man (external form "male").
	Male
	// GenderOther: another gender (external form "other").
	GenderOther
)

var genderNames = enum.NewOptional[Gender]("committee", "gender", "", "female", "male", "other")

// IsValid reports whether g is one of the stated genders.
func (g Gender) IsValid() bool { return genderNames.Valid(g) }

// String returns the external form: "female", "male" or "other"; "" for the
// zero Gender and "Gender(N)" for a value out of range.
func (g Gender) String() string { return genderNames.String(g) }

// MarshalText implements encoding.TextMarshaler; it fails for a value out of
// range.
func (g Gender) MarshalText() ([]byte, error) { return genderNames.MarshalText(g) }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the
// zero Gender; unknown text is a [*ValueError].
func (g *Gender) UnmarshalText(b []byte) error { return valueError(genderNames.Unmarshal(g, b)) }

// Seat is the seat of s.3(2) a member holds. The zero Seat is "not stated",
// which [Validator.Check] reports as an incomplete member. Values are
// persisted; new ones are only appended.
type Seat uint8

const (
	// SeatUnset is the zero Seat: not stated.
	SeatUnset Seat = iota
	// SeniorManagement: a member from senior management (external form
	// "senior_management").
	SeniorManagement
	// EmployeeRepresentative: a senior representative of the employees
	// ("employee_representative"). It fills the employee seat with or
	// without a CBA.
	EmployeeRepresentative
	// SeniorEmployee: a senior employee ("senior_employee"). It fills the
	// employee seat only where the organisation has no CBA.
	SeniorEmployee
	// SeatOther: any other member ("other"), such as the third,
	// unconstrained seat or a member co-opted from outside.
	SeatOther
)

var seatNames = enum.NewOptional[Seat]("committee", "seat", "", "senior_management", "employee_representative", "senior_employee", "other")

// IsValid reports whether s is one of the stated seats.
func (s Seat) IsValid() bool { return seatNames.Valid(s) }

// String returns the external form, such as "senior_management"; "" for the
// zero Seat and "Seat(N)" for a value out of range.
func (s Seat) String() string { return seatNames.String(s) }

// MarshalText implements encoding.TextMarshaler; it fails for a value out of
// range.
func (s Seat) MarshalText() ([]byte, error) { return seatNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the
// zero Seat; unknown text is a [*ValueError].
func (s *Seat) UnmarshalText(b []byte) error { return valueError(seatNames.Unmarshal(s, b)) }
