package casestore_test

import (
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseCaseFileErrors(t *testing.T) {
	tests := []struct {
		name, in, field string
		version         int64
	}{
		{"not_object", `[]`, "case file", 0},
		{"events_not_array", `{"events":{}}`, "events", 0},
		{"bad_event_date", `{"events":[{"type":"add_note","on":"2026-03-04","by":"x"},{"type":"add_note","on":"03/04/2026"}]}`, "on", 2},
		{"missing_type", `{"events":[{"on":"2026-03-04"}]}`, "type", 1},
		{"policy_not_string", `{"policy":7}`, "policy", 0},
		{"parties_not_object", `{"parties":[]}`, "parties", 0},
		{"incident_not_date", `{"incident_on":"yesterday"}`, "incident_on", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := casestore.ParseCaseFile([]byte(tt.in))
			var m *casestore.MalformedError
			require.ErrorAs(t, err, &m, "ParseCaseFile(%s)", tt.in)
			assert.Equal(t, tt.field, m.Field, "ParseCaseFile(%s) field", tt.in)
			assert.Equal(t, tt.version, m.Version, "ParseCaseFile(%s) version", tt.in)
		})
	}
}

// FuzzParseCaseFile checks that parsing never panics and that a parsed case
// file encodes to canonical JSON that parses back to the same values.
func FuzzParseCaseFile(f *testing.F) {
	f.Add([]byte(`{"policy":"pk-federal-2022","parties":{"complainant":{"id":"e-1"}},"events":[{"type":"file_complaint","on":"2026-03-02","by":"complainant"}]}`))
	f.Add([]byte(`{"events":[]}`))
	f.Add([]byte(`{"calendar":"pk-federal","events":null,"x\"y":{"\u00e9":1},"\u00e9v":[]}`))
	f.Add([]byte(`{"calendar":"pk-federal","events":[{"type":"add_note","on":"2026-03-04","by":"x"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, events, err := casestore.ParseCaseFile(b)
		if err != nil {
			assert.ErrorIs(t, err, casestore.ErrMalformed, "ParseCaseFile(%q)", b)
			return
		}
		out := casestore.EncodeCaseFile(h, events)
		canon, err := casestore.Canonical(out)
		require.NoError(t, err, "Canonical(EncodeCaseFile(%q))", b)
		assert.Equal(t, string(canon), string(out), "EncodeCaseFile(%q) is not canonical", b)
		h2, events2, err := casestore.ParseCaseFile(out)
		require.NoError(t, err, "ParseCaseFile(EncodeCaseFile(%q))", b)
		assert.Equal(t, h, h2, "header round trip of %q", b)
		assert.Equal(t, len(events), len(events2), "events round trip of %q", b)
		for i := range events {
			assert.Equal(t, events[i], events2[i], "event %d round trip of %q", i, b)
		}
	})
}

// FuzzParseEvent checks that parsing never panics and is idempotent.
func FuzzParseEvent(f *testing.F) {
	f.Add([]byte(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := casestore.ParseEvent(b)
		if err != nil {
			assert.ErrorIs(t, err, casestore.ErrMalformed, "ParseEvent(%q)", b)
			return
		}
		again, err := casestore.ParseEvent(e.JSON())
		require.NoError(t, err, "ParseEvent(ParseEvent(%q).JSON())", b)
		assert.Equal(t, e, again, "ParseEvent is not idempotent on %q", b)
	})
}
