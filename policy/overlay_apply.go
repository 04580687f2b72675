package policy

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Apply checks overlay o against its base policy in s and returns the
// institutional policy it describes: the base's rules with o's changes, each
// changed value cited to the overlay, valid from o.From until the base ends.
// The base may be a statute or an institutional policy, such as hec-2020 or
// another overlay; a base with versions by filing date ([Policy.At])
// gives the overlay the same versions, each checked against its own. Add
// the result to a set with [Set.With].
//
// An institution may be stricter than the statute: shorter periods for its
// own forums' duties (the Organisation, the Inquiry Committee, the Competent
// Authority), more women on the committee, a female chair, trained members,
// conflict signals that refuse. It may never cut a right the
// statute gives: a changed period for a party's filing, a longer period for a
// duty, any period of the Ombudsperson or the President or Governor, fewer
// women, a dropped seat or rule of s.3(2)-(3), or switching off the informal
// route, the direct complaint to the Ombudsperson, the appeal, the
// representation or the complainant's withdrawal (Rules 2013 r.4(3),
// interpretation 19). A refused overlay gives an [*OverlayError] listing every
// violation (errors.Is(err, ErrOverlayRefused)); an overlay that is not well
// formed, names an unknown base, or reuses an id of s gives
// a [*MalformedOverlayError] (errors.Is(err, ErrMalformedOverlay)).
func (s *Set) Apply(o Overlay) (*Policy, error) {
	ov := s.validator
	if ov == nil {
		ov = newOverlayValidator()
	}
	if err := ov.check(o); err != nil {
		return nil, err
	}
	if _, taken := s.byID[o.ID]; taken {
		return nil, &MalformedOverlayError{Field: "id", Reason: fmt.Sprintf("%q already names a policy of the set", o.ID)}
	}
	base, err := s.Get(o.Base)
	if err != nil {
		return nil, &MalformedOverlayError{Field: "base", Reason: err.Error(), Err: err}
	}
	c := overlayCheck{o: o, base: base}
	c.validity()
	c.check()
	// A base with versions by filing date (hec-2020) gives the overlay the
	// same versions, each checked against and built on its own.
	var eras []overlayCheck
	for _, era := range base.eras {
		if u := era.validity.Until; u.IsValid() && !u.After(o.From) {
			continue // ended before the overlay starts
		}
		ec := overlayCheck{o: o, base: era}
		ec.check()
		c.violations = append(c.violations, ec.violations...)
		eras = append(eras, ec)
	}
	if len(c.violations) > 0 {
		slices.SortFunc(c.violations, func(a, b Violation) int {
			return cmp.Or(strings.Compare(a.Field, b.Field), strings.Compare(a.Rule, b.Rule), strings.Compare(a.Section, b.Section), strings.Compare(a.Reason, b.Reason))
		})
		return nil, &OverlayError{Overlay: o.ID, Base: o.Base, Violations: slices.Compact(c.violations)}
	}
	p := c.build()
	p.eras = nil
	for _, ec := range eras {
		ep := ec.build()
		if ep.validity.From.Before(ec.base.validity.From) {
			ep.validity.From = ec.base.validity.From
		}
		p.eras = append(p.eras, ep)
	}
	return p, nil
}

// check collects every violation of the overlay against its base but
// those of its validity.
func (c *overlayCheck) check() {
	c.deadlines()
	c.committee()
	c.routes()
	c.complainants()
	c.interpretations()
}

// overlayCheck collects the violations of one overlay against its base.
type overlayCheck struct {
	o          Overlay
	base       *Policy
	violations []Violation
	interp     Interpretations // the base's, with the overlay's settings
}

func (c *overlayCheck) refuse(field, rule, section, format string, a ...any) {
	c.violations = append(c.violations, Violation{Field: field, Rule: rule, Section: section, Reason: fmt.Sprintf(format, a...)})
}

func (c *overlayCheck) validity() {
	v := c.base.validity
	if !v.Contains(c.o.From) {
		c.refuse("from", "validity", c.base.instrument.Section,
			"%s is outside %s's validity %s: the overlay cannot apply a statute that was not in force", c.o.From, c.base.id, v)
	}
}

