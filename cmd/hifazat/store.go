package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

const storeUsage = `usage: hifazat case import FILE|- [--json] [--store S]
       hifazat case apply ID EVENT-JSON [--json] [--store S]
       hifazat case show ID [--as ROLE] [--at D] [--json] [--store S]
       hifazat case list [--overdue] [--due-within N] [--at D] [--state S] [--policy P] [--json] [--store S]
       hifazat case export ID [--store S]
       hifazat case verify ID [--json] [--store S]

Cases kept in a store: --store sqlite:PATH (default sqlite:./hifazat.db),
postgres://USER@HOST/DB, or memory: (gone when the command ends). Every
event is checked by the law before it is stored; each stored event is
hash-chained so that verify finds the first one altered. Roles for --as:
complainant, accused, inquiry_committee, competent_authority, ombudsperson,
statistics. --at defaults to today in Asia/Karachi for list.`

// maxConflictRetries is how often "case apply" reloads and re-checks a case
// that another writer changed under it before giving up.
const maxConflictRetries = 5

// storeFlag registers --store on fs.
func storeFlag(fs interface {
	String(name, value, usage string) *string
}) *string {
	return fs.String("store", sqlstore.DefaultLocation, "the store: sqlite:PATH, postgres://..., or memory:")
}

// openStore opens the store at location and reports a failure on stderr.
func openStore(e *env, name, location string) (casestore.Store, int) {
	s, err := sqlstore.Open(context.Background(), location, casestore.Options{})
	if err != nil {
		return nil, e.fail(exitUsage, "%s: %v", name, err)
	}
	return s, exitOK
}

// storeFail reports a store error with its exit status: 1 when the law
// refused the act, 2 for everything that is not the law's answer.
func storeFail(e *env, name string, err error) int {
	if errors.Is(err, casestore.ErrRefused) {
		return e.fail(exitRefused, "%s: %v", name, err)
	}
	return e.fail(exitUsage, "%s: %v", name, err)
}

func cmdCaseImport(e *env, args []string) int {
	fs := newFlags(e, "case import")
	location := storeFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseCommand(e, "case import", storeUsage, fs, args)
	if done {
		return status
	}
	if len(pos) != 1 {
		return e.fail(exitUsage, "case import: want one case file (or -)")
	}
	data, err := readInput(e, pos[0])
	if err != nil {
		return e.fail(exitUsage, "case import: %v", err)
	}
	h, events, err := casestore.ParseCaseFile(data)
	if err != nil {
		return e.fail(exitUsage, "case import: %v", err)
	}
	s, status := openStore(e, "case import", *location)
	if s == nil {
		return status
	}
	defer s.Close()
	c, err := s.Create(context.Background(), "", h, events...)
	if err != nil {
		return storeFail(e, "case import", err)
	}
	if *asJSON {
		return printJSON(e, "case import", map[string]string{"id": c.ID})
	}
	fmt.Fprintln(e.stdout, c.ID)
	return exitOK
}

// applyJSON is the JSON form of "hifazat case apply --json".
type applyJSON struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
	State   string `json:"state"`
}

func cmdCaseApply(e *env, args []string) int {
	fs := newFlags(e, "case apply")
	location := storeFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseCommand(e, "case apply", storeUsage, fs, args)
	if done {
		return status
	}
	if len(pos) != 2 {
		return e.fail(exitUsage, "case apply: want a case id and one event as JSON")
	}
	ev, err := casestore.ParseEvent([]byte(pos[1]))
	if err != nil {
		return e.fail(exitUsage, "case apply: %v", err)
	}
	s, status := openStore(e, "case apply", *location)
	if s == nil {
		return status
	}
	defer s.Close()
	c, err := appendWithRetry(context.Background(), s, pos[0], ev)
	switch {
	case errors.Is(err, casestore.ErrConflict):
		return e.fail(exitRefused, "case apply: conflict: case %s kept changing under %d attempts; nothing was written: %v", pos[0], maxConflictRetries, err)
	case err != nil:
		return storeFail(e, "case apply", err)
	}
	if *asJSON {
		return printJSON(e, "case apply", applyJSON{ID: c.ID, Version: c.Version(), State: c.Projection.State})
	}
	fmt.Fprintf(e.stdout, "case %s: %s applied as version %d; state %s\n", c.ID, ev.Type(), c.Version(), c.Projection.State)
	return exitOK
}

