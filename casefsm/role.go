package casefsm

import "github.com/hifazat/hifazat/internal/enum"

// Role is who acts on a case: a party, a forum, or the employer. An event's
// "by" is a Role, and the transition table says which roles may perform
// each event. The names are a public contract; values are persisted, so new
// roles are only ever appended.
//
// The zero Role is no role: IsValid reports false and MarshalText fails.
type Role uint8

// The roles.
const (
	_ Role = iota
	// Complainant is the person aggrieved, or a parent or guardian for a
	// minor (s.2(e)).
	Complainant
	// Accused is the employee or employer complained against (s.2(a)).
	Accused
	// Supervisor receives informal reports (Code (iv)).
	Supervisor
	// InquiryCommittee is the organisation's committee (s.3).
	InquiryCommittee
	// CompetentAuthority is the authority designated by management (s.2(d)).
	CompetentAuthority
	// Ombudsperson hears complaints (s.8) and appeals (s.6).
	Ombudsperson
	// PresidentOrGovernor hears representations (s.9).
	PresidentOrGovernor
	// Employer implements decisions and protective measures (s.11, Code (x)).
	Employer
	// Witness is a witness in the case, whom s.4(3)(d) protects: a witness
	// may report retaliation.
	Witness
	// DistrictCourt hears appeals where no Ombudsperson is appointed yet
	// (s.6(4)); pending appeals pass to the Ombudsperson once one is
	// (s.6(5)).
	DistrictCourt

	roleEnd
)

var roleNames = enum.New[Role]("casefsm", "role", "", "complainant", "accused", "supervisor", "inquiry_committee",
	"competent_authority", "ombudsperson", "president_or_governor", "employer",
	"witness", "district_court",
)

// Roles returns every role in declaration order.
func Roles() []Role {
	out := make([]Role, 0, roleEnd-1)
	for r := Complainant; r < roleEnd; r++ {
		out = append(out, r)
	}
	return out
}

// IsValid reports whether r is one of the named roles.
func (r Role) IsValid() bool { return roleNames.Valid(r) }

// String returns the role's snake_case name, such as "inquiry_committee", or
// "%!Role(N)" for a value that is not a role.
func (r Role) String() string { return roleNames.String(r) }

// MarshalText implements encoding.TextMarshaler; invalid roles fail.
func (r Role) MarshalText() ([]byte, error) { return roleNames.MarshalText(r) }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts only the
// exact snake_case names.
func (r *Role) UnmarshalText(b []byte) error { return roleNames.Unmarshal(r, b) }

// Route is the first-instance forum a complainant chose (s.8(1),
// interpretation 11). A case has no route until its first formal filing.
// In a [Transition], the zero Route means the row applies on any route.
type Route uint8

// The routes.
const (
	// NoRoute: not yet filed (or, in a Transition, any route).
	NoRoute Route = iota
	// CommitteeRoute: Inquiry Committee, Competent Authority, appeal to the
	// Ombudsperson (ss.4-6).
	CommitteeRoute
	// OmbudspersonRoute: complaint directly to the Ombudsperson (s.8).
	OmbudspersonRoute

	routeEnd
)

var routeNames = enum.New[Route]("casefsm", "route", "none", "committee", "ombudsperson")

// String returns "committee", "ombudsperson", or "none" for [NoRoute].
func (r Route) String() string { return routeNames.String(r) }

// MarshalText implements encoding.TextMarshaler; [NoRoute] marshals as
// "none".
func (r Route) MarshalText() ([]byte, error) { return routeNames.MarshalText(r) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Route) UnmarshalText(b []byte) error { return routeNames.Unmarshal(r, b) }
