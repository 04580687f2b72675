package casefsm

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// Citations of the project's own rules of record.
var (
	citeVoid = policy.Citation{Section: "interpretation 23", Confidence: policy.High,
		Note: "the record is corrected, never rewritten: the forum that recorded an event voids it, with a reason"}
	citeRetaliation = policy.Citation{Section: "s.4(3)(d)-(e); Code (xi)", Confidence: policy.High,
		Note: "retaliation against the complainant or a witness; since 2022 a counter-blast defamation suit is retaliation"}
	citeCourtAppeal = policy.Citation{Section: "s.9, s.6(4)", Confidence: policy.Medium,
		Note: "s.9 and FOIRA 2013 reach the Ombudsperson's decisions; a District Court's decision on appeal is not one"}
	// An Ombudsperson who has acted in the case was appointed, so its
	// appeals no longer lie to the District Court.
	citeCourtAfterOmbudsperson = policy.Citation{Section: "s.6(4)-(5)", Confidence: policy.High,
		Note: "the District Court hears appeals until an Ombudsperson is appointed"}
	citeChair = policy.Citation{Section: "s.3(2), interpretation 20", Confidence: policy.High,
		Note: "a Chairperson designated from amongst the members of the committee for the case"}
	// A member who is a party or witness is replaced for the case (s.3(3)),
	// so cannot chair it.
	citeChairConflict = policy.Citation{Section: "s.3(3), interpretation 20", Confidence: policy.High,
		Note: "a member complained against, or party or witness to the case, is replaced for that case"}
	citeRecord         = policy.Citation{Section: "case record", Confidence: policy.High, Note: "events are applied complete and in date order"}
	citeCommencement   = policy.Citation{Section: "interpretation 1", Confidence: policy.High, Note: "the Act operates from its day of assent"}
	citeIncidentPolicy = policy.Citation{Section: "interpretation 2", Confidence: policy.Low, Note: "substance follows the incident date"}
)

// check decides whether ev may be applied, without changing the case.
func (c *Case) check(ev *Event) (plan, *Refusal) {
	if r := c.checkShape(ev); r != nil {
		return plan{}, r
	}
	def, r := c.definitionFor(ev)
	if r != nil {
		return plan{}, r
	}
	p := plan{def: def, route: c.route}
	i, ok := def.lookup(c.route, c.state, ev.Type)
	if !ok {
		return p, c.notInTable(ev, def)
	}
	p.row = i
	if t := def.rows[i]; !slices.Contains(t.By, ev.By) {
		return p, c.refuse(ev, ForbiddenActor, t.Citation, "%s may not %s; the table allows %s", ev.By, verb(ev.Type), roleList(t.By)).onField("by")
	}
	if r := c.checkFields(ev); r != nil {
		return p, r
	}
	if r := c.checkPenalties(ev, def.pol); r != nil {
		return p, r
	}
	return p, c.guard(ev, &p)
}

// refuse builds a refusal of ev in the case's current state.
func (c *Case) refuse(ev *Event, code Code, cit policy.Citation, format string, a ...any) *Refusal {
	if c.probing {
		return &Refusal{Index: len(c.events), Event: ev.Type, State: c.state, Code: code, Citation: cit}
	}
	return &Refusal{Index: len(c.events), Event: ev.Type, State: c.state, Code: code, Message: fmt.Sprintf(format, a...), Citation: cit}
}

// onField marks r as about the event's field name (see [Refusal.Field]).
func (r *Refusal) onField(field string) *Refusal {
	r.Field = field
	return r
}

// refuseSaying builds a refusal whose message names people: its phrases
// let [Refusal.For] redact it for each role.
func (c *Case) refuseSaying(ev *Event, code Code, cit policy.Citation, says ...phrase) *Refusal {
	r := c.refuse(ev, code, cit, "")
	if !c.probing {
		r.Message, r.says = message(says).String(), says
	}
	return r
}

func verb(e EventType) string { return strings.ReplaceAll(e.String(), "_", " ") }

func roleList(rs []Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.String()
	}
	return strings.Join(s, ", ")
}

// definitionFor returns the procedure definition ev is judged by: the
// case's once filed or named, else the statute's in force on ev's date.
func (c *Case) definitionFor(ev *Event) (*Definition, *Refusal) {
	if c.route != NoRoute {
		return c.def, nil
	}
	if c.h.Policy != "" {
		d, inside, err := c.eng.named(c.h.Policy, ev.On)
		if err != nil {
			return nil, c.refuse(ev, NotAllowed, citeCommencement, "policy %s is not known", c.h.Policy)
		}
		if !inside && reportsIncident(ev.Type) && ev.Type != ReportInformally {
			v := d.pol.Validity()
			return nil, c.refuse(ev, NotAllowed, policy.Citation{Section: "interpretation 1; " + d.pol.Instrument().Section, Confidence: policy.High,
				Note: "a policy named for a case applies only to filings inside its validity"},
				"policy %s applies to filings from %s%s; this filing is dated %s", c.h.Policy, v.From, until(v), ev.On)
		}
		return d, nil
	}
	d, err := c.eng.procedure(&c.h, ev.On)
	if err != nil {
		return nil, c.refuse(ev, NotAllowed, citeCommencement, "no %s statute was in force on %s", c.h.Jurisdiction, ev.On)
	}
	return d, nil
}

