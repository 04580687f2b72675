package policy

import (
	"fmt"

	"github.com/hifazat/hifazat/civil"
)

func days(n int) Period { return Period{N: n, Unit: Days} }

// appellateDecisionDays is s.6(3)'s period for the Ombudsperson to decide an
// appeal. The appeal-decision rule and the AppellateDecisionDays
// interpretation both state it, so both take it from here.
const appellateDecisionDays = 30

// foiraStart is the day FOIRA 2013 took effect (as Ordinance I of 2013): no
// FOIRA target or FOIRA-based route exists for a complaint or appeal filed
// before it (interpretation 1).
var foiraStart = d("2013-02-12")

func rule(id RuleID, k Kind, p Period, f Forum, trigger string, c Citation) DeadlineRule {
	return DeadlineRule{ID: id, Kind: k, Period: p, Forum: f, Trigger: trigger, Citation: c}
}

// rules returns v's deadline rules in lifecycle order.
func (v variant) rules() []DeadlineRule {
	appealDecision := v.cite("s.6(3)", High, "")
	if v.amended2022 {
		appealDecision = v.cite("s.6(3)", High,
			"unchanged by Act V of 2022; s.8(6)'s 90 days for 'a case or appeal' run beside it, and both are tracked on an appeal (ombudsperson-decision)")
	}
	rs := []DeadlineRule{
		rule(RuleCharges, Duty, days(3), InquiryCommittee, "receipt of the written complaint", v.cite("s.4(1)(a)", High, "")),
		rule(RuleDefence, Filing, days(7), InquiryCommittee, "communication of the charges to the accused", v.cite("s.4(1)(b)", High, "")),
		rule(RuleFindings, Duty, days(30), InquiryCommittee, "the recorded start of the inquiry", v.cite("s.4(4)", High,
			"'initiation of inquiry' is undefined; counted from the day the committee records the start of its inquiry (interpretation 9)")),
		rule(RulePenalty, Duty, days(7), CompetentAuthority, "receipt of the committee's recommendations", v.cite("s.4(5)", High,
			"'within one week' counted as 7 days (interpretation 5)")),
		rule(RuleAppealPenalised, Filing, days(30), Ombudsperson, "written communication of the decision to the penalised person", v.cite("s.6(1)", High, "")),
		rule(RuleAppealComplainant, Filing, days(30), Ombudsperson, "the Competent Authority's decision", v.cite("s.6(2)", High,
			"runs from the decision, not its communication (interpretation 16)")),
		rule(RuleAppealDecision, Duty, days(appellateDecisionDays), Ombudsperson, "filing of the appeal", appealDecision),
		rule(RuleShowCause, Duty, days(3), Ombudsperson, "receipt of the complaint", v.cite("s.8(2)", High, "")),
		rule(RuleOmbudspersonDefence, Filing, days(5), Ombudsperson, "receipt of the show-cause notice", v.cite("s.8(2)", High, "")),
	}
	if v.amended2022 {
		rs = append(rs, rule(RuleOmbudspersonDecision, Target, days(90), Ombudsperson, "filing of the complaint or appeal",
			Citation{Section: "s.8(6) as inserted by Act V of 2022", Confidence: High,
				Note: "'shall decide a case or appeal … within a period of ninety days'; the text names no starting point, and the filing is the natural one (the federal Ombudsperson's office counts from filing); a duty with no stated consequence: tracked, never a bar"}))
	}
	if v.foira {
		r := rule(RuleFOIRADisposal, Target, days(60), Ombudsperson, "filing of the complaint",
			Citation{Section: "FOIRA 2013 (section not read)", Confidence: Medium,
				Note: "federal ombudsmen dispose of complaints within 60 days of filing (reported in a Senate committee's text; the Act itself was not read); a target, never a bar"})
		r.Since = v.foiraSince()
		rs = append(rs, r)
	}
	rs = append(rs, rule(RuleRepresentation, Filing, days(30), PresidentOrGovernor, "the Ombudsperson's decision under s.8(5)", v.cite("s.9", High, "")))
	switch {
	case v.amended2022:
		rs = append(rs, rule(RuleRepresentationDecision, Target, days(90), PresidentOrGovernor, "filing of the representation",
			Citation{Section: "s.9 as amended by Act V of 2022", Confidence: High,
				Note: "'shall decide such representation within ninety days'; counted from the representation's filing, which the text implies; FOIRA 2013 is reported to set the same 90 days for the federal President; tracked, never a bar"}))
	case v.foira:
		r := rule(RuleRepresentationDecision, Target, days(90), PresidentOrGovernor, "filing of the representation",
			Citation{Section: "FOIRA 2013 (section not read)", Confidence: Medium,
				Note: "the 2010 Act sets the President no period; FOIRA 2013 is reported to set 90 days; a target, never a bar"})
		r.Since = v.foiraSince()
		rs = append(rs, r)
	}
	return append(rs,
		rule(RuleCompetentAuthorityNotice, Duty, days(7), Organisation, "the order nominating the Competent Authority", v.rulesCitation()),
		rule(RuleCommitteeConstitution, Duty, days(30), Organisation, "enactment of the Act", v.cite("s.3(1)", High,
			"the Act sets no clock for an organisation created later")),
		rule(RuleCompetentAuthorityDesignation, Duty, days(30), Organisation, "enactment of the Act, where no Competent Authority is designated", v.cite("s.3(4)", High,
			"the Act sets no clock for an organisation created later")),
		rule(RuleCodeDisplay, Duty, Period{N: 6, Unit: Months}, Organisation, "commencement of the Act", v.cite("s.11(2)", High,
			"in English and the language of the majority of employees, at a conspicuous place")),
	)
}

