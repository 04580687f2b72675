package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

const holidaysUsage = `usage: hifazat holidays --year Y [--calendar ID | --calendar-file F] [--json]

The holidays of year Y on a calendar, by date then name (a date with two
holidays lists both), each fixed, notified or estimated.
  --calendar ID       a built-in calendar: pk-federal (default) or pk-islamabad
  --calendar-file F   an institution's calendar, JSON or YAML (see package
                      deadlines); - reads standard input
  --json              print [{"date", "name", "status"}, ...]`

const deadlineUsage = `usage: hifazat deadline --policy ID --rule RULE --from D [--calendar ID | --calendar-file F] [--json]

The deadline of a rule of a policy, counted from the trigger date D (excluded),
on the calendar of the forum that acts or receives (interpretation 7) unless
a calendar is given.
  --policy ID         a policy: hifazat policy list
  --rule RULE         one of its deadline rules: hifazat policy show ID
  --from D            the trigger date, YYYY-MM-DD
  --calendar ID       a built-in calendar: pk-federal or pk-islamabad
  --calendar-file F   an institution's calendar, JSON or YAML; - reads standard input
  --json              print {"policy", "rule", "kind", "period", "forum", "from",
                      "period_end", "due", "last_open_day", "rolled_forward",
                      "touches_estimated_holiday", "stay_days", "calendar",
                      "citation", "explanation"}`

// calendarChoice are the flags that choose a calendar.
type calendarChoice struct {
	id, file string
}

func (c *calendarChoice) register(fs *flag.FlagSet, defaultID string) {
	fs.StringVar(&c.id, "calendar", defaultID, "built-in calendar id")
	fs.StringVar(&c.file, "calendar-file", "", "calendar file (JSON or YAML)")
}

// load returns the calendar the flags name, or fallback's built-in calendar
// when neither flag was given. A calendar file "-" is standard input.
func (c *calendarChoice) load(e *env, fallback string) (*deadlines.Calendar, error) {
	switch {
	case c.file != "" && c.id != "":
		return nil, errors.New("give --calendar or --calendar-file, not both")
	case c.file != "":
		data, err := readInput(e, c.file)
		if err != nil {
			return nil, fmt.Errorf("--calendar-file: %w", err)
		}
		cal, err := deadlines.ParseCalendar(data)
		if err != nil {
			return nil, fmt.Errorf("--calendar-file %s: %w", c.file, err)
		}
		return cal, nil
	case c.id != "":
		return deadlines.Builtin(c.id)
	}
	return deadlines.Builtin(fallback)
}

// cmdHolidays runs "hifazat holidays".
func cmdHolidays(e *env, args []string) int {
	fs := newFlags(e, "holidays")
	var cal calendarChoice
	cal.register(fs, "")
	year := fs.Int("year", 0, "year")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, status, done := parseArgs(e, "holidays", holidaysUsage, fs, args, 0, ""); done {
		return status
	}
	if *year == 0 {
		return e.fail(exitUsage, "holidays: want --year Y; run 'hifazat holidays --help'")
	}
	c, err := cal.load(e, policy.CalendarFederal)
	if err != nil {
		return e.fail(exitUsage, "holidays: %v", err)
	}
	hs, err := c.Holidays(*year)
	if err != nil {
		return e.fail(exitUsage, "holidays: %v", err)
	}
	if *asJSON {
		if hs == nil {
			hs = []deadlines.Holiday{}
		}
		return printJSON(e, "holidays", hs)
	}
	first, last := c.Coverage()
	fmt.Fprintf(e.stdout, "%s %d: %d holidays; closed every %s (calendar covers %d to %d)\n\n",
		c.ID(), *year, len(hs), weekdayList(c.Weekend()), first, last)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tDAY\tSTATUS\tNAME")
	for _, h := range hs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", h.Date, h.Date.Weekday(), h.Status, h.Name)
	}
	tw.Flush()
	return exitOK
}

func weekdayList(ws []time.Weekday) string {
	if len(ws) == 0 {
		return "day open (no weekend)"
	}
	names := make([]string, len(ws))
	for i, w := range ws {
		names[i] = w.String()
	}
	return strings.Join(names, " and ")
}

// deadlineJSON is the JSON form of "hifazat deadline --json": the
// Deadline's own JSON, with the policy, the citation as its section and the
// explanation.
type deadlineJSON struct {
	Policy policy.ID `json:"policy"`
	deadlines.Deadline
	Citation    string `json:"citation"` // shadows Deadline.Citation
	Explanation string `json:"explanation"`
}

