package casestore

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Store keeps cases: each a header and an append-only, hash-chained list of
// events, in casefsm's types. Implementations are safe for concurrent use
// by many goroutines (and, for the SQL stores, many processes). Every
// method takes a context; a cancelled context stops the call and, for
// writes, leaves nothing written.
//
// Every write is decided by the store's [casefsm.Engine] inside the write
// itself: the new events are applied to the case as stored, and an event
// the law refuses is never stored. A refusal is casefsm's own
// [*casefsm.Refusal] (its Index is the event's position in the case, from
// 0: its version is Index+1); a header casefsm cannot use is a
// [*casefsm.InputError].
type Store interface {
	// Create stores a new case with header h and, optionally, its first
	// events (an imported case file). An empty id asks the store to choose
	// one with [NewID]. The whole case is decided first; on any error
	// nothing is written. It returns the stored case.
	Create(ctx context.Context, id string, h casefsm.Header, events ...casefsm.Event) (Case, error)

	// Append adds events to case id, after checking that the case is still
	// at version expected (the version the caller read). A stale expected
	// version fails with a [*ConflictError]. The events are appended all
	// or none. It returns the case as stored afterwards.
	Append(ctx context.Context, id string, expected int64, events ...casefsm.Event) (Case, error)

	// Apply adds events to case id at whatever version it is at: the law
	// decides them on the case as stored when they are written, so there
	// is no version to state and no conflict to retry. Use Append when
	// the caller decided on what it read (an edit form, an If-Match).
	Apply(ctx context.Context, id string, events ...casefsm.Event) (Case, error)

	// Load returns case id as stored, or a [*NotFoundError]. It checks
	// the case first, as Verify does (its hash chain, and the index kept to
	// find it, recomputed from its events): a case whose record was altered
	// is refused with a [*TamperedError], and so is any write to it. The
	// Projection returned is the one recomputed.
	Load(ctx context.Context, id string) (Case, error)

	// List returns the summaries of the cases that match f, sorted by id.
	// A filter naming a state or policy that does not exist fails with a
	// [*FilterError] listing the valid ones. Each case returned is checked
	// as Verify checks it, and marked Tampered when its record was altered.
	List(ctx context.Context, f Filter) ([]Summary, error)

	// Verify walks the hash chain of case id. Tampering is reported in the
	// result, not as an error; errors are for a case that cannot be read at
	// all.
	Verify(ctx context.Context, id string) (Verification, error)

	// Close releases the store's resources. Calls after Close fail with
	// [ErrClosed].
	Close() error
}

// Case is a stored case: its header and its events in version order. The
// version of a case is the number of its events; a new case is at version 0.
type Case struct {
	ID      string
	Header  casefsm.Header
	Records []Record // Records[i].Version == i+1
	// Head is the hash of the last record, or the case's genesis hash (over
	// its id and header) when there are no events.
	Head Hash
	// Projection is what the engine derived at the last write, kept to
	// index the case for List. To act on a case, open it (Case.Open) rather
	// than trusting a stored state.
	Projection Projection
}

// Version returns the case's version: the number of its events.
func (c Case) Version() int64 { return int64(len(c.Records)) }

// Events returns the case's events in version order.
func (c Case) Events() []casefsm.Event {
	es := make([]casefsm.Event, len(c.Records))
	for i, r := range c.Records {
		es[i] = r.Event
	}
	return es
}

// File returns the case as a case file: what `hifazat case export` prints
// and [casefsm.Engine.Open] replays.
func (c Case) File() *casefsm.CaseFile {
	return &casefsm.CaseFile{Header: c.Header, Events: c.Events()}
}

// Open replays the case on engine: the case as the law sees it, ready for
// its Status, its committee, or a dry run of the next event. A case whose
// stored events the engine now refuses (its policy set changed) comes back
// as it stood before the refused event, with the [*casefsm.Refusal].
func (c Case) Open(engine *casefsm.Engine) (*casefsm.Case, error) {
	return engine.Open(c.File())
}