// foiraSince is the day FOIRA's targets start inside v's validity: FOIRA's
// commencement where v began before it, else no limit.
func (v variant) foiraSince() civil.Date {
	if v.validity.From.Before(foiraStart) {
		return foiraStart
	}
	return civil.Date{}
}

// rules2013From notes, for the 2010 policy, that the Rules 2013 postdate
// part of its validity.
func (v variant) rules2013From() string {
	if v.id != FederalAct2010 {
		return ""
	}
	return "the Rules were made in 2013 (the date was not found): before them the Act itself set no such rule"
}

// rulesCitation cites Rules 2013 r.3(2): federal rules, inherited by the
// provinces whose own rules were not read.
func (v variant) rulesCitation() Citation {
	if v.jurisdiction == Federal {
		return Citation{Section: "Rules 2013 r.3(2)", Confidence: High,
			Note: joinNotes("send a copy of the order to the Ombudsperson and circulate it to employees", v.rules2013From())}
	}
	return Citation{Section: "Rules 2013 r.3(2) (federal)", Confidence: Low, Inherited: true,
		Note: "the federal Rules 2013; the province's own rules were not read"}
}

// penalties returns the catalogue of s.4(4), minor then major.
func (v variant) penalties() []Penalty {
	p := func(code PenaltyCode, sev Severity, section, desc string, periodic bool, note string) Penalty {
		return Penalty{Code: code, Severity: sev, Description: desc, Periodic: periodic, Citation: v.cite(section, High, note)}
	}
	ps := []Penalty{
		p(Censure, Minor, "s.4(4)(i)(a)", "censure", false, ""),
		p(WithholdPromotionOrIncrement, Minor, "s.4(4)(i)(b)", "withholding, for a specific period, promotion or increment", true, ""),
		p(StopAtEfficiencyBar, Minor, "s.4(4)(i)(c)", "stoppage, for a specific period, at an efficiency bar in the time-scale, otherwise than for unfitness to cross such bar", true, ""),
		p(RecoverCompensation, Minor, "s.4(4)(i)(d)", "recovery of the compensation payable to the complainant from pay or any other source of the accused", false, ""),
		p(ReduceRank, Major, "s.4(4)(ii)(a)", "reduction to a lower post or time-scale, or to a lower stage in a time-scale", false, ""),
		p(CompulsoryRetirement, Major, "s.4(4)(ii)(b)", "compulsory retirement", false, ""),
		p(Removal, Major, "s.4(4)(ii)(c)", "removal from service", false, ""),
		p(Dismissal, Major, "s.4(4)(ii)(d)", "dismissal from service", false, ""),
		p(Fine, Major, "s.4(4)(ii)(e)", "fine", false,
			"a part of the fine can be used as compensation for the complainant; in case of the owner the fine is payable to the complainant; no cap is stated"),
	}
	if v.amended2022 {
		// (da) sits between (d) and (e) in the amended text.
		da := Penalty{Code: SuspendOrCancelLicense, Severity: Major, Description: "suspension or cancellation of a professional license",
			Citation: Citation{Section: "s.4(4)(ii)(da) as inserted by Act V of 2022", Confidence: High,
				Note: "the lead-in now reads 'one or more of the following penalties, as applicable'"}}
		ps = append(ps[:len(ps)-1], da, ps[len(ps)-1])
	}
	return ps
}