// cmdDeadline runs "hifazat deadline".
func cmdDeadline(e *env, args []string) int {
	fs := newFlags(e, "deadline")
	var cal calendarChoice
	cal.register(fs, "")
	policyID := fs.String("policy", "", "policy id")
	ruleID := fs.String("rule", "", "rule id")
	fromText := fs.String("from", "", "trigger date YYYY-MM-DD")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, status, done := parseArgs(e, "deadline", deadlineUsage, fs, args, 0, ""); done {
		return status
	}
	if *policyID == "" || *ruleID == "" || *fromText == "" {
		return e.fail(exitUsage, "deadline: want --policy, --rule and --from; run 'hifazat deadline --help'")
	}
	p, err := policy.Builtin().Get(policy.ID(*policyID))
	if err != nil {
		return e.fail(exitUsage, "deadline: %v", err)
	}
	rule, ok := p.Rule(policy.RuleID(*ruleID))
	if !ok {
		return e.fail(exitUsage, "deadline: policy %s has no rule %q (its rules: %s)", p.ID(), *ruleID, ruleIDList(p))
	}
	from, err := civil.Parse(*fromText)
	if err != nil {
		return e.fail(exitUsage, "deadline: --from: %v", err)
	}
	forumCal := p.CalendarFor(rule.Forum)
	c, err := cal.load(e, forumCal.Value)
	if err != nil {
		return e.fail(exitUsage, "deadline: %v", err)
	}
	d, err := deadlines.Compute(rule, from, c)
	if err != nil {
		return e.fail(exitUsage, "deadline: %v", err)
	}
	warnFallbackCalendar(e, cal, p, rule.Forum)
	if *asJSON {
		return printJSON(e, "deadline", deadlineJSON{Policy: p.ID(), Deadline: d, Citation: d.Citation.Section, Explanation: d.Explain()})
	}
	calNote := ""
	if cal.id == "" && cal.file == "" {
		calNote = fmt.Sprintf(" (default for the %s, %s)", rule.Forum, forumCal.Citation.Section)
	}
	printDeadline(e.stdout, p.ID(), d, calNote)
	return exitOK
}

// warnFallbackCalendar warns, as interpretation 7 asks, when no calendar was
// given and the forum's default is only a fallback: the organisation's own
// offices (whose calendar is the case's), and provincial forums (whose
// calendars are not in the data).
func warnFallbackCalendar(e *env, cal calendarChoice, p *policy.Policy, f policy.Forum) {
	if cal.id != "" || cal.file != "" {
		return
	}
	switch {
	case f == policy.Organisation || f == policy.InquiryCommittee || f == policy.CompetentAuthority,
		p.Jurisdiction() != policy.Federal:
		c := p.CalendarFor(f)
		fmt.Fprintf(e.stderr, "hifazat: warning: no calendar given; the %s's days are counted on %s, a fallback (%s); give its own with --calendar-file F\n",
			f, c.Value, c.Citation.Section)
	}
}

func printDeadline(w io.Writer, pid policy.ID, d deadlines.Deadline, calNote string) {
	fmt.Fprintln(w, d.Explain())
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "policy:\t%s\n", pid)
	fmt.Fprintf(tw, "rule:\t%s, %s, %s\n", d.Rule, d.Kind, d.Period)
	fmt.Fprintf(tw, "from:\t%s, %s (excluded)\n", d.From, d.From.Weekday())
	due := fmt.Sprintf("%s, %s", d.Due, d.Due.Weekday())
	switch {
	case d.RolledForward:
		due += fmt.Sprintf(" (the last day, %s, is closed)", d.PeriodEnd)
	case d.LastOpenDay != d.Due:
		due += fmt.Sprintf(" (closed, but a %s's last day is not moved)", d.Kind)
	}
	fmt.Fprintf(tw, "due:\t%s\n", due)
	fmt.Fprintf(tw, "last open day:\t%s, %s\n", d.LastOpenDay, d.LastOpenDay.Weekday())
	fmt.Fprintf(tw, "calendar:\t%s%s\n", d.Calendar, calNote)
	if d.TouchesEstimatedHoliday {
		fmt.Fprintf(tw, "estimated:\tan estimated holiday falls in the period; the dates may move\n")
	}
	fmt.Fprintf(tw, "citation:\t%s\n", d.Citation)
	if d.Citation.Note != "" {
		fmt.Fprintf(tw, "note:\t%s\n", d.Citation.Note)
	}
	tw.Flush()
}

func ruleIDList(p *policy.Policy) string {
	var ids []string
	for _, r := range p.Rules() {
		ids = append(ids, string(r.ID))
	}
	return strings.Join(ids, ", ")
}
