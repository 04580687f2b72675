package simulate

import "math/rand/v2"

// Every random draw of a run comes from a stream named by the run's seed,
// a purpose and an index: the arrivals of organisation k, or the fate of
// case i. A stream depends on nothing else, so a case draws the same
// numbers whichever worker simulates it and whatever ran before: output is
// byte-identical for any number of workers. Two scenarios run with the
// same seed give case i the same luck (common random numbers), which makes
// their comparison sharper.

// Stream purposes.
const (
	streamArrivals uint64 = 1
	streamCase     uint64 = 2
)

// mix is SplitMix64's finaliser: a bijection on 64 bits that spreads every
// input bit over the output.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// streamSeed returns the two PCG seeds of stream (purpose, index) of seed.
func streamSeed(seed, purpose, index uint64) (uint64, uint64) {
	a := mix(mix(seed^mix(purpose)) ^ index)
	return a, mix(a ^ 0xda3e39cb94b95bdb)
}

// rng is a reusable generator: reseeding its PCG starts another stream
// without allocating.
type rng struct {
	pcg  rand.PCG
	rand *rand.Rand
}

func newRNG() *rng {
	g := &rng{}
	g.rand = rand.New(&g.pcg)
	return g
}

// reset positions g at the start of stream (purpose, index) of seed.
func (g *rng) reset(seed, purpose, index uint64) *rand.Rand {
	g.pcg.Seed(streamSeed(seed, purpose, index))
	return g.rand
}
