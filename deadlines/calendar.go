package deadlines

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hifazat/hifazat/civil"
)

// Limits on what a calendar may cover. They keep a calendar small (its day
// table is a few kilobytes) while reaching far beyond any case the Act can
// govern.
const (
	minCoverageYear = 1900
	maxCoverageYear = 2199
	maxIDLen        = 64
	maxNameLen      = 200
)

// Calendar says which days an office is open: a weekend rule plus dated
// holidays, over a range of whole years (its coverage). Build one with
// [Builtin], [NewCalendar] or [ParseCalendar]; it never changes afterwards
// and is safe for concurrent use by any number of goroutines. Building one
// parses and indexes its holidays, so build it once and share it.
//
// A date outside the coverage is an error ([*CoverageError]), never a guess:
// holidays are data known only for the years listed.
//
// Internally the closed days are a bitset indexed by the day's offset from
// 1 January of the first year, with a rank table counting estimated-holiday
// days, so [Calendar.IsOpen] and the window checks of [Compute] take constant
// time, allocate nothing and never convert a date to year, month and day.
//
// The zero Calendar (and a nil *Calendar) covers no years: every date is out
// of coverage.
type Calendar struct {
	id          string
	weekend     uint8 // bit w set: time.Weekday(w) is closed
	first, last int   // covered years
	start       civil.Date
	days        int      // number of covered days
	closed      []uint64 // bit i: day start+i is closed; bits >= days are set
	estimated   []uint64 // bit i: an estimated holiday falls on day start+i
	estRank     []int32  // estRank[w]: estimated days among bits 0..64w-1
	holidays    []Holiday
}

// Spec describes a calendar for [NewCalendar]. Its zero value is not a valid
// calendar: an id and a coverage are required.
type Spec struct {
	// ID names the calendar: 1 to 64 characters, lowercase letters, digits,
	// '-', '_' or '.', starting with a letter or digit ("acme-lahore").
	ID string
	// Weekend lists the weekdays on which the office is always closed; it
	// may be empty (a seven-day office) but may not close every day.
	// Federal offices close on Saturday and Sunday.
	Weekend []time.Weekday
	// FirstYear and LastYear are the years covered, inclusive, within
	// 1900..2199. Every holiday must fall inside them.
	FirstYear, LastYear int
	// Holidays are the dated closures, in any order. A date may carry more
	// than one holiday, but not two with the same name.
	Holidays []Holiday
}

// NewCalendar validates spec and builds the calendar it describes. The
// holidays are copied; spec may be reused. Errors are [*CalendarError]s.
func NewCalendar(spec Spec) (*Calendar, error) {
	if err := checkID(spec.ID); err != nil {
		return nil, err
	}
	bad := func(field, format string, a ...any) error {
		return &CalendarError{Calendar: spec.ID, Field: field, Reason: fmt.Sprintf(format, a...)}
	}
	var weekend uint8
	for i, w := range spec.Weekend {
		if w < time.Sunday || w > time.Saturday {
			return nil, bad(fmt.Sprintf("weekend[%d]", i), "weekday %d is not a day of the week (want 0=Sunday to 6=Saturday)", int(w))
		}
		weekend |= 1 << w
	}
	if weekend == 0x7f {
		return nil, bad("weekend", "closes every day of the week, so no act could ever be done (want at least one open weekday)")
	}
	if spec.FirstYear < minCoverageYear || spec.LastYear > maxCoverageYear || spec.FirstYear > spec.LastYear {
		return nil, bad("years", "coverage %d to %d is not a range of years within %d..%d", spec.FirstYear, spec.LastYear, minCoverageYear, maxCoverageYear)
	}
	hs := slices.Clone(spec.Holidays)
	for i, h := range hs {
		if err := checkHoliday(h, spec.FirstYear, spec.LastYear); err != "" {
			return nil, bad(fmt.Sprintf("holidays[%d]", i), "%s", err)
		}
	}
	slices.SortFunc(hs, compareHolidays)
	for i := 1; i < len(hs); i++ {
		if compareHolidays(hs[i-1], hs[i]) == 0 {
			return nil, bad("holidays", "%s %q is listed twice", hs[i].Date, hs[i].Name)
		}
	}
	return build(spec.ID, weekend, spec.FirstYear, spec.LastYear, hs), nil
}

