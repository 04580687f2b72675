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
	"github.com/hifazat/hifazat/casestore/storekit"
)

// Store keeps cases in memory as a database would: the rows of each case
// (its canonical header and events, chained) and the projection derived at
// its last write. Every read decodes the rows, so it exercises what the SQL
// stores do. It is safe for concurrent use; its cases vanish with it. Build
// it with [New]; the zero Store is not usable.
type Store struct {
	kit storekit.Kit

	mu     sync.Mutex
	cases  map[string]*stored // guarded by mu
	closed bool               // guarded by mu
}

type stored struct {
	rows storekit.StoredCase
	p    casestore.Projection
}

var _ casestore.Store = (*Store)(nil)

// New returns an empty in-memory store. It fails only when opts has no
// engine and the built-in one cannot be built.
func New(opts casestore.Options) (*Store, error) {
	kit, err := storekit.NewKit(opts)
	if err != nil {
		return nil, err
	}
	return &Store{kit: kit, cases: map[string]*stored{}}, nil
}

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
	m.cases[id] = &stored{sc, c.Projection}
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
	return out, nil
}

// Verify implements [casestore.Store].
func (m *Store) Verify(ctx context.Context, id string) (casestore.Verification, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return casestore.Verification{}, err
	}
	if err := casestore.CheckID(id); err != nil {
		return casestore.Verification{}, err
	}
	s, ok := m.cases[id]
	if !ok {
		return casestore.Verification{}, &casestore.NotFoundError{Case: id}
	}
	return m.kit.Verify(s.rows, s.p)
}

// Close implements [casestore.Store].
func (m *Store) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	m.cases = nil
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
	if err := m.usable(ctx); err != nil {
		return storekit.Loaded{}, nil, err
	}
	if err := casestore.CheckID(id); err != nil {
		return storekit.Loaded{}, nil, err
	}
	s, ok := m.cases[id]
	if !ok {
		return storekit.Loaded{}, nil, &casestore.NotFoundError{Case: id}
	}
	p := s.p
	p.Deadlines = slices.Clone(p.Deadlines)
	l, err := m.kit.Open(s.rows, p)
	return l, s, err
}
