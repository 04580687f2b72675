package chart

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/hifazat/hifazat/simulate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var reports = sync.OnceValue(func() []*simulate.Report {
	sim, err := simulate.New(simulate.Options{})
	if err != nil {
		panic(err)
	}
	sc := simulate.DefaultScenario()
	a, err := sim.Run(context.Background(), sc, simulate.RunOptions{Cases: 600, Seed: 1})
	if err != nil {
		panic(err)
	}
	sc.Committee.Capacity = 1
	sc.Name = "one place"
	b, err := sim.Run(context.Background(), sc, simulate.RunOptions{Cases: 600, Seed: 1})
	if err != nil {
		panic(err)
	}
	return []*simulate.Report{a, b}
})

func TestSVG(t *testing.T) {
	var one, again, two bytes.Buffer
	require.NoError(t, SVG(&one, reports()[0]))
	require.NoError(t, SVG(&again, reports()[0]))
	require.NoError(t, SVG(&two, reports()...))
	assert.Equal(t, one.String(), again.String(), "the same report gives the same bytes")
	for _, want := range []string{"<svg", "Backlog at each month", "Days from first report to closure", "default: open", "default: waiting for a committee",
		"2027-01", "default: 600 cases, seed 1", "invented numbers, not measured"} {
		assert.Contains(t, one.String(), want)
	}
	for _, c := range []string{"#0072B2", "#E69F00"} { // Okabe-Ito blue, then orange
		assert.Contains(t, two.String(), c)
	}
	assert.Contains(t, two.String(), `A2.5,2.5 0 1 1`, "the first report's markers are discs")
	assert.Contains(t, two.String(), `Z" style="fill:none;stroke:#E69F00;stroke-width:0.5"`, "the second report's are outlined triangles")
	assert.Contains(t, two.String(), `Z" style="fill:none;stroke:#E69F00;stroke-width:0.5"`, "the second report's are outlined triangles")
	assert.Contains(t, two.String(), "one place: open", "the second report has its own legend")
	assert.NotContains(t, one.String(), "one place")
}

func TestSVGErrors(t *testing.T) {
	assert.ErrorIs(t, SVG(&bytes.Buffer{}), ErrNoReport)
	bad := *reports()[0]
	bad.Backlog = []simulate.Month{{Month: "2026-13"}}
	assert.ErrorContains(t, SVG(&bytes.Buffer{}, &bad), `month "2026-13" is not YYYY-MM`)
	empty := &simulate.Report{Scenario: "empty", Backlog: []simulate.Month{{Month: "2026-01"}}}
	assert.NoError(t, SVG(&bytes.Buffer{}, empty), "a report with no closed case draws an empty lower panel")
}

func TestMonthValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{{"2026-01", 2026, true}, {"2026-07", 2026.5, true}, {"2026-12", 2026 + 11.0/12, true}, {"2026-00", 0, false}, {"2026-1", 0, false}, {"26-01-1", 0, false}, {"", 0, false}} {
		got, err := monthValue(tc.in)
		if !tc.ok {
			assert.Error(t, err, "monthValue(%q)", tc.in)
			continue
		}
		require.NoError(t, err, "monthValue(%q)", tc.in)
		assert.InDelta(t, tc.want, got, 1e-12, "monthValue(%q)", tc.in)
	}
	ticks := monthTicks.Ticks(2026, 2027.9)
	var labels []string
	for _, tk := range ticks {
		labels = append(labels, tk.Label)
	}
	assert.Equal(t, "2026-01,,,2026-04,,,2026-07,,,2026-10,,,2027-01,,,2027-04,,,2027-07,,,2027-10,", strings.Join(labels, ","),
		"23 months: a labelled tick each quarter, a minor one each month")
	labels = labels[:0]
	for _, tk := range monthTicks.Ticks(2026, 2035+11.0/12) {
		labels = append(labels, tk.Label)
	}
	assert.Equal(t, "2026-01,2027-01,2028-01,2029-01,2030-01,2031-01,2032-01,2033-01,2034-01,2035-01", strings.Join(labels, ","),
		"ten years: a labelled tick each January, no minor ones")
}