// appendWithRetry appends ev to case id at the version it loads, and on a
// version conflict reloads the case, so that the law re-checks the event
// against what the other writer stored, and tries again.
func appendWithRetry(ctx context.Context, s casestore.Store, id string, ev casestore.Event) (casestore.Case, error) {
	var err error
	for range maxConflictRetries {
		var c casestore.Case
		if c, err = s.Load(ctx, id); err != nil {
			return casestore.Case{}, err
		}
		if c, err = s.Append(ctx, id, c.Version(), ev); !errors.Is(err, casestore.ErrConflict) {
			return c, err
		}
	}
	return casestore.Case{}, err
}

// showJSON is the JSON form of "hifazat case show --json".
type showJSON struct {
	ID      string          `json:"id"`
	Version int64           `json:"version"`
	View    *casestore.View `json:"view,omitempty"`
	Status  casefsm.Report  `json:"status"`
}

func cmdCaseShow(e *env, args []string) int {
	fs := newFlags(e, "case show")
	location := storeFlag(fs)
	as := fs.String("as", "", "show only what this role may see")
	at := fs.String("at", "", "report as of this date")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseCommand(e, "case show", storeUsage, fs, args)
	if done {
		return status
	}
	if len(pos) != 1 {
		return e.fail(exitUsage, "case show: want one case id")
	}
	asOf, err := optionalDate(*at)
	if err != nil {
		return e.fail(exitUsage, "case show: --at: %v", err)
	}
	var role casestore.Role
	if *as != "" {
		if err := role.UnmarshalText([]byte(*as)); err != nil {
			return e.fail(exitUsage, "case show: --as: %v", err)
		}
	}
	s, status := openStore(e, "case show", *location)
	if s == nil {
		return status
	}
	defer s.Close()
	c, err := s.Load(context.Background(), pos[0])
	if err != nil {
		return storeFail(e, "case show", err)
	}
	out := showJSON{ID: c.ID, Version: c.Version()}
	if *as != "" {
		v, err := casestore.ViewAs(c, role)
		if err != nil {
			return e.fail(exitUsage, "case show: %v", err)
		}
		out.View = &v
	}
	if out.Status, err = reportOf(c, asOf); err != nil {
		return e.fail(exitUsage, "case show: %v", err)
	}
	if role == casestore.Statistics {
		out.ID = ""
	}
	if *asJSON {
		return printJSON(e, "case show", out)
	}
	printShow(e.stdout, out)
	return exitOK
}

// reportOf replays a stored case through casefsm: a stored state is never
// trusted.
func reportOf(c casestore.Case, asOf civil.Date) (casefsm.Report, error) {
	f, err := casefsm.Decode(bytes.NewReader(c.File()))
	if err != nil {
		return casefsm.Report{}, err
	}
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return casefsm.Report{}, err
	}
	return eng.Report(f, asOf)
}

func printShow(w io.Writer, out showJSON) {
	if out.ID != "" {
		fmt.Fprintf(w, "case %s, version %d\n", out.ID, out.Version)
	}
	if out.View != nil {
		fmt.Fprintf(w, "as %s (%d values withheld):\n", out.View.Role, out.View.Redacted)
		_ = writeJSON(w, out.View)
		fmt.Fprintln(w)
	}
	printReport(w, out.Status)
}

