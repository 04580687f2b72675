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

// option names a policy parameter that switches rows on or off: the routes
// an institution or a policy may not offer (interpretations 11, 12, 17,
// 19), and whether a case awaits implementation before it closes
// (interpretation 18).
type option uint8

const (
	optNone option = iota
	optInformal
	optDirect
	optAppeal
	optRepresentation
	optRepresentationAgainstAppeal
	optWithdrawal
	optDismiss
	optImplementation

	optEnd
)

// tableOptions holds, for each option, the policy parameter that sets it.
type tableOptions [optEnd]policy.Param[bool]

// optionsOf reads the table options from a policy's routes and
// interpretations.
func optionsOf(r policy.Routes, in *policy.Interpretations) tableOptions {
	var o tableOptions
	o[optNone] = policy.Param[bool]{Value: true}
	o[optInformal] = r.Informal
	o[optDirect] = r.DirectToOmbudsperson
	o[optAppeal] = r.Appeal
	o[optRepresentation] = r.Representation
	o[optRepresentationAgainstAppeal] = r.RepresentationAgainstAppeal
	o[optWithdrawal] = r.Withdrawal
	o[optDismiss] = r.DismissAtAdmission
	o[optImplementation] = in.ImplementationCloses
	return o
}

// row is a transition with the options it needs.
type row struct {
	t     Transition
	needs []option
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
func protectiveActors() []Role { return []Role{CompetentAuthority, Employer} }

// recorderRoles are the roles that record events on a case: the forums,
// and the supervisor and employer for their own acts.
func recorderRoles() []Role {
	return []Role{Supervisor, InquiryCommittee, CompetentAuthority, Ombudsperson, PresidentOrGovernor, Employer, DistrictCourt}
}

// seizure is a forum and the states in which a case is before it.
type seizure struct {
	forum  Role
	states []State
}

// seizures are the forums that hear a case and the states in which each
// is seized of it: the committee until its findings, the Ombudsperson on a
// direct complaint or an appeal, the President or Governor on a
// representation. Only the forum a case is before holds its hearings,
// records its statements or adjourns it.
func seizures() []seizure {
	return []seizure{
		{InquiryCommittee, committeeBefore()},
		{Ombudsperson, append([]State{AppealPending}, ombudsBefore()...)},
		{PresidentOrGovernor, []State{RepresentationPending}},
	}
}

// hearingRows are the rows of the acts of the forum a case is before: one
// row per forum, so that no forum acts in another's proceedings.
func hearingRows() []row {
	hi := policy.High
	var rows []row
	for _, z := range seizures() {
		rows = append(rows,
			row{t: Transition{Event: HoldHearing, By: []Role{z.forum}, From: z.states,
				Citation: cite("s.4(2), s.8(3)", hi, "the forum the case is before regulates its own sittings")}},
			row{t: Transition{Event: Adjourn, By: []Role{Complainant, Accused, z.forum}, From: z.states,
				Citation: cite("s.4(2), s.8(3)", hi, "by is who asked for the adjournment")}},
			row{t: Transition{Event: RecordStatement, By: []Role{z.forum}, From: z.states,
				Citation: cite("s.5(1), s.10", hi, "")}})
		if z.forum != PresidentOrGovernor {
			rows = append(rows, row{t: Transition{Event: OrderMedicalExamination, By: []Role{z.forum}, From: z.states,
				Citation: cite("s.5(2)", hi, "")}})
		}
	}
	return rows
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
// by event, then route (any route first), then first source state; and, for
// each event whose every row the options removed, the citation of the
// parameter that removed it. Where the policy does not await implementation
// (interpretation 18 off), the rows that lead to implementation close the
// case instead. The table is rebuilt for every Definition, so no
// package-level slice can be shared or mutated.
func buildTable(o tableOptions) ([]Transition, map[EventType]policy.Citation) {
	var kept []Transition
	removed := map[EventType]policy.Citation{}
	for _, r := range allRows() {
		on := true
		for _, opt := range r.needs {
			if !o[opt].Value {
				on = false
				removed[r.t.Event] = withNote(o[opt].Citation, r.t.Citation.Section, "switched off by the policy")
			}
		}
		if on {
			kept = append(kept, r.t)
		}
	}
	for _, t := range kept {
		delete(removed, t.Event)
	}
	if impl := o[optImplementation]; !impl.Value {
		closeAtDecision(kept, impl.Citation)
	}
	for i := range kept {
		slices.Sort(kept[i].By)
		slices.Sort(kept[i].From)
		kept[i].From = slices.Compact(kept[i].From)
	}
	slices.SortStableFunc(kept, func(a, b Transition) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), cmp.Compare(a.Route, b.Route), cmp.Compare(a.From[0], b.From[0]))
	})
	return kept, removed
}

