// Command hifazat runs the Hifazat SDK from the shell: the policies in force,
// statutory deadlines, holiday calendars, committee checks and complaint
// cases under Pakistan's Protection against Harassment of Women at the
// Workplace Act, 2010.
//
// Output is for people by default and JSON with --json. Exit status: 0 done,
// 1 the law refuses (an invalid overlay, a refused act, an invalid
// committee, a tampered case), 2 bad usage, malformed input or anything
// else that stops the command, with a one-line message on stderr. Dates
// are YYYY-MM-DD. See README.md for every command.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/hifazat/hifazat/civil"
)

// Exit statuses, a public contract.
const (
	exitOK      = 0
	exitRefused = 1
	exitUsage   = 2
)

// command is one top-level subcommand. run gets the arguments after the
// command's name and returns the exit status.
type command struct {
	summary string
	run     func(env *env, args []string) int
}

// env is what a command may touch: its output streams and standard input.
// Commands never write to os.Stdout directly, so tests can run them.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// now is the command line's clock, read only for defaults such as
	// "today"; the library never reads one.
	now func() time.Time
}

func commands() map[string]command {
	cmds := map[string]command{
		"policy":    {"the policies in force, their rules and citations; check an overlay", cmdPolicy},
		"committee": {"check an Inquiry Committee's composition (s.3), standing or for a case", cmdCommittee},
		"holidays":  {"the holidays of a year on a calendar, fixed, notified or estimated", cmdHolidays},
		"deadline":  {"the deadline of a policy's rule from a trigger date, with its citation", cmdDeadline},
		"case":      {"replay a case file (status), keep cases in a store (import, apply, show, list, export, verify, access, erase, hold, release, holds), re-judge one (rejudge)", cmdCase},
		"demo":      {"walk a synthetic complaint through the Act, step by step", cmdDemo},
		"diagram":   {"the complaint lifecycle as a Mermaid or Graphviz diagram", cmdDiagram},
		"simulate":  {"simulate many complaints under a scenario, on the real rules; compare two", cmdSimulate},
		"serve":     {"serve the JSON HTTP API (cases, deadlines, committees, policies, event types)", cmdServe},
		"token":     {"issue a bearer token for the HTTP API to an actor", cmdToken},
		"remind":    {"deliver deadline reminders due to a webhook and/or by e-mail, once each (for cron)", cmdRemind},
		"events":    {"every event type: who may perform it, from which states, its fields", cmdEvents},
		"key":       {"write a new deployment key that seals cases at rest, or rotate to one", cmdKey},
		"version":   {"the version of the hifazat module this command was built from", cmdVersion},
	}
	addComplianceCommands(cmds)
	return cmds
}

func main() {
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, now: time.Now}, os.Args[1:]))
}

func run(e *env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := cmds[args[0]]
	if !ok {
		return e.fail(exitUsage, "unknown command %q; run 'hifazat help' for the list", args[0])
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: hifazat COMMAND [ARGS]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s %s\n", width, n, cmds[n].summary)
	}
}

// today is the date in Asia/Karachi by the command line's clock.
func (e *env) today() civil.Date { return civil.FromTime(e.now()) }

// fail prints a one-line message on stderr and returns status.
func (e *env) fail(status int, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "hifazat: "+format+"\n", a...)
	return status
}
