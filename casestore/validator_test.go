package casestore_test

import (
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newEngine(t testing.TB) *casefsm.Engine {
	t.Helper()
	e, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	require.NoError(t, err, "casefsm.NewEngine")
	return e
}

// validate runs v and returns its projection and error text, for comparing
// validators.
func validate(v casestore.Validator, h casestore.Header, events []casestore.Event) (casestore.Projection, string) {
	p, err := v.Validate(h, events, 0)
	if err != nil {
		return p, err.Error()
	}
	return p, ""
}

// TestCaseFSMRemembers checks that a validator that has decoded a case's
// header and events before (a warm one) gives exactly what a new one gives,
// including which event a refusal or a malformed event is reported at when
// only some of the events were remembered.
func TestCaseFSMRemembers(t *testing.T) {
	engine := newEngine(t)
	h := casestore.MustParseHeader(testHeader)
	file := casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)
	note := casestore.MustParseEvent(`{"type":"add_note","on":"2026-03-03","by":"inquiry_committee","note":"n"}`)
	tests := []struct {
		name    string
		next    string
		wantErr string
	}{
		{"accepted", `{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`, ""},
		{"unknown_field", `{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","colour":"red"}`,
			`casestore: malformed event 3 colour: unknown field`},
		{"refused", `{"type":"decide","on":"2026-03-04","by":"competent_authority","penalties":["censure"]}`,
			`casestore: case "" event 3 (decide) refused: not_allowed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			warm := casestore.CaseFSM(engine)
			_, err := warm.Validate(h, []casestore.Event{file, note}, 0)
			require.NoError(t, err, "Validate(file_complaint, add_note)")
			events := []casestore.Event{file, note, casestore.MustParseEvent(tt.next)}
			wantP, wantErr := validate(casestore.CaseFSM(engine), h, events)
			for range 2 { // the second time, the new event is remembered too
				p, gotErr := validate(warm, h, events)
				assert.Equal(t, wantP, p, "warm Validate(..., %s) projection", tt.next)
				assert.Equal(t, wantErr, gotErr, "warm Validate(..., %s) error", tt.next)
			}
			if tt.wantErr == "" {
				assert.Empty(t, wantErr, "Validate(..., %s)", tt.next)
			} else {
				assert.Contains(t, wantErr, tt.wantErr, "Validate(..., %s)", tt.next)
			}
		})
	}
}

// FuzzCaseFSMRemembers checks, on any case file, that a validator which
// has validated the first half of the case gives for the whole case what a
// new validator gives.
func FuzzCaseFSMRemembers(f *testing.F) {
	f.Add([]byte(`{"policy":"pk-federal-2022","parties":{"complainant":{"relationship":"employee","id":"e-1"}},"events":[
		{"type":"file_complaint","on":"2026-03-02","by":"complainant"},{"type":"add_note","on":"2026-03-03","by":"inquiry_committee","note":"n"},
		{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"},{"type":"add_note","on":"2026-03-05","by":"complainant","x":1}]}`))
	f.Add([]byte(`{"policy":"pk-federal-2022","parties":{"complainant":{"relationship":"stranger"}},"events":[{"type":"file_complaint","on":"2026-03-02","by":"complainant"}]}`))
	engine := newEngine(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		h, events, err := casestore.ParseCaseFile(b)
		if err != nil {
			return
		}
		warm := casestore.CaseFSM(engine)
		warm.Validate(h, events[:len(events)/2], 0)
		wantP, wantErr := validate(casestore.CaseFSM(engine), h, events)
		p, gotErr := validate(warm, h, events)
		assert.Equal(t, wantP, p, "projection of %q", b)
		assert.Equal(t, wantErr, gotErr, "error on %q", b)
	})
}