// closeAtDecision points the rows that lead to implementation at closed,
// citing the parameter that says a case does not await implementation.
func closeAtDecision(rows []Transition, param policy.Citation) {
	for i := range rows {
		if rows[i].To == Implementation {
			note := "the case closes here: the policy does not await implementation (" + withNote(param, "interpretation 18", "").Section + ")"
			if n := rows[i].Citation.Note; n != "" {
				note = n + "; " + note
			}
			rows[i].To, rows[i].Citation.Note = Closed, note
		}
	}
}

// withNote returns the policy parameter's citation when it has one, else a
// citation built from the table's own section and note.
func withNote(c policy.Citation, section, note string) policy.Citation {
	if c.Section != "" {
		return c
	}
	return cite(section, policy.Medium, note)
}

// allRows is the statutory table with every route on, each row tagged with
// the options it needs.
func allRows() []row {
	hi, md := policy.High, policy.Medium
	t := func(tr Transition, o ...option) row { return row{t: tr, needs: o} }
	return append(hearingRows(), []row{
		// Informal route (Code (iii)-(vii)).
		t(Transition{Event: ReportInformally, By: []Role{Complainant}, From: []State{NotFiled}, To: Informal,
			Citation: cite("Code (iii)-(iv)", hi, "to a supervisor or any committee member, on a strictly confidential basis")}, optInformal),
		t(Transition{Event: ResolveInformally, By: []Role{Supervisor, InquiryCommittee}, From: []State{Informal}, To: InformallyResolved,
			Citation: cite("Code (v)", hi, "not terminal: a formal complaint may follow (Code (vii))")}, optInformal),

		// First instance: the Inquiry Committee (s.4) or the Ombudsperson (s.8).
		t(Transition{Event: FileComplaint, By: []Role{Complainant}, From: []State{NotFiled}, To: ComplaintReceived,
			Citation: cite("s.4(1), Code (vii)-(viii)", hi, "a written complaint to the Inquiry Committee through any of its members")}),
		t(Transition{Event: FileComplaint, By: []Role{Complainant, Supervisor, InquiryCommittee}, From: []State{Informal, InformallyResolved}, To: ComplaintReceived,
			Citation: cite("Code (vi)-(vii)", hi, "on someone else's initiative only with the complainant's consent")}, optInformal),
		t(Transition{Event: FileWithOmbudsperson, By: []Role{Complainant}, From: preFiling(), To: OmbudspersonComplaint,
			Citation: cite("s.8(1)", hi, "the complainant may go directly to the Ombudsperson")}, optDirect),
		t(Transition{Event: DismissAtAdmission, By: []Role{InquiryCommittee}, From: []State{ComplaintReceived}, To: Dismissed, Route: CommitteeRoute,
			Citation: cite("interpretation 12", md, "with reasons; open to appeal like a decision")}, optDismiss),
		t(Transition{Event: DismissAtAdmission, By: []Role{Ombudsperson}, From: []State{OmbudspersonComplaint}, To: Dismissed, Route: OmbudspersonRoute,
			Citation: cite("interpretation 12", md, "with reasons; open to representation like a decision")}, optDismiss),
		t(Transition{Event: CommunicateCharges, By: []Role{InquiryCommittee}, From: []State{ComplaintReceived}, To: ChargesCommunicated,
			Citation: cite("s.4(1)(a)", hi, "")}),
		t(Transition{Event: SubmitDefence, By: []Role{Accused}, From: []State{ChargesCommunicated}, To: DefenceClosed, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b)", hi, "")}),
		t(Transition{Event: SubmitDefence, By: []Role{Accused}, From: []State{ShowCauseIssued}, To: OmbudspersonHearing, Route: OmbudspersonRoute,
			Citation: cite("s.8(2)", hi, "")}),
		t(Transition{Event: SubmitDefence, By: []Role{Accused}, From: []State{DefenceClosed, Inquiry}, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b), interpretation 13", md, "only after the forum set its ex parte order aside")}),
		t(Transition{Event: SubmitDefence, By: []Role{Accused}, From: []State{OmbudspersonHearing}, Route: OmbudspersonRoute,
			Citation: cite("s.8(2), interpretation 13", md, "only after the forum set its ex parte order aside")}),
		t(Transition{Event: ProceedExParte, By: []Role{InquiryCommittee}, From: []State{ChargesCommunicated}, To: DefenceClosed, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b), interpretation 14", hi, "the committee shall proceed ex parte once the defence period has run out")}),
		t(Transition{Event: ProceedExParte, By: []Role{Ombudsperson}, From: []State{ShowCauseIssued}, To: OmbudspersonHearing, Route: OmbudspersonRoute,
			Citation: cite("s.8(2), interpretation 14", hi, "the Ombudsperson may proceed ex parte once the defence period has run out")}),
		t(Transition{Event: StartInquiry, By: []Role{InquiryCommittee}, From: []State{DefenceClosed}, To: Inquiry,
			Citation: cite("s.4(1)(c), interpretation 9", md, "the findings period runs from the day the committee records the start")}),
		t(Transition{Event: SubmitFindings, By: []Role{InquiryCommittee}, From: []State{Inquiry}, To: FindingsSubmitted,
			Citation: cite("s.4(4), s.4(3)(f)", hi, "findings in writing with reasons, and recommendations")}),
		t(Transition{Event: Decide, By: []Role{CompetentAuthority}, From: []State{FindingsSubmitted}, To: Decided,
			Citation: cite("s.4(5)", hi, "the Competent Authority imposes the penalty recommended")}),
		t(Transition{Event: CommunicateDecision, By: []Role{CompetentAuthority}, From: []State{Decided}, To: DecisionCommunicated,
			Citation: cite("s.6(1)", hi, "written communication starts the penalised person's appeal period")}),
		t(Transition{Event: CommunicateDecision, By: []Role{CompetentAuthority}, From: []State{DecisionCommunicated, AppealPending},
			Citation: cite("s.6(1)-(2), interpretation 16", md, "a later communication to another party")}),
		t(Transition{Event: IssueShowCause, By: []Role{Ombudsperson}, From: []State{OmbudspersonComplaint}, To: ShowCauseIssued,
			Citation: cite("s.8(2)", hi, "")}),
		t(Transition{Event: DecideComplaint, By: []Role{Ombudsperson}, From: []State{OmbudspersonHearing}, To: OmbudspersonDecided,
			Citation: cite("s.8(5), s.10(2)", hi, "")}),

		// Appeal (s.6) and representation (s.9).
		// A party's window is its own: the other party's appeal, even once
		// decided, does not bar it (interpretation 16).
		t(Transition{Event: FileAppeal, By: []Role{Complainant, Accused}, From: []State{Decided, DecisionCommunicated, AppealPending, AppealDecided}, To: AppealPending,
			Citation: cite("s.6(1)-(2), interpretation 16", hi, "each party may appeal; the other's appeal, even once decided, does not bar it")}, optAppeal),
		t(Transition{Event: FileAppeal, By: []Role{Complainant}, From: []State{Dismissed}, To: AppealPending, Route: CommitteeRoute,
			Citation: cite("s.6(2), interpretation 12", md, "the complainant's appeal against a dismissal at admission")}, optAppeal, optDismiss),
		t(Transition{Event: DecideAppeal, By: []Role{Ombudsperson, DistrictCourt}, From: []State{AppealPending}, To: AppealDecided,
			Citation: cite("s.6(3)-(5)", hi, "the District Court decides while no Ombudsperson is appointed")}, optAppeal),
		t(Transition{Event: MakeRepresentation, By: []Role{Complainant, Accused}, From: []State{OmbudspersonDecided, RepresentationPending}, To: RepresentationPending,
			Citation: cite("s.9", hi, "any person aggrieved by a decision under s.8(5); each party may represent")}, optRepresentation),
		t(Transition{Event: MakeRepresentation, By: []Role{Complainant, Accused}, From: []State{AppealDecided}, To: RepresentationPending,
			Citation: cite("s.9, interpretation 17", md, "against the Ombudsperson's decision on appeal")}, optRepresentation, optRepresentationAgainstAppeal),
		t(Transition{Event: MakeRepresentation, By: []Role{Complainant}, From: []State{Dismissed}, To: RepresentationPending, Route: OmbudspersonRoute,
			Citation: cite("s.9, interpretation 12", md, "the complainant's representation against a dismissal at admission")}, optRepresentation, optDismiss),
		t(Transition{Event: MakeRepresentation, By: []Role{Complainant, Accused}, From: []State{Implementation}, To: RepresentationPending,
			Citation: cite("s.9", md, "a party's own window: the other's representation, even once decided, does not bar it")}, optRepresentation),
		t(Transition{Event: DecideRepresentation, By: []Role{PresidentOrGovernor}, From: []State{RepresentationPending}, To: Implementation,
			Citation: cite("s.9", hi, "the President or Governor may pass such order as he deems fit")}, optRepresentation),
		// A remand is made by the forum the case is pending before: the
		// Ombudsperson on appeal (s.6(3)), the President or Governor on a
		// representation (s.9). It goes back to the forum whose decision
		// was challenged: on the committee's route a representation can
		// only be against the Ombudsperson's decision of an appeal, so it
		// goes back to that appeal (interpretation 17).
		t(Transition{Event: Remand, By: []Role{Ombudsperson, DistrictCourt}, From: []State{AppealPending}, To: Inquiry, Route: CommitteeRoute,
			Citation: cite("s.6(3), interpretation 17", md, "the appellate authority remands for fresh decision by the committee")}, optAppeal),
		t(Transition{Event: Remand, By: []Role{PresidentOrGovernor}, From: []State{RepresentationPending}, To: AppealPending, Route: CommitteeRoute,
			Citation: cite("s.9, interpretation 17", md, "for fresh decision of the appeal by the Ombudsperson, whose decision was challenged")}, optAppeal, optRepresentation, optRepresentationAgainstAppeal),
		t(Transition{Event: Remand, By: []Role{PresidentOrGovernor}, From: []State{RepresentationPending}, To: OmbudspersonHearing, Route: OmbudspersonRoute,
			Citation: cite("s.9, interpretation 17", md, "for fresh decision by the Ombudsperson")}, optRepresentation),

		// Implementation (s.4(6), s.8(5), interpretation 18).
		t(Transition{Event: Finalise, By: []Role{InquiryCommittee, CompetentAuthority}, From: []State{Decided, DecisionCommunicated, AppealDecided}, To: Implementation, Route: CommitteeRoute,
			Citation: cite("s.4(6), interpretation 18", md, "once no appeal or representation window is open")}),
		t(Transition{Event: Finalise, By: []Role{Ombudsperson}, From: []State{OmbudspersonDecided}, To: Implementation, Route: OmbudspersonRoute,
			Citation: cite("s.8(5), interpretation 18", md, "once no representation window is open")}),
		t(Transition{Event: Finalise, By: []Role{InquiryCommittee, CompetentAuthority}, From: []State{Dismissed}, To: Implementation, Route: CommitteeRoute,
			Citation: cite("interpretation 12, interpretation 18", md, "once no appeal window is open")}, optDismiss),
		t(Transition{Event: Finalise, By: []Role{Ombudsperson}, From: []State{Dismissed}, To: Implementation, Route: OmbudspersonRoute,
			Citation: cite("interpretation 12, interpretation 18", md, "once no representation window is open")}, optDismiss),
		t(Transition{Event: RecordImplementation, By: []Role{InquiryCommittee, CompetentAuthority, Employer}, From: []State{Implementation}, To: Closed,
			Citation: cite("s.4(6), s.8(5), interpretation 18", hi, "with nothing ordered, records that")}, optImplementation),

		// Withdrawal (Rules 2013 r.4(3), interpretation 19).
		t(Transition{Event: RequestWithdrawal, By: []Role{Complainant}, From: append(committeeBefore(), ombudsBefore()...),
			Citation: cite("Rules 2013 r.4(3)", hi, "recorded; the forum decides whether to permit it")}, optWithdrawal),
		t(Transition{Event: AcceptWithdrawal, By: []Role{InquiryCommittee}, From: committeeBefore(), To: Withdrawn, Route: CommitteeRoute,
			Citation: cite("Rules 2013 r.4(3), Code (xi)", hi, "with permission, before the final decision, once recorded as voluntary")}, optWithdrawal),
		t(Transition{Event: AcceptWithdrawal, By: []Role{Ombudsperson}, From: ombudsBefore(), To: Withdrawn, Route: OmbudspersonRoute,
			Citation: cite("Rules 2013 r.4(3)", hi, "with permission, before the final decision, once recorded as voluntary")}, optWithdrawal),

		t(Transition{Event: RefuseWithdrawal, By: []Role{InquiryCommittee}, From: committeeBefore(), Route: CommitteeRoute,
			Citation: cite("Rules 2013 r.4(3)", hi, "the forum may refuse its permission; the request ends and may be made again")}, optWithdrawal),
		t(Transition{Event: RefuseWithdrawal, By: []Role{Ombudsperson}, From: ombudsBefore(), Route: OmbudspersonRoute,
			Citation: cite("Rules 2013 r.4(3)", hi, "the forum may refuse its permission; the request ends and may be made again")}, optWithdrawal),

		// The record is corrected, never rewritten (interpretation 23).
		t(Transition{Event: VoidEvent, By: recorderRoles(), From: States(),
			Citation: cite("interpretation 23", hi, "by the forum that recorded the voided event, with a reason; both stay in the record")}),

		// Recorded without moving the case.
		t(Transition{Event: ReplaceMember, By: []Role{InquiryCommittee, CompetentAuthority, Employer}, From: committeeBefore(), Route: CommitteeRoute,
			Citation: cite("s.3(3), interpretation 20", hi, "for this case only; the committee must still satisfy s.3(2)")}),
		t(Transition{Event: DesignateChair, By: []Role{InquiryCommittee, CompetentAuthority}, From: committeeBefore(), Route: CommitteeRoute,
			Citation: cite("s.3(2), interpretation 20", md, "a chairperson for this case from amongst the members of its committee, standing or brought in; the Act does not say who designates")}),
		t(Transition{Event: RecordStay, By: forumRoles(), From: postFiling(),
			Citation: cite("interpretation 10", md, "a stay order pauses every running period")}),
		t(Transition{Event: LiftStay, By: forumRoles(), From: postFiling(),
			Citation: cite("interpretation 10", md, "the days of the stay are added back")}),
		t(Transition{Event: SetAsideExParte, By: []Role{InquiryCommittee}, From: []State{DefenceClosed, Inquiry}, Route: CommitteeRoute,
			Citation: cite("s.4(1)(b), interpretation 13", md, "")}),
		t(Transition{Event: SetAsideExParte, By: []Role{Ombudsperson}, From: []State{OmbudspersonHearing}, Route: OmbudspersonRoute,
			Citation: cite("s.8(2), interpretation 13", md, "")}),
		t(Transition{Event: OrderConfidentiality, By: []Role{InquiryCommittee, Ombudsperson}, From: postFiling(),
			Citation: cite("s.5(4), s.4(3)(a)", hi, "")}),
		t(Transition{Event: RecordInterimMeasure, By: protectiveActors(), From: append([]State{Informal}, postFiling()...),
			Citation: cite("Code (x)", hi, "temporary adjustments, leave or suspension of the accused")}),
		t(Transition{Event: RecordSupport, By: protectiveActors(), From: postFiling(),
			Citation: cite("s.4(7)", hi, "counselling, medical treatment, additional leave")}),
		t(Transition{Event: AwardCompensation, By: []Role{CompetentAuthority, Ombudsperson, Employer}, From: postFiling(),
			Citation: cite("s.4(8)", hi, "")}),
		t(Transition{Event: ReportRetaliation, By: []Role{Complainant, Accused, Supervisor, InquiryCommittee, Witness}, From: States(),
			Citation: cite("s.4(3)(d)-(e), Code (ii)(c), Code (xi)", hi, "retaliation is itself harassment; witnesses are protected too (s.4(3)(d)); since 2022 a counter-blast defamation suit is retaliation (kind defamation_suit)")}),
		t(Transition{Event: ReferFalseComplaint, By: []Role{InquiryCommittee}, From: afterFindings(), Route: CommitteeRoute,
			Citation: cite("s.5(3)", hi, "only after a finding of a false complaint made with mala fide intent")}),
		t(Transition{Event: NotifyEmployer, By: []Role{InquiryCommittee, Ombudsperson}, From: postFiling(),
			Citation: cite("Rules 2013 r.4(2)", hi, "under confidential cover")}),
		t(Transition{Event: AddNote, By: Roles(), From: States(),
			Citation: cite("case record", hi, "a note on the file; moves nothing")}),
	}...)
}
