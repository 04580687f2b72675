package simulate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/internal/limit"
	"github.com/hifazat/hifazat/policy"
)

// Options configure a [Simulator]. The zero Options means the built-in
// policies and calendars.
type Options struct {
	// Policies are the policies scenarios may name; nil means
	// policy.Builtin().
	Policies *policy.Set
	// Calendars are an institution's own holiday calendars, which
	// scenarios may name besides the built-in ones.
	Calendars []*deadlines.Calendar
	// Interpretations are interpretation settings applied over every
	// policy (casefsm.Options.Interpretations); a refused one makes New
	// fail with an error matching policy.ErrSettingRefused.
	Interpretations []policy.Setting
}

// Simulator reads, checks and runs scenarios. It holds what every run
// needs and builds once: the policy set, a casefsm engine (the same
// lifecycle, guards and deadline arithmetic a real case goes through), the
// calendars, and the scenario validator. A Simulator is immutable and safe
// for concurrent use; the zero Simulator is not usable: build one with
// [New].
type Simulator struct {
	set       *policy.Set
	eng       *casefsm.Engine
	cals      map[string]*deadlines.Calendar
	extraCals []*deadlines.Calendar
	settings  []policy.Setting
	val       *scenarioValidator
}

// New builds a Simulator. It fails only if the casefsm engine cannot be
// built for the policies and calendars given (for example two calendars
// with one id).
func New(o Options) (*Simulator, error) {
	set := o.Policies
	if set == nil {
		set = policy.Builtin()
	}
	eng, err := casefsm.NewEngine(set, casefsm.Options{Calendars: o.Calendars, Interpretations: o.Interpretations})
	if err != nil {
		return nil, fmt.Errorf("simulate: %w", err)
	}
	s := &Simulator{set: set, eng: eng, cals: make(map[string]*deadlines.Calendar), extraCals: o.Calendars, settings: o.Interpretations, val: newScenarioValidator()}
	for _, id := range deadlines.BuiltinIDs() {
		c, err := deadlines.Builtin(id)
		if err != nil {
			return nil, fmt.Errorf("simulate: %w", err)
		}
		s.cals[id] = c
	}
	for _, c := range o.Calendars {
		s.cals[c.ID()] = c // casefsm refused nil and duplicate calendars
	}
	return s, nil
}

// Parse reads a scenario from YAML or JSON (JSON when the first non-space
// byte is '{') on top of [DefaultScenario], and validates it. Field names
// are those of the yaml tags of [Scenario]; an overlay must be given
// inline (use [Simulator.Load] to name an overlay file). Every error
// matches [ErrInvalidScenario] and is a [*ScenarioError] naming the field.
func (s *Simulator) Parse(data []byte) (Scenario, error) {
	sc, ref, err := decodeScenario(data)
	if err != nil {
		return Scenario{}, err
	}
	if ref.file != "" {
		return Scenario{}, &ScenarioError{Field: "overlay", Reason: fmt.Sprintf("line %d: names the file %q; only a scenario read from a file (Load) may name an overlay file", ref.line, ref.file)}
	}
	return sc, s.Validate(sc)
}

// Load reads the scenario file at path like [Simulator.Parse]. Its
// overlay may also be the name of an overlay file, relative to the
// scenario file's directory and inside it: an absolute name, or one that
// leaves the directory (through ".." or a symbolic link), is refused, so
// that a scenario cannot read other files. Each file is read up to 16 MiB.
func (s *Simulator) Load(path string) (Scenario, error) {
	data, err := limit.ReadFile(path)
	if err != nil {
		return Scenario{}, &ScenarioError{Reason: "cannot read the scenario: " + pathError(err), Err: err}
	}
	sc, ref, err := decodeScenario(data)
	if err != nil {
		return Scenario{}, err
	}
	if ref.file != "" {
		od, err := readOverlayFile(filepath.Dir(path), ref.file)
		if err != nil {
			return Scenario{}, &ScenarioError{Field: "overlay", Reason: fmt.Sprintf("line %d: cannot read the overlay file: %s", ref.line, pathError(err)), Err: err}
		}
		o, err := policy.ParseOverlay(od)
		if err != nil {
			return Scenario{}, overlayError(err)
		}
		sc.Overlay = &o
	}
	return sc, s.Validate(sc)
}

// readOverlayFile reads the file name, relative to dir, through an
// [os.Root], which refuses any name that resolves outside dir.
func readOverlayFile(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return limit.ReadAll(f, limit.MaxBytes, name)
}

func pathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

// Validate checks a scenario: the ranges and sums documented on
// [Scenario] and its parts, that its policy (or overlay) and calendar are
// known, and that the calendars cover its period. The error is a
// [*ScenarioError] naming the first offending field.
func (s *Simulator) Validate(sc Scenario) error {
	_, err := s.prepare(sc)
	return err
}

// coverageMargin is how far past the end of observation the calendars
// must reach: a period started on the last day observed ends within it.
const coverageMargin = 120

// resolvePolicy returns the scenario's policy and the engine that knows it.
func (s *Simulator) resolvePolicy(sc Scenario) (*policy.Policy, *casefsm.Engine, error) {
	if sc.Overlay == nil {
		p, err := s.set.Get(sc.Policy)
		if err != nil {
			return nil, nil, &ScenarioError{Field: "policy", Reason: strings.TrimPrefix(err.Error(), "policy: "), Err: err}
		}
		return p, s.eng, nil
	}
	p, err := s.set.Apply(*sc.Overlay)
	if err != nil {
		return nil, nil, overlayError(err)
	}
	set, err := policy.NewSet(append(s.set.All(), p)...)
	if err != nil {
		return nil, nil, overlayError(err)
	}
	eng, err := casefsm.NewEngine(set, casefsm.Options{Calendars: s.extraCals, Interpretations: s.settings})
	if err != nil {
		return nil, nil, fmt.Errorf("simulate: %w", err)
	}
	return p, eng, nil
}

// checkCoverage refuses a period some calendar the cases use does not
// cover, with the margin periods need.
func checkCoverage(sc Scenario, cals ...*deadlines.Calendar) error {
	for _, c := range cals {
		first, last := c.Coverage()
		lo, hi := civil.MustOf(first, 1, 1), civil.MustOf(last, 12, 31)
		need := sc.Period.End().AddDays(coverageMargin)
		switch {
		case sc.Period.Start.Before(lo):
			return &ScenarioError{Field: "period.start", Reason: fmt.Sprintf("%s is before %s, the first day calendar %q covers", sc.Period.Start, lo, c.ID())}
		case !need.IsValid() || need.After(hi):
			return &ScenarioError{Field: "period", Reason: fmt.Sprintf("observation ends on %s, and periods started then run to %s, past %s, the last day calendar %q covers (shorten months or follow_months)",
				sc.Period.End(), need, hi, c.ID())}
		}
	}
	return nil
}
