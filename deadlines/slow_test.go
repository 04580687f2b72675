package deadlines_test

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowCompute is Compute done the obvious way, one day at a time, through the
// calendar's public methods only. It expects a valid rule, trigger and stays.
func slowCompute(r policy.DeadlineRule, from civil.Date, cal *deadlines.Calendar, stays []deadlines.Stay) (deadlines.Deadline, error) {
	if _, err := cal.IsOpen(from); err != nil {
		return deadlines.Deadline{}, err
	}
	end := from.AddDays(r.Period.N)
	if r.Period.Unit == policy.Months {
		end = from.AddMonths(r.Period.N)
	}
	stayed := func(d civil.Date) bool {
		for _, s := range stays {
			if !d.Before(s.From) && d.Before(s.Until) {
				return true
			}
		}
		return false
	}
	// The clock runs one day for each day after from that no stay covers.
	day, counted, stayDays := from, 0, 0
	for counted < end.Sub(from) {
		day = day.AddDays(1)
		if stayed(day) {
			stayDays++
		} else {
			counted++
		}
	}
	d := deadlines.Deadline{Rule: r.ID, Kind: r.Kind, Period: r.Period, Forum: r.Forum, From: from,
		PeriodEnd: day, Due: day, StayDays: stayDays, Calendar: cal.ID(), Citation: r.Citation}
	open, err := cal.IsOpen(d.Due)
	for ; err == nil && !open && r.Kind == policy.Filing; open, err = cal.IsOpen(d.Due) {
		d.Due, d.RolledForward = d.Due.AddDays(1), true
	}
	if err != nil {
		return deadlines.Deadline{}, err
	}
	d.LastOpenDay = d.Due
	for ; err == nil && !open; open, err = cal.IsOpen(d.LastOpenDay) {
		d.LastOpenDay = d.LastOpenDay.AddDays(-1)
	}
	if err != nil {
		return deadlines.Deadline{}, err
	}
	for x := from.AddDays(1); !x.After(d.Due); x = x.AddDays(1) {
		hs, err := cal.Holidays(x.Year())
		if err != nil {
			return deadlines.Deadline{}, err
		}
		for _, h := range hs {
			d.TouchesEstimatedHoliday = d.TouchesEstimatedHoliday || h.Date == x && h.Status == deadlines.Estimated
		}
	}
	return d, nil
}

// randomCalendar is a calendar of a few years with a random weekend and
// random holidays, some on the same date.
func randomCalendar(t testing.TB, rng *rand.Rand) *deadlines.Calendar {
	first := 2015 + rng.IntN(10)
	spec := deadlines.Spec{ID: "random", FirstYear: first, LastYear: first + rng.IntN(3)}
	for w := range 7 {
		if rng.IntN(4) == 0 {
			spec.Weekend = append(spec.Weekend, time.Weekday(w))
		}
	}
	jan1 := civil.MustOf(first, time.January, 1)
	days := civil.MustOf(spec.LastYear, time.December, 31).Sub(jan1) + 1
	for i := range rng.IntN(days / 5) {
		spec.Holidays = append(spec.Holidays, deadlines.Holiday{
			Date: jan1.AddDays(rng.IntN(days)), Name: "Holiday " + string(rune('A'+i%26)) + string(rune('a'+i/26%26)),
			Status: deadlines.HolidayStatus(1 + rng.IntN(3)),
		})
	}
	cal, err := deadlines.NewCalendar(spec)
	require.NoError(t, err, "NewCalendar(%+v)", spec)
	return cal
}

