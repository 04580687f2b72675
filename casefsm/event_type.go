package casefsm

import "github.com/hifazat/hifazat/internal/enum"

// EventType is what happened on a case: a forum's act, a party's filing, or a
// fact recorded on the file. The names are a public contract (the "type" of
// an event in a case file); values are persisted, so new types are only
// ever appended.
//
// The zero EventType is not an event: IsValid reports false and
// MarshalText fails.
type EventType uint8

// The events. Those before [RequestWithdrawal] can move a case; the rest are
// recorded without moving it, except [AcceptWithdrawal]. [Definition.Transitions]
// is the authority on which event moves which state.
const (
	_ EventType = iota
	ReportInformally
	ResolveInformally
	FileComplaint
	FileWithOmbudsperson
	DismissAtAdmission
	CommunicateCharges
	SubmitDefence
	ProceedExParte
	StartInquiry
	SubmitFindings
	Decide
	CommunicateDecision
	IssueShowCause
	DecideComplaint
	FileAppeal
	DecideAppeal
	MakeRepresentation
	DecideRepresentation
	// Remand: the forum a challenge is pending before sends the case back
	// to the forum whose decision was challenged (interpretation 17): the
	// Ombudsperson or District Court on appeal to the committee's
	// inquiry; the President or Governor to the Ombudsperson's hearing of
	// a complaint, or to her decision of an appeal. That forum's period
	// for its fresh decision runs from the remand.
	Remand
	Finalise
	RecordImplementation
	RequestWithdrawal
	AcceptWithdrawal
	ReplaceMember
	RecordStay
	LiftStay
	SetAsideExParte
	HoldHearing
	Adjourn
	RecordStatement
	OrderMedicalExamination
	OrderConfidentiality
	RecordInterimMeasure
	RecordSupport
	AwardCompensation
	ReportRetaliation
	ReferFalseComplaint
	NotifyEmployer
	AddNote
	// RefuseWithdrawal: the forum refuses a pending withdrawal request
	// (Rules 2013 r.4(3)); the complainant may ask again.
	RefuseWithdrawal
	// VoidEvent: the forum that recorded an earlier event voids it, with a
	// reason; the case is judged from then on as if it had not happened,
	// and both stay in the record (interpretation 23).
	VoidEvent
	// DesignateChair: the committee or the Competent Authority designates
	// a chairperson for this case from amongst the members of its
	// committee, standing or brought in by replace_member (s.3(2),
	// interpretation 20). The event's member is the member's id.
	DesignateChair

	eventEnd // one past the last event type; not an event
)

var eventNames = enum.New[EventType]("casefsm", "event type", "", "report_informally", "resolve_informally", "file_complaint",
	"file_with_ombudsperson", "dismiss_at_admission", "communicate_charges",
	"submit_defence", "proceed_ex_parte", "start_inquiry", "submit_findings",
	"decide", "communicate_decision", "issue_show_cause", "decide_complaint",
	"file_appeal", "decide_appeal", "make_representation",
	"decide_representation", "remand", "finalise", "record_implementation",
	"request_withdrawal", "accept_withdrawal", "replace_member", "record_stay",
	"lift_stay", "set_aside_ex_parte", "hold_hearing", "adjourn",
	"record_statement", "order_medical_examination", "order_confidentiality",
	"record_interim_measure", "record_support", "award_compensation",
	"report_retaliation", "refer_false_complaint", "notify_employer", "add_note",
	"refuse_withdrawal", "void_event", "designate_chair",
)

// eventClasses declares each event type's confidentiality class: the class
// of what its free text says (see [EventType.Class]). A statement recorded
// is a statement whatever field holds it; a medical examination's record is
// evidence; a note is free text. Every event type must have one: the array
// is keyed, and the assertions below fail to compile if an event type is
// added without a class.
var eventClasses = [...]Class{
	ReportInformally: Procedural, ResolveInformally: Procedural, FileComplaint: Procedural,
	FileWithOmbudsperson: Procedural, DismissAtAdmission: Procedural, CommunicateCharges: Procedural,
	SubmitDefence: Procedural, ProceedExParte: Procedural, StartInquiry: Procedural, SubmitFindings: Procedural,
	Decide: Procedural, CommunicateDecision: Procedural, IssueShowCause: Procedural, DecideComplaint: Procedural,
	FileAppeal: Procedural, DecideAppeal: Procedural, MakeRepresentation: Procedural,
	DecideRepresentation: Procedural, Remand: Procedural, Finalise: Procedural, RecordImplementation: Procedural,
	RequestWithdrawal: Procedural, AcceptWithdrawal: Procedural, ReplaceMember: Procedural, RecordStay: Procedural,
	LiftStay: Procedural, SetAsideExParte: Procedural, HoldHearing: Procedural, Adjourn: Procedural,
	RecordStatement: Statement, OrderMedicalExamination: Evidence, OrderConfidentiality: Procedural,
	RecordInterimMeasure: Procedural, RecordSupport: Procedural, AwardCompensation: Procedural,
	ReportRetaliation: Statement, ReferFalseComplaint: Procedural, NotifyEmployer: Procedural,
	AddNote: FreeText, RefuseWithdrawal: Procedural, VoidEvent: Procedural, DesignateChair: Procedural,
}

// Every event type has a class, and nothing else does.
var (
	_ [len(eventClasses) - int(eventEnd)]struct{}
	_ [int(eventEnd) - len(eventClasses)]struct{}
)

// Class returns the event type's confidentiality class: [Procedural] for an
// act whose free text (note, reason, ...) is free text, or the class that
// free text takes on this event ([Statement] for record_statement and
// report_retaliation, [Evidence] for order_medical_examination, [FreeText]
// for add_note). The type, date and actor of every event are procedural.
// It returns the zero Class for a value that is not an event type.
func (e EventType) Class() Class {
	if !e.IsValid() {
		return 0
	}
	return eventClasses[e]
}

// EventTypes returns every event type in declaration order.
func EventTypes() []EventType {
	out := make([]EventType, 0, eventEnd-1)
	for e := ReportInformally; e < eventEnd; e++ {
		out = append(out, e)
	}
	return out
}

// IsValid reports whether e is one of the named event types.
func (e EventType) IsValid() bool { return eventNames.Valid(e) }

// String returns the event's snake_case name, such as "file_complaint", or
// "%!EventType(N)" for a value that is not an event type.
func (e EventType) String() string { return eventNames.String(e) }

// MarshalText implements encoding.TextMarshaler; invalid types fail.
func (e EventType) MarshalText() ([]byte, error) { return eventNames.MarshalText(e) }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts only the
// exact snake_case names.
func (e *EventType) UnmarshalText(b []byte) error { return eventNames.Unmarshal(e, b) }
