package simulate

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteText writes r as tables for people: the run, how cases ended, the
// findings, days to each stage and to closure, deadlines and breaches,
// appeals and representations, refused acts, and the backlog by month.
// The format is stable: the same report always gives the same text.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, n := range r.Notes {
		if n == InventedNotice(r.Invented) {
			fmt.Fprintf(bw, "NOTICE: %s.\n\n", n)
		}
	}
	fmt.Fprintf(bw, "Scenario %s: policy %s, calendar %s, seed %d\n", r.Scenario, r.Policy, r.Calendar, r.Seed)
	fmt.Fprintf(bw, "%d cases at %d organisations (committee capacity %d); arrivals %s to %s, followed to %s\n",
		r.Cases, r.Organisations, r.Capacity, r.Start, r.ArrivalsEnd.AddDays(-1), r.End.AddDays(-1))
	fmt.Fprintf(bw, "Dates here are inclusive (the last day of each span); the JSON's arrivals_end and end are exclusive (the first day after).\n")
	for _, n := range r.Notes {
		if n != InventedNotice(r.Invented) {
			fmt.Fprintf(bw, "Note: %s\n", n)
		}
	}
	t := [][]string{{"How cases ended", "cases", "share"}}
	for _, c := range r.Ends {
		t = append(t, []string{c.Name, itoa64(c.Cases), percent(c.Share)})
	}
	writeTable(bw, t)
	t = [][]string{{"Findings", "cases", "share"}}
	for _, c := range r.Findings {
		t = append(t, []string{c.Name, itoa64(c.Cases), percent(c.Share)})
	}
	writeTable(bw, t)
	t = [][]string{{"Days from first report to", "cases", "mean", "p50", "p90", "p99", "max"}}
	for _, s := range append(r.Stages, r.Closure, r.QueueWait) {
		name := s.Name
		switch name {
		case "closure":
			name = "closure (closed, withdrawn, resolved)"
		case "queue_wait":
			name = "waiting for a committee place"
		}
		t = append(t, []string{name, itoa64(s.Cases), fmt.Sprintf("%.2f", s.MeanDays), strconv.Itoa(s.P50), strconv.Itoa(s.P90), strconv.Itoa(s.P99), strconv.Itoa(s.Max)})
	}
	writeTable(bw, t)
	t = [][]string{{"Deadline", "kind", "started", "met", "late", "overdue", "lapsed", "pending", "breaches", "breach rate", "est. holiday"}}
	for _, d := range r.Deadlines {
		t = append(t, []string{string(d.Rule), d.Kind.String(), itoa64(d.Started), itoa64(d.Met), itoa64(d.Late), itoa64(d.Overdue), itoa64(d.Lapsed), itoa64(d.Pending),
			itoa64(d.Breaches), percent(d.BreachRate), itoa64(d.EstimatedHolidays)})
	}
	writeTable(bw, t)
	fmt.Fprintf(bw, "Deadlines touching an estimated holiday: %s\n", percent(r.EstimatedHolidayShare))
	writeTable(bw, [][]string{
		{"Challenges", "filed", "accepted", "refused", "decided"},
		challengeRow("appeals (s.6)", r.Appeals),
		challengeRow("representations (s.9)", r.Representations),
	})
	t = [][]string{{"Refused acts", "code", "count"}}
	for _, x := range r.Refusals {
		t = append(t, []string{x.Event.String(), x.Code.String(), itoa64(x.Count)})
	}
	if len(r.Refusals) == 0 {
		t = append(t, []string{"none", "", ""})
	}
	writeTable(bw, t)
	t = [][]string{{"Month", "arrivals", "open at end", "queued at end"}}
	for _, m := range r.Backlog {
		t = append(t, []string{m.Month, itoa64(m.Arrivals), itoa64(m.Open), itoa64(m.Queued)})
	}
	writeTable(bw, t)
	return bw.Flush()
}

func challengeRow(name string, f Filings) []string {
	return []string{name, itoa64(f.Filed), itoa64(f.Accepted), itoa64(f.Refused), itoa64(f.Decided)}
}

// writeTable writes a blank line, then rows as columns two spaces apart:
// the first column aligned left, the others right.
func writeTable(w io.Writer, rows [][]string) {
	var width []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	b.WriteByte('\n')
	for _, row := range rows {
		line := ""
		for i, cell := range row {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(cell))
			switch {
			case i == 0:
				line = cell + pad
			default:
				line += "  " + pad + cell
			}
		}
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func percent(x float64) string { return fmt.Sprintf("%.2f%%", 100*x) }

// WriteComparison writes a and b side by side for people, with B - A: the
// metrics of [Report.Metrics] but the monthly backlog (its peak is kept),
// the closure distribution, the p99 and maximum of each stage, and the
// metrics that are zero in both.
func WriteComparison(w io.Writer, a, b *Report) error {
	bw := bufio.NewWriter(w)
	labels := Labels(a, b)
	for i, r := range []*Report{a, b} {
		if n := InventedNotice(r.Invented); n != "" {
			fmt.Fprintf(bw, "NOTICE (%c): %s.\n", 'A'+i, n)
		}
	}
	fmt.Fprintf(bw, "A: %s (policy %s)\nB: %s (policy %s)\n%d and %d cases, seeds %d and %d\n", labels[0], a.Policy, labels[1], b.Policy, a.Cases, b.Cases, a.Seed, b.Seed)
	t := [][]string{{"section / item / metric", "A", "B", "B - A"}}
	for _, d := range Compare(a, b) {
		if d.Section == "closure_days" || (d.Section == "backlog" && d.Item != "peak") ||
			(d.Section == "stage" && (d.Name == "p99" || d.Name == "max")) || (d.A == 0 && d.B == 0) {
			continue
		}
		name := d.Section
		if d.Item != "" {
			name += " / " + d.Item
		}
		t = append(t, []string{name + " / " + d.Name, cell(d.A, d.InA), cell(d.B, d.InB), signed(d.Change)})
	}
	writeTable(bw, t)
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
