package simulate

import (
	"encoding/csv"
	"io"
	"strconv"
)

// Metric is one number of a report, named by its section, the item it is
// about (a state, a rule, a month; "" when the section has one item) and
// its name: ("deadline", "charges", "breach_rate"). [Report.Metrics] lists
// them; CSV output and comparisons are built from them.
type Metric struct {
	Section string  `json:"section"`
	Item    string  `json:"item"`
	Name    string  `json:"metric"`
	Value   float64 `json:"value"`
}

// Metrics returns every number of r, in this order: run (cases,
// organisations), end (by End), finding, stage (by state), closure,
// queue_wait, deadline (by rule), deadlines (estimated_holiday_share),
// appeals, representations, refusal (item "event/code"), backlog (each
// month, then item "peak"), closure_days (item "from-to").
func (r *Report) Metrics() []Metric {
	var out []Metric
	add := func(section, item, name string, v float64) {
		out = append(out, Metric{section, item, name, v})
	}
	add("run", "", "cases", float64(r.Cases))
	add("run", "", "organisations", float64(r.Organisations))
	for _, c := range r.Ends {
		add("end", c.Name, "cases", float64(c.Cases))
		add("end", c.Name, "share", c.Share)
	}
	for _, c := range r.Findings {
		add("finding", c.Name, "cases", float64(c.Cases))
		add("finding", c.Name, "share", c.Share)
	}
	stat := func(section string, s Stat) {
		item := s.Name
		if item == section {
			item = ""
		}
		add(section, item, "cases", float64(s.Cases))
		add(section, item, "mean_days", s.MeanDays)
		add(section, item, "p50", float64(s.P50))
		add(section, item, "p90", float64(s.P90))
		add(section, item, "p99", float64(s.P99))
		add(section, item, "max", float64(s.Max))
	}
	for _, s := range r.Stages {
		stat("stage", s)
	}
	stat("closure", r.Closure)
	stat("queue_wait", r.QueueWait)
	for _, d := range r.Deadlines {
		item := string(d.Rule)
		for _, m := range []struct {
			name string
			v    int64
		}{{"started", d.Started}, {"met", d.Met}, {"late", d.Late}, {"overdue", d.Overdue}, {"lapsed", d.Lapsed}, {"pending", d.Pending},
			{"paused", d.Paused}, {"breaches", d.Breaches}} {
			add("deadline", item, m.name, float64(m.v))
		}
		add("deadline", item, "breach_rate", d.BreachRate)
		add("deadline", item, "estimated_holidays", float64(d.EstimatedHolidays))
	}
	add("deadlines", "", "estimated_holiday_share", r.EstimatedHolidayShare)
	for _, f := range []struct {
		section string
		f       Filings
	}{{"appeals", r.Appeals}, {"representations", r.Representations}} {
		add(f.section, "", "filed", float64(f.f.Filed))
		add(f.section, "", "accepted", float64(f.f.Accepted))
		add(f.section, "", "refused", float64(f.f.Refused))
		add(f.section, "", "decided", float64(f.f.Decided))
	}
	for _, x := range r.Refusals {
		add("refusal", x.Event.String()+"/"+x.Code.String(), "count", float64(x.Count))
	}
	var peak Month
	for _, m := range r.Backlog {
		add("backlog", m.Month, "arrivals", float64(m.Arrivals))
		add("backlog", m.Month, "open", float64(m.Open))
		add("backlog", m.Month, "queued", float64(m.Queued))
		peak.Open, peak.Queued = max(peak.Open, m.Open), max(peak.Queued, m.Queued)
	}
	add("backlog", "peak", "open", float64(peak.Open))
	add("backlog", "peak", "queued", float64(peak.Queued))
	for _, b := range r.ClosureDays {
		add("closure_days", strconv.Itoa(b.From)+"-"+strconv.Itoa(b.To), "cases", float64(b.Cases))
	}
	return out
}

// formatValue writes a metric's value in the shortest exact form: "12",
// "0.4354".
func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// WriteCSV writes the metrics of the reports as CSV with the header
// scenario,section,item,metric,value: one row per metric, report after
// report, each in [Report.Metrics] order. Reports with the same scenario
// name are told apart by a suffix " (2)", " (3)"...
func WriteCSV(w io.Writer, reports ...*Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"scenario", "section", "item", "metric", "value"}); err != nil {
		return err
	}
	names := Labels(reports...)
	for i, r := range reports {
		name := names[i]
		for _, m := range r.Metrics() {
			if err := cw.Write([]string{name, m.Section, m.Item, m.Name, formatValue(m.Value)}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// Labels returns the reports' scenario names, with a suffix " (2)",
// " (3)"... on a name an earlier report already has, so that every label
// is distinct.
func Labels(reports ...*Report) []string {
	out := make([]string, len(reports))
	seen := make(map[string]int, len(reports))
	for i, r := range reports {
		seen[r.Scenario]++
		out[i] = r.Scenario
		if n := seen[r.Scenario]; n > 1 {
			out[i] += " (" + strconv.Itoa(n) + ")"
		}
	}
	return out
}

// Difference is one metric of two reports side by side, named as in
// [Metric], with Change = B - A rounded to six decimals.
type Difference struct {
	Section string  `json:"section"`
	Item    string  `json:"item"`
	Name    string  `json:"metric"`
	A       float64 `json:"a"`
	B       float64 `json:"b"`
	Change  float64 `json:"change"`
	// InA and InB say whether each report has the metric (a rule only one
	// policy has, a refusal only one scenario met); a missing value is 0.
	InA bool `json:"in_a"`
	InB bool `json:"in_b"`
}

// Compare lines up the metrics of a and b: a's metrics in a's order, then
// those only b has, in b's order.
func Compare(a, b *Report) []Difference {
	type key struct{ s, i, n string }
	ma, mb := a.Metrics(), b.Metrics()
	inB := make(map[key]float64, len(mb))
	for _, m := range mb {
		inB[key{m.Section, m.Item, m.Name}] = m.Value
	}
	seen := make(map[key]bool, len(ma))
	out := make([]Difference, 0, len(ma))
	for _, m := range ma {
		k := key{m.Section, m.Item, m.Name}
		seen[k] = true
		vb, ok := inB[k]
		out = append(out, Difference{Section: m.Section, Item: m.Item, Name: m.Name, A: m.Value, B: vb, Change: round(vb-m.Value, 6), InA: true, InB: ok})
	}
	for _, m := range mb {
		if k := (key{m.Section, m.Item, m.Name}); !seen[k] {
			out = append(out, Difference{Section: m.Section, Item: m.Item, Name: m.Name, B: m.Value, Change: m.Value, InB: true})
		}
	}
	return out
}