// until words the end of a validity: " until YYYY-MM-DD (excluded)" or "".
func until(v policy.Interval) string {
	if !v.Until.IsValid() {
		return ""
	}
	return " until " + v.Until.AddDays(-1).String()
}

// notInTable explains why the table has no row for ev here.
func (c *Case) notInTable(ev *Event, def *Definition) *Refusal {
	if cit, off := def.removed[ev.Type]; off {
		return c.refuse(ev, NotAllowed, cit, "policy %s does not provide %s", def.pol.ID(), verb(ev.Type))
	}
	var where []string
	var cit policy.Citation
	for _, t := range def.rows {
		if t.Event != ev.Type || (t.Route != NoRoute && c.route != NoRoute && t.Route != c.route) {
			continue
		}
		if cit.Section == "" {
			cit = t.Citation
		}
		for _, s := range t.From {
			if !slices.Contains(where, s.String()) {
				where = append(where, s.String())
			}
		}
	}
	if len(where) == 0 {
		return c.refuse(ev, NotAllowed, cit, "%s is not possible on the %s route", verb(ev.Type), c.route)
	}
	return c.refuse(ev, NotAllowed, cit, "%s is not possible in state %s; it is possible in %s", verb(ev.Type), c.state, strings.Join(where, ", "))
}

// fieldSet names the optional fields of an event.
type fieldSet uint16

const (
	fReceivedOn fieldSet = 1 << iota
	fFinding
	fPenalties
	fReasonableCause
	fCondonation
	fConsent
	fTo
	fMember
	// fReason and fNote are taken by every type: takes leaves them out.
	fReason
	fNote
	fVoids
	fKind
)

// takes returns the optional fields an event type takes; reason and note
// are taken by every type.
func takes(e EventType) fieldSet {
	switch e {
	case FileComplaint:
		return fReceivedOn | fConsent
	case FileWithOmbudsperson, IssueShowCause:
		return fReceivedOn
	case SubmitFindings:
		return fReceivedOn | fFinding | fPenalties
	case Decide:
		return fPenalties
	case DecideComplaint, DecideAppeal, DecideRepresentation:
		return fFinding | fPenalties
	case SubmitDefence, FileAppeal, MakeRepresentation:
		return fReasonableCause | fCondonation
	case CommunicateDecision:
		return fTo
	case ReplaceMember, DesignateChair:
		return fMember
	case VoidEvent:
		return fVoids
	case ReportRetaliation:
		return fKind
	}
	return 0
}

func (ev *Event) fields() fieldSet {
	var f fieldSet
	set := func(b bool, x fieldSet) {
		if b {
			f |= x
		}
	}
	set(ev.ReceivedOn.IsValid(), fReceivedOn)
	set(ev.Finding != 0, fFinding)
	set(len(ev.Penalties) > 0, fPenalties)
	set(ev.ReasonableCause != "", fReasonableCause)
	set(ev.Condonation != "", fCondonation)
	set(ev.Consent, fConsent)
	set(len(ev.To) > 0, fTo)
	set(ev.Member != nil || ev.Chair != "", fMember)
	set(ev.Voids != 0, fVoids)
	set(ev.Kind != "", fKind)
	return f
}

// checkShape refuses an event that is incomplete, out of order or carries
// fields its type does not take.
func (c *Case) checkShape(ev *Event) *Refusal {
	switch {
	case !ev.Type.IsValid():
		return c.refuse(ev, InvalidEvent, citeRecord, "event type %d is not a known type", uint8(ev.Type)).onField("type")
	case !ev.On.IsValid():
		return c.refuse(ev, InvalidEvent, citeRecord, "the event has no date (on)").onField("on")
	case !ev.By.IsValid():
		return c.refuse(ev, InvalidEvent, citeRecord, "the event has no actor (by)").onField("by")
	case ev.On.Before(c.lastOnFor(ev)):
		return c.refuse(ev, InvalidEvent, citeRecord, "dated %s, before the previous event of %s: events are applied in date order", ev.On, c.lastOnFor(ev)).onField("on")
	case ev.ReceivedOn.IsValid() && ev.ReceivedOn.Before(ev.On):
		return c.refuse(ev, InvalidEvent, citeRecord, "received_on %s is before the event's date %s", ev.ReceivedOn, ev.On).onField("received_on")
	case ev.Finding != 0 && !ev.Finding.IsValid():
		return c.refuse(ev, InvalidEvent, citeRecord, "finding %d is not a known finding", uint8(ev.Finding)).onField("finding")
	}
	if extra := ev.fields() &^ takes(ev.Type); extra != 0 {
		for i, f := range optionalFields {
			if extra&(1<<i) != 0 {
				return c.refuse(ev, InvalidEvent, citeRecord, "field %s does not apply to %s", f.name, ev.Type).onField(f.name)
			}
		}
	}
	if reportsIncident(ev.Type) && c.h.IncidentOn.IsValid() && ev.On.Before(c.h.IncidentOn) {
		return c.refuse(ev, InvalidEvent, citeRecord, "dated %s, before the incident of %s", ev.On, c.h.IncidentOn).onField("on")
	}
	return nil
}

