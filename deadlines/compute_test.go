package deadlines_test

import (
	"slices"
	"testing"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boundary is a last day chosen for what the calendar does on and around
// it. Each is applied to every federal rule: the trigger date is the last
// day less the rule's period, so every rule ends on the same day.
type boundary struct {
	name     string
	calendar string
	last     string // the period's last day
	// filingDue is where a filing ends (after any roll-forward); lastOpen is
	// the last open day on or before last (what a duty reports).
	filingDue, lastOpen string
	estimated           bool // an estimated holiday falls in every window
}

var boundaries = []boundary{
	{name: "open Wednesday", calendar: "pk-federal", last: "2025-03-12", filingDue: "2025-03-12", lastOpen: "2025-03-12"},
	{name: "Saturday", calendar: "pk-federal", last: "2025-03-15", filingDue: "2025-03-17", lastOpen: "2025-03-14"},
	{name: "Sunday", calendar: "pk-federal", last: "2025-03-16", filingDue: "2025-03-17", lastOpen: "2025-03-14"},
	{name: "Independence Day, a Thursday", calendar: "pk-federal", last: "2025-08-14", filingDue: "2025-08-15", lastOpen: "2025-08-13"},
	{name: "Eid-ul-Adha Friday to Monday", calendar: "pk-federal", last: "2025-06-06", filingDue: "2025-06-10", lastOpen: "2025-06-05"},
	{name: "Quaid-e-Azam Day, federal", calendar: "pk-federal", last: "2025-12-25", filingDue: "2025-12-26", lastOpen: "2025-12-24"},
	{name: "Quaid-e-Azam Day, Islamabad closure next day", calendar: "pk-islamabad", last: "2025-12-25", filingDue: "2025-12-29", lastOpen: "2025-12-24"},
	{name: "after estimated Ashura", calendar: "pk-federal", last: "2026-06-26", filingDue: "2026-06-26", lastOpen: "2026-06-26", estimated: true},
	{name: "on estimated Ashura", calendar: "pk-federal", last: "2026-06-25", filingDue: "2026-06-26", lastOpen: "2026-06-23", estimated: true},
	{name: "across the year end", calendar: "pk-federal", last: "2026-01-02", filingDue: "2026-01-02", lastOpen: "2026-01-02"},
	{name: "leap day", calendar: "pk-federal", last: "2024-02-29", filingDue: "2024-02-29", lastOpen: "2024-02-29"},
	{name: "month end", calendar: "pk-federal", last: "2025-04-30", filingDue: "2025-04-30", lastOpen: "2025-04-30"},
	{name: "first day of coverage", calendar: "pk-federal", last: "2010-01-04", filingDue: "2010-01-04", lastOpen: "2010-01-04"},
	{name: "last day of coverage", calendar: "pk-federal", last: "2030-12-31", filingDue: "2030-12-31", lastOpen: "2030-12-31"},
}

// backBy returns the trigger date from which r's period ends on last. No
// count of months ends on 31 December from a June trigger: such cases skip.
func backBy(t *testing.T, r policy.DeadlineRule, last civil.Date) civil.Date {
	t.Helper()
	if r.Period.Unit == policy.Months {
		from := last.AddMonths(-r.Period.N)
		if from.AddMonths(r.Period.N) != last {
			t.Skipf("%s: no trigger date ends %s on %s", r.ID, r.Period, last)
		}
		return from
	}
	return last.AddDays(-r.Period.N)
}

func TestComputeEveryRuleAtBoundaries(t *testing.T) {
	cals := map[string]*deadlines.Calendar{"pk-federal": builtin(t, "pk-federal"), "pk-islamabad": builtin(t, "pk-islamabad")}
	for _, r := range federalRules() {
		for _, b := range boundaries {
			t.Run(string(r.ID)+"/"+b.name, func(t *testing.T) {
				last := date(b.last)
				from := backBy(t, r, last)
				if from.Year() < 2010 {
					t.Skipf("%s: trigger %s is before the coverage", r.ID, from)
				}
				got, err := deadlines.Compute(r, from, cals[b.calendar])
				require.NoError(t, err, "Compute(%s, %s, %s)", r.ID, from, b.calendar)

				wantDue := last
				if r.Kind == policy.Filing {
					wantDue = date(b.filingDue)
				}
				wantLastOpen := date(b.lastOpen)
				if r.Kind == policy.Filing {
					wantLastOpen = wantDue
				}
				args := []any{"Compute(%s, %s, %s)", r.ID, from, b.calendar}
				assert.Equal(t, wantDue, got.Due, args...)
				assert.Equal(t, last, got.PeriodEnd, args...)
				assert.Equal(t, wantLastOpen, got.LastOpenDay, args...)
				assert.Equal(t, wantDue != last, got.RolledForward, args...)
				assert.Equal(t, b.estimated, got.TouchesEstimatedHoliday, args...)
				assert.Equal(t, deadlines.Deadline{
					Rule: r.ID, Kind: r.Kind, Period: r.Period, Forum: r.Forum, From: from,
					PeriodEnd: got.PeriodEnd, Due: got.Due, LastOpenDay: got.LastOpenDay,
					RolledForward: got.RolledForward, TouchesEstimatedHoliday: got.TouchesEstimatedHoliday,
					Calendar: b.calendar, Citation: r.Citation,
				}, got, args...)

				// The last day itself is in time; the day after is not.
				assert.Equal(t, deadlines.Pending, got.StatusAt(wantDue, civil.Date{}), "StatusAt(due) of %v", got)
				assert.Equal(t, deadlines.Met, got.StatusAt(wantDue, wantDue), "StatusAt(due, done due) of %v", got)
				if wantDue.Year() < 2031 {
					assert.Equal(t, deadlines.Overdue, got.StatusAt(wantDue.AddDays(1), civil.Date{}), "StatusAt(due+1) of %v", got)
					assert.Equal(t, deadlines.Late, got.StatusAt(wantDue.AddDays(1), wantDue.AddDays(1)), "StatusAt(due+1, done due+1) of %v", got)
				}
				// A trigger one day later ends no earlier, and for a count of
				// days one day later (before any roll); months clamp at month
				// ends, so 30 and 31 August both end on 28 February.
				next, err := deadlines.Compute(r, from.AddDays(1), cals[b.calendar])
				if last.Year() == 2030 && last.Month() == 12 && last.Day() == 31 {
					require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "Compute(%s, %s)", r.ID, from.AddDays(1))
					return
				}
				require.NoError(t, err, "Compute(%s, %s)", r.ID, from.AddDays(1))
				if r.Period.Unit == policy.Days {
					assert.Equal(t, last.AddDays(1), next.PeriodEnd, "Compute(%s, %s).PeriodEnd", r.ID, from.AddDays(1))
				} else {
					assert.False(t, next.PeriodEnd.Before(last), "Compute(%s, %s).PeriodEnd = %s, want on or after %s", r.ID, from.AddDays(1), next.PeriodEnd, last)
				}
			})
		}
	}
}

