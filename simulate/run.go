package simulate

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// DefaultCases is the number of cases a run simulates when RunOptions
// gives none.
const DefaultCases = 10000

// MaxCases is the most cases one run simulates.
const MaxCases = 100_000_000

// RunOptions configure one run. The zero RunOptions means DefaultCases
// cases, seed 0, one worker per CPU and no progress reports.
type RunOptions struct {
	// Cases is how many cases to simulate (0: DefaultCases).
	Cases int
	// Seed chooses the random streams; the same scenario, cases and seed
	// give the same report, byte for byte.
	Seed uint64
	// Workers is how many goroutines simulate organisations in parallel
	// (0: runtime.GOMAXPROCS). It changes the speed, never the report.
	Workers int
	// Progress, if set, is called now and then with the cases simulated
	// so far and the total, from the goroutine that called Run (never
	// concurrently).
	Progress func(done, total int)

	// observe, if set, sees every case when it ends: a white-box hook for
	// tests, called from the workers concurrently. The case is reset for the
	// next one after the call: keep a copy (c.File()), not c.
	observe func(c *casefsm.Case, end End)
	// trace, if set, is given every case's fingerprint, from the workers
	// concurrently (Vary compares them case by case).
	trace func(fingerprint)
}

// Run simulates the scenario and returns the report. It validates the
// scenario first (the error is then a [*ScenarioError]); a run stopped by
// ctx returns ctx's error; an internal fault of the rules on a simulated
// case matches [ErrSimulation].
//
// Memory does not grow with the number of cases: each worker holds one
// organisation's cases at a time and fixed-size aggregates.
func (s *Simulator) Run(ctx context.Context, sc Scenario, o RunOptions) (*Report, error) {
	w, err := s.prepare(sc)
	if err != nil {
		return nil, err
	}
	n := cmp.Or(o.Cases, DefaultCases)
	if n < 0 || n > MaxCases {
		return nil, fmt.Errorf("simulate: %d cases (want 1 to %d)", n, MaxCases)
	}
	workers := cmp.Or(o.Workers, runtime.GOMAXPROCS(0))
	if workers < 0 {
		return nil, fmt.Errorf("simulate: %d workers (want 0 or more)", workers)
	}
	acc, err := w.run(ctx, n, o, workers)
	if err != nil {
		return nil, err
	}
	return w.report(acc, o.Seed), nil
}

// job is one organisation to simulate: its arrival stream and how many of
// its arrivals are cases of the run, from index offset on.
type job struct {
	org    uint64
	offset uint64
	n      int
}

