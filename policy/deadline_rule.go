package policy

import (
	"github.com/hifazat/hifazat/internal/enum"
	"strconv"

	"github.com/hifazat/hifazat/civil"
)

// RuleID names a deadline rule. The ids are a stable public contract: they
// appear in the CLI's JSON and in stored cases.
type RuleID string

// The deadline rules of the Act, its Rules and the ombudsman framework.
const (
	RuleCharges                       RuleID = "charges"                         // s.4(1)(a)
	RuleDefence                       RuleID = "defence"                         // s.4(1)(b)
	RuleFindings                      RuleID = "findings"                        // s.4(4)
	RulePenalty                       RuleID = "penalty"                         // s.4(5)
	RuleAppealPenalised               RuleID = "appeal-penalised"                // s.6(1)
	RuleAppealComplainant             RuleID = "appeal-complainant"              // s.6(2)
	RuleAppealDecision                RuleID = "appeal-decision"                 // s.6(3)
	RuleShowCause                     RuleID = "show-cause"                      // s.8(2)
	RuleOmbudspersonDefence           RuleID = "ombudsperson-defence"            // s.8(2)
	RuleOmbudspersonDecision          RuleID = "ombudsperson-decision"           // s.8(6) as inserted in 2022
	RuleFOIRADisposal                 RuleID = "foira-disposal"                  // FOIRA 2013
	RuleRepresentation                RuleID = "representation"                  // s.9
	RuleRepresentationDecision        RuleID = "representation-decision"         // s.9 as amended in 2022; FOIRA 2013
	RuleCompetentAuthorityNotice      RuleID = "competent-authority-notice"      // Rules 2013 r.3(2)
	RuleCommitteeConstitution         RuleID = "committee-constitution"          // s.3(1)
	RuleCompetentAuthorityDesignation RuleID = "competent-authority-designation" // s.3(4)
	RuleCodeDisplay                   RuleID = "code-display"                    // s.11(2)
)

// Kind says what missing a deadline means (interpretation 7).
type Kind uint8

const (
	// KindUnknown is the zero Kind; no rule of a valid policy has it.
	KindUnknown Kind = iota
	// Duty is an act a forum must do within the period (communicate charges,
	// submit findings, impose the penalty, decide). Its last day is never
	// moved; a late act is recorded as a breach.
	Duty
	// Filing is an act of a party at a forum (defence, appeal,
	// representation). If the receiving office is closed on the last day,
	// the period runs to its next open day (General Clauses Act s.10).
	Filing
	// Target is a period with no hard consequence (the Ombudsperson's
	// decision periods): flagged when overdue, never used to refuse an act.
	Target
)

var kindNames = enum.New[Kind]("policy", "deadline kind", "", "duty", "filing", "target")

// String returns "duty", "filing" or "target", or "%!Kind(N)" for a value
// that is none of them.
func (k Kind) String() string { return kindNames.String(k) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (k Kind) MarshalText() ([]byte, error) { return kindNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (k *Kind) UnmarshalText(b []byte) error { return kindNames.Unmarshal(k, b) }

// Unit is the unit of a Period.
type Unit uint8

const (
	// Days are calendar days (interpretation 5); "one week" is 7 Days.
	Days Unit = iota
	// Months are calendar months, clamped to the end of a shorter month.
	Months
)

var unitNames = enum.New[Unit]("policy", "unit", "days", "months")

// String returns "days" or "months", or "%!Unit(N)" for another value.
func (u Unit) String() string { return unitNames.String(u) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (u Unit) MarshalText() ([]byte, error) { return unitNames.MarshalText(u) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (u *Unit) UnmarshalText(b []byte) error { return unitNames.Unmarshal(u, b) }

// Period is a length of statutory time: N calendar days or N calendar months.
// The zero Period is zero days.
type Period struct {
	N    int  `json:"n" yaml:"n"`
	Unit Unit `json:"unit" yaml:"unit"`
}

// String formats p as "3 days" or "6 months".
func (p Period) String() string { return strconv.Itoa(p.N) + " " + p.Unit.String() }

// Forum is the office that acts on a duty or receives a filing; its calendar
// decides which days are open (interpretation 7). Values are persisted; never
// reorder them.
type Forum uint8

const (
	ForumUnknown Forum = iota
	// Organisation is the employer's own offices (committee constitution,
	// Competent Authority designation, display of the Code).
	Organisation
	InquiryCommittee
	CompetentAuthority
	Ombudsperson
	// PresidentOrGovernor hears representations under s.9.
	PresidentOrGovernor
)

var forumNames = enum.New[Forum]("policy", "forum", "", "organisation", "inquiry_committee", "competent_authority", "ombudsperson", "president_or_governor")

// String returns the forum's stable name, such as "inquiry_committee", or
// "%!Forum(N)" for a value that is no forum.
func (f Forum) String() string { return forumNames.String(f) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (f Forum) MarshalText() ([]byte, error) { return forumNames.MarshalText(f) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (f *Forum) UnmarshalText(b []byte) error { return forumNames.Unmarshal(f, b) }

// DeadlineRule is one statutory period as data: how long, what kind, whose
// calendar, what starts it, and where the law says so.
type DeadlineRule struct {
	ID     RuleID `json:"id" yaml:"id"`
	Kind   Kind   `json:"kind" yaml:"kind"`
	Period Period `json:"period" yaml:"period"`
	// Forum is the office that must act (a Duty or Target) or that receives
	// the filing (a Filing); its calendar applies.
	Forum Forum `json:"forum" yaml:"forum"`
	// Trigger describes the act the period runs from, as the law words it:
	// "receipt of the written complaint". The trigger day is excluded.
	Trigger  string   `json:"trigger" yaml:"trigger"`
	Citation Citation `json:"citation" yaml:"citation"`
	// Since, where set, is the day the rule's source took effect inside the
	// policy's validity: a period whose trigger falls before it does not run
	// (the FOIRA 2013 targets under the 2010 Act, interpretation 1). The
	// zero Date means the rule applies throughout the policy's validity.
	Since civil.Date `json:"since,omitzero" yaml:"since,omitempty"`
}

// AppliesFrom reports whether a period of r triggered on the given day runs:
// whether the day is on or after r.Since.
func (r DeadlineRule) AppliesFrom(trigger civil.Date) bool {
	return !r.Since.IsValid() || !trigger.Before(r.Since)
}
