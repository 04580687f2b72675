package simulate

import (
	"context"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benchCases is how many cases one iteration of BenchmarkSimulate runs.
const benchCases = 20000

// BenchmarkSimulate measures whole runs of the default scenario: arrivals,
// plans, every case driven through casefsm, its final status, and the
// aggregates. cases/s is the throughput.
func BenchmarkSimulate(b *testing.B) {
	sc := DefaultScenario()
	sim := testSim()
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("workers="+strconv.Itoa(workers), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				if _, err := sim.Run(context.Background(), sc, RunOptions{Cases: benchCases, Seed: 1, Workers: workers}); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n*benchCases)/b.Elapsed().Seconds(), "cases/s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*benchCases), "ns/case")
		})
	}
}

// sequences returns the cases a run of the default scenario generated, as
// case files: their header and the events casefsm accepted.
var sequences = sync.OnceValue(func() []*casefsm.CaseFile {
	var mu sync.Mutex
	var files []*casefsm.CaseFile
	o := RunOptions{Cases: 5000, Seed: 1, Workers: 1, observe: func(c *casefsm.Case, _ End) {
		mu.Lock()
		files = append(files, c.File())
		mu.Unlock()
	}}
	if _, err := testSim().Run(context.Background(), DefaultScenario(), o); err != nil {
		panic(err)
	}
	return files
})

// BenchmarkReplay replays the simulated event sequences: through casefsm
// as the simulation does (a new case, every event applied, the final
// status), through casefsm without the status, and through the baseline
// switch with plain date addition. ns/case against the baseline's is the
// cost of the real rules.
func BenchmarkReplay(b *testing.B) {
	files := sequences()
	eng := testSim().eng
	replay := func(b *testing.B, status bool) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, f := range files {
				c, err := eng.NewCase(f.Header)
				if err != nil {
					b.Fatal(err)
				}
				for _, ev := range f.Events {
					if err := c.Apply(ev); err != nil {
						b.Fatal(err)
					}
				}
				if status && c.Route() != casefsm.NoRoute {
					_ = c.Status(c.Events()[len(f.Events)-1].On)
				}
			}
			n++
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*len(files)), "ns/case")
	}
	b.Run("casefsm+status", func(b *testing.B) { replay(b, true) })
	b.Run("casefsm", func(b *testing.B) { replay(b, false) })
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		var t baseTally
		for b.Loop() {
			for _, f := range files {
				if !baselineReplay(f.Events, &t) {
					b.Fatal("the baseline refused a simulated sequence")
				}
			}
			n++
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*len(files)), "ns/case")
	})
}

// TestBaselineAgrees checks the yardstick: on every simulated sequence the
// baseline switch reaches the state casefsm reaches.
func TestBaselineAgrees(t *testing.T) {
	files := sequences()
	require.NotEmpty(t, files)
	eng := testSim().eng
	for i, f := range files {
		c, err := eng.Open(f)
		require.NoError(t, err)
		var tally baseTally
		require.True(t, baselineReplay(f.Events, &tally), "baseline refused sequence %d: %v", i, f.Events)
		assert.Equal(t, int64(1), tally.states[c.State()], "sequence %d ends in %s under casefsm", i, c.State())
	}
}
