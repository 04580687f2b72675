package deadlines_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltin(t *testing.T) {
	assert.Equal(t, []string{"pk-federal", "pk-islamabad"}, deadlines.BuiltinIDs())
	assert.True(t, slices.IsSorted(deadlines.BuiltinIDs()), "BuiltinIDs sorted")
	for _, id := range deadlines.BuiltinIDs() {
		cal := builtin(t, id)
		assert.Equal(t, id, cal.ID(), "Builtin(%q).ID()", id)
		first, last := cal.Coverage()
		assert.Equal(t, [2]int{2010, 2030}, [2]int{first, last}, "Builtin(%q).Coverage()", id)
		assert.Equal(t, []time.Weekday{time.Sunday, time.Saturday}, cal.Weekend(), "Builtin(%q).Weekend()", id)
		for y := first; y <= last; y++ {
			hs, err := cal.Holidays(y)
			require.NoError(t, err, "Builtin(%q).Holidays(%d)", id, y)
			// Every year has at least the fixed national days.
			assert.GreaterOrEqual(t, len(hs), 8, "Builtin(%q).Holidays(%d)", id, y)
		}
	}
	// Two builds are equal but not shared.
	a, b := builtin(t, "pk-federal"), builtin(t, "pk-federal")
	assert.Equal(t, a, b, "Builtin twice")
	assert.NotSame(t, a, b, "Builtin twice")
}

func TestBuiltinUnknown(t *testing.T) {
	for _, id := range []string{"", "pk-punjab", "PK-FEDERAL"} {
		cal, err := deadlines.Builtin(id)
		require.ErrorIs(t, err, deadlines.ErrUnknownCalendar, "Builtin(%q)", id)
		assert.Nil(t, cal, "Builtin(%q)", id)
		assert.Equal(t, fmt.Sprintf("deadlines: unknown calendar %q (known: pk-federal, pk-islamabad)", id), err.Error(), "Builtin(%q)", id)
	}
}

func TestHolidays(t *testing.T) {
	federal, islamabad := builtin(t, "pk-federal"), builtin(t, "pk-islamabad")
	h := func(d, name string, s deadlines.HolidayStatus) deadlines.Holiday {
		return deadlines.Holiday{Date: date(d), Name: name, Status: s}
	}
	got, err := federal.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, []deadlines.Holiday{
		h("2026-02-05", "Kashmir Solidarity Day", deadlines.Fixed),
		h("2026-03-21", "Eid-ul-Fitr", deadlines.Estimated),
		h("2026-03-22", "Eid-ul-Fitr", deadlines.Estimated),
		h("2026-03-23", "Eid-ul-Fitr", deadlines.Estimated),
		h("2026-03-23", "Pakistan Day", deadlines.Fixed),
		h("2026-05-01", "Labour Day", deadlines.Fixed),
		h("2026-05-27", "Eid-ul-Adha", deadlines.Estimated),
		h("2026-05-28", "Eid-ul-Adha", deadlines.Estimated),
		h("2026-05-28", "Youm-e-Takbeer", deadlines.Fixed),
		h("2026-05-29", "Eid-ul-Adha", deadlines.Estimated),
		h("2026-06-24", "Ashura", deadlines.Estimated),
		h("2026-06-25", "Ashura", deadlines.Estimated),
		h("2026-08-14", "Independence Day", deadlines.Fixed),
		h("2026-08-25", "Eid Milad-un-Nabi", deadlines.Estimated),
		h("2026-11-09", "Iqbal Day", deadlines.Fixed),
		h("2026-12-25", "Quaid-e-Azam Day", deadlines.Fixed),
	}, got, "Holidays(2026)")

	fed24, err := federal.Holidays(2024)
	require.NoError(t, err)
	isl24, err := islamabad.Holidays(2024)
	require.NoError(t, err)
	assert.Len(t, isl24, len(fed24)+3, "pk-islamabad adds the SCO summit closures of 2024")
	assert.Contains(t, isl24, h("2024-10-15", "SCO summit closure", deadlines.Notified))
	assert.NotContains(t, fed24, h("2024-10-15", "SCO summit closure", deadlines.Notified))

	// The result is a copy: changing it changes nothing.
	got[0].Name = "changed"
	again, err := federal.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, "Kashmir Solidarity Day", again[0].Name, "Holidays returned shared storage")

	for _, y := range []int{2009, 2031, 0, -1, 10000} {
		_, err := federal.Holidays(y)
		require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "Holidays(%d)", y)
		assert.Equal(t, fmt.Sprintf(`deadlines: year %d is outside calendar "pk-federal", which covers 2010 to 2030 (holidays are known only for those years)`, y), err.Error())
	}
	empty, err := deadlines.NewCalendar(deadlines.Spec{ID: "empty", FirstYear: 2020, LastYear: 2020})
	require.NoError(t, err)
	none, err := empty.Holidays(2020)
	require.NoError(t, err)
	assert.Nil(t, none, "Holidays of a year without holidays")
}

