package simulate

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Report is what a run found: how cases ended, how long each stage took,
// how often each deadline was broken, what was refused, and the backlog
// month by month. Every collection has a fixed order, documented on its
// field, and every number is computed from exact integer counts, so the
// same scenario, cases and seed give the same Report (and the same JSON,
// byte for byte) whatever the number of workers.
//
// Shares and rates are rounded to four decimals, mean days to two.
type Report struct {
	Scenario string     `json:"scenario"`
	Policy   policy.ID  `json:"policy"`
	Calendar string     `json:"calendar"`
	Seed     uint64     `json:"seed"`
	Cases    int64      `json:"cases"`
	Capacity int        `json:"committee_capacity"`
	Start    civil.Date `json:"start"`
	// Start is the first day of arrivals. ArrivalsEnd is the first day
	// after the arrival window and End the first day no longer observed:
	// both are exclusive here, while the text report gives the last day
	// of each (inclusive) and says so.
	ArrivalsEnd civil.Date `json:"arrivals_end"`
	End         civil.Date `json:"end"`
	// Invented names the sections of the scenario whose numbers are the
	// default scenario's, which are invented to be plausible, not
	// measured (all of them for the default scenario); Notes then begin
	// with a notice saying so.
	Invented []string `json:"invented"`
	// Organisations is how many organisations (each with its committee)
	// the cases arrived at.
	Organisations int64 `json:"organisations"`

	// Ends counts cases by how they ended, in End order.
	Ends []Count `json:"ends"`
	// Findings counts findings (the committee's or the Ombudsperson's):
	// guilty, not_guilty, false_and_mala_fide.
	Findings []Count `json:"findings"`
	// Stages gives, for each state cases reached, the days from the first
	// report to first reaching it, in casefsm.State order.
	Stages []Stat `json:"stages"`
	// Closure is the days from the first report to the end, for cases
	// closed, withdrawn or resolved informally.
	Closure Stat `json:"closure"`
	// QueueWait is the days complaints waited for a place on a full
	// committee (zero for most).
	QueueWait Stat `json:"queue_wait"`
	// Deadlines gives each deadline rule cases started, in lifecycle
	// order (charges, defence, findings, penalty, appeals, the
	// Ombudsperson's, representation).
	Deadlines []RuleStat `json:"deadlines"`
	// EstimatedHolidayShare is the share of all deadlines whose period
	// touches an estimated holiday (interpretation 8).
	EstimatedHolidayShare float64 `json:"estimated_holiday_share"`
	Appeals               Filings `json:"appeals"`
	Representations       Filings `json:"representations"`
	// Refusals counts refused acts by event and code, in casefsm.EventType
	// then casefsm.Code order.
	Refusals []Refusals `json:"refusals"`
	// Backlog gives each month from the start's month to the last month
	// with an arrival, an open case or a queued complaint (the months after
	// it, to the end of observation, would all be zero).
	Backlog []Month `json:"backlog"`
	// ClosureDays is the distribution of Closure in bins of
	// ClosureBinDays days, from 0 to the longest closure.
	ClosureDays []Bin `json:"closure_days"`
	// Notes say what a reader should know to read the numbers, such as a
	// period outside the policy's own dates; empty when there is nothing.
	Notes []string `json:"notes"`
}

// ClosureBinDays is the width of the bins of [Report.ClosureDays].
const ClosureBinDays = 30

// Count is how many cases had an outcome, and their share of all cases
// (of all findings, for a finding).
type Count struct {
	Name  string  `json:"name"`
	Cases int64   `json:"cases"`
	Share float64 `json:"share"`
}

// Stat summarises a number of days over the cases that have one: their
// count, mean, nearest-rank percentiles and maximum.
type Stat struct {
	Name     string  `json:"name"`
	Cases    int64   `json:"cases"`
	MeanDays float64 `json:"mean_days"`
	P50      int     `json:"p50"`
	P90      int     `json:"p90"`
	P99      int     `json:"p99"`
	Max      int     `json:"max"`
}

