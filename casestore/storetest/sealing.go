package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keys are the suite's deployment keys: one to seal with, another that is
// not it, and their text, which no error may contain.
type keys struct {
	text, otherText string
	ring, other     casestore.Keys
}

func newKeys(t *testing.T) keys {
	t.Helper()
	k := keys{text: seal.Generate(), otherText: seal.Generate()}
	a, err := seal.Parse([]byte(k.text))
	require.NoError(t, err)
	b, err := seal.Parse([]byte(k.otherText))
	require.NoError(t, err)
	k.ring, k.other = seal.NewKeyring(a), seal.NewKeyring(b)
	return k
}

// opener opens the one location of a sealing test.
type opener func(t *testing.T, o casestore.Options) casestore.Store

// open opens the location with o and closes it after the test.
func (o opener) open(t *testing.T, opts casestore.Options) casestore.Eraser {
	t.Helper()
	s := o(t, opts)
	t.Cleanup(func() { s.Close() })
	e, ok := s.(casestore.Eraser)
	require.True(t, ok, "the store %T does not implement casestore.Eraser", s)
	return e
}

func runSealing(t *testing.T, h Harness) {
	for _, tt := range []struct {
		name string
		run  func(t *testing.T, o opener, k keys)
	}{
		{"sealed_round_trip", testSealedRoundTrip},
		{"no_key", testNoKey},
		{"wrong_key", testWrongKey},
		{"mixed", testMixed},
		{"rotation", testRotation},
		{"erase", testErase},
		{"erase_refused", testEraseRefused},
		{"holds", testHolds},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, h.Reopen(t), newKeys(t)) })
	}
}

// secretNote is written into the sealed cases: no error may quote it.
const secretNote = `{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"the secret marker 7f3a"}`

// sealedCase creates case id with a filing and a note, sealed under k.
func sealedCase(t *testing.T, s casestore.Store, id string) casestore.Case {
	t.Helper()
	c, err := s.Create(context.Background(), id, hdr(), ev(fileEvent), ev(secretNote))
	require.NoError(t, err, "Create(%s) on a store with a key", id)
	return c
}

// checkKeyError asserts err is a KeyError wrapping want that quotes
// neither key nor the case's content.
func checkKeyError(t *testing.T, err, want error, k keys, what string) {
	t.Helper()
	var ke *casestore.KeyError
	require.ErrorAs(t, err, &ke, "%s", what)
	assert.ErrorIs(t, err, want, "%s", what)
	for _, secret := range []string{k.text, k.otherText, "7f3a", "e-17", "e-42"} {
		assert.NotContains(t, err.Error(), secret, "%s: the error quotes a key or the case", what)
	}
}

func testSealedRoundTrip(t *testing.T, o opener, k keys) {
	ctx := context.Background()
	s := o.open(t, casestore.Options{Keys: k.ring})
	created := sealedCase(t, s, "sealed-1")
	c, err := s.Append(ctx, created.ID, created.Version(), ev(charges))
	require.NoError(t, err, "Append to a sealed case")
	got := load(t, s, c.ID)
	assert.Equal(t, hdr(), got.Header, "the header comes back opened")
	assert.Equal(t, []casefsm.Event{ev(fileEvent), ev(secretNote), ev(charges)}, got.Events(), "the events come back opened")
	assert.Equal(t, c.Head, got.Head)
	assert.NoError(t, casestore.CheckReceipt(ctx, s, c.Receipt()), "a receipt of a sealed case")
	v, err := s.Verify(ctx, c.ID)
	require.NoError(t, err)
	assert.True(t, v.Intact(), "%v", v)
	assert.False(t, v.Sealed, "with its key, a sealed case is verified whole")
}