func (c *overlayCheck) deadlines() {
	for _, id := range slices.Sorted(maps.Keys(c.o.Deadlines)) {
		p, field := c.o.Deadlines[id], "deadlines."+string(id)
		r, ok := c.base.Rule(id)
		switch {
		case !ok:
			c.refuse(field, string(id), c.base.instrument.Section, "%s has no %s rule to change", c.base.id, id)
		case !r.Forum.institutional():
			c.refuse(field, string(id), r.Citation.Section,
				"the %s's period is fixed by the statute; an institution cannot change it", r.Forum)
		case p.Unit != r.Period.Unit:
			c.refuse(field, string(id), r.Citation.Section, "the statute counts this period in %s, not %s", r.Period.Unit, p.Unit)
		case r.Kind == Filing && p.N != r.Period.N:
			c.refuse(field, string(id), r.Citation.Section, "%s",
				filingReason(r, p))
		case r.Kind != Filing && p.N > r.Period.N:
			c.refuse(field, string(id), r.Citation.Section,
				"%s would let the %s act later than the statute's %s", p, r.Forum, r.Period)
		}
	}
}

func filingReason(r DeadlineRule, p Period) string {
	if p.N < r.Period.N {
		return fmt.Sprintf("%s cuts the party's statutory %s to file", p, r.Period)
	}
	return fmt.Sprintf("%s delays the complainant's case: once the statute's %s run out without a defence the committee shall proceed ex parte", p, r.Period)
}

func (c *overlayCheck) committee() {
	o, b := c.o.Committee, c.base.committee
	if o.Size != nil && *o.Size != b.Size.Value {
		c.refuse("committee.size", "size", b.Size.Citation.Section, "the committee has exactly %d members, not %d", b.Size.Value, *o.Size)
	}
	if o.MinWomen != nil {
		size := b.Size.Value
		switch {
		case *o.MinWomen < b.MinWomen.Value:
			c.refuse("committee.min_women", "min_women", b.MinWomen.Citation.Section,
				"at least %d member(s) must be women, not %d", b.MinWomen.Value, *o.MinWomen)
		case *o.MinWomen > size:
			c.refuse("committee.min_women", "min_women", b.MinWomen.Citation.Section,
				"%d women cannot sit on a committee of %d", *o.MinWomen, size)
		}
	}
	c.keep("committee.", "the statute requires %s", []statutoryBool{
		{"senior_management", o.SeniorManagement, b.SeniorManagement, "a member from senior management"},
		{"employee_representative", o.EmployeeRepresentative, b.EmployeeRepresentative, "a senior representative of the employees"},
		{"chair", o.Chair, b.Chair, "a chairperson designated from amongst the members"},
		{"outsiders_only_if_needed", o.OutsidersOnlyIfNeeded, b.OutsidersOnlyIfNeeded, "co-opting outsiders only when three cannot be designated from within"},
		{"replace_conflicted", o.ReplaceConflicted, b.ReplaceConflicted, "replacing a conflicted member for the case"},
	})
}

// statutoryBool is a rule or right the statute switches on, beside the
// overlay's setting of it.
type statutoryBool struct {
	field string
	set   *bool
	rule  Param[bool]
	what  string
}

// keep refuses every overlay setting that switches off a rule or right the
// statute switches on; format words the refusal around the rule's what.
func (c *overlayCheck) keep(prefix, format string, rules []statutoryBool) {
	for _, r := range rules {
		if r.set != nil && !*r.set && r.rule.Value {
			c.refuse(prefix+r.field, r.field, r.rule.Citation.Section, format, r.what)
		}
	}
}

func (c *overlayCheck) routes() {
	o, b := c.o.Routes, c.base.routes
	c.keep("routes.", "the statute gives %s; an institution cannot remove it", []statutoryBool{
		{"informal", o.Informal, b.Informal, "the complainant's option of informal resolution"},
		{"direct_to_ombudsperson", o.DirectToOmbudsperson, b.DirectToOmbudsperson, "the complainant's option to complain to the Ombudsperson directly"},
		{"appeal", o.Appeal, b.Appeal, "the appeal to the Ombudsperson"},
		{"representation", o.Representation, b.Representation, "the representation to the President or Governor"},
		{"withdrawal", o.Withdrawal, b.Withdrawal, "the complainant's right to ask to withdraw her complaint, with the forum's permission, before the final decision"},
	})
	if p := o.RepresentationAgainstAppeal; p != nil && *p != b.RepresentationAgainstAppeal.Value {
		c.refuse("routes.representation_against_appeal", "representation_against_appeal", b.RepresentationAgainstAppeal.Citation.Section,
			"whether a representation lies against a decision on appeal is for the President or Governor, not the institution")
	}
}

