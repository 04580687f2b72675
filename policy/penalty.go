package policy

import (
	"fmt"
	"strconv"
)

// PenaltyCode names a penalty of s.4(4). The codes are a stable public
// contract: they appear in case files.
type PenaltyCode string

// The penalties of s.4(4)(i) (minor) and s.4(4)(ii) (major).
const (
	Censure                      PenaltyCode = "censure"                         // s.4(4)(i)(a)
	WithholdPromotionOrIncrement PenaltyCode = "withhold_promotion_or_increment" // s.4(4)(i)(b)
	StopAtEfficiencyBar          PenaltyCode = "stop_at_efficiency_bar"          // s.4(4)(i)(c)
	RecoverCompensation          PenaltyCode = "recover_compensation"            // s.4(4)(i)(d)
	ReduceRank                   PenaltyCode = "reduce_rank"                     // s.4(4)(ii)(a)
	CompulsoryRetirement         PenaltyCode = "compulsory_retirement"           // s.4(4)(ii)(b)
	Removal                      PenaltyCode = "removal"                         // s.4(4)(ii)(c)
	Dismissal                    PenaltyCode = "dismissal"                       // s.4(4)(ii)(d)
	// SuspendOrCancelLicense exists only in the federal Act as amended by
	// Act V of 2022; the 2010 and provincial catalogues do not have it.
	SuspendOrCancelLicense PenaltyCode = "suspend_or_cancel_license" // s.4(4)(ii)(da), 2022
	Fine                   PenaltyCode = "fine"                      // s.4(4)(ii)(e)
)

// Severity is whether a penalty is minor or major under s.4(4).
type Severity uint8

const (
	SeverityUnknown Severity = iota
	Minor
	Major
)

// String returns "minor" or "major" ("unknown" for the zero value and
// "Severity(N)" out of range).
func (s Severity) String() string {
	switch s {
	case SeverityUnknown:
		return "unknown"
	case Minor:
		return "minor"
	case Major:
		return "major"
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText implements encoding.TextMarshaler; it refuses a value out of
// range, whose "Severity(N)" form could not be read back.
func (s Severity) MarshalText() ([]byte, error) {
	if s > Major {
		return nil, fmt.Errorf("policy: invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts "minor" and
// "major".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "minor":
		*s = Minor
	case "major":
		*s = Major
	default:
		return fmt.Errorf("policy: unknown severity %q (want minor or major)", b)
	}
	return nil
}

// Penalty is one entry of a policy's penalty catalogue.
type Penalty struct {
	Code PenaltyCode `json:"code" yaml:"code"`
	// Severity is minor or major; the zero Severity (not stated) is left
	// out of the JSON and YAML, so that a zero Penalty reads back as one.
	Severity Severity `json:"severity,omitzero" yaml:"severity,omitempty"`
	// Description is the penalty in the Act's words, paraphrased.
	Description string `json:"description" yaml:"description"`
	// Periodic is true for penalties imposed "for a specific period"
	// (withholding promotion, stoppage at an efficiency bar).
	Periodic bool     `json:"periodic,omitempty" yaml:"periodic,omitempty"`
	Citation Citation `json:"citation" yaml:"citation"`
}
