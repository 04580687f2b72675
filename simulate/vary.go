package simulate

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/hifazat/hifazat/policy"
)

// VaryAll, given as a name to [Simulator.Vary], varies every
// interpretation that has an alternative.
const VaryAll = "all"

// Variation is what one reading of the law changes: the same seeded cases
// run with one interpretation set to its alternative, compared case by
// case with the run under the scenario's own reading.
type Variation struct {
	// Name is the interpretation (policy.InterpretationNames) and Value
	// its alternative setting.
	Name  string `json:"name"`
	Value any    `json:"value"`
	// Refused says why the alternative cannot be set (it takes a right
	// from a party, and the law refuses it); then nothing ran and the
	// counts are zero.
	Refused string `json:"refused,omitempty"`
	// OutcomeChanged counts the cases that ended otherwise or went
	// through other states; BreachesChanged those with another number of
	// breaches; DecisionChanged those decided on another day, or decided
	// in one run only.
	OutcomeChanged  int64 `json:"outcome_changed"`
	BreachesChanged int64 `json:"breaches_changed"`
	DecisionChanged int64 `json:"decision_changed"`
	// BreachRate is breaches per deadline started, as
	// [Variations.BreachRate] is for the scenario's own reading.
	BreachRate float64 `json:"breach_rate"`
	// MeanDecisionDays is the mean days from first report to the first
	// decision, over the cases decided.
	MeanDecisionDays float64 `json:"mean_decision_days"`
}

// Variations is the result of [Simulator.Vary].
type Variations struct {
	Scenario string    `json:"scenario"`
	Policy   policy.ID `json:"policy"`
	Seed     uint64    `json:"seed"`
	Cases    int64     `json:"cases"`
	// Invented names the scenario's sections still at the default
	// scenario's invented numbers (see [Report.Invented]).
	Invented []string `json:"invented"`
	// BreachRate and MeanDecisionDays are those of the run under the
	// scenario's own reading.
	BreachRate       float64 `json:"breach_rate"`
	MeanDecisionDays float64 `json:"mean_decision_days"`
	// Variations are in the order of policy.InterpretationNames.
	Variations []Variation `json:"variations"`
}

// fingerprint is what Vary compares of one case between two runs.
type fingerprint struct {
	index    uint64
	end      End
	seen     uint32
	breaches int32
	decided  int32 // days to the first decision; -1 for none
}

// Vary runs sc as [Simulator.Run] does, then again with each named
// interpretation (or every one with [VaryAll]) set to its alternative,
// on the same cases and seed, and says for each how many cases change.
// The alternative of a switch is its other value; an interpretation with
// no other value that changes the policy (a number, a window of dates)
// is left out of VaryAll and refused by name. An alternative the law
// refuses (one that takes a right from a party) is reported as Refused,
// not run. Vary keeps a few bytes per case for each run to compare them.
func (s *Simulator) Vary(ctx context.Context, sc Scenario, o RunOptions, names []string) (*Variations, error) {
	w, err := s.prepare(sc)
	if err != nil {
		return nil, err
	}
	alts, err := alternatives(w.pol, names)
	if err != nil {
		return nil, err
	}
	base, baseRun, err := s.traced(ctx, sc, o)
	if err != nil {
		return nil, err
	}
	v := &Variations{Scenario: base.Scenario, Policy: base.Policy, Seed: o.Seed, Cases: base.Cases, Invented: base.Invented,
		BreachRate: breachRate(base), MeanDecisionDays: baseRun.meanDecision()}
	for _, a := range alts {
		if a.Refused == "" {
			if err := s.vary(ctx, sc, o, baseRun, &a); err != nil {
				return nil, err
			}
		}
		v.Variations = append(v.Variations, a)
	}
	return v, nil
}

// vary runs the alternative a and compares it with base, case by case.
func (s *Simulator) vary(ctx context.Context, sc Scenario, o RunOptions, base traceSet, a *Variation) error {
	settings := append(slices.Clone(s.settings), policy.Setting{Name: a.Name, Value: a.Value, Note: "varied by simulate --vary"})
	alt, err := New(Options{Policies: s.set, Calendars: s.extraCals, Interpretations: settings})
	if err != nil {
		return err
	}
	r, run, err := alt.traced(ctx, sc, o)
	if err != nil {
		return err
	}
	for i, b := range base {
		x := run[i]
		if b.end != x.end || b.seen != x.seen {
			a.OutcomeChanged++
		}
		if b.breaches != x.breaches {
			a.BreachesChanged++
		}
		if b.decided != x.decided {
			a.DecisionChanged++
		}
	}
	a.BreachRate, a.MeanDecisionDays = breachRate(r), run.meanDecision()
	return nil
}

