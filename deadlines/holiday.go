package deadlines

import (
	"fmt"
	"strconv"

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

var holidayStatusNames = [...]string{"", "fixed", "notified", "estimated"}

// String returns "fixed", "notified" or "estimated", and
// "HolidayStatus(N)" for any other value.
func (s HolidayStatus) String() string {
	if s >= Fixed && int(s) < len(holidayStatusNames) {
		return holidayStatusNames[s]
	}
	return "HolidayStatus(" + strconv.Itoa(int(s)) + ")"
}

func (s HolidayStatus) valid() bool { return s >= Fixed && s <= Estimated }

// MarshalText implements encoding.TextMarshaler; it fails for a value that
// is not a status.
func (s HolidayStatus) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("deadlines: invalid holiday status %d (want fixed, notified or estimated)", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts exactly
// "fixed", "notified" or "estimated".
func (s *HolidayStatus) UnmarshalText(b []byte) error {
	for i := Fixed; i <= Estimated; i++ {
		if string(b) == holidayStatusNames[i] {
			*s = i
			return nil
		}
	}
	return fmt.Errorf("deadlines: unknown holiday status %q (want fixed, notified or estimated)", b)
}

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