// reportsIncident reports whether e reports the conduct, so cannot precede it.
func reportsIncident(e EventType) bool {
	return e == FileComplaint || e == FileWithOmbudsperson || e == ReportInformally
}

// recipients are who a decision may be communicated to (communicate_decision's
// to): what [Case.Apply] accepts and [Fields] lists.
var recipients = [...]Role{Complainant, Accused, Employer}

// checkFields checks the fields an event type requires and their values.
func (c *Case) checkFields(ev *Event) *Refusal {
	switch {
	case ev.Type == VoidEvent && (ev.Voids < 1 || ev.Voids > len(c.events)):
		return c.refuse(ev, InvalidEvent, citeVoid, "voids names event %d; want the number of an earlier event, 1 to %d", ev.Voids, len(c.events)).onField("voids")
	case ev.Type == VoidEvent && strings.TrimSpace(ev.Reason) == "":
		return c.refuse(ev, InvalidEvent, citeVoid, "voiding an event needs its reason (reason)").onField("reason")
	case ev.Type == ReportRetaliation && ev.Kind != "" && !slices.Contains(retaliationKinds[:], ev.Kind):
		return c.refuse(ev, InvalidEvent, citeRetaliation, "kind %q is not a kind of retaliation report (want %s, or none)", ev.Kind, KindDefamationSuit).onField("kind")
	case requires(ev.Type)&fReason != 0 && strings.TrimSpace(ev.Reason) == "":
		return c.refuse(ev, InvalidEvent, policy.Citation{Section: "interpretation 12", Confidence: policy.Medium}, "a dismissal at admission needs its reasons (reason)").onField("reason")
	case requires(ev.Type)&fFinding != 0 && ev.Finding == 0:
		return c.refuse(ev, InvalidEvent, policy.Citation{Section: "s.4(3)(f)", Confidence: policy.High}, "findings need a finding: guilty, not_guilty or false_and_mala_fide").onField("finding")
	case ev.Type == ReplaceMember && (ev.Member == nil || ev.Chair != "" || ev.Member.Out == "" || ev.Member.In.ID == "" || ev.Member.Out == ev.Member.In.ID):
		return c.refuse(ev, InvalidEvent, policy.Citation{Section: "s.3(3)", Confidence: policy.High}, "a replacement needs the member out and a different member in (member.out, member.in.id)").onField("member")
	case ev.Type == DesignateChair && (ev.Chair == "" || ev.Member != nil):
		return c.refuse(ev, InvalidEvent, citeChair, "designating a chairperson needs the member's id (member: ID)").onField("member")
	}
	for i, r := range ev.To {
		if !slices.Contains(recipients[:], r) || slices.Contains(ev.To[:i], r) {
			return c.refuse(ev, InvalidEvent, citeRecord, "to lists %s; a decision is communicated to the complainant, the accused or the employer, each once", r).onField("to")
		}
	}
	return nil
}

// checkPenalties refuses penalties unknown to the policy, and penalties
// inconsistent with the finding.
func (c *Case) checkPenalties(ev *Event, pol *policy.Policy) *Refusal {
	for _, p := range ev.Penalties {
		if _, ok := pol.Penalty(p.Code); !ok || p.PeriodMonths < 0 || p.Amount < 0 {
			return c.refuse(ev, InvalidEvent, policy.Citation{Section: "s.4(4)", Confidence: policy.High}, "penalty %q is not a penalty of policy %s, or has a negative period or amount", p.Code, pol.ID()).onField("penalties")
		}
	}
	switch {
	case ev.Finding == Guilty && ev.Type == SubmitFindings && len(ev.Penalties) == 0:
		return c.refuse(ev, InvalidEvent, policy.Citation{Section: "s.4(4)", Confidence: policy.High}, "a finding of guilty recommends at least one penalty").onField("penalties")
	case (ev.Finding == NotGuilty || ev.Finding == FalseAndMalaFide) && len(ev.Penalties) > 0:
		return c.refuse(ev, InvalidEvent, policy.Citation{Section: "interpretation 15", Confidence: policy.Medium}, "a finding of %s carries no penalty", ev.Finding).onField("penalties")
	}
	return nil
}

