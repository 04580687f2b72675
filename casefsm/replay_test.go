package casefsm_test

import (
	"encoding/json"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/stretchr/testify/require"
)

// FuzzReplayEquivalence walks random event sequences three ways: every
// event applied live (looplab moves the case), every event replayed (the
// table decides), and the first data[0] events replayed then the rest
// applied live (a rehydrated case going on). After every event the three
// cases must have given the same answer (the same refusal, byte for byte,
// or none) and hold exactly the same case; at the end their statuses must
// encode to the same JSON. A fourth case, walked once under another
// header and then reset ([Engine.Reset]), replays the walk again and must
// give the same answers, events and status.
func FuzzReplayEquivalence(f *testing.F) {
	eng := newEngine(f)
	f.Add([]byte{2, 3, 0, 1, 0, 6, 3, 1, 0, 7, 1, 5, 0, 9, 3, 1, 0, 10, 3, 20, 8, 11, 4, 2, 24})
	f.Add([]byte{5, 4, 0, 1, 32, 13, 5, 2, 0, 8, 5, 9, 0, 14, 5, 30, 24, 17, 1, 30, 2, 18, 6, 3, 0})
	f.Add([]byte{0, 1, 0, 1, 0, 2, 2, 1, 0, 3, 2, 5, 4, 22, 0, 1, 0, 23, 3, 1, 0})
	f.Add([]byte{9, 3, 0, 1, 0, 25, 3, 1, 0, 26, 3, 9, 0, 5, 3, 1, 1, 15, 0, 3, 0, 19, 5, 4, 0})
	f.Add([]byte{1, 2, 0, 1, 0, 23, 3, 1, 128, 23, 3, 1, 128, 0})
	cm, err := committee.Parse([]byte(committeeFile))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		h := employeeCase()
		if len(data)%2 == 1 {
			h.Committee = &cm
		}
		live, replayed, mixed := mustCase(t, eng, h), mustCase(t, eng, h), mustCase(t, eng, h)
		switchAt, walk := int(data[0]), data[1:]
		reused := reusedCase(t, eng, h, walk)
		on := 0
		for i, n := 0, 0; i+4 <= len(walk) && n < 60; i, n = i+4, n+1 {
			ev := walkEvent(walk[i:i+4], &on)
			want := live.Apply(ev)
			got := replayed.Replay(ev)
			requireSameAnswer(t, ev, want, got)
			if n < switchAt {
				got = mixed.Replay(ev)
			} else {
				got = mixed.Apply(ev)
			}
			requireSameAnswer(t, ev, want, got)
			requireSameAnswer(t, ev, want, reused.Replay(ev))
			require.Equal(t, casefsm.Snapshot(live), casefsm.Snapshot(replayed), "after %+v", ev)
			require.Equal(t, casefsm.Snapshot(live), casefsm.Snapshot(mixed), "after %+v", ev)
		}
		asOf := date("2026-03-01").AddDays(on + 1)
		want := statusJSON(t, live, asOf)
		require.Equal(t, want, statusJSON(t, replayed, asOf))
		require.Equal(t, want, statusJSON(t, mixed, asOf))
		require.Equal(t, want, statusJSON(t, reused, asOf))
		require.Equal(t, live.File(), reused.File())
	})
}

// reusedCase returns a case that replayed walk under another header (no
// committee, an earlier incident), then was reset to h.
func reusedCase(t *testing.T, eng *casefsm.Engine, h casefsm.Header, walk []byte) *casefsm.Case {
	other := h
	other.Committee, other.IncidentOn = nil, date("2025-02-20")
	c := mustCase(t, eng, other)
	on := 0
	for i := 0; i+4 <= len(walk) && i < 4*60; i += 4 {
		_ = c.Replay(walkEvent(walk[i:i+4], &on))
	}
	require.NoError(t, eng.Reset(c, h))
	return c
}

// TestResetRefusesLikeNewCase: a header NewCase refuses, Reset refuses
// with the same error and leaves the case as it was.
func TestResetRefusesLikeNewCase(t *testing.T) {
	eng := newEngine(t)
	c := mustCase(t, eng, employeeCase())
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant})
	before := casefsm.Snapshot(c)
	bad := employeeCase()
	bad.Calendar = "no-such-calendar"
	_, want := eng.NewCase(bad)
	require.Error(t, want)
	require.Equal(t, want, eng.Reset(c, bad))
	require.Equal(t, before, casefsm.Snapshot(c))

	require.NoError(t, eng.Reset(c, employeeCase()))
	require.Equal(t, casefsm.NotFiled, c.State())
	require.Empty(t, c.Events())
	require.Equal(t, casefsm.NoRoute, c.Route())
}

func mustCase(t *testing.T, eng *casefsm.Engine, h casefsm.Header) *casefsm.Case {
	c, err := eng.NewCase(h)
	require.NoError(t, err)
	return c
}

// requireSameAnswer requires two answers to one event to be the same: both
// nil, or the same refusal.
func requireSameAnswer(t *testing.T, ev casefsm.Event, want, got error) {
	t.Helper()
	if want == nil || got == nil {
		require.Equal(t, want, got, "answers to %+v", ev)
		return
	}
	require.IsType(t, &casefsm.Refusal{}, want, "live answer to %+v", ev)
	require.Equal(t, want, got, "refusals of %+v", ev)
	require.Equal(t, want.Error(), got.Error())
}

func statusJSON(t *testing.T, c *casefsm.Case, asOf civil.Date) string {
	b, err := json.Marshal(c.Status(asOf))
	require.NoError(t, err)
	return string(b)
}
