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
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/rejudge"
)

const rejudgeUsage = `usage: hifazat case rejudge FILE|- (--policy ID | --overlay F | --set NAME=VALUE ...) [--at D] [--json]
       hifazat case rejudge ID --store S --admin ID (--policy ID | --overlay F | --set NAME=VALUE ...) [--at D] [--json]

Re-judges a case's events under another policy (--policy, a built-in id),
an institution's overlay (--overlay, YAML or JSON, on its own base statute)
or other interpretation settings (--set, repeatable, alone or with either;
names as in 'hifazat policy show --json', values true, false or a number;
a setting that takes a right from a party is refused) and prints what
changes: the state, each deadline's due date and status, the
breaches, the first event the other law would refuse (code and citation),
and the warnings. It is hypothetical by design: the policy runs whatever its
dates of validity and jurisdiction, and every result says so. With --store,
the case is the stored case ID, read whole by the administrator --admin
names and logged in the store's access log. Exit 0 whether or not anything
changes.

JSON: {"notice", "original": OUTCOME, "rejudged": OUTCOME, "differences":
[{"what": "policy|state|refusal|deadline|breach|warning", "item",
"original", "rejudged"}]}, where OUTCOME is {"policy", "substance",
"state", "deadlines": [{"rule","due","status","party"}], "breaches": [{"code",
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
	keyFile := keyFlag(fs)
	admin := fs.String("admin", "", "with --store: the administrator who reads the case (required; logged)")
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
	ch, err := rejudgeChange(e, *pol, *overlay, sets)
	if err != nil {
		return e.fail(rejudgeStatus(err), "%s: %v", name, err)
	}
	f, err := rejudgeInput(e, pos[0], *store, *admin, *keyFile)
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

// rejudgeChange reads the change asked for: a policy or an overlay file,
// not both, and settings, with either or alone.
func rejudgeChange(e *env, pol, overlay string, sets []policy.Setting) (rejudge.Change, error) {
	switch {
	case pol != "" && overlay != "", pol == "" && overlay == "" && len(sets) == 0:
		return rejudge.Change{}, fmt.Errorf("want one of --policy and --overlay, or --set")
	case overlay == "":
		return rejudge.Change{Policy: policy.ID(pol), Settings: sets}, nil
	}
	data, err := readInput(e, overlay)
	if err != nil {
		return rejudge.Change{}, fmt.Errorf("--overlay: %w", err)
	}
	o, err := policy.ParseOverlay(data)
	if err != nil {
		return rejudge.Change{}, fmt.Errorf("--overlay %s: %w", overlay, err)
	}
	return rejudge.Change{Overlay: &o, Settings: sets}, nil
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

// rejudgeInput reads the case: a case file, or with a store (sealed cases
// opened with the key file keyFile) the stored case of that id, read whole
// by the administrator admin and logged.
func rejudgeInput(e *env, arg, store, admin, keyFile string) (*casefsm.CaseFile, error) {
	switch {
	case store == "" && admin != "":
		return nil, errors.New("--admin names who reads a stored case: give it with --store")
	case store == "":
		return readCaseFile(e, arg)
	case admin == "":
		return nil, errors.New("a stored case is read whole: name the administrator who reads it with --admin ID")
	}
	keys, err := storeKeys(keyFile)
	if err != nil {
		return nil, fmt.Errorf("--key-file: %w", err)
	}
	ctx := context.Background()
	s, err := sqlstore.OpenExisting(ctx, store, casestore.Options{Keys: keys})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	g := access.Of(s, e.now)
	g.Admins = []string{admin}
	c, err := g.ReadWhole(ctx, access.Actor{ID: admin}, arg, "rejudge")
	if err != nil {
		return nil, err
	}
	return c.File(), nil
}

// rejudgePage is how many case summaries one List call of
// `simulate --rejudge-store` reads.
const rejudgePage = 500

// rejudgeStore runs `simulate --rejudge-store`: every case of the store
// read whole by the administrator admin (each read logged), re-judged, and
// only the suppressed counts printed.
func (e *env) rejudgeStore(location, keyFile, admin, pol, overlay string, sets []policy.Setting, asJSON bool) int {
	const name = "simulate --rejudge-store"
	ch, err := rejudgeChange(e, pol, overlay, sets)
	if err != nil {
		return e.fail(rejudgeStatus(err), "%s: %v", name, err)
	}
	j, err := rejudge.New(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	keys, err := storeKeys(keyFile)
	if err != nil {
		return e.fail(exitUsage, "%s: --key-file: %v", name, err)
	}
	ctx := context.Background()
	s, err := sqlstore.OpenExisting(ctx, location, casestore.Options{Keys: keys})
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	defer s.Close()
	g := access.Of(s, e.now)
	g.Admins = []string{admin}
	var t rejudge.Tally
	for after := ""; ; {
		page, err := s.List(ctx, casestore.Filter{After: after, Limit: rejudgePage})
		if err != nil {
			return e.fail(exitUsage, "%s: %v", name, err)
		}
		for _, sum := range page {
			c, err := g.ReadWhole(ctx, access.Actor{ID: admin}, sum.ID, "rejudge")
			if err != nil {
				t.AddUnreadable()
				continue
			}
			r, err := j.Rejudge(c.File(), ch, civil.Date{})
			if errors.Is(err, policy.ErrOverlayRefused) || errors.Is(err, policy.ErrSettingRefused) || errors.Is(err, policy.ErrUnknownPolicy) {
				return e.fail(rejudgeStatus(err), "%s: %v", name, err)
			}
			if err != nil {
				t.AddUnreadable()
				continue
			}
			t.Add(r)
		}
		if len(page) < rejudgePage {
			break
		}
		after = page[len(page)-1].ID
	}
	return e.printTally(name, ch, t.Rows(), asJSON)
}

// printTally prints the counts of a store's re-judging, under a notice
// that names the change but no case.
func (e *env) printTally(name string, ch rejudge.Change, rows []rejudge.Row, asJSON bool) int {
	notice := "hypothetical: every case re-judged" + changeWords(ch) + " whatever the policy's dates; this is not the law that governs them"
	if asJSON {
		return printJSON(e, name, struct {
			Notice string        `json:"notice"`
			K      int           `json:"k"`
			Counts []rejudge.Row `json:"counts"`
		}{notice, rejudge.K, rows})
	}
	fmt.Fprintf(e.stdout, "NOTICE: %s.\nCounts from 1 to %d are withheld (k = %d), and every count when fewer than %d cases were re-judged (a zero would then tell of each case); no case is identified.\n\n", notice, rejudge.K-1, rejudge.K, rejudge.K)
	for _, r := range rows {
		count := strconv.FormatInt(r.Count, 10)
		if r.Suppressed {
			count = "withheld"
		}
		fmt.Fprintf(e.stdout, "%-18s %s\n", r.Name, count)
	}
	return exitOK
}

// changeWords words a change: " under ID", " with NAME = VALUE".
func changeWords(ch rejudge.Change) string {
	var b strings.Builder
	switch {
	case ch.Overlay != nil:
		b.WriteString(" under " + string(ch.Overlay.ID))
	case ch.Policy != "":
		b.WriteString(" under " + string(ch.Policy))
	}
	for i, s := range ch.Settings {
		sep := ", "
		if i == 0 {
			sep = " with "
		}
		fmt.Fprintf(&b, "%s%s = %v", sep, s.Name, s.Value)
	}
	return b.String()
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