// guard applies the rules of one event type beyond the table.
func (c *Case) guard(ev *Event, p *plan) *Refusal {
	switch ev.Type {
	case FileComplaint, FileWithOmbudsperson:
		return c.guardFiling(ev, p)
	case SubmitDefence:
		return c.guardDefence(ev, p)
	case ProceedExParte:
		return c.guardExParte(ev, p)
	case SetAsideExParte:
		return c.guardSetAside(ev)
	case Decide:
		c.checkMismatch(ev, p)
		c.checkOwnerFine(ev, p)
	case FileAppeal:
		return c.guardAppeal(ev, p)
	case MakeRepresentation:
		return c.guardRepresentation(ev, p)
	case Finalise:
		return c.guardFinalise(ev, p)
	case RequestWithdrawal, AcceptWithdrawal, RefuseWithdrawal:
		return c.guardWithdrawal(ev, p)
	case VoidEvent:
		return c.guardVoid(ev, p)
	case DecideAppeal:
		if r := c.guardAppellate(ev, p); r != nil {
			return r
		}
		c.checkOwnerFine(ev, p)
	case Remand:
		return c.guardAppellate(ev, p)
	case DecideComplaint, DecideRepresentation:
		c.checkOwnerFine(ev, p)
	case RecordStay, LiftStay:
		return c.guardStay(ev, p)
	case ReferFalseComplaint:
		if c.f.finding != FalseAndMalaFide {
			return c.refuse(ev, NotAllowed, p.def.rows[p.row].Citation, "the committee found %s, not a false complaint made with mala fide intent", findingText(c.f.finding))
		}
	case ReplaceMember:
		return c.guardReplacement(ev, p)
	case DesignateChair:
		return c.guardChair(ev)
	}
	return nil
}

func findingText(f Finding) string {
	if f == 0 {
		return "nothing yet"
	}
	return f.String()
}

// guardFiling fixes the case's policies and checks who may complain and be
// accused under the substantive policy (interpretations 2-4).
func (c *Case) guardFiling(ev *Event, p *plan) *Refusal {
	if ev.Type == FileComplaint && ev.By != Complainant && !ev.Consent {
		return c.refuse(ev, ForbiddenActor, p.def.rows[p.row].Citation, "a formal complaint on the %s's initiative needs the complainant's consent (consent: true)", ev.By)
	}
	p.route = CommitteeRoute
	if ev.Type == FileWithOmbudsperson {
		p.route = OmbudspersonRoute
	}
	subst, err := c.eng.substance(&c.h, p.def, ev.On)
	if err != nil {
		return c.refuse(ev, NotAllowed, citeIncidentPolicy, "no %s statute was in force on the incident date %s", c.h.Jurisdiction, c.h.IncidentOn)
	}
	p.subst = subst
	rel := c.h.Parties.Complainant.Relationship
	forum := policy.InquiryCommittee
	if ev.Type == FileWithOmbudsperson {
		forum = policy.Ombudsperson
	}
	extentWarned := false
	if ok, cit := subst.MayComplainTo(forum, rel); !ok {
		if rel == "" {
			return c.refuse(ev, IneligibleComplainant, cit, "the complainant's relationship to the organisation is not recorded (parties.complainant.relationship)")
		}
		w, wider := c.amendedComplainant(ev, p, subst, rel)
		if !wider {
			return c.refuse(ev, IneligibleComplainant, cit, "a %s may not complain under %s, the policy in force on %s", strings.ReplaceAll(string(rel), "_", " "), subst.ID(), c.substanceDate(ev.On))
		}
		p.warnings, extentWarned = append(p.warnings, w), true
	}
	if rel := c.h.Parties.Accused.Relationship; rel != "" {
		if ok, cit := subst.MayBeAccused(rel); !ok {
			return c.refuse(ev, NotAllowed, cit, "a %s may not be the accused under %s", strings.ReplaceAll(string(rel), "_", " "), subst.ID())
		}
	}
	if from := p.def.routes.AmendedFederalTextFrom; !extentWarned && from.Value.IsValid() && !ev.On.Before(from.Value) {
		p.warnings = append(p.warnings, Warning{Code: WarnFederalAmendmentExtent, Citation: from.Citation,
			Message: fmt.Sprintf("filed on %s under %s, which keeps the 2010 text; the federal Act as amended by Act V of 2022 (from %s) still extends to the whole of Pakistan (s.1(2)): whether its 90-day decision periods and its direct route for any complainant apply here is for the forum to decide", ev.On, p.def.pol.ID(), from.Value)})
	}
	if reach := p.def.routes.OmbudspersonReachFrom; ev.Type == FileWithOmbudsperson && reach.Value.IsValid() && c.substanceDate(ev.On).Before(reach.Value) {
		p.warnings = append(p.warnings, Warning{Code: WarnForumMayDismiss, Citation: reach.Citation,
			Message: fmt.Sprintf("the Ombudsperson's published practice is to take up conduct from %s; the incident was on %s: the forum may dismiss at admission (practice, not law: interpretation 12)", reach.Value, c.substanceDate(ev.On))})
	}
	return nil
}

