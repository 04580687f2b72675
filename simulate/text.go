package simulate

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes r as tables for people: the run, how cases ended, the
// findings, days to each stage and to closure, deadlines and breaches,
// appeals and representations, refused acts, and the backlog by month.
// The format is stable: the same report always gives the same text.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	p := func(format string, a ...any) { fmt.Fprintf(tw, format, a...) }
	fmt.Fprintf(bw, "Scenario %s: policy %s, calendar %s, seed %d\n", r.Scenario, r.Policy, r.Calendar, r.Seed)
	fmt.Fprintf(bw, "%d cases at %d organisations (committee capacity %d); arrivals %s to %s, followed to %s\n\n",
		r.Cases, r.Organisations, r.Capacity, r.Start, r.ArrivalsEnd.AddDays(-1), r.End.AddDays(-1))
	for _, n := range r.Notes {
		fmt.Fprintf(bw, "Note: %s\n", n)
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(bw)
	}
	p("How cases ended\tcases\tshare\t\n")
	for _, c := range r.Ends {
		p("%s\t%d\t%s\t\n", c.Name, c.Cases, percent(c.Share))
	}
	p("\t\t\t\nFindings\tcases\tshare\t\n")
	for _, c := range r.Findings {
		p("%s\t%d\t%s\t\n", c.Name, c.Cases, percent(c.Share))
	}
	p("\t\t\t\nDays from first report to\tcases\tmean\tp50\tp90\tp99\tmax\t\n")
	for _, s := range append(r.Stages, r.Closure, r.QueueWait) {
		name := s.Name
		switch name {
		case "closure":
			name = "closure (closed, withdrawn, resolved)"
		case "queue_wait":
			name = "waiting for a committee place"
		}
		p("%s\t%d\t%.2f\t%d\t%d\t%d\t%d\t\n", name, s.Cases, s.MeanDays, s.P50, s.P90, s.P99, s.Max)
	}
	p("\t\t\t\t\t\t\t\nDeadline\tkind\tstarted\tmet\tlate\toverdue\tpending\tbreaches\tbreach rate\test. holiday\t\n")
	for _, d := range r.Deadlines {
		p("%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%d\t\n", d.Rule, d.Kind, d.Started, d.Met, d.Late, d.Overdue, d.Pending, d.Breaches, percent(d.BreachRate), d.EstimatedHolidays)
	}
	p("all deadlines touching an estimated holiday\t\t\t\t\t\t\t\t%s\t\t\n", percent(r.EstimatedHolidayShare))
	p("\t\t\t\t\nChallenges\tfiled\trefused\tdecided\t\n")
	p("appeals (s.6)\t%d\t%d\t%d\t\n", r.Appeals.Filed, r.Appeals.Refused, r.Appeals.Decided)
	p("representations (s.9)\t%d\t%d\t%d\t\n", r.Representations.Filed, r.Representations.Refused, r.Representations.Decided)
	p("\t\t\t\nRefused acts\tcode\tcount\t\n")
	if len(r.Refusals) == 0 {
		p("none\t\t\t\n")
	}
	for _, x := range r.Refusals {
		p("%s\t%s\t%d\t\n", x.Event, x.Code, x.Count)
	}
	p("\t\t\t\t\nMonth\tarrivals\topen at end\tqueued at end\t\n")
	for _, m := range r.Backlog {
		p("%s\t%d\t%d\t%d\t\n", m.Month, m.Arrivals, m.Open, m.Queued)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

func percent(x float64) string { return fmt.Sprintf("%.2f%%", 100*x) }

// WriteComparison writes a and b side by side for people, with B - A: the
// metrics of [Report.Metrics] but the monthly backlog (its peak is kept),
// the closure distribution, the p99 and maximum of each stage, and the
// metrics that are zero in both.
func WriteComparison(w io.Writer, a, b *Report) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	labels := Labels(a, b)
	la, lb := labels[0], labels[1]
	fmt.Fprintf(bw, "A: %s (policy %s)\nB: %s (policy %s)\n%d and %d cases, seeds %d and %d\n\n", la, a.Policy, lb, b.Policy, a.Cases, b.Cases, a.Seed, b.Seed)
	fmt.Fprintf(tw, "section\titem\tmetric\tA\tB\tB - A\t\n")
	for _, d := range Compare(a, b) {
		if d.Section == "closure_days" || (d.Section == "backlog" && d.Item != "peak") ||
			(d.Section == "stage" && (d.Name == "p99" || d.Name == "max")) || (d.A == 0 && d.B == 0) {
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", d.Section, d.Item, d.Name, cell(d.A, d.InA), cell(d.B, d.InB), signed(d.Change))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

func cell(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return formatValue(v)
}

func signed(v float64) string {
	s := formatValue(v)
	if v > 0 {
		return "+" + s
	}
	if strings.HasPrefix(s, "-0") && v == 0 {
		return "0"
	}
	return s
}
