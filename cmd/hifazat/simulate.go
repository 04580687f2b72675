package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/simulate"
	"github.com/hifazat/hifazat/simulate/chart"
	"golang.org/x/term"
)

const simulateUsage = `usage: hifazat simulate [SCENARIO-FILE|-] [--cases N] [--seed S] [--workers W]
                        [--json] [--csv F] [--svg F] [--compare OTHER-SCENARIO]
       hifazat simulate [SCENARIO-FILE|-] --vary NAME|all ... [--cases N] [--seed S] [--workers W] [--json] [--svg F]
       hifazat simulate [SCENARIO-FILE|-] --print-scenario
       hifazat simulate --rejudge-store S --admin ID (--policy ID | --overlay F | --set NAME=VALUE ...) [--json]

Simulates complaints through the real lifecycle (casefsm) under a scenario
(YAML or JSON; see package simulate). Without a file, the default scenario
runs: its numbers are invented to be plausible, not measured, and the report
and chart say so. --print-scenario prints the scenario as YAML (the default,
to start a file from) and runs nothing. --csv and --svg write the aggregates
and the chart to F ("-": standard output, instead of the table); they are
checked before the run. --compare runs a second scenario with the same cases
and seed and prints both side by side. --vary (repeatable; all for every
interpretation with an alternative) runs the same cases again with each
interpretation set to its other value and says how many cases change
outcome, breaches and day of decision; --svg then draws that.
--rejudge-store re-judges every case of a store under the change given (as
'hifazat case rejudge' does one, hypothetically) and prints only counts:
how many cases change state, gain or lose a breach, have an event refused;
a count from 1 to 4 is withheld, and no case is identified. Each case is
read whole, by the administrator --admin names, and logged in the store's
access log. On a terminal, stderr shows the
progress with an estimate of the time left. The garbage collector runs at
GOGC=400 unless GOGC is set.`

