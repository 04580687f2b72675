package deadlines_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hifazat/hifazat/deadlines"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// notified2026 replaces the estimated Eid-ul-Fitr of 2026 with invented
// notified dates, keeping Pakistan Day.
const notified2026YAML = `
id: acme-2026
base: pk-federal
first_year: 2026
last_year: 2026
remove: ["2026-03-21 Eid-ul-Fitr", "2026-03-22 Eid-ul-Fitr", "2026-03-23 Eid-ul-Fitr"]
holidays:
  - {date: 2026-03-20, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-03-21, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-03-22, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-04-06, name: Acme Founders' Day, status: fixed}
`

const ownJSON = `{
  "id": "acme-karachi",
  "weekend": ["Friday", "saturday"],
  "first_year": 2025,
  "last_year": 2026,
  "holidays": [
    {"date": "2026-01-01", "name": "New Year closure", "status": "notified"},
    {"date": "2025-12-25", "name": "Quaid-e-Azam Day", "status": "fixed"}
  ]
}`

func TestParseCalendar(t *testing.T) {
	cal, err := deadlines.ParseCalendar([]byte(notified2026YAML))
	require.NoError(t, err, "ParseCalendar(%s)", notified2026YAML)
	assert.Equal(t, "acme-2026", cal.ID())
	first, last := cal.Coverage()
	assert.Equal(t, [2]int{2026, 2026}, [2]int{first, last})
	assert.Equal(t, []time.Weekday{time.Sunday, time.Saturday}, cal.Weekend(), "weekend from the base")
	hs, err := cal.Holidays(2026)
	require.NoError(t, err)
	var march []deadlines.Holiday
	for _, h := range hs {
		if h.Date.Month() == time.March {
			march = append(march, h)
		}
	}
	assert.Equal(t, []deadlines.Holiday{
		{Date: date("2026-03-20"), Name: "Eid-ul-Fitr", Status: deadlines.Notified},
		{Date: date("2026-03-21"), Name: "Eid-ul-Fitr", Status: deadlines.Notified},
		{Date: date("2026-03-22"), Name: "Eid-ul-Fitr", Status: deadlines.Notified},
		{Date: date("2026-03-23"), Name: "Pakistan Day", Status: deadlines.Fixed},
	}, march)
	assert.Contains(t, hs, deadlines.Holiday{Date: date("2026-04-06"), Name: "Acme Founders' Day", Status: deadlines.Fixed})
	// The Eid window no longer touches an estimate; Ashura still does.
	d, err := deadlines.Compute(ruleByID(t, "defence"), date("2026-03-13"), cal)
	require.NoError(t, err)
	assert.False(t, d.TouchesEstimatedHoliday, "defence over the notified Eid: %+v", d)
	assert.Equal(t, date("2026-03-24"), d.Due)
	d, err = deadlines.Compute(ruleByID(t, "defence"), date("2026-06-20"), cal)
	require.NoError(t, err)
	assert.True(t, d.TouchesEstimatedHoliday, "defence over estimated Ashura: %+v", d)
	// Outside the narrowed coverage.
	_, err = cal.IsOpen(date("2025-12-31"))
	assert.ErrorIs(t, err, deadlines.ErrOutOfCoverage)

	own, err := deadlines.ParseCalendar([]byte(ownJSON))
	require.NoError(t, err, "ParseCalendar(%s)", ownJSON)
	assert.Equal(t, []time.Weekday{time.Friday, time.Saturday}, own.Weekend())
	open, err := own.IsOpen(date("2026-01-04")) // a Sunday
	require.NoError(t, err)
	assert.True(t, open, "Sunday is a working day at acme-karachi")
	open, err = own.IsOpen(date("2026-01-01"))
	require.NoError(t, err)
	assert.False(t, open, "2026-01-01 is closed at acme-karachi")

	// A whole date removed; JSON with a base and only the id.
	whole, err := deadlines.ParseCalendar([]byte(`{"id": "x", "base": "pk-islamabad", "remove": ["2026-03-23"], "weekend": []}`))
	require.NoError(t, err)
	first, last = whole.Coverage()
	assert.Equal(t, [2]int{2010, 2030}, [2]int{first, last}, "coverage of the base")
	assert.Empty(t, whole.Weekend(), "an empty weekend overrides the base's")
	open, err = whole.IsOpen(date("2026-03-23"))
	require.NoError(t, err)
	assert.True(t, open, "2026-03-23 after removing the date")
	open, err = whole.IsOpen(date("2024-10-15"))
	require.NoError(t, err)
	assert.False(t, open, "the Islamabad closures come with the base")
}

