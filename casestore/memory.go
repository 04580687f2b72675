package casestore

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// Memory is a [Store] that keeps cases in memory, for tests, examples and
// short-lived tools. It is safe for concurrent use; its cases vanish with
// it. Build it with [NewMemory]; the zero Memory is not usable.
type Memory struct {
	opts Options

	mu     sync.Mutex
	cases  map[string]*Case // guarded by mu
	closed bool             // guarded by mu
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-memory store.
func NewMemory(opts Options) *Memory {
	return &Memory{opts: opts.WithDefaults(), cases: map[string]*Case{}}
}

// Create implements [Store].
func (m *Memory) Create(ctx context.Context, id string, h Header, events ...Event) (Case, error) {
	if id == "" {
		id = NewID()
	}
	c := Case{ID: id, Header: h}
	if h.IsValid() {
		c.Head = Genesis(id, h)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return Case{}, err
	}
	if _, ok := m.cases[id]; ok {
		return Case{}, &ExistsError{Case: id}
	}
	records, p, err := m.opts.Prepare(c, events)
	if err != nil {
		return Case{}, err
	}
	c.Records, c.Projection = records, p
	if len(records) > 0 {
		c.Head = records[len(records)-1].Hash
	}
	m.cases[id] = &c
	return copyCase(c), nil
}

// Append implements [Store].
func (m *Memory) Append(ctx context.Context, id string, expected int64, events ...Event) (Case, error) {
	if len(events) == 0 {
		return Case{}, &MalformedError{Case: id, Field: "events", Reason: "nothing to append"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return Case{}, err
	}
	c, err := m.get(id)
	if err != nil {
		return Case{}, err
	}
	if c.Version() != expected {
		return Case{}, &ConflictError{Case: id, Expected: expected, Actual: c.Version()}
	}
	records, p, err := m.opts.Prepare(*c, events)
	if err != nil {
		return Case{}, err
	}
	// A fresh slice, so that copies handed out earlier never see the append.
	c.Records = append(slices.Clip(c.Records), records...)
	c.Head, c.Projection = records[len(records)-1].Hash, p
	return copyCase(*c), nil
}

// Load implements [Store].
func (m *Memory) Load(ctx context.Context, id string) (Case, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return Case{}, err
	}
	c, err := m.get(id)
	if err != nil {
		return Case{}, err
	}
	return copyCase(*c), nil
}

// List implements [Store].
func (m *Memory) List(ctx context.Context, f Filter) ([]Summary, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(ctx); err != nil {
		return nil, err
	}
	var out []Summary
	for id, c := range m.cases {
		s := Summary{ID: id, Version: c.Version(), Projection: copyProjection(c.Projection)}
		if (f.After == "" || id > f.After) && f.Match(s) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Summary) int { return strings.Compare(a.ID, b.ID) })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// Verify implements [Store].
func (m *Memory) Verify(ctx context.Context, id string) (Verification, error) {
	c, err := m.Load(ctx, id)
	if err != nil {
		return Verification{}, err
	}
	return VerifyStored(Stored(c)), nil
}

// Close implements [Store].
func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	m.cases = nil
	return nil
}

// usable reports why the store cannot serve a call, if it cannot.
func (m *Memory) usable(ctx context.Context) error {
	if m.closed {
		return ErrClosed
	}
	return ctx.Err()
}

func (m *Memory) get(id string) (*Case, error) {
	if err := CheckID(id); err != nil {
		return nil, err
	}
	c, ok := m.cases[id]
	if !ok {
		return nil, &NotFoundError{Case: id}
	}
	return c, nil
}

// Stored returns c as a store would hold it, for [VerifyStored].
func Stored(c Case) StoredCase {
	s := StoredCase{ID: c.ID, Header: c.Header.JSON(), Genesis: Genesis(c.ID, c.Header), Version: c.Version(), Head: c.Head, Rows: make([]StoredRow, len(c.Records))}
	for i, r := range c.Records {
		s.Rows[i] = StoredRow{Version: r.Version, Event: r.Event.JSON(), Prev: r.Prev, Hash: r.Hash}
	}
	return s
}

func copyCase(c Case) Case {
	c.Records = slices.Clone(c.Records)
	c.Projection = copyProjection(c.Projection)
	return c
}

func copyProjection(p Projection) Projection {
	p.Deadlines = slices.Clone(p.Deadlines)
	return p
}