func TestIsOpenNextLast(t *testing.T) {
	cal := builtin(t, "pk-federal")
	tests := []struct {
		day            string
		open           bool
		next, lastOpen string
	}{
		{day: "2026-03-12", open: true, next: "2026-03-12", lastOpen: "2026-03-12"},  // Thursday
		{day: "2026-03-14", open: false, next: "2026-03-16", lastOpen: "2026-03-13"}, // Saturday
		{day: "2026-03-20", open: true, next: "2026-03-20", lastOpen: "2026-03-20"},  // Friday before Eid
		{day: "2026-03-21", open: false, next: "2026-03-24", lastOpen: "2026-03-20"}, // Eid (Saturday)
		{day: "2026-03-23", open: false, next: "2026-03-24", lastOpen: "2026-03-20"}, // Eid and Pakistan Day
		{day: "2010-01-01", open: true, next: "2010-01-01", lastOpen: "2010-01-01"},  // first covered day
		{day: "2030-12-31", open: true, next: "2030-12-31", lastOpen: "2030-12-31"},  // last covered day
		{day: "2030-12-28", open: false, next: "2030-12-30", lastOpen: "2030-12-27"}, // Saturday at the end
		{day: "2024-02-29", open: true, next: "2024-02-29", lastOpen: "2024-02-29"},  // leap day
		{day: "2025-06-07", open: false, next: "2025-06-10", lastOpen: "2025-06-05"}, // Eid-ul-Adha Saturday
		{day: "2012-01-01", open: false, next: "2012-01-02", lastOpen: "2011-12-30"}, // Sunday across a year
		{day: "2016-12-25", open: false, next: "2016-12-26", lastOpen: "2016-12-23"}, // holiday on a Sunday
		{day: "2019-08-14", open: false, next: "2019-08-16", lastOpen: "2019-08-09"}, // Eid and Independence Day
		{day: "2024-10-15", open: true, next: "2024-10-15", lastOpen: "2024-10-15"},  // Islamabad-only closure
	}
	for _, tt := range tests {
		d := date(tt.day)
		open, err := cal.IsOpen(d)
		require.NoError(t, err, "IsOpen(%s)", d)
		assert.Equal(t, tt.open, open, "IsOpen(%s)", d)
		next, err := cal.NextOpen(d)
		require.NoError(t, err, "NextOpen(%s)", d)
		assert.Equal(t, date(tt.next), next, "NextOpen(%s)", d)
		last, err := cal.LastOpen(d)
		require.NoError(t, err, "LastOpen(%s)", d)
		assert.Equal(t, date(tt.lastOpen), last, "LastOpen(%s)", d)
	}
	isl := builtin(t, "pk-islamabad")
	open, err := isl.IsOpen(date("2024-10-15"))
	require.NoError(t, err)
	assert.False(t, open, "pk-islamabad IsOpen(2024-10-15)")
}

