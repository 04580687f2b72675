package policy

// hec2020 returns the HEC university policy: an institutional overlay on the
// federal Act in force on the filing date (interpretation 3, revised), so
// that a case filed before 2022-01-21 runs under Act IV of 2010 as enacted
// (neither 90-day period) and one filed after under the amended Act. The
// returned policy is the overlay on the amended Act, valid from the HEC
// policy's start, with the overlay on the 2010 Act as its earlier era
// ([Policy.At]).
func hec2020(p10, p22 *Policy) *Policy {
	early := hecOn(p10)
	early.validity = Interval{From: hecStart, Until: p10.validity.Until}
	early.title += " (on Act IV of 2010 as enacted, for filings before " + p10.validity.Until.String() + ")"
	late := hecOn(p22)
	late.validity = Interval{From: p22.validity.From}
	p := hecOn(p22)
	p.validity = Interval{From: hecStart}
	p.eras = []*Policy{early, late}
	return p
}

var hecStart = d("2020-07-01")

// hecOn returns the HEC policy as an institutional overlay on base. The HEC 2020 text's committee, day-counts,
// penalties and appeal forum were not read: every
// rule of the institution's own forums (their deadlines, the penalties, the
// committee, the committee's duty to proceed ex parte) is the statute's,
// marked inherited and low; the Ombudsperson's rules and the other routes
// are the statute's own, which the policy leaves open to every aggrieved
// person.
func hecOn(base *Policy) *Policy {
	const unread = "the HEC 2020 text of this point was not read; the statute's rule applies (the policy is made 'consistent with' the Act)"
	mark := func(c Citation) Citation {
		return Citation{Section: c.Section, Confidence: Low, Inherited: true, Note: joinNotes(unread, c.Note)}
	}
	p := &Policy{
		id:           HEC2020,
		title:        "HEC Policy on Protection Against Sexual Harassment in Higher Education Institutions, 2020",
		jurisdiction: base.jurisdiction,
		instrument: Citation{Section: "HEC Policy 2020", Confidence: High,
			Note: "effective 2020-07-01 (title, date and table of contents read); adopted institution by institution; it rests on the federal Act in force on the filing date: Act IV of 2010 as enacted before 2022-01-21, as amended by Act V of 2022 after"},
		base:       base.id,
		rules:      base.Rules(),
		penalties:  base.Penalties(),
		committee:  base.committee,
		notCovered: base.notCovered,
		accused:    base.accused,
		notAccused: base.notAccused,
		routes:     base.routes,
		interp:     base.interp,
		harassment: base.harassment,
		terms:      base.Terms(),
		// The Ombudsperson hears whom the statute lets complain (s.8(1)); the
		// HEC policy widens only the university's own committee.
		ombudsComplainants: base.complainants,
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
	student := Citation{Section: "HEC Policy 2020 s.3 (Jurisdiction)", Confidence: Medium,
		Note: "the policy covers teachers, researchers, scholars, students and staff (institutional copies); it opens the university's own committee, not the Ombudsperson, to students the statute does not cover (interpretation 3)"}
	if c, ok := base.complainants[Student]; ok {
		student.Section += "; " + c.Section
	}
	p.complainants[Student] = student
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