func TestParseCalendarErrors(t *testing.T) {
	tests := []struct {
		name, data, msg string
	}{
		{name: "empty", data: " \n", msg: "deadlines: invalid calendar: empty document"},
		{name: "unknown JSON field", data: `{"id": "x", "weekend": [], "first_year": 2020, "last_year": 2020, "holiday": []}`, msg: "deadlines: invalid calendar: holiday: unknown field (want one of: id, base, weekend, first_year, last_year, holidays, remove)"},
		{name: "unknown YAML field", data: "id: x\nweekends: []\n", msg: "weekends: line 2: unknown field (want one of: id, base, weekend,"},
		{name: "trailing JSON", data: `{"id": "x"} {}`, msg: "invalid JSON: data after the object"},
		{name: "second YAML document", data: "id: x\nbase: pk-federal\n---\nid: y\n", msg: "more than one document"},
		{name: "JSON list for a string", data: `{"id": ["x"]}`, msg: "calendar: id: want a single value, not a list or mapping"},
		{name: "JSON string for a year", data: `{"id": "x", "base": "pk-federal", "first_year": "2020"}`, msg: `calendar: first_year: want a whole number, got "2020"`},
		{name: "JSON fractional year", data: `{"id": "x", "base": "pk-federal", "first_year": 2020.7}`, msg: `calendar: first_year: want a whole number, got "2020.7"`},
		{name: "JSON year with a point", data: `{"id": "x", "base": "pk-federal", "last_year": 2026.0}`, msg: `calendar: last_year: want a whole number, got "2026.0"`},
		{name: "JSON key given twice", data: "{\"id\": \"x\", \"base\": \"pk-federal\",\n \"first_year\": 2020, \"first_year\": 2026}", msg: "calendar: first_year: line 2: given twice"},
		{name: "JSON holiday key given twice", data: `{"id": "x", "base": "pk-federal", "holidays": [{"date": "2026-02-03", "name": "A", "status": "fixed", "name": "B"}]}`, msg: "calendar: holidays[0].name: line 1: given twice"},
		{name: "JSON too large", data: `{"id": "x", "base": "pk-federal"}` + strings.Repeat(" ", 1<<20), msg: "calendar: larger than 1048576 bytes"},
		{name: "YAML fractional year", data: "id: x\nbase: pk-federal\nfirst_year: 2020.7\n", msg: `calendar: first_year: line 3: want a whole number, got "2020.7"`},
		{name: "YAML key given twice", data: "id: x\nbase: pk-federal\nid: y\n", msg: "calendar: id: line 3: given twice"},
		{name: "YAML alias", data: "id: &i x\nbase: *i\n", msg: "calendar: id: line 1: YAML anchors and aliases are not allowed"},
		{name: "YAML too large", data: "id: x\nbase: pk-federal\n#" + strings.Repeat("x", 1<<20), msg: "calendar: larger than 1048576 bytes"},
		{name: "YAML type mismatch", data: "id: x\nfirst_year: soon\n", msg: `calendar: first_year: line 2: want a whole number, got "soon"`},
		{name: "YAML not a mapping", data: "- a\n- b\n", msg: "calendar: line 1: want a mapping of field names to values"},
		{name: "broken YAML", data: "id: [x\n", msg: "calendar: line 1: did not find expected ',' or ']'"},
		{name: "no id", data: `{"base": "pk-federal"}`, msg: `id: "" is not a calendar id`},
		{name: "unknown base", data: `{"id": "x", "base": "pk-lahore"}`, msg: `invalid calendar "x": base: unknown calendar "pk-lahore" (known: pk-federal, pk-islamabad)`},
		{name: "years beyond base", data: `{"id": "x", "base": "pk-federal", "last_year": 2031}`, msg: `years: 2010 to 2031 reach beyond base "pk-federal", which covers 2010 to 2030`},
		{name: "no weekend without base", data: `{"id": "x", "first_year": 2020, "last_year": 2020}`, msg: "weekend: is required without a base"},
		{name: "bad weekday", data: `{"id": "x", "base": "pk-federal", "weekend": ["sunday", "sat"]}`, msg: `weekend[1]: "sat" is not a weekday (want sunday, monday, ..., saturday)`},
		{name: "YAML bad weekday", data: "id: x\nbase: pk-federal\nweekend:\n  - sunday\n  - 6\n", msg: `weekend[1]: line 5: "6" is not a weekday`},
		{name: "no years without base", data: `{"id": "x", "weekend": []}`, msg: "coverage 0 to 0"},
		{name: "remove without base", data: `{"id": "x", "weekend": [], "first_year": 2020, "last_year": 2020, "remove": ["2020-01-01"]}`, msg: "remove: needs a base calendar"},
		{name: "remove bad date", data: `{"id": "x", "base": "pk-federal", "remove": ["23 March 2026"]}`, msg: `remove[0]: "23 March 2026" is not YYYY-MM-DD`},
		{name: "remove no holiday", data: `{"id": "x", "base": "pk-federal", "remove": ["2026-03-24"]}`, msg: `remove[0]: base "pk-federal" has no holiday "2026-03-24"`},
		{name: "remove wrong name", data: `{"id": "x", "base": "pk-federal", "remove": ["2026-03-23 Eid"]}`, msg: `has no holiday "2026-03-23 Eid"`},
		{name: "holiday bad date", data: `{"id": "x", "base": "pk-federal", "holidays": [{"date": "2026-02-30", "name": "A", "status": "fixed"}]}`, msg: `holidays[0].date: civil: invalid date "2026-02-30"`},
		{name: "holiday no date", data: `{"id": "x", "base": "pk-federal", "holidays": [{"name": "A", "status": "fixed"}]}`, msg: `invalid calendar "x": holidays[0]: date is missing (want YYYY-MM-DD)`},
		{name: "holiday no status", data: "id: x\nbase: pk-federal\nholidays:\n  - {date: 2026-02-03, name: A}\n", msg: `invalid calendar "x": holidays[0]: status is missing (want fixed, notified or estimated)`},
		{name: "holiday bad status", data: `{"id": "x", "base": "pk-federal", "holidays": [{"date": "2026-02-03", "name": "A", "status": "maybe"}]}`, msg: `holidays[0].status: unknown holiday status "maybe" (want fixed, notified or estimated)`},
		{name: "holiday no name", data: `{"id": "x", "base": "pk-federal", "holidays": [{"date": "2026-02-03", "status": "fixed"}]}`, msg: `holidays[0]: name "" must be`},
		{name: "holiday outside years", data: `{"id": "x", "base": "pk-federal", "first_year": 2026, "last_year": 2026, "holidays": [{"date": "2027-02-03", "name": "A", "status": "fixed"}]}`, msg: "holidays[0]: 2027-02-03 is outside the calendar's years 2026 to 2026"},
		{name: "holiday duplicating the base", data: `{"id": "x", "base": "pk-federal", "holidays": [{"date": "2026-03-23", "name": "Pakistan Day", "status": "fixed"}]}`, msg: `2026-03-23 "Pakistan Day" is listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal, err := deadlines.ParseCalendar([]byte(tt.data))
			require.ErrorIs(t, err, deadlines.ErrInvalidCalendar, "ParseCalendar(%s)", tt.data)
			assert.Contains(t, err.Error(), tt.msg, "ParseCalendar(%s)", tt.data)
			assert.Nil(t, cal, "ParseCalendar(%s)", tt.data)
			if strings.HasPrefix(tt.data, "{") && !strings.Contains(tt.msg, "given twice") {
				// strictyaml re-encodes JSON: only a key given twice is
				// placed, by the line it has in the file.
				assert.NotContains(t, err.Error(), "line ", "ParseCalendar(%s)", tt.data)
			}
		})
	}
}

// A weekend given replaces the base's, even when empty; null is none given.
func TestParseCalendarWeekend(t *testing.T) {
	tests := []struct {
		data string
		want []time.Weekday
	}{
		{"id: x\nbase: pk-federal\n", []time.Weekday{time.Sunday, time.Saturday}},
		{"id: x\nbase: pk-federal\nweekend: null\n", []time.Weekday{time.Sunday, time.Saturday}},
		{"id: x\nbase: pk-federal\nweekend: []\n", nil},
		{"id: x\nbase: pk-federal\nweekend: [FRIDAY]\n", []time.Weekday{time.Friday}},
		{`{"id": "x", "weekend": ["Sunday"], "first_year": 2020, "last_year": 2020}`, []time.Weekday{time.Sunday}},
	}
	for _, tt := range tests {
		cal, err := deadlines.ParseCalendar([]byte(tt.data))
		require.NoError(t, err, "ParseCalendar(%q)", tt.data)
		if tt.want == nil {
			assert.Empty(t, cal.Weekend(), "ParseCalendar(%q).Weekend()", tt.data)
			continue
		}
		assert.Equal(t, tt.want, cal.Weekend(), "ParseCalendar(%q).Weekend()", tt.data)
	}
}
