package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testCreateAndLoad(t *testing.T, s casestore.Store) {
	created := filed(t, s, "case-1")
	assert.Equal(t, int64(1), created.Version(), "Create(case-1).Version()")
	assert.Equal(t, "complaint_received", created.Projection.State, "Create(case-1).Projection.State")
	assert.Equal(t, "pk-federal-2022", created.Projection.Policy, "Create(case-1).Projection.Policy")
	checkChain(t, created)

	loaded := load(t, s, "case-1")
	assert.Equal(t, created, loaded, "Load(case-1) differs from what Create returned")
	assert.Equal(t, hdr(), loaded.Header, "Load(case-1).Header")
	assert.Equal(t, []casestore.Event{ev(fileEvent)}, loaded.Events(), "Load(case-1).Events()")

	// A case without events starts at version 0 with its genesis head.
	empty, err := s.Create(context.Background(), "case-2", hdr())
	require.NoError(t, err, "Create(case-2, header)")
	assert.Equal(t, int64(0), empty.Version(), "Create(case-2).Version()")
	assert.Equal(t, casestore.Genesis("case-2", hdr()), load(t, s, "case-2").Head, "Load(case-2).Head")
}

func testCreateGeneratesID(t *testing.T, s casestore.Store) {
	a, err := s.Create(context.Background(), "", hdr())
	require.NoError(t, err, `Create("", header)`)
	b, err := s.Create(context.Background(), "", hdr())
	require.NoError(t, err, `Create("", header)`)
	assert.True(t, casestore.ValidID(a.ID), "generated id %q is not a valid id", a.ID)
	assert.NotEqual(t, a.ID, b.ID, "two generated ids are equal")
	assert.Equal(t, a, load(t, s, a.ID), "Load(%q)", a.ID)
}

func testCreateExisting(t *testing.T, s casestore.Store) {
	before := filed(t, s, "case-1")
	_, err := s.Create(context.Background(), "case-1", hdr(), ev(fileEvent), note(1))
	require.ErrorIs(t, err, casestore.ErrExists, "Create(case-1) twice")
	var e *casestore.ExistsError
	require.ErrorAs(t, err, &e, "Create(case-1) twice")
	assert.Equal(t, "case-1", e.Case, "ExistsError.Case")
	assert.Equal(t, before, load(t, s, "case-1"), "the existing case changed")
}

func testImport(t *testing.T, s casestore.Store) {
	file := []byte(`{"policy":"pk-federal-2022","incident_on":"2026-02-20",
	 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"}},
	 "events":[` + fileEvent + `,` + charges + `]}`)
	h, events, err := casestore.ParseCaseFile(file)
	require.NoError(t, err, "ParseCaseFile")
	c, err := s.Create(context.Background(), "imported", h, events...)
	require.NoError(t, err, "Create(imported, 2 events)")
	assert.Equal(t, int64(2), c.Version(), "imported version")
	assert.Equal(t, "charges_communicated", c.Projection.State, "imported state")
	checkChain(t, load(t, s, "imported"))

	// The export reads back as the same case.
	h2, events2, err := casestore.ParseCaseFile(load(t, s, "imported").File())
	require.NoError(t, err, "ParseCaseFile(File())")
	assert.Equal(t, h, h2, "exported header")
	assert.Equal(t, events, events2, "exported events")
}

func testAppend(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	filed(t, s, "case-1")
	c, err := s.Append(ctx, "case-1", 1, ev(charges))
	require.NoError(t, err, "Append(case-1, 1, communicate_charges)")
	assert.Equal(t, int64(2), c.Version(), "version after one append")
	assert.Equal(t, "charges_communicated", c.Projection.State, "state after communicate_charges")
	c, err = s.Append(ctx, "case-1", 2, note(1), note(2), note(3))
	require.NoError(t, err, "Append(case-1, 2, three notes)")
	assert.Equal(t, int64(5), c.Version(), "version after appending three")
	assert.Equal(t, c, load(t, s, "case-1"), "Load after Append differs from what Append returned")
	checkChain(t, c)
	assert.Equal(t, []casestore.Event{ev(fileEvent), ev(charges), note(1), note(2), note(3)}, c.Events(), "events in order")
}

func testConflict(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	filed(t, s, "case-1")
	_, err := s.Append(ctx, "case-1", 1, note(1))
	require.NoError(t, err, "first Append at version 1")
	before := load(t, s, "case-1")
	for _, expected := range []int64{0, 1, 3} {
		_, err = s.Append(ctx, "case-1", expected, note(2))
		require.ErrorIs(t, err, casestore.ErrConflict, "Append(case-1, %d) on a case at version 2", expected)
		var e *casestore.ConflictError
		require.ErrorAs(t, err, &e, "Append(case-1, %d)", expected)
		assert.Equal(t, casestore.ConflictError{Case: "case-1", Expected: expected, Actual: 2}, *e, "ConflictError of Append(case-1, %d)", expected)
	}
	assert.Equal(t, before, load(t, s, "case-1"), "a conflicting append wrote something")
}

