package storekit

import (
	"encoding/json"
	"errors"
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

// Kit decides a store's writes and checks its reads: the engine that
// applies the law, the caller's clock, and the hash chain. Build it with
// [NewKit] from the store's options.
type Kit struct {
	Engine *casefsm.Engine
	// Today, if set, returns the caller's date: an event dated after it
	// is refused (see [casefsm.Case.CheckDates]).
	Today  func() civil.Date
	Hasher Hasher
	// Keys, if set, seals new cases (see [casestore.Options.Keys]).
	Keys casestore.Keys
	// Retention is the retention period in days (see
	// [casestore.Options.Retention]).
	Retention int
}

// NewKit returns the kit of a store opened with o (see
// [casestore.Options.WithDefaults]).
func NewKit(o casestore.Options) (Kit, error) {
	o, err := o.WithDefaults()
	if err != nil {
		return Kit{}, err
	}
	return Kit{Engine: o.Engine, Today: o.Today, Hasher: NewHasher(o.ChainKey), Keys: o.Keys, Retention: o.Retention}, nil
}

// Create decides a new case id with header h and events: it checks the id
// and the header with the engine, applies the events in order, and returns
// the case and the rows to store. An error is a [*casestore.MalformedError],
// a [*casefsm.InputError] for the header, or a [*casefsm.Refusal] whose
// Index is the refused event's position in events.
func (k Kit) Create(id string, h casefsm.Header, events []casefsm.Event) (casestore.Case, StoredCase, error) {
	if err := casestore.CheckID(id); err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	hb, err := HeaderBody(h)
	if err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	fc, err := k.Engine.NewCase(h)
	if err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	sc := StoredCase{ID: id, Header: hb}
	var s *sealer
	if k.Keys != nil {
		ck := newCaseKey()
		if sc.Key, err = k.Keys.Wrap(id, ck); err != nil {
			return casestore.Case{}, StoredCase{}, fmt.Errorf("casestore: cannot wrap the key of case %q: %w", id, err)
		}
		if s, err = newSealer(id, ck); err != nil {
			return casestore.Case{}, StoredCase{}, err
		}
		sc.Header = s.header(hb)
	}
	sc.Genesis = k.Hasher.Genesis(id, sc.Header)
	c, rows, err := k.extend(fc, casestore.Case{ID: id, Header: h, Head: sc.Genesis}, events, s)
	if err != nil {
		return casestore.Case{}, StoredCase{}, err
	}
	sc.Rows, sc.Version, sc.Head = rows, c.Version(), c.Head
	return c, sc, nil
}

// Append decides events on c, the case as read in the write transaction:
// the engine replays c's events and applies only the new ones. The rows it
// returns are in clear: a store appends with [Kit.Open] and
// [Kit.AppendLoaded], which keep a sealed case's key. It returns the
// case after them and the rows to insert, chained to c.Head. A refusal is
// the [*casefsm.Refusal] of the first refused event, whose Index is its
// position in the case (its version minus one).
func (k Kit) Append(c casestore.Case, events []casefsm.Event) (casestore.Case, []StoredRow, error) {
	return k.AppendLoaded(Loaded{Case: c}, events)
}

// AppendLoaded decides events as [Kit.Append] does, on a case [Kit.Open]
// read and checked: the engine's case its check replayed is extended, so
// the stored events are not replayed a second time (a store's write reads
// and checks the case in its transaction, then appends to it). It uses l
// up: decide a later append on what it returns, or on a new Open. A Loaded
// with only its Case set is replayed first, as by Append.
func (k Kit) AppendLoaded(l Loaded, events []casefsm.Event) (casestore.Case, []StoredRow, error) {
	c, fc, s := l.Case, l.fsm, l.seal
	if len(events) == 0 {
		return casestore.Case{}, nil, &casestore.MalformedError{Case: c.ID, Field: "events", Reason: "nothing to append"}
	}
	if fc == nil {
		var err error
		if fc, err = c.Open(k.Engine); err != nil {
			return casestore.Case{}, nil, fmt.Errorf("storekit: case %q as stored does not replay on this engine: %w", c.ID, err)
		}
	}
	next, rows, err := k.extend(fc, c, events, s)
	if m, ok := err.(*casestore.MalformedError); ok {
		m.Case = c.ID
	}
	return next, rows, err
}

// extend applies events to fc, the casefsm case of c, and returns c with
// them and their rows, sealed by s unless it is nil. Each event is first
// checked against the caller's today and the calendars' years.
func (k Kit) extend(fc *casefsm.Case, c casestore.Case, events []casefsm.Event, s *sealer) (casestore.Case, []StoredRow, error) {
	var today civil.Date
	if k.Today != nil {
		today = k.Today()
	}
	rows := make([]StoredRow, len(events))
	// A new array: the case returned shares nothing with the one read.
	records := slices.Grow(slices.Clip(c.Records), len(events))
	prev := c.Head
	for i, ev := range events {
		if err := fc.CheckDates(ev, today); err != nil {
			return casestore.Case{}, nil, err
		}
		if err := fc.Apply(ev); err != nil {
			return casestore.Case{}, nil, err
		}
		v := c.Version() + int64(i) + 1
		b, err := EventBody(ev)
		if err != nil {
			return casestore.Case{}, nil, withVersion(err, v)
		}
		if s != nil {
			b = s.event(v, ev, b)
		}
		h := k.Hasher.Chain(prev, v, b)
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
	// Each party's own window of one rule from one decision (s.9) is due
	// the same day: the index lists a rule's due day once.
	p.Deadlines = slices.CompactFunc(p.Deadlines, func(a, b deadlines.Deadline) bool { return DueKey(a) == DueKey(b) })
	return p
}

// Load turns the stored rows sc of a case, with the projection p stored
// beside them, into the case, after checking that nothing was altered: the
// hash chain (a [*casestore.TamperedError] names the first event changed,
// deleted, inserted or reordered), then the index a store keeps beside it
// (the projection, and any index in sc), recomputed from the events. The
// case returned carries the recomputed projection.
func (k Kit) Load(sc StoredCase, p casestore.Projection) (casestore.Case, error) {
	l, err := k.Open(sc, p)
	return l.Case, err
}

// Loaded is a stored case as [Kit.Open] read and checked it, with the
// engine's case its events replayed to, ready for [Kit.AppendLoaded].
type Loaded struct {
	Case casestore.Case
	fsm  *casefsm.Case
	seal *sealer // nil for a case stored in clear
}

// Open reads and checks sc as [Kit.Load] does and keeps the engine's case
// the check replayed, so that an append decided next need not replay the
// events again.
func (k Kit) Open(sc StoredCase, p casestore.Projection) (Loaded, error) {
	l, v, err := k.check(sc, p)
	if err != nil {
		return Loaded{}, err
	}
	if !v.Intact() {
		return Loaded{}, &casestore.TamperedError{Verification: v}
	}
	return l, nil
}

// Verify checks sc as [Kit.Load] does and reports the first problem found;
// an error is for a case that cannot be read at all. A sealed case it
// cannot open (no key, another key, erased) is checked as far as its
// stored form allows, and needs no key: its hash chain, which covers the
// sealed bytes, and its events' index columns against their clear facts.
// Its state and deadline index, which only its events can confirm, are
// not checked; the Verification says so (Sealed). An intact case's
// Verification carries its chain's hashes (Hashes), for receipts.
func (k Kit) Verify(sc StoredCase, p casestore.Projection) (casestore.Verification, error) {
	_, v, err := k.check(sc, p)
	var ke *casestore.KeyError
	var ee *casestore.ErasedError
	switch {
	case errors.As(err, &ke) || errors.As(err, &ee):
		v.Sealed, v.Problem = true, checkSealedIndex(sc)
		err = nil
	case errors.Is(err, casestore.ErrCorrupt):
		err = nil // the chain holds, the rows do not decode: v says so
	}
	if err == nil && v.Intact() {
		v.Hashes = chainHashes(sc)
	}
	return v, err
}

// chainHashes are the hashes of sc's chain, once walked and found intact:
// the genesis hash, then each row's.
func chainHashes(sc StoredCase) []casestore.Hash {
	hs := make([]casestore.Hash, len(sc.Rows)+1)
	hs[0] = sc.Genesis
	for i, r := range sc.Rows {
		hs[i+1] = r.Hash
	}
	return hs
}

// check walks the chain of sc, opens its sealed content, decodes it,
// replays it and compares the stored index with what the events imply. It
// returns the case with the engine's case replayed from it, once the chain
// and the event index hold.
func (k Kit) check(sc StoredCase, p casestore.Projection) (Loaded, casestore.Verification, error) {
	v := k.Hasher.VerifyStored(sc)
	if !v.Intact() {
		return Loaded{}, v, nil
	}
	u, prob, err := k.unseal(sc)
	if err != nil || prob.Kind != casestore.Intact {
		v.Problem = prob
		return Loaded{}, v, err
	}
	sc = u.sc
	c, err := Decode(sc, p)
	if err != nil {
		v.Problem = problem(casestore.Modified, 0, err.Error())
		return Loaded{}, v, err
	}
	if v.Problem = u.checkFacts(c); !v.Intact() {
		return Loaded{}, v, nil
	}
	for i, r := range sc.Rows {
		ev := c.Records[i].Event
		if r.Index != nil && !slices.Equal(r.Index, facts(ev)) {
			v.Problem = problem(casestore.IndexModified, r.Version, fmt.Sprintf("its index columns say %q, its body %s %s by %s", strings.Join(r.Index, " "), ev.Type, ev.On, ev.By))
			return Loaded{Case: c}, v, nil
		}
	}
	fc, err := c.Open(k.Engine)
	if err != nil {
		return Loaded{}, v, fmt.Errorf("storekit: case %q as stored does not replay on this engine: %w", c.ID, err)
	}
	c.Projection = project(fc.Status(civil.Date{}))
	if d := indexDiff(c.Projection, p, sc.Due); d != "" {
		v.Problem = problem(casestore.IndexModified, 0, d)
	}
	return Loaded{Case: c, fsm: fc, seal: u.seal}, v, nil
}

// indexDiff says how the stored projection p (and due, the deadline index,
// if kept) differs from want, recomputed from the events; "" if it does not.
func indexDiff(want, p casestore.Projection, due []string) string {
	switch {
	case p.Policy != want.Policy:
		return fmt.Sprintf("the stored policy is %q, the events say %q", p.Policy, want.Policy)
	case p.State != want.State:
		return fmt.Sprintf("the stored state is %s, the events say %s", p.State, want.State)
	case !slices.Equal(p.Deadlines, want.Deadlines):
		return fmt.Sprintf("the stored open deadlines are %v, the events say %v", p.Deadlines, want.Deadlines)
	}
	if due == nil {
		return ""
	}
	wantDue := make([]string, len(want.Deadlines))
	for i, d := range want.Deadlines {
		wantDue[i] = DueKey(d)
	}
	if !slices.Equal(due, wantDue) {
		return fmt.Sprintf("the deadline index holds %v, the events say %v", due, wantDue)
	}
	return ""
}

// DueKey is a deadline as [StoredCase.Due] lists it: "RULE DUE".
func DueKey(d deadlines.Deadline) string { return string(d.Rule) + " " + d.Due.String() }
