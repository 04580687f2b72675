package compliance

import (
	"context"
	"fmt"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/casestore/storetest"
	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportPassesOverErasedCases: an erased case has no case file; the
// annual report of a store holding one is the report of the store without
// it, instead of failing.
func TestReportPassesOverErasedCases(t *testing.T) {
	ctx := context.Background()
	key, err := seal.Parse([]byte(seal.Generate()))
	require.NoError(t, err)
	withdrawn := func(s casestore.Store, i int) {
		on := civil.MustParse("2025-03-02").AddDays(i)
		h := storetest.MustHeader(`{"policy":"pk-federal-2022","calendar":"pk-federal","incident_on":"2025-02-20","parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"}}}`)
		_, err := s.Create(ctx, fmt.Sprintf("case-%d", i), h,
			storetest.MustEvent(fmt.Sprintf(`{"type":"file_complaint","on":"%s","by":"complainant"}`, on)),
			storetest.MustEvent(fmt.Sprintf(`{"type":"request_withdrawal","on":"%s","by":"complainant"}`, on.AddDays(1))),
			storetest.MustEvent(fmt.Sprintf(`{"type":"accept_withdrawal","on":"%s","by":"inquiry_committee"}`, on.AddDays(2))))
		require.NoError(t, err)
	}
	opts := casestore.Options{Keys: seal.NewKeyring(key), Retention: -1}
	with, err := memstore.New(opts)
	require.NoError(t, err)
	without, err := memstore.New(opts)
	require.NoError(t, err)
	for i := range 7 {
		withdrawn(with, i)
		if i != 3 {
			withdrawn(without, i)
		}
	}
	require.NoError(t, with.Erase(ctx, "case-3", civil.MustParse("2026-01-10")))
	got, err := ReportAll(ctx, []Source{{Org: testOrg, Store: with}}, 2025, ReportOptions{})
	require.NoError(t, err, "the report of a store with an erased case")
	want, err := ReportAll(ctx, []Source{{Org: testOrg, Store: without}}, 2025, ReportOptions{})
	require.NoError(t, err)
	assert.Equal(t, want, got)
	_, err = with.Load(ctx, "case-3")
	require.ErrorIs(t, err, casestore.ErrErased, "the test erased a case")
}
