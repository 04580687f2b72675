package simulate

import (
	"github.com/hifazat/hifazat/internal/enum"
	"maps"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Aggregates are integer counts and sums only, so merging the accumulators
// of several workers is exact, commutative and associative: the report is
// the same whichever worker simulated which organisation. Their size
// depends on the scenario's period, never on the number of cases.

// histogram counts whole days exactly: counts[d] is how many values were
// d, and the last bucket holds values beyond it (none, when it is sized to
// the period observed).
type histogram struct {
	n, sum int64
	counts []int64
}

func newHistogram(maxDays int) histogram { return histogram{counts: make([]int64, maxDays+1)} }

func (h *histogram) add(days int) {
	h.n++
	h.sum += int64(days)
	h.counts[min(max(days, 0), len(h.counts)-1)]++
}

func (h *histogram) merge(o *histogram) {
	h.n += o.n
	h.sum += o.sum
	for i, c := range o.counts {
		h.counts[i] += c
	}
}

// quantile returns the smallest d with at least ceil(q*n) values at or
// below it (the nearest-rank quantile), or 0 for an empty histogram.
func (h *histogram) quantile(q float64) int {
	if h.n == 0 {
		return 0
	}
	rank := int64(q*float64(h.n) + 0.999999999)
	rank = min(max(rank, 1), h.n)
	seen := int64(0)
	for d, c := range h.counts {
		if seen += c; seen >= rank {
			return d
		}
	}
	return len(h.counts) - 1
}

// End is how a simulated case ended. Values are persisted in reports by
// name; never reorder them.
type End uint8

// The ends of a case.
const (
	// EndClosed: implementation was recorded (s.4(6), s.8(5)).
	EndClosed End = iota
	// EndWithdrawn: the forum permitted the complainant to withdraw.
	EndWithdrawn
	// EndInformallyResolved: resolved informally, with no formal complaint.
	EndInformallyResolved
	// EndRefused: the formal complaint was refused (for example by a
	// complainant the policy does not cover), so there is no case.
	EndRefused
	// EndStalled: an act the scenario called for was refused and the case
	// could go no further (a sign the scenario's forums act out of order).
	EndStalled
	// EndOpen: still open at the end of observation.
	EndOpen

	endCount
)

var endNames = enum.New[End]("simulate", "end", "closed", "withdrawn", "informally_resolved", "refused", "stalled", "open")

// String returns the name, or "%!End(N)" for a value that has none.
func (e End) String() string { return endNames.String(e) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (e End) MarshalText() ([]byte, error) { return endNames.MarshalText(e) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (e *End) UnmarshalText(b []byte) error { return endNames.Unmarshal(e, b) }

// caseRules are the deadline rules a case can start, in lifecycle order:
// the order of the report.
var caseRules = [...]policy.RuleID{
	policy.RuleCharges, policy.RuleDefence, policy.RuleFindings, policy.RulePenalty,
	policy.RuleAppealPenalised, policy.RuleAppealComplainant, policy.RuleAppealDecision,
	policy.RuleShowCause, policy.RuleOmbudspersonDefence, policy.RuleOmbudspersonDecision,
	policy.RuleFOIRADisposal, policy.RuleRepresentation, policy.RuleRepresentationDecision,
}

// ruleIndex returns the index of id in caseRules, or len(caseRules) for a
// rule this package does not know (counted as "other").
func ruleIndex(id policy.RuleID) int {
	for i, r := range caseRules {
		if r == id {
			return i
		}
	}
	return len(caseRules)
}

// breachCodes are the breach codes reported, in this order; others are
// counted as the last.
var breachCodes = [...]casefsm.BreachCode{casefsm.BreachLateDuty, casefsm.BreachOverdueDuty, casefsm.BreachPenaltyMismatch}

func breachIndex(c casefsm.BreachCode) int {
	for i, b := range breachCodes {
		if b == c {
			return i
		}
	}
	return len(breachCodes)
}

// ruleAcc counts the deadlines of one rule: how many started, their status
// at the case's end (indexed by deadlines.Status), how many touch an
// estimated holiday, and the breaches recorded against the rule.
type ruleAcc struct {
	started   int64
	status    [deadlines.Lapsed + 1]int64
	estimated int64
	breaches  [len(breachCodes) + 1]int64
}

// refusalKey is a refused act: the event and the refusal code.
type refusalKey struct {
	event casefsm.EventType
	code  casefsm.Code
}

// filingAcc counts appeals or representations.
type filingAcc struct{ filed, refused, decided int64 }

// accumulator is one worker's aggregates.
type accumulator struct {
	cases    int64
	orgs     int64
	ends     [endCount]int64
	findings [3]int64 // guilty, not guilty, false and mala fide

	stages    []histogram // by casefsm.State: days from arrival to first entry
	closure   histogram   // days from arrival to the end, for closed, withdrawn and informally resolved cases
	queueWait histogram   // days a complaint waited for a place on the committee

	rules    [len(caseRules) + 1]ruleAcc
	refusals map[refusalKey]int64
	appeals  filingAcc
	reps     filingAcc

	// By month from the period's start: arrivals, and the changes in the
	// open and queued counts at each month's end (running sums give them).
	arrivals, open, queued []int64
}

func newAccumulator(w *world) *accumulator {
	maxDays := w.end.Sub(w.start)
	a := &accumulator{
		stages:    make([]histogram, len(casefsm.States())+1),
		closure:   newHistogram(maxDays),
		queueWait: newHistogram(maxDays),
		refusals:  make(map[refusalKey]int64),
		arrivals:  make([]int64, w.months+1),
		open:      make([]int64, w.months+1),
		queued:    make([]int64, w.months+1),
	}
	for i := range a.stages {
		a.stages[i] = newHistogram(maxDays)
	}
	return a
}

// merge adds o's counts to a.
func (a *accumulator) merge(o *accumulator) {
	a.cases += o.cases
	a.orgs += o.orgs
	for i := range a.ends {
		a.ends[i] += o.ends[i]
	}
	for i := range a.findings {
		a.findings[i] += o.findings[i]
	}
	for i := range a.stages {
		a.stages[i].merge(&o.stages[i])
	}
	a.closure.merge(&o.closure)
	a.queueWait.merge(&o.queueWait)
	for i := range a.rules {
		r, q := &a.rules[i], &o.rules[i]
		r.started += q.started
		r.estimated += q.estimated
		for j := range r.status {
			r.status[j] += q.status[j]
		}
		for j := range r.breaches {
			r.breaches[j] += q.breaches[j]
		}
	}
	for k, n := range maps.All(o.refusals) {
		a.refusals[k] += n
	}
	a.appeals.add(o.appeals)
	a.reps.add(o.reps)
	for i := range a.arrivals {
		a.arrivals[i] += o.arrivals[i]
		a.open[i] += o.open[i]
		a.queued[i] += o.queued[i]
	}
}

func (f *filingAcc) add(o filingAcc) {
	f.filed += o.filed
	f.refused += o.refused
	f.decided += o.decided
}

// month returns the index of d's month counted from the period's start
// month, cut to [0, months] (months meaning "after the end").
func (w *world) month(d civil.Date) int {
	m := (d.Year()-w.start.Year())*12 + int(d.Month()) - int(w.start.Month())
	return min(max(m, 0), w.months)
}

// interval records that something was in a state from from (inclusive) to
// to (exclusive; the zero Date: still at the end) in the monthly series s:
// it counts at the end of every month from from's to the one before to's.
func (w *world) interval(s []int64, from, to civil.Date) {
	s[w.month(from)]++
	if to.IsValid() {
		s[w.month(to)]--
	}
}

// status records the deadlines and breaches of a case's final status.
func (a *accumulator) status(st *casefsm.Status) {
	for i := range st.Deadlines {
		d := &st.Deadlines[i]
		r := &a.rules[ruleIndex(d.Rule)]
		r.started++
		if int(d.Status) < len(r.status) {
			r.status[d.Status]++
		}
		if d.TouchesEstimatedHoliday {
			r.estimated++
		}
	}
	for _, b := range st.Breaches {
		a.rules[ruleIndex(b.Rule)].breaches[breachIndex(b.Code)]++
	}
}