func TestComputeOutOfCoverage(t *testing.T) {
	cal := builtin(t, "pk-federal")
	for _, r := range federalRules() {
		for _, from := range []string{"2009-12-31", "2009-03-09", "2030-12-31", "2031-01-01"} {
			_, err := deadlines.Compute(r, date(from), cal)
			require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "Compute(%s, %s)", r.ID, from)
			var ce *deadlines.CoverageError
			require.ErrorAs(t, err, &ce, "Compute(%s, %s)", r.ID, from)
			assert.Equal(t, 2010, ce.FirstYear, "Compute(%s, %s)", r.ID, from)
			assert.Equal(t, 2030, ce.LastYear, "Compute(%s, %s)", r.ID, from)
			assert.Contains(t, err.Error(), "covers 2010 to 2030", "Compute(%s, %s)", r.ID, from)
		}
	}
	// A filing whose roll-forward would leave the coverage: 2030-12-31 is a
	// Tuesday, so close it on a calendar of one year.
	c2030, err := deadlines.NewCalendar(deadlines.Spec{ID: "end", Weekend: []time.Weekday{time.Saturday, time.Sunday}, FirstYear: 2030, LastYear: 2030,
		Holidays: []deadlines.Holiday{{Date: date("2030-12-31"), Name: "Closure", Status: deadlines.Notified}}})
	require.NoError(t, err)
	_, err = deadlines.Compute(ruleByID(t, policy.RuleDefence), date("2030-12-24"), c2030)
	require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "roll-forward past 2030")
	assert.Contains(t, err.Error(), "2031-01-01", "roll-forward past 2030")
	// A duty whose last open day would precede the coverage.
	c2010, err := deadlines.NewCalendar(deadlines.Spec{ID: "start", Weekend: []time.Weekday{time.Saturday, time.Sunday}, FirstYear: 2010, LastYear: 2010,
		Holidays: []deadlines.Holiday{{Date: date("2010-01-01"), Name: "Closure", Status: deadlines.Notified}}})
	require.NoError(t, err)
	_, err = deadlines.Compute(rule("zero", 0, policy.Days, policy.Duty, policy.Organisation, "test"), date("2010-01-03"), c2010)
	require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "last open day before 2010")
	assert.Contains(t, err.Error(), "2009-12-31", "last open day before 2010")
}

