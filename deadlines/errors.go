package deadlines

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/hifazat/hifazat/civil"
)

// Sentinel errors. Every error the package returns matches exactly one of
// them under errors.Is.
var (
	// ErrOutOfCoverage means a date the computation needs lies outside the
	// years a calendar covers; the error is a [*CoverageError].
	ErrOutOfCoverage = errors.New("deadlines: date outside the calendar's coverage")
	// ErrUnknownCalendar means [Builtin] (or a calendar file's base) named
	// a calendar that is not built in.
	ErrUnknownCalendar = errors.New("deadlines: unknown calendar")
	// ErrInvalidCalendar means a [Spec] or a calendar file was rejected; the
	// error is a [*CalendarError].
	ErrInvalidCalendar = errors.New("deadlines: invalid calendar")
	// ErrInvalidRule means [Compute] was given a rule it cannot count: an
	// unknown kind or unit, or a negative period.
	ErrInvalidRule = errors.New("deadlines: invalid deadline rule")
	// ErrInvalidDate means a date argument was the zero Date, or a [Stay]
	// was not a valid interval.
	ErrInvalidDate = errors.New("deadlines: invalid date")
)

// CoverageError reports a date outside the years a calendar covers. Holidays
// are data known only for those years (interpretation 8), so the package
// refuses to guess whether such a day is open.
type CoverageError struct {
	// Calendar is the id of the calendar asked.
	Calendar string
	// Date is the date that fell outside the coverage; the zero Date when
	// Year is set instead.
	Date civil.Date
	// Year is the year asked of [Calendar.Holidays], or 10000 for a period
	// that ran past 9999-12-31. It is set only when Date is the zero Date.
	Year int
	// FirstYear and LastYear are the calendar's coverage; both are 0 for a
	// calendar that covers nothing (the zero Calendar).
	FirstYear, LastYear int
}

func (e *CoverageError) Error() string {
	what := e.Date.String()
	if !e.Date.IsValid() {
		what = "year " + strconv.Itoa(e.Year)
	}
	if e.FirstYear == 0 && e.LastYear == 0 {
		return fmt.Sprintf("deadlines: %s is outside calendar %q, which covers no years", what, e.Calendar)
	}
	return fmt.Sprintf("deadlines: %s is outside calendar %q, which covers %d to %d (holidays are known only for those years)",
		what, e.Calendar, e.FirstYear, e.LastYear)
}

// Unwrap lets callers test for [ErrOutOfCoverage] with errors.Is.
func (e *CoverageError) Unwrap() error { return ErrOutOfCoverage }

// CalendarError reports why a calendar could not be built from a [Spec] or a
// calendar file.
type CalendarError struct {
	// Calendar is the id of the calendar being built ("" if not yet known).
	Calendar string
	// Field names what was wrong, in the file's terms: "id", "weekend",
	// "holidays[3].date", "remove[0]"; "" for the input as a whole.
	Field string
	// Reason says what was wrong and what was expected.
	Reason string
}

func (e *CalendarError) Error() string {
	s := "deadlines: invalid calendar"
	if e.Calendar != "" {
		s += " " + strconv.Quote(e.Calendar)
	}
	if e.Field != "" {
		s += ": " + e.Field
	}
	return s + ": " + e.Reason
}

// Unwrap lets callers test for [ErrInvalidCalendar] with errors.Is.
func (e *CalendarError) Unwrap() error { return ErrInvalidCalendar }
