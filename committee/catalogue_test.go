package committee

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var placeholder = regexp.MustCompile(`\{[0-9]+\}`)

// TestCatalogue checks the message catalogue against the codes and the
// variants the rules emit.
func TestCatalogue(t *testing.T) {
	keys := map[string]message{}
	for _, m := range messages {
		require.NotContains(t, keys, m.key, "key %q is listed once", m.key)
		keys[m.key] = m
		code, _, _ := strings.Cut(m.key, ".")
		var c Code
		assert.NoError(t, c.UnmarshalText([]byte(code)), "key %q starts with a code", m.key)
		for lang, text := range map[string]string{"en": m.en, "ur": m.ur} {
			got := placeholder.FindAllString(text, -1)
			assert.Len(t, got, m.n, "%s message %q: placeholders %v, want %d", lang, m.key, got, m.n)
		}
		assert.True(t, strings.IndexFunc(m.ur, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) >= 0,
			"Urdu message %q is in Urdu script", m.key)
		assert.NotEqual(t, m.en, m.ur, "message %q is translated", m.key)
	}
	hasMessage := func(c Code) bool {
		for k := range keys {
			if k == c.String() || strings.HasPrefix(k, c.String()+".") {
				return true
			}
		}
		return false
	}
	for _, c := range Codes() {
		assert.True(t, hasMessage(c), "code %s has a message", c)
	}
	// Variants the rules build from enums must all exist.
	for r := Complainant; r.IsValid(); r++ {
		assert.Contains(t, keys, "conflicted_member."+r.String())
	}
	for k := ReportsToAccused; k.IsValid(); k++ {
		assert.Contains(t, keys, "conflict_signal."+k.String())
	}
	for _, tag := range []string{"required", tagKnown} {
		assert.Contains(t, keys, "invalid_member."+tagVariant(tag))
	}
}

func TestCiteIn(t *testing.T) {
	tests := []struct {
		section string
		l       Language
		want    string
	}{
		{"s.3(2)", English, " (s.3(2))"},
		{"s.3(2)", Urdu, " (دفعہ 3(2))"},
		{"s.3(4), s.11(1)", Urdu, " (دفعہ 3(4)، دفعہ 11(1))"},
		{"Rules 2013 r.4(3)", Urdu, " (قواعد 2013 r.4(3))"},
		{"Code (vii)", Urdu, " (ضابطۂ اخلاق (vii))"},
		{"interpretation 20", Urdu, " (تشریح 20)"},
		{"HEC Policy 2020", Urdu, " (HEC Policy 2020)"},
		{"", Urdu, ""},
		{"", English, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, citeIn(tt.l, tt.section), "citeIn(%s, %q)", tt.l, tt.section)
	}
}