// amendedComplainant returns the warning that hears, on the direct route,
// a complainant the province's own (2010) text leaves out but s.2(e) as
// amended by Act V of 2022 admits: the amended federal Act still claims
// the whole of Pakistan (s.1(2)), so whether it reaches her is a live
// question for the forum, not a refusal (digest-addendum-2 §3.1). The
// amended text is the federal one in force on the incident date (new
// substantive law does not reach back, interpretation 2).
func (c *Case) amendedComplainant(ev *Event, p *plan, subst *policy.Policy, rel policy.Relationship) (Warning, bool) {
	from := p.def.routes.AmendedFederalTextFrom
	if ev.Type != FileWithOmbudsperson || !from.Value.IsValid() || ev.On.Before(from.Value) {
		return Warning{}, false
	}
	fed, err := c.eng.set.For(policy.Federal, c.substanceDate(ev.On))
	if err != nil {
		return Warning{}, false
	}
	ok, cit := fed.MayComplainTo(policy.Ombudsperson, rel)
	if !ok {
		return Warning{}, false
	}
	return Warning{Code: WarnFederalAmendmentExtent,
		Citation: policy.Citation{Section: from.Citation.Section + "; " + cit.Section, Confidence: policy.Low,
			Note: "the 2010 text does not admit this complainant; the amended text, which claims the whole of Pakistan, does"},
		Message: fmt.Sprintf("a %s may not complain under %s, which keeps the 2010 text, but may under %s (%s), which still extends to the whole of Pakistan (s.1(2)): the complaint is heard; whether it lies is for the forum to decide",
			strings.ReplaceAll(string(rel), "_", " "), subst.ID(), fed.ID(), cit.Section)}, true
}

// substanceDate is the date that chooses the substantive policy.
func (c *Case) substanceDate(filed civil.Date) civil.Date {
	if c.h.IncidentOn.IsValid() {
		return c.h.IncidentOn
	}
	return filed
}

// defenceRule is the defence period of the case's route.
func (c *Case) defenceRule() policy.RuleID {
	if c.route == OmbudspersonRoute {
		return policy.RuleOmbudspersonDefence
	}
	return policy.RuleDefence
}

// guardDefence accepts a late defence, marked late, unless ex parte was
// ordered and not set aside (interpretation 13).
func (c *Case) guardDefence(ev *Event, p *plan) *Refusal {
	in := &p.def.in
	if !p.def.rows[p.row].Moves() {
		switch {
		case c.f.defenceOn.IsValid():
			return c.refuse(ev, NotAllowed, p.def.rows[p.row].Citation, "a defence was already received on %s", c.f.defenceOn)
		case !c.f.exParteSetAside:
			return c.refuse(ev, NotAllowed, in.LateDefenceAccepted.Citation, "ex parte was ordered on %s and not set aside; a defence is received only after the forum sets the order aside", c.f.exParteOn)
		}
	}
	k, ok := c.latest(c.defenceRule(), 0)
	if !ok {
		return nil
	}
	d, err := c.deadline(k, ev.On)
	if err != nil {
		p.warnings = append(p.warnings, unavailable(k.rule, err))
		return nil
	}
	if !ev.On.After(d.Due) {
		return nil
	}
	switch {
	case !in.LateDefenceAccepted.Value && ev.ReasonableCause == "" && ev.Condonation == "":
		return c.refuse(ev, TimeBarred, in.LateDefenceAccepted.Citation, "the defence period ended on %s and no reasonable cause is recorded", d.Due)
	case ev.ReasonableCause == "":
		p.warnings = append(p.warnings, Warning{Code: WarnLateDefenceWithoutCause, Citation: in.LateDefenceAccepted.Citation,
			Message: fmt.Sprintf("defence received on %s, after the period ended on %s, with no reasonable cause recorded", ev.On, d.Due)})
	}
	return nil
}

// guardExParte allows ex parte only once the defence period has run out
// with no defence (interpretation 14).
func (c *Case) guardExParte(ev *Event, p *plan) *Refusal {
	in := &p.def.in
	k, ok := c.latest(c.defenceRule(), 0)
	if !in.ExParteAfterDefencePeriod.Value || !ok {
		return nil
	}
	d, err := c.deadline(k, ev.On)
	if err != nil {
		p.warnings = append(p.warnings, unavailable(k.rule, err))
		return nil
	}
	if !ev.On.After(d.Due) {
		return c.refuse(ev, TooEarly, in.ExParteAfterDefencePeriod.Citation, "the defence period runs until %s; ex parte may be ordered from %s", d.Due, d.Due.AddDays(1))
	}
	return nil
}

func (c *Case) guardSetAside(ev *Event) *Refusal {
	cit := policy.Citation{Section: "interpretation 13", Confidence: policy.Medium}
	switch {
	case !c.f.exParteOn.IsValid():
		return c.refuse(ev, NotAllowed, cit, "no ex parte order is recorded")
	case c.f.exParteSetAside:
		return c.refuse(ev, NotAllowed, cit, "the ex parte order of %s was already set aside", c.f.exParteOn)
	}
	return nil
}

