package sqlstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/stretchr/testify/require"
)

// sealCases is how many cases BenchmarkSealing appends to, in turn.
const sealCases = 500

// BenchmarkSealing measures an append on SQLite (read and check the case
// in the transaction, decide, write one event), on a store that keeps
// cases in clear, the baseline, and on one that seals them, in the same
// run. Each run starts from a new store of sealCases filed cases (set up
// before b.Loop, which starts the timer) and appends to them in turn, so
// that with a fixed -benchtime both find cases of the same length:
//
//	go test -run XXX -bench Sealing -benchtime 2000x -count 8 ./casestore/sqlstore
func BenchmarkSealing(b *testing.B) {
	key, err := seal.Parse([]byte(seal.Generate()))
	require.NoError(b, err)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		opts casestore.Options
	}{{"clear", casestore.Options{}}, {"sealed", casestore.Options{Keys: seal.NewKeyring(key)}}} {
		b.Run("append/"+tc.name, func(b *testing.B) {
			s, err := sqlstore.OpenSQLite(ctx, filepath.Join(b.TempDir(), "bench.db"), false, tc.opts)
			require.NoError(b, err)
			defer s.Close()
			for i := range sealCases {
				_, err := s.Create(ctx, fmt.Sprintf("case-%d", i), benchHeader, event(`{"type":"file_complaint","on":"2026-01-02","by":"complainant"}`))
				require.NoError(b, err)
			}
			b.ReportAllocs()
			next := 0
			for b.Loop() {
				id := fmt.Sprintf("case-%d", next%sealCases)
				if _, err := s.Apply(ctx, id, sealNote(next)); err != nil {
					b.Fatalf("Apply(%s): %v", id, err)
				}
				next++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

func sealNote(n int) casefsm.Event {
	return event(fmt.Sprintf(`{"type":"add_note","on":"2026-01-03","by":"inquiry_committee","note":"a note of the committee, number %d"}`, n))
}
