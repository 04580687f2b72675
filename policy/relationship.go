package policy

import "fmt"

// Relationship is a person's relation to the organisation, in the words of
// the definitions that decide who may complain (s.2(e), (f)) and who may be
// accused (s.2(a)). The values are a stable public contract: case files store
// them. The zero Relationship is not valid.
type Relationship string

// Relationships covered since 2010 (s.2(f) as enacted).
const (
	// Employee is a regular or contractual employee, employed on a daily,
	// weekly, monthly or hourly basis.
	Employee   Relationship = "employee"
	Intern     Relationship = "intern"
	Apprentice Relationship = "apprentice"
)

// Relationships added by Act V of 2022 (federal s.2(e), (f)).
const (
	// FormerEmployee was removed or dismissed from service or resigned
	// (s.2(e) as amended).
	FormerEmployee Relationship = "former_employee"
	// GuardianOfMinor is a parent or guardian complaining for a minor
	// (s.2(e) as amended).
	GuardianOfMinor Relationship = "guardian_of_minor"
	Student         Relationship = "student"
	Performer       Relationship = "performer"
	Artist          Relationship = "artist"
	Sportsperson    Relationship = "sportsperson"
	Trainee         Relationship = "trainee"
	DomesticWorker  Relationship = "domestic_worker"
	HomeBasedWorker Relationship = "home_based_worker"
	PieceRateWorker Relationship = "piece_rate_worker"
	GigWorker       Relationship = "gig_worker"
	TemporaryWorker Relationship = "temporary_worker"
	PartTimeWorker  Relationship = "part_time_worker"
	Freelancer      Relationship = "freelancer"
	// Volunteer works "on a voluntary basis", without remuneration.
	Volunteer Relationship = "volunteer"
)

// Relationships only an accused person has (s.2(a)).
const (
	Employer Relationship = "employer"
	// CompetentAuthorityMember is the Competent Authority designated under
	// s.3(4) (interpretation 4: a conflicted internal route).
	CompetentAuthorityMember Relationship = "competent_authority"
)

// relationships lists every valid Relationship, sorted by value.
var relationships = [...]Relationship{
	Apprentice, Artist, CompetentAuthorityMember, DomesticWorker, Employee,
	Employer, FormerEmployee, Freelancer, GigWorker, GuardianOfMinor,
	HomeBasedWorker, Intern, PartTimeWorker, Performer, PieceRateWorker,
	Sportsperson, Student, TemporaryWorker, Trainee, Volunteer,
}

// Relationships returns every valid relationship, sorted by value.
func Relationships() []Relationship { return append([]Relationship(nil), relationships[:]...) }

// Valid reports whether r is one of the relationship constants.
func (r Relationship) Valid() bool {
	for _, v := range relationships {
		if v == r {
			return true
		}
	}
	return false
}

// ParseRelationship returns the relationship named s, or an error wrapping
// [ErrUnknownRelationship].
func ParseRelationship(s string) (Relationship, error) {
	r := Relationship(s)
	if !r.Valid() {
		return "", fmt.Errorf("%w %q (see s.2(a), (e), (f); run 'hifazat policy show' for the list)", ErrUnknownRelationship, s)
	}
	return r, nil
}

// MarshalText implements encoding.TextMarshaler; it refuses invalid values.
func (r Relationship) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("%w %q", ErrUnknownRelationship, string(r))
	}
	return []byte(r), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are
// errors.
func (r *Relationship) UnmarshalText(b []byte) error {
	v, err := ParseRelationship(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
