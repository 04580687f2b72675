package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/hifazat/hifazat/casefsm"
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
on the calendar of the forum that acts or receives (interpretation 7), as a
case counts it: the organisation's forums (Inquiry Committee, Competent
Authority) on the organisation's own calendar when one is given, else on
pk-federal with a warning; the federal Ombudsperson and President on
pk-islamabad; provincial forums on pk-federal, with a warning.
  --policy ID         a policy: hifazat policy list
  --rule RULE         one of its deadline rules: hifazat policy show ID
  --from D            the trigger date, YYYY-MM-DD
  --calendar ID       the organisation's calendar, built in: pk-federal or pk-islamabad
  --calendar-file F   the organisation's calendar, JSON or YAML; - reads standard input
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
	from, err := civil.Parse(*fromText)
	if err != nil {
		return e.fail(exitUsage, "deadline: --from: %v", err)
	}
	eng, own, err := deadlineEngine(e, cal)
	if err != nil {
		return e.fail(exitUsage, "deadline: %v", err)
	}
	d, err := eng.Deadline(casefsm.DeadlineQuery{Policy: p.ID(), Rule: policy.RuleID(*ruleID), From: from, Calendar: own})
	if err != nil {
		return e.fail(exitUsage, "deadline: %v", err)
	}
	choice := p.CalendarFor(d.Forum, own)
	if choice.Fallback {
		hint := ""
		if own == "" && !p.CalendarFor(d.Forum, "own").Fallback {
			hint = "; give the organisation's calendar with --calendar ID or --calendar-file F"
		}
		fmt.Fprintf(e.stderr, "hifazat: warning: the %s's days are counted on %s, a fallback: %s (%s)%s\n",
			d.Forum, choice.Value, choice.Citation.Note, choice.Citation.Section, hint)
	}
	if *asJSON {
		return printJSON(e, "deadline", deadlineJSON{Policy: p.ID(), Deadline: d, Citation: d.Citation.Section, Explanation: d.Explain()})
	}
	note := fmt.Sprintf(" (the %s's own, %s)", d.Forum, choice.Citation.Section)
	if choice.Fallback {
		note = fmt.Sprintf(" (a fallback for the %s, %s)", d.Forum, choice.Citation.Section)
	}
	printDeadline(e.stdout, p.ID(), d, note)
	return exitOK
}

// deadlineEngine returns an engine that knows the calendar the flags name,
// and that calendar's id ("" when none was given): the organisation's own.
func deadlineEngine(e *env, cal calendarChoice) (*casefsm.Engine, string, error) {
	var opts casefsm.Options
	own := ""
	if cal.id != "" || cal.file != "" {
		c, err := cal.load(e, "")
		if err != nil {
			return nil, "", err
		}
		if cal.file != "" {
			opts.Calendars = []*deadlines.Calendar{c}
		}
		own = c.ID()
	}
	eng, err := casefsm.NewEngine(policy.Builtin(), opts)
	return eng, own, err
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
