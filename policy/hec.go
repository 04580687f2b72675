package policy

// hec2020 returns the HEC university policy as an institutional overlay on
// the amended federal Act. The HEC 2020 text's committee, day-counts,
// penalties and appeal forum were not read (digest §7, addendum §4): every
// rule of the institution's own forums (their deadlines, the penalties, the
// committee, the committee's duty to proceed ex parte) is the statute's,
// marked inherited and low; the Ombudsperson's rules and the other routes
// are the statute's own, which the policy leaves open to every aggrieved
// person.
func hec2020(base *Policy) *Policy {
	const unread = "the HEC 2020 text of this point was not read; the statute's rule applies (the policy is made 'consistent with' the Act)"
	mark := func(c Citation) Citation {
		return Citation{Section: c.Section, Confidence: Low, Inherited: true, Note: joinNotes(unread, c.Note)}
	}
	p := &Policy{
		id:           HEC2020,
		title:        "HEC Policy on Protection Against Sexual Harassment in Higher Education Institutions, 2020",
		jurisdiction: base.jurisdiction,
		validity:     Interval{From: d("2020-07-01")},
		instrument: Citation{Section: "HEC Policy 2020", Confidence: High,
			Note: "effective 2020-07-01 (title, date and contents read); adopted institution by institution; built here on the federal Act as amended in 2022, which institutions now apply with it: for a case filed before 2022-01-21 also consult pk-federal-2010"},
		base:       base.id,
		rules:      base.Rules(),
		penalties:  base.Penalties(),
		committee:  base.committee,
		notCovered: base.notCovered,
		accused:    base.accused,
		notAccused: base.notAccused,
		routes:     base.routes,
		interp:     base.interp,
	}
	for i, r := range p.rules {
		if r.Forum.institutional() {
			p.rules[i].Citation = mark(r.Citation)
		}
	}
	for i := range p.penalties {
		p.penalties[i].Citation = mark(p.penalties[i].Citation)
	}
	p.committee.forEach(func(c *Citation) { *c = mark(*c) })
	p.routes.ExParteCommittee.Citation = mark(p.routes.ExParteCommittee.Citation)
	p.complainants = make(map[Relationship]Citation, len(base.complainants))
	for r, c := range base.complainants {
		p.complainants[r] = c
	}
	p.complainants[Student] = Citation{Section: "HEC Policy 2020 s.3 (Jurisdiction); s.2(f) as substituted by Act V of 2022", Confidence: Medium,
		Note: "the policy covers teachers, researchers, scholars, students and staff (institutional copies)"}
	return p
}

// institutional reports whether f is one of the organisation's own forums,
// whose rules an institution sets, as opposed to the Ombudsperson and the
// President or Governor.
func (f Forum) institutional() bool {
	return f == Organisation || f == InquiryCommittee || f == CompetentAuthority
}

// forEach calls fn with every citation of r.
func (r *CommitteeRules) forEach(fn func(*Citation)) {
	for _, c := range []*Citation{
		&r.Size.Citation, &r.MinWomen.Citation, &r.SeniorManagement.Citation,
		&r.EmployeeRepresentative.Citation, &r.Chair.Citation, &r.OutsidersOnlyIfNeeded.Citation,
		&r.ReplaceConflicted.Citation, &r.FemaleChair.Citation, &r.TrainedWithinMonths.Citation,
		&r.SignalsRefuse.Citation,
	} {
		fn(c)
	}
}
