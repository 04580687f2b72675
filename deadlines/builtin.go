package deadlines

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/hifazat/hifazat/civil"
)

// federalTSV is the project's table of federal holidays: one row per
// holiday, tab-separated date, name, status and scope (national, or
// islamabad for closures of federal offices in the capital only). The file
// is a copy of the shared data/pk-federal-holidays.tsv beside the repository,
// because embedding needs it inside the package; a test checks the two agree
// wherever the shared table is present.
//
//go:embed data/pk-federal-holidays.tsv
var federalTSV string

// builtinScopes returns the scopes of the TSV rows a built-in calendar takes,
// or nil for an unknown id.
func builtinScopes(id string) []string {
	switch id {
	case "pk-federal":
		return []string{"national"}
	case "pk-islamabad":
		return []string{"national", "islamabad"}
	}
	return nil
}

// BuiltinIDs returns the ids of the built-in calendars, sorted:
// "pk-federal" (federal offices: Saturday, Sunday and the national
// holidays) and "pk-islamabad" (federal offices in the capital, where the
// Ombudsperson and the President sit: pk-federal plus closures ordered for
// Islamabad only).
func BuiltinIDs() []string { return []string{"pk-federal", "pk-islamabad"} }

// Builtin returns the built-in calendar with the given id (see [BuiltinIDs]),
// covering the years of the embedded holiday table (2010 to 2030). Its
// estimated holidays are computed lunar dates or unconfirmed lists: an
// institution replaces them as notifications arrive ([ParseCalendar] with a
// base). An unknown id gives an error matching [ErrUnknownCalendar].
//
// Each call parses the embedded table afresh (nothing is cached in package
// state); build the calendar once and share it.
func Builtin(id string) (*Calendar, error) {
	scopes := builtinScopes(id)
	if scopes == nil {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownCalendar, id, strings.Join(BuiltinIDs(), ", "))
	}
	hs, first, last, err := parseHolidayTable(federalTSV, scopes)
	if err != nil {
		return nil, err
	}
	return NewCalendar(Spec{ID: id, Weekend: []time.Weekday{time.Saturday, time.Sunday}, FirstYear: first, LastYear: last, Holidays: hs})
}

// parseHolidayTable reads the TSV holiday table, keeping rows whose scope is
// one of scopes, and returns them with the first and last years of the
// whole table.
func parseHolidayTable(data string, scopes []string) (hs []Holiday, first, last int, err error) {
	header := false
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if line != "date\tname\tstatus\tscope" {
				return nil, 0, 0, tableError(n, "header is %q, want date, name, status, scope", line)
			}
			header = true
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, 0, 0, tableError(n, "has %d fields, want 4", len(f))
		}
		d, err := civil.Parse(f[0])
		if err != nil {
			return nil, 0, 0, tableError(n, "date %q is not YYYY-MM-DD", f[0])
		}
		var st HolidayStatus
		if err := st.UnmarshalText([]byte(f[2])); err != nil {
			return nil, 0, 0, tableError(n, "status %q is not fixed, notified or estimated", f[2])
		}
		if y := d.Year(); first == 0 || y < first {
			first = y
		}
		last = max(last, d.Year())
		for _, s := range scopes {
			if f[3] == s {
				hs = append(hs, Holiday{Date: d, Name: f[1], Status: st})
			}
		}
	}
	if first == 0 {
		return nil, 0, 0, tableError(0, "has no holidays")
	}
	return hs, first, last, nil
}

func tableError(line int, format string, a ...any) error {
	return &CalendarError{Field: fmt.Sprintf("line %d", line+1), Reason: fmt.Sprintf(format, a...)}
}
