package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testList(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	filed(t, s, "a-filed")
	filed(t, s, "b-charged")
	_, err := s.Append(ctx, "b-charged", 1, ev(charges))
	require.NoError(t, err, "Append(b-charged, communicate_charges)")
	_, err = s.Create(ctx, "c-empty", hdr())
	require.NoError(t, err, "Create(c-empty)")
	_, err = s.Create(ctx, "d-filed-later", hdr(), ev(`{"type":"file_complaint","on":"2026-06-01","by":"complainant"}`))
	require.NoError(t, err, "Create(d-filed-later)")
	ids := []string{"a-filed", "b-charged", "c-empty", "d-filed-later"}

	later := filedOn.AddDays(60)
	filters := []struct {
		name string
		f    casestore.Filter
		want []string // nil: only compare with the oracle
	}{
		{"all", casestore.Filter{}, ids},
		{"state", casestore.Filter{State: casefsm.ComplaintReceived}, []string{"a-filed", "d-filed-later"}},
		{"no_such_state", casestore.Filter{State: casefsm.Closed}, []string{}},
		{"policy", casestore.Filter{Policy: policy.FederalAct2022}, ids},
		{"other_policy", casestore.Filter{Policy: policy.PunjabAct2013}, []string{}},
		{"overdue_on_filing", casestore.Filter{Overdue: true, At: filedOn}, []string{}},
		{"overdue_later", casestore.Filter{Overdue: true, At: later}, []string{"a-filed", "b-charged"}},
		{"overdue_in_state", casestore.Filter{Overdue: true, At: later, State: casefsm.ChargesCommunicated}, []string{"b-charged"}},
		{"due_within_30", casestore.Filter{DueWithin: 30, At: filedOn}, []string{"a-filed", "b-charged"}},
		{"due_within_1_later", casestore.Filter{DueWithin: 1, At: later}, []string{}},
		{"overdue_or_due", casestore.Filter{Overdue: true, DueWithin: 60, At: civil.MustParse("2026-05-31")}, nil},
		{"after", casestore.Filter{After: "b-charged"}, []string{"c-empty", "d-filed-later"}},
		{"limit", casestore.Filter{Limit: 2}, []string{"a-filed", "b-charged"}},
		{"page", casestore.Filter{After: "a-filed", Limit: 1}, []string{"b-charged"}},
	}
	for _, tt := range filters {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.List(ctx, tt.f)
			require.NoError(t, err, "List(%+v)", tt.f)
			assert.Equal(t, oracle(t, s, ids, tt.f), got, "List(%+v) disagrees with Filter.Match over Load", tt.f)
			if tt.want != nil {
				assert.Equal(t, tt.want, summaryIDs(got), "List(%+v) ids", tt.f)
			}
		})
	}
	for _, f := range []casestore.Filter{{Overdue: true}, {DueWithin: 3}, {DueWithin: -1, At: filedOn}, {Limit: -1}} {
		_, err := s.List(ctx, f)
		assert.ErrorIs(t, err, casestore.ErrMalformed, "List(%+v)", f)
	}
	// A state or policy that does not exist is an error listing those
	// that do, not an empty list.
	for _, tt := range []struct {
		f     casestore.Filter
		field string
		valid string
	}{
		{casestore.Filter{State: 200}, "state", casefsm.ComplaintReceived.String()},
		{casestore.Filter{Policy: "pk-atlantis-2030"}, "policy", string(policy.FederalAct2022)},
	} {
		_, err := s.List(ctx, tt.f)
		var fe *casestore.FilterError
		require.ErrorAs(t, err, &fe, "List(%+v)", tt.f)
		assert.Equal(t, tt.field, fe.Field, "FilterError.Field of List(%+v)", tt.f)
		assert.Contains(t, fe.Valid, tt.valid, "FilterError.Valid of List(%+v)", tt.f)
		assert.ErrorIs(t, err, casestore.ErrMalformed, "List(%+v)", tt.f)
	}
}

// oracle lists by loading every case and applying Filter.Match.
func oracle(t *testing.T, s casestore.Store, ids []string, f casestore.Filter) []casestore.Summary {
	t.Helper()
	var out []casestore.Summary
	for _, id := range ids {
		c := load(t, s, id)
		sum := casestore.Summary{ID: c.ID, Version: c.Version(), Projection: c.Projection}
		if f.Match(sum) && (f.After == "" || id > f.After) {
			out = append(out, sum)
		}
	}
	slices.SortFunc(out, func(a, b casestore.Summary) int { return strings.Compare(a.ID, b.ID) })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out
}

func summaryIDs(ss []casestore.Summary) []string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return ids
}
