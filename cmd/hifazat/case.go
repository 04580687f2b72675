package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

const caseUsage = `usage: hifazat case status FILE|- [--at D] [--json]

Replays a case file (the SDK's JSON interchange format; - reads standard
input) and reports the case as of D (default: the date of its last event):
its state, every deadline it started with its status, breaches, the events
permitted next and warnings. Events are numbered from 1, in refusals and
warnings alike; in --json, "error.index" is the refused event's position in
"events" (from 0) and "error.event" its number (from 1). Exit 0 when every
event was applied, 1 when one was refused (the report shows the state before
it), 2 for a malformed file.`

// cmdCase runs "hifazat case SUBCOMMAND".
func cmdCase(e *env, args []string) int {
	if len(args) == 0 {
		return e.fail(exitUsage, "case: want a subcommand; run 'hifazat case --help'")
	}
	sub := map[string]func(*env, []string) int{
		"status": cmdCaseStatus, "import": cmdCaseImport, "apply": cmdCaseApply, "show": cmdCaseShow,
		"list": cmdCaseList, "export": cmdCaseExport, "verify": cmdCaseVerify, "rejudge": cmdCaseRejudge, "access": cmdCaseAccess,
		"erase": cmdCaseErase, "hold": cmdCaseHold, "release": cmdCaseRelease, "holds": cmdCaseHolds,
	}
	if run, ok := sub[args[0]]; ok {
		return run(e, args[1:])
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, caseUsage+"\n\n"+storeUsage+"\n\n"+rejudgeUsage)
		return exitOK
	}
	return e.fail(exitUsage, "case: unknown subcommand %q; run 'hifazat case --help'", args[0])
}

func cmdCaseStatus(e *env, args []string) int {
	fs := newFlags(e, "case status")
	at := fs.String("at", "", "report as of this date (YYYY-MM-DD)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseArgs(e, "case status", caseUsage, fs, args, 1, "one case file (or -)")
	if done {
		return status
	}
	asOf, err := optionalDate(*at)
	if err != nil {
		return e.fail(exitUsage, "case status: --at: %v", err)
	}
	f, err := readCaseFile(e, pos[0])
	if err != nil {
		return e.fail(exitUsage, "case status: %v", err)
	}
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return e.fail(exitUsage, "case status: %v", err)
	}
	r, err := eng.Report(f, asOf)
	if err != nil {
		return e.fail(exitUsage, "case status: %v", err)
	}
	if *asJSON {
		if err := writeJSON(e.stdout, r); err != nil {
			return e.fail(exitUsage, "case status: %v", err)
		}
	} else {
		printReport(e.stdout, r)
	}
	if r.Error != nil {
		return exitRefused
	}
	return exitOK
}

// readCaseFile decodes the case file at path, or standard input for "-",
// both read through readInput's limit.
func readCaseFile(e *env, path string) (*casefsm.CaseFile, error) {
	data, err := readInput(e, path)
	if err != nil {
		return nil, err
	}
	return casefsm.Decode(bytes.NewReader(data))
}

// printReport prints a case report for people.
func printReport(w io.Writer, r casefsm.Report) {
	fmt.Fprintf(w, "policy %s, state %s", r.Policy, r.State)
	if r.Terminal {
		fmt.Fprint(w, " (terminal)")
	}
	if r.AsOf.IsValid() {
		fmt.Fprintf(w, ", as of %s", r.AsOf)
	}
	fmt.Fprintln(w)
	if r.Error != nil {
		fmt.Fprintf(w, "refused: event %d (%s): %s: %s [%s]\n", r.Error.Index+1, r.Error.Type, r.Error.Code, r.Error.Message, r.Error.Citation.Section)
	}
	printDeadlines(w, r.Deadlines)
	if len(r.Breaches) > 0 {
		fmt.Fprintln(w, "\nbreaches:")
		for _, b := range r.Breaches {
			fmt.Fprintf(w, "  %s\n", breachLine(b))
		}
	}
	if len(r.Next) > 0 {
		fmt.Fprintln(w, "\nnext:")
		for _, n := range r.Next {
			fmt.Fprintf(w, "  %s by %s\n", n.Event, joinRoles(n.By))
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(w, "\nwarnings:")
		for _, x := range r.Warnings {
			event := ""
			if x.Index >= 0 {
				event = fmt.Sprintf(" (event %d)", x.Index+1)
			}
			if x.Message == "" {
				fmt.Fprintf(w, "  %s%s [%s]\n", x.Code, event, x.Citation.Section)
				continue
			}
			fmt.Fprintf(w, "  %s%s: %s [%s]\n", x.Code, event, x.Message, x.Citation.Section)
		}
	}
}

// breachLine formats a breach for people as "CODE RULE: MESSAGE [SECTION]",
// without the rule a duty's message already starts with.
func breachLine(b casefsm.Breach) string {
	msg := strings.TrimPrefix(b.Message, string(b.Rule)+": ")
	return fmt.Sprintf("%s %s: %s [%s]", b.Code, b.Rule, msg, b.Citation.Section)
}

func printDeadlines(w io.Writer, ds []casefsm.DeadlineStatus) {
	if len(ds) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tKIND\tFROM\tDUE\tDONE\tSTATUS\tCITATION")
	for _, d := range ds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.Rule, d.Kind, d.From, d.Due, orDash(d.DoneOn), d.Status, d.Citation.Section)
	}
	tw.Flush()
}

func orDash(d civil.Date) string {
	if !d.IsValid() {
		return "-"
	}
	return d.String()
}

func joinRoles(rs []casefsm.Role) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.String()
	}
	return strings.Join(names, ", ")
}
