package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// demoCase is a synthetic complaint (invented parties) walked from filing to
// implementation: every deadline it starts, a late duty recorded as a
// breach, and an appeal. It is also a sample for "hifazat case status".
//
//go:embed demo-case.json
var demoCase []byte

const demoUsage = `usage: hifazat demo

Walks a synthetic complaint (cmd/hifazat/demo-case.json) through the Act
event by event under pk-federal-2022: the state after each act, the
deadlines it started and met, a breach, an appeal, and implementation.`

// cmdDemo runs "hifazat demo".
func cmdDemo(e *env, args []string) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" {
			fmt.Fprintln(e.stdout, demoUsage)
			return exitOK
		}
		return e.fail(exitUsage, "demo: takes no arguments")
	}
	f, err := casefsm.Decode(bytes.NewReader(demoCase))
	if err != nil {
		return e.fail(exitUsage, "demo: %v", err)
	}
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return e.fail(exitUsage, "demo: %v", err)
	}
	c, err := eng.NewCase(f.Header)
	if err != nil {
		return e.fail(exitUsage, "demo: %v", err)
	}
	fmt.Fprintf(e.stdout, "A synthetic complaint by an employee (e-17) against a colleague (e-42), incident %s.\n\n", f.Header.IncidentOn)
	seen := demoSeen{}
	for i, ev := range f.Events {
		before := c.State()
		if err := c.Apply(ev); err != nil {
			return e.fail(exitRefused, "demo: event %d (%s) refused: %v", i+1, ev.Type, err)
		}
		move := "-> " + c.State().String()
		if c.State() == before {
			move = "(recorded)"
		}
		fmt.Fprintf(e.stdout, "%s  %-22s by %-20s %s\n", ev.On, ev.Type, ev.By, move)
		seen.printChanges(e.stdout, c.Status(ev.On))
	}
	fmt.Fprintln(e.stdout, "\nThe case as it ends:")
	printReport(e.stdout, casefsm.Report{Status: c.Status(f.Events[len(f.Events)-1].On)})
	return exitOK
}

// demoSeen remembers what the demo already printed, so each step shows only
// what it changed.
type demoSeen struct {
	deadlines map[policy.RuleID]deadlines.Status
	breaches  int
}

func (s *demoSeen) printChanges(w io.Writer, st casefsm.Status) {
	if s.deadlines == nil {
		s.deadlines = map[policy.RuleID]deadlines.Status{}
	}
	for _, d := range st.Deadlines {
		before, ok := s.deadlines[d.Rule]
		s.deadlines[d.Rule] = d.Status
		switch {
		case !ok:
			fmt.Fprintf(w, "      started %-20s %s %s, due %s [%s]\n", d.Rule, d.Kind, d.Period, d.Due, d.Citation.Section)
		case before != d.Status && (d.Status == deadlines.Met || d.Status == deadlines.Late):
			fmt.Fprintf(w, "      %-7s %-20s due %s, done %s\n", d.Status, d.Rule, d.Due, d.DoneOn)
		}
	}
	for _, b := range st.Breaches[min(s.breaches, len(st.Breaches)):] {
		fmt.Fprintf(w, "      BREACH  %s\n", breachLine(b))
	}
	s.breaches = len(st.Breaches)
}
