package storekit

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseEnvelope(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{`{"by":"complainant","on":"2026-03-02","sealed":"abc_-","type":"file_complaint"}`, true},
		{`{"sealed":"abc"}`, true},
		{`{"sealed":""}`, false},
		{`{"by":"complainant","on":"2026-03-02","sealed":"","type":"file_complaint"}`, false},
		{`{"by":"complainant","on":"2026-03-02","sealed":"abc","type":""}`, false},
		{`{"by":"complainant","on":"2026-03-02","sealed":"abc","type":"file_complaint"} `, false},
		{`{"by":"compl\"ainant","on":"2026-03-02","sealed":"abc","type":"file_complaint"}`, false},
		{`{"by":"complainant","note":"x","on":"2026-03-02","sealed":"abc","type":"file_complaint"}`, false},
		{`{"by":"complainant","on":"2026-03-02","type":"file_complaint"}`, false},
		{`{"policy":"pk-federal-2022"}`, false},
		{``, false},
	} {
		e, ok := parseEnvelope([]byte(tt.in))
		assert.Equal(t, tt.ok, ok, "parseEnvelope(%s)", tt.in)
		if ok {
			assert.Equal(t, tt.in, string(e.encode()), "encode(parseEnvelope(%s))", tt.in)
		}
	}
}

// FuzzEnvelope: parsing never panics, and what parses is exactly the
// encoding of what it parsed to (one stored form per envelope).
func FuzzEnvelope(f *testing.F) {
	f.Add([]byte(`{"by":"complainant","on":"2026-03-02","sealed":"abc","type":"file_complaint"}`))
	f.Add([]byte(`{"sealed":"abc"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if e, ok := parseEnvelope(b); ok {
			assert.Equal(t, string(b), string(e.encode()))
		}
	})
}