func testNoKey(t *testing.T, o opener, k keys) {
	ctx := context.Background()
	c := sealedCase(t, o.open(t, casestore.Options{Keys: k.ring}), "sealed-1")
	s := o.open(t, casestore.Options{})
	_, err := s.Load(ctx, c.ID)
	checkKeyError(t, err, casestore.ErrNoKey, k, "Load without a key")
	_, err = s.Apply(ctx, c.ID, ev(charges))
	checkKeyError(t, err, casestore.ErrNoKey, k, "Apply without a key")
	assert.NoError(t, casestore.CheckReceipt(ctx, s, c.Receipt()), "a receipt needs no key")
	v, err := s.Verify(ctx, c.ID)
	require.NoError(t, err, "Verify needs no key")
	assert.True(t, v.Intact(), "%v", v)
	assert.True(t, v.Sealed, "Verify without the key says it did not open the content")
	assert.Equal(t, c.Head, v.Head)
	list, err := s.List(ctx, casestore.Filter{})
	require.NoError(t, err, "List needs no key")
	require.Len(t, list, 1)
	assert.Equal(t, casefsm.ComplaintReceived, list[0].State)
}

func testWrongKey(t *testing.T, o opener, k keys) {
	ctx := context.Background()
	c := sealedCase(t, o.open(t, casestore.Options{Keys: k.ring}), "sealed-1")
	s := o.open(t, casestore.Options{Keys: k.other})
	_, err := s.Load(ctx, c.ID)
	checkKeyError(t, err, casestore.ErrWrongKey, k, "Load with another key")
	_, err = s.Append(ctx, c.ID, c.Version(), ev(charges))
	checkKeyError(t, err, casestore.ErrWrongKey, k, "Append with another key")
	v, err := s.Verify(ctx, c.ID)
	require.NoError(t, err)
	assert.True(t, v.Intact() && v.Sealed, "%v", v)
}

// testMixed: cases stored in clear before a key was given stay readable
// and writable with one; cases sealed after it need it.
func testMixed(t *testing.T, o opener, k keys) {
	ctx := context.Background()
	clear := filed(t, o.open(t, casestore.Options{}), "clear-1")
	s := o.open(t, casestore.Options{Keys: k.ring})
	assert.Equal(t, clear.Events(), load(t, s, clear.ID).Events(), "a case stored in clear loads with a key")
	_, err := s.Append(ctx, clear.ID, clear.Version(), ev(charges))
	require.NoError(t, err, "a case stored in clear is extended with a key")
	sealed := sealedCase(t, s, "sealed-1")
	plain := o.open(t, casestore.Options{})
	assert.Len(t, load(t, plain, clear.ID).Records, 2, "the case in clear loads without a key")
	_, err = plain.Load(ctx, sealed.ID)
	assert.ErrorIs(t, err, casestore.ErrNoKey)
	for _, id := range []string{clear.ID, sealed.ID} {
		v, err := plain.Verify(ctx, id)
		require.NoError(t, err)
		assert.True(t, v.Intact(), "%v", v)
		assert.Equal(t, id == sealed.ID, v.Sealed, "case %s", id)
	}
}

// testRotation: a keyring with a new key first and the old one after
// opens the old cases and seals new ones with the new key.
func testRotation(t *testing.T, o opener, k keys) {
	old := sealedCase(t, o.open(t, casestore.Options{Keys: k.ring}), "old-1")
	oldKey, err := seal.Parse([]byte(k.text))
	require.NoError(t, err)
	newKey, err := seal.Parse([]byte(k.otherText))
	require.NoError(t, err)
	s := o.open(t, casestore.Options{Keys: seal.NewKeyring(newKey, oldKey)})
	load(t, s, old.ID)
	fresh := sealedCase(t, s, "new-1")
	only := o.open(t, casestore.Options{Keys: k.other})
	load(t, only, fresh.ID)
	_, err = only.Load(context.Background(), old.ID)
	assert.ErrorIs(t, err, casestore.ErrWrongKey, "the old case needs the old key until it is re-wrapped")

	erased := withdrawn(t, s, "erased-1")
	require.NoError(t, s.Erase(context.Background(), erased.ID, lastOn.AddDays(casestore.DefaultRetention+1)))
	rw, ok := s.(casestore.Rewrapper)
	require.True(t, ok, "the store %T does not implement casestore.Rewrapper", s)
	n, err := rw.Rewrap(context.Background())
	require.NoError(t, err, "Rewrap")
	assert.Equal(t, 2, n, "the sealed cases not erased are re-wrapped")
	assert.Equal(t, old.Events(), load(t, only, old.ID).Events(), "once re-wrapped, the new key alone opens the old case")
	v, err := only.Verify(context.Background(), old.ID)
	require.NoError(t, err)
	assert.True(t, v.Intact() && !v.Sealed && v.Head == old.Head, "re-wrapping changes no record: %v", v)
	_, err = o.open(t, casestore.Options{Keys: k.ring}).Load(context.Background(), old.ID)
	assert.ErrorIs(t, err, casestore.ErrWrongKey, "the old key is retired")
	_, err = o.open(t, casestore.Options{Keys: k.ring}).(casestore.Rewrapper).Rewrap(context.Background())
	assert.ErrorIs(t, err, casestore.ErrWrongKey, "re-wrapping with a key that opens nothing")
}

