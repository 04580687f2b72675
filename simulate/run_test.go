package simulate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func run(t *testing.T, sc Scenario, o RunOptions) *Report {
	t.Helper()
	r, err := testSim().Run(context.Background(), sc, o)
	require.NoError(t, err, "Run(%s, %+v)", sc.Name, o)
	return r
}

func jsonOf(t *testing.T, r *Report) []byte {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return b
}

// TestDeterministicAcrossWorkers: the same scenario, cases and seed give
// the same JSON, byte for byte, whatever the number of workers.
func TestDeterministicAcrossWorkers(t *testing.T) {
	for _, sc := range []Scenario{DefaultScenario(), mustLoad(t, "testdata/university.yaml")} {
		want := jsonOf(t, run(t, sc, RunOptions{Cases: 2000, Seed: 42, Workers: 1}))
		for _, w := range []int{2, 8} {
			got := jsonOf(t, run(t, sc, RunOptions{Cases: 2000, Seed: 42, Workers: w}))
			assert.True(t, bytes.Equal(want, got), "%s: JSON with %d workers differs from 1 worker", sc.Name, w)
		}
		other := jsonOf(t, run(t, sc, RunOptions{Cases: 2000, Seed: 43, Workers: 2}))
		assert.False(t, bytes.Equal(want, other), "%s: another seed gives another report", sc.Name)
	}
}

// TestEveryDeadlineAccounted: every period a case started ends in
// exactly one status, so the columns of each rule add up to Started; an
// appeal window nobody used is lapsed (interpretation 7), not lost.
func TestEveryDeadlineAccounted(t *testing.T) {
	r := run(t, DefaultScenario(), RunOptions{Cases: 1000, Seed: 7, Workers: 2})
	lapsed := int64(0)
	for _, d := range r.Deadlines {
		assert.Equal(t, d.Started, d.Met+d.Late+d.Overdue+d.Pending+d.Paused+d.Lapsed, "%s: %+v", d.Rule, d)
		if d.Kind != policy.Filing {
			assert.Zero(t, d.Lapsed, "%s: only a party's filing lapses", d.Rule)
		}
		lapsed += d.Lapsed
	}
	assert.Positive(t, lapsed, "unused appeal windows lapse")
}

// onTime is a world in which every step takes a fixed number of days,
// within every period: complaints to the committee only, all guilty,
// nobody appeals, withdraws or waits for a place.
func onTime() Scenario {
	sc := DefaultScenario()
	sc.Name = "on time"
	sc.Complainants = map[policy.Relationship]float64{policy.Employee: 1}
	sc.Routes = Routes{Committee: 1}
	sc.Outcomes = Outcomes{Guilty: 1}
	sc.Committee.Capacity = 1000
	sc.Delays = Delays{
		Incident: FixedDays(5), Informal: FixedDays(10), Charges: FixedDays(2), Defence: FixedDays(5),
		ExParte: FixedDays(1), Sitting: FixedDays(3), Findings: FixedDays(20), Decision: FixedDays(3),
		Communication: FixedDays(1), Appeal: FixedDays(10), AppealDecision: FixedDays(20),
		ShowCause: FixedDays(2), OmbudspersonDefence: FixedDays(3), OmbudspersonDecision: FixedDays(30),
		Representation: FixedDays(10), RepresentationDecision: FixedDays(30), Withdrawal: FixedDays(5),
		Implementation: FixedDays(5),
	}
	return sc
}

