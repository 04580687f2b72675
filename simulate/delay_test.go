package simulate

import (
	"github.com/hifazat/hifazat/internal/enum/enumtest"
	"math"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDistText(t *testing.T) {
	for d := Fixed; d < distEnd; d++ {
		b, err := d.MarshalText()
		require.NoError(t, err, "%d.MarshalText()", d)
		var back Dist
		require.NoError(t, back.UnmarshalText(b), "UnmarshalText(%s)", b)
		assert.Equal(t, d, back, "round trip of %s", b)
		assert.Equal(t, string(b), d.String())
	}
	for _, bad := range []Dist{0, distEnd, 200} {
		assert.Equal(t, "%!Dist("+itoa(int(bad))+")", bad.String(), "String of %d", bad)
		_, err := bad.MarshalText()
		assert.Error(t, err, "MarshalText of %d", bad)
	}
	var d Dist
	assert.ErrorContains(t, d.UnmarshalText([]byte("Fixed")), `unknown distribution "Fixed"`)
}

func itoa(n int) string { return formatValue(float64(n)) }

func TestEndText(t *testing.T) {
	enumtest.Check(t, []string{"closed", "withdrawn", "informally_resolved", "refused", "stalled", "open"},
		[]End{EndClosed, EndWithdrawn, EndInformallyResolved, EndRefused, EndStalled, EndOpen})
	enumtest.Check(t, []string{"fixed", "uniform", "exponential", "lognormal"}, []Dist{Fixed, Uniform, Exponential, Lognormal})
	assert.Equal(t, "%!End(9)", End(9).String())
	_, err := End(9).MarshalText()
	assert.Error(t, err)
	var e End
	assert.ErrorContains(t, e.UnmarshalText([]byte("Closed")), `unknown end "Closed"`)
}

// samples draws n days from d on stream 7 of seed 1.
func samples(d Delay, n int) []int {
	g := newRNG()
	r := g.reset(1, 99, 7)
	out := make([]int, n)
	for i := range out {
		out[i] = d.sample(r)
	}
	return out
}

func mean(xs []int) float64 {
	s := 0
	for _, x := range xs {
		s += x
	}
	return float64(s) / float64(len(xs))
}

func TestDelaySample(t *testing.T) {
	const n = 20000
	for _, tc := range []struct {
		name     string
		d        Delay
		lo, hi   int     // every draw in [lo, hi]
		mean     float64 // expected mean of the rounded draws
		tol      float64
		median   int
		medianOK bool
	}{
		{"fixed", FixedDays(4), 4, 4, 4, 0, 4, true},
		{"fixed rounds half away", FixedDays(2.5), 3, 3, 3, 0, 3, true},
		{"fixed zero", FixedDays(0), 0, 0, 0, 0, 0, true},
		{"uniform", Delay{Dist: Uniform, Min: 2, Max: 6}, 2, 6, 4, 0.05, 4, true},
		{"exponential", Delay{Dist: Exponential, Mean: 10}, 0, MaxDelay, 10, 0.3, 7, true},
		{"shifted exponential", Delay{Dist: Exponential, Mean: 5, Min: 3}, 3, MaxDelay, 8, 0.2, 0, false},
		{"lognormal", Delay{Dist: Lognormal, Median: 20, Sigma: 0.5}, 1, MaxDelay, 20 * math.Exp(0.125), 0.3, 20, true},
		{"degenerate lognormal", Delay{Dist: Lognormal, Median: 9, Sigma: 0}, 9, 9, 9, 0, 9, true},
		{"cut at the maximum", FixedDays(MaxDelay), MaxDelay, MaxDelay, MaxDelay, 0, MaxDelay, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xs := samples(tc.d, n)
			assert.GreaterOrEqual(t, slices.Min(xs), tc.lo, "min of %+v", tc.d)
			assert.LessOrEqual(t, slices.Max(xs), tc.hi, "max of %+v", tc.d)
			assert.InDelta(t, tc.mean, mean(xs), tc.tol+1e-9, "mean of %+v", tc.d)
			assert.InDelta(t, tc.d.Expected(), mean(xs), tc.tol+0.5, "Expected() of %+v against the draws", tc.d)
			if tc.medianOK {
				slices.Sort(xs)
				assert.InDelta(t, tc.median, xs[n/2], 1, "median of %+v", tc.d)
			}
		})
	}
}

// TestDelayOneDraw checks that a delay consumes one value of the stream
// whatever its distribution, so that later steps see the same luck.
func TestDelayOneDraw(t *testing.T) {
	for _, d := range []Delay{FixedDays(1), {Dist: Uniform, Max: 3}, {Dist: Exponential, Mean: 2}, {Dist: Lognormal, Median: 2, Sigma: 1}} {
		g := newRNG()
		r := g.reset(5, 5, 5)
		d.sample(r)
		next := r.Uint64()
		r = g.reset(5, 5, 5)
		r.Float64()
		assert.Equal(t, r.Uint64(), next, "%s consumes exactly one draw", d.Dist)
	}
}

func TestNormalQuantile(t *testing.T) {
	for _, tc := range []struct{ p, z float64 }{
		{0.5, 0}, {0.975, 1.959963985}, {0.025, -1.959963985}, {0.8413447461, 1}, {0.001, -3.090232306}, {0.999, 3.090232306}, {1e-10, -6.361340902},
	} {
		assert.InDelta(t, tc.z, normalQuantile(tc.p), 1e-7, "normalQuantile(%g)", tc.p)
	}
	assert.True(t, math.IsInf(normalQuantile(0), -1))
	assert.True(t, math.IsInf(normalQuantile(1), 1))
	assert.Equal(t, 0, clampDays(math.NaN()), "NaN days are 0")
	assert.Equal(t, MaxDelay, clampDays(math.Inf(1)))
}

func TestHistogramQuantile(t *testing.T) {
	h := newHistogram(10)
	for _, d := range []int{1, 2, 2, 3, 9, 50} {
		h.add(d)
	}
	assert.Equal(t, 2, h.quantile(0.5), "median of 1 2 2 3 9 10+")
	assert.Equal(t, 1, h.quantile(0), "lowest")
	assert.Equal(t, 10, h.quantile(1), "a value past the last bucket counts in it")
	assert.Equal(t, Stat{Name: "x", Cases: 6, MeanDays: 11.17, P50: 2, P90: 10, P99: 10, Max: 10}, h.stat("x"))
	var empty histogram
	assert.Equal(t, 0, empty.quantile(0.5))
}

func TestPlaces(t *testing.T) {
	d := func(day int) civil.Date { return civil.MustOf(2026, 1, 1).AddDays(day) }
	var q places
	q.reset(2)
	assert.Equal(t, d(1), q.next(d(1)), "two free places")
	q.hold(d(10))
	assert.Equal(t, d(2), q.next(d(2)), "one free place left")
	q.hold(d(5))
	assert.Equal(t, d(5), q.next(d(3)), "full: the first place frees on day 5")
	q.hold(d(20))
	assert.Equal(t, d(10), q.next(d(6)), "then the one freeing on day 10")
	q.hold(d(12))
	assert.Equal(t, d(12), q.next(d(11)))
	assert.Equal(t, d(30), q.next(d(30)), "a complaint after every place frees waits for none")
}