// committee returns the rules of s.3(2)-(3), with the overlay rules off.
func (v variant) committee() CommitteeRules {
	off := func(what string) Citation {
		return v.cite("s.3(2)", High, "not required by the statute: "+what+" is an institutional overlay's choice")
	}
	return CommitteeRules{
		Size:                   Param[int]{3, v.cite("s.3(2)", High, "")},
		MinWomen:               Param[int]{1, v.cite("s.3(2)", High, "'at least one member shall be a woman'")},
		SeniorManagement:       Param[bool]{true, v.cite("s.3(2)", High, "")},
		EmployeeRepresentative: Param[bool]{true, v.cite("s.3(2)", High, "a senior employee where there is no CBA")},
		Chair:                  Param[bool]{true, v.cite("s.3(2)", High, "designated from amongst the members")},
		OutsidersOnlyIfNeeded:  Param[bool]{true, v.cite("s.3(2)", High, "co-opted only if three cannot be designated from within")},
		ReplaceConflicted:      Param[bool]{true, v.cite("s.3(3)", High, "replaced for that case only (interpretation 20)")},
		FemaleChair:            Param[bool]{false, off("a woman as chair")},
		TrainedWithinMonths:    Param[int]{0, off("a training requirement")},
		SignalsRefuse:          Param[bool]{false, off("refusing on conflict signals")},
	}
}

// employees2022 are the relationships s.2(f) as substituted in 2022 adds.
var employees2022 = [...]Relationship{
	Student, Performer, Artist, Sportsperson, Trainee, DomesticWorker, HomeBasedWorker,
	PieceRateWorker, GigWorker, TemporaryWorker, PartTimeWorker, Freelancer, Volunteer,
}

// employees returns who is an "employee" under v's s.2(f), with citations.
func (v variant) employees() map[Relationship]Citation {
	enacted := func(what string) Citation {
		return Citation{Section: "s.2(f)", Confidence: v.eligibility, Note: joinNotes(what, v.eligNote)}
	}
	m := map[Relationship]Citation{
		Employee:   enacted("a regular or contractual employee, on a daily, weekly, monthly or hourly basis"),
		Intern:     enacted(""),
		Apprentice: enacted(""),
	}
	if v.amended2022 {
		for _, r := range employees2022 {
			m[r] = Citation{Section: "s.2(f) as substituted by Act V of 2022", Confidence: High,
				Note: "whether working for remuneration or not, or on a voluntary basis"}
		}
	}
	return m
}

// complainants returns who may complain under v (interpretation 3) and the
// citation for those who may not.
func (v variant) complainants() (map[Relationship]Citation, Citation) {
	m := v.employees()
	if !v.amended2022 {
		return m, Citation{Section: "s.2(e), (f)", Confidence: v.eligibility,
			Note: joinNotes("not an employee within s.2(f) as enacted in 2010 (regular or contractual, daily to hourly, intern, apprentice)", v.eligNote)}
	}
	e := Citation{Section: "s.2(e) as amended by Act V of 2022", Confidence: High}
	m[FormerEmployee] = Citation{Section: e.Section, Confidence: High, Note: "removed or dismissed from service, or resigned"}
	m[GuardianOfMinor] = Citation{Section: e.Section, Confidence: High, Note: "a parent or guardian where the complainant is a minor"}
	return m, Citation{Section: "s.2(e), (f) as amended by Act V of 2022", Confidence: High,
		Note: "not a complainant within s.2(e) nor an employee within s.2(f)"}
}

