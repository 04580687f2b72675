package simulate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// testSim is built once for the package's tests: building a Simulator
// parses the calendars and compiles every policy's definition.
var testSim = sync.OnceValue(func() *Simulator {
	s, err := New(Options{})
	if err != nil {
		panic(err)
	}
	return s
})

func TestDefaultScenarioValid(t *testing.T) {
	require.NoError(t, testSim().Validate(DefaultScenario()))
	a, b := DefaultScenario(), DefaultScenario()
	a.Complainants[policy.Student] = 0.9
	assert.InDelta(t, 0.05, b.Complainants[policy.Student], 1e-12, "DefaultScenario returns a fresh map each call")
}

func TestParseStartsFromDefault(t *testing.T) {
	sc, err := testSim().Parse([]byte("arrivals: {per_month: 7}\ndelays:\n  charges: {dist: fixed, days: 1}\n"))
	require.NoError(t, err)
	want := DefaultScenario()
	want.Name = ""
	want.Arrivals = Arrivals{PerMonth: 7}
	want.Delays.Charges = FixedDays(1)
	assert.Equal(t, want, sc, "a section replaces the default's; a delay step replaces that step only")
}

func TestParseSectionReplacedWhole(t *testing.T) {
	sc, err := testSim().Parse([]byte("complainants: {student: 1}\n"))
	require.NoError(t, err)
	assert.Equal(t, map[policy.Relationship]float64{policy.Student: 1}, sc.Complainants)
}

func TestParseJSON(t *testing.T) {
	data, err := os.ReadFile("testdata/scenario.json")
	require.NoError(t, err)
	sc, err := testSim().Parse(data)
	require.NoError(t, err)
	assert.Equal(t, "json", sc.Name)
	assert.Equal(t, Period{Start: civil.MustOf(2026, 1, 1), Months: 6, FollowMonths: 12}, sc.Period)
	assert.Equal(t, FixedDays(31), sc.Delays.Findings)
	assert.Equal(t, 2, sc.Committee.Capacity)
}

func TestLoadOverlayFile(t *testing.T) {
	sc, err := testSim().Load("testdata/university.yaml")
	require.NoError(t, err)
	require.NotNil(t, sc.Overlay, "the overlay file beside the scenario is read")
	assert.Equal(t, policy.ID("example-university-2026"), sc.Overlay.ID)
	assert.Empty(t, sc.Policy, "the overlay names its base, so the default's policy steps aside")
	assert.Len(t, sc.Arrivals.Seasonality, 12)
}

