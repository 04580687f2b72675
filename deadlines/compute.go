package deadlines

import (
	"fmt"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Stay is a period during which a court's or forum's stay order paused every
// running clock (interpretation 10). It is half-open: the clocks stop on
// From and run again on Until, the day the stay was lifted, so the stay
// lasts Until.Sub(From) days.
//
// A stay still in force has no Until; its holder (package casefsm) passes
// its as-of date as Until and reports the deadline as [Paused]. The zero
// Stay is not a stay: [Compute] rejects it.
type Stay struct {
	From, Until civil.Date
}

// Deadline is the computed end of one statutory period: what [Compute]
// returns. It is a plain value, comparable with ==.
//
// The zero Deadline is no deadline: its Due is the zero Date.
type Deadline struct {
	Rule   policy.RuleID `json:"rule"`
	Kind   policy.Kind   `json:"kind"`
	Period policy.Period `json:"period"`
	// Forum is the office that acts or receives, copied from the rule.
	Forum policy.Forum `json:"forum,omitempty"`
	// From is the trigger date; it is excluded from the count.
	From civil.Date `json:"from"`
	// PeriodEnd is the last day of the period, stays included, before any
	// roll-forward. It equals Due unless RolledForward.
	PeriodEnd civil.Date `json:"period_end"`
	// Due is the last day on which the act is in time.
	Due civil.Date `json:"due"`
	// LastOpenDay is the last day on or before Due that the calendar is
	// open: for a filing it is Due itself; for a duty or target it is the
	// day a forum should plan to act by when Due is closed.
	LastOpenDay civil.Date `json:"last_open_day"`
	// RolledForward is true when a filing's last day was closed and Due is
	// the next open day (General Clauses Act s.10).
	RolledForward bool `json:"rolled_forward"`
	// TouchesEstimatedHoliday is true when an estimated holiday falls in
	// (From, Due]: the dates may move when the holiday is notified.
	TouchesEstimatedHoliday bool `json:"touches_estimated_holiday"`
	// StayDays is how many days of stay were added to the period.
	StayDays int `json:"stay_days"`
	// Calendar is the id of the calendar used.
	Calendar string          `json:"calendar"`
	Citation policy.Citation `json:"citation"`
}

// Compute counts the period of rule from the trigger date from on cal,
// pausing it for stays, and returns the deadline. The counting rules are
// those of the package documentation: calendar days (or calendar months,
// clamped at month ends), the trigger day excluded, stay days added back,
// and only a filing's last day moved to the next open day.
//
// Every day from from to the (rolled) due date, and the last open day, must
// lie inside cal's coverage, or the error is a [*CoverageError]. A rule
// with an unknown kind or unit or a negative period is [ErrInvalidRule]; a
// zero from, or a stay without both dates or ending before it starts, is
// [ErrInvalidDate]. Stays may be given in any order and may overlap; they
// are not modified.
//
// Compute is [Calendar.Due] plus the rule's identity and the
// estimated-holiday window: the counting is Due's. It allocates nothing
// unless it fails.
func Compute(rule policy.DeadlineRule, from civil.Date, cal *Calendar, stays ...Stay) (Deadline, error) {
	end, due, lastOpen, err := cal.Due(rule.Kind, rule.Period, from, stays...)
	if err != nil {
		return Deadline{}, nameRule(err, &rule, from)
	}
	return Deadline{
		Rule: rule.ID, Kind: rule.Kind, Period: rule.Period, Forum: rule.Forum,
		From: from, PeriodEnd: end, Due: due, LastOpenDay: lastOpen,
		RolledForward: due != end, TouchesEstimatedHoliday: cal.estimatedAfter(from, due),
		StayDays: end.Sub(periodEnd(from, rule.Period)), Calendar: cal.id, Citation: rule.Citation,
	}, nil
}

// Due counts a period p of the given kind from the trigger date from on c,
// pausing it for stays, and returns the three days of a [Deadline]: end,
// the period's last day with the stays added back (its PeriodEnd); due, the
// last day on which the act is in time, which is end or, for a filing whose
// end is closed, the next open day (so due != end exactly when the filing
// was rolled forward); and lastOpen, the last open day on or before due.
//
// Due is all of [Compute]'s counting, with the same rules, coverage
// requirements and errors, except that an error cannot name the rule;
// Compute is built on it. A hot path that holds a rule's kind and period (a
// simulation stepping many cases, a store listing what falls due) calls Due
// to skip moving a [policy.DeadlineRule] in and a [Deadline] out, and to get
// its answer in registers.
//
// Due works on day offsets into c's tables: a bit test for the last day
// and a word scan each for a roll-forward and for the last open day. A
// period of days with no stays is a sum of offsets; only months and stays
// take the general path through dates. Due allocates nothing unless it
// fails. A nil c covers nothing: every call is a [*CoverageError].
func (c *Calendar) Due(kind policy.Kind, p policy.Period, from civil.Date, stays ...Stay) (end, due, lastOpen civil.Date, err error) {
	if c == nil || !validRule(kind, p) || !from.IsValid() || len(stays) > 0 && checkStays(stays) != nil {
		return end, due, lastOpen, c.argError(kind, p, from, stays)
	}
	fi := from.Sub(c.start)
	if fi < 0 || fi >= c.days {
		return end, due, lastOpen, c.coverageError(from, 0)
	}
	var i int // the period's last day
	if p.Unit == policy.Days && len(stays) == 0 && p.N < c.days-fi {
		i = fi + p.N // periodEnd in offsets: the common case, inside the coverage
	} else if i, err = c.endIndex(p, from, stays); err != nil {
		return end, due, lastOpen, err
	}
	j := i // the last day on which the act is in time
	if kind == policy.Filing && !c.open(i) {
		// General Clauses Act s.10: in time on the next day the office is open.
		if j = c.nextOpen(i); j < 0 {
			return end, due, lastOpen, c.coverageError(c.start.AddDays(c.days), 0)
		}
	}
	k := c.lastOpen(j)
	if k < 0 {
		return end, due, lastOpen, c.coverageError(c.start.AddDays(-1), 0)
	}
	return c.start.AddDays(i), c.start.AddDays(j), c.start.AddDays(k), nil
}

// argError returns Due's error for a nil c, an invalid kind or period, a
// zero from or an invalid stay, checked in that order of the arguments.
func (c *Calendar) argError(kind policy.Kind, p policy.Period, from civil.Date, stays []Stay) error {
	if !validRule(kind, p) {
		return fmt.Errorf("%w: %s", ErrInvalidRule, ruleProblem(kind, p))
	}
	if !from.IsValid() {
		return fmt.Errorf("%w: no trigger date (the zero Date)", ErrInvalidDate)
	}
	if err := checkStays(stays); err != nil {
		return err
	}
	return c.coverageError(from, 0)
}

// endIndex returns the offset of the last day of p counted from from, stays
// added back, for what Due's sum of offsets does not cover: months, stays,
// and periods that end outside the coverage. from is inside the coverage
// and the stays are valid.
func (c *Calendar) endIndex(p policy.Period, from civil.Date, stays []Stay) (int, error) {
	end := periodEnd(from, p)
	if len(stays) > 0 {
		end = addStays(from, end, stays)
	}
	if !end.IsValid() {
		return 0, c.coverageError(civil.Date{}, 10000) // past 9999-12-31
	}
	i := end.Sub(c.start) // >= 0: periods and stays never run backwards
	if i >= c.days {
		return 0, c.coverageError(end, 0)
	}
	return i, nil
}

// periodEnd returns the last day of p counted from from, with no stays.
func periodEnd(from civil.Date, p policy.Period) civil.Date {
	if p.Unit == policy.Months {
		return from.AddMonths(p.N)
	}
	return from.AddDays(p.N)
}

// estimatedAfter reports whether an estimated holiday falls in (from, due],
// both inside the coverage.
func (c *Calendar) estimatedAfter(from, due civil.Date) bool {
	return c.estimatedIn(from.Sub(c.start)+1, due.Sub(c.start)+1)
}

// validRule reports whether Due can count a period of this kind.
func validRule(k policy.Kind, p policy.Period) bool {
	return k >= policy.Duty && k <= policy.Target && p.Unit <= policy.Months && p.N >= 0
}

// ruleProblem says why validRule refused k and p.
func ruleProblem(k policy.Kind, p policy.Period) string {
	switch {
	case k < policy.Duty || k > policy.Target:
		return fmt.Sprintf("kind %s (want duty, filing or target)", k)
	case p.Unit > policy.Months:
		return fmt.Sprintf("unit %s (want days or months)", p.Unit)
	}
	return fmt.Sprintf("a negative period of %d %s", p.N, p.Unit)
}

// nameRule rewrites an error of Due about the rule or its trigger date,
// which Due cannot name, to name the rule; other errors pass unchanged. It
// runs only on the error path, so Compute's success path checks nothing
// twice.
func nameRule(err error, rule *policy.DeadlineRule, from civil.Date) error {
	switch {
	case !validRule(rule.Kind, rule.Period):
		return fmt.Errorf("%w: rule %q has %s", ErrInvalidRule, rule.ID, ruleProblem(rule.Kind, rule.Period))
	case !from.IsValid():
		return fmt.Errorf("%w: rule %q has no trigger date (the zero Date)", ErrInvalidDate, rule.ID)
	}
	return err
}

func checkStays(stays []Stay) error {
	for i, s := range stays {
		switch {
		case !s.From.IsValid():
			return fmt.Errorf("%w: stay %d has no start date", ErrInvalidDate, i)
		case !s.Until.IsValid():
			return fmt.Errorf("%w: stay %d from %s has no end date (for a stay still in force, pass the as-of date)", ErrInvalidDate, i, s.From)
		case s.Until.Before(s.From):
			return fmt.Errorf("%w: stay %d ends on %s, before it starts on %s", ErrInvalidDate, i, s.Until, s.From)
		}
	}
	return nil
}

// addStays extends due by the stayed days after from (interpretation 10).
// The clock runs on each day after from that no stay covers; a stay that
// starts on or before the current due date therefore pushes it back by its
// days. Stays are taken in order of their (clipped) start without sorting
// the caller's slice: each round takes the earliest stayed day not yet
// counted, so overlapping stays count once. Rounds are at most len(stays).
func addStays(from, due civil.Date, stays []Stay) civil.Date {
	counted := from // stayed days up to here are accounted for
	for {
		best, bestStart := -1, civil.Date{}
		for k, s := range stays {
			start := s.From
			if !start.After(counted) {
				start = counted.AddDays(1)
			}
			if !s.Until.After(start) || start.After(due) {
				continue
			}
			if best < 0 || start.Before(bestStart) {
				best, bestStart = k, start
			}
		}
		if best < 0 {
			return due
		}
		due, counted = due.AddDays(stays[best].Until.Sub(bestStart)), stays[best].Until.AddDays(-1)
	}
}