func cmdCaseList(e *env, args []string) int {
	fs := newFlags(e, "case list")
	location := storeFlag(fs)
	var f casestore.Filter
	fs.BoolVar(&f.Overdue, "overdue", false, "only cases with a deadline overdue on --at")
	fs.IntVar(&f.DueWithin, "due-within", 0, "only cases with a deadline due within N days of --at")
	fs.StringVar(&f.State, "state", "", "only cases in this state")
	fs.StringVar(&f.Policy, "policy", "", "only cases under this policy")
	at := fs.String("at", "", "judge deadlines on this date (default today in Asia/Karachi)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseCommand(e, "case list", storeUsage, fs, args)
	if done {
		return status
	}
	if len(pos) > 0 {
		return e.fail(exitUsage, "case list: unexpected argument %q", pos[0])
	}
	var err error
	if f.At, err = optionalDate(*at); err != nil {
		return e.fail(exitUsage, "case list: --at: %v", err)
	}
	if !f.At.IsValid() {
		f.At = e.today()
	}
	if err := f.Check(); err != nil {
		return e.fail(exitUsage, "case list: %v", err)
	}
	s, status := openStore(e, "case list", *location)
	if s == nil {
		return status
	}
	defer s.Close()
	list, err := s.List(context.Background(), f)
	if err != nil {
		return storeFail(e, "case list", err)
	}
	if *asJSON {
		if list == nil {
			list = []casestore.Summary{}
		}
		return printJSON(e, "case list", list)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tPOLICY\tSTATE\tNEXT DUE")
	for _, c := range list {
		next := "-"
		if len(c.Deadlines) > 0 {
			next = c.Deadlines[0].Due.String() + " " + c.Deadlines[0].Rule
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", c.ID, c.Version, c.Policy, c.State, next)
	}
	tw.Flush()
	return exitOK
}

func cmdCaseExport(e *env, args []string) int {
	fs := newFlags(e, "case export")
	location := storeFlag(fs)
	pos, status, done := parseCommand(e, "case export", storeUsage, fs, args)
	if done {
		return status
	}
	if len(pos) != 1 {
		return e.fail(exitUsage, "case export: want one case id")
	}
	s, status := openStore(e, "case export", *location)
	if s == nil {
		return status
	}
	defer s.Close()
	c, err := s.Load(context.Background(), pos[0])
	if err != nil {
		return storeFail(e, "case export", err)
	}
	e.stdout.Write(c.File())
	fmt.Fprintln(e.stdout)
	return exitOK
}

func cmdCaseVerify(e *env, args []string) int {
	fs := newFlags(e, "case verify")
	location := storeFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseCommand(e, "case verify", storeUsage, fs, args)
	if done {
		return status
	}
	if len(pos) != 1 {
		return e.fail(exitUsage, "case verify: want one case id")
	}
	s, status := openStore(e, "case verify", *location)
	if s == nil {
		return status
	}
	defer s.Close()
	v, err := s.Verify(context.Background(), pos[0])
	if err != nil {
		return storeFail(e, "case verify", err)
	}
	if *asJSON {
		if st := printJSON(e, "case verify", verifyJSON{Case: v.Case, Intact: v.Intact(), Version: v.Version, Head: v.Head, Problem: problemOf(v)}); st != exitOK {
			return st
		}
	} else {
		fmt.Fprintln(e.stdout, v)
	}
	if !v.Intact() {
		return exitRefused
	}
	return exitOK
}

// verifyJSON is the JSON form of "hifazat case verify --json".
type verifyJSON struct {
	Case    string         `json:"case"`
	Intact  bool           `json:"intact"`
	Version int64          `json:"version"`
	Head    casestore.Hash `json:"head"`
	Problem *problemJSON   `json:"problem"`
}

type problemJSON struct {
	Kind    casestore.TamperKind `json:"kind"`
	Version int64                `json:"version"`
	Detail  string               `json:"detail"`
}

func problemOf(v casestore.Verification) *problemJSON {
	if v.Intact() {
		return nil
	}
	return &problemJSON{Kind: v.Problem.Kind, Version: v.Problem.Version, Detail: v.Problem.Detail}
}
