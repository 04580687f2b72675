// Package memstore is a [casestore.Store] that keeps cases in memory, for
// tests, examples and short-lived tools: the same decisions, hash chain and
// errors as the SQL stores, and nothing kept after the process ends.
package memstore

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/civil"
)

// Store keeps cases in memory as a database would: the rows of each case
// (its canonical header and events, chained) and the projection derived at
// its last write. Every read decodes the rows, so it exercises what the SQL
// stores do. It is safe for concurrent use; its cases vanish with it. Build
// it with [New]; the zero Store is not usable.
type Store struct {
	kit storekit.Kit
	mu  *sync.Mutex    // shared with every Store over the same cases
	log *access.Memory // shared as mu is

	cases  map[string]*stored // guarded by mu
	closed bool               // guarded by mu
}

type stored struct {
	rows  storekit.StoredCase // with the case's wrapped key and erasure
	p     casestore.Projection
	holds []casestore.Hold
}

var (
	_ casestore.Eraser    = (*Store)(nil)
	_ casestore.Rewrapper = (*Store)(nil)
)

// New returns an empty in-memory store. It fails only when opts has no
// engine and the built-in one cannot be built.
func New(opts casestore.Options) (*Store, error) {
	kit, err := storekit.NewKit(opts)
	if err != nil {
		return nil, err
	}
	return &Store{kit: kit, mu: new(sync.Mutex), log: &access.Memory{}, cases: map[string]*stored{}}, nil
}

// Reopen returns a store over the same cases as m with the options opts,
// as a process restarted with another configuration (another key, or none)
// would see a database. Closing either leaves the other open.
func (m *Store) Reopen(opts casestore.Options) (*Store, error) {
	kit, err := storekit.NewKit(opts)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, casestore.ErrClosed
	}
	return &Store{kit: kit, mu: m.mu, log: m.log, cases: m.cases}, nil
}

// AccessLog returns the store's access log (see package access), kept in
// memory beside its cases and gone with them.
func (m *Store) AccessLog() access.Log { return m.log }

// Create implements [casestore.Store].
func (m *Store) Create(ctx context.Context, id string, h casefsm.Header, events ...casefsm.Event) (casestore.Case, error) {
	if id == "" {
		id = casestore.NewID()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return casestore.Case{}, err
	}
	if _, ok := m.cases[id]; ok {
		return casestore.Case{}, &casestore.ExistsError{Case: id}
	}
	c, sc, err := m.kit.Create(id, h, events)
	if err != nil {
		return casestore.Case{}, err
	}
	m.cases[id] = &stored{rows: sc, p: c.Projection}
	return c, nil
}

// Append implements [casestore.Store].
func (m *Store) Append(ctx context.Context, id string, expected int64, events ...casefsm.Event) (casestore.Case, error) {
	return m.write(ctx, id, func(c casestore.Case) error {
		if c.Version() != expected {
			return &casestore.ConflictError{Case: id, Expected: expected, Actual: c.Version()}
		}
		return nil
	}, events)
}

// Apply implements [casestore.Store].
func (m *Store) Apply(ctx context.Context, id string, events ...casefsm.Event) (casestore.Case, error) {
	return m.write(ctx, id, func(casestore.Case) error { return nil }, events)
}

// write decides events on case id as stored, once check accepts it.
func (m *Store) write(ctx context.Context, id string, check func(casestore.Case) error, events []casefsm.Event) (casestore.Case, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, s, err := m.load(ctx, id)
	if err != nil {
		return casestore.Case{}, err
	}
	if err := check(l.Case); err != nil {
		return casestore.Case{}, err
	}
	c, rows, err := m.kit.AppendLoaded(l, events)
	if err != nil {
		return casestore.Case{}, err
	}
	// A fresh slice, so that what was read earlier never sees the append.
	s.rows.Rows = append(slices.Clip(s.rows.Rows), rows...)
	s.rows.Version, s.rows.Head, s.p = c.Version(), c.Head, c.Projection
	return c, nil
}

// Load implements [casestore.Store].
func (m *Store) Load(ctx context.Context, id string) (casestore.Case, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, _, err := m.load(ctx, id)
	return l.Case, err
}