func TestComputeCounting(t *testing.T) {
	cal := builtin(t, "pk-federal")
	tests := []struct {
		name              string
		rule              policy.RuleID
		from              string
		wantDue, wantOpen string
		wantEnd           string // PeriodEnd; "" = wantDue
	}{
		{name: "trigger day excluded: 3 days of 2 March end on 5 March", rule: policy.RuleCharges, from: "2026-03-02", wantDue: "2026-03-05", wantOpen: "2026-03-05"},
		{name: "one week is 7 days", rule: policy.RuleDefence, from: "2026-03-05", wantDue: "2026-03-12", wantOpen: "2026-03-12"},
		{name: "filing last day Saturday rolls to Monday", rule: policy.RuleDefence, from: "2026-03-07", wantEnd: "2026-03-14", wantDue: "2026-03-16", wantOpen: "2026-03-16"},
		{name: "duty last day Saturday stays", rule: policy.RulePenalty, from: "2026-03-07", wantDue: "2026-03-14", wantOpen: "2026-03-13"},
		{name: "filing on estimated Eid and Pakistan Day rolls to Tuesday", rule: policy.RuleOmbudspersonDefence, from: "2026-03-16", wantEnd: "2026-03-21", wantDue: "2026-03-24", wantOpen: "2026-03-24"},
		{name: "six months from 31 August end on 28 February", rule: policy.RuleCodeDisplay, from: "2025-08-31", wantDue: "2026-02-28", wantOpen: "2026-02-27"},
		{name: "six months from 31 August end on leap day", rule: policy.RuleCodeDisplay, from: "2023-08-31", wantDue: "2024-02-29", wantOpen: "2024-02-29"},
		{name: "six months from 31 August 2024 end on Friday 28 February", rule: policy.RuleCodeDisplay, from: "2024-08-31", wantDue: "2025-02-28", wantOpen: "2025-02-28"},
		{name: "six months from 29 February end on 29 August", rule: policy.RuleCodeDisplay, from: "2024-02-29", wantDue: "2024-08-29", wantOpen: "2024-08-29"},
		{name: "30 days across February of a leap year", rule: policy.RuleAppealPenalised, from: "2024-02-01", wantDue: "2024-03-04", wantEnd: "2024-03-02", wantOpen: "2024-03-04"},
		{name: "30 days across February of a common year", rule: policy.RuleAppealComplainant, from: "2025-02-01", wantDue: "2025-03-03", wantOpen: "2025-03-03"},
		{name: "90 day target across the year end", rule: policy.RuleOmbudspersonDecision, from: "2025-11-01", wantDue: "2026-01-30", wantOpen: "2026-01-30"},
		{name: "target on a Sunday is not moved", rule: policy.RuleFOIRADisposal, from: "2025-07-02", wantDue: "2025-08-31", wantOpen: "2025-08-29"},
		{name: "zero days", rule: "zero", from: "2026-03-14", wantDue: "2026-03-14", wantOpen: "2026-03-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rule("zero", 0, policy.Days, policy.Duty, policy.InquiryCommittee, "test")
			if tt.rule != "zero" {
				r = ruleByID(t, tt.rule)
			}
			got, err := deadlines.Compute(r, date(tt.from), cal)
			require.NoError(t, err, "Compute(%s, %s)", tt.rule, tt.from)
			wantEnd := tt.wantEnd
			if wantEnd == "" {
				wantEnd = tt.wantDue
			}
			assert.Equal(t, date(tt.wantDue), got.Due, "Compute(%s, %s).Due", tt.rule, tt.from)
			assert.Equal(t, date(wantEnd), got.PeriodEnd, "Compute(%s, %s).PeriodEnd", tt.rule, tt.from)
			assert.Equal(t, date(tt.wantOpen), got.LastOpenDay, "Compute(%s, %s).LastOpenDay", tt.rule, tt.from)
			assert.Equal(t, tt.wantEnd != "", got.RolledForward, "Compute(%s, %s).RolledForward", tt.rule, tt.from)
		})
	}
}