// checkID reports whether id is usable as a calendar id.
func checkID(id string) error {
	ok := id != "" && len(id) <= maxIDLen && isIDStart(id[0])
	for i := 0; ok && i < len(id); i++ {
		ok = isIDStart(id[i]) || id[i] == '-' || id[i] == '_' || id[i] == '.'
	}
	if !ok {
		return &CalendarError{Field: "id", Reason: fmt.Sprintf("%q is not a calendar id (want 1 to %d of a-z, 0-9, '-', '_', '.', starting with a letter or digit)", id, maxIDLen)}
	}
	return nil
}

func isIDStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// checkHoliday returns what is wrong with h, or "".
func checkHoliday(h Holiday, first, last int) string {
	switch {
	case !h.Date.IsValid():
		return "has no date"
	case h.Date.Year() < first || h.Date.Year() > last:
		return fmt.Sprintf("%s is outside the calendar's years %d to %d", h.Date, first, last)
	case !h.Status.valid():
		return fmt.Sprintf("%s has status %s (want fixed, notified or estimated)", h.Date, h.Status)
	}
	return checkName(h.Name)
}

func checkName(name string) string {
	if strings.TrimSpace(name) == "" || len(name) > maxNameLen || !utf8.ValidString(name) {
		return fmt.Sprintf("name %q must be 1 to %d bytes of UTF-8 text", name, maxNameLen)
	}
	if strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return fmt.Sprintf("name %q contains a control character", name)
	}
	return ""
}

// build indexes validated, sorted holidays into a Calendar.
func build(id string, weekend uint8, first, last int, hs []Holiday) *Calendar {
	start := civil.MustOf(first, time.January, 1)
	days := civil.MustOf(last, time.December, 31).Sub(start) + 1
	words := days/64 + 1 // one spare word so rank(days) is defined
	c := &Calendar{
		id: id, weekend: weekend, first: first, last: last, start: start, days: days,
		closed:    make([]uint64, words),
		estimated: make([]uint64, words),
		estRank:   make([]int32, words),
		holidays:  hs,
	}
	w0 := int(start.Weekday())
	for i := range words * 64 {
		if i >= days || weekend&(1<<((w0+i)%7)) != 0 {
			c.closed[i>>6] |= 1 << (i & 63)
		}
	}
	for _, h := range hs {
		i := h.Date.Sub(start)
		c.closed[i>>6] |= 1 << (i & 63)
		if h.Status == Estimated {
			c.estimated[i>>6] |= 1 << (i & 63)
		}
	}
	for w := 1; w < words; w++ {
		c.estRank[w] = c.estRank[w-1] + int32(bits.OnesCount64(c.estimated[w-1]))
	}
	return c
}

// ID returns the calendar's id, such as "pk-federal".
func (c *Calendar) ID() string {
	if c == nil {
		return ""
	}
	return c.id
}

// Coverage returns the first and last years the calendar covers, inclusive;
// 0, 0 for the zero Calendar.
func (c *Calendar) Coverage() (firstYear, lastYear int) {
	if c == nil {
		return 0, 0
	}
	return c.first, c.last
}

// Weekend returns the weekdays on which the calendar is always closed, in
// order from Sunday to Saturday.
func (c *Calendar) Weekend() []time.Weekday {
	var ws []time.Weekday
	for w := time.Sunday; c != nil && w <= time.Saturday; w++ {
		if c.weekend&(1<<w) != 0 {
			ws = append(ws, w)
		}
	}
	return ws
}

// IsOpen reports whether the office is open on d: d is not a weekend day
// and no holiday falls on it. It fails for the zero Date ([ErrInvalidDate])
// and for a date outside the coverage ([*CoverageError]).
func (c *Calendar) IsOpen(d civil.Date) (bool, error) {
	i, err := c.index(d)
	if err != nil {
		return false, err
	}
	return c.open(i), nil
}