// accused returns who may be accused under v (s.2(a)) and the citation for
// those who may not.
func (v variant) accused() (map[Relationship]Citation, Citation) {
	m := make(map[Relationship]Citation)
	for r, c := range v.employees() {
		m[r] = Citation{Section: "s.2(a); " + c.Section, Confidence: c.Confidence, Note: "an employee of the organisation"}
	}
	m[Employer] = Citation{Section: "s.2(a), (g)", Confidence: v.eligibility,
		Note: "interpretation 4: the internal route is conflicted; warn and point to the Ombudsperson (s.8(1))"}
	m[CompetentAuthorityMember] = Citation{Section: "s.2(a), (d)", Confidence: v.eligibility,
		Note: "designated by the management, which includes the employer (s.2(j)); interpretation 4: the internal route is conflicted; warn and point to the Ombudsperson (s.8(1))"}
	return m, Citation{Section: "s.2(a)", Confidence: v.eligibility,
		Note: "the accused is an employee or the employer of the organisation; record the relationship at the time of the conduct"}
}

// routes returns the routes of v.
func (v variant) routes() Routes {
	r := Routes{
		Informal:             Param[bool]{true, v.cite("Code (iii)-(vii)", High, "the complainant may go formal at any time (interpretation 11)")},
		DirectToOmbudsperson: Param[bool]{true, v.cite("s.8(1)", High, "the two first-instance routes are alternatives (interpretation 11)")},
		Appeal:               Param[bool]{true, v.cite("s.6(1)-(2)", High, "")},
		Representation:       Param[bool]{true, v.cite("s.9", High, "against the Ombudsperson's decision under s.8(5)")},
		ExParteCommittee:     Param[ExParte]{Mandatory, v.cite("s.4(1)(b)", High, "'shall proceed ex parte'")},
		ExParteOmbudsperson:  Param[ExParte]{Discretionary, v.cite("s.8(2)", High, "'may proceed ex parte'")},
		RepresentationTo:     Param[Authority]{v.authority, v.cite("s.9", High, "")},
		DismissAtAdmission: Param[bool]{true, Citation{Section: "interpretation 12", Confidence: Medium,
			Note: "anonymous complaints, matters pending in another forum, matters outside the Act (the Ombudspersons' practice); with reasons, open to challenge"}},
		OmbudspersonReachFrom:  v.reachFrom,
		AmendedFederalTextFrom: v.amendedFrom,
	}
	if v.authorityCite.Section != "" {
		r.RepresentationTo.Citation = v.authorityCite
	}
	if v.jurisdiction == Federal {
		r.RepresentationTo.Citation.Note = "the federal text names 'the President or Governor, as the case may be'; the President hears representations against the federal Ombudsperson"
		r.RepresentationAgainstAppeal = Param[bool]{true, Citation{Section: "interpretation 17; FOIRA 2013", Confidence: Medium,
			Note: "s.9 names decisions under s.8(5) only; FOIRA 2013 governs the federal Ombudsperson, so a representation is also allowed against a decision on appeal"}}
		if since := v.foiraSince(); since.IsValid() {
			r.RepresentationAgainstAppealFrom = Param[civil.Date]{since, Citation{Section: "interpretation 1; interpretation 17", Confidence: Medium,
				Note: "the route rests on FOIRA 2013, in force from 2013-02-12 (Ordinance I of 2013): not for an appeal filed before it"}}
		}
		r.Withdrawal = Param[bool]{true, Citation{Section: "Rules 2013 r.4(3); interpretation 19", Confidence: High,
			Note: joinNotes("a right of the complainant, with the permission of the committee or Ombudsperson, before the final decision", v.rules2013From())}}
	} else {
		r.RepresentationAgainstAppeal = Param[bool]{false, Citation{Section: "s.9; interpretation 17", Confidence: Low,
			Note: "s.9 names decisions under s.8(5) only, and FOIRA 2013 is federal; a provincial ombudsman law may say otherwise (not read)"}}
		r.Withdrawal = Param[bool]{true, Citation{Section: "interpretation 19; Rules 2013 r.4(3) (federal)", Confidence: Low, Inherited: true,
			Note: "the province's own rules were not read; the federal rule allows withdrawal with the forum's permission before the final decision"}}
	}
	if r.OmbudspersonReachFrom.Citation.Section == "" {
		r.OmbudspersonReachFrom.Citation = Citation{Section: "s.8(1)", Confidence: Medium, Note: "no limit on the incident date is known"}
	}
	if r.AmendedFederalTextFrom.Citation.Section == "" {
		r.AmendedFederalTextFrom.Citation = Citation{Section: "s.1(2)", Confidence: Medium, Note: "the policy's own text governs; no competing claim is known"}
	}
	r.OmbudspersonAppointed = ombudspersonAppointed(v.jurisdiction)
	if r.RepresentationAgainstAppealFrom.Citation.Section == "" {
		r.RepresentationAgainstAppealFrom.Citation = Citation{Section: "interpretation 17", Confidence: Medium, Note: "no date limit"}
	}
	return r
}

