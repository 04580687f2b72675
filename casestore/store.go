package casestore

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/civil"
)

// Store keeps cases: each a header and an append-only, hash-chained list of
// events. Implementations are safe for concurrent use by many goroutines
// (and, for the SQL stores, many processes). Every method takes a context;
// a cancelled context stops the call and, for writes, leaves nothing
// written.
//
// Every write is checked by the store's [Validator] before it reaches
// storage: an event the validator refuses is never stored.
type Store interface {
	// Create stores a new case with header h and, optionally, its first
	// events (an imported case file). An empty id asks the store to choose
	// one with [NewID]. The whole case is validated first; on any error
	// nothing is written. It returns the stored case.
	Create(ctx context.Context, id string, h Header, events ...Event) (Case, error)

	// Append adds events to case id, after checking that the case is still
	// at version expected (the version the caller read) and that the
	// validator accepts them. A stale expected version fails with a
	// [*ConflictError]; a refused event with a [*RefusedError]. The events
	// are appended all or none. It returns the case as stored afterwards.
	Append(ctx context.Context, id string, expected int64, events ...Event) (Case, error)

	// Load returns case id as stored, or a [*NotFoundError]. It does not
	// check the hash chain: use Verify for that.
	Load(ctx context.Context, id string) (Case, error)

	// List returns the summaries of the cases that match f, sorted by id.
	List(ctx context.Context, f Filter) ([]Summary, error)

	// Verify walks the hash chain of case id (see [VerifyStored]). Tampering
	// is reported in the result, not as an error; errors are for a case
	// that cannot be read at all.
	Verify(ctx context.Context, id string) (Verification, error)

	// Close releases the store's resources. Calls after Close fail with
	// [ErrClosed].
	Close() error
}

// Case is a stored case: its header and its events in version order. The
// version of a case is the number of its events; a new case is at version 0.
type Case struct {
	ID      string
	Header  Header
	Records []Record // Records[i].Version == i+1
	// Head is the hash of the last record, or Genesis(ID, Header) when there
	// are no events.
	Head Hash
	// Projection is what the validator derived at the last write, kept to
	// index the case for List. To act on a case, replay its events with
	// casefsm rather than trusting a stored state.
	Projection Projection
}

// Version returns the case's version: the number of its events.
func (c Case) Version() int64 { return int64(len(c.Records)) }

// Events returns the case's events in version order.
func (c Case) Events() []Event {
	es := make([]Event, len(c.Records))
	for i, r := range c.Records {
		es[i] = r.Event
	}
	return es
}

// File returns the case as a case file (see [EncodeCaseFile]): what
// `hifazat case export` prints and `hifazat case status` reads.
func (c Case) File() []byte { return EncodeCaseFile(c.Header, c.Events()) }

// Record is one stored event with its place in the hash chain.
type Record struct {
	Version int64 // 1 for the first event
	Event   Event
	Prev    Hash // the hash of the previous record, or the case's genesis hash
	Hash    Hash // Chain(Prev, Event)
}

// Projection is what the validator derives from a case's events, stored so
// that List can filter cases with indexed queries.
type Projection struct {
	Policy string `json:"policy"` // the id of the policy the case is decided under
	State  string `json:"state"`  // the state after the last event, for example "inquiry"
	// Deadlines are the deadlines open after the last event (started and
	// neither met nor paused), sorted by due date, then rule, without
	// duplicates.
	Deadlines []Deadline `json:"deadlines"`
}

// Deadline is an open deadline of a case.
type Deadline struct {
	Rule string     `json:"rule"` // the rule id, for example "charges"
	Kind string     `json:"kind"` // "duty" (a forum's), "filing" (a party's) or "target"
	Due  civil.Date `json:"due"`  // the last day to act
}

// Summary is one case as List returns it.
type Summary struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
	Projection
}

// Filter selects cases for List. Its zero value selects every case. The
// conditions combine with AND, except Overdue and DueWithin, which combine
// with OR when both are set (the cases needing attention).
type Filter struct {
	State  string // only cases in this state
	Policy string // only cases under this policy
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

// Check reports whether f is usable, with an error wrapping [ErrMalformed]
// if not.
func (f Filter) Check() error {
	switch {
	case (f.Overdue || f.DueWithin != 0) && !f.At.IsValid():
		return malformed("filter", "a deadline filter needs the date to judge it on (At)")
	case f.DueWithin < 0:
		return malformed("filter", fmt.Sprintf("DueWithin must be zero or a positive number of days, got %d", f.DueWithin))
	case f.Limit < 0:
		return malformed("filter", fmt.Sprintf("Limit must be zero or positive, got %d", f.Limit))
	}
	return nil
}

// Match reports whether a case with summary s passes f (the ordering and
// paging fields After and Limit aside). Stores that cannot query natively
// filter with it; the others must agree with it.
func (f Filter) Match(s Summary) bool {
	if f.State != "" && s.State != f.State || f.Policy != "" && s.Policy != f.Policy {
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

// Validator checks a case's events before a store writes them, and derives
// the [Projection] that List filters on. The production validator is
// casefsm's ([CaseFSM]); tests may supply their own.
//
// Validate replays events[:from] (already stored), then applies
// events[from:] one by one, and returns the projection after the last one.
// With from == 0 it also checks the header. A refusal is a [*RefusedError],
// bad input a [*MalformedError]; either carries the Version (index + 1) of
// the event at fault (0 for the header). Validators must be safe for
// concurrent use.
type Validator interface {
	Validate(h Header, events []Event, from int) (Projection, error)
}

// Options configures a store. The zero value means the defaults.
type Options struct {
	// Validator checks every write; nil means [CaseFSM] with casefsm's
	// built-in policies.
	Validator Validator
}

// WithDefaults returns o with its zero fields set to their defaults: a nil
// Validator becomes CaseFSM over the built-in policies, whose engine is built
// on first use and kept, with what it has decoded, by the returned Options.
// Stores call it once when they are opened; an integrator calling
// [Options.Prepare] on every write should do the same, since the zero
// Options builds a new engine per call.
func (o Options) WithDefaults() Options {
	if o.Validator == nil {
		o.Validator = newBuiltinValidator()
	}
	return o
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
		return &MalformedError{Field: "case id", Reason: fmt.Sprintf("%q is not a case id (want 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)", clip([]byte(id)))}
	}
	return nil
}

// sortDeadlines returns deadlines in their documented order, without
// duplicates.
func sortDeadlines(ds []Deadline) []Deadline {
	if len(ds) == 0 {
		return nil
	}
	ds = slices.Clone(ds)
	slices.SortFunc(ds, func(a, b Deadline) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return slices.Compact(ds)
}
