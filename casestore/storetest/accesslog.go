package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
)

// testAccessLog checks that the store keeps its own access log
// (access.LogKeeper): every read and write through a Guard, refused or
// not, is an entry in one chain, which a second Guard over the same store
// reads back whole, as another process would.
func testAccessLog(t *testing.T, s casestore.Store) {
	if _, ok := s.(access.LogKeeper); !ok {
		t.Fatalf("%T keeps no access log (access.LogKeeper)", s)
	}
	ctx := context.Background()
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	g := access.Of(s, now)
	g.Admins = []string{"admin-1"}
	admin, party, stranger := access.Actor{ID: "admin-1"}, access.Actor{ID: "e-17", Role: casefsm.Complainant},
		access.Actor{ID: "x-99", Role: casefsm.Ombudsperson}

	_, err := g.Create(ctx, admin, "logged-1", hdr(), ev(fileEvent))
	require.NoError(t, err, "Create through the Guard")
	_, err = g.View(ctx, party, "logged-1")
	require.NoError(t, err, "the complainant's view")
	_, err = g.View(ctx, stranger, "logged-1")
	require.ErrorIs(t, err, access.ErrDenied, "a stranger claiming the Ombudsperson")
	_, err = g.Export(ctx, party, "logged-1")
	require.ErrorIs(t, err, access.ErrDenied, "export by a party")
	_, err = g.Export(ctx, admin, "logged-1")
	require.NoError(t, err, "export by the administrator")

	again := access.Of(s, now) // another Guard, as another process
	entries, err := again.Log.Entries(ctx, "logged-1")
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Actor.ID+" "+e.What+" "+e.Outcome)
	}
	assert.Equal(t, []string{
		"admin-1 create written", "e-17 view read", "x-99 view denied", "e-17 export denied", "admin-1 export read",
	}, got, "one entry per act, in order, refused ones too")
	all, err := again.Log.Entries(ctx, "")
	require.NoError(t, err)
	assert.Zero(t, access.VerifyLog(all), "the whole log's chain holds")
}
