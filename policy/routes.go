package policy

import (
	"github.com/hifazat/hifazat/internal/enum"

	"github.com/hifazat/hifazat/civil"
)

// ExParte is whether a forum must or may proceed ex parte once the defence
// period has run out with no defence and no reasonable cause (s.4(1)(b),
// s.8(2)). Values are persisted; never reorder them.
type ExParte uint8

const (
	// ExParteUnknown is the zero ExParte; no built-in policy uses it.
	ExParteUnknown ExParte = iota
	// Mandatory: the forum "shall proceed ex parte" (Inquiry Committee,
	// s.4(1)(b)).
	Mandatory
	// Discretionary: the forum "may proceed ex parte" (Ombudsperson,
	// s.8(2)).
	Discretionary
)

var exParteNames = enum.New[ExParte]("policy", "ex parte rule", "", "mandatory", "discretionary")

// String returns "mandatory" or "discretionary", or "%!ExParte(N)" for
// another value.
func (x ExParte) String() string { return exParteNames.String(x) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (x ExParte) MarshalText() ([]byte, error) { return exParteNames.MarshalText(x) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (x *ExParte) UnmarshalText(b []byte) error { return exParteNames.Unmarshal(x, b) }

// Authority is who hears a representation against the Ombudsperson's
// decision (s.9). The zero Authority is not valid.
type Authority string

const (
	// AuthorityPresidentOrGovernor: the federal s.9 names "the President or
	// Governor, as the case may be".
	AuthorityPresidentOrGovernor Authority = "president_or_governor"
	// AuthorityGovernor: the provincial texts name the Governor only.
	AuthorityGovernor Authority = "governor"
)

// Routes are the paths a complaint may take under a policy, each with its
// citation (interpretations 11-19). The zero Routes offers no
// route; every built-in policy sets every field.
type Routes struct {
	// Informal: informal resolution is available before or instead of a
	// formal complaint, and the complainant may go formal at any time (Code
	// (iii)-(vii)).
	Informal Param[bool] `json:"informal"`
	// DirectToOmbudsperson: the complainant may file with the Ombudsperson
	// instead of the Inquiry Committee (s.8(1)).
	DirectToOmbudsperson Param[bool] `json:"direct_to_ombudsperson"`
	// Appeal: a penalised person and an aggrieved complainant may appeal the
	// Competent Authority's decision to the Ombudsperson (s.6(1)-(2)).
	Appeal Param[bool] `json:"appeal"`
	// Representation: a party aggrieved by the Ombudsperson's decision on a
	// complaint may represent to the President or Governor (s.9).
	Representation Param[bool] `json:"representation"`
	// ExParteCommittee: the committee "shall" proceed ex parte (s.4(1)(b)).
	ExParteCommittee Param[ExParte] `json:"ex_parte_committee"`
	// ExParteOmbudsperson: the Ombudsperson "may" proceed ex parte (s.8(2)).
	ExParteOmbudsperson Param[ExParte] `json:"ex_parte_ombudsperson"`
	// RepresentationTo is who hears representations (s.9).
	RepresentationTo Param[Authority] `json:"representation_to"`
	// RepresentationAgainstAppeal: a representation also lies against the
	// Ombudsperson's decision on appeal under s.6(3) (interpretation 17).
	RepresentationAgainstAppeal Param[bool] `json:"representation_against_appeal"`
	// Withdrawal: the complainant may ask to withdraw, and the forum may
	// permit it before the final decision (Rules 2013 r.4(3);
	// interpretation 19).
	Withdrawal Param[bool] `json:"withdrawal"`
	// DismissAtAdmission: a forum may dismiss a complaint at admission, with
	// reasons (interpretation 12).
	DismissAtAdmission Param[bool] `json:"dismiss_at_admission"`
	// RepresentationAgainstAppealFrom, where set, is the first day an
	// appeal may be filed for RepresentationAgainstAppeal to lie against
	// its decision: the route rests on FOIRA 2013, which shapes nothing
	// before it took effect (interpretation 1). The zero Date: no limit.
	RepresentationAgainstAppealFrom Param[civil.Date] `json:"representation_against_appeal_from"`
	// OmbudspersonAppointed is the day the jurisdiction's first
	// Ombudsperson was appointed: before it appeals lie to the District
	// Court (s.6(4)); from it pending appeals pass to the Ombudsperson
	// (s.6(5)). The zero Date means the day is not known, and either forum
	// may decide an appeal. The dates are low until verified.
	OmbudspersonAppointed Param[civil.Date] `json:"ombudsperson_appointed"`
	// OmbudspersonReachFrom is the earliest incident date a provincial
	// Ombudsperson says in its published practice it takes up. Practice is
	// not law (interpretation 12): an earlier incident is warned
	// (forum_may_dismiss), never refused. The zero Date means no such
	// practice is known.
	OmbudspersonReachFrom Param[civil.Date] `json:"ombudsperson_reach_from"`
	// AmendedFederalTextFrom, where set, is the first filing date from
	// which the federal Act as amended by Act V of 2022 claims to reach
	// this jurisdiction although the policy keeps the 2010 text: s.1(2)
	// still "extends to the whole of Pakistan", and whether the 2022 text
	// (the 90-day periods of s.8(6) and s.9, any complainant to the
	// Ombudsperson) governs there is a live legal question. A filing from
	// it is warned (federal_amendment_extent), never decided either way.
	// The zero Date: no such claim.
	AmendedFederalTextFrom Param[civil.Date] `json:"amended_federal_text_from"`
}
