package civil_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2026-03-02", "2026-03-02", false},
		{"2024-02-29", "2024-02-29", false},
		{"2023-02-29", "", true},
		{"2100-02-29", "", true},
		{"2000-02-29", "2000-02-29", false},
		{"0001-01-01", "0001-01-01", false},
		{"9999-12-31", "9999-12-31", false},
		{"0000-12-31", "", true},
		{"2026-13-01", "", true},
		{"2026-00-10", "", true},
		{"2026-04-31", "", true},
		{"2026-4-01", "", true},
		{"2026-04-01T00:00", "", true},
		{"", "", true},
		{"+026-04-01", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := civil.Parse(tt.in)
			if tt.wantErr {
				require.ErrorIs(t, err, civil.ErrInvalidDate, "Parse(%q)", tt.in)
				assert.Contains(t, err.Error(), "YYYY-MM-DD", "Parse(%q)", tt.in)
				return
			}
			require.NoError(t, err, "Parse(%q)", tt.in)
			assert.Equal(t, tt.want, got.String(), "Parse(%q)", tt.in)
		})
	}
}

// TestAgainstTime checks every day from 1900 to 2100 against the standard
// library's calendar: the slow, obviously correct oracle.
func TestAgainstTime(t *testing.T) {
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	d := civil.MustOf(1900, time.January, 1)
	for i := 0; i < 200*366; i++ {
		tm := start.AddDate(0, 0, i)
		y, m, dd := d.Date()
		require.Equal(t, tm.Format("2006-01-02"), d.String(), "day %d", i)
		require.Equal(t, [3]int{tm.Year(), int(tm.Month()), tm.Day()}, [3]int{y, int(m), dd}, "day %d", i)
		require.Equal(t, tm.Weekday(), d.Weekday(), "Weekday(%s)", d)
		require.Equal(t, i, d.Sub(civil.MustOf(1900, time.January, 1)), "Sub at %s", d)
		d = d.AddDays(1)
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2025-08-31", 6, "2026-02-28"},
		{"2023-08-31", 6, "2024-02-29"},
		{"2010-03-09", 6, "2010-09-09"},
		{"2026-01-31", 1, "2026-02-28"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-01-15", -13, "2024-12-15"},
		{"9999-12-01", 1, ""},
		{"0001-01-31", -1, ""},
	}
	for _, tt := range tests {
		got := civil.MustParse(tt.from).AddMonths(tt.n)
		assert.Equal(t, tt.want, got.String(), "MustParse(%q).AddMonths(%d)", tt.from, tt.n)
	}
}

func TestZeroValue(t *testing.T) {
	var z civil.Date
	assert.False(t, z.IsValid())
	assert.Equal(t, "", z.String())
	assert.Equal(t, civil.Date{}, z.AddDays(3))
	assert.Equal(t, civil.Date{}, z.AddMonths(3))
	assert.Equal(t, 0, z.Sub(civil.MustParse("2026-01-01")))
	assert.True(t, z.Before(civil.MustParse("0001-01-01")))
	assert.True(t, z.In(nil).IsZero())
	assert.Equal(t, civil.Date{}, civil.MustParse("9999-12-31").AddDays(1))
}

func TestJSONRoundTrip(t *testing.T) {
	type rec struct {
		On civil.Date `json:"on"`
	}
	var r rec
	require.NoError(t, json.Unmarshal([]byte(`{"on":"2026-03-02"}`), &r))
	assert.Equal(t, civil.MustOf(2026, time.March, 2), r.On)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"on":"2026-03-02"}`, string(b))
	require.Error(t, json.Unmarshal([]byte(`{"on":"2026-02-30"}`), &r))
	require.NoError(t, json.Unmarshal([]byte(`{"on":""}`), &r))
	assert.False(t, r.On.IsValid())
}

func TestFromTime(t *testing.T) {
	// 20:30 UTC on 1 March is already 2 March in Karachi.
	tm := time.Date(2026, 3, 1, 20, 30, 0, 0, time.UTC)
	assert.Equal(t, "2026-03-02", civil.FromTime(tm).String())
	assert.Equal(t, "2026-03-01", civil.FromTimeIn(tm, time.UTC).String())
	assert.Equal(t, time.Date(2026, 3, 1, 19, 0, 0, 0, time.UTC), civil.MustParse("2026-03-02").In(nil).UTC(), "midnight in Karachi")
}

func TestNoAllocs(t *testing.T) {
	d := civil.MustParse("2026-03-02")
	allocs := testing.AllocsPerRun(100, func() {
		d = d.AddDays(3).AddMonths(1)
		_ = d.Weekday()
	})
	assert.Zero(t, allocs, "AddDays/AddMonths/Weekday allocations")
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-03-02", "2024-02-29", "0001-01-01", "9999-12-31", "2026-02-30", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := civil.Parse(s)
		if err != nil {
			require.ErrorIs(t, err, civil.ErrInvalidDate)
			return
		}
		require.Equal(t, s, d.String(), "Parse(%q) round trip", s)
		tm, terr := time.Parse("2006-01-02", s)
		require.NoError(t, terr, "time.Parse(%q) disagrees", s)
		require.Equal(t, tm.Weekday(), d.Weekday(), "Weekday(%q)", s)
		n := d.Sub(civil.MustParse("2000-01-01"))
		require.Equal(t, d, civil.MustParse("2000-01-01").AddDays(n), "AddDays inverse of Sub for %q", s)
	})
}
