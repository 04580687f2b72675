package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/rejudge"
)

const rejudgeUsage = `usage: hifazat case rejudge FILE|- (--policy ID | --overlay F | --set NAME=VALUE ...) [--at D] [--json]
       hifazat case rejudge ID --store S (--policy ID | --overlay F | --set NAME=VALUE ...) [--at D] [--json]

Re-judges a case's events under another policy (--policy, a built-in id),
an institution's overlay (--overlay, YAML or JSON, on its own base statute)
or other interpretation settings (--set, repeatable, alone or with either;
names as in 'hifazat policy show --json', values true, false or a number;
a setting that takes a right from a party is refused) and prints what
changes: the state, each deadline's due date and status, the
breaches, the first event the other law would refuse (code and citation),
and the warnings. It is hypothetical by design: the policy runs whatever its
dates of validity and jurisdiction, and every result says so. With --store,
the case is the stored case ID. Exit 0 whether or not anything changes.

JSON: {"notice", "original": OUTCOME, "rejudged": OUTCOME, "differences":
[{"what": "policy|state|refusal|deadline|breach|warning", "item",
"original", "rejudged"}]}, where OUTCOME is {"policy", "substance",
"state", "deadlines": [{"rule","due","status"}], "breaches": [{"code",
"rule","due","on"}], "refusal": null | {"index","event","code","citation"},
"warnings": [{"code","index"}], "events_judged", "as_of", "route",
"terminal"}.`

// cmdCaseRejudge runs "hifazat case rejudge".
func cmdCaseRejudge(e *env, args []string) int {
	const name = "case rejudge"
	fs := newFlags(e, name)
	pol := fs.String("policy", "", "re-judge under the built-in policy `ID`")
	overlay := fs.String("overlay", "", "re-judge under the overlay in `FILE`")
	var sets settingsFlag
	fs.Var(&sets, "set", "set interpretation `NAME=VALUE` (repeatable)")
	store := fs.String("store", "", "read the case `ID` from this store (sqlite:PATH, postgres://..., memory:)")
	at := fs.String("at", "", "judge both as of this date (YYYY-MM-DD; default: each one's last event)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseArgs(e, name, rejudgeUsage, fs, args, 1, "one case file (or -), or a case id with --store")
	if done {
		return status
	}
	asOf, err := optionalDate(*at)
	if err != nil {
		return e.fail(exitUsage, "%s: --at: %v", name, err)
	}
	ch, err := rejudgeChange(e, *pol, *overlay)
	if len(sets) > 0 && err != nil && *pol == "" && *overlay == "" {
		ch, err = rejudge.Change{}, nil
	}
	ch.Settings = sets
	if err != nil {
		return e.fail(rejudgeStatus(err), "%s: %v", name, err)
	}
	f, err := rejudgeInput(e, pos[0], *store)
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	j, err := rejudge.New(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	r, err := j.Rejudge(f, ch, asOf)
	if err != nil {
		return e.fail(rejudgeStatus(err), "%s: %v", name, err)
	}
	if *asJSON {
		return printJSON(e, name, r)
	}
	printRejudged(e.stdout, r)
	return exitOK
}

// rejudgeChange reads the change asked for: exactly one of a policy and
// an overlay file.
func rejudgeChange(e *env, pol, overlay string) (rejudge.Change, error) {
	switch {
	case (pol == "") == (overlay == ""):
		return rejudge.Change{}, fmt.Errorf("want one of --policy and --overlay")
	case pol != "":
		return rejudge.Change{Policy: policy.ID(pol)}, nil
	}
	data, err := readInput(e, overlay)
	if err != nil {
		return rejudge.Change{}, fmt.Errorf("--overlay: %w", err)
	}
	o, err := policy.ParseOverlay(data)
	if err != nil {
		return rejudge.Change{}, fmt.Errorf("--overlay %s: %w", overlay, err)
	}
	return rejudge.Change{Overlay: &o}, nil
}

// rejudgeStatus is 1 when the law refuses the change (an overlay or a
// setting that cuts a right), else 2.
func rejudgeStatus(err error) int {
	if errors.Is(err, policy.ErrSettingRefused) {
		return exitRefused
	}
	return scenarioStatus(err)
}

// settingsFlag collects --set NAME=VALUE as interpretation settings, each
// noted as set on the command line.
type settingsFlag []policy.Setting

func (s *settingsFlag) String() string { return fmt.Sprint([]policy.Setting(*s)) }

func (s *settingsFlag) Set(v string) error {
	name, value, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return fmt.Errorf("want NAME=VALUE, got %q", v)
	}
	st := policy.Setting{Name: name, Value: value, Note: "set by hifazat case rejudge --set, hypothetically"}
	if b, err := strconv.ParseBool(value); err == nil {
		st.Value = b
	} else if n, err := strconv.Atoi(value); err == nil {
		st.Value = n
	}
	*s = append(*s, st)
	return nil
}

// rejudgeInput reads the case: a case file, or with a store the stored
// case of that id.
func rejudgeInput(e *env, arg, store string) (*casefsm.CaseFile, error) {
	if store == "" {
		return readCaseFile(e, arg)
	}
	ctx := context.Background()
	s, err := sqlstore.OpenExisting(ctx, store, casestore.Options{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	c, err := s.Load(ctx, arg)
	if err != nil {
		return nil, err
	}
	return c.File(), nil
}

// printRejudged prints a result for people: the notice, both outcomes in
// brief, and each difference.
func printRejudged(w io.Writer, r *rejudge.Result) {
	fmt.Fprintf(w, "NOTICE: %s.\n\n", r.Notice)
	for _, o := range []struct {
		name string
		o    *rejudge.Outcome
	}{{"as it stands", &r.Original}, {"re-judged", &r.Rejudged}} {
		fmt.Fprintf(w, "%-13s policy %s, state %s, %d deadlines, %d breaches", o.name+":", o.o.Policy, o.o.State, len(o.o.Deadlines), len(o.o.Breaches))
		if ref := o.o.Refusal; ref != nil {
			fmt.Fprintf(w, "; %s", ref)
		}
		fmt.Fprintln(w)
	}
	if !r.Changed() {
		fmt.Fprintln(w, "\nNothing changes but the policy's name.")
		return
	}
	fmt.Fprintln(w, "\nWhat changes (as it stands -> re-judged):")
	for _, d := range r.Differences {
		fmt.Fprintf(w, "  %s\n", d)
	}
}