// interpretations returns the project's defaults for v.
func (v variant) interpretations() Interpretations {
	yes := func(n int, conf Confidence, law, note string) Param[bool] {
		sec := fmt.Sprintf("interpretation %d", n)
		if law != "" {
			sec += "; " + law
		}
		return Param[bool]{true, Citation{Section: sec, Confidence: conf, Note: note}}
	}
	gca := "General Clauses Act 1897"
	gcaConf := Medium
	if v.jurisdiction != Federal {
		gca = "provincial General Clauses Act"
		gcaConf = Low // the provincial General Clauses Acts were not read
	}
	in := Interpretations{
		GazetteWindow:              v.gazette,
		SubstanceByIncidentDate:    yes(2, Low, "", "no transitional clause was found for Act V of 2022; without incident_on the filing date is used, with a warning"),
		ConflictedRouteWarns:       yes(4, Low, "s.8(1)", "a design choice: warn, never forbid the internal route"),
		CalendarDays:               yes(5, Medium, "", "the Act never says working days"),
		ExcludeTriggerDay:          yes(6, gcaConf, gca+" s.9; Limitation Act s.12", "a missing received_on falls back to the event's date, with a warning"),
		RollForwardFilings:         yes(7, Low, gca+" s.10", "whether s.10 reaches the Ombudsperson and the President is unsettled"),
		FindingsFromRecordedStart:  yes(9, Low, "s.4(4)", "'initiation of inquiry' is undefined"),
		StaysPause:                 yes(10, Low, "", "no provision on stays was read"),
		LateDefenceAccepted:        yes(13, Medium, "s.4(1)(b)", "refused once ex parte is ordered and not set aside"),
		LateFilingNeedsCondonation: yes(13, Low, "Limitation Act s.5", "whether condonation is available is unsettled"),
		ExParteAfterDefencePeriod:  yes(14, High, "s.4(1)(b), s.8(2)", ""),
		PenaltyMismatchIsBreach:    yes(15, High, "s.4(5)", "the remedy is the appeal under s.6"),
		ComplainantKnowledgeAnchor: yes(16, Low, "s.6(2)", "accepted as late, with a warning"),
		ImplementationCloses:       yes(18, High, "s.4(6), s.8(5)", ""),
		RetaliationSurfaced:        yes(21, High, "s.4(3)(d)-(e); Code (ii)(c)", ""),
		ProtectiveDutiesTracked:    yes(22, High, "s.4(7)-(8); Code (x); s.5(4)", ""),
		NoComplaintLimitation:      yes(11, Medium, "Code (xii)", "no limitation period was found in the Act or Rules rr.1-5"),
		AppellateDecisionDays:      Param[int]{appellateDecisionDays, v.cite("s.6(3)", High, "")},
	}
	if v.amended2022 {
		in.AppellateDecisionDays.Citation.Note = "s.6(3)'s 30 days survive the 2022 amendment; s.8(6)'s 90 days are tracked beside them as ombudsperson-decision"
	}
	return in
}

// ombudspersonAppointed returns when jurisdiction j's first Ombudsperson
// was appointed, as reported (s.6(4)-(5), interpretation 25): the month
// only, so its first day; low until verified.
func ombudspersonAppointed(j Jurisdiction) Param[civil.Date] {
	cite := func(note string) Citation {
		return Citation{Section: "s.6(4)-(5); interpretation 25", Confidence: Low, Note: note}
	}
	switch j {
	case Sindh:
		return Param[civil.Date]{d("2012-07-01"), cite("reported as appointed in July 2012; the day is not known, so the month's first day is used")}
	case KP:
		return Param[civil.Date]{d("2019-01-01"), cite("reported as first appointed in January 2019, after a High Court order; the day is not known, so the month's first day is used")}
	}
	return Param[civil.Date]{Citation: cite("the day the first Ombudsperson was appointed was not found: either the District Court or the Ombudsperson may decide an appeal")}
}
