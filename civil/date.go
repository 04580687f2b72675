package civil

import (
	"errors"
	"fmt"
	"time"
)

// Date is a day of the proleptic Gregorian calendar, from 0001-01-01 to
// 9999-12-31.
//
// The zero Date is not a valid date: it stands for "no date" (for example an
// optional incident date that was not given), reports IsValid() == false and
// formats as the empty string. Dates are comparable with == and usable as map
// keys; arithmetic on the zero Date returns the zero Date.
type Date struct {
	// n is the number of days since 1970-01-01 plus bias, so that every valid
	// date has n > 0 and the zero value means "no date".
	n int32
}

const (
	bias      = 1 << 20 // > days from 0001-01-01 to 1970-01-01
	minYear   = 1
	maxYear   = 9999
	minDay    = -719162 // 0001-01-01 in days since 1970-01-01
	maxDay    = 2932896 // 9999-12-31 in days since 1970-01-01
	layoutISO = "2006-01-02"
)

// ErrInvalidDate is returned (wrapped in a [*ParseError]) for text that is not
// a real calendar date in the form YYYY-MM-DD.
var ErrInvalidDate = errors.New("civil: invalid date")

// ParseError describes a string that could not be parsed as a [Date].
type ParseError struct {
	Input  string // the text given
	Reason string // what was wrong with it
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("civil: invalid date %q: %s (want YYYY-MM-DD, a real calendar date from 0001-01-01 to 9999-12-31)", e.Input, e.Reason)
}

// Unwrap lets callers test for [ErrInvalidDate] with errors.Is.
func (e *ParseError) Unwrap() error { return ErrInvalidDate }

// pkt is Pakistan Standard Time. Asia/Karachi has kept UTC+05:00 without
// daylight saving since 2009-11-01, before the Act's commencement, so a fixed
// zone is exact for every date the law can reach and needs no tz database.
var pkt = time.FixedZone("PKT", 5*60*60)

// Karachi returns the zone in which the library reads instants by default:
// UTC+05:00, which is Asia/Karachi for every date since 2009-11-01.
func Karachi() *time.Location { return pkt }

// Of returns the Date for year, month and day, or an error if they do not name
// a real date (for example 2023-02-29).
func Of(year int, month time.Month, day int) (Date, error) {
	if year < minYear || year > maxYear {
		return Date{}, &ParseError{Input: fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), Reason: "year out of range"}
	}
	if month < time.January || month > time.December {
		return Date{}, &ParseError{Input: fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), Reason: "month out of range"}
	}
	if day < 1 || day > daysIn(year, month) {
		return Date{}, &ParseError{Input: fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), Reason: fmt.Sprintf("day out of range for %s %d", month, year)}
	}
	return fromDays(daysFromCivil(year, int(month), day)), nil
}

// MustOf is like [Of] but panics on an invalid date. It is meant for literals
// in tests and examples, never for caller input.
func MustOf(year int, month time.Month, day int) Date {
	d, err := Of(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// Parse parses a date in the form YYYY-MM-DD. It accepts nothing else: no
// time of day, no zone, no missing zero padding.
func Parse(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &ParseError{Input: s, Reason: "not in the form YYYY-MM-DD"}
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &ParseError{Input: s, Reason: "not in the form YYYY-MM-DD"}
	}
	date, err := Of(y, time.Month(m), d)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Input = s
		}
		return Date{}, err
	}
	return date, nil
}

// MustParse is like [Parse] but panics on bad input. It is meant for literals
// in tests and examples, never for caller input.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// FromTime returns the date of instant t in Asia/Karachi.
func FromTime(t time.Time) Date { return FromTimeIn(t, pkt) }

// FromTimeIn returns the date of instant t in loc; a nil loc means
// Asia/Karachi.
func FromTimeIn(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = pkt
	}
	y, m, d := t.In(loc).Date()
	date, err := Of(y, m, d)
	if err != nil {
		return Date{}
	}
	return date
}

