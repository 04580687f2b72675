package policy

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
)

// slowFor is the obviously correct oracle for Set.For: scan every statute.
func slowFor(s *Set, j Jurisdiction, on civil.Date) *Policy {
	for _, p := range s.All() {
		if !p.Institutional() && p.Jurisdiction() == j && p.Validity().Contains(on) {
			return p
		}
	}
	return nil
}

func TestForAgainstOracle(t *testing.T) {
	s := Builtin()
	end := civil.MustParse("2031-01-01")
	for on := civil.MustParse("2009-01-01"); on.Before(end); on = on.AddDays(1) {
		for _, j := range Jurisdictions() {
			got, err := s.For(j, on)
			want := slowFor(s, j, on)
			if want == nil {
				require.ErrorIs(t, err, ErrNoPolicyInForce, "For(%s, %s)", j, on)
				continue
			}
			require.NoError(t, err, "For(%s, %s)", j, on)
			require.Same(t, want, got, "For(%s, %s) = %s, want %s", j, on, got.ID(), want.ID())
		}
	}
}

// TestConcurrentUse reads one Set and its policies from many goroutines;
// run with -race.
func TestConcurrentUse(t *testing.T) {
	s := Builtin()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			on := civil.MustParse("2021-12-01").AddDays(i * 20)
			p, err := s.For(Federal, on)
			assert.NoError(t, err)
			_, _ = p.Rule(RuleFindings)
			_ = p.Rules()
			_ = p.Complainants()
			_, _ = s.Apply(Overlay{ID: "concurrent-test", Title: "T", Base: FederalAct2022, From: civil.MustParse("2024-01-01")})
		})
	}
	wg.Wait()
}
