package casefsm_test

import (
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/stretchr/testify/require"
)

// TestApplyWarmAllocatesNothing: on a warm case (one reset from an earlier
// case, so its memory is already there), applying an event that neither
// moves the case nor starts or stops a clock allocates nothing. The
// allocations of a moving event are looplab's own (BenchmarkApply15 against
// BenchmarkLooplabBaseline).
func TestApplyWarmAllocatesNothing(t *testing.T) {
	eng := newEngine(t)
	ic := casefsm.InquiryCommittee
	prefix := []casefsm.Event{
		{Type: casefsm.FileComplaint, On: date("2026-03-02"), ReceivedOn: date("2026-03-02"), By: casefsm.Complainant},
		{Type: casefsm.CommunicateCharges, On: date("2026-03-04"), By: ic},
		{Type: casefsm.SubmitDefence, On: date("2026-03-09"), By: casefsm.Accused},
		{Type: casefsm.StartInquiry, On: date("2026-03-10"), By: ic},
	}
	for _, ev := range []casefsm.Event{
		{Type: casefsm.HoldHearing, On: date("2026-03-12"), By: ic},
		{Type: casefsm.RecordStatement, On: date("2026-03-12"), By: ic},
		{Type: casefsm.Adjourn, On: date("2026-03-12"), By: casefsm.Accused},
	} {
		t.Run(ev.Type.String(), func(t *testing.T) {
			c := mustCase(t, eng, employeeCase())
			for range 2 { // the second round runs on the first's memory
				require.NoError(t, eng.Reset(c, employeeCase()))
				for _, p := range prefix {
					require.NoError(t, c.Replay(p))
				}
				for range 8 {
					require.NoError(t, c.Apply(ev))
				}
			}
			require.NoError(t, eng.Reset(c, employeeCase()))
			for _, p := range prefix {
				require.NoError(t, c.Replay(p))
			}
			allocs := testing.AllocsPerRun(5, func() { require.NoError(t, c.Apply(ev)) })
			require.Zero(t, allocs, "allocations per %s on a warm case", ev.Type)
			require.Equal(t, casefsm.Inquiry, c.State())
		})
	}
}
