package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const scenarios = "../../simulate/testdata/"

func TestSimulateDefault(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "simulate", "--cases", "300", "--seed", "4")
	require.Equal(t, exitOK, status, "hifazat simulate: %s", stderr)
	assert.Empty(t, stderr, "no progress bar when stderr is not a terminal")
	for _, want := range []string{"Scenario default: policy pk-federal-2022", "300 cases at", "How cases ended", "Deadline", "charges", "Month"} {
		assert.Contains(t, stdout, want)
	}
}

// TestSimulateJSONWorkers: the JSON does not depend on --workers.
func TestSimulateJSONWorkers(t *testing.T) {
	var outs []string
	for _, w := range []string{"1", "2", "8"} {
		stdout, stderr, status := runCLI(t, "", "simulate", scenarios+"university.yaml", "--cases", "400", "--seed", "9", "--workers", w, "--json")
		require.Equal(t, exitOK, status, "--workers %s: %s", w, stderr)
		assert.Empty(t, stderr)
		outs = append(outs, stdout)
	}
	assert.Equal(t, outs[0], outs[1], "workers 1 and 2")
	assert.Equal(t, outs[0], outs[2], "workers 1 and 8")
	var r struct {
		Scenario string `json:"scenario"`
		Policy   string `json:"policy"`
		Cases    int    `json:"cases"`
	}
	require.NoError(t, json.Unmarshal([]byte(outs[0]), &r))
	assert.Equal(t, "university", r.Scenario)
	assert.Equal(t, "example-university-2026", r.Policy)
	assert.Equal(t, 400, r.Cases)
}

func TestSimulateFiles(t *testing.T) {
	dir := t.TempDir()
	csvPath, svgPath := filepath.Join(dir, "agg.csv"), filepath.Join(dir, "chart.svg")
	_, stderr, status := runCLI(t, "", "simulate", "--cases", "300", "--csv", csvPath, "--svg", svgPath, "--compare", scenarios+"scenario.json")
	require.Equal(t, exitOK, status, stderr)
	f, err := os.Open(csvPath)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"scenario", "section", "item", "metric", "value"}, rows[0])
	assert.Equal(t, []string{"default", "run", "", "cases", "300"}, rows[1])
	names := map[string]bool{}
	for _, r := range rows[1:] {
		names[r[0]] = true
	}
	assert.Equal(t, map[string]bool{"default": true, "json": true}, names, "both scenarios in the CSV")
	svg, err := os.ReadFile(svgPath)
	require.NoError(t, err)
	assert.Contains(t, string(svg), "<svg")
	assert.Contains(t, string(svg), "Backlog at each month")
}

func TestSimulateCompare(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "simulate", scenarios+"federal-2010.yaml", "--compare", scenarios+"federal-2022.yaml", "--cases", "400")
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "A: federal-2010 (policy pk-federal-2010)")
	assert.Contains(t, stdout, "B: federal-2022 (policy pk-federal-2022)")
	assert.Contains(t, stdout, "ineligible_complainant", "the 2010 coverage refuses some complainants")

	stdout, _, status = runCLI(t, "", "simulate", "--compare", scenarios+"university.yaml", "--cases", "200", "--json")
	require.Equal(t, exitOK, status)
	var c struct {
		A, B        struct{ Scenario string }
		Differences []struct {
			Section string
			Change  float64
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &c))
	assert.Equal(t, "default", c.A.Scenario)
	assert.Equal(t, "university", c.B.Scenario)
	assert.NotEmpty(t, c.Differences)
}

func TestSimulateStdin(t *testing.T) {
	stdout, stderr, status := runCLI(t, "name: piped\ncommittee: {capacity: 1}\n", "simulate", "-", "--cases", "200", "--csv", "-")
	require.Equal(t, exitOK, status, stderr)
	assert.True(t, strings.HasPrefix(stdout, "scenario,section,item,metric,value\npiped,run,,cases,200\n"), "CSV on stdout, no table: %.80s", stdout)
}

func TestSimulateErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stdin  string
		args   []string
		status int
		msg    string
	}{
		{"bad routes", "", []string{scenarios + "bad-routes.yaml"}, exitUsage, "field routes: shares sum to 1.2 (want 1)"},
		{"negative rate", "arrivals: {per_month: -3}", []string{"-"}, exitUsage, "field arrivals.per_month: -3 must be above 0"},
		{"unknown policy", "policy: pk-federal-2099", []string{"-"}, exitUsage, `field policy: unknown policy "pk-federal-2099"`},
		{"refused overlay", "", []string{scenarios + "refused-overlay.yaml"}, exitRefused, "field overlay"},
		{"missing file", "", []string{scenarios + "nope.yaml"}, exitUsage, "cannot read the scenario"},
		{"bad compare", "", []string{"--compare", scenarios + "bad-routes.yaml"}, exitUsage, "bad-routes.yaml"},
		{"two files", "", []string{"a.yaml", "b.yaml"}, exitUsage, "at most one scenario file"},
		{"negative cases", "", []string{"--cases", "-5"}, exitUsage, "--cases -5"},
		{"zero cases", "", []string{"--cases", "0"}, exitUsage, "--cases 0 (want 1 to"},
		{"unwritable svg, checked first", "", []string{scenarios + "nope.yaml", "--svg", "/nonexistent/dir/x.svg"}, exitUsage, "--svg: open /nonexistent/dir/x.svg"},
		{"negative workers", "", []string{"--workers", "-1"}, exitUsage, "--workers -1"},
		{"two on stdout", "", []string{"--json", "--csv", "-"}, exitUsage, "standard output"},
		{"unknown flag", "", []string{"--frobnicate"}, exitUsage, "flag provided but not defined"},
		{"unwritable csv", "", []string{"--cases", "50", "--csv", "/nonexistent/dir/x.csv"}, exitUsage, "--csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"simulate"}, tc.args...)
			stdout, stderr, status := runCLI(t, tc.stdin, args...)
			assert.Equal(t, tc.status, status, "hifazat %v: %s", args, stderr)
			assert.Contains(t, stderr, tc.msg, "hifazat %v", args)
			assert.Empty(t, stdout, "hifazat %v", args)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line on stderr: %q", stderr)
		})
	}
}

