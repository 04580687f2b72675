package storekit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
)

// EventBody returns the canonical JSON of ev: the bytes a store keeps and
// hashes. An event whose body exceeds [MaxEventBytes] is malformed.
func EventBody(ev casefsm.Event) ([]byte, error) {
	return body(ev, "event", MaxEventBytes)
}

// HeaderBody returns the canonical JSON of h, which the case's genesis hash
// covers. A header whose body exceeds [MaxHeaderBytes] is malformed.
func HeaderBody(h casefsm.Header) ([]byte, error) {
	return body(h, "header", MaxHeaderBytes)
}

func body(v any, what string, limit int) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, malformed(what, fmt.Sprintf("cannot be written as JSON: %v", err))
	}
	c, err := Canonical(b)
	if err != nil {
		return nil, err
	}
	if len(c) > limit {
		return nil, malformed(what, fmt.Sprintf("%d bytes of JSON is larger than the limit of %d", len(c), limit))
	}
	return c, nil
}

// Create decides a new case id with header h and events: it checks the id
// and the header with engine, applies the events in order, and returns
// the case and the rows to store. An error is a [*casestore.MalformedError],
// a [*casefsm.InputError] for the header, or a [*casefsm.Refusal] whose
// Index is the refused event's position in events.
func Create(engine *casefsm.Engine, id string, h casefsm.Header, events []casefsm.Event) (casestore.Case, StoredCase, error) {
	if err := casestore.CheckID(id); err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	hb, err := HeaderBody(h)
	if err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	fc, err := engine.NewCase(h)
	if err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	sc := StoredCase{ID: id, Header: hb, Genesis: Genesis(id, hb)}
	c, rows, err := extend(fc, casestore.Case{ID: id, Header: h, Head: sc.Genesis}, events)
	if err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	sc.Rows, sc.Version, sc.Head = rows, c.Version(), c.Head
	return c, sc, nil
}

// Append decides events on c, the case as read in the write transaction:
// engine replays c's events and applies only the new ones. It returns the
// case after them and the rows to insert, chained to c.Head. A refusal is
// the [*casefsm.Refusal] of the first refused event, whose Index is its
// position in the case (its version minus one).
func Append(engine *casefsm.Engine, c casestore.Case, events []casefsm.Event) (casestore.Case, []StoredRow, error) {
	if len(events) == 0 {
		return casestore.Case{}, nil, &casestore.MalformedError{Case: c.ID, Field: "events", Reason: "nothing to append"}
	}
	fc, err := c.Open(engine)
	if err != nil {
		return casestore.Case{}, nil, fmt.Errorf("storekit: case %q as stored does not replay on this engine: %w", c.ID, err)
	}
	next, rows, err := extend(fc, c, events)
	if m, ok := err.(*casestore.MalformedError); ok {
		m.Case = c.ID
	}
	return next, rows, err
}

// extend applies events to fc, the casefsm case of c, and returns c with
// them and their rows.
func extend(fc *casefsm.Case, c casestore.Case, events []casefsm.Event) (casestore.Case, []StoredRow, error) {
	rows := make([]StoredRow, len(events))
	// A new array: the case returned shares nothing with the one read.
	records := slices.Grow(slices.Clip(c.Records), len(events))
	prev := c.Head
	for i, ev := range events {
		if err := fc.Apply(ev); err != nil {
			return casestore.Case{}, nil, err
		}
		v := c.Version() + int64(i) + 1
		b, err := EventBody(ev)
		if err != nil {
			return casestore.Case{}, nil, withVersion(err, v)
		}
		h := Chain(prev, b)
		rows[i] = StoredRow{Version: v, Event: b, Prev: prev, Hash: h}
		records = append(records, casestore.Record{Version: v, Event: ev, Prev: prev, Hash: h})
		prev = h
	}
	c.Records, c.Head = records, prev
	c.Projection = project(fc.Status(civil.Date{}))
	return c, rows, nil
}

// withVersion sets the version on a malformed event's error. The case id
// is the caller's to add: a case being created with an id the store chose
// was never stored, and its errors do not name it.
func withVersion(err error, v int64) error {
	if m, ok := err.(*casestore.MalformedError); ok {
		m.Version = v
	}
	return err
}

// Decode reads the stored rows sc, with the projection p stored beside
// them, into a case, refusing rows that are not the contiguous events a
// store writes or that casefsm cannot read: such a case is corrupt (see
// [Corrupt]). It does not check the hash chain (see [VerifyStored]).
func Decode(sc StoredCase, p casestore.Projection) (casestore.Case, error) {
	h, err := casefsm.DecodeHeader(sc.Header)
	if err != nil {
		return casestore.Case{}, Corrupt(sc.ID, "its header", err)
	}
	if int64(len(sc.Rows)) != sc.Version {
		return casestore.Case{}, Corrupt(sc.ID, "its events", fmt.Errorf("the case records %d events, %d are stored", sc.Version, len(sc.Rows)))
	}
	c := casestore.Case{ID: sc.ID, Header: h, Head: sc.Head, Projection: p}
	if len(sc.Rows) > 0 {
		c.Records = make([]casestore.Record, len(sc.Rows))
	}
	for i, r := range sc.Rows {
		if r.Version != int64(i+1) {
			return casestore.Case{}, Corrupt(sc.ID, "its events", fmt.Errorf("version %d is stored at position %d", r.Version, i+1))
		}
		ev, err := casefsm.DecodeEvent(r.Event, i)
		if err != nil {
			return casestore.Case{}, Corrupt(sc.ID, fmt.Sprintf("event %d", r.Version), err)
		}
		c.Records[i] = casestore.Record{Version: r.Version, Event: ev, Prev: r.Prev, Hash: r.Hash}
	}
	return c, nil
}

// Corrupt returns the error for a stored case whose what (its header, an
// event, its deadlines) cannot be read back as written. It wraps
// [casestore.ErrCorrupt] and says to run Verify.
func Corrupt(id, what string, err error) error {
	return fmt.Errorf("casestore: case %q: %s cannot be read back as written (%v): run verify: %w", id, what, err, casestore.ErrCorrupt)
}

// project keeps what List filters on from a case's status as of its
// last event: its procedure policy, its state and its open deadlines (those
// pending or overdue; met, late, moot and paused ones are not open).
func project(s casefsm.Status) casestore.Projection {
	p := casestore.Projection{Policy: s.Policy, State: s.State}
	for _, d := range s.Deadlines {
		if d.Status == deadlines.Pending || d.Status == deadlines.Overdue {
			p.Deadlines = append(p.Deadlines, d.Deadline)
		}
	}
	slices.SortStableFunc(p.Deadlines, func(a, b deadlines.Deadline) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return strings.Compare(string(a.Rule), string(b.Rule))
	})
	return p
}
