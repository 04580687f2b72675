package policy

import (
	"github.com/hifazat/hifazat/internal/enum"
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

var severityNames = enum.New[Severity]("policy", "severity", "", "minor", "major")

// String returns "minor" or "major", or "%!Severity(N)" for another value
// (the zero Severity, not stated, included).
func (s Severity) String() string { return severityNames.String(s) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (s Severity) MarshalText() ([]byte, error) { return severityNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (s *Severity) UnmarshalText(b []byte) error { return severityNames.Unmarshal(s, b) }

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