func stage(t *testing.T, r *Report, name string) Stat {
	t.Helper()
	for _, s := range r.Stages {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no stage %s in the report", name)
	return Stat{}
}

func rule(r *Report, id policy.RuleID) RuleStat {
	for _, d := range r.Deadlines {
		if d.Rule == id {
			return d
		}
	}
	return RuleStat{Rule: id}
}

func end(r *Report, e End) int64 { return r.Ends[e].Cases }

// TestClosedFormOnTime checks the aggregates against what fixed delays
// imply exactly.
func TestClosedFormOnTime(t *testing.T) {
	const n = 2000
	r := run(t, onTime(), RunOptions{Cases: n, Seed: 1})
	require.Equal(t, int64(n), r.Cases)
	assert.Equal(t, int64(n), end(r, EndClosed), "every case closes within the follow-up")
	for _, tc := range []struct {
		state string
		day   int
	}{
		{"complaint_received", 0}, {"charges_communicated", 2}, {"defence_closed", 7}, {"inquiry", 10},
		{"findings_submitted", 30}, {"decided", 33}, {"decision_communicated", 34},
	} {
		s := stage(t, r, tc.state)
		assert.Equal(t, Stat{Name: tc.state, Cases: n, MeanDays: float64(tc.day), P50: tc.day, P90: tc.day, P99: tc.day, Max: tc.day}, s, "stage %s", tc.state)
	}
	for _, id := range []policy.RuleID{policy.RuleCharges, policy.RuleDefence, policy.RuleFindings, policy.RulePenalty} {
		d := rule(r, id)
		assert.Equal(t, int64(n), d.Started, "%s started", id)
		assert.Equal(t, int64(n), d.Met, "%s met", id)
		assert.Zero(t, d.Breaches, "%s breaches", id)
		assert.Zero(t, d.BreachRate, "%s breach rate", id)
	}
	assert.Equal(t, Stat{Name: "queue_wait", Cases: n}, r.QueueWait, "nobody waits for a place")
	assert.Equal(t, []int64{0, 0, n}, []int64{r.Findings[1].Cases, r.Findings[2].Cases, r.Findings[0].Cases})
	assert.Empty(t, r.Refusals)
	assert.Zero(t, r.Appeals.Filed)
	// Closure: finality the day after the appeal windows close (30 days
	// from the communication on day 34, rolled to an open day of the
	// Ombudsperson), then 5 days to implementation.
	assert.GreaterOrEqual(t, r.Closure.P50, 34+30+1+5)
	assert.LessOrEqual(t, r.Closure.Max, 34+30+6+1+5, "a roll-forward never passes the longest closure of the Ombudsperson's office")
}

func TestClosedFormAlwaysLate(t *testing.T) {
	const n = 1000
	sc := onTime()
	sc.Delays.Charges = FixedDays(4)   // s.4(1)(a) gives 3 days, never moved
	sc.Delays.Findings = FixedDays(31) // s.4(4) gives 30
	r := run(t, sc, RunOptions{Cases: n, Seed: 2})
	for _, id := range []policy.RuleID{policy.RuleCharges, policy.RuleFindings} {
		d := rule(r, id)
		assert.Equal(t, RuleStat{Rule: id, Kind: policy.Duty, Started: n, Late: n, Breaches: n, BreachRate: 1, EstimatedHolidays: d.EstimatedHolidays}, d, "rule %s", id)
	}
	assert.Zero(t, rule(r, policy.RulePenalty).Breaches)
}

func TestLateAppealsTimeBarred(t *testing.T) {
	const n = 800
	sc := onTime()
	sc.Outcomes.Appeal = 1
	sc.Delays.Appeal = FixedDays(45) // s.6(1) gives 30 days
	r := run(t, sc, RunOptions{Cases: n, Seed: 3})
	assert.Equal(t, Filings{Filed: n, Refused: n}, r.Appeals, "every appeal is filed and refused")
	assert.Equal(t, []Refusals{{Event: casefsm.FileAppeal, Code: casefsm.TimeBarred, Count: n}}, r.Refusals)
	assert.Equal(t, int64(n), end(r, EndClosed), "the case goes on to finality")

	sc.Delays.Appeal = FixedDays(20)
	r = run(t, sc, RunOptions{Cases: n, Seed: 3})
	assert.Equal(t, Filings{Filed: n, Accepted: n, Decided: n}, r.Appeals, "appeals in time are heard")
	assert.Empty(t, r.Refusals)
	assert.Equal(t, int64(n), rule(r, policy.RuleAppealDecision).Met, "20 days to decide an appeal is within s.6(3)'s 30")
}

// TestCoverageByIncidentDate: under the Act as enacted, a student may not
// complain (s.2(f) of 2010); under the 2022 amendment she may.
func TestCoverageByIncidentDate(t *testing.T) {
	const n = 500
	old, now := mustLoad(t, "testdata/federal-2010.yaml"), mustLoad(t, "testdata/federal-2022.yaml")
	for _, sc := range []*Scenario{&old, &now} {
		sc.Complainants = map[policy.Relationship]float64{policy.Student: 1}
		sc.Routes = Routes{Committee: 0.5, Ombudsperson: 0.5}
	}
	r := run(t, old, RunOptions{Cases: n})
	assert.Equal(t, int64(n), end(r, EndRefused))
	assert.Equal(t, int64(n), countRefusals(r, casefsm.IneligibleComplainant))
	assert.Empty(t, r.Deadlines, "no case, no deadline")
	assert.Equal(t, int64(0), r.Backlog[len(r.Backlog)-1].Open)

	r = run(t, now, RunOptions{Cases: n})
	assert.Zero(t, end(r, EndRefused))
	assert.Zero(t, countRefusals(r, casefsm.IneligibleComplainant))
}

func countRefusals(r *Report, code casefsm.Code) int64 {
	n := int64(0)
	for _, x := range r.Refusals {
		if x.Code == code {
			n += x.Count
		}
	}
	return n
}

func TestNotesOutsideValidity(t *testing.T) {
	sc := DefaultScenario()
	sc.Policy = policy.FederalAct2010
	r := run(t, sc, RunOptions{Cases: 100})
	require.Len(t, r.Notes, 2)
	assert.Equal(t, InventedNotice(r.Invented), r.Notes[0])
	assert.Contains(t, r.Notes[1], "pk-federal-2010's dates (2010-03-09..2022-01-21)")
}

// TestInventedNotice: the default scenario's report says all its numbers
// are invented; a scenario that replaces some sections names only the
// others; one that replaces all has no notice.
func TestInventedNotice(t *testing.T) {
	all := []string{"arrivals", "complainants", "routes", "outcomes", "delays", "committee"}
	r := run(t, DefaultScenario(), RunOptions{Cases: 100})
	assert.Equal(t, all, r.Invented)
	assert.Equal(t, []string{InventedNotice(all)}, r.Notes)
	assert.Contains(t, r.Notes[0], "invented to be plausible, not measured")

	sc := DefaultScenario()
	sc.Delays.Findings = FixedDays(20)
	sc.Committee.Capacity++
	assert.Equal(t, []string{"arrivals", "complainants", "routes", "outcomes"}, run(t, sc, RunOptions{Cases: 100}).Invented)

	sc = busy()
	sc.Arrivals.PerMonth += 0.5
	sc.Complainants = map[policy.Relationship]float64{policy.Employee: 1}
	sc.Routes.Informal, sc.Routes.Committee = sc.Routes.Informal+0.05, sc.Routes.Committee-0.05
	sc.Outcomes.Appeal = 0.5
	sc.Delays.Charges = FixedDays(2)
	sc.Committee.Capacity++
	r = run(t, sc, RunOptions{Cases: 100})
	assert.Empty(t, r.Invented)
	assert.Empty(t, r.Notes)
}

// TestQueues: a committee with one place makes complaints wait, and the
// charges of s.4(1)(a), counted from receipt, come late.
func TestQueues(t *testing.T) {
	sc := onTime()
	sc.Arrivals.PerMonth = 4 // each case holds the place for 28 days
	wide := run(t, sc, RunOptions{Cases: 2000, Seed: 5})
	sc.Committee.Capacity = 1
	narrow := run(t, sc, RunOptions{Cases: 2000, Seed: 5})
	assert.Zero(t, wide.QueueWait.Max)
	assert.Zero(t, rule(wide, policy.RuleCharges).Breaches)
	assert.Positive(t, narrow.QueueWait.P90, "complaints wait for the single place")
	assert.Positive(t, rule(narrow, policy.RuleCharges).BreachRate)
	peakQueued := int64(0)
	for _, m := range narrow.Backlog {
		peakQueued = max(peakQueued, m.Queued)
	}
	assert.Positive(t, peakQueued)
	assert.Equal(t, wide.Organisations, narrow.Organisations, "the same arrivals")
}

// TestCensoredAtTheEnd: cases still open at the end of observation are
// reported open, and so is the last month's backlog.
func TestCensoredAtTheEnd(t *testing.T) {
	sc := onTime()
	sc.Period.FollowMonths = 0
	sc.Delays.Findings = FixedDays(25)
	r := run(t, sc, RunOptions{Cases: 1500, Seed: 6})
	open := end(r, EndOpen)
	assert.Positive(t, open)
	assert.Equal(t, open, r.Backlog[len(r.Backlog)-1].Open)
	assert.Equal(t, r.Cases, end(r, EndClosed)+open)
	assert.Positive(t, rule(r, policy.RuleFindings).Pending+rule(r, policy.RuleAppealPenalised).Pending, "periods running at the end are pending")
}

// quick is a world in which every matter is resolved informally: two acts
// a case, for tests about arrivals.
func quick() Scenario {
	sc := DefaultScenario()
	sc.Name = "quick"
	sc.Routes = Routes{Informal: 1}
	sc.Outcomes.InformalResolution = 1
	return sc
}

func TestArrivals(t *testing.T) {
	sc := quick()
	sc.Arrivals = Arrivals{PerMonth: 10, Seasonality: []float64{4, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}}
	r := run(t, sc, RunOptions{Cases: 24000, Seed: 7})
	assert.Zero(t, r.Backlog[1].Arrivals, "no arrivals in a month with factor 0")
	// The factors are scaled to a mean of 1 (they sum to 24, so each is
	// halved): January expects 20 arrivals per organisation, June 10.
	perOrg := float64(r.Backlog[0].Arrivals) / float64(r.Organisations)
	assert.InDelta(t, 20, perOrg, 0.5, "January's arrivals per organisation")
	perOrg = float64(r.Backlog[5].Arrivals) / float64(r.Organisations)
	assert.InDelta(t, 10, perOrg, 0.4, "June's")
	for _, m := range r.Backlog[12:] {
		assert.Zero(t, m.Arrivals, "no arrivals after the window (%s)", m.Month)
	}
}

// TestReplay: the events of simulated cases, written as case files,
// replay through casefsm without a refusal to the same state.
func TestReplay(t *testing.T) {
	for _, sc := range []Scenario{DefaultScenario(), mustLoad(t, "testdata/university.yaml"), busy()} {
		t.Run(sc.Name, func(t *testing.T) {
			var mu sync.Mutex
			var files []*casefsm.CaseFile
			var states []casefsm.State
			o := RunOptions{Cases: 1000, Seed: 8, observe: func(c *casefsm.Case, _ End) {
				mu.Lock()
				defer mu.Unlock()
				files = append(files, c.File())
				states = append(states, c.State())
			}}
			run(t, sc, o)
			require.Len(t, files, 1000)
			w, err := testSim().prepare(sc)
			require.NoError(t, err)
			for i, f := range files {
				var buf bytes.Buffer
				require.NoError(t, f.Encode(&buf))
				decoded, err := casefsm.Decode(&buf)
				require.NoError(t, err, "Decode of case %d: %s", i, buf.String())
				c, err := w.eng.Open(decoded)
				require.NoError(t, err, "replay of case %d", i)
				assert.Equal(t, states[i], c.State(), "state after replaying case %d", i)
			}
		})
	}
}

// busy is the default world with many withdrawals, appeals and
// representations, late ones among them.
func busy() Scenario {
	sc := DefaultScenario()
	sc.Name = "busy"
	sc.Outcomes = Outcomes{InformalResolution: 0.3, Guilty: 0.4, NotGuilty: 0.4, FalseAndMalaFide: 0.2, Appeal: 0.9, Representation: 0.9, Withdrawal: 0.3}
	sc.Delays.Appeal = Delay{Dist: Uniform, Min: 10, Max: 45}
	sc.Delays.Representation = Delay{Dist: Uniform, Min: 10, Max: 45}
	return sc
}

// TestOnlyTheRulesRefuse: the simulated people never try what the law
// does not let them do yet (no too_early, not_allowed or invalid_event),
// and no case stalls; the refusals are the law's (time_barred,
// ineligible_complainant).
func TestOnlyTheRulesRefuse(t *testing.T) {
	var r *Report
	for _, sc := range []Scenario{DefaultScenario(), mustLoad(t, "testdata/federal-2010.yaml"), busy()} {
		r = run(t, sc, RunOptions{Cases: 3000, Seed: 9})
		assert.Zero(t, end(r, EndStalled), "%s: stalled cases", sc.Name)
		for _, x := range r.Refusals {
			assert.Contains(t, []casefsm.Code{casefsm.TimeBarred, casefsm.IneligibleComplainant}, x.Code, "%s: %s refused as %s", sc.Name, x.Event, x.Code)
		}
	}
	// r is busy's report.
	assert.Positive(t, r.Appeals.Refused, "late appeals are refused")
	assert.Positive(t, r.Representations.Refused, "late representations are refused")
	assert.Positive(t, end(r, EndWithdrawn))
}

func TestRunOptions(t *testing.T) {
	var calls []int
	o := RunOptions{Cases: 700, Workers: 3, Progress: func(done, total int) {
		assert.Equal(t, 700, total)
		calls = append(calls, done)
	}}
	r := run(t, DefaultScenario(), o)
	assert.Equal(t, int64(700), r.Cases)
	require.NotEmpty(t, calls)
	assert.Equal(t, 700, calls[len(calls)-1], "the last report says all cases are done")
	assert.IsNonDecreasing(t, calls)

	assert.Equal(t, int64(DefaultCases), run(t, quick(), RunOptions{}).Cases, "zero options: DefaultCases")

	_, err := testSim().Run(context.Background(), DefaultScenario(), RunOptions{Cases: -1})
	assert.ErrorContains(t, err, "-1 cases")
	_, err = testSim().Run(context.Background(), DefaultScenario(), RunOptions{Workers: -2})
	assert.ErrorContains(t, err, "-2 workers")
	_, err = testSim().Run(context.Background(), Scenario{}, RunOptions{})
	assert.ErrorIs(t, err, ErrInvalidScenario)
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := testSim().Run(ctx, DefaultScenario(), RunOptions{Cases: 100000})
	assert.True(t, errors.Is(err, context.Canceled), "Run on a cancelled context: %v", err)
}

// TestMonthsBetween checks the backlog's month count at month ends.
func TestMonthsBetween(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		n    int
	}{
		{"2026-01-01", "2027-01-01", 12}, {"2026-01-15", "2027-01-15", 13}, {"2026-01-31", "2026-02-28", 2}, {"2026-03-01", "2026-03-02", 1},
	} {
		assert.Equal(t, tc.n, monthsBetween(civil.MustParse(tc.a), civil.MustParse(tc.b)), "monthsBetween(%s, %s)", tc.a, tc.b)
	}
}

// TestEstimatedHolidays: the holiday table's 2023-2024 dates are all
// fixed or notified, while its 2026 lunar holidays are estimates
// (interpretation 8), so only the later period has deadlines touching one.
func TestEstimatedHolidays(t *testing.T) {
	sc := onTime()
	r := run(t, sc, RunOptions{Cases: 1000, Seed: 12})
	assert.Positive(t, r.EstimatedHolidayShare, "2026")
	assert.Positive(t, rule(r, policy.RuleFindings).EstimatedHolidays)
	sc.Period.Start = civil.MustOf(2023, 1, 1)
	r = run(t, sc, RunOptions{Cases: 1000, Seed: 12})
	assert.Zero(t, r.EstimatedHolidayShare, "2023-2024")
}
