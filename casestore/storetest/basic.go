package storetest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testCreateAndLoad(t *testing.T, s casestore.Store) {
	created := filed(t, s, "case-1")
	assert.Equal(t, int64(1), created.Version(), "Create(case-1).Version()")
	assert.Equal(t, casefsm.ComplaintReceived, created.Projection.State, "Create(case-1).Projection.State")
	assert.Equal(t, policy.FederalAct2022, created.Projection.Policy, "Create(case-1).Projection.Policy")
	checkChain(t, created)

	loaded := load(t, s, "case-1")
	assert.Equal(t, created, loaded, "Load(case-1) differs from what Create returned")
	assert.Equal(t, hdr(), loaded.Header, "Load(case-1).Header")
	assert.Equal(t, []casefsm.Event{ev(fileEvent)}, loaded.Events(), "Load(case-1).Events()")

	// A case without events starts at version 0 with its genesis head.
	empty, err := s.Create(context.Background(), "case-2", hdr())
	require.NoError(t, err, "Create(case-2, header)")
	assert.Equal(t, int64(0), empty.Version(), "Create(case-2).Version()")
	assert.Equal(t, empty.Head, load(t, s, "case-2").Head, "Load(case-2).Head")
	checkChain(t, empty)
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
	f, err := casefsm.Decode(bytes.NewReader(file))
	require.NoError(t, err, "casefsm.Decode")
	c, err := s.Create(context.Background(), "imported", f.Header, f.Events...)
	require.NoError(t, err, "Create(imported, 2 events)")
	assert.Equal(t, int64(2), c.Version(), "imported version")
	assert.Equal(t, casefsm.ChargesCommunicated, c.Projection.State, "imported state")
	checkChain(t, load(t, s, "imported"))

	// The export reads back as the same case.
	assert.Equal(t, f, load(t, s, "imported").File(), "exported case file")
}

func testAppend(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	filed(t, s, "case-1")
	c, err := s.Append(ctx, "case-1", 1, ev(charges))
	require.NoError(t, err, "Append(case-1, 1, communicate_charges)")
	assert.Equal(t, int64(2), c.Version(), "version after one append")
	assert.Equal(t, casefsm.ChargesCommunicated, c.Projection.State, "state after communicate_charges")
	c, err = s.Append(ctx, "case-1", 2, note(1), note(2), note(3))
	require.NoError(t, err, "Append(case-1, 2, three notes)")
	assert.Equal(t, int64(5), c.Version(), "version after appending three")
	assert.Equal(t, c, load(t, s, "case-1"), "Load after Append differs from what Append returned")
	checkChain(t, c)
	assert.Equal(t, []casefsm.Event{ev(fileEvent), ev(charges), note(1), note(2), note(3)}, c.Events(), "events in order")
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
		events  []casefsm.Event
		version int64
		code    casefsm.Code
	}{
		{"decide_without_inquiry", []casefsm.Event{ev(unlawful)}, 2, casefsm.NotAllowed},
		{"charges_by_the_accused", []casefsm.Event{ev(`{"type":"communicate_charges","on":"2026-03-04","by":"accused"}`)}, 2, casefsm.ForbiddenActor},
		{"lawful_then_unlawful", []casefsm.Event{note(1), ev(unlawful)}, 3, casefsm.NotAllowed},
		{"zero_event", []casefsm.Event{{}}, 2, casefsm.InvalidEvent},
		{"unknown_type", []casefsm.Event{{Type: 200, On: filedOn, By: casefsm.Complainant}}, 2, casefsm.InvalidEvent},
	}
	for _, tt := range tests {
		for _, write := range writes {
			t.Run(tt.name+"/"+write.name, func(t *testing.T) {
				_, err := write.do(ctx, s, "case-1", 1, tt.events...)
				require.ErrorIs(t, err, casefsm.ErrRefused, "%s(case-1, %v)", write.name, tt.events)
				var e *casefsm.Refusal
				require.ErrorAs(t, err, &e, "%s(case-1, %v)", write.name, tt.events)
				assert.Equal(t, tt.version, int64(e.Index+1), "the refused event's version")
				assert.Equal(t, tt.code, e.Code, "Refusal.Code")
				assert.Equal(t, before, load(t, s, "case-1"), "a refused append wrote something")
			})
		}
	}
	// A refused import writes no case at all.
	_, err := s.Create(ctx, "case-2", hdr(), ev(fileEvent), ev(unlawful))
	require.ErrorIs(t, err, casefsm.ErrRefused, "Create(case-2) with an unlawful event")
	_, err = s.Load(ctx, "case-2")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "Load(case-2) after a refused Create")
}