// RuleStat is one deadline rule over every case that started it: the
// status of its act at the case's end (or at the end of observation),
// the breaches casefsm recorded against it (a forum's late or overdue
// duty), and how many periods touch an estimated holiday.
//
// BreachRate is Breaches / Started. A party's late filing is not a breach
// (it is Late, or refused as time-barred); a party's period that ran out
// with no filing is Lapsed, never Overdue nor a breach (interpretation 7),
// so Met + Late + Overdue + Pending + Paused + Lapsed is Started.
type RuleStat struct {
	Rule              policy.RuleID `json:"rule"`
	Kind              policy.Kind   `json:"kind,omitzero"`
	Started           int64         `json:"started"`
	Met               int64         `json:"met"`
	Late              int64         `json:"late"`
	Overdue           int64         `json:"overdue"`
	Lapsed            int64         `json:"lapsed"`
	Pending           int64         `json:"pending"`
	Paused            int64         `json:"paused"`
	Breaches          int64         `json:"breaches"`
	BreachRate        float64       `json:"breach_rate"`
	EstimatedHolidays int64         `json:"estimated_holidays"`
}

// Filings counts appeals or representations: every one filed, those
// accepted and those refused (for example as time-barred), so Filed is
// Accepted + Refused; and those decided.
type Filings struct {
	Filed    int64 `json:"filed"`
	Accepted int64 `json:"accepted"`
	Refused  int64 `json:"refused"`
	Decided  int64 `json:"decided"`
}

func filings(accepted, refused, decided int64) Filings {
	return Filings{Filed: accepted + refused, Accepted: accepted, Refused: refused, Decided: decided}
}

// Refusals is how often casefsm refused an act with a code.
type Refusals struct {
	Event casefsm.EventType `json:"event"`
	Code  casefsm.Code      `json:"code"`
	Count int64             `json:"count"`
}

// Month is the state of the caseload at the end of a month: the cases
// that arrived in it, the cases open at its end (reported and not yet
// closed, withdrawn, resolved or refused), and the complaints among them
// waiting for a place on a committee.
type Month struct {
	Month    string `json:"month"` // YYYY-MM
	Arrivals int64  `json:"arrivals"`
	Open     int64  `json:"open"`
	Queued   int64  `json:"queued"`
}

