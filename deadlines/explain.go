package deadlines

import (
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Explain returns one sentence that says how d was counted, for people and
// audit logs. The format is stable:
//
//	RULE: PERIOD from FROM (trigger day excluded)[, extended by N days of stay,] end on END, a WEEKDAY;
//	KIND with|of|for the FORUM on calendar CAL[; ROLL][; LAST-OPEN][; ESTIMATED]; CITATION.
//
// on one line, where END is [Deadline.PeriodEnd], the verb is "ends" for a
// period of one day or month, "with" is for a filing, "of" for a duty and
// "for" a target, and "the FORUM" is left out for an unknown forum. The
// optional clauses are, in this order:
//
//	ROLL       the last day, END, is closed, so the period runs to the next open day, DUE (General Clauses Act s.10)
//	LAST-OPEN  the last day is closed and is not moved for a KIND: the last open day on or before it is DAY, a WEEKDAY
//	ESTIMATED  an estimated holiday falls in the period, so the dates may move when it is notified
//
// CITATION is the rule's [policy.Citation] as its String formats it, or "no
// citation". For example:
//
//	defence: 7 days from 2026-03-05 (trigger day excluded) end on 2026-03-12, a Thursday; filing with the inquiry_committee on calendar pk-federal; s.4(1)(b) [high].
//
// The zero Deadline explains as "".
func (d Deadline) Explain() string {
	if !d.Due.IsValid() {
		return ""
	}
	var b strings.Builder
	b.WriteString(string(d.Rule) + ": " + countOf(d.Period.N, d.Period.Unit.String()) + " from " + d.From.String() + " (trigger day excluded)")
	if d.StayDays > 0 {
		b.WriteString(", extended by " + countOf(d.StayDays, "days") + " of stay,")
	}
	verb := " end on "
	if d.Period.N == 1 {
		verb = " ends on "
	}
	b.WriteString(verb + onDay(d.PeriodEnd) + "; " + d.Kind.String())
	if d.Forum != policy.ForumUnknown {
		b.WriteString(forumPreposition(d.Kind) + " the " + d.Forum.String())
	}
	b.WriteString(" on calendar " + d.Calendar)
	if d.RolledForward {
		b.WriteString("; the last day, " + d.PeriodEnd.String() + ", is closed, so the period runs to the next open day, " + d.Due.String() + " (General Clauses Act s.10)")
	}
	if d.LastOpenDay != d.Due {
		b.WriteString("; the last day is closed and is not moved for a " + d.Kind.String() + ": the last open day on or before it is " + onDay(d.LastOpenDay))
	}
	if d.TouchesEstimatedHoliday {
		b.WriteString("; an estimated holiday falls in the period, so the dates may move when it is notified")
	}
	citation := "no citation"
	if d.Citation.Section != "" {
		citation = d.Citation.String()
	}
	b.WriteString("; " + citation + ".")
	return b.String()
}

// countOf formats n of a plural unit ("days", "months"), singular for 1.
func countOf(n int, unit string) string {
	if n == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	return strconv.Itoa(n) + " " + unit
}

func onDay(d civil.Date) string { return d.String() + ", a " + d.Weekday().String() }

func forumPreposition(k policy.Kind) string {
	switch k {
	case policy.Filing:
		return " with"
	case policy.Duty:
		return " of"
	}
	return " for"
}
