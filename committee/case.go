package committee

import (
	"fmt"
	"github.com/hifazat/hifazat/internal/enum"
)

// Case is what a check needs to know about one complaint, to apply s.3(3):
// who the parties and witnesses are, which members were replaced for the
// case, and any conflict signals the host system can supply.
//
// The zero Case has no parties, replacements or signals; checking with it
// is the same as checking the standing committee, except that the
// committee is then checked as the committee for a case.
type Case struct {
	// Parties are the complainant, the accused and the witnesses, each
	// with the id members are matched against. A party without an id
	// matches no member.
	Parties []Party `json:"parties,omitempty"`
	// Replacements are the members replaced for this case, in the order
	// they were recorded. A later replacement may replace an earlier
	// replacement.
	Replacements []Replacement `json:"replacements,omitempty"`
	// Chair, if set, is the id of the member designated chairperson for
	// this case (s.3(2), interpretation 20): any member of the committee
	// for the case, standing or brought in by a replacement. It is the
	// only chair of that committee, whatever the members' chair flags
	// say; a chair not on it is chair_not_member. A replacement flagged
	// chair recorded after the designation supersedes it: the caller then
	// leaves Chair empty.
	Chair string `json:"chair,omitempty"`
	// Signals are optional hints of a conflict the host knows of, such as a
	// reporting line. They draw warnings, or violations where the policy's
	// SignalsRefuse is set. Signals about people who are not members of the
	// committee for the case are ignored.
	Signals []Signal `json:"signals,omitempty"`
	// AccusedIsCompetentAuthority records that the accused is the
	// Competent Authority, so that the internal route is conflicted
	// (interpretation 4). The check also infers it when the accused's id
	// equals [Committee.CompetentAuthority].
	AccusedIsCompetentAuthority bool `json:"accused_is_competent_authority,omitempty"`
}

// Party is a person with a part in a case.
type Party struct {
	Role Role   `json:"role"`
	ID   string `json:"id"`
}

// Replacement records that member Out is replaced by In for one case
// (s.3(3)). In may come from within or from outside the organisation.
type Replacement struct {
	Out string `json:"out" class:"identity"`
	In  Member `json:"in"`
}

// Signal says that a member of the committee has a tie to someone in the
// case that may make them partial.
type Signal struct {
	// Member is the id of the committee member concerned.
	Member string `json:"member"`
	// Kind is the tie.
	Kind SignalKind `json:"kind"`
	// With optionally names the other person (an id or a name); it is
	// quoted in the message.
	With string `json:"with,omitempty"`
}

// Role is the part a person plays in a case. The zero Role is not set;
// values are persisted and only appended.
type Role uint8

const (
	// RoleUnset is the zero Role.
	RoleUnset Role = iota
	// Complainant: the person who complained ("complainant").
	Complainant
	// Accused: the person complained against ("accused").
	Accused
	// Witness: a witness in the case ("witness").
	Witness
)

var roleNames = enum.NewOptional[Role]("committee", "role", "", "complainant", "accused", "witness")

// IsValid reports whether r is one of the roles.
func (r Role) IsValid() bool { return roleNames.Valid(r) }

// String returns "complainant", "accused" or "witness"; "" for the zero Role
// and "Role(N)" out of range.
func (r Role) String() string { return roleNames.String(r) }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return roleNames.MarshalText(r) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error { return valueError(roleNames.Unmarshal(r, b)) }

// SignalKind is the kind of tie a [Signal] reports. The zero SignalKind is
// not set; values are persisted and only appended.
type SignalKind uint8

const (
	// SignalUnset is the zero SignalKind.
	SignalUnset SignalKind = iota
	// ReportsToAccused: the member reports to the accused
	// ("reports_to_accused").
	ReportsToAccused
	// ReportsToComplainant: the member reports to the complainant
	// ("reports_to_complainant").
	ReportsToComplainant
	// FamilyRelation: the member is related to a party
	// ("family_relation").
	FamilyRelation
)

var signalNames = enum.NewOptional[SignalKind]("committee", "kind", "", "reports_to_accused", "reports_to_complainant", "family_relation")

// IsValid reports whether k is one of the kinds.
func (k SignalKind) IsValid() bool { return signalNames.Valid(k) }

// String returns the external form, such as "reports_to_accused"; "" for the
// zero SignalKind and "SignalKind(N)" out of range.
func (k SignalKind) String() string { return signalNames.String(k) }

// MarshalText implements encoding.TextMarshaler.
func (k SignalKind) MarshalText() ([]byte, error) { return signalNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *SignalKind) UnmarshalText(b []byte) error { return valueError(signalNames.Unmarshal(k, b)) }

// check reports the first party or signal that cannot be checked.
func (c *Case) check() error {
	for i, p := range c.Parties {
		if !p.Role.IsValid() {
			return fmt.Errorf("%w: parties[%d].role %s is not complainant, accused or witness", ErrInvalidCase, i, quoteEnum(p.Role.String()))
		}
	}
	for i, s := range c.Signals {
		if !s.Kind.IsValid() {
			return fmt.Errorf("%w: signals[%d].kind %s is not reports_to_accused, reports_to_complainant or family_relation", ErrInvalidCase, i, quoteEnum(s.Kind.String()))
		}
	}
	return nil
}

// quoteEnum quotes an enum's text, showing the unset value as "unset".
func quoteEnum(s string) string {
	if s == "" {
		return "unset"
	}
	return fmt.Sprintf("%q", s)
}