// Bin counts the values in [From, To).
type Bin struct {
	From  int   `json:"from"`
	To    int   `json:"to"`
	Cases int64 `json:"cases"`
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

func share(n, of int64) float64 {
	if of == 0 {
		return 0
	}
	return round(float64(n)/float64(of), 4)
}

// stat summarises a histogram.
func (h *histogram) stat(name string) Stat {
	s := Stat{Name: name, Cases: h.n}
	if h.n == 0 {
		return s
	}
	s.MeanDays = round(float64(h.sum)/float64(h.n), 2)
	s.P50, s.P90, s.P99 = h.quantile(0.5), h.quantile(0.9), h.quantile(0.99)
	for d := len(h.counts) - 1; d >= 0; d-- {
		if h.counts[d] > 0 {
			s.Max = d
			break
		}
	}
	return s
}

// report turns merged aggregates into a Report.
func (w *world) report(a *accumulator, seed uint64) *Report {
	r := &Report{
		Scenario: cmp.Or(w.sc.Name, string(w.pol.ID())), Policy: w.pol.ID(), Calendar: w.sc.Calendar, Seed: seed,
		Cases: a.cases, Capacity: w.sc.Committee.Capacity, Organisations: a.orgs,
		Start: w.start, ArrivalsEnd: w.sc.Period.ArrivalEnd(), End: w.end,
		Closure:         a.closure.stat("closure"),
		QueueWait:       a.queueWait.stat("queue_wait"),
		Appeals:         filings(a.appeals.filed, a.appeals.refused, a.appeals.decided),
		Representations: filings(a.reps.filed, a.reps.refused, a.reps.decided),
	}
	for e := range endCount {
		r.Ends = append(r.Ends, Count{e.String(), a.ends[e], share(a.ends[e], a.cases)})
	}
	found := a.findings[0] + a.findings[1] + a.findings[2]
	for i, f := range []casefsm.Finding{casefsm.Guilty, casefsm.NotGuilty, casefsm.FalseAndMalaFide} {
		r.Findings = append(r.Findings, Count{f.String(), a.findings[i], share(a.findings[i], found)})
	}
	for _, s := range casefsm.States() {
		if h := &a.stages[s]; h.n > 0 {
			r.Stages = append(r.Stages, h.stat(s.String()))
		}
	}
	r.Deadlines, r.EstimatedHolidayShare = w.ruleStats(a)
	r.Refusals = refusalList(a.refusals)
	r.Backlog = w.backlog(a)
	r.ClosureDays = bins(&a.closure, ClosureBinDays)
	r.Invented = invented(&w.sc)
	r.Notes = w.notes(r.Invented)
	return r
}

// invented returns the sections of sc whose numbers are the default
// scenario's, in the scenario's field order.
func invented(sc *Scenario) []string {
	d := DefaultScenario()
	out := []string{}
	for _, s := range []struct {
		name string
		same bool
	}{
		{"arrivals", sc.Arrivals.PerMonth == d.Arrivals.PerMonth && slices.Equal(sc.Arrivals.Seasonality, d.Arrivals.Seasonality)},
		{"complainants", maps.Equal(sc.Complainants, d.Complainants)},
		{"routes", sc.Routes == d.Routes},
		{"outcomes", sc.Outcomes == d.Outcomes},
		{"delays", sc.Delays == d.Delays},
		{"committee", sc.Committee == d.Committee},
	} {
		if s.same {
			out = append(out, s.name)
		}
	}
	return out
}

// InventedNotice is the notice that begins a report's notes when some of
// its numbers are the default scenario's.
func InventedNotice(sections []string) string {
	if len(sections) == 0 {
		return ""
	}
	return "the numbers of " + strings.Join(sections, ", ") + " are the default scenario's, invented to be plausible, not measured: the results are not facts about any workplace"
}

// notes explains what the numbers depend on beyond the scenario.
func (w *world) notes(inventedSections []string) []string {
	notes := []string{}
	if n := InventedNotice(inventedSections); n != "" {
		notes = append(notes, n)
	}
	v := w.pol.Validity()
	if last := w.sc.Period.ArrivalEnd().AddDays(-1); !v.Contains(w.start) || !v.Contains(last) {
		notes = append(notes, fmt.Sprintf("arrivals from %s to %s fall partly or wholly outside %s's dates (%s): the scenario applies its procedure throughout, but who may complain follows the statute in force on each incident date (interpretation 2)",
			w.start, last, w.pol.ID(), v))
	}
	return notes
}

func (w *world) ruleStats(a *accumulator) ([]RuleStat, float64) {
	var out []RuleStat
	var all, est int64
	for i := range a.rules {
		q := &a.rules[i]
		breaches := int64(0)
		for _, b := range q.breaches {
			breaches += b
		}
		if q.started == 0 && breaches == 0 {
			continue
		}
		rs := RuleStat{Rule: "other", Started: q.started,
			Met: q.status[deadlines.Met], Late: q.status[deadlines.Late], Overdue: q.status[deadlines.Overdue], Lapsed: q.status[deadlines.Lapsed],
			Pending: q.status[deadlines.Pending], Paused: q.status[deadlines.Paused],
			Breaches: breaches, BreachRate: share(breaches, q.started), EstimatedHolidays: q.estimated}
		if i < len(caseRules) {
			rs.Rule = caseRules[i]
			if rule, ok := w.pol.Rule(rs.Rule); ok {
				rs.Kind = rule.Kind
			}
		}
		all += q.started
		est += q.estimated
		out = append(out, rs)
	}
	return out, share(est, all)
}

func refusalList(m map[refusalKey]int64) []Refusals {
	out := make([]Refusals, 0, len(m))
	for k, n := range m {
		out = append(out, Refusals{Event: k.event, Code: k.code, Count: n})
	}
	slices.SortFunc(out, func(a, b Refusals) int {
		if a.Event != b.Event {
			return int(a.Event) - int(b.Event)
		}
		return int(a.Code) - int(b.Code)
	})
	return out
}

// backlog runs the monthly sums, up to the last month that is not all
// zero.
func (w *world) backlog(a *accumulator) []Month {
	out := make([]Month, w.months)
	var open, queued int64
	last := 0
	for m := range out {
		open += a.open[m]
		queued += a.queued[m]
		d := w.start.AddMonths(m)
		out[m] = Month{Month: fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month())), Arrivals: a.arrivals[m], Open: open, Queued: queued}
		if a.arrivals[m] != 0 || open != 0 || queued != 0 {
			last = m
		}
	}
	return out[:last+1]
}

// bins groups a histogram's days into bins of width days, up to the last
// non-empty one.
func bins(h *histogram, width int) []Bin {
	var out []Bin
	last := -1
	for d, c := range h.counts {
		if c > 0 {
			last = d
		}
	}
	for from := 0; from <= last; from += width {
		b := Bin{From: from, To: from + width}
		for d := from; d < b.To && d < len(h.counts); d++ {
			b.Cases += h.counts[d]
		}
		out = append(out, b)
	}
	return out
}