// randomCase draws a rule, trigger and stays around cal's coverage.
func randomCase(rng *rand.Rand, cal *deadlines.Calendar) (policy.DeadlineRule, civil.Date, []deadlines.Stay) {
	first, last := cal.Coverage()
	start := civil.MustOf(first, time.January, 1).AddDays(-20)
	span := civil.MustOf(last, time.December, 31).Sub(start) + 40
	r := policy.DeadlineRule{ID: "random", Kind: policy.Kind(1 + rng.IntN(3)), Period: policy.Period{N: rng.IntN(100)},
		Forum: policy.Forum(rng.IntN(6)), Citation: policy.Citation{Section: "s.0", Confidence: policy.Low}}
	if rng.IntN(5) == 0 {
		r.Period = policy.Period{N: rng.IntN(15), Unit: policy.Months}
	}
	from := start.AddDays(rng.IntN(span))
	var stays []deadlines.Stay
	for range rng.IntN(4) {
		s := from.AddDays(rng.IntN(80) - 15)
		stays = append(stays, deadlines.Stay{From: s, Until: s.AddDays(rng.IntN(30))})
	}
	return r, from, stays
}

// checkAgainstOracle fails t if Compute or Calendar.Due disagrees with
// slowCompute.
func checkAgainstOracle(t testing.TB, r policy.DeadlineRule, from civil.Date, cal *deadlines.Calendar, stays []deadlines.Stay) (deadlines.Deadline, bool) {
	t.Helper()
	want, wantErr := slowCompute(r, from, cal, stays)
	got, err := deadlines.Compute(r, from, cal, stays...)
	end, due, lastOpen, dueErr := cal.Due(r.Kind, r.Period, from, stays...)
	if wantErr != nil {
		require.ErrorIs(t, wantErr, deadlines.ErrOutOfCoverage, "slowCompute(%+v, %s, %s, %v)", r, from, cal.ID(), stays)
		require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "Compute(%+v, %s, %s, %v): oracle says %v", r, from, cal.ID(), stays, wantErr)
		require.ErrorIs(t, dueErr, deadlines.ErrOutOfCoverage, "Due(%s, %s, %s, %v) on %s: oracle says %v", r.Kind, r.Period, from, stays, cal.ID(), wantErr)
		return got, false
	}
	require.NoError(t, err, "Compute(%+v, %s, %s, %v)", r, from, cal.ID(), stays)
	require.Equal(t, want, got, "Compute(%+v, %s, %s, %v)", r, from, cal.ID(), stays)
	require.NoError(t, dueErr, "Due(%s, %s, %s, %v) on %s", r.Kind, r.Period, from, stays, cal.ID())
	require.Equal(t, []civil.Date{want.PeriodEnd, want.Due, want.LastOpenDay}, []civil.Date{end, due, lastOpen},
		"Due(%s, %s, %s, %v) on %s: end, due, last open day", r.Kind, r.Period, from, stays, cal.ID())
	return got, true
}

func TestComputeAgreesWithOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(2010, 2022))
	cals := []*deadlines.Calendar{builtin(t, "pk-federal"), builtin(t, "pk-islamabad")}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	ok := 0
	for i := range n {
		cal := cals[i%2]
		if i%4 == 3 {
			cal = randomCalendar(t, rng)
		}
		r, from, stays := randomCase(rng, cal)
		if _, computed := checkAgainstOracle(t, r, from, cal, stays); computed {
			ok++
		}
	}
	// The draw must mostly land inside the coverage, or the test proves little.
	assert.Greater(t, ok, n*3/4, "cases computed without a coverage error")
}

func TestOracleSeesEveryClause(t *testing.T) {
	// The random draw must reach each behaviour at least once.
	rng := rand.New(rand.NewPCG(2010, 2022))
	cal := builtin(t, "pk-federal")
	var rolled, stayed, estimated, planned bool
	for range 5000 {
		r, from, stays := randomCase(rng, cal)
		d, err := deadlines.Compute(r, from, cal, stays...)
		if errors.Is(err, deadlines.ErrOutOfCoverage) {
			continue
		}
		require.NoError(t, err)
		rolled = rolled || d.RolledForward
		stayed = stayed || d.StayDays > 0
		estimated = estimated || d.TouchesEstimatedHoliday
		planned = planned || d.LastOpenDay != d.Due
	}
	assert.True(t, rolled && stayed && estimated && planned, "rolled %v, stayed %v, estimated %v, last open day before due %v", rolled, stayed, estimated, planned)
}