func TestCoverageErrors(t *testing.T) {
	cal := builtin(t, "pk-federal")
	for _, d := range []string{"2009-12-31", "2031-01-01", "0001-01-01", "9999-12-31"} {
		_, err := cal.IsOpen(date(d))
		require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "IsOpen(%s)", d)
		var ce *deadlines.CoverageError
		require.ErrorAs(t, err, &ce, "IsOpen(%s)", d)
		assert.Equal(t, deadlines.CoverageError{Calendar: "pk-federal", Date: date(d), FirstYear: 2010, LastYear: 2030}, *ce, "IsOpen(%s)", d)
		assert.Equal(t, `deadlines: `+d+` is outside calendar "pk-federal", which covers 2010 to 2030 (holidays are known only for those years)`, err.Error())
		_, err = cal.NextOpen(date(d))
		assert.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "NextOpen(%s)", d)
		_, err = cal.LastOpen(date(d))
		assert.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "LastOpen(%s)", d)
	}
	_, err := cal.IsOpen(civil.Date{})
	require.ErrorIs(t, err, deadlines.ErrInvalidDate, "IsOpen(zero)")
	_, err = cal.NextOpen(civil.Date{})
	require.ErrorIs(t, err, deadlines.ErrInvalidDate, "NextOpen(zero)")

	// A calendar closed to its end: no next open day within the coverage.
	spec := deadlines.Spec{ID: "closing", FirstYear: 2020, LastYear: 2020, Weekend: []time.Weekday{time.Saturday, time.Sunday},
		Holidays: []deadlines.Holiday{{Date: date("2020-12-31"), Name: "Closure", Status: deadlines.Fixed}, {Date: date("2020-01-01"), Name: "Closure", Status: deadlines.Fixed}}}
	closing, err := deadlines.NewCalendar(spec)
	require.NoError(t, err)
	_, err = closing.NextOpen(date("2020-12-31"))
	require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "NextOpen at the end")
	assert.Contains(t, err.Error(), "2021-01-01 is outside")
	_, err = closing.LastOpen(date("2020-01-01"))
	require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "LastOpen at the start")
	assert.Contains(t, err.Error(), "2019-12-31 is outside")

	var zero *deadlines.Calendar
	_, err = zero.IsOpen(date("2026-01-01"))
	require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "nil calendar")
	assert.Equal(t, `deadlines: 2026-01-01 is outside calendar "", which covers no years`, err.Error())
	_, err = zero.Holidays(2026)
	require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "nil calendar Holidays")
	_, err = (&deadlines.Calendar{}).Holidays(0)
	require.ErrorIs(t, err, deadlines.ErrOutOfCoverage, "zero calendar Holidays(0)")
	assert.Empty(t, zero.ID())
	assert.Empty(t, zero.Weekend())
}

