package policy

import (
	"fmt"

	"github.com/hifazat/hifazat/civil"
)

// ID names a policy: a statute version such as "pk-federal-2022" or an
// institutional overlay such as "hec-2020". IDs are a stable public contract:
// stored cases name the policies they were decided under. The zero ID names
// no policy.
type ID string

// Jurisdiction is the legislature whose law a statutory policy is: the
// federation or a province. The zero Jurisdiction is not valid.
type Jurisdiction string

// The jurisdictions with a workplace-harassment statute.
const (
	Federal     Jurisdiction = "federal"
	Punjab      Jurisdiction = "punjab"
	Sindh       Jurisdiction = "sindh"
	KP          Jurisdiction = "kp"
	Balochistan Jurisdiction = "balochistan"
)

// Jurisdictions returns every valid jurisdiction, sorted by name.
func Jurisdictions() []Jurisdiction {
	return []Jurisdiction{Balochistan, Federal, KP, Punjab, Sindh}
}

// Valid reports whether j is one of the jurisdiction constants.
func (j Jurisdiction) Valid() bool {
	switch j {
	case Federal, Punjab, Sindh, KP, Balochistan:
		return true
	}
	return false
}

// Name returns the jurisdiction's name for people: "Punjab", "Khyber
// Pakhtunkhwa", or "the Federation" for federal.
func (j Jurisdiction) Name() string {
	switch j {
	case Federal:
		return "the Federation"
	case Punjab:
		return "Punjab"
	case Sindh:
		return "Sindh"
	case KP:
		return "Khyber Pakhtunkhwa"
	case Balochistan:
		return "Balochistan"
	}
	return string(j)
}

// ParseJurisdiction returns the jurisdiction named s, or an error wrapping
// [ErrUnknownJurisdiction].
func ParseJurisdiction(s string) (Jurisdiction, error) {
	j := Jurisdiction(s)
	if !j.Valid() {
		return "", fmt.Errorf("%w %q (want balochistan, federal, kp, punjab or sindh)", ErrUnknownJurisdiction, s)
	}
	return j, nil
}

// Interval is a half-open range of dates [From, Until): From is the first day
// included and Until the first day excluded. A zero Until means open-ended (in
// force until further notice); a zero From means "since the beginning". The
// zero Interval therefore contains every valid date.
type Interval struct {
	From  civil.Date `json:"from" yaml:"from"`
	Until civil.Date `json:"until,omitzero" yaml:"until,omitempty"`
}

// Contains reports whether d falls in the interval. The zero Date (no date)
// is in no interval.
func (iv Interval) Contains(d civil.Date) bool {
	if !d.IsValid() || d.Before(iv.From) {
		return false
	}
	return !iv.Until.IsValid() || d.Before(iv.Until)
}

// IsZero reports whether iv is the zero Interval.
func (iv Interval) IsZero() bool { return iv == Interval{} }

// Overlaps reports whether iv and u share at least one day.
func (iv Interval) Overlaps(u Interval) bool {
	// [a, b) and [c, d) overlap when a < d and c < b, with a zero end meaning
	// +infinity.
	return before(iv.From, u.Until) && before(u.From, iv.Until)
}

// before reports whether a is strictly before the end bound end, where a zero
// end is +infinity.
func before(a, end civil.Date) bool { return !end.IsValid() || a.Before(end) }

// String formats iv as "2010-03-09..2022-01-21" (the Until day excluded), or
// "2022-01-21.." when open-ended.
func (iv Interval) String() string { return iv.From.String() + ".." + iv.Until.String() }
