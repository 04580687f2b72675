package deadlines

import (
	"github.com/hifazat/hifazat/internal/enum"

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

var statusNames = enum.New[Status]("deadlines", "status", "", "pending", "overdue", "met", "late", "paused", "lapsed")

// String returns the name, or "%!Status(N)" for a value that has none.
func (s Status) String() string { return statusNames.String(s) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (s Status) MarshalText() ([]byte, error) { return statusNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (s *Status) UnmarshalText(b []byte) error { return statusNames.Unmarshal(s, b) }

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
