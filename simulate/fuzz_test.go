package simulate

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// FuzzParse checks that Parse never panics, that every error is a
// *ScenarioError matching ErrInvalidScenario, and that a scenario it
// accepts is valid and survives a round trip through YAML.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	files = append(files, "testdata/scenario.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range []string{
		"", "{}", "name: x", "arrivals: {per_month: 1e308}", "delays: {charges: {dist: lognormal, median: 1e-300, sigma: 5}}",
		"period: {start: 2026-01-31, months: 1}", "complainants: {employee: 0.5, intern: 0.5}", "committee: {capacity: 99999999999999999999}",
		"overlay: {id: a-1, title: A, base: pk-federal-2022, from: 2026-01-01}\npolicy: null",
	} {
		f.Add([]byte(s))
	}
	sim := testSim()
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := sim.Parse(data)
		if err != nil {
			var se *ScenarioError
			if !errors.As(err, &se) || !errors.Is(err, ErrInvalidScenario) {
				t.Fatalf("Parse(%q) = %T %v, want a *ScenarioError", data, err, err)
			}
			return
		}
		require.NoError(t, sim.Validate(sc), "Parse(%q) accepted an invalid scenario", data)
		out, err := yaml.Marshal(sc)
		require.NoError(t, err)
		back, err := sim.Parse(out)
		require.NoError(t, err, "Parse(yaml.Marshal(Parse(%q))) = %s", data, out)
		assert.Equal(t, sc, back, "round trip of %q through %s", data, out)
	})
}
