package main

import (
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// urdu matches a letter of the Arabic script: an Urdu entry that has none
// was left in English.
var urdu = regexp.MustCompile(`\p{Arabic}`)

// checkBoth checks that code has plain words in both languages, a name and
// a sentence each, the Urdu in Urdu.
func checkBoth(t *testing.T, code string, b both, ok bool) {
	t.Helper()
	if !assert.True(t, ok, "%s has no plain words in words.go", code) {
		return
	}
	for _, p := range []plain{b.En, b.Ur} {
		assert.NotEmpty(t, p.Name, "%s: a name", code)
		assert.NotEmpty(t, p.Says, "%s: a sentence", code)
	}
	assert.Regexp(t, urdu, b.Ur.Name+b.Ur.Says, "%s: the Urdu is not in Urdu", code)
	assert.NotRegexp(t, urdu, b.En.Name+b.En.Says, "%s: the English is not in English", code)
}

// checkPair checks a name in both languages.
func checkPair(t *testing.T, code string, p [2]string, ok bool) {
	t.Helper()
	if assert.True(t, ok, "%s has no name in words.go", code) {
		assert.NotEmpty(t, p[0], "%s: English", code)
		assert.Regexp(t, urdu, p[1], "%s: Urdu", code)
	}
}

// TestEveryCodeHasPlainWords fails when the SDK has a state, event type,
// deadline rule, role or other code the portal shows with no English or no
// Urdu words, so none ships as a bare code.
func TestEveryCodeHasPlainWords(t *testing.T) {
	t.Run("states", func(t *testing.T) {
		for _, s := range casefsm.States() {
			b, ok := stateWords[s]
			checkBoth(t, s.String(), b, ok)
		}
		assert.Len(t, stateWords, len(casefsm.States()), "words for a value that is not a state")
	})
	t.Run("event types", func(t *testing.T) {
		for _, e := range casefsm.EventTypes() {
			b, ok := eventWords[e]
			checkBoth(t, e.String(), b, ok)
		}
		assert.Len(t, eventWords, len(casefsm.EventTypes()), "words for a value that is not an event type")
	})
	t.Run("deadline rules", func(t *testing.T) {
		rules := map[policy.RuleID]bool{}
		for _, p := range policy.Builtin().All() {
			for _, r := range p.Rules() {
				rules[r.ID] = true
				b, ok := ruleWords[r.ID]
				checkBoth(t, string(p.ID())+": "+string(r.ID), b, ok)
			}
		}
		for id := range ruleWords {
			assert.True(t, rules[id], "words for %q, a rule no policy has", id)
		}
	})
	t.Run("roles", func(t *testing.T) {
		for _, r := range casefsm.Roles() {
			p, ok := roleWords[r]
			checkPair(t, r.String(), p, ok)
		}
	})
	t.Run("findings", func(t *testing.T) {
		fs := enumerate[casefsm.Finding]()
		require.NotEmpty(t, fs)
		for _, f := range fs {
			p, ok := findingWords[f]
			checkPair(t, f.String(), p, ok)
		}
	})
	t.Run("penalties", func(t *testing.T) {
		for _, pol := range policy.Builtin().All() {
			for _, pen := range pol.Penalties() {
				p, ok := penaltyWords[pen.Code]
				checkPair(t, string(pen.Code), p, ok)
			}
		}
	})
	t.Run("deadline statuses", func(t *testing.T) {
		ss := enumerate[deadlines.Status]()
		require.NotEmpty(t, ss)
		for _, s := range ss {
			p, ok := statusWords[s]
			checkPair(t, s.String(), p, ok)
		}
	})
	t.Run("refusal codes", func(t *testing.T) {
		cs := enumerate[casefsm.Code]()
		require.NotEmpty(t, cs)
		for _, c := range cs {
			p, ok := refusalWords[c]
			checkPair(t, c.String(), p, ok)
		}
	})
	t.Run("a replacement's gender and seat", func(t *testing.T) {
		for _, g := range enumerate[committee.Gender]() {
			p, ok := genderWords[g]
			checkPair(t, g.String(), p, ok)
		}
		for _, s := range enumerate[committee.Seat]() {
			p, ok := seatWords[s]
			checkPair(t, s.String(), p, ok)
		}
	})
}

// TestEveryFieldHasAFormAndWords: every field an event type takes, under
// every built-in policy (casefsm.Definition.Events, as the API serves
// them), has a way to ask for it and, unless the form fills it in, a label
// and help in both languages, and a name in both for each value it offers.
func TestEveryFieldHasAFormAndWords(t *testing.T) {
	for _, pol := range policy.Builtin().All() {
		d, err := casefsm.NewDefinition(pol)
		require.NoError(t, err)
		for _, info := range d.Events() {
			for _, f := range info.Fields {
				k, ok := inputs[f.Kind]
				if !assert.True(t, ok, "field %s of %s: no input for kind %s", f.Name, info.Type, f.Kind) || filled(f) {
					continue
				}
				assert.NotEmpty(t, k)
				b, ok := fieldWords[wordsKey(f)]
				checkBoth(t, "field "+wordsKey(f), b, ok)
				for _, v := range f.Values {
					for _, l := range langs {
						_, ok := valueLabel(l, f.Name, v)
						assert.True(t, ok, "%s: %s of %s offers %q, which has no words", l.Code, f.Name, info.Type, v)
					}
				}
			}
		}
	}
	for k := casefsm.FieldKind(1); k.IsValid(); k++ {
		assert.Contains(t, inputs, k, "no input for kind %s", k)
	}
	for _, l := range langs {
		for _, name := range []string{"member.out", "member.in.id", "member.in.name", "member.in.gender", "member.in.seat", "member.in.external"} {
			assert.NotEqual(t, name, l.T(name), "%s: no label for %s", l.Code, name)
		}
	}
}

// TestStringsInBothLanguages: every interface string has both languages.
func TestStringsInBothLanguages(t *testing.T) {
	en, ur := langs["en"].s, langs["ur"].s
	for k := range en {
		assert.Contains(t, ur, k, "no Urdu for %q", k)
	}
	for k, v := range ur {
		assert.Regexp(t, urdu, v, "%q: the Urdu is not in Urdu", k)
		if k != "ur.review" { // shown on Urdu pages only
			assert.Contains(t, en, k, "no English for %q", k)
		}
	}
}

// TestCitationsFromMeaning: a field's sections come from the meaning the
// SDK gives it, so they cannot drift from it.
func TestCitationsFromMeaning(t *testing.T) {
	meaning := func(e casefsm.EventType, name string) string {
		i := slices.IndexFunc(casefsm.Fields(e), func(f casefsm.Field) bool { return f.Name == name })
		require.GreaterOrEqual(t, i, 0, "%s takes no %s", e, name)
		return casefsm.Fields(e)[i].Meaning
	}
	for _, tc := range []struct {
		e          casefsm.EventType
		field, has string
	}{
		{casefsm.SubmitFindings, "finding", "s.4(4), s.5(3)"},
		{casefsm.SubmitFindings, "penalties", "s.4(4)"},
		{casefsm.SubmitDefence, "reasonable_cause", "s.4(1)(b), s.8(2)"},
		{casefsm.FileAppeal, "condonation", "interpretation 13"},
		{casefsm.FileComplaint, "consent", "Code (vi)"},
		{casefsm.ReplaceMember, "member", "s.3(3)"},
		{casefsm.VoidEvent, "voids", "interpretation 23"},
		{casefsm.AddNote, "note", ""},
	} {
		assert.Equal(t, tc.has, citations(meaning(tc.e, tc.field)), "%s.%s", tc.e, tc.field)
	}
}
