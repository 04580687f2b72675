package deadlines

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/internal/strictyaml"
)

// calendarFile is the JSON and YAML form of a calendar read by
// [ParseCalendar]. Weekend is a pointer so that an empty list (no weekend)
// differs from none given (the base's).
type calendarFile struct {
	ID        string         `yaml:"id"`
	Base      string         `yaml:"base"`
	Weekend   *[]weekday     `yaml:"weekend"`
	FirstYear int            `yaml:"first_year"`
	LastYear  int            `yaml:"last_year"`
	Holidays  []holidayEntry `yaml:"holidays"`
	Remove    []string       `yaml:"remove"`
}

type holidayEntry struct {
	Date   civil.Date    `yaml:"date"`
	Name   string        `yaml:"name"`
	Status HolidayStatus `yaml:"status"`
}

// weekday is a closed weekday in a calendar file: its English name, in any
// case.
type weekday time.Weekday

func (w *weekday) UnmarshalText(b []byte) error {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(string(b), d.String()) {
			*w = weekday(d)
			return nil
		}
	}
	return fmt.Errorf("%q is not a weekday (want sunday, monday, ..., saturday)", b)
}

// ParseCalendar builds a calendar from a file, in JSON (if the text starts
// with '{') or YAML, with these fields:
//
//	id          the calendar's id (required; see [Spec])
//	base        optional: the id of a built-in calendar to start from
//	weekend     closed weekdays by name, e.g. ["saturday", "sunday"];
//	            defaults to the base's; required without a base
//	first_year  first and last years covered (whole numbers); default to
//	last_year   the base's, and may narrow but not widen it; required
//	            without a base
//	holidays    closures to add: [{"date": "YYYY-MM-DD", "name": "...",
//	            "status": "fixed" | "notified" | "estimated"}]
//	remove      base holidays to drop: "YYYY-MM-DD" drops every holiday on
//	            that date, "YYYY-MM-DD Name" only the one so named; each
//	            entry must match a holiday of the base
//
// A notification that fixes an estimated date is a removal of the estimate
// plus a notified holiday:
//
//	id: acme-2026
//	base: pk-federal
//	remove: ["2026-03-21 Eid-ul-Fitr", "2026-03-22 Eid-ul-Fitr", "2026-03-23 Eid-ul-Fitr"]
//	holidays:
//	  - {date: 2026-03-20, name: Eid-ul-Fitr, status: notified}
//	  - {date: 2026-03-21, name: Eid-ul-Fitr, status: notified}
//	  - {date: 2026-03-22, name: Eid-ul-Fitr, status: notified}
//
// Unknown fields, keys given twice, values of the wrong type (a fraction
// for a year among them), YAML anchors, more than one document, files over
// 1 MiB and malformed values are errors: a [*CalendarError], matching
// [ErrInvalidCalendar], whose Field is the path of the field at fault
// ("holidays[2].date") and whose Reason starts, in YAML, with its line.
// Bad input never panics.
func ParseCalendar(data []byte) (*Calendar, error) {
	var f calendarFile
	if err := strictyaml.Decode(data, &f); err != nil {
		return nil, decodeError(err)
	}
	spec, err := f.spec()
	if err != nil {
		return nil, err
	}
	return NewCalendar(spec)
}

// decodeError turns the decoder's *strictyaml.FieldError into a
// *CalendarError, which does not wrap it: the decoder's type stays inside
// the module.
func decodeError(err error) error {
	fe, ok := err.(*strictyaml.FieldError) // strictyaml returns its own errors unwrapped
	if !ok {
		return &CalendarError{Reason: err.Error()}
	}
	local := *fe
	// HolidayStatus's UnmarshalText names this package already.
	local.Reason = strings.TrimPrefix(local.Reason, "deadlines: ")
	return &CalendarError{Field: local.Field, Reason: local.Detail()}
}

