package casefsm

import (
	"cmp"
	"slices"

	"github.com/hifazat/hifazat/policy"
)

// Transition is one row of the transition table: the roles that may perform
// an event, the states it may be performed in, where it leads, and the
// provision that says so. The table is data: [Definition.Transitions]
// returns it, diagrams draw it, and [Case.Apply] enforces it.
type Transition struct {
	Event EventType
	// By lists the roles that may perform the event, in Role order.
	By []Role
	// From lists the states the event may be performed in, in State order.
	From []State
	// To is the state the case moves to. The zero State means the event is
	// recorded and the case stays where it was.
	To State
	// Route, if set, restricts the row to cases on that route; the zero
	// Route means any route, including a case not yet filed.
	Route    Route
	Citation policy.Citation
}

// Moves reports whether the row moves the case (To is set). A row whose To
// is also one of its From states is still a move: the state is re-entered.
func (t Transition) Moves() bool { return t.To != 0 }

// tableOptions are the policy parameters that add or remove rows: the
// routes an institution may switch off (interpretations 11, 12, 17, 19).
type tableOptions struct {
	informal, direct, withdrawal, dismiss, representationAgainstAppeal policy.Param[bool]
}

// The state and role sets below are used by several rows. They are
// functions, not package variables, so that no row can alias (and a sort
// mutate) a shared slice.
func preFiling() []State { return []State{NotFiled, Informal, InformallyResolved} }
func committeeBefore() []State {
	return []State{ComplaintReceived, ChargesCommunicated, DefenceClosed, Inquiry, FindingsSubmitted}
}
func ombudsBefore() []State {
	return []State{OmbudspersonComplaint, ShowCauseIssued, OmbudspersonHearing}
}
func forumRoles() []Role {
	return []Role{InquiryCommittee, CompetentAuthority, Ombudsperson, PresidentOrGovernor}
}
func hearingForums() []Role    { return []Role{InquiryCommittee, Ombudsperson, PresidentOrGovernor} }
func protectiveActors() []Role { return []Role{CompetentAuthority, Employer} }

// proceedingStates() are the states in which a forum is hearing something.
func proceedingStates() []State {
	return []State{ComplaintReceived, ChargesCommunicated, DefenceClosed, Inquiry, FindingsSubmitted, AppealPending,
		OmbudspersonComplaint, ShowCauseIssued, OmbudspersonHearing, RepresentationPending}
}

// afterFindings are the states in which a finding of the committee stands.
func afterFindings() []State {
	return []State{FindingsSubmitted, Decided, DecisionCommunicated, AppealPending, AppealDecided, RepresentationPending, Implementation}
}

// postFiling is every state a filed case can be in that is not terminal.
func postFiling() []State {
	var out []State
	for s := ComplaintReceived; s < stateEnd; s++ {
		if !s.Terminal() {
			out = append(out, s)
		}
	}
	return out
}

// cite builds a citation for a table row.
func cite(section string, c policy.Confidence, note string) policy.Citation {
	return policy.Citation{Section: section, Confidence: c, Note: note}
}