// In returns midnight at the start of d in loc (nil means Asia/Karachi). The
// zero Date gives the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if !d.IsValid() {
		return time.Time{}
	}
	if loc == nil {
		loc = pkt
	}
	y, m, day := d.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, loc)
}

// IsValid reports whether d is a real date rather than the zero Date.
func (d Date) IsValid() bool { return d.n != 0 }

// Date returns the year, month and day of d; for the zero Date, 0, 0, 0.
func (d Date) Date() (year int, month time.Month, day int) {
	if !d.IsValid() {
		return 0, 0, 0
	}
	y, m, dd := civilFromDays(int(d.n) - bias)
	return y, time.Month(m), dd
}

// Year returns the year of d (0 for the zero Date).
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns the month of d (0 for the zero Date).
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns the day of the month of d (0 for the zero Date).
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Weekday returns the day of the week of d. The zero Date reports Sunday.
func (d Date) Weekday() time.Weekday {
	if !d.IsValid() {
		return time.Sunday
	}
	// 1970-01-01 was a Thursday.
	w := (int(d.n) - bias + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns d moved by n calendar days (n may be negative). A result
// outside 0001-01-01..9999-12-31, or any arithmetic on the zero Date, gives
// the zero Date.
func (d Date) AddDays(n int) Date {
	if !d.IsValid() {
		return Date{}
	}
	return fromDays(int(d.n) - bias + n)
}

// AddMonths returns the same day n calendar months later (or earlier, for a
// negative n). When the target month is shorter, the result is its last day:
// 2025-08-31 plus 6 months is 2026-02-28, and 2023-08-31 plus 6 months is the
// leap day 2024-02-29. This is how the Act's "six months" are counted
// (interpretation 5); it differs from time.Time.AddDate, which normalises
// 31 February into March.
func (d Date) AddMonths(n int) Date {
	if !d.IsValid() {
		return Date{}
	}
	y, m, day := d.Date()
	total := y*12 + int(m-1) + n
	ny, nm := total/12, time.Month(total%12+1)
	if total < 0 || ny < minYear || ny > maxYear {
		return Date{}
	}
	if last := daysIn(ny, nm); day > last {
		day = last
	}
	return fromDays(daysFromCivil(ny, int(nm), day))
}

// Sub returns the number of days from u to d (d - u). Either being the zero
// Date gives 0.
func (d Date) Sub(u Date) int {
	if !d.IsValid() || !u.IsValid() {
		return 0
	}
	return int(d.n) - int(u.n)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after u. The zero
// Date sorts before every valid date.
func (d Date) Compare(u Date) int {
	switch {
	case d.n < u.n:
		return -1
	case d.n > u.n:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before u.
func (d Date) Before(u Date) bool { return d.n < u.n }

// After reports whether d is strictly after u.
func (d Date) After(u Date) bool { return d.n > u.n }

// String formats d as YYYY-MM-DD; the zero Date formats as "".
func (d Date) String() string {
	if !d.IsValid() {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	y, m, day := d.Date()
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+int(m)/10), byte('0'+int(m)%10), '-')
	return append(b, byte('0'+day/10), byte('0'+day%10))
}

// AppendText appends the YYYY-MM-DD form of d to b (nothing for the zero Date).
func (d Date) AppendText(b []byte) ([]byte, error) {
	if !d.IsValid() {
		return b, nil
	}
	return d.appendTo(b), nil
}

// MarshalText implements encoding.TextMarshaler: YYYY-MM-DD, or empty for the
// zero Date.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the zero
// Date; anything else must be a valid YYYY-MM-DD date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func fromDays(days int) Date {
	if days < minDay || days > maxDay {
		return Date{}
	}
	return Date{n: int32(days + bias)}
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// daysFromCivil and civilFromDays are Howard Hinnant's branch-light
// conversions between a proleptic Gregorian date and days since 1970-01-01.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}
