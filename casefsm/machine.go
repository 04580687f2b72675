package casefsm

import (
	"context"
	"fmt"
	"strings"

	"github.com/looplab/fsm"
)

// This file is the only one that touches github.com/looplab/fsm. Its types
// never leave it, and the rules for using it safely are kept here:
//
//   - Guards run in Case.Apply before the machine is asked to move, never in
//     looplab callbacks (Can inside a callback deadlocks).
//   - The one callback, before_event, only cancels: it checks that looplab's
//     destination is the table's, before the state changes. No callback
//     fires an event.
//   - Every callback key names a real event or state (tested): looplab
//     silently ignores misspelt keys.
//   - A self-transition returns NoTransitionError; it is success here.
//   - Live moves (Case.Apply) fire looplab; replayed ones (Case.Replay,
//     Engine.Open) are decided by the table alone. Machines are pooled per
//     Definition and set, before each live move, to the case's state as
//     derived by the events (SetState, which rehydrates a replayed case):
//     SetState only ever receives a valid state name, never a stored one.
//   - AvailableTransitions is never used: it is unordered.

// callbackBeforeEvent is looplab's key for the callback run before every
// event.
const callbackBeforeEvent = "before_event"

// describe builds the looplab description of d's moving rows. An event
// whose rows lead from one state to different states on different routes
// (remand) gets one looplab event per route, named "EVENT.ROUTE".
func (d *Definition) describe() {
	d.lpName = make([]string, len(d.rows))
	for i, t := range d.rows {
		d.lpName[i] = t.Event.String()
		if t.Moves() && d.splitByRoute(t.Event) {
			d.lpName[i] += "." + t.Route.String()
		}
		if !t.Moves() {
			continue
		}
		src := make([]string, len(t.From))
		for j, s := range t.From {
			src[j] = s.String()
		}
		d.lpEvents = append(d.lpEvents, fsm.EventDesc{Name: d.lpName[i], Src: src, Dst: t.To.String()})
	}
	d.lpCallbacks = fsm.Callbacks{callbackBeforeEvent: checkDestination}
	for s := range d.lpArgs {
		d.lpArgs[s] = []any{State(s)}
	}
}

// splitByRoute reports whether two moving rows of event e lead from the same
// state to different states (which looplab cannot express under one name).
func (d *Definition) splitByRoute(e EventType) bool {
	var dst [stateEnd]State
	for _, t := range d.rows {
		if t.Event != e || !t.Moves() {
			continue
		}
		for _, s := range t.From {
			if dst[s] != 0 && dst[s] != t.To {
				return true
			}
			dst[s] = t.To
		}
	}
	return false
}

// checkDestination cancels a transition whose destination is not the one
// the table chose (passed as the event's only argument). Cancelling in a
// before_ callback leaves the state unchanged.
func checkDestination(_ context.Context, e *fsm.Event) {
	want, ok := State(0), len(e.Args) == 1
	if ok {
		want, ok = e.Args[0].(State)
	}
	if !ok || e.Dst != want.String() {
		e.Cancel(fmt.Errorf("looplab destination %q, table destination %q", e.Dst, want))
	}
}

// machine is a looplab state machine for one Definition. Machines hold no
// case: fire sets one to the case's state, moves it and returns it to the
// definition's pool, so a replay does not rebuild looplab's maps.
type machine struct {
	f *fsm.FSM
}

// getMachine returns a machine of d from its pool, or a new one.
func (d *Definition) getMachine() *machine {
	if m, ok := d.machines.Get().(*machine); ok {
		return m
	}
	return &machine{f: fsm.NewFSM(NotFiled.String(), d.lpEvents, d.lpCallbacks)}
}

// fire moves a case standing in from by d's row i, which must lead to want.
// It returns an error matching [ErrInternal] if looplab disagrees.
func (d *Definition) fire(i int, from, want State) error {
	m := d.getMachine()
	defer d.machines.Put(m)
	m.f.SetState(from.String())
	return m.fire(d, i, from, want)
}

// fire moves m, standing in from, by d's row i, which must lead to want. On
// any disagreement it restores from and returns an error matching
// [ErrInternal].
func (m *machine) fire(d *Definition, i int, from, want State) error {
	err := m.f.Event(context.Background(), d.lpName[i], d.lpArgs[want]...)
	if _, self := err.(fsm.NoTransitionError); self && from == want {
		err = nil // re-entering the same state (a second appeal) is a move
	}
	if err == nil && m.f.Current() == want.String() {
		return nil
	}
	if err == nil {
		err = fmt.Errorf("looplab moved to %q", m.f.Current())
	}
	m.f.SetState(from.String())
	return fmt.Errorf("%w: %s from %s to %s: %s", ErrInternal, d.lpName[i], from, want, translate(err))
}

// translate turns a looplab error into plain text, so that no looplab type
// escapes the package.
func translate(err error) string {
	return strings.TrimSpace(err.Error())
}
