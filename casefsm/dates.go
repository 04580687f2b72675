package casefsm

import (
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// citeRecordClock is the citation of a date-of-recording refusal: the law is
// silent; a record cannot hold an act that has not happened yet.
var citeRecordClock = policy.Citation{Section: "case record", Confidence: policy.High,
	Note: "an event is recorded after it happens, on a date the case's calendars cover; a wrong date is corrected with void_event"}

// CheckDates refuses ev as invalid_event, naming the date, when one of its
// dates (on, received_on) is after today, or outside the years covered by
// the calendar the case's forums count in: such a date cannot be a record
// of an act, and once stored it would refuse every lawful event dated
// before it (events are applied in date order). It returns nil otherwise,
// and for an event it cannot place (no policy in force on its date), which
// [Case.Apply] refuses for that reason.
//
// casefsm never reads the clock: a store passes its caller's today (in
// Asia/Karachi). CheckDates does not apply ev; call Apply for that.
func (c *Case) CheckDates(ev Event, today civil.Date) error {
	for _, d := range []struct {
		field string
		on    civil.Date
	}{{"on", ev.On}, {"received_on", ev.ReceivedOn}} {
		if !d.on.IsValid() {
			continue
		}
		if today.IsValid() && d.on.After(today) {
			return c.refuse(&ev, InvalidEvent, citeRecordClock, "%s %s is after today (%s): record an act once it has happened", d.field, d.on, today).onField(d.field)
		}
		for _, cal := range c.calendarsFor(&ev) {
			if first, last := cal.Coverage(); d.on.Year() < first || d.on.Year() > last {
				return c.refuse(&ev, InvalidEvent, citeRecordClock, "%s %s is outside the years %d to %d that calendar %s covers", d.field, d.on, first, last, cal.ID()).onField(d.field)
			}
		}
	}
	return nil
}

// calendarsFor returns the loaded calendars the case's forums count ev in:
// none when the case has no policy to name them yet.
func (c *Case) calendarsFor(ev *Event) []*deadlines.Calendar {
	def, r := c.definitionFor(ev)
	if r != nil || def == nil {
		return nil
	}
	var cals []*deadlines.Calendar
	for _, f := range []policy.Forum{policy.Organisation, policy.Ombudsperson, policy.PresidentOrGovernor} {
		if cal, ok := c.eng.cals[def.pol.CalendarFor(f, c.h.Calendar).Value]; ok {
			cals = append(cals, cal)
		}
	}
	return cals
}
