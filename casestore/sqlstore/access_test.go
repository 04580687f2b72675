package sqlstore_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The access log of both SQL stores: every read recorded, one chain even
// under concurrent readers, kept across reopening.
func TestAccessLog(t *testing.T) {
	for _, tc := range []struct {
		name string
		loc  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "cases.db") }},
		{"postgres", func(t *testing.T) string { return newSchema(t, postgresDSN(t)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			loc := tc.loc(t)
			st, err := sqlstore.Open(ctx, loc, casestore.Options{})
			require.NoError(t, err)
			_, err = st.Create(ctx, "case-1", header(`{"policy":"pk-federal-2022","parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"}}}`),
				event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
			require.NoError(t, err)
			g := &access.Guard{Store: st, Log: st.(*sqlstore.Store).AccessLog(), Now: time.Now, Admins: []string{"admin-1"}}
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Go(func() {
					a := access.Actor{ID: "e-17", Role: casefsm.Complainant}
					if i%2 == 1 {
						a = access.Actor{ID: "e-42", Role: casefsm.Ombudsperson}
					}
					_, err := g.View(ctx, a, "case-1")
					assert.NoError(t, err)
				})
			}
			wg.Wait()
			_, err = g.Export(ctx, access.Actor{ID: "e-42", Role: casefsm.Employer}, "case-1")
			require.ErrorIs(t, err, access.ErrDenied)
			st.Close()

			st, err = sqlstore.Open(ctx, loc, casestore.Options{})
			require.NoError(t, err)
			defer st.Close()
			all, err := st.(*sqlstore.Store).AccessLog().Entries(ctx, "")
			require.NoError(t, err)
			require.Len(t, all, 9)
			assert.Equal(t, int64(0), access.VerifyLog(all), "the log's chain")
			for _, e := range all[:8] {
				assert.Equal(t, "read", e.Outcome)
				assert.Contains(t, []casefsm.Role{casefsm.Complainant, casefsm.Accused}, e.As, "the accused claiming the Ombudsperson read as the accused")
			}
			assert.Equal(t, "denied", all[8].Outcome)
		})
	}
}