func (c *overlayCheck) complainants() {
	for i, r := range c.o.Complainants {
		if r == Employer || r == CompetentAuthorityMember {
			c.refuse(fmt.Sprintf("complainants[%d]", i), string(r), "s.2(a), (e)",
				"%s is a relationship of the accused, not of a complainant", r)
		}
	}
}

// interpretations applies the overlay's interpretation settings to the
// base's (interpretation 29), collecting the refused ones as violations.
func (c *overlayCheck) interpretations() {
	c.interp = c.base.interp
	names := slices.Sorted(maps.Keys(c.o.Interpretations))
	for _, n := range slices.Sorted(maps.Keys(c.o.InterpretationNotes)) {
		if _, ok := c.o.Interpretations[n]; !ok {
			c.refuse("interpretation_notes."+n, n, "interpretation 29", "notes an interpretation the overlay does not set")
		}
	}
	settings := make([]Setting, 0, len(names))
	for _, n := range names {
		note := c.o.InterpretationNotes[n]
		if note == "" {
			note = joinNotes("set by the institution's policy", c.o.Note)
		}
		settings = append(settings, Setting{Name: n, Value: c.o.Interpretations[n], Note: note})
	}
	in, err := c.base.interp.With(string(c.o.ID), settings...)
	if se, ok := errors.AsType[*SettingError](err); ok {
		c.violations = append(c.violations, se.Violations...)
		return
	}
	c.interp = in
}

// build returns the institutional policy of an accepted overlay.
func (c *overlayCheck) build() *Policy {
	o, b := c.o, c.base
	cite := func(field, note string) Citation {
		return Citation{Section: string(o.ID) + " " + field, Confidence: High, Note: note}
	}
	p := *b // copies the scalars; the slices and maps are replaced below
	p.id, p.title, p.base = o.ID, o.Title, b.id
	p.validity = Interval{From: o.From, Until: b.validity.Until}
	p.instrument = Citation{Section: string(o.ID), Confidence: High,
		Note: joinNotes("institutional overlay on "+string(b.id)+" from "+o.From.String(), o.Note)}
	p.rules = b.Rules()
	for i, r := range p.rules {
		if np, ok := o.Deadlines[r.ID]; ok && np != r.Period {
			p.rules[i].Period = np
			p.rules[i].Citation = cite("deadlines."+string(r.ID),
				fmt.Sprintf("stricter than the statute's %s (%s)", r.Period, r.Citation.Section))
		}
	}
	p.penalties = b.Penalties()
	p.committee = c.overlayCommittee(cite)
	p.routes = c.overlayRoutes(cite)
	p.interp = c.interp
	p.ombudsComplainants = b.complainants
	p.complainants = maps.Clone(b.complainants)
	for _, r := range o.Complainants {
		if _, ok := p.complainants[r]; !ok {
			p.complainants[r] = cite("complainants",
				"heard by the institution's own forums; the Ombudsperson's jurisdiction is the statute's")
		}
	}
	return &p
}

// set replaces dst with the overlay's value v, cited c, where the overlay
// gives one that differs; a restated value keeps the statute's citation.
func set[T comparable](dst *Param[T], v *T, c Citation) {
	if v != nil && *v != dst.Value {
		*dst = Param[T]{Value: *v, Citation: c}
	}
}

func (c *overlayCheck) overlayCommittee(cite func(field, note string) Citation) CommitteeRules {
	o, r := c.o.Committee, c.base.committee
	set(&r.MinWomen, o.MinWomen, cite("committee.min_women", "stricter than s.3(2)'s one woman"))
	set(&r.FemaleChair, o.FemaleChair, cite("committee.female_chair", "the institution requires a woman as chair"))
	set(&r.TrainedWithinMonths, o.TrainedWithinMonths, cite("committee.trained_within_months", "the institution requires trained members"))
	set(&r.SignalsRefuse, o.SignalsRefuse, cite("committee.signals_refuse", "the institution refuses members with conflict signals"))
	return r
}

func (c *overlayCheck) overlayRoutes(cite func(field, note string) Citation) Routes {
	o, r := c.o.Routes, c.base.routes
	set(&r.DismissAtAdmission, o.DismissAtAdmission, cite("routes.dismiss_at_admission", "the institution's choice (interpretation 12)"))
	return r
}