// Record is one stored event with its place in the hash chain.
type Record struct {
	Version int64 // 1 for the first event
	Event   casefsm.Event
	Prev    Hash // the hash of the previous record, or the case's genesis hash
	Hash    Hash // the hash over Prev and the event's canonical JSON
}

// Projection is what the engine derives from a case's events, stored so
// that List can filter cases with indexed queries.
type Projection struct {
	Policy policy.ID     `json:"policy"` // the policy the case is decided under
	State  casefsm.State `json:"state"`  // the state after the last event
	// Deadlines are the deadlines open after the last event (started and
	// neither met nor paused), sorted by due date, then rule.
	Deadlines []deadlines.Deadline `json:"deadlines"`
}

// Summary is one case as List returns it.
type Summary struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
	Projection
	// Tampered is set when the case's record was altered (its hash chain,
	// or its index against its events, as Load checks them): its version
	// and projection are then what the altered index says, not to be
	// trusted; Verify names the first change. List checks every case it
	// returns as Verify does, without a key (a sealed case it cannot open
	// has its chain and event index checked, not its state and deadlines). A case an index edit took out of a filter's reach is not
	// returned by that filter: an unfiltered List (or Verify) finds it.
	Tampered bool `json:"tampered,omitempty"`
}

// Filter selects cases for List. Its zero value selects every case. The
// conditions combine with AND, except Overdue and DueWithin, which combine
// with OR when both are set (the cases needing attention).
type Filter struct {
	State  casefsm.State // only cases in this state; the zero State means any
	Policy policy.ID     // only cases under this policy; "" means any
	// At is the date the deadline conditions are judged on; the store never
	// reads the clock. It is required when Overdue or DueWithin is set.
	At civil.Date
	// Overdue selects cases with an open deadline due before At.
	Overdue bool
	// DueWithin, when positive, selects cases with an open deadline due from
	// At to At plus DueWithin days, inclusive.
	DueWithin int
	// After, when set, returns only cases whose id sorts after it: pass the
	// last id of a page to get the next page.
	After string
	// Limit, when positive, returns at most that many cases.
	Limit int
}

// Check reports whether f is usable by a store deciding cases under the
// policies of set: a [*FilterError] for a state or policy that does not
// exist, an error wrapping [ErrMalformed] for the rest.
func (f Filter) Check(set *policy.Set) error {
	switch {
	case f.State != 0 && !f.State.IsValid():
		return &FilterError{Field: "state", Value: f.State.String(), Valid: names(casefsm.States())}
	case f.Policy != "" && !hasPolicy(set, f.Policy):
		return &FilterError{Field: "policy", Value: string(f.Policy), Valid: policyIDs(set)}
	case (f.Overdue || f.DueWithin != 0) && !f.At.IsValid():
		return malformed("filter", "a deadline filter needs the date to judge it on (At)")
	case f.DueWithin < 0:
		return malformed("filter", fmt.Sprintf("DueWithin must be zero or a positive number of days, got %d", f.DueWithin))
	case f.Limit < 0:
		return malformed("filter", fmt.Sprintf("Limit must be zero or positive, got %d", f.Limit))
	}
	return nil
}

// ParseState returns the state named s, or a [*FilterError] listing the
// states there are.
func ParseState(s string) (casefsm.State, error) {
	var st casefsm.State
	if err := st.UnmarshalText([]byte(s)); err != nil {
		return 0, &FilterError{Field: "state", Value: s, Valid: names(casefsm.States())}
	}
	return st, nil
}

func hasPolicy(set *policy.Set, id policy.ID) bool {
	_, err := set.Get(id)
	return err == nil
}

func policyIDs(set *policy.Set) []string {
	var ids []string
	for _, p := range set.All() {
		ids = append(ids, string(p.ID()))
	}
	slices.Sort(ids)
	return ids
}

func names[T fmt.Stringer](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}

