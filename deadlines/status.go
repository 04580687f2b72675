package deadlines

import (
	"fmt"
	"strconv"

	"github.com/hifazat/hifazat/civil"
)

// Status is where an act stands against its [Deadline]. Values are
// persisted; never reorder them.
//
// The zero Status is not a status; [Deadline.StatusAt] never returns it.
type Status uint8

const (
	// Pending: not done, and the due date has not passed.
	Pending Status = iota + 1
	// Overdue: not done, and the due date has passed.
	Overdue
	// Met: done on or before the due date.
	Met
	// Late: done after the due date.
	Late
	// Paused: a stay is in force, so the clock is not running
	// (interpretation 10). StatusAt never returns it: a deadline does not
	// know about stays in force. Callers that hold the case (package
	// casefsm) report Paused while a stay lasts.
	Paused
	// Lapsed: a party's filing period ran out unused (interpretation 7).
	// It is not overdue and never a breach: the party chose not to file.
	// StatusAt never returns it; callers that hold the case (package
	// casefsm) report it for filings.
	Lapsed
)

var statusNames = [...]string{"", "pending", "overdue", "met", "late", "paused", "lapsed"}

// String returns "pending", "overdue", "met", "late", "paused" or "lapsed", and
// "Status(N)" for any other value.
func (s Status) String() string {
	if s >= Pending && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText implements encoding.TextMarshaler; it fails for a value that
// is not a status.
func (s Status) MarshalText() ([]byte, error) {
	if s < Pending || int(s) >= len(statusNames) {
		return nil, fmt.Errorf("deadlines: invalid status %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	for i := Pending; int(i) < len(statusNames); i++ {
		if string(b) == statusNames[i] {
			*s = i
			return nil
		}
	}
	return fmt.Errorf("deadlines: unknown status %q (want pending, overdue, met, late, paused or lapsed)", b)
}

// StatusAt returns the status of the act on asOf, given the day it was done
// (the zero Date if it is not done yet). Not done: [Pending] while asOf is
// on or before Due, then [Overdue]. Done: [Met] if doneOn is on or before
// Due, else [Late], whatever asOf is. Being late is reported, never refused
// here: whether a late act counts is the caller's rule (interpretation 13).
func (d Deadline) StatusAt(asOf, doneOn civil.Date) Status {
	switch {
	case doneOn.IsValid() && doneOn.After(d.Due):
		return Late
	case doneOn.IsValid():
		return Met
	case asOf.After(d.Due):
		return Overdue
	}
	return Pending
}
