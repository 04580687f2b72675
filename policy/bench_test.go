package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hifazat/hifazat/civil"
)

var (
	sinkDate   civil.Date
	sinkPolicy *Policy
	sinkRule   DeadlineRule
)

// benchFrom and benchDays are the baseline's inputs. They are variables,
// not constants, so the compiler cannot fold the addition away.
var (
	benchFrom = "2024-02-28"
	benchDays = 30
)

// BenchmarkCivilAddDays is the baseline: a plain civil-day addition, the
// cheapest operation a deadline computation does besides the rule lookup.
func BenchmarkCivilAddDays(b *testing.B) {
	b.ReportAllocs()
	d, n := civil.MustParse(benchFrom), benchDays
	for b.Loop() {
		sinkDate = d.AddDays(n)
	}
}

func BenchmarkFor(b *testing.B) {
	b.ReportAllocs()
	s := Builtin()
	on := civil.MustParse("2024-05-01")
	for b.Loop() {
		sinkPolicy, _ = s.For(Federal, on)
	}
}

func BenchmarkRule(b *testing.B) {
	b.ReportAllocs()
	p, _ := Builtin().Get(FederalAct2022)
	for b.Loop() {
		sinkRule, _ = p.Rule(RuleFindings)
	}
}

func TestNoAllocs(t *testing.T) {
	s := Builtin()
	p, _ := s.Get(FederalAct2022)
	on := civil.MustParse("2024-05-01")
	tests := []struct {
		name string
		fn   func()
	}{
		{"For", func() { sinkPolicy, _ = s.For(Federal, on) }},
		{"For on a statute's first day", func() { sinkPolicy, _ = s.For(Sindh, civil.MustParse("2010-03-09")) }},
		{"Rule", func() { sinkRule, _ = p.Rule(RuleFindings) }},
		{"Rule missing", func() { sinkRule, _ = p.Rule("nope") }},
		{"CalendarFor", func() { _ = p.CalendarFor(Ombudsperson, "") }},
		{"MayComplain", func() { _, _ = p.MayComplain(Student) }},
	}
	for _, tt := range tests {
		assert.Zero(t, testing.AllocsPerRun(100, tt.fn), "%s allocates", tt.name)
	}
}