// Holidays returns the holidays of year, sorted by date and then by name
// (a date with two holidays lists both), or nil for a covered year with no
// holidays. A year outside the coverage is a [*CoverageError].
func (c *Calendar) Holidays(year int) ([]Holiday, error) {
	if c == nil || c.days == 0 || year < c.first || year > c.last {
		return nil, c.coverageError(civil.Date{}, year)
	}
	jan1 := civil.MustOf(year, time.January, 1)
	lo, _ := slices.BinarySearchFunc(c.holidays, jan1, func(h Holiday, d civil.Date) int { return h.Date.Compare(d) })
	hi, _ := slices.BinarySearchFunc(c.holidays, jan1.AddMonths(12), func(h Holiday, d civil.Date) int { return h.Date.Compare(d) })
	if lo == hi {
		return nil, nil
	}
	return slices.Clone(c.holidays[lo:hi]), nil
}

// NextOpen returns the first open day on or after d. It fails if d, or every
// day from d to the end of the coverage, is outside the coverage.
func (c *Calendar) NextOpen(d civil.Date) (civil.Date, error) {
	i, err := c.index(d)
	if err != nil {
		return civil.Date{}, err
	}
	j := c.nextOpen(i)
	if j < 0 {
		return civil.Date{}, c.coverageError(c.start.AddDays(c.days), 0)
	}
	return c.start.AddDays(j), nil
}

// LastOpen returns the last open day on or before d. It fails if d is
// outside the coverage, or if no day from the start of the coverage to d is
// open.
func (c *Calendar) LastOpen(d civil.Date) (civil.Date, error) {
	i, err := c.index(d)
	if err != nil {
		return civil.Date{}, err
	}
	j := c.lastOpen(i)
	if j < 0 {
		return civil.Date{}, c.coverageError(c.start.AddDays(-1), 0)
	}
	return c.start.AddDays(j), nil
}

// index returns d's offset into the day table.
func (c *Calendar) index(d civil.Date) (int, error) {
	if !d.IsValid() {
		return 0, fmt.Errorf("%w: no date given (the zero Date)", ErrInvalidDate)
	}
	if c == nil {
		return 0, c.coverageError(d, 0)
	}
	i := d.Sub(c.start)
	if i < 0 || i >= c.days {
		return 0, c.coverageError(d, 0)
	}
	return i, nil
}

func (c *Calendar) coverageError(d civil.Date, year int) *CoverageError {
	first, last := c.Coverage()
	return &CoverageError{Calendar: c.ID(), Date: d, Year: year, FirstYear: first, LastYear: last}
}

// open reports whether day i (0 <= i < days) is open.
func (c *Calendar) open(i int) bool { return c.closed[i>>6]&(1<<(i&63)) == 0 }

// nextOpen returns the first open day index >= i, or -1. Bits past the
// coverage are set (closed), so the scan needs no bound check of its own.
func (c *Calendar) nextOpen(i int) int {
	w := i >> 6
	if x := ^c.closed[w] >> (i & 63); x != 0 {
		return i + bits.TrailingZeros64(x)
	}
	for w++; w < len(c.closed); w++ {
		if x := ^c.closed[w]; x != 0 {
			return w<<6 + bits.TrailingZeros64(x)
		}
	}
	return -1
}

// lastOpen returns the last open day index <= i, or -1.
func (c *Calendar) lastOpen(i int) int {
	w := i >> 6
	if x := ^c.closed[w] << (63 - i&63); x != 0 {
		return i - bits.LeadingZeros64(x)
	}
	for w--; w >= 0; w-- {
		if x := ^c.closed[w]; x != 0 {
			return w<<6 + 63 - bits.LeadingZeros64(x)
		}
	}
	return -1
}

// estimatedIn reports whether an estimated holiday falls on a day index in
// [i, j) (0 <= i <= j <= days), as a difference of two prefix counts.
func (c *Calendar) estimatedIn(i, j int) bool {
	return c.estimatedBefore(j) > c.estimatedBefore(i)
}

// estimatedBefore returns how many days with an estimated holiday lie among
// day indexes 0..i-1 (0 <= i <= days).
func (c *Calendar) estimatedBefore(i int) int {
	w := i >> 6
	return int(c.estRank[w]) + bits.OnesCount64(c.estimated[w]&(1<<(i&63)-1))
}