func testRefused(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	before := filed(t, s, "case-1")
	tests := []struct {
		name    string
		events  []casestore.Event
		version int64
		code    string
	}{
		{"decide_without_inquiry", []casestore.Event{ev(unlawful)}, 2, "not_allowed"},
		{"charges_by_the_accused", []casestore.Event{ev(`{"type":"communicate_charges","on":"2026-03-04","by":"accused"}`)}, 2, "forbidden_actor"},
		{"lawful_then_unlawful", []casestore.Event{note(1), ev(unlawful)}, 3, "not_allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Append(ctx, "case-1", 1, tt.events...)
			require.ErrorIs(t, err, casestore.ErrRefused, "Append(case-1, 1, %v)", tt.events)
			var e *casestore.RefusedError
			require.ErrorAs(t, err, &e, "Append(case-1, 1, %v)", tt.events)
			assert.Equal(t, "case-1", e.Case, "RefusedError.Case")
			assert.Equal(t, tt.version, e.Version, "RefusedError.Version")
			assert.Equal(t, tt.code, e.Code, "RefusedError.Code")
			assert.Equal(t, before, load(t, s, "case-1"), "a refused append wrote something")
		})
	}
	// A refused import writes no case at all.
	_, err := s.Create(ctx, "case-2", hdr(), ev(fileEvent), ev(unlawful))
	require.ErrorIs(t, err, casestore.ErrRefused, "Create(case-2) with an unlawful event")
	_, err = s.Load(ctx, "case-2")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "Load(case-2) after a refused Create")
}

func testMalformed(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	before := filed(t, s, "case-1")
	appends := []struct {
		name   string
		id     string
		events []casestore.Event
	}{
		{"unknown_field", "case-1", []casestore.Event{ev(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","colour":"red"}`)}},
		{"unknown_type", "case-1", []casestore.Event{ev(`{"type":"teleport","on":"2026-03-04","by":"inquiry_committee"}`)}},
		{"zero_event", "case-1", []casestore.Event{{}}},
		{"nothing", "case-1", nil},
		{"bad_id", "case 1; DROP TABLE", []casestore.Event{note(1)}},
		{"empty_id", "", []casestore.Event{note(1)}},
	}
	for _, tt := range appends {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Append(ctx, tt.id, 1, tt.events...)
			require.ErrorIs(t, err, casestore.ErrMalformed, "Append(%q, 1, %v)", tt.id, tt.events)
			assert.Equal(t, before, load(t, s, "case-1"), "a malformed append wrote something")
		})
	}
	t.Run("create", func(t *testing.T) {
		for _, c := range []struct {
			id string
			h  casestore.Header
		}{{"case-2", casestore.Header{}}, {"bad id", hdr()}} {
			_, err := s.Create(ctx, c.id, c.h)
			require.ErrorIs(t, err, casestore.ErrMalformed, "Create(%q, %v)", c.id, c.h)
			if casestore.ValidID(c.id) {
				_, err = s.Load(ctx, c.id)
				assert.ErrorIs(t, err, casestore.ErrNotFound, "Load(%q) after a malformed Create", c.id)
			}
		}
	})
	t.Run("json", func(t *testing.T) {
		for _, b := range []string{`{"type":"add_note"`, `{"type":"add_note","on":"2026-02-30","by":"complainant"}`, `[]`, `{"on":"2026-03-04"}`} {
			_, err := casestore.ParseEvent([]byte(b))
			assert.ErrorIs(t, err, casestore.ErrMalformed, "ParseEvent(%s)", b)
		}
	})
}

func testNotFound(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	_, err := s.Load(ctx, "nobody")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "Load(nobody)")
	var e *casestore.NotFoundError
	if assert.ErrorAs(t, err, &e, "Load(nobody)") {
		assert.Equal(t, "nobody", e.Case, "NotFoundError.Case")
	}
	_, err = s.Append(ctx, "nobody", 0, note(1))
	assert.ErrorIs(t, err, casestore.ErrNotFound, "Append(nobody)")
	_, err = s.Verify(ctx, "nobody")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "Verify(nobody)")
	_, err = s.Load(ctx, "nobody")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "Load(nobody) after Append(nobody): Append created it")
}

func testVerifyIntact(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	filed(t, s, "case-1")
	c, err := s.Append(ctx, "case-1", 1, ev(charges), note(1))
	require.NoError(t, err, "Append(case-1)")
	v, err := s.Verify(ctx, "case-1")
	require.NoError(t, err, "Verify(case-1)")
	assert.True(t, v.Intact(), "Verify(case-1) = %v", v)
	assert.Equal(t, casestore.Verification{Case: "case-1", Version: 3, Head: c.Head}, v, "Verify(case-1)")
}

func testCancelled(t *testing.T, s casestore.Store) {
	before := filed(t, s, "case-1")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Append(ctx, "case-1", 1, note(1))
	assert.ErrorIs(t, err, context.Canceled, "Append with a cancelled context")
	_, err = s.Create(ctx, "case-2", hdr(), ev(fileEvent))
	assert.ErrorIs(t, err, context.Canceled, "Create with a cancelled context")
	_, err = s.List(ctx, casestore.Filter{})
	assert.ErrorIs(t, err, context.Canceled, "List with a cancelled context")
	assert.Equal(t, before, load(t, s, "case-1"), "an append with a cancelled context wrote something")
	_, err = s.Load(context.Background(), "case-2")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "a create with a cancelled context wrote something")
}

func testClosed(t *testing.T, s casestore.Store) {
	filed(t, s, "case-1")
	require.NoError(t, s.Close(), "Close")
	ctx := context.Background()
	_, err := s.Load(ctx, "case-1")
	assert.ErrorIs(t, err, casestore.ErrClosed, "Load after Close")
	_, err = s.Append(ctx, "case-1", 1, note(1))
	assert.ErrorIs(t, err, casestore.ErrClosed, "Append after Close")
	_, err = s.Create(ctx, "case-2", hdr())
	assert.ErrorIs(t, err, casestore.ErrClosed, "Create after Close")
	_, err = s.List(ctx, casestore.Filter{})
	assert.ErrorIs(t, err, casestore.ErrClosed, "List after Close")
	_, err = s.Verify(ctx, "case-1")
	assert.True(t, errors.Is(err, casestore.ErrClosed), "Verify after Close: %v", err)
	assert.NoError(t, s.Close(), "a second Close")
}
