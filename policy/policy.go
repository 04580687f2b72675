package policy

import (
	"slices"

	"github.com/hifazat/hifazat/civil"
)

// Policy is one version of the law, or an institution's overlay on it, as
// data: its deadline rules, penalties, committee rules, eligibility, routes
// and interpretations, each with its citation.
//
// A Policy is immutable once built (by [Builtin] or [Set.Apply]) and safe for
// concurrent use. Methods returning slices return fresh copies. The zero
// Policy has no rules and no id; it is not a valid policy, and no function of
// this package returns one.
type Policy struct {
	id           ID
	title        string
	jurisdiction Jurisdiction
	validity     Interval
	instrument   Citation
	base         ID

	rules     []DeadlineRule // lifecycle order; few enough to scan
	penalties []Penalty      // s.4(4) order
	committee CommitteeRules

	complainants map[Relationship]Citation
	notCovered   Citation // cited when a relationship may not complain
	accused      map[Relationship]Citation
	notAccused   Citation

	routes Routes
	interp Interpretations

	// ombudsComplainants, for an institutional policy, are who may complain
	// to the Ombudsperson: the statute's complainants, never the ones the
	// institution adds for its own committee. Nil for a statute, whose
	// complainants are the same at every forum.
	ombudsComplainants map[Relationship]Citation
	// eras are the versions of an institutional policy that rests on
	// different statutes by filing date, in date order; nil for a policy
	// with one version.
	eras []*Policy

	harassment Harassment
	terms      []Term
}

// At returns the version of p that governs a case filed on the given day,
// and false if the day is outside p's validity. A policy with one version
// returns itself; hec-2020 returns its overlay on Act IV of 2010 as enacted
// for a day before 2022-01-21 and its overlay on the amended Act after.
func (p *Policy) At(on civil.Date) (*Policy, bool) {
	if !p.validity.Contains(on) {
		return nil, false
	}
	for _, e := range p.eras {
		if e.validity.Contains(on) {
			return e, true
		}
	}
	return p, true
}

// Eras returns the versions of p by filing date (see [Policy.At]), or nil
// when p has one version.
func (p *Policy) Eras() []*Policy { return slices.Clone(p.eras) }

// MayComplainTo reports whether a person with relationship r may complain
// to forum f, with the provision that decides it. Coverage is decided per
// forum (interpretation 3): an institution's own forums hear whom its
// policy covers, the Ombudsperson whom the statute covers (s.8(1): since
// 2022 federally any complainant within s.2(e); in the provinces any
// employee).
func (p *Policy) MayComplainTo(f Forum, r Relationship) (bool, Citation) {
	if f.institutional() || p.ombudsComplainants == nil {
		return p.MayComplain(r)
	}
	if c, ok := p.ombudsComplainants[r]; ok {
		return true, c
	}
	if _, ok := p.complainants[r]; ok {
		return false, Citation{Section: "s.8(1); " + p.notCovered.Section, Confidence: p.notCovered.Confidence,
			Note: "the institution's policy hears this complainant on its own committee; who may complain to the Ombudsperson is for the statute (interpretation 3)"}
	}
	return false, p.notCovered
}

// Harassment returns what the definition of harassment in p reaches.
func (p *Policy) Harassment() Harassment { return p.harassment }

// Terms returns the statutory definitions p encodes beyond who may complain
// and be accused, in section order.
func (p *Policy) Terms() []Term { return slices.Clone(p.terms) }

// ID returns the policy's id, such as "pk-federal-2022".
func (p *Policy) ID() ID { return p.id }

// Title returns the policy's name for people.
func (p *Policy) Title() string { return p.title }

// Jurisdiction returns the legislature whose law the policy is; an
// institutional policy reports its base statute's jurisdiction.
func (p *Policy) Jurisdiction() Jurisdiction { return p.jurisdiction }

// Validity returns the dates the policy is in force: [From, Until).
func (p *Policy) Validity() Interval { return p.validity }

// Instrument returns the citation of the enacting instrument: the Act, the
// provincial adaptation, or the institution's policy.
func (p *Policy) Instrument() Citation { return p.instrument }

// Base returns "" for a statute, and for an institutional policy the id of
// the statute it overlays.
func (p *Policy) Base() ID { return p.base }

// Institutional reports whether p is an institution's overlay rather than a
// statute.
func (p *Policy) Institutional() bool { return p.base != "" }