func testMalformed(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	before := filed(t, s, "case-1")
	appends := []struct {
		name   string
		id     string
		events []casefsm.Event
	}{
		{"nothing", "case-1", nil},
		{"too_large", "case-1", []casefsm.Event{{Type: casefsm.AddNote, On: filedOn, By: casefsm.Complainant, Note: strings.Repeat("x", storekit.MaxEventBytes)}}},
		{"bad_id", "case 1; DROP TABLE", []casefsm.Event{note(1)}},
		{"empty_id", "", []casefsm.Event{note(1)}},
	}
	for _, tt := range appends {
		for _, write := range writes {
			t.Run(tt.name+"/"+write.name, func(t *testing.T) {
				_, err := write.do(ctx, s, tt.id, 1, tt.events...)
				require.ErrorIs(t, err, casestore.ErrMalformed, "%s(%q, %d events)", write.name, tt.id, len(tt.events))
				assert.Equal(t, before, load(t, s, "case-1"), "a malformed append wrote something")
			})
		}
	}
	t.Run("create", func(t *testing.T) {
		unknownPolicy := hdr()
		unknownPolicy.Policy = "pk-atlantis-2030"
		for _, c := range []struct {
			id   string
			h    casefsm.Header
			want error
		}{{"case-2", unknownPolicy, casefsm.ErrMalformed}, {"bad id", hdr(), casestore.ErrMalformed}} {
			_, err := s.Create(ctx, c.id, c.h)
			require.ErrorIs(t, err, c.want, "Create(%q, %v)", c.id, c.h)
			if casestore.ValidID(c.id) {
				_, err = s.Load(ctx, c.id)
				assert.ErrorIs(t, err, casestore.ErrNotFound, "Load(%q) after a malformed Create", c.id)
			}
		}
	})
}

// writes are the two ways to append: at a stated version, and at the head.
var writes = []struct {
	name string
	do   func(ctx context.Context, s casestore.Store, id string, version int64, events ...casefsm.Event) (casestore.Case, error)
}{
	{"append", func(ctx context.Context, s casestore.Store, id string, version int64, events ...casefsm.Event) (casestore.Case, error) {
		return s.Append(ctx, id, version, events...)
	}},
	{"apply", func(ctx context.Context, s casestore.Store, id string, _ int64, events ...casefsm.Event) (casestore.Case, error) {
		return s.Apply(ctx, id, events...)
	}},
}

func testNotFound(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	_, err := s.Load(ctx, "nobody")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "Load(nobody)")
	var e *casestore.NotFoundError
	if assert.ErrorAs(t, err, &e, "Load(nobody)") {
		assert.Equal(t, "nobody", e.Case, "NotFoundError.Case")
	}
	for _, write := range writes {
		_, err = write.do(ctx, s, "nobody", 0, note(1))
		assert.ErrorIs(t, err, casestore.ErrNotFound, "%s(nobody)", write.name)
	}
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
	hashes := []casestore.Hash{c.Records[0].Prev, c.Records[0].Hash, c.Records[1].Hash, c.Records[2].Hash}
	assert.Equal(t, casestore.Verification{Case: "case-1", Version: 3, Head: c.Head, Hashes: hashes}, v, "Verify(case-1)")
}

func testCancelled(t *testing.T, s casestore.Store) {
	before := filed(t, s, "case-1")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, write := range writes {
		_, err := write.do(ctx, s, "case-1", 1, note(1))
		assert.ErrorIs(t, err, context.Canceled, "%s with a cancelled context", write.name)
	}
	_, err := s.Create(ctx, "case-2", hdr(), ev(fileEvent))
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
	for _, write := range writes {
		_, err = write.do(ctx, s, "case-1", 1, note(1))
		assert.ErrorIs(t, err, casestore.ErrClosed, "%s after Close", write.name)
	}
	_, err = s.Create(ctx, "case-2", hdr())
	assert.ErrorIs(t, err, casestore.ErrClosed, "Create after Close")
	_, err = s.List(ctx, casestore.Filter{})
	assert.ErrorIs(t, err, casestore.ErrClosed, "List after Close")
	_, err = s.Verify(ctx, "case-1")
	assert.True(t, errors.Is(err, casestore.ErrClosed), "Verify after Close: %v", err)
	assert.NoError(t, s.Close(), "a second Close")
}

func testApply(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	filed(t, s, "case-1")
	c, err := s.Apply(ctx, "case-1", ev(charges), note(1))
	require.NoError(t, err, "Apply(case-1, communicate_charges, note)")
	assert.Equal(t, int64(3), c.Version(), "version after Apply")
	assert.Equal(t, casefsm.ChargesCommunicated, c.Projection.State, "state after Apply")
	assert.Equal(t, c, load(t, s, "case-1"), "Load after Apply differs from what Apply returned")
	checkChain(t, c)

	// Writers applying at once never conflict: each lands at the head.
	const writers = 8
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			_, err := s.Apply(ctx, "case-1", note(10+i))
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err, "a concurrent Apply")
	}
	got := load(t, s, "case-1")
	assert.Equal(t, int64(3+writers), got.Version(), "version after %d concurrent applies", writers)
	checkChain(t, got)
}