func TestComputeStays(t *testing.T) {
	cal := builtin(t, "pk-federal")
	defence := ruleByID(t, policy.RuleDefence) // from 2026-03-05: ends Thursday 2026-03-12
	charges := ruleByID(t, policy.RuleCharges)
	stay := func(from, until string) deadlines.Stay { return deadlines.Stay{From: date(from), Until: date(until)} }
	tests := []struct {
		name         string
		rule         policy.DeadlineRule
		stays        []deadlines.Stay
		wantEnd      string
		wantDue      string
		wantStayDays int
	}{
		{name: "no stay", rule: defence, wantEnd: "2026-03-12", wantDue: "2026-03-12"},
		{name: "stay inside the period adds its days", rule: defence, stays: []deadlines.Stay{stay("2026-03-08", "2026-03-11")}, wantEnd: "2026-03-15", wantDue: "2026-03-16", wantStayDays: 3},
		{name: "stay starting on the last day", rule: defence, stays: []deadlines.Stay{stay("2026-03-12", "2026-03-13")}, wantEnd: "2026-03-13", wantDue: "2026-03-13", wantStayDays: 1},
		{name: "stay starting the day after the last day", rule: defence, stays: []deadlines.Stay{stay("2026-03-13", "2026-03-20")}, wantEnd: "2026-03-12", wantDue: "2026-03-12"},
		{name: "stay from before the trigger counts from the day after it", rule: defence, stays: []deadlines.Stay{stay("2026-03-01", "2026-03-07")}, wantEnd: "2026-03-13", wantDue: "2026-03-13", wantStayDays: 1},
		{name: "stay lifted on the trigger day", rule: defence, stays: []deadlines.Stay{stay("2026-03-01", "2026-03-05")}, wantEnd: "2026-03-12", wantDue: "2026-03-12"},
		{name: "stay lifted the day after the trigger", rule: defence, stays: []deadlines.Stay{stay("2026-03-01", "2026-03-06")}, wantEnd: "2026-03-12", wantDue: "2026-03-12"},
		{name: "empty stay", rule: defence, stays: []deadlines.Stay{stay("2026-03-08", "2026-03-08")}, wantEnd: "2026-03-12", wantDue: "2026-03-12"},
		{name: "overlapping stays count once", rule: defence, stays: []deadlines.Stay{stay("2026-03-08", "2026-03-10"), stay("2026-03-06", "2026-03-09")}, wantEnd: "2026-03-16", wantDue: "2026-03-16", wantStayDays: 4},
		{name: "nested stays count once", rule: defence, stays: []deadlines.Stay{stay("2026-03-06", "2026-03-11"), stay("2026-03-07", "2026-03-08")}, wantEnd: "2026-03-17", wantDue: "2026-03-17", wantStayDays: 5},
		{name: "second stay starts on the extended last day", rule: defence, stays: []deadlines.Stay{stay("2026-03-14", "2026-03-15"), stay("2026-03-06", "2026-03-08")}, wantEnd: "2026-03-15", wantDue: "2026-03-16", wantStayDays: 3},
		{name: "second stay starts after the extended last day", rule: defence, stays: []deadlines.Stay{stay("2026-03-06", "2026-03-08"), stay("2026-03-15", "2026-03-20")}, wantEnd: "2026-03-14", wantDue: "2026-03-16", wantStayDays: 2},
		{name: "duty stayed to a Sunday is not moved", rule: charges, stays: []deadlines.Stay{stay("2026-03-06", "2026-03-13")}, wantEnd: "2026-03-15", wantDue: "2026-03-15", wantStayDays: 7},
		{name: "long stay across months", rule: defence, stays: []deadlines.Stay{stay("2026-03-10", "2026-06-01")}, wantEnd: "2026-06-03", wantDue: "2026-06-03", wantStayDays: 83},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.stays)
			got, err := deadlines.Compute(tt.rule, date("2026-03-05"), cal, tt.stays...)
			require.NoError(t, err, "Compute(%s, 2026-03-05, %v)", tt.rule.ID, tt.stays)
			assert.Equal(t, date(tt.wantEnd), got.PeriodEnd, "Compute(%s, 2026-03-05, %v).PeriodEnd", tt.rule.ID, tt.stays)
			assert.Equal(t, date(tt.wantDue), got.Due, "Compute(%s, 2026-03-05, %v).Due", tt.rule.ID, tt.stays)
			assert.Equal(t, tt.wantStayDays, got.StayDays, "Compute(%s, 2026-03-05, %v).StayDays", tt.rule.ID, tt.stays)
			assert.Equal(t, before, tt.stays, "Compute must not modify its stays")
		})
	}
}

