package policy

// Interpretations are the project's documented choices where the law is
// silent or unclear, each a parameter with its citation and confidence so
// that a lawyer can see and change it (LAW.md lists them by name).
// Choices that concern routes live in [Routes]; eligibility (3) is
// [Policy.MayComplain]; per-case committee replacement (20) is
// [CommitteeRules].ReplaceConflicted.
//
// The zero Interpretations turns every choice off; every built-in policy sets
// every field.
type Interpretations struct {
	// GazetteWindow (1): dates between assent and gazette, during which a
	// policy is in force but its text was not yet published; acts dated in
	// the window get a warning. The zero Interval means no known window.
	GazetteWindow Param[Interval] `json:"gazette_window"`
	// SubstanceByIncidentDate (2): who is covered and what counts as
	// harassment follow the policy in force on the incident date; procedure
	// follows the filing date.
	SubstanceByIncidentDate Param[bool] `json:"substance_by_incident_date"`
	// ConflictedRouteWarns (4): an accused employer or Competent Authority
	// makes the internal route conflicted: warn and point to s.8(1), never
	// forbid.
	ConflictedRouteWarns Param[bool] `json:"conflicted_route_warns"`
	// CalendarDays (5): periods are calendar days, "one week" is 7 days and
	// months are calendar months clamped to a shorter month's end.
	CalendarDays Param[bool] `json:"calendar_days"`
	// ExcludeTriggerDay (6): the day of the triggering act is excluded
	// (General Clauses Act s.9); a missing receipt date falls back to the
	// event's own date, with a warning.
	ExcludeTriggerDay Param[bool] `json:"exclude_trigger_day"`
	// RollForwardFilings (7): a party's filing whose last day falls on a day
	// the receiving office is closed may be made on its next open day
	// (General Clauses Act s.10). A forum's duties never move.
	RollForwardFilings Param[bool] `json:"roll_forward_filings"`
	// FindingsFromRecordedStart (9): the findings period of s.4(4) runs from
	// the day the committee records the start of its inquiry, and is not
	// running until then.
	FindingsFromRecordedStart Param[bool] `json:"findings_from_recorded_start"`
	// StaysPause (10): a recorded stay suspends every running period; its
	// days are added back when it is lifted.
	StaysPause Param[bool] `json:"stays_pause"`
	// LateDefenceAccepted (13): a late defence is accepted and marked late
	// (unless ex parte was ordered and not set aside).
	LateDefenceAccepted Param[bool] `json:"late_defence_accepted"`
	// LateFilingNeedsCondonation (13): a late appeal or representation is
	// refused as time-barred unless the forum's condonation is recorded.
	LateFilingNeedsCondonation Param[bool] `json:"late_filing_needs_condonation"`
	// ExParteAfterDefencePeriod (14): ex parte may be ordered only after the
	// defence period has run out with no defence.
	ExParteAfterDefencePeriod Param[bool] `json:"ex_parte_after_defence_period"`
	// PenaltyMismatchIsBreach (15): a Competent Authority decision that
	// differs from the recommended penalty is recorded as a breach of s.4(5)
	// and left to appeal, not refused.
	PenaltyMismatchIsBreach Param[bool] `json:"penalty_mismatch_is_breach"`
	// ComplainantKnowledgeAnchor (16): a complainant told of the decision
	// later, who appeals within 30 days of being told, is accepted as late
	// with a warning.
	ComplainantKnowledgeAnchor Param[bool] `json:"complainant_knowledge_anchor"`
	// ImplementationCloses (18): a case closes when implementation of what
	// was ordered is recorded (or nothing was ordered), not at the decision.
	ImplementationCloses Param[bool] `json:"implementation_closes"`
	// RetaliationSurfaced (21): reports of retaliation are recorded on the
	// case, surfaced, and never closed silently.
	RetaliationSurfaced Param[bool] `json:"retaliation_surfaced"`
	// ProtectiveDutiesTracked (22): counselling, leave, compensation,
	// interim adjustments and confidentiality orders are tracked duties.
	ProtectiveDutiesTracked Param[bool] `json:"protective_duties_tracked"`
	// NoComplaintLimitation (11): no limitation period applies to the
	// original complaint; late reporting does not affect the merits.
	NoComplaintLimitation Param[bool] `json:"no_complaint_limitation"`
	// AppellateDecisionDays is the period used for the Ombudsperson's
	// decision on appeal (the appeal-decision rule, s.6(3)).
	AppellateDecisionDays Param[int] `json:"appellate_decision_days"`
}
