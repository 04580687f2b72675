package casestore

import (
	"errors"
	"fmt"
)

// Prepare checks that events may be appended to the stored case c (at
// version c.Version(); a case being created has no records and Head equal to
// its genesis hash) and returns the records to store, chained to c.Head, and
// the projection after them. It runs the Options' validator and fills the
// case id into its errors. Nothing is stored: it is the common core of every
// store's Create and Append, exported for integrators writing their own
// [Store].
func (o Options) Prepare(c Case, events []Event) ([]Record, Projection, error) {
	if err := CheckID(c.ID); err != nil {
		return nil, Projection{}, err
	}
	if !c.Header.IsValid() {
		return nil, Projection{}, &MalformedError{Case: c.ID, Field: "header", Reason: "missing: want a parsed header (see ParseHeader)"}
	}
	from := c.Version()
	for i, e := range events {
		if !e.IsValid() {
			return nil, Projection{}, &MalformedError{Case: c.ID, Version: from + int64(i) + 1, Field: "event", Reason: "the zero Event: want a parsed event (see ParseEvent)"}
		}
	}
	all := append(c.Events(), events...)
	p, err := o.validator().Validate(c.Header, all, int(from))
	if err != nil {
		return nil, Projection{}, withCase(err, c.ID)
	}
	p.Deadlines = sortDeadlines(p.Deadlines)
	records := make([]Record, len(events))
	prev := c.Head
	for i, e := range events {
		h := Chain(prev, e)
		records[i] = Record{Version: from + int64(i) + 1, Event: e, Prev: prev, Hash: h}
		prev = h
	}
	return records, p, nil
}

func (o Options) validator() Validator {
	return o.WithDefaults().Validator
}

// withCase sets the case id on the validator's typed errors.
func withCase(err error, id string) error {
	var m *MalformedError
	if errors.As(err, &m) {
		c := *m
		c.Case = id
		return &c
	}
	var r *RefusedError
	if errors.As(err, &r) {
		c := *r
		c.Case = id
		return &c
	}
	return fmt.Errorf("casestore: case %q: %w", id, err)
}
