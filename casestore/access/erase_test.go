package access_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/civil"
)

// TestGuardAdministers: holds, releases and erasures are for an
// administrator, and each is logged with its outcome, refused or not.
func TestGuardAdministers(t *testing.T) {
	ctx := context.Background()
	g, log := newGuard(t)
	on := civil.MustParse("2026-03-10")
	admin, party := access.Actor{ID: "admin-1"}, access.Actor{ID: "e-17", Role: casefsm.Complainant}

	assert.ErrorIs(t, g.Hold(ctx, party, "case-1", casestore.Hold{Reason: "suit 1", On: on}), access.ErrDenied)
	require.NoError(t, g.Hold(ctx, admin, "case-1", casestore.Hold{Reason: "suit 1", On: on}))
	assert.ErrorIs(t, g.Erase(ctx, party, "case-1", on), access.ErrDenied)
	assert.ErrorAs(t, g.Erase(ctx, admin, "case-1", on), new(*casestore.NotErasableError))
	require.NoError(t, g.Release(ctx, admin, "case-1", on))
	assert.ErrorAs(t, g.Release(ctx, admin, "case-1", on), new(*casestore.HoldError))

	entries, err := log.Entries(ctx, "case-1")
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Actor.ID+" "+e.What+" "+e.Outcome)
	}
	assert.Equal(t, []string{
		"e-17 hold denied", "admin-1 hold written", "e-17 erase denied",
		"admin-1 erase refused", "admin-1 release written", "admin-1 release refused",
	}, got)
	assert.Zero(t, access.VerifyLog(entries), "the log's chain holds")

	// A store that keeps no keys or holds cannot erase: said, and logged.
	plain := *g
	plain.Store = struct{ casestore.Store }{g.Store}
	assert.ErrorIs(t, plain.Erase(ctx, admin, "case-1", on), access.ErrCannotErase)
}
