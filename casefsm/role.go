package casefsm

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

	roleEnd
)

var roleNames = names{
	"", "complainant", "accused", "supervisor", "inquiry_committee",
	"competent_authority", "ombudsperson", "president_or_governor", "employer",
}

// Roles returns every role in declaration order.
func Roles() []Role {
	out := make([]Role, 0, roleEnd-1)
	for r := Complainant; r < roleEnd; r++ {
		out = append(out, r)
	}
	return out
}

// IsValid reports whether r is one of the named roles.
func (r Role) IsValid() bool { return roleNames.valid(uint8(r)) }

// String returns the role's snake_case name, such as "inquiry_committee", or
// "%!Role(N)" for a value that is not a role.
func (r Role) String() string { return roleNames.str("Role", uint8(r)) }

// MarshalText implements encoding.TextMarshaler; invalid roles fail.
func (r Role) MarshalText() ([]byte, error) { return roleNames.marshal("role", uint8(r)) }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts only the
// exact snake_case names.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := roleNames.parse("role", b)
	if err != nil {
		return err
	}
	*r = Role(v)
	return nil
}

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

var routeNames = names{"", "committee", "ombudsperson"}

// String returns "committee", "ombudsperson", or "none" for [NoRoute].
func (r Route) String() string {
	if r == NoRoute {
		return "none"
	}
	return routeNames.str("Route", uint8(r))
}

// MarshalText implements encoding.TextMarshaler; [NoRoute] marshals as
// "none".
func (r Route) MarshalText() ([]byte, error) {
	if r == NoRoute {
		return []byte("none"), nil
	}
	return routeNames.marshal("route", uint8(r))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Route) UnmarshalText(b []byte) error {
	if string(b) == "none" {
		*r = NoRoute
		return nil
	}
	v, err := routeNames.parse("route", b)
	if err != nil {
		return err
	}
	*r = Route(v)
	return nil
}
