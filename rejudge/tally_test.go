package rejudge_test

import (
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/rejudge"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTally(t *testing.T) {
	j := judge()
	former := ombudspersonCase()
	former.Header.Parties.Complainant.Relationship = policy.FormerEmployee
	var tally rejudge.Tally
	for range 7 { // refused under 2010: state changes, an event refused
		r, err := j.Rejudge(former, rejudge.Change{Policy: policy.FederalAct2010}, civil.Date{})
		require.NoError(t, err)
		tally.Add(r)
	}
	for range 3 { // loses only a deadline
		r, err := j.Rejudge(ombudspersonCase(), rejudge.Change{Policy: policy.FederalAct2010}, civil.Date{})
		require.NoError(t, err)
		tally.Add(r)
	}
	got := map[string]rejudge.Row{}
	for _, r := range tally.Rows() {
		got[r.Name] = r
	}
	assert.Equal(t, rejudge.Row{Name: "cases", Count: 10}, got["cases"])
	assert.Equal(t, rejudge.Row{Name: "state_changed", Count: 7}, got["state_changed"])
	assert.Equal(t, rejudge.Row{Name: "event_refused", Count: 7}, got["event_refused"])
	assert.Equal(t, rejudge.Row{Name: "deadline_changed", Count: 10}, got["deadline_changed"])
	assert.Equal(t, rejudge.Row{Name: "unchanged"}, got["unchanged"], "a true zero is shown")
	assert.Equal(t, rejudge.Row{Name: "gained_breach"}, got["gained_breach"])

	var few rejudge.Tally
	for range 4 {
		r, err := j.Rejudge(former, rejudge.Change{Policy: policy.FederalAct2010}, civil.Date{})
		require.NoError(t, err)
		few.Add(r)
	}
	for _, r := range few.Rows() {
		assert.True(t, r.Suppressed, "fewer than K cases: %s is withheld", r.Name)
		assert.Zero(t, r.Count)
	}
	tally.AddUnreadable()
	for _, r := range tally.Rows() {
		if r.Name == "unreadable" {
			assert.Equal(t, rejudge.Row{Name: "unreadable", Suppressed: true}, r, "1 to 4 is withheld")
		}
	}
}
