package deadlines

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"

	"github.com/hifazat/hifazat/civil"
	"go.yaml.in/yaml/v3"
)

// calendarFile is the JSON and YAML form of a calendar read by
// [ParseCalendar].
type calendarFile struct {
	ID        string         `json:"id" yaml:"id"`
	Base      string         `json:"base" yaml:"base"`
	Weekend   []string       `json:"weekend" yaml:"weekend"`
	FirstYear int            `json:"first_year" yaml:"first_year"`
	LastYear  int            `json:"last_year" yaml:"last_year"`
	Holidays  []holidayEntry `json:"holidays" yaml:"holidays"`
	Remove    []string       `json:"remove" yaml:"remove"`
}

type holidayEntry struct {
	Date   string `json:"date" yaml:"date"`
	Name   string `json:"name" yaml:"name"`
	Status string `json:"status" yaml:"status"`
}

// ParseCalendar builds a calendar from a file, in JSON (if the text starts
// with '{') or YAML, with these fields:
//
//	id          the calendar's id (required; see [Spec])
//	base        optional: the id of a built-in calendar to start from
//	weekend     closed weekdays by name, e.g. ["saturday", "sunday"];
//	            defaults to the base's; required without a base
//	first_year  first and last years covered; default to the base's, and
//	last_year   may narrow but not widen it; required without a base
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
// Unknown fields, trailing documents and malformed values are errors
// ([*CalendarError], matching [ErrInvalidCalendar]); bad input never panics.
func ParseCalendar(data []byte) (*Calendar, error) {
	var f calendarFile
	if err := decodeCalendarFile(data, &f); err != nil {
		return nil, err
	}
	spec, err := f.spec()
	if err != nil {
		return nil, err
	}
	return NewCalendar(spec)
}

func decodeCalendarFile(data []byte, f *calendarFile) error {
	bad := func(format string, a ...any) error {
		return &CalendarError{Reason: fmt.Sprintf(format, a...)}
	}
	text := bytes.TrimSpace(data)
	if len(text) == 0 {
		return bad("the file is empty (want a JSON or YAML calendar)")
	}
	if text[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(f); err != nil {
			return bad("not a valid JSON calendar: %s", jsonMessage(err))
		}
		if _, err := dec.Token(); err != io.EOF {
			return bad("not a valid JSON calendar: text after the closing brace")
		}
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil {
		return bad("not a valid YAML calendar: %s", yamlMessage(err))
	}
	if err := dec.Decode(new(yaml.Node)); err != io.EOF {
		return bad("not a valid YAML calendar: more than one document")
	}
	return nil
}

// jsonMessage and yamlMessage render a decoder's error in the file's terms,
// without the decoder's error types or our Go type names.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s is a %s, want a %s", te.Field, te.Value, jsonKind(te.Type.Kind()))
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "string"
	case reflect.Slice:
		return "list"
	case reflect.Struct:
		return "object"
	}
	return "number"
}

func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	}
	return strings.NewReplacer(
		" in type deadlines.calendarFile", "",
		" in type deadlines.holidayEntry", " in a holiday",
		"deadlines.calendarFile", "a calendar (want a mapping)",
		"deadlines.holidayEntry", "a holiday (want a mapping)",
	).Replace(msg)
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
		ws, err := parseWeekend(f.Weekend)
		if err != nil {
			return Spec{}, bad("weekend", "%s", err)
		}
		spec.Weekend = ws
	} else if base == nil {
		return Spec{}, bad("weekend", "is required without a base (federal offices: [saturday, sunday]; [] for none)")
	}
	kept, err := f.removeFrom(base, spec.FirstYear, spec.LastYear)
	if err != nil {
		return Spec{}, err
	}
	spec.Holidays = kept
	for i, e := range f.Holidays {
		h, err := e.holiday()
		if err != nil {
			return Spec{}, bad(fmt.Sprintf("holidays[%d]", i), "%s", err)
		}
		spec.Holidays = append(spec.Holidays, h)
	}
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

func (e holidayEntry) holiday() (Holiday, error) {
	d, err := civil.Parse(e.Date)
	if err != nil {
		return Holiday{}, fmt.Errorf("date %q is not a date in the form YYYY-MM-DD", e.Date)
	}
	var st HolidayStatus
	if err := st.UnmarshalText([]byte(e.Status)); err != nil {
		return Holiday{}, fmt.Errorf("status %q is not fixed, notified or estimated", e.Status)
	}
	return Holiday{Date: d, Name: e.Name, Status: st}, nil
}

func parseWeekend(names []string) ([]time.Weekday, error) {
	ws := make([]time.Weekday, 0, len(names))
next:
	for _, n := range names {
		for w := time.Sunday; w <= time.Saturday; w++ {
			if strings.EqualFold(n, w.String()) {
				ws = append(ws, w)
				continue next
			}
		}
		return nil, fmt.Errorf("%q is not a weekday (want sunday, monday, ..., saturday)", n)
	}
	return ws, nil
}
