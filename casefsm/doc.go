// Package casefsm models the life of a workplace-harassment complaint under
// Pakistan's Protection against Harassment of Women at the Workplace Act,
// 2010, from an informal report to the implementation of the last decision,
// as a finite state machine driven by dated events.
//
// The lifecycle is data. A [Transition] row names an event, the roles that
// may perform it, the states it may be performed in, the state it leads to
// and the provision that says so. A [Definition] compiles the table for one
// policy once (the routes a policy switches off, such as the informal route
// or withdrawal, remove rows) and is shared by every case under that policy.
// The states ([State]), events ([EventType]) and roles ([Role]) have stable
// snake_case names: they are the vocabulary of the case file.
//
// The state machine underneath is github.com/looplab/fsm, kept entirely
// inside this package: guards run here before looplab is asked to move, a
// single before-event callback checks that looplab's destination is the
// table's, and no looplab type appears in the API.
//
// # Non-goals
//
// The package does not store cases, send notices or read the clock: every
// question about time takes a date from the caller. It does not decide the
// merits of a complaint; it records what forums did, refuses only what
// cannot have happened or what the law plainly bars, and warns where a
// lawyer should look.
package casefsm
