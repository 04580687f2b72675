package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/internal/limit"
)

// writeJSON writes v as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// newFlags returns a flag set for a subcommand that reports errors to the
// caller instead of exiting, so every usage error ends with exit status 2.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("hifazat "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// ("policy show ID --json"), and returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseCommand parses a subcommand's flags; when done is true the command
// is over (help printed, or bad flags) and status is its exit status. name
// is the command as typed ("case status"); usage is printed for --help.
func parseCommand(e *env, name, usage string, fs *flag.FlagSet, args []string) (pos []string, status int, done bool) {
	fs.SetOutput(io.Discard)
	pos, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(e.stdout, usage)
		return nil, exitOK, true
	case err != nil:
		return nil, e.fail(exitUsage, "%s: %v; run 'hifazat %s --help'", name, err, strings.Fields(name)[0]), true
	}
	return pos, exitOK, false
}

// wantArgs checks that a command got want positional arguments, which what
// describes for the message ("a policy id"; unused when want is 0). When
// done is true the command is over and status is its exit status.
func wantArgs(e *env, name string, pos []string, want int, what string) (status int, done bool) {
	switch {
	case len(pos) > want:
		return e.fail(exitUsage, "%s: unexpected argument %q; run 'hifazat %s --help'", name, pos[want], strings.Fields(name)[0]), true
	case len(pos) < want:
		return e.fail(exitUsage, "%s: want %s; run 'hifazat %s --help'", name, what, strings.Fields(name)[0]), true
	}
	return exitOK, false
}

// parseArgs is parseCommand followed by wantArgs: the command's flags,
// then want positional arguments, described by what.
func parseArgs(e *env, name, usage string, fs *flag.FlagSet, args []string, want int, what string) (pos []string, status int, done bool) {
	if pos, status, done = parseCommand(e, name, usage, fs, args); done {
		return nil, status, true
	}
	if status, done = wantArgs(e, name, pos, want, what); done {
		return nil, status, true
	}
	return pos, exitOK, false
}

// printJSON writes v as JSON and returns the exit status.
func printJSON(e *env, name string, v any) int {
	if err := writeJSON(e.stdout, v); err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	return exitOK
}

// readInput reads the file at path, or standard input for "-", refusing
// either past limit.MaxBytes (16 MiB) with a *limit.TooLargeError.
func readInput(e *env, path string) ([]byte, error) {
	if path == "-" {
		return limit.ReadAll(e.stdin, limit.MaxBytes, "standard input")
	}
	return limit.ReadFile(path)
}

// optionalDate parses s as YYYY-MM-DD; the empty string is the zero Date.
func optionalDate(s string) (civil.Date, error) {
	if s == "" {
		return civil.Date{}, nil
	}
	return civil.Parse(s)
}
