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
	sinkEnd      civil.Date
	sinkLastOpen civil.Date
	sinkDeadline deadlines.Deadline
	sinkBool     bool
)

// benchFrom and benchDays are the inputs every benchmark below reads
// before its loop. They are variables, not constants, so the compiler
// cannot fold the baseline's addition away: each benchmark does its work on
// values known only at run time, as a caller would.
var (
	benchFrom = "2026-03-07" // a Saturday: a 7-day period ends on a Saturday
	benchDays = 7
)

// BenchmarkCivilAddDays is the baseline: a plain civil-day addition, the
// date arithmetic every deadline needs, with no calendar.
func BenchmarkCivilAddDays(b *testing.B) {
	from, n := date(benchFrom), benchDays
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = from.AddDays(n)
	}
}

// BenchmarkDue is the statutory computation itself, a defence filing whose
// last day is a Saturday: the calendar is consulted for the coverage, the
// roll-forward to Monday, the last open day and the estimated-holiday
// window.
func BenchmarkDue(b *testing.B) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, policy.RuleDefence) // 7 days, as the baseline adds
	from := date(benchFrom)
	b.ReportAllocs()
	for b.Loop() {
		end, due, lastOpen, err := cal.Due(r.Kind, r.Period, from)
		if err != nil {
			b.Fatal(err)
		}
		sinkEnd, sinkDate, sinkLastOpen = end, due, lastOpen
	}
}

// dueFloor does no counting at all: it has Due's signature and returns its
// trigger date three times. BenchmarkDueCallFloor measures the call and the
// results, the floor under BenchmarkDue that no calendar lookup can go
// below while Due is a function call rather than inlined into the caller.
//
//go:noinline
func dueFloor(_ *deadlines.Calendar, _ policy.Kind, _ policy.Period, from civil.Date, _ ...deadlines.Stay) (end, due, lastOpen civil.Date, err error) {
	return from, from, from, nil
}

func BenchmarkDueCallFloor(b *testing.B) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, policy.RuleDefence)
	from := date(benchFrom)
	b.ReportAllocs()
	for b.Loop() {
		end, due, lastOpen, err := dueFloor(cal, r.Kind, r.Period, from)
		if err != nil {
			b.Fatal(err)
		}
		sinkEnd, sinkDate, sinkLastOpen = end, due, lastOpen
	}
}

// BenchmarkDueDuty is a duty (never moved) whose last day is closed.
func BenchmarkDueDuty(b *testing.B) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, policy.RulePenalty) // one week
	from := date(benchFrom)
	b.ReportAllocs()
	for b.Loop() {
		end, due, lastOpen, err := cal.Due(r.Kind, r.Period, from)
		if err != nil {
			b.Fatal(err)
		}
		sinkEnd, sinkDate, sinkLastOpen = end, due, lastOpen
	}
}

// computeFunc is Compute's signature, so that the floor below can stand in
// for it.
type computeFunc func(policy.DeadlineRule, civil.Date, *deadlines.Calendar, ...deadlines.Stay) (deadlines.Deadline, error)

// benchCompute measures compute on rule from benchFrom on pk-federal, with
// stays.
func benchCompute(b *testing.B, compute computeFunc, rule policy.RuleID, stays ...deadlines.Stay) {
	cal := builtin(b, "pk-federal")
	r := ruleByID(b, rule)
	from := date(benchFrom)
	b.ReportAllocs()
	for b.Loop() {
		d, err := compute(r, from, cal, stays...)
		if err != nil {
			b.Fatal(err)
		}
		sinkDeadline = d
	}
}

// BenchmarkCompute is BenchmarkDue through Compute: the same counting, with
// a whole DeadlineRule passed in and a Deadline returned.
func BenchmarkCompute(b *testing.B) { benchCompute(b, deadlines.Compute, policy.RuleDefence) }

// callFloor does no counting at all: it only takes a DeadlineRule in and
// gives a Deadline out, as Compute must. BenchmarkComputeCallFloor measures
// that data movement, the floor under BenchmarkCompute.
//
//go:noinline
func callFloor(rule policy.DeadlineRule, from civil.Date, cal *deadlines.Calendar, _ ...deadlines.Stay) (deadlines.Deadline, error) {
	return deadlines.Deadline{Rule: rule.ID, Kind: rule.Kind, Period: rule.Period, Forum: rule.Forum,
		From: from, Due: from.AddDays(rule.Period.N), Calendar: cal.ID(), Citation: rule.Citation}, nil
}

func BenchmarkComputeCallFloor(b *testing.B) { benchCompute(b, callFloor, policy.RuleDefence) }

// BenchmarkComputeDuty is a duty (never moved) whose last day is closed.
func BenchmarkComputeDuty(b *testing.B) { benchCompute(b, deadlines.Compute, policy.RulePenalty) }

// BenchmarkComputeStays is a filing with two overlapping stays.
func BenchmarkComputeStays(b *testing.B) {
	benchCompute(b, deadlines.Compute, policy.RuleDefence,
		deadlines.Stay{From: civil.MustParse("2026-03-08"), Until: civil.MustParse("2026-03-10")},
		deadlines.Stay{From: civil.MustParse("2026-03-09"), Until: civil.MustParse("2026-03-12")})
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