// checkMismatch records a decision that differs from the recommendation as
// a breach of s.4(5); it is never refused (interpretation 15).
func (c *Case) checkMismatch(ev *Event, p *plan) {
	in := &p.def.in
	if !in.PenaltyMismatchIsBreach.Value || samePenalties(ev.Penalties, c.f.recommended) {
		return
	}
	b := Breach{Code: BreachPenaltyMismatch, Rule: policy.RulePenalty, On: ev.On, Citation: in.PenaltyMismatchIsBreach.Citation,
		Message: fmt.Sprintf("the Competent Authority imposed %s; the committee recommended %s", penaltyList(ev.Penalties), penaltyList(c.f.recommended))}
	if k, ok := c.latest(policy.RulePenalty, 0); ok {
		if d, err := c.deadline(k, ev.On); err == nil {
			b.Due = d.Due
		}
	}
	p.breaches = append(p.breaches, b)
}

func sortedPenalties(ps []Penalty) []Penalty {
	out := slices.Clone(ps)
	slices.SortFunc(out, func(a, b Penalty) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.PeriodMonths, b.PeriodMonths), cmp.Compare(a.Amount, b.Amount), cmp.Compare(a.Payee, b.Payee))
	})
	return out
}

// samePenalties reports whether a and b hold the same penalties in any
// order. The usual one penalty or none is compared without sorting copies.
func samePenalties(a, b []Penalty) bool {
	switch {
	case len(a) != len(b):
		return false
	case len(a) == 0:
		return true
	case len(a) == 1:
		return a[0] == b[0]
	}
	return slices.Equal(sortedPenalties(a), sortedPenalties(b))
}

func penaltyList(ps []Penalty) string {
	if len(ps) == 0 {
		return "no penalty"
	}
	s := make([]string, len(ps))
	for i, p := range sortedPenalties(ps) {
		s[i] = string(p.Code)
		if p.PeriodMonths > 0 {
			s[i] += fmt.Sprintf(" for %d months", p.PeriodMonths)
		}
		if p.Amount > 0 {
			s[i] += fmt.Sprintf(" of Rs %d", p.Amount)
		}
	}
	return strings.Join(s, ", ")
}

// guardAppeal applies the two appeal anchors of s.6 (interpretation 16)
// and the time bar of interpretation 13.
func (c *Case) guardAppeal(ev *Event, p *plan) *Refusal {
	cit := p.def.rows[p.row].Citation
	switch {
	case c.f.appealed.has(ev.By):
		return c.refuse(ev, NotAllowed, cit, "the %s already appealed this decision", ev.By)
	case ev.By == Accused && len(c.f.imposed) == 0:
		return c.refuse(ev, NotAllowed, policy.Citation{Section: "s.6(1)", Confidence: policy.High}, "only a person on whom a penalty was imposed may appeal, and no penalty was imposed")
	}
	rule := policy.RuleAppealComplainant
	if ev.By == Accused {
		rule = policy.RuleAppealPenalised
	}
	k, ok := c.latest(rule, ev.By)
	if !ok {
		return nil // the penalised person's period has not started: no written communication yet
	}
	return c.checkWindow(ev, p, k)
}

func (c *Case) guardRepresentation(ev *Event, p *plan) *Refusal {
	if c.f.represented.has(ev.By) {
		return c.refuse(ev, NotAllowed, p.def.rows[p.row].Citation, "the %s already made a representation against this decision", ev.By)
	}
	if c.state == AppealDecided && c.f.appealDecidedBy == DistrictCourt {
		return c.refuse(ev, NotAllowed, citeCourtAppeal, "the appeal was decided by the District Court on %s, before an Ombudsperson was appointed (s.6(4)); a representation lies against the Ombudsperson's decision only", c.f.decisionOn)
	}
	if c.state == AppealDecided && !c.representationAgainstAppeal() {
		from := p.def.routes.RepresentationAgainstAppealFrom
		return c.refuse(ev, NotAllowed, from.Citation, "a representation against a decision on appeal rests on FOIRA 2013, in force from %s; the appeal was filed on %s", from.Value, c.f.appealOn)
	}
	if c.state == Implementation && !c.f.representationDecided {
		return c.refuse(ev, NotAllowed, p.def.rows[p.row].Citation, "the decision is final: no representation was decided in this round, so no party's own window remains")
	}
	if k, ok := c.latest(policy.RuleRepresentation, ev.By); ok {
		return c.checkWindow(ev, p, k)
	}
	return nil
}

