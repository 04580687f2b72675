package casefsm_test

import (
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An event dated after the caller's today, or in a year the case's
// calendars do not cover, is refused as invalid_event naming the date:
// stored, a note dated 2062 would refuse every lawful event after it.
func TestCheckDates(t *testing.T) {
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	require.NoError(t, err)
	today := date("2026-03-10")
	filed := casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant}
	note := func(on string) casefsm.Event {
		return casefsm.Event{Type: casefsm.AddNote, On: date(on), By: casefsm.Accused, Note: "x"}
	}
	for _, tc := range []struct {
		name    string
		ev      casefsm.Event
		today   civil.Date
		refused string // in the message; "" for accepted
	}{
		{"today", note("2026-03-10"), today, ""},
		{"the day after today", note("2026-03-11"), today, "on 2026-03-11 is after today (2026-03-10)"},
		{"2062", note("2062-01-01"), today, "on 2062-01-01 is after today"},
		{"received after today", casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-10"), By: casefsm.Complainant, ReceivedOn: date("2026-03-12")}, today, "received_on 2026-03-12 is after today"},
		{"last covered year", note("2030-12-31"), date("2031-06-01"), ""},
		{"first year not covered", note("2031-01-01"), date("2031-06-01"), "on 2031-01-01 is outside the years 2010 to 2030 that calendar pk-federal covers"},
		{"no today: coverage only", note("2040-01-01"), civil.Date{}, "outside the years 2010 to 2030"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := mustCase(t, eng, employeeCase())
			if tc.ev.Type != casefsm.FileComplaint {
				mustApply(t, c, filed)
			}
			err := c.CheckDates(tc.ev, tc.today)
			if tc.refused == "" {
				assert.NoError(t, err)
				return
			}
			var r *casefsm.Refusal
			require.ErrorAs(t, err, &r)
			assert.Equal(t, casefsm.InvalidEvent, r.Code)
			assert.ErrorIs(t, err, casefsm.ErrInvalidEvent)
			assert.Contains(t, r.Message, tc.refused)
			assert.Len(t, c.Events(), map[bool]int{true: 0, false: 1}[tc.ev.Type == casefsm.FileComplaint], "CheckDates applied the event")
		})
	}
}
