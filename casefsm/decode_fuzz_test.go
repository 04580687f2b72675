package casefsm_test

import (
	"encoding/json"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/stretchr/testify/require"
)

// FuzzDecodeHeader: any bytes either fail as malformed or decode to a
// header whose JSON decodes back to the same header.
func FuzzDecodeHeader(f *testing.F) {
	f.Add([]byte(`{"policy":"pk-federal-2022","incident_on":"2026-02-20","parties":{"complainant":{"relationship":"employee","id":"e-17"},"witnesses":[{"id":"e-51"}]}}`))
	f.Add([]byte(`{"committee":{"members":[{"id":"m-1","name":"A","gender":"female","seat":"senior"}]}}`))
	f.Add([]byte(`{"policy":"x","policy":"y"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := casefsm.DecodeHeader(data)
		if err != nil {
			require.ErrorIs(t, err, casefsm.ErrMalformed)
			return
		}
		b, err := json.Marshal(h)
		require.NoError(t, err)
		back, err := casefsm.DecodeHeader(b)
		require.NoError(t, err, "%s", b)
		require.Equal(t, h, back)
	})
}

// FuzzDecodeEvent: the same for one event, as "case apply" reads it.
func FuzzDecodeEvent(f *testing.F) {
	f.Add([]byte(`{"type":"submit_defence","on":"2026-03-11","by":"accused"}`))
	f.Add([]byte(`{"type":"replace_member","on":"2026-03-12","by":"competent_authority","member":{"out":"m-1","in":{"id":"m-9"}}}`))
	f.Add([]byte(`{"type":"decide","on":"2026-03-12","by":"competent_authority","penalties":["censure",{"code":"fine","amount":5}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := casefsm.DecodeEvent(data, 0)
		if err != nil {
			require.ErrorIs(t, err, casefsm.ErrMalformed)
			return
		}
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		back, err := casefsm.DecodeEvent(b, 0)
		require.NoError(t, err, "%s", b)
		require.Equal(t, ev, back)
	})
}
