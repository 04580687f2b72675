package deadlines_test

import (
	"flag"
	"github.com/hifazat/hifazat/internal/enum/enumtest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestExplainGolden pins the documented format of Deadline.Explain: one line
// per case in testdata/explain.golden. Run with -update after a deliberate
// change and review the diff.
func TestExplainGolden(t *testing.T) {
	federal, islamabad := builtin(t, "pk-federal"), builtin(t, "pk-islamabad")
	oneDay := policy.DeadlineRule{ID: "custom", Kind: policy.Filing, Period: policy.Period{N: 1}}
	tests := []struct {
		name  string
		rule  policy.DeadlineRule
		from  string
		cal   *deadlines.Calendar
		stays []deadlines.Stay
	}{
		{name: "filing on an open day", rule: ruleByID(t, policy.RuleDefence), from: "2026-03-05", cal: federal},
		{name: "filing rolled over a weekend", rule: ruleByID(t, policy.RuleDefence), from: "2026-03-07", cal: federal},
		{name: "duty on a Saturday", rule: ruleByID(t, policy.RulePenalty), from: "2026-03-07", cal: federal},
		{name: "filing extended by a stay", rule: ruleByID(t, policy.RuleDefence), from: "2026-03-05", cal: federal,
			stays: []deadlines.Stay{{From: date("2026-03-08"), Until: date("2026-03-11")}}},
		{name: "filing rolled over estimated Eid", rule: ruleByID(t, policy.RuleOmbudspersonDefence), from: "2026-03-16", cal: islamabad},
		{name: "six months to a Saturday", rule: ruleByID(t, policy.RuleCodeDisplay), from: "2025-08-31", cal: federal},
		{name: "target over estimated holidays", rule: ruleByID(t, policy.RuleOmbudspersonDecision), from: "2026-04-01", cal: islamabad},
		{name: "representation", rule: ruleByID(t, policy.RuleRepresentation), from: "2025-11-25", cal: islamabad},
		{name: "one day, no forum, no citation", rule: oneDay, from: "2026-03-05", cal: federal},
	}
	var got strings.Builder
	for _, tt := range tests {
		d, err := deadlines.Compute(tt.rule, date(tt.from), tt.cal, tt.stays...)
		require.NoError(t, err, "%s: Compute(%s, %s)", tt.name, tt.rule.ID, tt.from)
		e := d.Explain()
		assert.NotContains(t, e, "\n", "%s: Explain is one line", tt.name)
		assert.Equal(t, e, d.Explain(), "%s: Explain is stable", tt.name)
		got.WriteString(e + "\n")
	}
	golden := filepath.Join("testdata", "explain.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestExplainGolden -update to create %s", golden)
	assert.Equal(t, string(want), got.String(), "Explain output differs from %s", golden)
	assert.Empty(t, deadlines.Deadline{}.Explain(), "the zero Deadline explains as empty")
}

func TestStatusAt(t *testing.T) {
	d := deadlines.Deadline{Due: date("2026-03-16")}
	none := civil.Date{}
	tests := []struct {
		asOf, doneOn civil.Date
		want         deadlines.Status
	}{
		{asOf: date("2026-03-01"), doneOn: none, want: deadlines.Pending},
		{asOf: date("2026-03-16"), doneOn: none, want: deadlines.Pending},
		{asOf: date("2026-03-17"), doneOn: none, want: deadlines.Overdue},
		{asOf: none, doneOn: none, want: deadlines.Pending},
		{asOf: date("2026-03-17"), doneOn: date("2026-03-16"), want: deadlines.Met},
		{asOf: date("2026-03-10"), doneOn: date("2026-03-06"), want: deadlines.Met},
		{asOf: date("2026-03-17"), doneOn: date("2026-03-17"), want: deadlines.Late},
		{asOf: date("2026-04-30"), doneOn: date("2026-04-01"), want: deadlines.Late},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, d.StatusAt(tt.asOf, tt.doneOn), "StatusAt(%s, %s) with due %s", tt.asOf, tt.doneOn, d.Due)
	}
}

func TestStatusText(t *testing.T) {
	all := []deadlines.Status{deadlines.Pending, deadlines.Overdue, deadlines.Met, deadlines.Late, deadlines.Paused, deadlines.Lapsed}
	var names []string
	for _, s := range all {
		b, err := s.MarshalText()
		require.NoError(t, err, "%d.MarshalText()", s)
		var back deadlines.Status
		require.NoError(t, back.UnmarshalText(b), "UnmarshalText(%q)", b)
		assert.Equal(t, s, back, "round trip of %q", b)
		names = append(names, s.String())
	}
	assert.Equal(t, []string{"pending", "overdue", "met", "late", "paused", "lapsed"}, names)
	enumtest.Check(t, []string{"pending", "overdue", "met", "late", "paused", "lapsed"}, all)
	enumtest.Check(t, []string{"fixed", "notified", "estimated"}, []deadlines.HolidayStatus{deadlines.Fixed, deadlines.Notified, deadlines.Estimated})
	assert.Equal(t, "%!Status(0)", deadlines.Status(0).String())
	assert.Equal(t, "%!Status(7)", deadlines.Status(7).String())
	_, err := deadlines.Status(7).MarshalText()
	assert.Error(t, err, "MarshalText of Status(7)")
	var s deadlines.Status
	assert.EqualError(t, s.UnmarshalText([]byte("done")), `deadlines: unknown status "done" (want pending, overdue, met, late, paused or lapsed)`)
}