func TestNewCalendarValidates(t *testing.T) {
	ok := deadlines.Spec{ID: "acme", Weekend: []time.Weekday{time.Sunday}, FirstYear: 2025, LastYear: 2026,
		Holidays: []deadlines.Holiday{{Date: date("2025-06-01"), Name: "Founders' Day", Status: deadlines.Fixed}}}
	with := func(f func(*deadlines.Spec)) deadlines.Spec {
		s := ok
		s.Holidays = slices.Clone(ok.Holidays)
		f(&s)
		return s
	}
	hol := func(d, name string, st deadlines.HolidayStatus) func(*deadlines.Spec) {
		return func(s *deadlines.Spec) {
			s.Holidays = append(s.Holidays, deadlines.Holiday{Date: civil.Date{}, Name: name, Status: st})
			if d != "" {
				s.Holidays[len(s.Holidays)-1].Date = date(d)
			}
		}
	}
	tests := []struct {
		name string
		spec deadlines.Spec
		msg  string
	}{
		{name: "zero spec", spec: deadlines.Spec{}, msg: `deadlines: invalid calendar: id: "" is not a calendar id`},
		{name: "uppercase id", spec: with(func(s *deadlines.Spec) { s.ID = "Acme" }), msg: `"Acme" is not a calendar id`},
		{name: "id with space", spec: with(func(s *deadlines.Spec) { s.ID = "acme lahore" }), msg: "is not a calendar id"},
		{name: "id starting with dash", spec: with(func(s *deadlines.Spec) { s.ID = "-acme" }), msg: "is not a calendar id"},
		{name: "long id", spec: with(func(s *deadlines.Spec) { s.ID = strings.Repeat("a", 65) }), msg: "is not a calendar id"},
		{name: "bad weekday", spec: with(func(s *deadlines.Spec) { s.Weekend = []time.Weekday{7} }), msg: `invalid calendar "acme": weekend[0]: weekday 7 is not a day of the week`},
		{name: "every day closed", spec: with(func(s *deadlines.Spec) { s.Weekend = []time.Weekday{0, 1, 2, 3, 4, 5, 6} }), msg: "closes every day of the week"},
		{name: "no years", spec: with(func(s *deadlines.Spec) { s.FirstYear, s.LastYear = 0, 0 }), msg: "years: coverage 0 to 0 is not a range of years within 1900..2199"},
		{name: "years reversed", spec: with(func(s *deadlines.Spec) { s.FirstYear, s.LastYear = 2026, 2025 }), msg: "coverage 2026 to 2025"},
		{name: "years too late", spec: with(func(s *deadlines.Spec) { s.LastYear = 2200 }), msg: "coverage 2025 to 2200"},
		{name: "holiday without date", spec: with(hol("", "X", deadlines.Fixed)), msg: "holidays[1]: has no date"},
		{name: "holiday outside years", spec: with(hol("2027-01-01", "X", deadlines.Fixed)), msg: "holidays[1]: 2027-01-01 is outside the calendar's years 2025 to 2026"},
		{name: "holiday without status", spec: with(hol("2025-01-01", "X", 0)), msg: "has status %!HolidayStatus(0)"},
		{name: "holiday without name", spec: with(hol("2025-01-01", " ", deadlines.Fixed)), msg: `name " " must be 1 to 200 bytes`},
		{name: "holiday name with newline", spec: with(hol("2025-01-01", "a\nb", deadlines.Fixed)), msg: "contains a control character"},
		{name: "holiday name not UTF-8", spec: with(hol("2025-01-01", "\xff", deadlines.Fixed)), msg: "bytes of UTF-8 text"},
		{name: "duplicate holiday", spec: with(hol("2025-06-01", "Founders' Day", deadlines.Notified)), msg: `holidays: 2025-06-01 "Founders' Day" is listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal, err := deadlines.NewCalendar(tt.spec)
			require.ErrorIs(t, err, deadlines.ErrInvalidCalendar, "NewCalendar(%+v)", tt.spec)
			var ce *deadlines.CalendarError
			require.ErrorAs(t, err, &ce, "NewCalendar(%+v)", tt.spec)
			assert.Contains(t, err.Error(), tt.msg, "NewCalendar(%+v)", tt.spec)
			assert.Nil(t, cal)
		})
	}
	cal, err := deadlines.NewCalendar(ok)
	require.NoError(t, err)
	assert.Equal(t, []time.Weekday{time.Sunday}, cal.Weekend())
	// Two holidays on one date with different names are fine; input order is
	// not, and the spec's slice is left alone.
	two := with(func(s *deadlines.Spec) {
		s.Holidays = append(s.Holidays, deadlines.Holiday{Date: date("2025-06-01"), Name: "Audit Day", Status: deadlines.Estimated},
			deadlines.Holiday{Date: date("2025-01-02"), Name: "Opening", Status: deadlines.Notified})
	})
	before := slices.Clone(two.Holidays)
	cal, err = deadlines.NewCalendar(two)
	require.NoError(t, err)
	assert.Equal(t, before, two.Holidays, "NewCalendar changed its input")
	hs, err := cal.Holidays(2025)
	require.NoError(t, err)
	assert.Equal(t, []string{"Opening", "Audit Day", "Founders' Day"}, names(hs))
	// A seven-day office is open on Saturday and Sunday.
	seven, err := deadlines.NewCalendar(deadlines.Spec{ID: "seven", FirstYear: 2025, LastYear: 2025})
	require.NoError(t, err)
	open, err := seven.IsOpen(date("2025-03-15"))
	require.NoError(t, err)
	assert.True(t, open, "seven-day office on a Saturday")
}

func names(hs []deadlines.Holiday) []string {
	var ns []string
	for _, h := range hs {
		ns = append(ns, h.Name)
	}
	return ns
}

func TestCalendarConcurrentUse(t *testing.T) {
	cal := builtin(t, "pk-islamabad")
	r := ruleByID(t, "defence")
	want, err := deadlines.Compute(r, date("2025-12-18"), cal)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				got, err := deadlines.Compute(r, date("2025-12-18"), cal)
				if assert.NoError(t, err) {
					assert.Equal(t, want, got)
				}
				_, _ = cal.Holidays(2025)
			}
		})
	}
	wg.Wait()
}

func TestHolidayStatusText(t *testing.T) {
	for _, s := range []deadlines.HolidayStatus{deadlines.Fixed, deadlines.Notified, deadlines.Estimated} {
		b, err := s.MarshalText()
		require.NoError(t, err, "%v.MarshalText()", s)
		var back deadlines.HolidayStatus
		require.NoError(t, back.UnmarshalText(b), "UnmarshalText(%q)", b)
		assert.Equal(t, s, back, "round trip of %q", b)
	}
	assert.Equal(t, "fixed notified estimated", fmt.Sprint(deadlines.Fixed, deadlines.Notified, deadlines.Estimated))
	assert.Equal(t, "%!HolidayStatus(0) %!HolidayStatus(9)", fmt.Sprint(deadlines.HolidayStatus(0), deadlines.HolidayStatus(9)))
	_, err := deadlines.HolidayStatus(0).MarshalText()
	assert.Error(t, err, "MarshalText of the zero status")
	var s deadlines.HolidayStatus
	assert.EqualError(t, s.UnmarshalText([]byte("Fixed")), `deadlines: unknown holiday status "Fixed" (want fixed, notified or estimated)`)
	assert.Error(t, s.UnmarshalText(nil), "UnmarshalText(nil)")
}