// spec resolves the file's base, removals and additions into a Spec.
func (f *calendarFile) spec() (Spec, error) {
	bad := func(field, format string, a ...any) error {
		return &CalendarError{Calendar: f.ID, Field: field, Reason: fmt.Sprintf(format, a...)}
	}
	if err := checkID(f.ID); err != nil {
		return Spec{}, err
	}
	spec := Spec{ID: f.ID, FirstYear: f.FirstYear, LastYear: f.LastYear}
	var base *Calendar
	if f.Base != "" {
		var err error
		if base, err = Builtin(f.Base); err != nil {
			return Spec{}, bad("base", "%s", strings.TrimPrefix(err.Error(), "deadlines: "))
		}
		spec.Weekend = base.Weekend()
		if spec.FirstYear == 0 {
			spec.FirstYear = base.first
		}
		if spec.LastYear == 0 {
			spec.LastYear = base.last
		}
		if spec.FirstYear < base.first || spec.LastYear > base.last {
			return Spec{}, bad("years", "%d to %d reach beyond base %q, which covers %d to %d (without a base, list every holiday yourself)",
				spec.FirstYear, spec.LastYear, base.id, base.first, base.last)
		}
	}
	if f.Weekend != nil {
		spec.Weekend = make([]time.Weekday, len(*f.Weekend))
		for i, w := range *f.Weekend {
			spec.Weekend[i] = time.Weekday(w)
		}
	} else if base == nil {
		return Spec{}, bad("weekend", "is required without a base (federal offices: [saturday, sunday]; [] for none)")
	}
	// The file's holidays come first, so that NewCalendar's errors name
	// them by their index in the file.
	for i, e := range f.Holidays {
		h, err := e.holiday()
		if err != nil {
			return Spec{}, bad(fmt.Sprintf("holidays[%d]", i), "%s", err)
		}
		spec.Holidays = append(spec.Holidays, h)
	}
	kept, err := f.removeFrom(base, spec.FirstYear, spec.LastYear)
	if err != nil {
		return Spec{}, err
	}
	spec.Holidays = append(spec.Holidays, kept...)
	return spec, nil
}

// removeFrom returns the base's holidays within the years, less those the
// file removes. Every removal must match a holiday of the base.
func (f *calendarFile) removeFrom(base *Calendar, first, last int) ([]Holiday, error) {
	bad := func(field, format string, a ...any) error {
		return &CalendarError{Calendar: f.ID, Field: field, Reason: fmt.Sprintf(format, a...)}
	}
	if base == nil {
		if len(f.Remove) > 0 {
			return nil, bad("remove", "needs a base calendar to remove holidays from")
		}
		return nil, nil
	}
	removed := make([]bool, len(base.holidays))
	for i, r := range f.Remove {
		dateText, name, named := strings.Cut(r, " ")
		d, err := civil.Parse(dateText)
		if err != nil {
			return nil, bad(fmt.Sprintf("remove[%d]", i), "%q is not YYYY-MM-DD or \"YYYY-MM-DD Name\"", r)
		}
		matched := false
		for j, h := range base.holidays {
			if h.Date == d && (!named || h.Name == name) {
				removed[j], matched = true, true
			}
		}
		if !matched {
			return nil, bad(fmt.Sprintf("remove[%d]", i), "base %q has no holiday %q", base.id, r)
		}
	}
	var kept []Holiday
	for j, h := range base.holidays {
		if y := h.Date.Year(); !removed[j] && y >= first && y <= last {
			kept = append(kept, h)
		}
	}
	return kept, nil
}

// holiday returns the entry as a Holiday; [NewCalendar] checks the rest.
func (e holidayEntry) holiday() (Holiday, error) {
	switch {
	case !e.Date.IsValid():
		return Holiday{}, errors.New("date is missing (want YYYY-MM-DD)")
	case e.Status == 0:
		return Holiday{}, errors.New("status is missing (want fixed, notified or estimated)")
	}
	return Holiday(e), nil
}
