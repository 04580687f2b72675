package compliance

import (
	"slices"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// tally is the raw material of a report: counts and durations, never a
// case id or a party. Tallies of several stores add up.
type tally struct {
	received     map[string]int // by route
	relationship map[string]int // by complainant relationship
	disposed     int
	pending      int
	overdue      int              // pending at year end with a forum's deadline past
	stages       map[string][]int // days from filing to each stage
	findings     map[string]int
	penalties    map[string]int
	appealsFiled int
	appealOut    map[string]int // appeals decided, by finding on appeal
	retaliation  int
	withdrawals  int
	kept, missed int
	unreadable   int // stored cases whose history a policy refuses now
}

func newTally() *tally {
	return &tally{received: map[string]int{}, relationship: map[string]int{}, stages: map[string][]int{},
		findings: map[string]int{}, penalties: map[string]int{}, appealOut: map[string]int{}}
}

// add adds u to t.
func (t *tally) add(u *tally) {
	addMap := func(dst, src map[string]int) {
		for k, v := range src {
			dst[k] += v
		}
	}
	addMap(t.received, u.received)
	addMap(t.relationship, u.relationship)
	addMap(t.findings, u.findings)
	addMap(t.penalties, u.penalties)
	addMap(t.appealOut, u.appealOut)
	for k, v := range u.stages {
		t.stages[k] = append(t.stages[k], v...)
	}
	t.disposed += u.disposed
	t.pending += u.pending
	t.overdue += u.overdue
	t.appealsFiled += u.appealsFiled
	t.retaliation += u.retaliation
	t.withdrawals += u.withdrawals
	t.kept += u.kept
	t.missed += u.missed
	t.unreadable += u.unreadable
}

// Route labels of the received table.
const (
	routeInformal     = "informal"
	routeCommittee    = "inquiry_committee"
	routeOmbudsperson = "ombudsperson"
)

// stageOf names the stages whose time from filing the report measures.
var stageOf = map[casefsm.EventType]string{
	casefsm.CommunicateCharges: "charges",
	casefsm.SubmitFindings:     "findings",
	casefsm.Decide:             "decision",
	casefsm.DecideComplaint:    "ombudsperson_decision",
	casefsm.DecideAppeal:       "appeal_decision",
}

// stages lists them in lifecycle order.
var stages = []string{"charges", "findings", "decision", "ombudsperson_decision", "appeal_decision"}

// disposedState reports whether a case in state s is disposed of: closed,
// withdrawn, dismissed at admission or resolved informally.
func disposedState(s casefsm.State) bool {
	return s.Terminal() || s == casefsm.Dismissed || s == casefsm.InformallyResolved
}

// year is the calendar year a report covers.
type year struct{ first, last civil.Date }

func (y year) contains(d civil.Date) bool { return !d.Before(y.first) && !d.After(y.last) }

// caseTally replays one case file's events up to the year's end on c (reset
// for the file) and adds what happened in the year to t.
func (t *tally) addCase(eng *casefsm.Engine, c *casefsm.Case, f *casefsm.CaseFile, y year) {
	if err := eng.Reset(c, f.Header); err != nil {
		t.unreadable++
		return
	}
	var (
		filed, reported civil.Date
		startState      = casefsm.NotFiled
		seen            = map[string]bool{}
		appealFiled     civil.Date
		lastDecision    *casefsm.Event
	)
	for i := range f.Events {
		ev := &f.Events[i]
		if ev.On.After(y.last) {
			break
		}
		if err := c.Replay(*ev); err != nil {
			// A stored history the policy now refuses: count what
			// replayed and say how many such cases there were.
			t.unreadable++
			break
		}
		if ev.On.Before(y.first) {
			startState = c.State()
		}
		switch ev.Type {
		case casefsm.ReportInformally:
			if !reported.IsValid() {
				reported = ev.On
			}
		case casefsm.FileComplaint, casefsm.FileWithOmbudsperson:
			if !filed.IsValid() {
				filed = ev.On
			}
		case casefsm.FileAppeal:
			appealFiled = ev.On
		case casefsm.Decide, casefsm.DecideComplaint, casefsm.DecideAppeal, casefsm.DecideRepresentation:
			lastDecision = ev
		}
		if y.contains(ev.On) {
			t.event(ev, filed, appealFiled, seen)
		}
	}
	first := filed
	if !first.IsValid() {
		first = reported
	}
	if y.contains(first) {
		t.received[routeLabel(c.Route())]++
		rel := string(f.Parties.Complainant.Relationship)
		if rel == "" {
			rel = "not_recorded"
		}
		t.relationship[rel]++
	}
	if lastDecision != nil && y.contains(lastDecision.On) {
		for _, p := range lastDecision.Penalties {
			t.penalties[string(p.Code)]++
		}
	}
	end := c.State()
	switch {
	case disposedState(end) && !disposedState(startState):
		t.disposed++
	case !disposedState(end) && first.IsValid():
		t.pending++
	}
	if disposedState(startState) || !first.IsValid() {
		return
	}
	t.deadlines(c.Status(y.last), y, !disposedState(end))
}

// event tallies one event dated in the year.
func (t *tally) event(ev *casefsm.Event, filed, appealFiled civil.Date, seen map[string]bool) {
	switch ev.Type {
	case casefsm.SubmitFindings:
		t.findings[ev.Finding.String()]++
	case casefsm.FileAppeal:
		t.appealsFiled++
	case casefsm.DecideAppeal:
		label := "no_finding"
		if !ev.Finding.IsZero() {
			label = ev.Finding.String()
		}
		t.appealOut[label]++
	case casefsm.ReportRetaliation:
		t.retaliation++
	case casefsm.AcceptWithdrawal:
		t.withdrawals++
	}
	if st, ok := stageOf[ev.Type]; ok && !seen[st] {
		seen[st] = true
		from := filed
		if ev.Type == casefsm.DecideAppeal {
			from = appealFiled
		}
		if from.IsValid() {
			t.stages[st] = append(t.stages[st], ev.On.Sub(from))
		}
	}
}

// deadlines counts the forums' deadlines due in the year as kept or missed,
// and a pending case with one past due at the year's end.
func (t *tally) deadlines(s casefsm.Status, y year, pending bool) {
	late := false
	for _, d := range s.Deadlines {
		if d.Kind == policy.Filing {
			continue
		}
		if y.contains(d.Due) {
			switch d.Status {
			case deadlines.Met:
				t.kept++
			case deadlines.Late, deadlines.Overdue:
				t.missed++
			}
		}
		late = late || d.Status == deadlines.Overdue
	}
	if pending && late {
		t.overdue++
	}
}

// routeLabel names the route a case took.
func routeLabel(r casefsm.Route) string {
	switch r {
	case casefsm.CommitteeRoute:
		return routeCommittee
	case casefsm.OmbudspersonRoute:
		return routeOmbudsperson
	}
	return routeInformal
}

// labels returns the fixed labels followed by any other keys of m, sorted:
// a table has the same rows every year, so a reader can compare years.
func labels(fixed []string, m map[string]int) []string {
	out := slices.Clone(fixed)
	var extra []string
	for k := range m {
		if !slices.Contains(fixed, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}

// raw builds a raw table from a map and its labels.
func raw(name string, fixed []string, m map[string]int, hasTotal bool) rawTable {
	ls := labels(fixed, m)
	counts := make([]int, len(ls))
	for i, l := range ls {
		counts[i] = m[l]
	}
	return rawTable{name: name, labels: ls, counts: counts, hasTotal: hasTotal}
}
