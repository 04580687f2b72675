package simulate

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func vary(t *testing.T, sc Scenario, o RunOptions, names ...string) *Variations {
	t.Helper()
	v, err := testSim().Vary(context.Background(), sc, o, names)
	require.NoError(t, err)
	return v
}

func variation(t *testing.T, v *Variations, name string) Variation {
	t.Helper()
	for _, x := range v.Variations {
		if x.Name == name {
			return x
		}
	}
	t.Fatalf("no variation %s in %+v", name, v.Variations)
	return Variation{}
}

// TestVaryKnownAnswer: every case appeals, 45 days after the decision was
// communicated (s.6(1) gives 30). Under the scenario's reading each appeal
// is refused as time-barred; when late filings need no condonation each is
// heard: every case goes through appeal_pending, nothing else changes
// where appeals are in time.
func TestVaryKnownAnswer(t *testing.T) {
	const n = 400
	sc := onTime()
	sc.Outcomes.Appeal = 1
	sc.Delays.Appeal = FixedDays(45)
	o := RunOptions{Cases: n, Seed: 3}
	v := vary(t, sc, o, "late_filing_needs_condonation")
	require.Len(t, v.Variations, 1)
	x := v.Variations[0]
	assert.Equal(t, false, x.Value)
	assert.Empty(t, x.Refused)
	assert.Equal(t, int64(n), x.OutcomeChanged, "every late appeal is heard")
	assert.Equal(t, int64(n), v.Cases)

	sc.Delays.Appeal = FixedDays(20)
	x = vary(t, sc, o, "late_filing_needs_condonation").Variations[0]
	assert.Zero(t, x.OutcomeChanged, "appeals in time: nothing changes")
	assert.Zero(t, x.BreachesChanged)
	assert.Zero(t, x.DecisionChanged)
}

// TestVaryAll: every switch is tried; those whose alternative takes a right
// are refused, not run; the result does not depend on the workers.
func TestVaryAll(t *testing.T) {
	o := RunOptions{Cases: 300, Seed: 5, Workers: 1}
	one := vary(t, DefaultScenario(), o, VaryAll)
	o.Workers = 3
	three := vary(t, DefaultScenario(), o, VaryAll)
	assert.Equal(t, one, three)
	refused := variation(t, one, "roll_forward_filings")
	assert.Contains(t, refused.Refused, "takes from a party")
	assert.Zero(t, refused.OutcomeChanged)
	assert.Empty(t, variation(t, one, "implementation_closes").Refused)
	assert.NotEmpty(t, one.Invented)
}

func TestVaryErrors(t *testing.T) {
	_, err := testSim().Vary(context.Background(), DefaultScenario(), RunOptions{Cases: 10}, []string{"no_such_thing"})
	assert.ErrorContains(t, err, "names no interpretation")
	_, err = testSim().Vary(context.Background(), DefaultScenario(), RunOptions{Cases: 10}, []string{"appellate_decision_days"})
	assert.ErrorContains(t, err, "no other value")
}
