package compliance

import (
	"fmt"
	"slices"
	"time"

	"github.com/hifazat/hifazat/civil"
)

// Kind is the kind of employer an organisation is. The names are a public
// contract (the "kind" of an organisation file); values are only appended.
// The zero Kind is not stated, which validation refuses.
type Kind uint8

const (
	// KindUnset is the zero Kind.
	KindUnset Kind = iota
	// Public: a ministry, division, department, body, corporation or
	// authority of the Federal or a Provincial Government, or a local
	// authority (s.2(l)) ("public").
	Public
	// Private: a company or other registered private sector organisation
	// or institution (s.2(l)) ("private").
	Private
	// University: a higher education institution, public or private, which
	// also adopts the HEC policy ("university").
	University
	// Household: a dwelling place or house employing, or benefiting from
	// the employment of, domestic or home-based workers (s.2(g)(x) as
	// inserted in 2022) ("household").
	Household
	// OnlineBusiness: an online, customer-to-customer, business-to-customer
	// or other virtual or remote business (s.2(g)(ix), s.2(l) as amended in
	// 2022) ("online_business").
	OnlineBusiness
)

var kindNames = []string{"", "public", "private", "university", "household", "online_business"}

// String returns the kind's external form, "" for the zero Kind and
// "Kind(N)" out of range.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// MarshalText implements encoding.TextMarshaler; it fails for the zero Kind
// and values out of range.
func (k Kind) MarshalText() ([]byte, error) {
	if k == KindUnset || int(k) >= len(kindNames) {
		return nil, fmt.Errorf("compliance: kind %d is not a kind of organisation", k)
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for the exact names.
func (k *Kind) UnmarshalText(b []byte) error {
	i := slices.Index(kindNames, string(b))
	if i <= 0 {
		return fmt.Errorf("unknown kind %q (want one of: public, private, university, household, online_business; s.2(g), (l))", truncate(string(b)))
	}
	*k = Kind(i)
	return nil
}

// Month is a calendar month, written "2025-01"; its Go value is the first day
// of the month. The zero Month is no month.
type Month struct{ civil.Date }

// ParseMonth parses "YYYY-MM".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil || len(s) != 7 {
		return Month{}, fmt.Errorf("month %q is not YYYY-MM", truncate(s))
	}
	d, err := civil.Of(t.Year(), t.Month(), 1)
	if err != nil {
		return Month{}, fmt.Errorf("month %q: %w", truncate(s), err)
	}
	return Month{d}, nil
}

// String returns "YYYY-MM", or "" for the zero Month.
func (m Month) String() string {
	if !m.IsValid() {
		return ""
	}
	return m.Date.String()[:7]
}

// MarshalText implements encoding.TextMarshaler.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// truncate bounds text quoted back in an error message.
func truncate(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	return s[:max] + "..."
}