// TestProgressBarOnlyOnATerminal: no bar for a buffer, a file or JSON.
func TestProgressBarOnlyOnATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	require.NoError(t, err)
	defer f.Close()
	for _, e := range []*env{{stderr: &strings.Builder{}}, {stderr: f}} {
		assert.Nil(t, e.progressBar(true, "x"), "stderr %T is not a terminal", e.stderr)
	}
	assert.Nil(t, (&env{stderr: os.Stderr}).progressBar(false, "x"), "never with --json")
}

// TestCheckOutput: an output is checked without truncating a file that is
// there and without leaving one behind that was not.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept.csv")
	require.NoError(t, os.WriteFile(kept, []byte("old"), 0o644))
	require.NoError(t, checkOutput(kept))
	data, err := os.ReadFile(kept)
	require.NoError(t, err)
	assert.Equal(t, "old", string(data))

	fresh := filepath.Join(dir, "fresh.svg")
	_, stderr, status := runCLI(t, "", "simulate", scenarios+"nope.yaml", "--svg", fresh)
	assert.Equal(t, exitUsage, status)
	assert.Contains(t, stderr, "cannot read the scenario")
	assert.NoFileExists(t, fresh, "the check leaves no file behind")
	assert.Error(t, checkOutput(dir), "a directory is not a file")
}

func TestProgressLine(t *testing.T) {
	assert.Equal(t, "simulating default [..............................]   0% 0/400 cases", progressLine("default", 0, 400, 0))
	assert.Equal(t, "simulating default [#######.......................]  25% 100/400 cases, about 30s left", progressLine("default", 100, 400, 10*time.Second))
	assert.Equal(t, "simulating default [##############################] 100% 400/400 cases", progressLine("default", 400, 400, 40*time.Second))
}

// TestPrintScenario: --print-scenario prints the default scenario as YAML,
// which read back runs exactly as the default does.
func TestPrintScenario(t *testing.T) {
	yaml, stderr, status := runCLI(t, "", "simulate", "--print-scenario")
	require.Equal(t, exitOK, status, stderr)
	for _, want := range []string{"name: default", "policy: pk-federal-2022", "delays:", "  findings:"} {
		assert.Contains(t, yaml, want)
	}
	def, _, _ := runCLI(t, "", "simulate", "--cases", "200", "--json")
	again, stderr, status := runCLI(t, yaml, "simulate", "-", "--cases", "200", "--json")
	require.Equal(t, exitOK, status, stderr)
	assert.Equal(t, def, again)
}

func TestSimulateVary(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "vary.svg")
	stdout, stderr, status := runCLI(t, "", "simulate", "--cases", "300", "--seed", "2", "--vary", "implementation_closes", "--vary", "late_filing_needs_condonation", "--svg", svg)
	require.Equal(t, exitOK, status, stderr)
	for _, want := range []string{"NOTICE: ", "300 cases, seed 2", "implementation_closes", "late_filing_needs_condonation", "outcome changed"} {
		assert.Contains(t, stdout, want)
	}
	data, err := os.ReadFile(svg)
	require.NoError(t, err)
	assert.Contains(t, string(data), "What each reading of the law changes")
	assert.Contains(t, string(data), "implementation_closes=false")

	stdout, stderr, status = runCLI(t, "", "simulate", "--cases", "200", "--vary", "all", "--json")
	require.Equal(t, exitOK, status, stderr)
	var v struct {
		Variations []struct {
			Name    string `json:"name"`
			Refused string `json:"refused"`
		} `json:"variations"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &v))
	assert.Greater(t, len(v.Variations), 5)

	for _, args := range [][]string{{"--vary", "nonsense"}, {"--vary", "all", "--compare", "x.yaml"}, {"--vary", "all", "--csv", "x.csv"}} {
		_, stderr, status = runCLI(t, "", append([]string{"simulate", "--cases", "10"}, args...)...)
		assert.Equal(t, exitUsage, status, "%v: %s", args, stderr)
	}
}

func TestSimulateHelp(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "simulate", "--help")
	assert.Equal(t, exitOK, status)
	assert.Empty(t, stderr)
	assert.Contains(t, stdout, "usage: hifazat simulate [SCENARIO-FILE|-]")
	assert.Contains(t, stdout, "-workers")
}