func TestParseOverlayFileNeedsLoad(t *testing.T) {
	_, err := testSim().Parse([]byte("overlay: university-overlay.yaml\n"))
	var se *ScenarioError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "overlay", se.Field)
	assert.Contains(t, se.Reason, "only a scenario read from a file")
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		file, field, reason string
		is                  error
	}{
		{"testdata/missing.yaml", "", "cannot read the scenario", ErrInvalidScenario},
		{"testdata/bad-routes.yaml", "routes", "shares sum to 1.2 (want 1)", ErrInvalidScenario},
		{"testdata/refused-overlay.yaml", "overlay", "defence", policy.ErrOverlayRefused},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			_, err := testSim().Load(tc.file)
			require.ErrorIs(t, err, tc.is, "Load(%s)", tc.file)
			require.ErrorIs(t, err, ErrInvalidScenario, "Load(%s)", tc.file)
			var se *ScenarioError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.field, se.Field, "Load(%s)", tc.file)
			assert.Contains(t, se.Reason, tc.reason, "Load(%s)", tc.file)
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, field, reason string
	}{
		{"negative rate", "arrivals: {per_month: -1}", "arrivals.per_month", "-1 must be above 0"},
		{"zero rate", "arrivals: {per_month: 0}", "arrivals.per_month", "must be above 0"},
		{"routes not summing to one", "routes: {informal: 0.5, committee: 0.6, ombudsperson: 0.1}", "routes", "shares sum to 1.2 (want 1)"},
		{"findings not summing to one", "outcomes: {guilty: 0.5, not_guilty: 0.6}", "outcomes.guilty", "shares sum to 1.1 (want 1)"},
		{"complainants not summing to one", "complainants: {employee: 0.5, student: 0.2}", "complainants", "shares sum to 0.7 (want 1)"},
		{"no complainants", "complainants: {}", "complainants", "fewer than 1"},
		{"probability above one", "outcomes: {guilty: 1, appeal: 1.5}", "outcomes.appeal", "1.5 is not a probability"},
		{"unknown policy", "policy: pk-federal-2099", "policy", `unknown policy "pk-federal-2099"`},
		{"no policy", "policy: null", "policy", "is required"},
		{"policy and overlay", "overlay: {id: x-2026, title: X, base: pk-federal-2022, from: 2026-01-01}\npolicy: pk-federal-2022", "policy", "not both"},
		{"malformed overlay", "overlay: {id: x-2026, title: X, base: pk-federal-2022, from: 2026-01-01, comittee: {}}", "overlay.comittee", "unknown field"},
		{"unknown relationship", "complainants: {studnt: 1}", "complainants.studnt", "unknown relationship"},
		{"unknown calendar", "calendar: pk-lahore", "calendar", `unknown calendar "pk-lahore"`},
		{"unknown field", "arrival: {per_month: 2}", "arrival", "unknown field"},
		{"unknown nested field", "delays: {charges: {dist: fixed, dayz: 2}}", "delays.charges.dayz", "unknown field"},
		{"unknown step", "delays: {chargez: {dist: fixed, days: 2}}", "delays.chargez", "unknown field"},
		{"unknown distribution", "delays: {charges: {dist: gamma, mean: 2}}", "delays.charges.dist", `unknown distribution "gamma"`},
		{"parameter of another distribution", "delays: {charges: {dist: fixed, mean: 3}}", "delays.charges.mean", "not a parameter of a fixed delay"},
		{"missing distribution", "delays: {charges: {days: 3}}", "delays.charges.dist", "is required"},
		{"negative days", "delays: {charges: {dist: fixed, days: -2}}", "delays.charges.days", "not a number of days"},
		{"uniform reversed", "delays: {charges: {dist: uniform, min: 5, max: 2}}", "delays.charges.max", "less than min"},
		{"exponential without mean", "delays: {charges: {dist: exponential}}", "delays.charges.mean", "must be above 0"},
		{"lognormal without median", "delays: {charges: {dist: lognormal, sigma: 1}}", "delays.charges.median", "must be above 0"},
		{"lognormal wild sigma", "delays: {charges: {dist: lognormal, median: 3, sigma: 9}}", "delays.charges.sigma", "more than 5"},
		{"not a number", "arrivals: {per_month: many}", "arrivals.per_month", `want a number, got "many"`},
		{"not a whole number", "committee: {capacity: 2.5}", "committee.capacity", "want a whole number"},
		{"zero capacity", "committee: {capacity: 0}", "committee.capacity", "0 is less than 1"},
		{"seasonality of eleven", "arrivals: {per_month: 2, seasonality: [1,1,1,1,1,1,1,1,1,1,1]}", "arrivals.seasonality", "has 11 values (want 12"},
		{"seasonality all zero", "arrivals: {per_month: 2, seasonality: [0,0,0,0,0,0,0,0,0,0,0,0]}", "arrivals.seasonality", "all twelve factors are zero"},
		{"negative season", "arrivals: {per_month: 2, seasonality: [1,1,1,1,1,1,1,1,1,1,1,-1]}", "arrivals.seasonality[11]", "negative"},
		{"no arrivals in the period", "period: {start: 2026-06-01, months: 1}\narrivals: {per_month: 2, seasonality: [1,1,1,1,1,0,1,1,1,1,1,1]}", "arrivals", "expects 0 arrivals"},
		{"bad date", "period: {start: 2026-02-30, months: 1}", "period.start", "2026-02-30"},
		{"no start", "period: {months: 3}", "period.start", "is required"},
		{"before the calendar", "period: {start: 2005-01-01, months: 12}", "period.start", "before 2010-01-01"},
		{"past the calendar", "period: {start: 2029-01-01, months: 12, follow_months: 12}", "period", "past 2030-12-31"},
		{"too many months", "period: {start: 2026-01-01, months: 300}", "period.months", "300 is more than 240"},
		{"given twice", "calendar: pk-federal\ncalendar: pk-islamabad", "calendar", "given twice"},
		{"alias", "a: &x 1\nb: *x", "a", "unknown field"},
		{"anchor in a section", "arrivals: &a {per_month: 2}", "arrivals", "anchors and aliases"},
		{"a list", "- 1\n- 2", "", "want a mapping"},
		{"two documents", "name: a\n---\nname: b", "", "more than one document"},
		{"empty", "", "", "empty document"},
		{"only a comment", "# nothing\n", "", "empty document"},
		{"bad yaml", "name: [", "", "did not find expected"},
		{"bad json", `{"name": }`, "", "invalid JSON"},
		{"json trailing data", `{"name": "a"} x`, "", "data after the object"},
		{"control character in name", "name: \"a\\u0007b\"", "name", "control characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testSim().Parse([]byte(tc.yaml))
			require.ErrorIs(t, err, ErrInvalidScenario, "Parse(%q)", tc.yaml)
			var se *ScenarioError
			require.ErrorAs(t, err, &se, "Parse(%q)", tc.yaml)
			assert.Equal(t, tc.field, se.Field, "Parse(%q): %v", tc.yaml, err)
			assert.Contains(t, se.Reason, tc.reason, "Parse(%q)", tc.yaml)
		})
	}
}

