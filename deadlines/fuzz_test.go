package deadlines_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func FuzzParseCalendar(f *testing.F) {
	for _, s := range []string{
		notified2026YAML, ownJSON,
		`{"id": "x", "base": "pk-islamabad", "remove": ["2026-03-23"], "weekend": []}`,
		`{"id": "x", "weekend": ["sunday"], "first_year": 2020, "last_year": 2020, "holidays": [{"date": "2020-02-29", "name": "Leap", "status": "estimated"}]}`,
		"id: x\nbase: pk-federal\nfirst_year: 2030\n",
		"id: x\nweekend: [monday]\nfirst_year: 1900\nlast_year: 2199\n",
		"id: [x\n", "- a\n", "", "{}", "null", "&a [*a]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cal, err := deadlines.ParseCalendar(data)
		if err != nil {
			require.ErrorIs(t, err, deadlines.ErrInvalidCalendar, "ParseCalendar(%q)", data)
			require.Nil(t, cal)
			return
		}
		require.NotEmpty(t, cal.ID(), "ParseCalendar(%q).ID()", data)
		first, last := cal.Coverage()
		require.LessOrEqual(t, first, last, "ParseCalendar(%q).Coverage()", data)
		for y := first; y <= last && y < first+3; y++ {
			hs, err := cal.Holidays(y)
			require.NoError(t, err, "Holidays(%d)", y)
			require.True(t, slices.IsSortedFunc(hs, func(a, b deadlines.Holiday) int { return a.Date.Compare(b.Date) }), "Holidays(%d) sorted", y)
			for _, h := range hs {
				open, err := cal.IsOpen(h.Date)
				require.NoError(t, err, "IsOpen(%s)", h.Date)
				require.False(t, open, "IsOpen(%s) on holiday %q", h.Date, h.Name)
			}
		}
	})
}

func FuzzCompute(f *testing.F) {
	f.Add(5907, 7, uint8(0), uint8(2), 3, 3)   // defence from 2026-03-05 with a stay
	f.Add(5909, 7, uint8(0), uint8(1), 100, 0) // duty from 2026-03-07, no stay
	f.Add(4990, 6, uint8(1), uint8(1), -2, 40) // six months across a leap day
	f.Add(-5, 3, uint8(0), uint8(2), 0, 1)     // before the coverage
	f.Add(7665, 30, uint8(0), uint8(3), 1, 5)  // past the coverage
	f.Add(5000, -1, uint8(0), uint8(0), 1, -5) // invalid rule and stay
	cal, err := deadlines.Builtin("pk-federal")
	require.NoError(f, err)
	start := civil.MustParse("2010-01-01")
	f.Fuzz(func(t *testing.T, fromOff, n int, unit, kind uint8, stayOff, stayLen int) {
		from := start.AddDays(fromOff % 8000)
		r := policy.DeadlineRule{ID: "fuzz", Kind: policy.Kind(kind % 5), Period: policy.Period{N: n % 2000, Unit: policy.Unit(unit % 3)}}
		if r.Period.Unit == policy.Months {
			r.Period.N %= 300
		}
		var stays []deadlines.Stay
		if stayOff%100 != 99 {
			s := from.AddDays(stayOff % 100)
			stays = append(stays, deadlines.Stay{From: s, Until: s.AddDays(stayLen % 100)})
		}
		got, err := deadlines.Compute(r, from, cal, stays...)
		switch {
		case r.Kind < policy.Duty || r.Kind > policy.Target || r.Period.Unit > policy.Months || r.Period.N < 0:
			require.ErrorIs(t, err, deadlines.ErrInvalidRule, "Compute(%+v, %s, %v)", r, from, stays)
			return
		case !from.IsValid() || len(stays) > 0 && stays[0].Until.Before(stays[0].From):
			require.ErrorIs(t, err, deadlines.ErrInvalidDate, "Compute(%+v, %s, %v)", r, from, stays)
			return
		case err != nil:
			require.True(t, errors.Is(err, deadlines.ErrOutOfCoverage), "Compute(%+v, %s, %v): %v", r, from, stays, err)
		default:
			assert.False(t, got.Due.Before(from), "Compute(%+v, %s, %v).Due = %s, before from", r, from, stays, got.Due)
			assert.False(t, got.LastOpenDay.After(got.Due), "Compute(%+v, %s, %v).LastOpenDay = %s, after due %s", r, from, stays, got.LastOpenDay, got.Due)
			open, err := cal.IsOpen(got.LastOpenDay)
			assert.True(t, err == nil && open, "Compute(%+v, %s, %v).LastOpenDay = %s, not open", r, from, stays, got.LastOpenDay)
			if r.Kind == policy.Filing {
				open, err := cal.IsOpen(got.Due)
				assert.True(t, err == nil && open, "Compute(%+v, %s, %v).Due = %s, a filing due on a closed day", r, from, stays, got.Due)
			} else {
				assert.Equal(t, got.PeriodEnd, got.Due, "Compute(%+v, %s, %v): a %s moved", r, from, stays, r.Kind)
			}
		}
		checkAgainstOracle(t, r, from, cal, stays)
	})
}
