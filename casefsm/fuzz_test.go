package casefsm_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/require"
)

// walkEvent turns 4 fuzz bytes into an event: its type, actor, days since
// the previous event, and which optional fields it carries.
func walkEvent(b []byte, on *int) casefsm.Event {
	types, roles := casefsm.EventTypes(), casefsm.Roles()
	*on += int(b[2] % 12)
	ev := casefsm.Event{Type: types[int(b[0])%len(types)], By: roles[int(b[1])%len(roles)], On: date("2026-03-01").AddDays(*on)}
	if b[0] >= 250 {
		ev.Type = casefsm.EventType(b[0]) // not a type at all
	}
	flags := b[3]
	if flags&1 != 0 {
		ev.Reason = "reasons"
	}
	if flags&2 != 0 {
		ev.Condonation = "condoned"
	}
	if flags&4 != 0 {
		ev.Consent = true
	}
	switch flags >> 3 & 3 {
	case 1:
		ev.Finding, ev.Penalties = casefsm.Guilty, []casefsm.Penalty{{Code: policy.Censure}}
	case 2:
		ev.Finding = casefsm.NotGuilty
	case 3:
		ev.Penalties = []casefsm.Penalty{{Code: policy.Fine, Amount: 1000}}
	}
	if flags&32 != 0 {
		ev.ReceivedOn = ev.On.AddDays(1)
	}
	if flags&64 != 0 {
		ev.To = []casefsm.Role{casefsm.Accused}
	}
	if flags&128 != 0 {
		ev.Member = &committee.Replacement{Out: "m-1", In: committee.Member{ID: "m-9"}}
		if ev.Type == casefsm.DesignateChair {
			ev.Member, ev.Chair = nil, "m-9"
		}
	}
	return ev
}

// FuzzCaseWalk applies random event sequences: no input panics, every
// accepted event is a row of the transition table and moves the case where
// the row says, every refused event leaves the case exactly as it was (and
// an event the table has no row for is refused as not_allowed or
// invalid_event), and replaying the accepted events rebuilds the same case.
func FuzzCaseWalk(f *testing.F) {
	eng := newEngine(f)
	f.Add([]byte{3, 0, 1, 0, 6, 3, 1, 0, 7, 1, 5, 0, 9, 3, 1, 0, 10, 3, 20, 8, 11, 4, 2, 24})
	f.Add([]byte{4, 0, 1, 32, 13, 5, 2, 0, 8, 5, 9, 0, 14, 5, 30, 24, 17, 1, 30, 2, 18, 6, 3, 0})
	f.Add([]byte{1, 0, 1, 0, 2, 2, 1, 0, 3, 2, 5, 4, 22, 0, 1, 0, 23, 3, 1, 0})
	f.Add([]byte{3, 0, 1, 0, 25, 3, 1, 0, 26, 3, 9, 0, 5, 3, 1, 1, 15, 0, 3, 0, 19, 5, 4, 0})
	f.Add([]byte{2, 0, 1, 0, 23, 3, 1, 128, 23, 3, 1, 128, 0}) // a replacement, then the same again, with the committee on file
	cm, err := committee.Parse([]byte(committeeFile))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		h := employeeCase()
		if len(data)%2 == 1 { // an odd length: the standing committee is on file
			h.Committee = &cm
		}
		c, err := eng.NewCase(h)
		require.NoError(t, err)
		on := 0
		for i := 0; i+4 <= len(data) && i < 4*60; i += 4 {
			ev := walkEvent(data[i:i+4], &on)
			prevState, prevRoute, before := c.State(), c.Route(), casefsm.Snapshot(c)
			err := c.Apply(ev)
			d := c.Definition()
			if err != nil {
				ref, ok := errors.AsType[*casefsm.Refusal](err)
				require.True(t, ok, "Apply(%+v) = %v, want a *Refusal", ev, err)
				require.Equal(t, before, casefsm.Snapshot(c), "refused %+v changed the case", ev)
				if _, inTable := lookupIn(d, prevRoute, prevState, ev.Type); d != nil && !inTable && ev.Type.IsValid() {
					require.Contains(t, []casefsm.Code{casefsm.NotAllowed, casefsm.InvalidEvent}, ref.Code, "Apply(%+v) in %s: %v", ev, prevState, err)
				}
				continue
			}
			row, ok := lookupIn(d, prevRoute, prevState, ev.Type)
			require.True(t, ok, "accepted %+v in %s on route %s, but the table has no row", ev, prevState, prevRoute)
			require.Contains(t, row.By, ev.By, "accepted %+v from an actor the row does not name", ev)
			want := prevState
			if row.Moves() {
				want = row.To
			}
			require.Equal(t, want, c.State(), "state after %+v from %s", ev, prevState)
		}
		_, err = json.Marshal(casefsm.Report{Status: c.Status(date("2026-03-01").AddDays(on + 1))})
		require.NoError(t, err)
		again, err := eng.Open(c.File())
		require.NoError(t, err, "replaying the accepted events")
		require.Equal(t, casefsm.Snapshot(c), casefsm.Snapshot(again), "replayed case")
	})
}

func lookupIn(d *casefsm.Definition, r casefsm.Route, s casefsm.State, e casefsm.EventType) (casefsm.Transition, bool) {
	if d == nil {
		return casefsm.Transition{}, false
	}
	return casefsm.Lookup(d, r, s, e)
}

// TestEveryStateReachable: under the statute every state can be reached
// from not_filed, so the walk above has the whole table to explore.
func TestEveryStateReachable(t *testing.T) {
	d, err := newEngine(t).Definition(policy.FederalAct2022)
	require.NoError(t, err)
	reached := map[casefsm.State]bool{casefsm.NotFiled: true}
	for changed := true; changed; {
		changed = false
		for _, tr := range d.Transitions() {
			if !tr.Moves() || reached[tr.To] {
				continue
			}
			if slices.ContainsFunc(tr.From, func(s casefsm.State) bool { return reached[s] }) {
				reached[tr.To], changed = true, true
			}
		}
	}
	for _, s := range casefsm.States() {
		require.True(t, reached[s], "state %s is reachable", s)
	}
}