// cmdSimulate runs `hifazat simulate`.
func cmdSimulate(e *env, args []string) int {
	fs := newFlags(e, "simulate")
	fs.SetOutput(io.Discard) // errors are reported on one line below
	cases := fs.Int("cases", simulate.DefaultCases, "cases to simulate")
	seed := fs.Uint64("seed", 0, "seed of the random streams")
	workers := fs.Int("workers", 0, "goroutines (default: one per CPU; the output does not depend on it)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	csvPath := fs.String("csv", "", "write the aggregates as CSV to `F`")
	svgPath := fs.String("svg", "", "write the chart as SVG to `F`")
	compare := fs.String("compare", "", "compare with the scenario in `FILE`")
	printScenario := fs.Bool("print-scenario", false, "print the scenario as YAML and run nothing")
	var varied stringsFlag
	fs.Var(&varied, "vary", "vary interpretation `NAME` (repeatable; all: every one)")
	rejudgeStore := fs.String("rejudge-store", "", "re-judge every case of the store `S` (with --policy, --overlay or --set)")
	keyFile := keyFlag(fs)
	rjPolicy := fs.String("policy", "", "with --rejudge-store: re-judge under the policy `ID`")
	rjAdmin := fs.String("admin", "", "with --rejudge-store: the administrator who reads every case (required; each read logged)")
	rjOverlay := fs.String("overlay", "", "with --rejudge-store: re-judge under the overlay in `FILE`")
	var rjSets settingsFlag
	fs.Var(&rjSets, "set", "with --rejudge-store: set interpretation `NAME=VALUE` (repeatable)")
	pos, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(e.stdout, simulateUsage+"\n\nFlags:")
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		return exitOK
	case err != nil:
		return e.fail(exitUsage, "simulate: %v; run 'hifazat simulate --help'", err)
	}
	switch {
	case len(pos) > 1:
		return e.fail(exitUsage, "simulate: want at most one scenario file, got %d", len(pos))
	case *cases < 1 || *cases > simulate.MaxCases:
		return e.fail(exitUsage, "simulate: --cases %d (want 1 to %d)", *cases, simulate.MaxCases)
	case *workers < 0:
		return e.fail(exitUsage, "simulate: --workers %d (want 1 or more, or 0 for one per CPU)", *workers)
	case *asJSON && (*csvPath == "-" || *svgPath == "-"), *csvPath == "-" && *svgPath == "-":
		return e.fail(exitUsage, "simulate: only one of --json, --csv - and --svg - may use standard output")
	case len(varied) > 0 && (*compare != "" || *csvPath != ""):
		return e.fail(exitUsage, "simulate: --vary takes neither --compare nor --csv")
	case *rejudgeStore == "" && (*rjPolicy != "" || *rjOverlay != "" || len(rjSets) > 0 || *rjAdmin != ""):
		return e.fail(exitUsage, "simulate: --policy, --overlay, --set and --admin go with --rejudge-store")
	case *rejudgeStore != "" && *rjAdmin == "":
		return e.fail(exitUsage, "simulate: --rejudge-store reads every case whole: name the administrator who reads them with --admin ID")
	case *rejudgeStore != "":
		if len(pos) > 0 || len(varied) > 0 || *compare != "" || *csvPath != "" || *svgPath != "" {
			return e.fail(exitUsage, "simulate: --rejudge-store takes no scenario, --vary, --compare, --csv or --svg")
		}
		return e.rejudgeStore(*rejudgeStore, *keyFile, *rjAdmin, *rjPolicy, *rjOverlay, rjSets, *asJSON)
	}
	for _, o := range []struct{ flag, path string }{{"--csv", *csvPath}, {"--svg", *svgPath}} {
		if err := checkOutput(o.path); err != nil {
			return e.fail(exitUsage, "simulate: %s: %v", o.flag, err)
		}
	}
	sim, err := simulate.New(simulate.Options{})
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	scenarios, status := e.loadScenarios(sim, file, *compare)
	if status != exitOK {
		return status
	}
	if *printScenario {
		if err := simulate.WriteScenario(e.stdout, scenarios[0]); err != nil {
			return e.fail(exitUsage, "simulate: %v", err)
		}
		return exitOK
	}
	if os.Getenv("GOGC") == "" {
		// A run's live heap is small and bounded (one organisation's cases
		// per worker), while each simulated case allocates; collecting less
		// often nearly doubles the speed on two cores for a few tens of
		// megabytes. GOGC in the environment overrides this.
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts := simulate.RunOptions{Cases: *cases, Seed: *seed, Workers: *workers}
	if len(varied) > 0 {
		return e.varyScenario(ctx, sim, scenarios[0], opts, varied, *asJSON, *svgPath)
	}
	reports := make([]*simulate.Report, len(scenarios))
	for i, sc := range scenarios {
		opts.Progress = e.progressBar(!*asJSON, sc.Name)
		r, err := sim.Run(ctx, sc, opts)
		if opts.Progress != nil {
			opts.Progress(-1, 0)
		}
		if err != nil {
			return e.fail(scenarioStatus(err), "simulate: %s", strings.TrimPrefix(err.Error(), "simulate: "))
		}
		reports[i] = r
	}
	return e.writeReports(reports, *asJSON, *csvPath, *svgPath)
}

// loadScenarios reads the scenario (the default without a file) and the
// one to compare with, if any.
func (e *env) loadScenarios(sim *simulate.Simulator, file, compare string) ([]simulate.Scenario, int) {
	var out []simulate.Scenario
	for _, f := range []string{file, compare} {
		if f == "" && len(out) > 0 {
			break
		}
		sc, err := e.loadScenario(sim, f)
		if err != nil {
			name := f
			if name == "" {
				name = "default scenario"
			}
			return nil, e.fail(scenarioStatus(err), "simulate: %s: %s", name, strings.TrimPrefix(err.Error(), "simulate: "))
		}
		out = append(out, sc)
	}
	return out, exitOK
}

// loadScenario reads one scenario: the default for "", standard input for
// "-", else the file; an unnamed scenario is named after its file.
func (e *env) loadScenario(sim *simulate.Simulator, file string) (simulate.Scenario, error) {
	switch file {
	case "":
		return simulate.DefaultScenario(), nil
	case "-":
		data, err := readInput(e, "-")
		if err != nil {
			return simulate.Scenario{}, err
		}
		return sim.Parse(data)
	}
	sc, err := sim.Load(file)
	if err == nil && sc.Name == "" {
		sc.Name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	return sc, err
}

// scenarioStatus is the exit status for a run that cannot go on: 1 when
// the law refuses the scenario's overlay; 2 for a malformed scenario, an
// interrupted run or anything else.
func scenarioStatus(err error) int {
	if errors.Is(err, policy.ErrOverlayRefused) {
		return exitRefused
	}
	return exitUsage
}

// writeReports prints the reports as asked: JSON, or the table (a
// comparison for two); and the CSV and SVG files.
func (e *env) writeReports(reports []*simulate.Report, asJSON bool, csvPath, svgPath string) int {
	if err := e.writeTo(csvPath, func(w io.Writer) error { return simulate.WriteCSV(w, reports...) }); err != nil {
		return e.fail(exitUsage, "simulate: --csv: %v", err)
	}
	if err := e.writeTo(svgPath, func(w io.Writer) error { return chart.SVG(w, reports...) }); err != nil {
		return e.fail(exitUsage, "simulate: --svg: %v", err)
	}
	var err error
	switch {
	case asJSON && len(reports) == 2:
		err = writeJSON(e.stdout, comparisonJSON{A: reports[0], B: reports[1], Differences: simulate.Compare(reports[0], reports[1])})
	case asJSON:
		err = writeJSON(e.stdout, reports[0])
	case csvPath == "-" || svgPath == "-":
	case len(reports) == 2:
		err = simulate.WriteComparison(e.stdout, reports[0], reports[1])
	default:
		err = simulate.WriteText(e.stdout, reports[0])
	}
	if err != nil {
		return e.fail(exitUsage, "simulate: %v", err)
	}
	return exitOK
}

// comparisonJSON is the --json output of --compare.
type comparisonJSON struct {
	A           *simulate.Report      `json:"a"`
	B           *simulate.Report      `json:"b"`
	Differences []simulate.Difference `json:"differences"`
}

// writeTo writes to the file at path ("-": standard output; "": nothing).
func (e *env) writeTo(path string, write func(io.Writer) error) error {
	switch path {
	case "":
		return nil
	case "-":
		return write(e.stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// checkOutput checks, before a run, that a file can be written at path
// ("" and "-" need no check): it opens it for writing without truncating
// it, and removes it again if it did not exist.
func checkOutput(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	f.Close()
	if errors.Is(statErr, fs.ErrNotExist) {
		return os.Remove(path)
	}
	return nil
}

// progressBar returns a progress callback drawing a bar on stderr, or nil
// when stderr is not a terminal or the output is JSON. Called with a
// negative count, it clears its line.
func (e *env) progressBar(enabled bool, name string) func(done, total int) {
	f, ok := e.stderr.(*os.File)
	if !enabled || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	last, start := -1, e.now()
	return func(done, total int) {
		if done < 0 {
			fmt.Fprint(f, "\r\033[K")
			return
		}
		pct := done * 100 / max(total, 1)
		if pct == last {
			return
		}
		last = pct
		fmt.Fprint(f, "\r"+progressLine(name, done, total, e.now().Sub(start)))
	}
}

// progressLine is the progress bar's line: the cases done, and, once some
// are, the time left at the rate so far.
func progressLine(name string, done, total int, elapsed time.Duration) string {
	pct := done * 100 / max(total, 1)
	const width = 30
	bar := strings.Repeat("#", pct*width/100) + strings.Repeat(".", width-pct*width/100)
	line := fmt.Sprintf("simulating %s [%s] %3d%% %d/%d cases", name, bar, pct, done, total)
	if done > 0 && done < total {
		left := time.Duration(float64(elapsed) * float64(total-done) / float64(done))
		line += ", about " + left.Round(time.Second).String() + " left"
	}
	return line
}

// stringsFlag collects a repeatable flag's values.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// varyScenario runs `simulate --vary` and prints the result.
func (e *env) varyScenario(ctx context.Context, sim *simulate.Simulator, sc simulate.Scenario, opts simulate.RunOptions, names []string, asJSON bool, svgPath string) int {
	v, err := sim.Vary(ctx, sc, opts, names)
	if err != nil {
		return e.fail(scenarioStatus(err), "simulate: %s", strings.TrimPrefix(err.Error(), "simulate: "))
	}
	if err := e.writeTo(svgPath, func(w io.Writer) error { return chart.VariationsSVG(w, v) }); err != nil {
		return e.fail(exitUsage, "simulate: --svg: %v", err)
	}
	switch {
	case asJSON:
		err = writeJSON(e.stdout, v)
	case svgPath == "-":
	default:
		err = simulate.WriteVariations(e.stdout, v)
	}
	if err != nil {
		return e.fail(exitUsage, "simulate: %v", err)
	}
	return exitOK
}
