package chart

import (
	"bytes"
	"testing"

	"github.com/hifazat/hifazat/simulate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVariationsSVG(t *testing.T) {
	v := &simulate.Variations{Scenario: "default", Cases: 100, Seed: 4, Invented: []string{"delays"}, Variations: []simulate.Variation{
		{Name: "implementation_closes", Value: false, OutcomeChanged: 80},
		{Name: "roll_forward_filings", Value: false, Refused: "takes from a party ..."},
		{Name: "late_filing_needs_condonation", Value: false, OutcomeChanged: 4, BreachesChanged: 3},
	}}
	var a, b bytes.Buffer
	require.NoError(t, VariationsSVG(&a, v))
	require.NoError(t, VariationsSVG(&b, v))
	assert.Equal(t, a.String(), b.String(), "the same result gives the same bytes")
	for _, want := range []string{"What each reading of the law changes", "default: 100 cases, seed 4", "invented numbers", "implementation_closes=false", "#0072B2", "#E69F00", "#009E73"} {
		assert.Contains(t, a.String(), want)
	}
	assert.NotContains(t, a.String(), "roll_forward_filings", "a refused alternative is not drawn")
	assert.ErrorIs(t, VariationsSVG(&a, &simulate.Variations{}), ErrNoReport)
}