var (
	requestWithdrawal = `{"type":"request_withdrawal","on":"2026-03-03","by":"complainant"}`
	acceptWithdrawal  = `{"type":"accept_withdrawal","on":"2026-03-04","by":"inquiry_committee"}`
	// lastOn is the date of the withdrawn case's last event; the default
	// retention runs DefaultRetention days from it.
	lastOn = civil.MustParse("2026-03-04")
)

// withdrawn creates case id, sealed, and withdraws it: a terminal case.
func withdrawn(t *testing.T, s casestore.Store, id string) casestore.Case {
	t.Helper()
	c, err := s.Create(context.Background(), id, hdr(), ev(fileEvent), ev(requestWithdrawal), ev(acceptWithdrawal))
	require.NoError(t, err, "Create(%s) withdrawn", id)
	require.Equal(t, casefsm.Withdrawn, c.Projection.State)
	return c
}

func testErase(t *testing.T, o opener, k keys) {
	ctx := context.Background()
	s := o.open(t, casestore.Options{Keys: k.ring})
	c := withdrawn(t, s, "erase-1")
	on := lastOn.AddDays(casestore.DefaultRetention + 1)
	require.NoError(t, s.Erase(ctx, c.ID, on), "Erase after the retention period")
	for _, st := range []casestore.Eraser{s, o.open(t, casestore.Options{}), o.open(t, casestore.Options{Keys: k.ring})} {
		_, err := st.Load(ctx, c.ID)
		var ee *casestore.ErasedError
		require.ErrorAs(t, err, &ee, "Load of an erased case")
		assert.Equal(t, on, ee.On)
		_, err = st.Apply(ctx, c.ID, ev(`{"type":"add_note","on":"2026-03-05","by":"inquiry_committee","note":"late"}`))
		assert.ErrorIs(t, err, casestore.ErrErased, "Apply to an erased case")
		v, err := st.Verify(ctx, c.ID)
		require.NoError(t, err, "Verify of an erased case")
		assert.True(t, v.Intact() && v.Sealed, "an erased case still verifies: %v", v)
		assert.Equal(t, c.Head, v.Head, "its chain is the one written")
		assert.NoError(t, casestore.CheckReceipt(ctx, st, c.Receipt()), "a receipt of an erased case")
		list, err := st.List(ctx, casestore.Filter{State: casefsm.Withdrawn})
		require.NoError(t, err)
		require.Len(t, list, 1, "an erased case is still listed by its procedural facts")
		assert.Equal(t, c.Version(), list[0].Version)
	}
	err := s.Erase(ctx, c.ID, on)
	checkRefusal(t, err, casestore.Already)
}

// checkRefusal asserts err refuses an erasure for why.
func checkRefusal(t *testing.T, err error, why string) *casestore.NotErasableError {
	t.Helper()
	var ne *casestore.NotErasableError
	require.ErrorAs(t, err, &ne, "want an erasure refused as %s", why)
	assert.ErrorIs(t, err, casestore.ErrNotErasable)
	assert.Equal(t, why, ne.Why, "%v", err)
	return ne
}

