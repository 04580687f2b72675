package deadlines_test

import (
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Package-level sinks keep the compiler from discarding the measured work.
var (
	sinkDate     civil.Date
	sinkDeadline deadlines.Deadline
	sinkBool     bool
)

// BenchmarkCivilAddDays is the baseline: the date arithmetic every deadline
// needs, with no calendar.
func BenchmarkCivilAddDays(b *testing.B) {
	from := civil.MustParse("2026-03-07")
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = from.AddDays(7)
	}
}

// BenchmarkCompute is a defence filing whose last day is a Saturday: the
// calendar is consulted for the roll-forward, the last open day and the
// estimated-holiday window.
func BenchmarkCompute(b *testing.B) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, policy.RuleDefence)
	from := civil.MustParse("2026-03-07")
	b.ReportAllocs()
	for b.Loop() {
		d, err := deadlines.Compute(r, from, cal)
		if err != nil {
			b.Fatal(err)
		}
		sinkDeadline = d
	}
}

// callFloor does no counting at all: it only takes a DeadlineRule in and
// gives a Deadline out, as Compute must. BenchmarkComputeCallFloor measures
// that data movement, the floor under BenchmarkCompute.
//
//go:noinline
func callFloor(rule policy.DeadlineRule, from civil.Date, cal *deadlines.Calendar, _ ...deadlines.Stay) (deadlines.Deadline, error) {
	return deadlines.Deadline{Rule: rule.ID, Kind: rule.Kind, Period: rule.Period, Forum: rule.Forum,
		From: from, Due: from.AddDays(rule.Period.N), Calendar: cal.ID(), Citation: rule.Citation}, nil
}

func BenchmarkComputeCallFloor(b *testing.B) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, policy.RuleDefence)
	from := civil.MustParse("2026-03-07")
	b.ReportAllocs()
	for b.Loop() {
		d, err := callFloor(r, from, cal)
		if err != nil {
			b.Fatal(err)
		}
		sinkDeadline = d
	}
}

// BenchmarkComputeDuty is a duty (never moved) whose last day is closed.
func BenchmarkComputeDuty(b *testing.B) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, policy.RulePenalty)
	from := civil.MustParse("2026-03-07")
	b.ReportAllocs()
	for b.Loop() {
		d, err := deadlines.Compute(r, from, cal)
		if err != nil {
			b.Fatal(err)
		}
		sinkDeadline = d
	}
}

// BenchmarkComputeStays is a filing with two overlapping stays.
func BenchmarkComputeStays(b *testing.B) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, policy.RuleDefence)
	from := civil.MustParse("2026-03-05")
	stays := []deadlines.Stay{{From: civil.MustParse("2026-03-08"), Until: civil.MustParse("2026-03-10")}, {From: civil.MustParse("2026-03-06"), Until: civil.MustParse("2026-03-09")}}
	b.ReportAllocs()
	for b.Loop() {
		d, err := deadlines.Compute(r, from, cal, stays...)
		if err != nil {
			b.Fatal(err)
		}
		sinkDeadline = d
	}
}

func BenchmarkIsOpen(b *testing.B) {
	cal := builtin(b, "pk-federal")
	d := civil.MustParse("2026-03-14")
	b.ReportAllocs()
	for b.Loop() {
		open, err := cal.IsOpen(d)
		if err != nil {
			b.Fatal(err)
		}
		sinkBool = open
	}
}

// BenchmarkBuiltin is the cost of building a built-in calendar, which
// callers do once and share.
func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		cal, err := deadlines.Builtin("pk-islamabad")
		if err != nil {
			b.Fatal(err)
		}
		sinkBool = cal.ID() == ""
	}
}
