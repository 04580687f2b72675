package committee

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/policy"
)

// finding is one violation or warning as the rules find it, before it is
// translated. It travels through the validator as the value of a reported
// field error, so that validator's translation machinery renders it.
type finding struct {
	code    Code
	variant string   // message variant; "" for the code's only message
	members []string // ids of the members concerned, sorted, never nil
	args    []string // the message's placeholders
	warning bool
}

// key returns the finding's message key in the catalogue.
func (f finding) key() string {
	if f.variant == "" {
		return f.code.String()
	}
	return f.code.String() + "." + f.variant
}

// codeSet is a set of codes, used to compare the committee for a case with
// the standing committee.
type codeSet uint64

// run is one check: the committee, the rules and the options, held by
// value so that a check makes one allocation for all three. The rules read
// it and report findings; it is never modified.
type run struct {
	c     Committee
	rules policy.CommitteeRules
	opts  CheckOptions
}

// assess applies every rule and reports each finding.
func (r *run) assess(report func(finding)) {
	eff, fromCase, chairsOut := r.c.Members, []bool(nil), []string(nil)
	base, baseOut := r.c.Members, []string(nil) // the standing committee, with the case's chair
	kase := r.opts.Case
	if kase != nil && len(kase.Replacements) > 0 {
		eff, fromCase, chairsOut = r.replace(kase.Replacements, report)
	}
	if kase != nil && kase.Chair != "" {
		eff, chairsOut = designate(eff, kase.Chair)
		base, baseOut = designate(base, kase.Chair)
	}
	failed := r.composition(eff, chairsOut, report)
	if fromCase != nil {
		if lost := failed &^ r.composition(base, baseOut, func(finding) {}); lost != 0 {
			report(finding{code: CodeReplacementInvalid, variant: "breaks", members: replacementIDs(kase.Replacements)})
		}
	}
	r.outsiders(eff, fromCase, report)
	r.training(eff, report)
	if kase != nil {
		r.conflicts(eff, kase.Parties, report)
		r.signals(eff, kase.Signals, report)
	}
	r.competentAuthority(report)
}

// replace applies the case's replacements in order (s.3(3)) and returns the
// committee for the case, which of its members came in by replacement, and
// the ids of chairpersons replaced without a chair coming in.
func (r *run) replace(reps []Replacement, report func(finding)) (eff []Member, fromCase []bool, chairsOut []string) {
	eff = slices.Clone(r.c.Members)
	fromCase = make([]bool, len(eff))
	for i, rep := range reps {
		n := strconv.Itoa(i + 1)
		switch j := slices.IndexFunc(eff, func(m Member) bool { return m.ID == rep.Out }); {
		case rep.Out == "":
			report(finding{code: CodeReplacementInvalid, variant: "no_out", members: ids(rep.In.ID), args: []string{n}})
		case rep.Out == rep.In.ID:
			report(finding{code: CodeReplacementInvalid, variant: "same_member", members: ids(rep.Out), args: []string{n, rep.Out}})
		case j < 0:
			report(finding{code: CodeReplacementInvalid, variant: "out_not_member", members: ids(rep.Out), args: []string{n, rep.Out}})
		default:
			if eff[j].Chair && !rep.In.Chair {
				chairsOut = append(chairsOut, eff[j].ID)
			}
			eff[j], fromCase[j] = rep.In, true
		}
	}
	return eff, fromCase, chairsOut
}

// designate returns a copy of ms with the member id as its only chair, and
// id as a chairperson lost when no member has it (chair_not_member).
func designate(ms []Member, id string) ([]Member, []string) {
	out := make([]Member, len(ms))
	found := false
	for i, m := range ms {
		m.Chair = m.ID == id
		found = found || m.Chair
		out[i] = m
	}
	if !found {
		return out, []string{id}
	}
	return out, nil
}

// composition applies the rules of s.3(2) and the composition overlays to
// ms and returns the codes it reported.
func (r *run) composition(ms []Member, chairsOut []string, report func(finding)) codeSet {
	var failed codeSet
	emit := func(f finding) {
		failed |= codeSet(1) << f.code
		report(f)
	}
	rules := &r.rules
	if n := rules.Size.Value; n > 0 && len(ms) != n {
		emit(finding{code: CodeSize, members: []string{}, args: []string{strconv.Itoa(len(ms)), strconv.Itoa(n)}})
	}
	duplicates(ms, emit)
	r.women(ms, emit)
	if rules.SeniorManagement.Value && !slices.ContainsFunc(ms, hasSeat(SeniorManagement)) {
		emit(finding{code: CodeNoSeniorManagement, members: []string{}})
	}
	if rules.EmployeeRepresentative.Value {
		r.employeeSeat(ms, emit)
	}
	r.chairs(ms, chairsOut, emit)
	return failed
}

