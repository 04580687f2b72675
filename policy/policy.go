package policy

import "slices"

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
}

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

// CalendarFor returns the id of the holiday calendar that decides which days
// forum f is open (interpretation 7). The organisation's own forums
// (Organisation, InquiryCommittee, CompetentAuthority) default to
// "pk-federal", which a case's own calendar replaces; the federal
// Ombudsperson and the President sit in Islamabad ("pk-islamabad").
// Provincial forums fall back to "pk-federal" with a note, because provincial
// calendars are not in the data. ForumUnknown gives the zero Param. It does
// not allocate.
func (p *Policy) CalendarFor(f Forum) Param[string] {
	switch f {
	case Organisation, InquiryCommittee, CompetentAuthority:
		return Param[string]{Value: CalendarFederal, Citation: Citation{
			Section: "interpretation 7", Confidence: Medium,
			Note: "the organisation's own calendar (the case's calendar) takes precedence; pk-federal is the fallback, with a warning",
		}}
	case Ombudsperson, PresidentOrGovernor:
		if p.jurisdiction == Federal {
			return Param[string]{Value: CalendarIslamabad, Citation: Citation{
				Section: "interpretation 7", Confidence: Medium,
				Note: "the federal Ombudsperson and the President sit in Islamabad",
			}}
		}
		return Param[string]{Value: CalendarFederal, Citation: Citation{
			Section: "interpretation 7", Confidence: Low,
			Note: "provincial calendars are not in the data; the federal calendar is a fallback: check the province's own notifications",
		}}
	}
	return Param[string]{}
}