func testEraseRefused(t *testing.T, o opener, k keys) {
	ctx := context.Background()
	s := o.open(t, casestore.Options{Keys: k.ring})
	late := lastOn.AddDays(casestore.DefaultRetention + 1)
	open := sealedCase(t, s, "open-1")
	checkRefusal(t, s.Erase(ctx, open.ID, late), casestore.NotTerminal)
	c := withdrawn(t, s, "erase-1")
	ne := checkRefusal(t, s.Erase(ctx, c.ID, late.AddDays(-1)), casestore.Retained)
	assert.Equal(t, late, ne.Until, "the first day it may be erased")
	short := o.open(t, casestore.Options{Keys: k.ring, Retention: 30})
	checkRefusal(t, short.Erase(ctx, c.ID, lastOn.AddDays(30)), casestore.Retained)
	none := o.open(t, casestore.Options{Keys: k.ring, Retention: -1})
	clear := withdrawn(t, o.open(t, casestore.Options{}), "clear-1")
	checkRefusal(t, none.Erase(ctx, clear.ID, lastOn), casestore.InClear)
	err := o.open(t, casestore.Options{}).Erase(ctx, c.ID, late)
	assert.ErrorIs(t, err, casestore.ErrNoKey, "erasing needs the key, to confirm from the events that the case is closed")
	err = s.Erase(ctx, c.ID, civil.Date{})
	assert.ErrorIs(t, err, casestore.ErrMalformed, "erasing needs today")
	assert.ErrorIs(t, s.Erase(ctx, "no-such-case", late), casestore.ErrNotFound)
	load(t, s, c.ID) // every refusal left it whole
	require.NoError(t, short.Erase(ctx, c.ID, lastOn.AddDays(31)), "a deployment's own retention period")
}

func testHolds(t *testing.T, o opener, k keys) {
	ctx := context.Background()
	s := o.open(t, casestore.Options{Keys: k.ring, Retention: -1})
	c := withdrawn(t, s, "held-1")
	placed := casestore.Hold{Reason: "suit 12/2026", On: lastOn.AddDays(1)}
	require.NoError(t, s.Hold(ctx, c.ID, placed), "Hold")
	err := s.Hold(ctx, c.ID, casestore.Hold{Reason: "another", On: lastOn.AddDays(2)})
	assert.ErrorIs(t, err, casestore.ErrHeld, "a second hold in force")
	checkRefusal(t, s.Erase(ctx, c.ID, lastOn.AddDays(3)), casestore.UnderHold)
	holds, err := o.open(t, casestore.Options{}).Holds(ctx, c.ID)
	require.NoError(t, err, "Holds, from another opening")
	assert.Equal(t, []casestore.Hold{placed}, holds)
	require.NoError(t, s.Release(ctx, c.ID, lastOn.AddDays(4)), "Release")
	assert.ErrorIs(t, s.Release(ctx, c.ID, lastOn.AddDays(5)), casestore.ErrNotHeld, "release with no hold in force")
	require.NoError(t, s.Erase(ctx, c.ID, lastOn.AddDays(5)), "Erase once released")
	holds, err = s.Holds(ctx, c.ID)
	require.NoError(t, err)
	placed.Released = lastOn.AddDays(4)
	assert.Equal(t, []casestore.Hold{placed}, holds, "an erased case keeps its holds")
	for _, bad := range []casestore.Hold{{On: lastOn}, {Reason: "x"}, {Reason: string(make([]byte, casestore.MaxHoldReason+1)), On: lastOn}} {
		assert.ErrorIs(t, s.Hold(ctx, c.ID, bad), casestore.ErrMalformed, "Hold(%+v)", bad)
	}
	_, err = s.Holds(ctx, "no-such-case")
	assert.ErrorIs(t, err, casestore.ErrNotFound)
	assert.ErrorIs(t, s.Hold(ctx, "no-such-case", casestore.Hold{Reason: "x", On: lastOn}), casestore.ErrNotFound)
	assert.True(t, errors.Is(s.Release(ctx, "no-such-case", lastOn), casestore.ErrNotFound))
}
