package committee

import (
	"github.com/hifazat/hifazat/internal/enum"
	"strings"
)

// Language is the language of a report's messages. The zero Language is
// English. The Act requires the Code of Conduct in English and in the
// language the majority understands (s.11(2)); committee members and
// complainants read Urdu, so every message exists in both.
type Language uint8

const (
	// English ("en") is the zero Language.
	English Language = iota
	// Urdu ("ur").
	Urdu
)

var languageNames = enum.New[Language]("committee", "language", "en", "ur")

// ParseLanguage returns the language named by an ISO 639-1 code, "en" or
// "ur" (case-insensitive). Any other text is a [*ValueError] matching
// [ErrUnknownValue].
func ParseLanguage(s string) (Language, error) {
	for _, l := range languageNames.Values() {
		if strings.EqualFold(s, l.String()) {
			return l, nil
		}
	}
	return English, &ValueError{Field: "language", Value: s, Want: languageNames.List()}
}

// IsValid reports whether l is English or Urdu.
func (l Language) IsValid() bool { return languageNames.Valid(l) }

// String returns "en" or "ur", or "Language(N)" out of range.
func (l Language) String() string { return languageNames.String(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Language) MarshalText() ([]byte, error) { return languageNames.MarshalText(l) }

// UnmarshalText implements encoding.TextUnmarshaler, accepting what
// [ParseLanguage] accepts.
func (l *Language) UnmarshalText(b []byte) error {
	v, err := ParseLanguage(string(b))
	if err == nil {
		*l = v
	}
	return err
}