// duplicates reports each id held by more than one member.
func duplicates(ms []Member, emit func(finding)) {
	var buf [8]string // committees are small: sort on the stack
	sorted := buf[:0]
	for _, m := range ms {
		if m.ID != "" {
			sorted = append(sorted, m.ID)
		}
	}
	slices.Sort(sorted)
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		if j-i > 1 {
			emit(finding{code: CodeDuplicateMember, members: []string{sorted[i]}, args: []string{sorted[i], strconv.Itoa(j - i)}})
		}
		i = j
	}
}

// women applies MinWomen: no_woman when there is none, too_few_women
// when an overlay asks for more than there are.
func (r *run) women(ms []Member, emit func(finding)) {
	want := r.rules.MinWomen.Value
	if want <= 0 {
		return
	}
	n := 0
	for _, m := range ms {
		if m.Gender == Female {
			n++
		}
	}
	switch {
	case n == 0:
		emit(finding{code: CodeNoWoman, members: []string{}})
	case n < want:
		emit(finding{code: CodeTooFewWomen, members: []string{}, args: []string{strconv.Itoa(n), strconv.Itoa(want)}})
	}
}

// employeeSeat applies the employee seat of s.3(2): with a CBA only a
// senior representative of the employees fills it; without one a senior
// employee does too.
func (r *run) employeeSeat(ms []Member, emit func(finding)) {
	if slices.ContainsFunc(ms, hasSeat(EmployeeRepresentative)) {
		return
	}
	seniors := countWhere(ms, hasSeat(SeniorEmployee))
	switch {
	case !r.c.HasCBA && seniors > 0:
		return
	case !r.c.HasCBA:
		emit(finding{code: CodeNoEmployeeRepresentative, members: []string{}})
	case seniors > 0:
		ids := idsWhere(ms, hasSeat(SeniorEmployee))
		emit(finding{code: CodeNoEmployeeRepresentative, variant: "cba_senior_employee", members: ids, args: []string{names(ms, hasSeat(SeniorEmployee))}})
	default:
		emit(finding{code: CodeNoEmployeeRepresentative, variant: "cba", members: []string{}})
	}
}

// chairs applies the chairperson rules: one chair, from amongst the members
// (s.3(2)), and a woman where an overlay says so.
func (r *run) chairs(ms []Member, chairsOut []string, emit func(finding)) {
	isChair := func(m Member) bool { return m.Chair }
	if r.rules.Chair.Value {
		switch n := countWhere(ms, isChair); {
		case n == 0 && len(chairsOut) > 0:
			out := ids(chairsOut...)
			emit(finding{code: CodeChairNotMember, members: out, args: []string{strings.Join(out, ", ")}})
		case n == 0:
			emit(finding{code: CodeNoChair, members: []string{}})
		case n > 1:
			emit(finding{code: CodeSeveralChairs, members: idsWhere(ms, isChair), args: []string{strconv.Itoa(n), names(ms, isChair)}})
		}
	}
	if r.rules.FemaleChair.Value {
		for _, m := range ms {
			if m.Chair && m.Gender != Female {
				emit(finding{code: CodeChairNotFemale, members: ids(m.ID), args: []string{who(m)}})
			}
		}
	}
}

// outsiders applies the co-option rule of s.3(2) to the standing members
// still on the committee; members who came in by replacement for a case may
// come from outside (s.3(3)).
func (r *run) outsiders(ms []Member, fromCase []bool, report func(finding)) {
	if !r.rules.OutsidersOnlyIfNeeded.Value || r.c.CannotDesignateInternally {
		return
	}
	for i, m := range ms {
		if m.External && (fromCase == nil || !fromCase[i]) {
			report(finding{code: CodeOutsiderWithoutNeed, members: ids(m.ID), args: []string{who(m)}})
		}
	}
}

