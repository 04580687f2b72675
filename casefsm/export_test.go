package casefsm

import "fmt"

// Snapshot renders everything a case holds, so that tests can check that a
// refused event left it exactly as it was.
func Snapshot(c *Case) string {
	events := ""
	for _, ev := range c.events {
		member := ev.Member
		ev.Member = nil
		events += fmt.Sprintf("%#v %#v;", ev, member) // the member by value, not by address
	}
	return fmt.Sprintf("%#v|%#v|%s|%v|%v|%p|%p", c.h, c.f, events, c.state, c.route, c.def, c.subst)
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
