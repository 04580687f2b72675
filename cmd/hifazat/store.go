package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
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
       hifazat case verify ID [--receipt R] [--json] [--store S]

Cases kept in a store: --store sqlite:PATH (default sqlite:./hifazat.db;
created with mode 0600; sqlite:PATH?mode=ro opens it read-only),
postgres://USER@HOST/DB, or memory: (gone when the command ends). Only
import creates a store; the other commands fail (exit 2) on a location that
holds none. Files and standard input are read up to 16 MiB. Every
event is checked by the law before it is stored; each stored event is
hash-chained so that verify finds the first one altered. import and apply
print a receipt (hifazat-receipt:v1:ID:VERSION:HEAD) for a party to keep
outside the database; verify --receipt R proves the case still holds it
(exit 1 if truncated, rolled back, rewritten or deleted). --as is a role
(complainant, accused, supervisor, inquiry_committee, competent_authority,
ombudsperson, president_or_governor, employer) or statistics; the case and
its status are shown as the library's confidentiality table lets that
reader see them (statistics: no identities, no writing, no messages,
dates to the month). --at defaults to today in Asia/Karachi for list.`

// maxConflictRetries is how often "case apply" reloads and re-checks a case
// that another writer changed under it before giving up.
const maxConflictRetries = 5

// storeCommand parses a store subcommand (name, such as "case show"): the
// flags already on fs and --store, which it adds; checks that it got want
// positional arguments, described by what; runs check on them, if given,
// so that bad usage is reported before the store is touched; and opens the
// store. When done is true the command is over and status is its exit
// status; otherwise the caller closes s.
func storeCommand(e *env, name string, fs *flag.FlagSet, args []string, want int, what string, check func(pos []string) error) (pos []string, s casestore.Store, status int, done bool) {
	location := fs.String("store", sqlstore.DefaultLocation, "the store: sqlite:PATH, postgres://..., or memory:")
	if pos, status, done = parseArgs(e, name, storeUsage, fs, args, want, what); done {
		return nil, nil, status, true
	}
	if check != nil {
		if err := check(pos); err != nil {
			return nil, nil, e.fail(exitUsage, "%s: %v", name, err), true
		}
	}
	// Only import may create a store: any other command on a mistyped
	// location must fail, not report an empty store it just created.
	open := sqlstore.OpenExisting
	if name == "case import" {
		open = sqlstore.Open
	}
	s, err := open(context.Background(), *location, casestore.Options{})
	if err != nil {
		return nil, nil, e.fail(exitUsage, "%s: %v", name, err), true
	}
	return pos, s, exitOK, false
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
	asJSON := fs.Bool("json", false, "print JSON")
	var h casestore.Header
	var events []casestore.Event
	parse := func(pos []string) error {
		data, err := readInput(e, pos[0])
		if err == nil {
			h, events, err = casestore.ParseCaseFile(data)
		}
		return err
	}
	_, s, status, done := storeCommand(e, "case import", fs, args, 1, "one case file (or -)", parse)
	if done {
		return status
	}
	defer s.Close()
	c, err := s.Create(context.Background(), "", h, events...)
	if err != nil {
		return storeFail(e, "case import", err)
	}
	if *asJSON {
		return printJSON(e, "case import", map[string]string{"id": c.ID, "receipt": c.Receipt().String()})
	}
	fmt.Fprintln(e.stdout, c.ID)
	return exitOK
}

// applyJSON is the JSON form of "hifazat case apply --json".
type applyJSON struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
	State   string `json:"state"`
	// Receipt is the store's acknowledgement (casestore.Receipt's text
	// form), for the party to keep and check with "case verify --receipt".
	Receipt string `json:"receipt"`
}

func cmdCaseApply(e *env, args []string) int {
	fs := newFlags(e, "case apply")
	asJSON := fs.Bool("json", false, "print JSON")
	var ev casestore.Event
	parse := func(pos []string) (err error) {
		ev, err = casestore.ParseEvent([]byte(pos[1]))
		return err
	}
	pos, s, status, done := storeCommand(e, "case apply", fs, args, 2, "a case id and one event as JSON", parse)
	if done {
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
		return printJSON(e, "case apply", applyJSON{ID: c.ID, Version: c.Version(), State: c.Projection.State, Receipt: c.Receipt().String()})
	}
	fmt.Fprintf(e.stdout, "case %s: %s applied as version %d; state %s\nreceipt: %s\n", c.ID, ev.Type(), c.Version(), c.Projection.State, c.Receipt())
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
	ID      string         `json:"id"`
	Version int64          `json:"version"`
	View    *casefsm.View  `json:"view,omitempty"`
	Status  casefsm.Report `json:"status"`
}

// statisticsReader is the --as of aggregate reporting, which is no role.
const statisticsReader = "statistics"

func cmdCaseShow(e *env, args []string) int {
	fs := newFlags(e, "case show")
	as := fs.String("as", "", "show only what this role (or statistics) may see")
	at := fs.String("at", "", "report as of this date")
	asJSON := fs.Bool("json", false, "print JSON")
	var asOf civil.Date
	var role casefsm.Role
	parse := func([]string) (err error) {
		if asOf, err = optionalDate(*at); err != nil {
			return fmt.Errorf("--at: %w", err)
		}
		if *as != "" && *as != statisticsReader {
			if err := role.UnmarshalText([]byte(*as)); err != nil {
				return fmt.Errorf("--as: %w (or statistics)", err)
			}
		}
		return nil
	}
	pos, s, status, done := storeCommand(e, "case show", fs, args, 1, "one case id", parse)
	if done {
		return status
	}
	defer s.Close()
	c, err := s.Load(context.Background(), pos[0])
	if err != nil {
		return storeFail(e, "case show", err)
	}
	out := showJSON{ID: c.ID, Version: c.Version()}
	if err := out.show(c, asOf, *as, role); err != nil {
		return e.fail(exitUsage, "case show: %v", err)
	}
	if *asJSON {
		return printJSON(e, "case show", out)
	}
	printShow(e.stdout, out)
	return exitOK
}

// show fills out with the stored case's report, replayed through casefsm
// (a stored state is never trusted), and, with --as, the case and the
// report as that role, or statistics, reads them: the SDK redacts both.
func (out *showJSON) show(c casestore.Case, asOf civil.Date, as string, role casefsm.Role) error {
	f, err := casefsm.Decode(bytes.NewReader(c.File()))
	if err != nil {
		return err
	}
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return err
	}
	rep, err := eng.Report(f, asOf)
	if err != nil {
		return err
	}
	var v casefsm.View
	switch as {
	case "":
		out.Status = rep
		return nil
	case statisticsReader:
		out.ID, out.Status = "", rep.Statistics()
		v, err = f.Statistics()
	default:
		out.Status = rep.For(role)
		v, err = f.View(role)
	}
	out.View = &v
	return err
}

func printShow(w io.Writer, out showJSON) {
	if out.ID != "" {
		fmt.Fprintf(w, "case %s, version %d\n", out.ID, out.Version)
	}
	if out.View != nil {
		who := statisticsReader
		if !out.View.Statistics {
			who = out.View.Role.String()
		}
		fmt.Fprintf(w, "as %s (%d values withheld):\n", who, out.View.Redacted)
		_ = writeJSON(w, out.View)
		fmt.Fprintln(w)
	}
	printReport(w, out.Status)
}

func cmdCaseList(e *env, args []string) int {
	fs := newFlags(e, "case list")
	var f casestore.Filter
	fs.BoolVar(&f.Overdue, "overdue", false, "only cases with a deadline overdue on --at")
	fs.IntVar(&f.DueWithin, "due-within", 0, "only cases with a deadline due within N days of --at")
	fs.StringVar(&f.State, "state", "", "only cases in this state")
	fs.StringVar(&f.Policy, "policy", "", "only cases under this policy")
	at := fs.String("at", "", "judge deadlines on this date (default today in Asia/Karachi)")
	asJSON := fs.Bool("json", false, "print JSON")
	parse := func([]string) (err error) {
		if f.At, err = optionalDate(*at); err != nil {
			return fmt.Errorf("--at: %w", err)
		}
		if !f.At.IsValid() {
			f.At = e.today()
		}
		return f.Check()
	}
	_, s, status, done := storeCommand(e, "case list", fs, args, 0, "", parse)
	if done {
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
	pos, s, status, done := storeCommand(e, "case export", newFlags(e, "case export"), args, 1, "one case id", nil)
	if done {
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
	asJSON := fs.Bool("json", false, "print JSON")
	receiptText := fs.String("receipt", "", "also prove the case still holds what this receipt acknowledged")
	var receipt *casestore.Receipt
	parse := func(pos []string) error {
		if *receiptText == "" {
			return nil
		}
		r, err := casestore.ParseReceipt(*receiptText)
		if err != nil {
			return fmt.Errorf("--receipt: %w", err)
		}
		if r.Case != pos[0] {
			return fmt.Errorf("--receipt: the receipt is for case %s, not %s", r.Case, pos[0])
		}
		receipt = &r
		return nil
	}
	pos, s, status, done := storeCommand(e, "case verify", fs, args, 1, "one case id", parse)
	if done {
		return status
	}
	defer s.Close()
	ctx := context.Background()
	v, err := s.Verify(ctx, pos[0])
	if err != nil && (receipt == nil || !errors.Is(err, casestore.ErrNotFound)) {
		return storeFail(e, "case verify", err)
	}
	out := verifyJSON{Case: pos[0], Intact: err == nil && v.Intact(), Version: v.Version, Head: v.Head, Problem: problemOf(v, err)}
	if receipt != nil {
		if out.Receipt, err = checkReceipt(ctx, s, *receipt); err != nil {
			return storeFail(e, "case verify", err)
		}
	}
	if *asJSON {
		if st := printJSON(e, "case verify", out); st != exitOK {
			return st
		}
	} else {
		printVerify(e.stdout, v, out)
	}
	if !out.Intact || (out.Receipt != nil && !out.Receipt.Honoured) {
		return exitRefused
	}
	return exitOK
}

// checkReceipt checks r against the store; err is for a store that cannot
// be read, not for a receipt it does not honour.
func checkReceipt(ctx context.Context, s casestore.Store, r casestore.Receipt) (*receiptJSON, error) {
	out := &receiptJSON{Receipt: r.String(), Honoured: true}
	err := casestore.CheckReceipt(ctx, s, r)
	var re *casestore.ReceiptError
	switch {
	case errors.As(err, &re):
		out.Honoured, out.Problem = false, re.Reason
	case err != nil:
		return nil, err
	}
	return out, nil
}

func printVerify(w io.Writer, v casestore.Verification, out verifyJSON) {
	if out.Problem != nil && out.Problem.Kind == casestore.Deleted && out.Problem.Version == 0 {
		fmt.Fprintf(w, "case %s: %s\n", out.Case, out.Problem.Detail)
	} else {
		fmt.Fprintln(w, v)
	}
	switch {
	case out.Receipt == nil:
	case out.Receipt.Honoured:
		fmt.Fprintf(w, "receipt honoured: %s\n", out.Receipt.Receipt)
	default:
		fmt.Fprintf(w, "receipt NOT honoured: %s\n", out.Receipt.Problem)
	}
}

// verifyJSON is the JSON form of "hifazat case verify --json".
type verifyJSON struct {
	Case    string         `json:"case"`
	Intact  bool           `json:"intact"`
	Version int64          `json:"version"`
	Head    casestore.Hash `json:"head"`
	Problem *problemJSON   `json:"problem"`
	Receipt *receiptJSON   `json:"receipt,omitempty"` // with --receipt
}

// receiptJSON is the result of "case verify --receipt".
type receiptJSON struct {
	Receipt  string `json:"receipt"`
	Honoured bool   `json:"honoured"`
	Problem  string `json:"problem,omitempty"`
}

type problemJSON struct {
	Kind    casestore.TamperKind `json:"kind"`
	Version int64                `json:"version"`
	Detail  string               `json:"detail"`
}

// problemOf is v's problem, or the deletion of the whole case when
// Verify found none (err is ErrNotFound).
func problemOf(v casestore.Verification, err error) *problemJSON {
	if err != nil {
		return &problemJSON{Kind: casestore.Deleted, Detail: "the store has no such case: it was deleted, or never existed"}
	}
	if v.Intact() {
		return nil
	}
	return &problemJSON{Kind: v.Problem.Kind, Version: v.Problem.Version, Detail: v.Problem.Detail}
}