// checkWindow accepts a filing in time; a late one only with condonation
// (interpretation 13) or, for a complainant told of the decision later,
// within the period counted from being told (interpretation 16).
func (c *Case) checkWindow(ev *Event, p *plan, k clock) *Refusal {
	in := &p.def.in
	d, err := c.deadline(k, ev.On)
	if err != nil {
		p.warnings = append(p.warnings, unavailable(k.rule, err))
		return nil
	}
	if !ev.On.After(d.Due) {
		return nil
	}
	if due, ok := c.knowledgeDue(k, ev.On, in); ok && !ev.On.After(due) {
		p.warnings = append(p.warnings, Warning{Code: WarnLateOnKnowledge, Citation: in.ComplainantKnowledgeAnchor.Citation,
			Message: fmt.Sprintf("appeal filed on %s, after the period from the decision ended on %s, but within the period from the complainant being told on %s (until %s); accepted as late", ev.On, d.Due, c.f.toldComplainant, due)})
		return nil
	}
	switch {
	case ev.Condonation != "":
		x := c.exposure()
		says := message{public(fmt.Sprintf("%s filed on %s, after the period ended on %s; accepted on the forum's condonation: ", verb(ev.Type), ev.On, d.Due)),
			x.quote(ev.Condonation, textClass(FreeText, ev.Type), ev.By)}
		p.warnings = append(p.warnings, Warning{Code: WarnCondonedFiling, Citation: in.LateFilingNeedsCondonation.Citation, Message: says.String(), says: says})
	case in.LateFilingNeedsCondonation.Value:
		return c.refuse(ev, TimeBarred, d.Citation, "%s filed on %s; the %s period from %s ended on %s and no condonation is recorded", verb(ev.Type), ev.On, k.rule, k.from, d.Due)
	default:
		p.warnings = append(p.warnings, Warning{Code: WarnLateFilingAccepted, Citation: in.LateFilingNeedsCondonation.Citation,
			Message: fmt.Sprintf("%s filed on %s, after the period ended on %s; accepted because the policy does not require condonation", verb(ev.Type), ev.On, d.Due)})
	}
	return nil
}

// knowledgeDue returns the end of the complainant's period counted from
// when she was told of the decision, where she was told after it.
func (c *Case) knowledgeDue(k clock, until civil.Date, in *policy.Interpretations) (civil.Date, bool) {
	if k.rule != policy.RuleAppealComplainant || !in.ComplainantKnowledgeAnchor.Value || !c.f.toldComplainant.After(k.from) {
		return civil.Date{}, false
	}
	d, err := c.deadlineFrom(k.rule, c.f.toldComplainant, until)
	return d.Due, err == nil
}

// guardFinalise refuses to finalise while an appeal or representation
// period is open, or has not started for a penalised person not yet told.
func (c *Case) guardFinalise(ev *Event, p *plan) *Refusal {
	cit := p.def.rows[p.row].Citation
	if len(c.f.imposed) > 0 && !c.f.toldAccused.IsValid() && (c.state == Decided || c.state == DecisionCommunicated) && p.def.routes.Appeal.Value {
		return c.refuse(ev, TooEarly, policy.Citation{Section: "s.6(1)", Confidence: policy.High}, "the decision has not been communicated in writing to the penalised person, whose appeal period has not started")
	}
	in := &p.def.in
	for _, k := range c.f.clocks {
		if !k.open() || (k.rule != policy.RuleAppealComplainant && k.rule != policy.RuleAppealPenalised && k.rule != policy.RuleRepresentation) {
			continue
		}
		d, err := c.deadline(k, ev.On)
		if err != nil {
			p.warnings = append(p.warnings, unavailable(k.rule, err))
			continue
		}
		due := d.Due
		if kd, ok := c.knowledgeDue(k, ev.On, in); ok && kd.After(due) {
			due = kd
		}
		if !ev.On.After(due) {
			return c.refuse(ev, TooEarly, cit, "the %s period is open until %s", k.rule, due)
		}
	}
	return nil
}

// guardWithdrawal: the forum permits withdrawal only at the complainant's
// request (Rules 2013 r.4(3)).
func (c *Case) guardWithdrawal(ev *Event, p *plan) *Refusal {
	cit := p.def.rows[p.row].Citation
	switch {
	case ev.Type == RequestWithdrawal && c.f.withdrawalOn.IsValid():
		return c.refuse(ev, NotAllowed, cit, "withdrawal was already requested on %s", c.f.withdrawalOn)
	case ev.Type != RequestWithdrawal && !c.f.withdrawalOn.IsValid():
		return c.refuse(ev, NotAllowed, cit, "no withdrawal request by the complainant is recorded")
	}
	return nil
}

func (c *Case) guardStay(ev *Event, p *plan) *Refusal {
	cit := p.def.rows[p.row].Citation
	switch {
	case ev.Type == RecordStay && c.f.stayFrom.IsValid():
		return c.refuse(ev, NotAllowed, cit, "the stay recorded on %s is still in force", c.f.stayFrom)
	case ev.Type == LiftStay && !c.f.stayFrom.IsValid():
		return c.refuse(ev, NotAllowed, cit, "no stay is in force")
	}
	return nil
}

