package casefsm

import "github.com/hifazat/hifazat/internal/enum"

// State is where a case stands in its lifecycle. The names are a public
// contract (they appear in status reports and diagrams); values are
// persisted, so new states are only ever appended.
//
// The zero State is not a state: IsValid reports false, String returns
// "%!State(0)" and MarshalText fails. A new case is [NotFiled].
type State uint8

// The states of a complaint, in lifecycle order.
const (
	_ State = iota
	// NotFiled: nothing reported yet, or only conduct recorded.
	NotFiled
	// Informal: reported informally to a supervisor or committee member
	// (Code (iii)-(iv)).
	Informal
	// InformallyResolved: resolved informally; not terminal, since the
	// complainant may still file a formal complaint (Code (vii)).
	InformallyResolved
	// ComplaintReceived: a written complaint reached the Inquiry Committee
	// (s.4(1)).
	ComplaintReceived
	// ChargesCommunicated: the committee communicated the charges and
	// statement of allegations to the accused (s.4(1)(a)).
	ChargesCommunicated
	// DefenceClosed: the defence was received, or the committee proceeded
	// ex parte (s.4(1)(b)).
	DefenceClosed
	// Inquiry: the committee recorded the start of the inquiry
	// (s.4(1)(c), interpretation 9), or a forum above remanded the case.
	Inquiry
	// FindingsSubmitted: findings and recommendations went to the
	// Competent Authority (s.4(4)).
	FindingsSubmitted
	// Decided: the Competent Authority decided (s.4(5)).
	Decided
	// DecisionCommunicated: the decision was communicated in writing
	// (s.6(1)).
	DecisionCommunicated
	// AppealPending: an appeal lies with the Ombudsperson (s.6).
	AppealPending
	// AppealDecided: the Ombudsperson decided the appeal (s.6(3)).
	AppealDecided
	// OmbudspersonComplaint: a complaint was filed directly with the
	// Ombudsperson (s.8(1)).
	OmbudspersonComplaint
	// ShowCauseIssued: the Ombudsperson issued a show-cause notice to the
	// accused (s.8(2)).
	ShowCauseIssued
	// OmbudspersonHearing: the defence was received or the Ombudsperson
	// proceeded ex parte (s.8(2)-(4)).
	OmbudspersonHearing
	// OmbudspersonDecided: the Ombudsperson decided the complaint (s.8(5)).
	OmbudspersonDecided
	// RepresentationPending: a representation lies with the President or
	// Governor (s.9).
	RepresentationPending
	// Dismissed: a forum dismissed the complaint at admission, with reasons
	// (interpretation 12); open to appeal or representation.
	Dismissed
	// Implementation: the last decision awaits implementation (s.4(6),
	// s.8(5), interpretation 18).
	Implementation
	// Withdrawn: the forum permitted the complainant to withdraw (Rules
	// 2013 r.4(3)). Terminal.
	Withdrawn
	// Closed: implementation was recorded (interpretation 18). Terminal.
	Closed

	stateEnd // one past the last state; not a state
)

var stateNames = enum.New[State]("casefsm", "state", "", "not_filed", "informal", "informally_resolved", "complaint_received",
	"charges_communicated", "defence_closed", "inquiry", "findings_submitted",
	"decided", "decision_communicated", "appeal_pending", "appeal_decided",
	"ombudsperson_complaint", "show_cause_issued", "ombudsperson_hearing",
	"ombudsperson_decided", "representation_pending", "dismissed",
	"implementation", "withdrawn", "closed",
)

// States returns every state in declaration order.
func States() []State {
	out := make([]State, 0, stateEnd-1)
	for s := NotFiled; s < stateEnd; s++ {
		out = append(out, s)
	}
	return out
}

// IsValid reports whether s is one of the named states.
func (s State) IsValid() bool { return stateNames.Valid(s) }

// Terminal reports whether no event can move the case out of s: [Withdrawn]
// and [Closed]. Notes and retaliation reports may still be recorded.
func (s State) Terminal() bool { return s == Withdrawn || s == Closed }

// String returns the state's snake_case name, such as "complaint_received",
// or "%!State(N)" for a value that is not a state.
func (s State) String() string { return stateNames.String(s) }

// MarshalText implements encoding.TextMarshaler; invalid states fail.
func (s State) MarshalText() ([]byte, error) { return stateNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts only the
// exact snake_case names.
func (s *State) UnmarshalText(b []byte) error { return stateNames.Unmarshal(s, b) }