// buildTable returns the transition table for one policy's options, sorted
// by event, then route (any route first), then first source state. It is
// rebuilt for every Definition, so no package-level slice can be mutated.
func buildTable(o tableOptions) []Transition {
	hi := policy.High
	md := policy.Medium
	all := Roles()
	rows := []Transition{
		{Event: FileComplaint, By: []Role{Complainant}, From: []State{NotFiled}, To: ComplaintReceived,
			Citation: cite("s.4(1), Code (vii)-(viii)", hi, "a written complaint to the Inquiry Committee through any of its members")},
		{Event: StartInquiry, By: []Role{InquiryCommittee}, From: []State{DefenceClosed}, To: Inquiry,
			Citation: cite("s.4(1)(c), interpretation 9", md, "the findings period runs from the day the committee records the start")},
		{Event: CommunicateCharges, By: []Role{InquiryCommittee}, From: []State{ComplaintReceived}, To: ChargesCommunicated,
			Citation: cite("s.4(1)(a)", hi, "")},
		{Event: SubmitDefence, By: []Role{Accused}, From: []State{ChargesCommunicated}, To: DefenceClosed, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b)", hi, "")},
		{Event: SubmitDefence, By: []Role{Accused}, From: []State{ShowCauseIssued}, To: OmbudspersonHearing, Route: OmbudspersonRoute,
			Citation: cite("s.8(2)", hi, "")},
		{Event: SubmitDefence, By: []Role{Accused}, From: []State{DefenceClosed, Inquiry}, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b), interpretation 13", md, "only after the forum set its ex parte order aside")},
		{Event: SubmitDefence, By: []Role{Accused}, From: []State{OmbudspersonHearing}, Route: OmbudspersonRoute,
			Citation: cite("s.8(2), interpretation 13", md, "only after the forum set its ex parte order aside")},
		{Event: ProceedExParte, By: []Role{InquiryCommittee}, From: []State{ChargesCommunicated}, To: DefenceClosed, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b), interpretation 14", hi, "the committee shall proceed ex parte once the defence period has run out")},
		{Event: ProceedExParte, By: []Role{Ombudsperson}, From: []State{ShowCauseIssued}, To: OmbudspersonHearing, Route: OmbudspersonRoute,
			Citation: cite("s.8(2), interpretation 14", hi, "the Ombudsperson may proceed ex parte once the defence period has run out")},
		{Event: SubmitFindings, By: []Role{InquiryCommittee}, From: []State{Inquiry}, To: FindingsSubmitted,
			Citation: cite("s.4(4), s.4(3)(f)", hi, "findings in writing with reasons, and recommendations")},
		{Event: Decide, By: []Role{CompetentAuthority}, From: []State{FindingsSubmitted}, To: Decided,
			Citation: cite("s.4(5)", hi, "the Competent Authority imposes the penalty recommended")},
		{Event: CommunicateDecision, By: []Role{CompetentAuthority}, From: []State{Decided}, To: DecisionCommunicated,
			Citation: cite("s.6(1)", hi, "written communication starts the penalised person's appeal period")},
		{Event: CommunicateDecision, By: []Role{CompetentAuthority}, From: []State{DecisionCommunicated, AppealPending},
			Citation: cite("s.6(1)-(2), interpretation 16", md, "a later communication to another party")},
		{Event: IssueShowCause, By: []Role{Ombudsperson}, From: []State{OmbudspersonComplaint}, To: ShowCauseIssued,
			Citation: cite("s.8(2)", hi, "")},
		{Event: DecideComplaint, By: []Role{Ombudsperson}, From: []State{OmbudspersonHearing}, To: OmbudspersonDecided,
			Citation: cite("s.8(5), s.10(2)", hi, "")},
		{Event: FileAppeal, By: []Role{Complainant, Accused}, From: []State{Decided, DecisionCommunicated, AppealPending}, To: AppealPending,
			Citation: cite("s.6(1)-(2), interpretation 16", hi, "each party may appeal; the other's appeal does not bar it")},
		{Event: DecideAppeal, By: []Role{Ombudsperson}, From: []State{AppealPending}, To: AppealDecided,
			Citation: cite("s.6(3)", hi, "")},
		{Event: MakeRepresentation, By: []Role{Complainant, Accused}, From: []State{OmbudspersonDecided, RepresentationPending}, To: RepresentationPending,
			Citation: cite("s.9", hi, "any person aggrieved by a decision under s.8(5)")},
		{Event: DecideRepresentation, By: []Role{PresidentOrGovernor}, From: []State{RepresentationPending}, To: Implementation,
			Citation: cite("s.9", hi, "")},
		{Event: Remand, By: []Role{Ombudsperson, PresidentOrGovernor}, From: []State{AppealPending, RepresentationPending}, To: Inquiry, Route: CommitteeRoute,
			Citation: cite("s.6(3), s.9, interpretation 17", md, "fresh decision by the committee")},
		{Event: Remand, By: []Role{PresidentOrGovernor}, From: []State{RepresentationPending}, To: OmbudspersonHearing, Route: OmbudspersonRoute,
			Citation: cite("s.9, interpretation 17", md, "fresh decision by the Ombudsperson")},
		{Event: Finalise, By: []Role{InquiryCommittee, CompetentAuthority}, From: []State{Decided, DecisionCommunicated, AppealDecided}, To: Implementation, Route: CommitteeRoute,
			Citation: cite("s.4(6), interpretation 18", md, "once no appeal or representation window is open")},
		{Event: Finalise, By: []Role{Ombudsperson}, From: []State{OmbudspersonDecided}, To: Implementation, Route: OmbudspersonRoute,
			Citation: cite("s.8(5), interpretation 18", md, "once no representation window is open")},
		{Event: RecordImplementation, By: []Role{InquiryCommittee, CompetentAuthority, Employer}, From: []State{Implementation}, To: Closed,
			Citation: cite("s.4(6), s.8(5), interpretation 18", hi, "with nothing ordered, records that")},

		{Event: ReplaceMember, By: []Role{InquiryCommittee, CompetentAuthority, Employer}, From: committeeBefore(), Route: CommitteeRoute,
			Citation: cite("s.3(3), interpretation 20", hi, "for this case only; the committee must still satisfy s.3(2)")},
		{Event: RecordStay, By: forumRoles(), From: postFiling(),
			Citation: cite("interpretation 10", md, "a stay order pauses every running period")},
		{Event: LiftStay, By: forumRoles(), From: postFiling(),
			Citation: cite("interpretation 10", md, "the days of the stay are added back")},
		{Event: SetAsideExParte, By: []Role{InquiryCommittee}, From: []State{DefenceClosed, Inquiry}, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b), interpretation 13", md, "")},
		{Event: SetAsideExParte, By: []Role{Ombudsperson}, From: []State{OmbudspersonHearing}, Route: OmbudspersonRoute,
			Citation: cite("s.8(2), interpretation 13", md, "")},
		{Event: HoldHearing, By: hearingForums(), From: proceedingStates(),
			Citation: cite("s.4(2), s.8(3)", hi, "the forum regulates its own sittings")},
		{Event: Adjourn, By: []Role{Complainant, Accused, InquiryCommittee, Ombudsperson, PresidentOrGovernor}, From: proceedingStates(),
			Citation: cite("s.4(2), s.8(3)", hi, "by is who asked for the adjournment")},
		{Event: RecordStatement, By: hearingForums(), From: proceedingStates(),
			Citation: cite("s.5(1), s.10", hi, "")},
		{Event: OrderMedicalExamination, By: []Role{InquiryCommittee, Ombudsperson}, From: proceedingStates(),
			Citation: cite("s.5(2)", hi, "")},
		{Event: OrderConfidentiality, By: []Role{InquiryCommittee, Ombudsperson}, From: postFiling(),
			Citation: cite("s.5(4), s.4(3)(a)", hi, "")},
		{Event: RecordInterimMeasure, By: protectiveActors(), From: append([]State{Informal}, postFiling()...),
			Citation: cite("Code (x)", hi, "temporary adjustments, leave or suspension of the accused")},
		{Event: RecordSupport, By: protectiveActors(), From: postFiling(),
			Citation: cite("s.4(7)", hi, "counselling, medical treatment, additional leave")},
		{Event: AwardCompensation, By: []Role{CompetentAuthority, Ombudsperson, Employer}, From: postFiling(),
			Citation: cite("s.4(8)", hi, "")},
		{Event: ReportRetaliation, By: []Role{Complainant, Accused, Supervisor, InquiryCommittee}, From: States(),
			Citation: cite("s.4(3)(d)-(e), Code (ii)(c), Code (xi)", hi, "retaliation is itself harassment")},
		{Event: ReferFalseComplaint, By: []Role{InquiryCommittee}, From: afterFindings(), Route: CommitteeRoute,
			Citation: cite("s.5(3)", hi, "only after a finding of a false complaint made with mala fide intent")},
		{Event: NotifyEmployer, By: []Role{InquiryCommittee, Ombudsperson}, From: postFiling(),
			Citation: cite("Rules 2013 r.4(2)", hi, "under confidential cover")},
		{Event: AddNote, By: all, From: States(),
			Citation: cite("case record", hi, "a note on the file; moves nothing")},
	}
	if o.direct.Value {
		rows = append(rows, Transition{Event: FileWithOmbudsperson, By: []Role{Complainant}, From: preFiling(), To: OmbudspersonComplaint,
			Citation: withNote(o.direct.Citation, "s.8(1)", "the complainant may go directly to the Ombudsperson")})
	}
	if o.informal.Value {
		rows = append(rows,
			Transition{Event: ReportInformally, By: []Role{Complainant}, From: []State{NotFiled}, To: Informal,
				Citation: withNote(o.informal.Citation, "Code (iii)-(iv)", "to a supervisor or any committee member, on a strictly confidential basis")},
			Transition{Event: ResolveInformally, By: []Role{Supervisor, InquiryCommittee}, From: []State{Informal}, To: InformallyResolved,
				Citation: withNote(o.informal.Citation, "Code (v)", "not terminal: a formal complaint may follow (Code (vii))")},
			Transition{Event: FileComplaint, By: []Role{Complainant, Supervisor, InquiryCommittee}, From: []State{Informal, InformallyResolved}, To: ComplaintReceived,
				Citation: cite("Code (vi)-(vii)", hi, "on someone else's initiative only with the complainant's consent")},
		)
	}
	if o.dismiss.Value {
		rows = append(rows,
			Transition{Event: DismissAtAdmission, By: []Role{InquiryCommittee}, From: []State{ComplaintReceived}, To: Dismissed, Route: CommitteeRoute,
				Citation: withNote(o.dismiss.Citation, "interpretation 12", "with reasons; open to appeal like a decision")},
			Transition{Event: DismissAtAdmission, By: []Role{Ombudsperson}, From: []State{OmbudspersonComplaint}, To: Dismissed, Route: OmbudspersonRoute,
				Citation: withNote(o.dismiss.Citation, "interpretation 12", "with reasons; open to representation like a decision")},
			Transition{Event: FileAppeal, By: []Role{Complainant}, From: []State{Dismissed}, To: AppealPending, Route: CommitteeRoute,
				Citation: cite("s.6(2), interpretation 12", md, "the complainant's appeal against a dismissal at admission")},
			Transition{Event: MakeRepresentation, By: []Role{Complainant}, From: []State{Dismissed}, To: RepresentationPending, Route: OmbudspersonRoute,
				Citation: cite("s.9, interpretation 12", md, "the complainant's representation against a dismissal at admission")},
			Transition{Event: Finalise, By: []Role{InquiryCommittee, CompetentAuthority}, From: []State{Dismissed}, To: Implementation, Route: CommitteeRoute,
				Citation: cite("interpretation 12, interpretation 18", md, "once no appeal window is open")},
			Transition{Event: Finalise, By: []Role{Ombudsperson}, From: []State{Dismissed}, To: Implementation, Route: OmbudspersonRoute,
				Citation: cite("interpretation 12, interpretation 18", md, "once no representation window is open")},
		)
	}
	if o.representationAgainstAppeal.Value {
		rows = append(rows, Transition{Event: MakeRepresentation, By: []Role{Complainant, Accused}, From: []State{AppealDecided}, To: RepresentationPending,
			Citation: withNote(o.representationAgainstAppeal.Citation, "s.9, interpretation 17", "against the Ombudsperson's decision on appeal")})
	}
	if o.withdrawal.Value {
		rows = append(rows,
			Transition{Event: RequestWithdrawal, By: []Role{Complainant}, From: append(committeeBefore(), ombudsBefore()...),
				Citation: withNote(o.withdrawal.Citation, "Rules 2013 r.4(3)", "recorded; the forum decides whether to permit it")},
			Transition{Event: AcceptWithdrawal, By: []Role{InquiryCommittee}, From: committeeBefore(), To: Withdrawn, Route: CommitteeRoute,
				Citation: withNote(o.withdrawal.Citation, "Rules 2013 r.4(3), Code (xi)", "with permission, before the final decision, after recording that it is voluntary")},
			Transition{Event: AcceptWithdrawal, By: []Role{Ombudsperson}, From: ombudsBefore(), To: Withdrawn, Route: OmbudspersonRoute,
				Citation: withNote(o.withdrawal.Citation, "Rules 2013 r.4(3)", "with permission, before the final decision, after recording that it is voluntary")},
		)
	}
	for i := range rows {
		slices.Sort(rows[i].By)
		slices.Sort(rows[i].From)
		rows[i].From = slices.Compact(rows[i].From)
	}
	slices.SortStableFunc(rows, func(a, b Transition) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), cmp.Compare(a.Route, b.Route), cmp.Compare(a.From[0], b.From[0]))
	})
	return rows
}

// withNote returns the policy parameter's citation when it has one, else a
// citation built from the table's own section and note.
func withNote(c policy.Citation, section, note string) policy.Citation {
	if c.Section != "" {
		return c
	}
	return cite(section, policy.Medium, note)
}