// traceSet holds each case's fingerprint, by case index.
type traceSet []fingerprint

func (t traceSet) meanDecision() float64 {
	var sum, n int64
	for _, f := range t {
		if f.decided >= 0 {
			sum += int64(f.decided)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return round(float64(sum)/float64(n), 2)
}

// traced runs sc and returns the report and every case's fingerprint.
func (s *Simulator) traced(ctx context.Context, sc Scenario, o RunOptions) (*Report, traceSet, error) {
	var mu sync.Mutex
	var set traceSet
	o.trace = func(f fingerprint) {
		mu.Lock()
		defer mu.Unlock()
		if n := int(f.index) + 1; n > len(set) {
			set = slices.Grow(set, n-len(set))[:n]
		}
		set[f.index] = f
	}
	r, err := s.Run(ctx, sc, o)
	return r, set, err
}

func breachRate(r *Report) float64 {
	var started, breaches int64
	for _, d := range r.Deadlines {
		started += d.Started
		breaches += d.Breaches
	}
	return share(breaches, started)
}

// alternatives returns the variations asked for, each with the setting
// that differs from pol's reading, or why it is refused.
func alternatives(pol *policy.Policy, names []string) ([]Variation, error) {
	all := slices.Contains(names, VaryAll)
	var out []Variation
	for _, name := range policy.InterpretationNames() {
		if !all && !slices.Contains(names, name) {
			continue
		}
		v, ok := alternative(pol.Interpretations(), name)
		if !ok && !all {
			return nil, fmt.Errorf("simulate: --vary %s: the interpretation has no other value to try (only switches can be varied)", name)
		}
		if ok {
			out = append(out, v)
		}
	}
	for _, n := range names {
		if n != VaryAll && !slices.Contains(policy.InterpretationNames(), n) {
			return nil, fmt.Errorf("simulate: --vary %s: names no interpretation (want %s or one of: %s)", n, VaryAll, strings.Join(policy.InterpretationNames(), ", "))
		}
	}
	return out, nil
}

// alternative returns the other value of a switch: the setting that
// changes in, or, when the law refuses it, why.
func alternative(in policy.Interpretations, name string) (Variation, bool) {
	for _, value := range []bool{false, true} {
		got, err := in.With("vary", policy.Setting{Name: name, Value: value, Note: "varied"})
		var se *policy.SettingError
		switch {
		case errors.As(err, &se) && strings.Contains(err.Error(), "takes from a party"):
			return Variation{Name: name, Value: value, Refused: se.Violations[0].Reason + " (" + se.Violations[0].Section + ")"}, true
		case err == nil && !reflect.DeepEqual(got, in):
			return Variation{Name: name, Value: value}, true
		}
	}
	return Variation{}, false
}

// WriteVariations writes v as a table for people: for each interpretation
// varied, its alternative and how many cases change outcome, breaches and
// time to decision, with the breach rate and mean days to decision beside
// the scenario's own; refused alternatives say why.
func WriteVariations(w io.Writer, v *Variations) error {
	bw := bufio.NewWriter(w)
	if n := InventedNotice(v.Invented); n != "" {
		fmt.Fprintf(bw, "NOTICE: %s.\n\n", n)
	}
	fmt.Fprintf(bw, "Scenario %s: policy %s, %d cases, seed %d; each interpretation set to its alternative on the same cases\n", v.Scenario, v.Policy, v.Cases, v.Seed)
	fmt.Fprintf(bw, "Under the scenario's own reading: breach rate %s, mean %.2f days to decision\n", percent(v.BreachRate), v.MeanDecisionDays)
	t := [][]string{{"Interpretation", "set to", "outcome changed", "breaches changed", "decision day changed", "breach rate", "days to decision"}}
	var refused []string
	for _, x := range v.Variations {
		if x.Refused != "" {
			refused = append(refused, fmt.Sprintf("  %s=%v: %s\n", x.Name, x.Value, x.Refused))
			continue
		}
		t = append(t, []string{x.Name, fmt.Sprint(x.Value), shareOf(x.OutcomeChanged, v.Cases), shareOf(x.BreachesChanged, v.Cases),
			shareOf(x.DecisionChanged, v.Cases), percent(x.BreachRate), fmt.Sprintf("%.2f", x.MeanDecisionDays)})
	}
	writeTable(bw, t)
	if len(refused) > 0 {
		fmt.Fprintf(bw, "\nNot varied: the law refuses these alternatives\n%s", strings.Join(refused, ""))
	}
	return bw.Flush()
}

// shareOf prints a count and its share of all.
func shareOf(n, all int64) string { return fmt.Sprintf("%d (%s)", n, percent(share(n, all))) }
