package deadlines

import (
	"github.com/hifazat/hifazat/internal/enum"

	"github.com/hifazat/hifazat/civil"
)

// HolidayStatus says how sure a calendar is of a holiday's date
// (interpretation 8). Values are persisted; never reorder them.
//
// The zero HolidayStatus is not a status: [NewCalendar] rejects it.
type HolidayStatus uint8

const (
	// Fixed is a holiday on a fixed Gregorian date (Pakistan Day, 23 March).
	Fixed HolidayStatus = iota + 1
	// Notified is a holiday whose date a government notification (or a
	// report of one) has confirmed, such as an Eid declared after the moon
	// was sighted.
	Notified
	// Estimated is a holiday whose date is not yet confirmed: a computed
	// lunar date or the annual list before moon sighting. It may move by a
	// day or more, and a deadline that touches it says so.
	Estimated
)

var holidayStatusNames = enum.New[HolidayStatus]("deadlines", "holiday status", "", "fixed", "notified", "estimated")

func (s HolidayStatus) valid() bool { return holidayStatusNames.Valid(s) }

// String returns the name, or "%!HolidayStatus(N)" for a value that has none.
func (s HolidayStatus) String() string { return holidayStatusNames.String(s) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (s HolidayStatus) MarshalText() ([]byte, error) { return holidayStatusNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (s *HolidayStatus) UnmarshalText(b []byte) error { return holidayStatusNames.Unmarshal(s, b) }

// Holiday is one dated closure on a calendar. A date may carry two holidays
// (in 2026 Eid-ul-Fitr is estimated to fall on Pakistan Day); each is its own
// Holiday.
//
// The zero Holiday is not a holiday: it has no date, name or status.
type Holiday struct {
	Date   civil.Date    `json:"date"`
	Name   string        `json:"name"`
	Status HolidayStatus `json:"status"`
}

// compareHolidays orders holidays by date, then name: the order of every
// holiday list the package returns.
func compareHolidays(a, b Holiday) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	switch {
	case a.Name < b.Name:
		return -1
	case a.Name > b.Name:
		return 1
	}
	return 0
}
