package simulate

import (
	"github.com/hifazat/hifazat/internal/enum"
	"math"
	"math/rand/v2"
)

// Dist names a family of delay distributions. Values are persisted in
// scenario files by name; never reorder them. The zero Dist is no
// distribution and is not valid.
type Dist uint8

// The distributions.
const (
	_ Dist = iota
	// Fixed always gives Days.
	Fixed
	// Uniform gives a day in [Min, Max], every real number alike.
	Uniform
	// Exponential gives Min plus an exponential number of days with mean
	// Mean: memoryless waiting, many short and a few long.
	Exponential
	// Lognormal gives Min plus a lognormal number of days with median
	// Median and shape Sigma (the standard deviation of its logarithm):
	// skewed, with a long tail, as human delays usually are.
	Lognormal

	distEnd
)

var distNames = enum.New[Dist]("simulate", "distribution", "", "fixed", "uniform", "exponential", "lognormal")

// IsValid reports whether d is one of the named distributions.
func (d Dist) IsValid() bool { return distNames.Valid(d) }

// String returns the name, or "%!Dist(N)" for a value that has none.
func (d Dist) String() string { return distNames.String(d) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (d Dist) MarshalText() ([]byte, error) { return distNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (d *Dist) UnmarshalText(b []byte) error { return distNames.Unmarshal(d, b) }

// MaxDelay is the longest delay a step can take, in days: longer draws are
// cut to it.
const MaxDelay = 3650

// Delay is the distribution of the days a step takes. Which fields apply
// depends on Dist; the others must be zero:
//
//	fixed:       days
//	uniform:     min, max (min <= max)
//	exponential: mean (> 0), and min, a shift
//	lognormal:   median (> 0), sigma (>= 0), and min, a shift
//
// A draw is rounded to the nearest whole day and cut to [0, MaxDelay]. In a
// file: {dist: lognormal, median: 20, sigma: 0.5}. The zero Delay is not
// valid.
type Delay struct {
	Dist   Dist    `yaml:"dist" json:"dist"`
	Days   float64 `yaml:"days,omitempty" json:"days,omitempty"`
	Min    float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max    float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Mean   float64 `yaml:"mean,omitempty" json:"mean,omitempty"`
	Median float64 `yaml:"median,omitempty" json:"median,omitempty"`
	Sigma  float64 `yaml:"sigma,omitempty" json:"sigma,omitempty"`
}

// FixedDays returns the delay that always takes n days.
func FixedDays(n float64) Delay { return Delay{Dist: Fixed, Days: n} }

// Expected returns the expected number of days before rounding and
// cutting.
func (d Delay) Expected() float64 {
	switch d.Dist {
	case Fixed:
		return d.Days
	case Uniform:
		return (d.Min + d.Max) / 2
	case Exponential:
		return d.Min + d.Mean
	case Lognormal:
		return d.Min + d.Median*math.Exp(d.Sigma*d.Sigma/2)
	}
	return 0
}

// sample draws a whole number of days from d. It consumes exactly one
// value of r's stream whatever d is, so that the draws of later steps do
// not depend on the distributions of earlier ones (scenarios compared with
// the same seed then see the same luck).
func (d Delay) sample(r *rand.Rand) int {
	u := r.Float64()
	var x float64
	switch d.Dist {
	case Fixed:
		x = d.Days
	case Uniform:
		x = d.Min + u*(d.Max-d.Min)
	case Exponential:
		x = d.Min - d.Mean*math.Log1p(-u)
	case Lognormal:
		x = d.Min + d.Median*math.Exp(d.Sigma*normalQuantile(u))
	}
	return clampDays(x)
}

func clampDays(x float64) int {
	switch {
	case !(x > 0): // also NaN
		return 0
	case x >= MaxDelay:
		return MaxDelay
	}
	return int(math.Round(x))
}

// normalQuantile returns the standard normal quantile of p in (0, 1), with
// Acklam's rational approximation (relative error below 1.2e-9): one
// uniform in, one normal out, so every delay uses one draw.
func normalQuantile(p float64) float64 {
	const plow, phigh = 0.02425, 1 - 0.02425
	switch {
	case p <= 0:
		return math.Inf(-1)
	case p < plow:
		q := math.Sqrt(-2 * math.Log(p))
		return (((((acklamC[0]*q+acklamC[1])*q+acklamC[2])*q+acklamC[3])*q+acklamC[4])*q + acklamC[5]) /
			((((acklamD[0]*q+acklamD[1])*q+acklamD[2])*q+acklamD[3])*q + 1)
	case p <= phigh:
		q := p - 0.5
		r := q * q
		return (((((acklamA[0]*r+acklamA[1])*r+acklamA[2])*r+acklamA[3])*r+acklamA[4])*r + acklamA[5]) * q /
			(((((acklamB[0]*r+acklamB[1])*r+acklamB[2])*r+acklamB[3])*r+acklamB[4])*r + 1)
	case p < 1:
		return -normalQuantile(1 - p)
	}
	return math.Inf(1)
}

var (
	acklamA = [6]float64{-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00}
	acklamB = [5]float64{-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771082e+01, -1.328068155288572e+01}
	acklamC = [6]float64{-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00}
	acklamD = [4]float64{7.784695709041462e-03, 3.224671290700398e-01, 2.445134137641598e+00, 3.754408661907416e+00}
)
