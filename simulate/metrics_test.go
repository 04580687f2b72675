package simulate

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "output differs from %s (go test -update rewrites it)", path)
}

// TestWriteTextGolden pins the table's format, and the numbers of a small
// run with fixed seed.
func TestWriteTextGolden(t *testing.T) {
	r := run(t, DefaultScenario(), RunOptions{Cases: 400, Seed: 11})
	var buf bytes.Buffer
	require.NoError(t, WriteText(&buf, r))
	golden(t, "default-400.txt", buf.Bytes())

	other := DefaultScenario()
	other.Name = "capacity 1"
	other.Committee.Capacity = 1
	buf.Reset()
	require.NoError(t, WriteComparison(&buf, r, run(t, other, RunOptions{Cases: 400, Seed: 11})))
	golden(t, "compare-400.txt", buf.Bytes())
}

func TestWriteCSV(t *testing.T) {
	r := run(t, onTime(), RunOptions{Cases: 200, Seed: 1})
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, r, r))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	metrics := r.Metrics()
	require.Len(t, rows, 1+2*len(metrics), "a header, then every metric of each report")
	assert.Equal(t, []string{"on time", "run", "", "cases", "200"}, rows[1])
	assert.Equal(t, []string{"on time (2)", "run", "", "cases", "200"}, rows[1+len(metrics)], "the second report of one name is told apart")
	for i, m := range metrics {
		assert.Equal(t, formatValue(m.Value), rows[1+i][4], "row %d (%s %s %s)", i+1, m.Section, m.Item, m.Name)
	}
	assert.Contains(t, buf.String()+strings.Join(rows[len(rows)-1], ","), "closure_days")
}

func TestMetricsOrder(t *testing.T) {
	r := run(t, onTime(), RunOptions{Cases: 100, Seed: 1})
	var sections []string
	for _, m := range r.Metrics() {
		if len(sections) == 0 || sections[len(sections)-1] != m.Section {
			sections = append(sections, m.Section)
		}
	}
	assert.Equal(t, []string{"run", "end", "finding", "stage", "closure", "queue_wait", "deadline", "deadlines", "appeals", "representations", "backlog", "closure_days"}, sections,
		"the documented order (no refusal section when nothing was refused)")
}

func TestCompare(t *testing.T) {
	a := &Report{Scenario: "a", Cases: 10, Refusals: []Refusals{{Event: casefsm.FileAppeal, Code: casefsm.TimeBarred, Count: 2}}}
	b := &Report{Scenario: "b", Cases: 12, Appeals: Filings{Filed: 3}}
	diffs := Compare(a, b)
	byKey := map[string]Difference{}
	for _, d := range diffs {
		byKey[d.Section+"/"+d.Item+"/"+d.Name] = d
	}
	assert.Equal(t, Difference{Section: "run", Name: "cases", A: 10, B: 12, Change: 2, InA: true, InB: true}, byKey["run//cases"])
	assert.Equal(t, Difference{Section: "appeals", Name: "filed", B: 3, Change: 3, InA: true, InB: true}, byKey["appeals//filed"])
	assert.Equal(t, Difference{Section: "refusal", Item: "file_appeal/time_barred", Name: "count", A: 2, Change: -2, InA: true}, byKey["refusal/file_appeal/time_barred/count"], "a metric only a has")
	assert.Equal(t, "run", diffs[0].Section, "a's order")
}

func TestLabels(t *testing.T) {
	x, y := &Report{Scenario: "x"}, &Report{Scenario: "y"}
	assert.Equal(t, []string{"x", "y", "x (2)", "x (3)"}, Labels(x, y, x, x))
	assert.Empty(t, Labels())
}
