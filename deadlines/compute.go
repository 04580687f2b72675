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
// Compute allocates nothing unless it fails.
func Compute(rule policy.DeadlineRule, from civil.Date, cal *Calendar, stays ...Stay) (Deadline, error) {
	// The checks are split so that the success path inlines them and the
	// rule, a large value, is copied only when an error is built.
	if !validRule(rule.Kind, rule.Period) {
		return Deadline{}, ruleError(&rule)
	}
	if !from.IsValid() {
		return Deadline{}, fmt.Errorf("%w: rule %q has no trigger date (the zero Date)", ErrInvalidDate, rule.ID)
	}
	if len(stays) > 0 {
		if err := checkStays(stays); err != nil {
			return Deadline{}, err
		}
	}
	if cal == nil {
		return Deadline{}, cal.coverageError(from, 0)
	}
	fi := from.Sub(cal.start)
	if fi < 0 || fi >= cal.days {
		return Deadline{}, cal.coverageError(from, 0)
	}
	due := from.AddDays(rule.Period.N)
	if rule.Period.Unit == policy.Months {
		due = from.AddMonths(rule.Period.N)
	}
	stayDays := 0
	if len(stays) > 0 {
		due, stayDays = addStays(from, due, stays)
	}
	if !due.IsValid() {
		return Deadline{}, cal.coverageError(civil.Date{}, 10000) // past 9999-12-31
	}
	di := due.Sub(cal.start)
	if di >= cal.days {
		return Deadline{}, cal.coverageError(due, 0)
	}
	end, rolled := due, false
	if rule.Kind == policy.Filing && !cal.open(di) {
		// General Clauses Act s.10: in time on the next day the office is open.
		j := cal.nextOpen(di)
		if j < 0 {
			return Deadline{}, cal.coverageError(cal.start.AddDays(cal.days), 0)
		}
		due, di, rolled = due.AddDays(j-di), j, true
	}
	lo := cal.lastOpen(di)
	if lo < 0 {
		return Deadline{}, cal.coverageError(cal.start.AddDays(-1), 0)
	}
	return Deadline{
		Rule: rule.ID, Kind: rule.Kind, Period: rule.Period, Forum: rule.Forum,
		From: from, PeriodEnd: end, Due: due, LastOpenDay: due.AddDays(lo - di),
		RolledForward: rolled, TouchesEstimatedHoliday: cal.estimatedIn(fi+1, di+1),
		StayDays: stayDays, Calendar: cal.id, Citation: rule.Citation,
	}, nil
}

// validRule reports whether Compute can count a rule of this kind and period.
func validRule(k policy.Kind, p policy.Period) bool {
	return k >= policy.Duty && k <= policy.Target && p.Unit <= policy.Months && p.N >= 0
}

func ruleError(rule *policy.DeadlineRule) error {
	switch {
	case rule.Kind < policy.Duty || rule.Kind > policy.Target:
		return fmt.Errorf("%w: rule %q has kind %s (want duty, filing or target)", ErrInvalidRule, rule.ID, rule.Kind)
	case rule.Period.Unit > policy.Months:
		return fmt.Errorf("%w: rule %q has unit %s (want days or months)", ErrInvalidRule, rule.ID, rule.Period.Unit)
	}
	return fmt.Errorf("%w: rule %q has a negative period of %d %s", ErrInvalidRule, rule.ID, rule.Period.N, rule.Period.Unit)
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
func addStays(from, due civil.Date, stays []Stay) (civil.Date, int) {
	counted := from // stayed days up to here are accounted for
	added := 0
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
			return due, added
		}
		n := stays[best].Until.Sub(bestStart)
		due, added, counted = due.AddDays(n), added+n, stays[best].Until.AddDays(-1)
	}
}
