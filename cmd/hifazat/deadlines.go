package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
  --calendar-file F   an institution's calendar, JSON or YAML (see package deadlines)
  --json              print [{"date", "name", "status"}, ...]`

const deadlineUsage = `usage: hifazat deadline --policy ID --rule RULE --from D [--calendar ID | --calendar-file F] [--json]

The deadline of a rule of a policy, counted from the trigger date D (excluded),
on the calendar of the forum that acts or receives (interpretation 7) unless
a calendar is given. Rules: hifazat policy show ID.`

// calendarChoice are the flags that choose a calendar.
type calendarChoice struct {
	id, file string
}

func (c *calendarChoice) register(fs *flag.FlagSet, defaultID string) {
	fs.StringVar(&c.id, "calendar", defaultID, "built-in calendar id")
	fs.StringVar(&c.file, "calendar-file", "", "calendar file (JSON or YAML)")
}

// load returns the calendar the flags name, or fallback's built-in calendar
// when neither flag was given.
func (c *calendarChoice) load(fallback string) (*deadlines.Calendar, error) {
	switch {
	case c.file != "" && c.id != "":
		return nil, errors.New("give --calendar or --calendar-file, not both")
	case c.file != "":
		data, err := os.ReadFile(c.file)
		if err != nil {
			return nil, err
		}
		return deadlines.ParseCalendar(data)
	case c.id != "":
		return deadlines.Builtin(c.id)
	}
	return deadlines.Builtin(fallback)
}

// deadlinesFlags parses args for a command that takes no positional
// arguments. When done is true the command is over (help was printed, or
// the arguments were wrong) and status is its exit status.
func deadlinesFlags(e *env, name, usage string, fs *flag.FlagSet, args []string) (status int, done bool) {
	fs.SetOutput(io.Discard)
	pos, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(e.stdout, usage)
		return exitOK, true
	case err != nil:
		return e.fail(exitUsage, "%s: %v; run 'hifazat %s --help'", name, err, name), true
	case len(pos) > 0:
		return e.fail(exitUsage, "%s: unexpected argument %q; run 'hifazat %s --help'", name, pos[0], name), true
	}
	return exitOK, false
}

// cmdHolidays runs "hifazat holidays".
func cmdHolidays(e *env, args []string) int {
	fs := newFlags(e, "holidays")
	var cal calendarChoice
	cal.register(fs, "")
	year := fs.Int("year", 0, "year")
	asJSON := fs.Bool("json", false, "print JSON")
	if status, done := deadlinesFlags(e, "holidays", holidaysUsage, fs, args); done {
		return status
	}
	if *year == 0 {
		return e.fail(exitUsage, "holidays: want --year Y")
	}
	c, err := cal.load(policy.CalendarFederal)
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
		return deadlinesJSON(e, hs)
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

// deadlineJSON is the JSON form of "hifazat deadline --json".
type deadlineJSON struct {
	Policy                  policy.ID     `json:"policy"`
	Rule                    policy.RuleID `json:"rule"`
	Kind                    policy.Kind   `json:"kind"`
	From                    civil.Date    `json:"from"`
	PeriodEnd               civil.Date    `json:"period_end"`
	Due                     civil.Date    `json:"due"`
	LastOpenDay             civil.Date    `json:"last_open_day"`
	RolledForward           bool          `json:"rolled_forward"`
	TouchesEstimatedHoliday bool          `json:"touches_estimated_holiday"`
	Calendar                string        `json:"calendar"`
	Citation                string        `json:"citation"`
	Explanation             string        `json:"explanation"`
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
	if status, done := deadlinesFlags(e, "deadline", deadlineUsage, fs, args); done {
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
	c, err := cal.load(forumCal.Value)
	if err != nil {
		return e.fail(exitUsage, "deadline: %v", err)
	}
	d, err := deadlines.Compute(rule, from, c)
	if err != nil {
		return e.fail(exitUsage, "deadline: %v", err)
	}
	warnFallbackCalendar(e, cal, p, rule.Forum)
	if *asJSON {
		return deadlinesJSON(e, deadlineJSON{Policy: p.ID(), Rule: d.Rule, Kind: d.Kind, From: d.From, PeriodEnd: d.PeriodEnd,
			Due: d.Due, LastOpenDay: d.LastOpenDay, RolledForward: d.RolledForward,
			TouchesEstimatedHoliday: d.TouchesEstimatedHoliday, Calendar: d.Calendar,
			Citation: d.Citation.Section, Explanation: d.Explain()})
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
		fmt.Fprintf(e.stderr, "hifazat: warning: no calendar given (--calendar or --calendar-file); the %s is counted on %s (%s: %s)\n",
			f, c.Value, c.Citation.Section, c.Citation.Note)
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
	if d.RolledForward {
		due += fmt.Sprintf(" (the last day, %s, is closed)", d.PeriodEnd)
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

// writeOut writes v as JSON and returns the exit status.
func deadlinesJSON(e *env, v any) int {
	if err := writeJSON(e.stdout, v); err != nil {
		return e.fail(exitUsage, "writing JSON: %v", err)
	}
	return exitOK
}