// Rule returns the deadline rule with the given id, and false if the policy
// has no such rule (for example "ombudsperson-decision" before 2022). It does
// not allocate.
func (p *Policy) Rule(id RuleID) (DeadlineRule, bool) {
	// A scan of at most 17 rules is faster than a map lookup.
	for i := range p.rules {
		if p.rules[i].ID == id {
			return p.rules[i], true
		}
	}
	return DeadlineRule{}, false
}

// Rules returns a copy of every deadline rule, in lifecycle order: the
// committee route (charges, defence, findings, penalty), appeal, the
// Ombudsperson route, representation, then the organisation's standing
// duties.
func (p *Policy) Rules() []DeadlineRule { return slices.Clone(p.rules) }

// Penalty returns the penalty with the given code, and false if the policy
// has none.
func (p *Policy) Penalty(code PenaltyCode) (Penalty, bool) {
	for _, x := range p.penalties {
		if x.Code == code {
			return x, true
		}
	}
	return Penalty{}, false
}

// Penalties returns a copy of the penalty catalogue: the minor penalties,
// then the major ones, in the order of s.4(4).
func (p *Policy) Penalties() []Penalty { return slices.Clone(p.penalties) }

// Committee returns the Inquiry Committee composition rules.
func (p *Policy) Committee() CommitteeRules { return p.committee }

// MayComplain reports whether a person with relationship r to the
// organisation may complain under the policy, with the provision that
// decides it (interpretation 3). An unknown relationship may not complain.
func (p *Policy) MayComplain(r Relationship) (bool, Citation) {
	if c, ok := p.complainants[r]; ok {
		return true, c
	}
	return false, p.notCovered
}

// Complainants returns every relationship that may complain, sorted by
// value.
func (p *Policy) Complainants() []Relationship {
	out := make([]Relationship, 0, len(p.complainants))
	for r := range p.complainants {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// MayBeAccused reports whether a person with relationship r may be the
// accused (s.2(a): an employee or the employer), with the provision that
// decides it.
func (p *Policy) MayBeAccused(r Relationship) (bool, Citation) {
	if c, ok := p.accused[r]; ok {
		return true, c
	}
	return false, p.notAccused
}

// Routes returns the routes a complaint may take.
func (p *Policy) Routes() Routes { return p.routes }

// Interpretations returns the project's documented choices where the law is
// silent.
func (p *Policy) Interpretations() Interpretations { return p.interp }

// Calendar ids used by [Policy.CalendarFor]; the holiday data names them.
const (
	CalendarFederal   = "pk-federal"
	CalendarIslamabad = "pk-islamabad"
)

// CalendarChoice is the holiday calendar whose open days count for a forum,
// with the citation for the choice (interpretation 7). Its Value is the
// calendar's id.
type CalendarChoice struct {
	Param[string]
	// Fallback reports that Value stands in for the forum's own calendar,
	// which is not known: an organisation that named none, or a provincial
	// forum (provincial calendars are not in the data). Whoever shows the
	// deadline should say so.
	Fallback bool `json:"fallback"`
}

// CalendarFor returns the calendar that decides which days forum f is open
// (interpretation 7), given own, the id of the organisation's own calendar
// (a case's calendar; "" when it has none). It is the one place the choice
// is made: package casefsm counts a case's periods on it, and the CLI's
// deadline and policy commands show it.
//
// The organisation's own forums (Organisation, InquiryCommittee,
// CompetentAuthority) use own, or "pk-federal" as a fallback; the federal
// Ombudsperson and the President sit in Islamabad ("pk-islamabad");
// provincial forums fall back to "pk-federal", because provincial calendars
// are not in the data. ForumUnknown gives the zero CalendarChoice. It does
// not allocate.
func (p *Policy) CalendarFor(f Forum, own string) CalendarChoice {
	choose := func(id string, c Confidence, note string, fallback bool) CalendarChoice {
		return CalendarChoice{Param: Param[string]{Value: id, Citation: Citation{Section: "interpretation 7", Confidence: c, Note: note}}, Fallback: fallback}
	}
	switch f {
	case Organisation, InquiryCommittee, CompetentAuthority:
		if own != "" {
			return choose(own, Medium, "the organisation's own calendar, named by the case", false)
		}
		return choose(CalendarFederal, Medium, "the organisation's own calendar (the case's calendar) takes precedence; pk-federal is the fallback, with a warning", true)
	case Ombudsperson, PresidentOrGovernor:
		if p.jurisdiction == Federal {
			return choose(CalendarIslamabad, Medium, "the federal Ombudsperson and the President sit in Islamabad", false)
		}
		return choose(CalendarFederal, Low, "provincial calendars are not in the data; the federal calendar is a fallback: check the province's own notifications", true)
	}
	return CalendarChoice{}
}