// guardReplacement refuses a replacement that cannot be one, whatever
// follows it (s.3(3), interpretation 20): a member out who does not sit on
// the committee for the case (never a member, or already replaced for it),
// a member in who already sits on it, or a member in who is a party or a
// witness to the case, whom s.3(3) itself keeps off it. Without a standing
// committee in the header only what the case's own replacements show is
// known. The composition of s.3(2) is not a ground of refusal: when two
// members must be replaced, the first replacement alone may leave the
// committee short (of a woman, say) until the second is recorded, and
// s.3(3) asks only that the committee for the case satisfy s.3(2) when it
// acts; [Case.Status] warns (committee_invalid) while it does not.
func (c *Case) guardReplacement(ev *Event, p *plan) *Refusal {
	cit := p.def.rows[p.row].Citation
	out, in := ev.Member.Out, ev.Member.In.ID
	x := c.exposure()
	if on, known := c.seated(out); known && !on {
		return c.refuseSaying(ev, NotAllowed, cit, x.person(out), public(" does not sit on the committee for this case (not a member, or already replaced for it); only a member can be replaced"))
	}
	if on, _ := c.seated(in); on {
		return c.refuseSaying(ev, NotAllowed, cit, x.person(in), public(" already sits on the committee for this case; a replacement brings in someone else"))
	}
	if role, ok := c.partyRole(in); ok {
		return c.refuseSaying(ev, NotAllowed, cit, x.person(in), public(" is "), x.about(in, role, "a party or a witness"), public(" in this case and may not sit on the committee for it"))
	}
	return nil
}

// guardChair refuses a chair who does not sit on the committee for the
// case (never a member, or replaced for it), or who is a party or a
// witness to it; without a standing committee in the header only the
// case's own replacements are known (interpretation 20).
func (c *Case) guardChair(ev *Event) *Refusal {
	id := ev.Chair
	x := c.exposure()
	if role, ok := c.partyRole(id); ok {
		return c.refuseSaying(ev, NotAllowed, citeChairConflict, x.person(id), public(" is "), x.about(id, role, "a party or a witness"), public(" in this case and may not chair the committee for it"))
	}
	if on, known := c.seated(id); known && !on {
		return c.refuseSaying(ev, NotAllowed, citeChair, x.person(id), public(" does not sit on the committee for this case (not a member, or replaced for it); the chairperson is designated from amongst its members"))
	}
	return nil
}

// seated reports whether the person with id sits on the committee for the
// case, and whether that is known: the last replacement naming them
// decides, else membership of the standing committee, unknown without one.
func (c *Case) seated(id string) (on, known bool) {
	for i := len(c.f.replacements) - 1; i >= 0; i-- {
		switch r := &c.f.replacements[i]; id {
		case r.In.ID:
			return true, true
		case r.Out:
			return false, true
		}
	}
	if c.h.Committee == nil {
		return false, false
	}
	return slices.ContainsFunc(c.h.Committee.Members, func(m committee.Member) bool { return m.ID == id }), true
}

// partyRole returns the part the person with id plays in the case, if any.
func (c *Case) partyRole(id string) (string, bool) {
	ps := &c.h.Parties
	switch {
	case id == ps.Complainant.ID:
		return "the complainant", true
	case id == ps.Accused.ID:
		return "the accused", true
	case slices.ContainsFunc(ps.Witnesses, func(w Party) bool { return w.ID == id }):
		return "a witness", true
	}
	return "", false
}

// committeeCase describes the case to the committee validator.
func (c *Case) committeeCase() committee.Case {
	cc := committee.Case{
		Replacements:                slices.Clone(c.f.replacements),
		Chair:                       c.f.chair,
		AccusedIsCompetentAuthority: c.h.Parties.Accused.Relationship == policy.CompetentAuthorityMember,
	}
	add := func(r committee.Role, id string) {
		if id != "" {
			cc.Parties = append(cc.Parties, committee.Party{Role: r, ID: id})
		}
	}
	add(committee.Complainant, c.h.Parties.Complainant.ID)
	add(committee.Accused, c.h.Parties.Accused.ID)
	for _, w := range c.h.Parties.Witnesses {
		add(committee.Witness, w.ID)
	}
	return cc
}

// guardAppellate sends an appeal to the District Court before the
// jurisdiction's Ombudsperson was appointed (s.6(4)) and to the
// Ombudsperson from then on (s.6(5)); where the day is not known, either
// may decide (interpretation 25), unless an Ombudsperson has already acted
// in the case.
func (c *Case) guardAppellate(ev *Event, p *plan) *Refusal {
	if c.state != AppealPending {
		return nil
	}
	if ev.By == DistrictCourt && c.f.ombudspersonActed {
		// Known from the case itself, whether or not the policy knows the
		// day: an Ombudsperson who acted in it had been appointed.
		return c.refuse(ev, NotAllowed, citeCourtAfterOmbudsperson, "an Ombudsperson has acted in this case, so was appointed: its appeals lie to the Ombudsperson")
	}
	appointed := p.def.routes.OmbudspersonAppointed
	if !appointed.Value.IsValid() {
		return nil
	}
	switch {
	case ev.By == DistrictCourt && !ev.On.Before(appointed.Value):
		return c.refuse(ev, NotAllowed, appointed.Citation, "an Ombudsperson was appointed on %s: pending appeals pass to the Ombudsperson", appointed.Value)
	case ev.By == Ombudsperson && ev.On.Before(appointed.Value):
		return c.refuse(ev, NotAllowed, appointed.Citation, "no Ombudsperson was appointed before %s: until then appeals lie to the District Court", appointed.Value)
	}
	return nil
}