func TestComputeErrors(t *testing.T) {
	cal := builtin(t, "pk-federal")
	good := ruleByID(t, policy.RuleDefence)
	from := date("2026-03-05")
	withKind := func(k policy.Kind) policy.DeadlineRule { r := good; r.Kind = k; return r }
	withPeriod := func(p policy.Period) policy.DeadlineRule { r := good; r.Period = p; return r }
	tests := []struct {
		name  string
		rule  policy.DeadlineRule
		from  civil.Date
		cal   *deadlines.Calendar
		stays []deadlines.Stay
		want  error
		msg   string
	}{
		{name: "unknown kind", rule: withKind(policy.KindUnknown), from: from, cal: cal, want: deadlines.ErrInvalidRule, msg: `deadlines: invalid deadline rule: rule "defence" has kind %!Kind(0) (want duty, filing or target)`},
		{name: "kind out of range", rule: withKind(9), from: from, cal: cal, want: deadlines.ErrInvalidRule, msg: "kind %!Kind(9)"},
		{name: "negative period", rule: withPeriod(policy.Period{N: -1}), from: from, cal: cal, want: deadlines.ErrInvalidRule, msg: "negative period of -1 days"},
		{name: "unknown unit", rule: withPeriod(policy.Period{N: 1, Unit: 5}), from: from, cal: cal, want: deadlines.ErrInvalidRule, msg: "unit %!Unit(5)"},
		{name: "zero from", rule: good, cal: cal, want: deadlines.ErrInvalidDate, msg: `rule "defence" has no trigger date`},
		{name: "nil calendar", rule: good, from: from, want: deadlines.ErrOutOfCoverage, msg: `calendar "", which covers no years`},
		{name: "zero calendar", rule: good, from: from, cal: &deadlines.Calendar{}, want: deadlines.ErrOutOfCoverage, msg: "covers no years"},
		{name: "stay without end", rule: good, from: from, cal: cal, stays: []deadlines.Stay{{From: from}}, want: deadlines.ErrInvalidDate, msg: "pass the as-of date"},
		{name: "stay without start", rule: good, from: from, cal: cal, stays: []deadlines.Stay{{Until: from}}, want: deadlines.ErrInvalidDate, msg: "stay 0 has no start date"},
		{name: "stay ending before it starts", rule: good, from: from, cal: cal, stays: []deadlines.Stay{{From: from, Until: from.AddDays(-1)}}, want: deadlines.ErrInvalidDate, msg: "before it starts"},
		{name: "invalid stay outside the coverage", rule: good, from: date("2009-12-27"), cal: cal, stays: []deadlines.Stay{{From: date("2009-12-27"), Until: date("2009-12-13")}}, want: deadlines.ErrInvalidDate, msg: "before it starts"},
		{name: "period past year 9999", rule: withPeriod(policy.Period{N: 1 << 40}), from: from, cal: cal, want: deadlines.ErrOutOfCoverage, msg: "year 10000 is outside"},
		{name: "months past coverage", rule: withPeriod(policy.Period{N: 120, Unit: policy.Months}), from: from, cal: cal, want: deadlines.ErrOutOfCoverage, msg: "2036-03-05 is outside"},
		{name: "stay past coverage", rule: good, from: from, cal: cal, stays: []deadlines.Stay{{From: from, Until: date("2040-01-01")}}, want: deadlines.ErrOutOfCoverage, msg: "2040-01-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := deadlines.Compute(tt.rule, tt.from, tt.cal, tt.stays...)
			require.ErrorIs(t, err, tt.want, "Compute(%+v, %s, %v)", tt.rule, tt.from, tt.stays)
			assert.Contains(t, err.Error(), tt.msg, "Compute(%+v, %s, %v)", tt.rule, tt.from, tt.stays)
			assert.Equal(t, deadlines.Deadline{}, got, "Compute(%+v, %s, %v) on error", tt.rule, tt.from, tt.stays)

			end, due, lastOpen, err := tt.cal.Due(tt.rule.Kind, tt.rule.Period, tt.from, tt.stays...)
			require.ErrorIs(t, err, tt.want, "Due(%s, %s, %s, %v)", tt.rule.Kind, tt.rule.Period, tt.from, tt.stays)
			assert.Equal(t, [3]civil.Date{}, [3]civil.Date{end, due, lastOpen}, "Due(%s, %s, %s, %v) on error", tt.rule.Kind, tt.rule.Period, tt.from, tt.stays)
		})
	}
}

