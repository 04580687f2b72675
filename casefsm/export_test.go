package casefsm

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hifazat/hifazat/policy"
)

// Snapshot renders everything a case holds, so that tests can check that a
// refused event left it exactly as it was. Pointers are followed, so that
// a replayed case renders as the original does.
func Snapshot(c *Case) string {
	events := ""
	for _, ev := range c.events {
		member := ev.Member
		ev.Member = nil
		events += fmt.Sprintf("%#v %#v;", ev, member) // the member by value, not by address
	}
	h := c.h
	h.Committee = nil
	return fmt.Sprintf("%#v %#v|%#v|%s|%v|%v|%p|%p", h, c.h.Committee, c.f, events, c.state, c.route, c.def, c.subst)
}

// Lookup exposes the compiled table: the row governing event e for a case
// on route r in state s.
func Lookup(d *Definition, r Route, s State, e EventType) (Transition, bool) {
	i, ok := d.lookup(r, s, e)
	if !ok {
		return Transition{}, false
	}
	return d.rows[i], true
}

// Reinterpret returns a copy of e in which policy id's definition reads the
// interpretations edit makes of the policy's own, unchecked. Settings that
// take a right from a party are refused by policy.Interpretations.With (for
// overlays and Options alike), so this is how tests reach the branches
// those parameters guard.
func Reinterpret(e *Engine, id policy.ID, edit func(*policy.Interpretations)) (*Engine, error) {
	d, err := e.Definition(id)
	if err != nil {
		return nil, err
	}
	in := d.in
	edit(&in)
	nd, err := definitionOf(d.pol, d.routes, in)
	if err != nil {
		return nil, err
	}
	out := *e
	out.defs = maps.Clone(e.defs)
	out.defs[id] = nd
	return &out, nil
}

// UndeclaredFields lists the case file's fields that declare no
// confidentiality class.
func UndeclaredFields() []string { return slices.Clone(undeclaredFields) }