// Match reports whether a case with summary s passes f (the ordering and
// paging fields After and Limit aside). Stores that cannot query natively
// filter with it; the others must agree with it.
func (f Filter) Match(s Summary) bool {
	if f.State != 0 && s.State != f.State || f.Policy != "" && s.Policy != f.Policy {
		return false
	}
	if !f.Overdue && f.DueWithin <= 0 {
		return true
	}
	for _, d := range s.Deadlines {
		if f.Overdue && d.Due.Before(f.At) {
			return true
		}
		if f.DueWithin > 0 && !d.Due.Before(f.At) && !d.Due.After(f.At.AddDays(f.DueWithin)) {
			return true
		}
	}
	return false
}

// Options configures a store. The zero value means the defaults.
type Options struct {
	// Engine decides every write; nil means an engine over casefsm's
	// built-in policies and calendars, built when the store is opened.
	Engine *casefsm.Engine
	// Today returns the caller's date, in Asia/Karachi: an event dated
	// after it, or outside the years its case's calendars cover, is
	// refused as invalid_event naming the date (the library reads no
	// clock). Nil checks only the calendars' years.
	Today func() civil.Date
	// ChainKey, if set, keys the hash chain (HMAC-SHA-256): only a holder
	// of the key can compute a valid hash, so whoever can write to the
	// database but lacks the key cannot rewrite an event and its hash
	// alike. The deployment keeps it apart from the database; every store
	// over the same data needs the same key, and Verify needs it too.
	ChainKey []byte
	// Keys, if set, seals every new case: its header and events are
	// encrypted (AES-256-GCM) with a key of its own, which Keys wraps with
	// the deployment's key (see package casestore/seal). Nil stores new
	// cases in clear, as [Options.Warning] says. Cases already stored in
	// clear stay readable either way; a sealed case needs the key.
	Keys Keys
	// Retention is the number of days a terminal case is kept after its
	// last event before [Eraser.Erase] may destroy its key: a deployment
	// parameter (the Act and its Code set no retention period), not law.
	// Zero means [DefaultRetention]; a negative value, none. An erased
	// case keeps its procedural facts for List and Verify, but reports
	// that replay content (package compliance's annual report) pass over
	// it: keep cases at least as long as the reports still to be made.
	Retention int
}

// Warning returns the one line to tell whoever runs the store about o, or
// "" when there is nothing to say: [UnsealedWarning] when o has no
// deployment key. The library prints nothing; a program prints it once.
func (o Options) Warning() string {
	if o.Keys == nil {
		return UnsealedWarning
	}
	return ""
}

// WithDefaults returns o with its zero fields set to their defaults: a nil
// Engine becomes one over the built-in policies. Stores call it once when
// they are opened.
func (o Options) WithDefaults() (Options, error) {
	if o.Engine != nil {
		return o, nil
	}
	e, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		// The built-in policies are literals checked by their own tests.
		return o, fmt.Errorf("casestore: cannot build casefsm's engine from the built-in policies: %w", err)
	}
	o.Engine = e
	return o, nil
}

// ValidID reports whether id can name a case: 1 to 64 characters, ASCII
// letters, digits, '.', '_' and '-', starting with a letter or digit.
func ValidID(id string) bool {
	if len(id) == 0 || len(id) > 64 || !isAlnum(id[0]) {
		return false
	}
	for i := 1; i < len(id); i++ {
		if c := id[i]; !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// NewID returns a new random case id, "case-" and 26 base-32 characters
// (130 random bits) from crypto/rand.
func NewID() string { return "case-" + strings.ToLower(rand.Text()) }

// CheckID returns nil if id is a valid case id (see [ValidID]), or an error
// wrapping [ErrMalformed] saying why not.
func CheckID(id string) error {
	if !ValidID(id) {
		return &MalformedError{Field: "case id", Reason: fmt.Sprintf("%q is not a case id (want 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)", clip(id))}
	}
	return nil
}
