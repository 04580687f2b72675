package compliance_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

const testHeader = `{"policy":"pk-federal-2022","jurisdiction":"federal","calendar":"pk-federal","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-%d"},"accused":{"relationship":"employee","id":"e-9%d"}}}`

// addCase stores a case with the events given (JSON objects).
func addCase(t testing.TB, s casestore.Store, n int, events ...string) {
	t.Helper()
	evs := make([]casefsm.Event, len(events))
	for i, e := range events {
		var err error
		evs[i], err = casefsm.DecodeEvent([]byte(e), i)
		require.NoError(t, err, "event %s", e)
	}
	h, err := casefsm.DecodeHeader(fmt.Appendf(nil, testHeader, n, n))
	require.NoError(t, err, "header")
	_, err = s.Create(context.Background(), fmt.Sprintf("case-%05d", n), h, evs...)
	require.NoError(t, err)
}

func TestAuditCountsOpenCasesPastADeadline(t *testing.T) {
	s := newStore(t)
	defer s.Close()
	// Filed on 2 March: charges due 5 March (s.4(1)(a)), overdue on the 10th.
	addCase(t, s, 1, `{"type":"file_complaint","on":"2026-03-02","by":"complainant","received_on":"2026-03-02"}`)
	// Filed on 9 March: charges due 12 March, not yet overdue.
	addCase(t, s, 2, `{"type":"file_complaint","on":"2026-03-09","by":"complainant","received_on":"2026-03-09"}`)
	// Charges in time; the defence period is the accused's: once run out it
	// has lapsed, which is no breach (interpretation 7).
	addCase(t, s, 3, `{"type":"file_complaint","on":"2026-03-02","by":"complainant","received_on":"2026-03-02"}`,
		`{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`)
	org := acme("2024-01-10")
	tests := []struct {
		asOf  string
		want  compliance.Status
		count int
		cases string
	}{
		{"2026-03-05", compliance.Met, 0, "no open case"},
		{"2026-03-06", compliance.Late, 1, "1 open case(s)"},
		{"2026-03-13", compliance.Late, 2, "2 open case(s)"},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			r, err := compliance.Audit(context.Background(), org, builtin(t, policy.FederalAct2022), s, d(tt.asOf), compliance.AuditOptions{})
			require.NoError(t, err)
			assert.True(t, r.CasesChecked)
			f := r.Findings[len(r.Findings)-1]
			assert.Equal(t, compliance.CasesWithinDeadlines, f.Duty)
			assert.Equal(t, tt.want, f.Status, f.Detail)
			assert.Equal(t, tt.count, f.Counts["charges"])
			assert.Contains(t, f.Detail, tt.cases)
			assert.Zero(t, f.Counts["defence"], "a party's lapsed filing is not counted")
			assert.NotContains(t, f.Detail, "case-0", "counts only: no case id")
		})
	}
}

func newStore(t testing.TB) casestore.Store {
	t.Helper()
	s, err := memstore.New(casestore.Options{})
	require.NoError(t, err)
	return s
}