// TestDueErrorMessages checks the messages Due gives where Compute would
// name the rule: Due knows only its kind and period.
func TestDueErrorMessages(t *testing.T) {
	cal := builtin(t, "pk-federal")
	week := policy.Period{N: 7}
	tests := []struct {
		name string
		kind policy.Kind
		p    policy.Period
		from civil.Date
		msg  string
	}{
		{name: "unknown kind", kind: policy.KindUnknown, p: week, from: date("2026-03-05"), msg: "deadlines: invalid deadline rule: kind %!Kind(0) (want duty, filing or target)"},
		{name: "negative period", kind: policy.Duty, p: policy.Period{N: -3}, from: date("2026-03-05"), msg: "deadlines: invalid deadline rule: a negative period of -3 days"},
		{name: "zero from", kind: policy.Filing, p: week, msg: "deadlines: invalid date: no trigger date (the zero Date)"},
		{name: "from before coverage", kind: policy.Filing, p: week, from: date("2009-12-31"), msg: `deadlines: 2009-12-31 is outside calendar "pk-federal", which covers 2010 to 2030`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := cal.Due(tt.kind, tt.p, tt.from)
			require.Error(t, err, "Due(%s, %s, %s)", tt.kind, tt.p, tt.from)
			assert.Contains(t, err.Error(), tt.msg, "Due(%s, %s, %s)", tt.kind, tt.p, tt.from)
		})
	}
}

func TestComputeAllocatesNothing(t *testing.T) {
	cal := builtin(t, "pk-federal")
	defence := ruleByID(t, policy.RuleDefence)
	stays := []deadlines.Stay{{From: date("2026-03-08"), Until: date("2026-03-11")}}
	var sink deadlines.Deadline
	for _, tt := range []struct {
		name  string
		stays []deadlines.Stay
	}{{"no stays", nil}, {"one stay", stays}} {
		allocs := testing.AllocsPerRun(100, func() {
			d, err := deadlines.Compute(defence, date("2026-03-07"), cal, tt.stays...)
			if err != nil {
				t.Fatal(err)
			}
			sink = d
		})
		assert.Zero(t, allocs, "Compute with %s allocates", tt.name)
	}
	var sinkDate civil.Date
	allocs := testing.AllocsPerRun(100, func() {
		_, due, _, err := cal.Due(policy.Filing, policy.Period{N: 7}, date("2026-03-07"))
		if err != nil {
			t.Fatal(err)
		}
		sinkDate = due
	})
	assert.Zero(t, allocs, "Due allocates")
	allocs = testing.AllocsPerRun(100, func() {
		_, _ = cal.IsOpen(date("2026-03-14"))
		_, _ = cal.NextOpen(date("2026-03-21"))
		_, _ = cal.LastOpen(date("2026-03-21"))
	})
	assert.Zero(t, allocs, "IsOpen, NextOpen and LastOpen allocate")
	_, _ = sink, sinkDate
}

// TestBuiltinPolicyRules checks the table above against the rules policy
// ships, so the boundary tests cover every rule id of every built-in policy
// with its real kind and period, and computes each one.
func TestBuiltinPolicyRules(t *testing.T) {
	federal, islamabad := builtin(t, "pk-federal"), builtin(t, "pk-islamabad")
	ours := map[policy.RuleID]policy.DeadlineRule{}
	for _, r := range federalRules() {
		ours[r.ID] = r
	}
	set := policy.Builtin()
	for _, p := range set.All() {
		for _, r := range p.Rules() {
			mine, ok := ours[r.ID]
			require.True(t, ok, "%s: rule %q has no boundary tests here", p.ID(), r.ID)
			assert.Equal(t, mine.Kind, r.Kind, "%s: kind of %s", p.ID(), r.ID)
			assert.Equal(t, mine.Period, r.Period, "%s: period of %s", p.ID(), r.ID)
			assert.Equal(t, mine.Forum, r.Forum, "%s: forum of %s", p.ID(), r.ID)
			cal := federal
			if p.CalendarFor(r.Forum, "").Value == islamabad.ID() {
				cal = islamabad
			}
			d, err := deadlines.Compute(r, date("2025-08-07"), cal)
			require.NoError(t, err, "%s: Compute(%s, 2025-08-07)", p.ID(), r.ID)
			assert.Contains(t, d.Explain(), r.Citation.Section, "%s: Explain of %s cites it", p.ID(), r.ID)
		}
	}
}