// training applies TrainedWithinMonths: a member is trained on the date
// checked if their last training is on or before it and no more than N
// calendar months earlier (month ends clamp, as civil.Date.AddMonths does).
func (r *run) training(ms []Member, report func(finding)) {
	months := r.rules.TrainedWithinMonths.Value
	if months <= 0 {
		return
	}
	on := r.opts.On
	n := strconv.Itoa(months)
	for _, m := range ms {
		switch t := m.TrainedOn; {
		case !t.IsValid():
			report(finding{code: CodeUntrainedMember, variant: "never", members: ids(m.ID), args: []string{who(m), n}})
		case t.After(on) || on.After(t.AddMonths(months)):
			report(finding{code: CodeUntrainedMember, members: ids(m.ID), args: []string{who(m), t.String(), n, on.String()}})
		}
	}
}

// conflicts applies s.3(3): a member who is a party or a witness to the case
// must be replaced for it. A member with several parts in the case is
// reported once, under the first of complainant, accused, witness.
func (r *run) conflicts(ms []Member, parties []Party, report func(finding)) {
	if !r.rules.ReplaceConflicted.Value {
		return
	}
	for _, m := range ms {
		if m.ID == "" {
			continue
		}
		role := RoleUnset
		for _, p := range parties {
			if p.ID == m.ID && (role == RoleUnset || p.Role < role) {
				role = p.Role
			}
		}
		if role != RoleUnset {
			report(finding{code: CodeConflictedMember, variant: role.String(), members: ids(m.ID), args: []string{m.ID}})
		}
	}
}

// signals reports the host's conflict signals about members of the
// committee for the case: warnings unless the policy refuses them.
func (r *run) signals(ms []Member, signals []Signal, report func(finding)) {
	for _, s := range signals {
		if s.Member == "" || !slices.ContainsFunc(ms, func(m Member) bool { return m.ID == s.Member }) {
			continue
		}
		with := ""
		if s.With != "" {
			with = " (" + s.With + ")"
		}
		report(finding{code: CodeConflictSignal, variant: s.Kind.String(), members: ids(s.Member),
			args: []string{s.Member, with}, warning: !r.rules.SignalsRefuse.Value})
	}
}

// competentAuthority warns where no Competent Authority is recorded
// (s.3(4), s.11(1)) and where the accused is the Competent Authority
// (interpretation 4).
func (r *run) competentAuthority(report func(finding)) {
	ca := r.c.CompetentAuthority
	if ca == "" {
		report(finding{code: CodeNoCompetentAuthority, members: []string{}, warning: true})
	}
	kase := r.opts.Case
	if kase == nil {
		return
	}
	if kase.AccusedIsCompetentAuthority || ca != "" && slices.Contains(kase.Parties, Party{Role: Accused, ID: ca}) {
		report(finding{code: CodeCompetentAuthorityAccused, members: []string{}, warning: true})
	}
}

// hasSeat returns a predicate for members holding seat s.
func hasSeat(s Seat) func(Member) bool { return func(m Member) bool { return m.Seat == s } }

func countWhere(ms []Member, pred func(Member) bool) int {
	n := 0
	for _, m := range ms {
		if pred(m) {
			n++
		}
	}
	return n
}

// idsWhere returns the sorted, non-empty ids of the members matching pred.
func idsWhere(ms []Member, pred func(Member) bool) []string {
	out := []string{}
	for _, m := range ms {
		if pred(m) && m.ID != "" {
			out = append(out, m.ID)
		}
	}
	slices.Sort(out)
	return out
}

// names lists the members matching pred for a message, each as [who]
// names them, sorted and comma-separated.
func names(ms []Member, pred func(Member) bool) string {
	var out []string
	for _, m := range ms {
		if pred(m) {
			out = append(out, who(m))
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// ids returns the non-empty ids given, sorted and without repeats, never
// nil.
func ids(id ...string) []string {
	out := make([]string, 0, len(id))
	for _, s := range id {
		if s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// replacementIDs returns every id replaced or brought in by reps.
func replacementIDs(reps []Replacement) []string {
	all := make([]string, 0, 2*len(reps))
	for _, rep := range reps {
		all = append(all, rep.Out, rep.In.ID)
	}
	return ids(all...)
}

// who names a member in a message: their id, else their name, else "?".
func who(m Member) string { return cmp.Or(m.ID, m.Name, "?") }