// List implements [casestore.Store].
func (m *Store) List(ctx context.Context, f casestore.Filter) ([]casestore.Summary, error) {
	if err := f.Check(m.kit.Engine.Set()); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return nil, err
	}
	var out []casestore.Summary
	for id, s := range m.cases {
		sum := casestore.Summary{ID: id, Version: s.rows.Version, Projection: s.p}
		sum.Deadlines = slices.Clone(sum.Deadlines)
		if (f.After == "" || id > f.After) && f.Match(sum) {
			out = append(out, sum)
		}
	}
	slices.SortFunc(out, func(a, b casestore.Summary) int { return strings.Compare(a.ID, b.ID) })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	// The index said which cases match; each is checked against its
	// record, as Verify checks it (no key needed), so none is listed as
	// sound when altered.
	for i := range out {
		s := m.cases[out[i].ID]
		v, err := m.kit.Verify(s.rows, s.p)
		if err != nil {
			return nil, err
		}
		out[i].Tampered = !v.Intact()
	}
	return out, nil
}

// Verify implements [casestore.Store].
func (m *Store) Verify(ctx context.Context, id string) (casestore.Verification, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, err := m.find(ctx, id)
	if err != nil {
		return casestore.Verification{}, err
	}
	return m.kit.Verify(s.rows, s.p)
}

// Close implements [casestore.Store].
func (m *Store) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	return nil
}

// usable reports why the store cannot serve a call, if it cannot.
func (m *Store) usable(ctx context.Context) error {
	if m.closed {
		return casestore.ErrClosed
	}
	return ctx.Err()
}

// load decodes and checks case id from its rows. The caller holds mu.
func (m *Store) load(ctx context.Context, id string) (storekit.Loaded, *stored, error) {
	s, err := m.find(ctx, id)
	if err != nil {
		return storekit.Loaded{}, nil, err
	}
	p := s.p
	p.Deadlines = slices.Clone(p.Deadlines)
	l, err := m.kit.Open(s.rows, p)
	return l, s, err
}

// Erase implements [casestore.Eraser].
func (m *Store) Erase(ctx context.Context, id string, on civil.Date) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, err := m.find(ctx, id)
	if err != nil {
		return err
	}
	if err := m.kit.CheckErase(s.rows, s.p, s.holds, on); err != nil {
		return err
	}
	s.rows.Key, s.rows.Erased = nil, on
	return nil
}

// Hold implements [casestore.Eraser].
func (m *Store) Hold(ctx context.Context, id string, h casestore.Hold) error {
	if err := h.Check(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s, err := m.find(ctx, id)
	if err != nil {
		return err
	}
	if n := len(s.holds); n > 0 && s.holds[n-1].InForce() {
		return &casestore.HoldError{Case: id, Err: casestore.ErrHeld}
	}
	s.holds = append(slices.Clip(s.holds), h)
	return nil
}

// Release implements [casestore.Eraser].
func (m *Store) Release(ctx context.Context, id string, on civil.Date) error {
	if !on.IsValid() {
		return &casestore.MalformedError{Case: id, Field: "release date", Reason: "releasing a hold needs the caller's today"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s, err := m.find(ctx, id)
	if err != nil {
		return err
	}
	n := len(s.holds)
	if n == 0 || !s.holds[n-1].InForce() {
		return &casestore.HoldError{Case: id, Err: casestore.ErrNotHeld}
	}
	s.holds = slices.Clone(s.holds)
	s.holds[n-1].Released = on
	return nil
}

// Holds implements [casestore.Eraser].
func (m *Store) Holds(ctx context.Context, id string) ([]casestore.Hold, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, err := m.find(ctx, id)
	if err != nil {
		return nil, err
	}
	return slices.Clone(s.holds), nil
}

// find returns the stored case id. The caller holds mu.
func (m *Store) find(ctx context.Context, id string) (*stored, error) {
	if err := m.usable(ctx); err != nil {
		return nil, err
	}
	if err := casestore.CheckID(id); err != nil {
		return nil, err
	}
	s, ok := m.cases[id]
	if !ok {
		return nil, &casestore.NotFoundError{Case: id}
	}
	return s, nil
}

// Rewrap implements [casestore.Rewrapper].
func (m *Store) Rewrap(ctx context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return 0, err
	}
	ids := make([]string, 0, len(m.cases))
	for id, s := range m.cases {
		if s.rows.Key != nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for i, id := range ids {
		s := m.cases[id]
		w, err := m.kit.Rewrap(id, s.rows.Key)
		if err != nil {
			return i, err
		}
		s.rows.Key = w
	}
	return len(ids), nil
}