func TestValidateGoValue(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(*Scenario)
		field  string
		reason string
	}{
		{"zero scenario", func(sc *Scenario) { *sc = Scenario{} }, "arrivals.per_month", "must be above 0"},
		{"NaN probability", func(sc *Scenario) { sc.Outcomes.Appeal = nan() }, "outcomes.appeal", "not a probability"},
		{"nil complainants", func(sc *Scenario) { sc.Complainants = nil }, "complainants", "is required"},
		{"zero delay", func(sc *Scenario) { sc.Delays.Sitting = Delay{} }, "delays.sitting.dist", "is required"},
		{"delay past the maximum", func(sc *Scenario) { sc.Delays.Sitting = FixedDays(MaxDelay + 1) }, "delays.sitting.days", "not a number of days"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := DefaultScenario()
			tc.edit(&sc)
			err := testSim().Validate(sc)
			var se *ScenarioError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.field, se.Field, "%v", err)
			assert.Contains(t, se.Reason, tc.reason)
		})
	}
}

func nan() float64 { var z float64; return z / z }

func TestScenarioErrorFormat(t *testing.T) {
	e := &ScenarioError{Field: "routes", Reason: "shares sum to 1.2 (want 1)"}
	assert.Equal(t, "simulate: invalid scenario: field routes: shares sum to 1.2 (want 1)", e.Error())
	assert.Equal(t, "simulate: invalid scenario: empty document", (&ScenarioError{Reason: "empty document"}).Error())
	assert.True(t, errors.Is(e, ErrInvalidScenario))
	inner := errors.New("x")
	assert.ErrorIs(t, &ScenarioError{Reason: "r", Err: inner}, inner)
}

// TestYAMLRoundTrip writes a scenario with the yaml tags and reads it back.
func TestYAMLRoundTrip(t *testing.T) {
	for _, sc := range []Scenario{DefaultScenario(), mustLoad(t, "testdata/university.yaml")} {
		data, err := yaml.Marshal(sc)
		require.NoError(t, err)
		back, err := testSim().Parse(data)
		require.NoError(t, err, "Parse(%s)", data)
		assert.Equal(t, sc, back, "Parse(yaml.Marshal(%s))", sc.Name)
	}
}

func mustLoad(t *testing.T, path string) Scenario {
	t.Helper()
	sc, err := testSim().Load(path)
	require.NoError(t, err, "Load(%s)", path)
	return sc
}

// TestWriteScenarioRoundTrip: what WriteScenario writes (what
// `hifazat simulate --print-scenario` prints), Parse reads back to the
// same scenario, for the default and for one with every section changed.
func TestWriteScenarioRoundTrip(t *testing.T) {
	sim := testSim()
	changed := busy()
	changed.Arrivals.Seasonality = []float64{1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1}
	changed.Committee.Capacity = 7
	changed.Period.FollowMonths = 6
	for _, sc := range []Scenario{DefaultScenario(), changed} {
		var buf bytes.Buffer
		require.NoError(t, WriteScenario(&buf, sc))
		back, err := sim.Parse(buf.Bytes())
		require.NoError(t, err, buf.String())
		assert.Equal(t, sc, back)
	}
}