// run spreads the organisations over the workers and merges their
// aggregates.
func (w *world) run(ctx context.Context, n int, o RunOptions, workers int) (*accumulator, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan job, 4*workers)
	done := make(chan int, 4*workers)
	go w.produce(ctx, n, o.Seed, jobs)
	accs := make([]*accumulator, workers)
	var wg sync.WaitGroup
	for i := range accs {
		k := newWorker(w, o.Seed)
		k.observe, k.trace = o.observe, o.trace
		accs[i] = k.acc
		wg.Go(func() {
			for j := range jobs {
				if ctx.Err() != nil {
					continue // drain, so that the producer finishes
				}
				if err := k.org(j); err != nil {
					cancel(err)
					continue
				}
				done <- j.n
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	total := 0
	for d := range done {
		total += d
		if o.Progress != nil {
			o.Progress(total, n)
		}
	}
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	for _, a := range accs[1:] {
		accs[0].merge(a)
	}
	return accs[0], nil
}

// produce sends the organisations in order, each with the number of its
// arrivals (counting them draws the same stream the worker redraws), until
// n cases are given out.
func (w *world) produce(ctx context.Context, n int, seed uint64, jobs chan<- job) {
	defer close(jobs)
	g := newRNG()
	var buf []civil.Date
	offset := 0
	for org := uint64(0); offset < n; org++ {
		buf = w.arrivals(g.reset(seed, streamArrivals, org), buf[:0], n-offset)
		if len(buf) == 0 {
			continue
		}
		select {
		case jobs <- job{org: org, offset: uint64(offset), n: len(buf)}:
		case <-ctx.Done():
			return
		}
		offset += len(buf)
	}
}

// worker simulates organisations one at a time, into its own aggregates.
type worker struct {
	w       *world
	seed    uint64
	g       *rng
	acc     *accumulator
	q       places
	dates   []civil.Date
	plans   []plan
	order   []int
	censure []casefsm.Penalty
	observe func(*casefsm.Case, End)
	// c is the case being driven, reset for each case (Engine.Reset).
	c *casefsm.Case
	// trace, if set, is given each case's fingerprint (see Vary).
	trace func(fingerprint)
}

func newWorker(w *world, seed uint64) *worker {
	return &worker{w: w, seed: seed, g: newRNG(), acc: newAccumulator(w), censure: []casefsm.Penalty{{Code: policy.Censure}}, c: new(casefsm.Case)}
}

// org simulates one organisation: its arrivals, each case's plan, then
// the cases in the order their complaints reach the committee (first come,
// first served).
func (k *worker) org(j job) error {
	w := k.w
	k.dates = w.arrivals(k.g.reset(k.seed, streamArrivals, j.org), k.dates[:0], j.n)
	k.plans = slices.Grow(k.plans[:0], len(k.dates))[:len(k.dates)]
	k.order = k.order[:0]
	for i, a := range k.dates {
		p := &k.plans[i]
		*p = plan{index: j.offset + uint64(i), arrival: a}
		w.draw(p, k.g.reset(k.seed, streamCase, p.index))
		k.order = append(k.order, i)
	}
	slices.SortStableFunc(k.order, func(a, b int) int { return k.plans[a].filed.Compare(k.plans[b].filed) })
	k.q.reset(min(w.sc.Committee.Capacity, len(k.plans)))
	for _, i := range k.order {
		if err := k.simulate(&k.plans[i]); err != nil {
			return err
		}
	}
	k.acc.orgs++
	return nil
}

// simulate drives one case and records it.
func (k *worker) simulate(p *plan) error {
	w := k.w
	c := k.c
	err := w.eng.Reset(c, casefsm.Header{
		Policy:       w.pol.ID(),
		Jurisdiction: w.pol.Jurisdiction(),
		Calendar:     w.sc.Calendar,
		IncidentOn:   p.arrival.AddDays(-int(p.d[stepIncident])),
		Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: p.rel},
			Accused:     casefsm.Party{Relationship: policy.Employee},
		},
	})
	if err != nil {
		return fmt.Errorf("%w: case %d: %w", ErrSimulation, p.index, err)
	}
	cr := caseRun{k: k, p: p, c: c, w: w, acc: k.acc}
	end := cr.drive()
	if cr.err != nil {
		return cr.err
	}
	breaches := k.record(&cr, end)
	if k.observe != nil {
		k.observe(c, end)
	}
	if k.trace != nil {
		k.trace(fingerprint{index: p.index, end: end, seen: cr.seen, breaches: int32(breaches), decided: cr.decidedDays()})
	}
	return nil
}

// record adds a finished case to the aggregates and returns its number
// of breaches.
func (k *worker) record(cr *caseRun, end End) int {
	w, a, p := k.w, k.acc, cr.p
	a.cases++
	a.ends[end]++
	a.arrivals[w.month(p.arrival)]++
	var endOn civil.Date
	switch end {
	case EndClosed, EndWithdrawn, EndInformallyResolved:
		endOn = cr.last
		a.closure.add(endOn.Sub(p.arrival))
	case EndRefused:
		endOn = cr.refusedOn
	}
	w.interval(a.open, p.arrival, endOn)
	if cr.c.Route() == casefsm.NoRoute {
		return 0
	}
	asOf := endOn
	if !asOf.IsValid() {
		asOf = w.end.AddDays(-1)
	}
	st := cr.c.Status(asOf)
	a.status(&st)
	return len(st.Breaches)
}
