package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

const storeUsage = `usage: hifazat case import FILE|- WHO [--json] [--store S]
       hifazat case apply ID EVENT-JSON|FILE|- WHO [--json] [--store S]
       hifazat case show ID WHO|--actor ID --as statistics [--at D] [--json] [--store S]
       hifazat case list WHO [--overdue] [--due-within N] [--at D] [--state S] [--policy P] [--json] [--store S]
       hifazat case export ID --admin ID [--store S]
       hifazat case verify ID [--receipt R] [--json] [--store S]
       hifazat case access ID WHO [--json] [--store S]
       hifazat case erase ID --admin ID [--json] [--store S]
       hifazat case hold ID --reason TEXT --admin ID [--json] [--store S]
       hifazat case release ID --admin ID [--json] [--store S]
       hifazat case holds ID [--json] [--store S]
WHO is --actor ID --as ROLE or --admin ID.

Cases kept in a store: --store sqlite:PATH (default sqlite:./hifazat.db;
created with mode 0600; sqlite:PATH?mode=ro opens it read-only),
postgres://USER:PASSWORD@HOST/DB, or memory: (gone when the command ends). Only
import creates a store; the other commands fail (exit 2) on a location that
holds none. Files and standard input are read up to 16 MiB. Every event is
decided by the law before it is stored, on the case as stored; each stored
event is hash-chained so that verify finds the first one altered. Events are
counted from 1, as store versions are. apply takes one event as JSON, a file
holding one, or - for standard input, and appends it at the case's head.
import and apply print a receipt (hifazat-receipt:v1:ID:VERSION:HEAD) for a
party to keep outside the database; verify --receipt R proves the case still
holds it (exit 1 if truncated, rolled back, rewritten or deleted).

Every command that reads or writes a case names who acts, and each read
and write is recorded in the store's access log (case access shows it):
--actor ID --as ROLE is a person claiming a role (complainant, accused,
supervisor, inquiry_committee, competent_authority, ombudsperson,
president_or_governor, employer, district_court; show also takes
statistics), and the case decides the role they act as: its accused reads
and records as the accused whatever --as says; a witness, a stranger
claiming a party, or a committee member replaced under s.3(3) is refused
(exit 1). The case and its status are shown as the library's
confidentiality table lets that role see them (statistics: no identities,
no writing, no messages, dates to the month), refusals of apply too. An
actor records its own acts; a forum also a party's, supervisor's or
employer's act received on paper. --admin ID names an administrator (whoever
holds the store's credentials must still name themselves): show prints the
whole case, export is for administrators only, and an administrator
records any act. list is for the forums (the cases they sit on) and
administrators; a listed case whose record was altered is marked ALTERED
(JSON "tampered": true) and the command exits 1. show and list judge deadlines
as of --at, by default today in Asia/Karachi, and print that date. An
unknown --state or --policy is an error listing the valid ones.

Every store command takes --key-file F (default $HIFAZAT_KEY_FILE), the
deployment key that seals cases at rest ('hifazat key new' writes one).
With it, new cases are encrypted and only their procedural facts (event
types, dates, actors, state, deadlines) are in clear; without it, import
warns once on stderr and stores new cases unencrypted. A sealed case
read without its key, or with another, is refused (exit 2); verify and list
need no key. erase destroys a sealed case's key (crypto-shredding) on
today's date: refused (exit 1) while the case is not withdrawn or closed,
under a hold, or within its retention period (365 days after its last
event, a deployment parameter, not law); afterwards show and apply refuse
it (exit 1) and verify still proves its record intact. hold places a hold
that forbids erasure (one in force at a time, its reason stored in clear:
a reference, never case content); release lifts it; holds lists them.`

// storeCmd is what a store subcommand runs on: its positional arguments,
// the store and the engine deciding its writes.
type storeCmd struct {
	pos    []string
	store  casestore.Store
	engine *casefsm.Engine
}

// openStore parses a store subcommand (name, such as "case show"): the
// flags already on fs and --store, which it adds; checks that it got want
// positional arguments, described by what; runs check on them, if given,
// so that bad usage is reported before the store is touched; and opens the
// store. When done is true the command is over and status is its exit
// status; otherwise the caller closes the store.
func openStore(e *env, name string, fs *flag.FlagSet, args []string, want int, what string, check func(pos []string) error) (c storeCmd, status int, done bool) {
	location := fs.String("store", sqlstore.DefaultLocation, "the store: sqlite:PATH, postgres://..., or memory:")
	keyFile := keyFlag(fs)
	if c.pos, status, done = parseArgs(e, name, storeUsage, fs, args, want, what); done {
		return c, status, true
	}
	if check != nil {
		if err := check(c.pos); err != nil {
			return c, e.fail(exitUsage, "%s: %v", name, err), true
		}
	}
	var err error
	if c.engine, err = casefsm.NewEngine(policy.Builtin(), casefsm.Options{}); err != nil {
		return c, e.fail(exitUsage, "%s: %v", name, err), true
	}
	// Only import may create a store: any other command on a mistyped
	// location must fail, not report an empty store it just created.
	open := sqlstore.OpenExisting
	if name == "case import" {
		open = sqlstore.Open
	}
	opts := casestore.Options{Engine: c.engine, Today: e.today}
	if opts.Keys, err = storeKeys(*keyFile); err != nil {
		return c, e.fail(exitUsage, "%s: --key-file: %v", name, err), true
	}
	if name == "case import" { // the command that stores new cases
		warnUnsealed(e, opts)
	}
	if c.store, err = open(context.Background(), *location, opts); err != nil {
		return c, e.fail(exitUsage, "%s: %v", name, err), true
	}
	return c, exitOK, false
}

// storeFail reports a store error with its exit status: 1 when the law
// refused the act, the case's stored record was altered (it is neither
// shown nor extended) or the actor may not read it; 2 for everything else.
func storeFail(e *env, name string, err error) int {
	if errors.Is(err, access.ErrDenied) {
		return e.fail(exitRefused, "%s: %v", name, err)
	}
	if errors.Is(err, casestore.ErrErased) || errors.Is(err, casestore.ErrNotErasable) || errors.Is(err, casestore.ErrHeld) || errors.Is(err, casestore.ErrNotHeld) {
		return e.fail(exitRefused, "%s: %v", name, err)
	}
	if errors.Is(err, casestore.ErrNoKey) {
		return e.fail(exitUsage, "%s: %v; give the deployment's key with --key-file F or %s", name, err, envKeyFile)
	}
	if errors.Is(err, casestore.ErrWrongKey) {
		return e.fail(exitUsage, "%s: %v; give --key-file F (or %s) the deployment's current key: after 'hifazat key rotate', the new one", name, err, envKeyFile)
	}
	if errors.Is(err, casestore.ErrCorrupt) {
		return e.fail(exitRefused, "%s: %v; run 'hifazat case verify' for the first change", name, err)
	}
	if r, ok := errors.AsType[*casefsm.Refusal](err); ok {
		return e.fail(exitRefused, "%s: %s", name, refusalLine(r))
	}
	if in, ok := errors.AsType[*casefsm.InputError](err); ok {
		return e.fail(exitUsage, "%s: %s", name, inputLine(in))
	}
	return e.fail(exitUsage, "%s: %v", name, err)
}

// refusalLine describes a refusal for people, counting events from 1.
func refusalLine(r *casefsm.Refusal) string {
	return fmt.Sprintf("event %d (%s) refused in state %s: %s: %s (%s)", r.Index+1, r.Event, r.State, r.Code, r.Message, r.Citation)
}

// inputLine describes malformed input for people, counting events from 1.
func inputLine(in *casefsm.InputError) string {
	where := "header"
	if in.Index >= 0 {
		where = fmt.Sprintf("event %d", in.Index+1)
	}
	if in.Field != "" {
		where += fmt.Sprintf(" field %q", in.Field)
	}
	return fmt.Sprintf("malformed %s: %v", where, in.Err)
}

// refusalJSON is a refused event in the JSON of the store commands: index
// is its 0-based position in the case's events, event its 1-based number
// (its version had it been stored).
type refusalJSON struct {
	Index    int               `json:"index"`
	Event    int               `json:"event"`
	Type     casefsm.EventType `json:"type"`
	Code     casefsm.Code      `json:"code"`
	Message  string            `json:"message"`
	Citation string            `json:"citation"`
}

func refusalOf(r *casefsm.Refusal) *refusalJSON {
	return &refusalJSON{Index: r.Index, Event: r.Index + 1, Type: r.Event, Code: r.Code, Message: r.Message, Citation: r.Citation.String()}
}

func cmdCaseImport(e *env, args []string) int {
	fs := newFlags(e, "case import")
	asJSON := fs.Bool("json", false, "print JSON")
	who := addWho(fs, "files the case")
	var a access.Actor
	var f *casefsm.CaseFile
	parse := func(pos []string) error {
		var err error
		if a, err = who.parse(false); err != nil {
			return err
		}
		data, err := readInput(e, pos[0])
		if err != nil {
			return err
		}
		if f, err = casefsm.Decode(bytes.NewReader(data)); err != nil {
			if in, ok := errors.AsType[*casefsm.InputError](err); ok {
				return errors.New(inputLine(in))
			}
		}
		return err
	}
	c, status, done := openStore(e, "case import", fs, args, 1, "one case file (or -)", parse)
	if done {
		return status
	}
	defer c.store.Close()
	stored, err := who.guard(e, c.store).Create(context.Background(), a, "", f.Header, f.Events...)
	if r, ok := errors.AsType[*casefsm.Refusal](err); ok && *asJSON {
		printJSON(e, "case import", importJSON{Error: refusalOf(r)})
		return exitRefused
	}
	if err != nil {
		return storeFail(e, "case import", err)
	}
	if *asJSON {
		return printJSON(e, "case import", importJSON{ID: stored.ID, Version: stored.Version(), State: stored.Projection.State, Receipt: stored.Receipt().String()})
	}
	fmt.Fprintln(e.stdout, stored.ID)
	return exitOK
}

// importJSON is the JSON form of "hifazat case import --json": the stored
// case, or the refused event and no id (nothing was stored).
type importJSON struct {
	ID      string        `json:"id,omitempty"`
	Version int64         `json:"version"`
	State   casefsm.State `json:"state,omitzero"`
	Receipt string        `json:"receipt,omitempty"` // see applyJSON
	Error   *refusalJSON  `json:"error"`
}

// applyJSON is the JSON form of "hifazat case apply --json": the case as it
// stands after the command, and the refused event if there was one.
type applyJSON struct {
	ID      string        `json:"id"`
	Version int64         `json:"version"`
	State   casefsm.State `json:"state"`
	// Receipt is the store's acknowledgement (casestore.Receipt's text
	// form), for the party to keep and check with "case verify --receipt";
	// none when the event was refused.
	Receipt string       `json:"receipt,omitempty"`
	Error   *refusalJSON `json:"error"`
}

func cmdCaseApply(e *env, args []string) int {
	fs := newFlags(e, "case apply")
	asJSON := fs.Bool("json", false, "print JSON")
	who := addWho(fs, "records the event")
	var a access.Actor
	var ev casefsm.Event
	parse := func(pos []string) error {
		var err error
		if a, err = who.parse(false); err != nil {
			return err
		}
		data, err := eventInput(e, pos[1])
		if err != nil {
			return err
		}
		if ev, err = casefsm.DecodeEvent(data, 0); err != nil {
			if in, ok := errors.AsType[*casefsm.InputError](err); ok {
				return fmt.Errorf("the event: %s: %v", in.Field, in.Err)
			}
		}
		return err
	}
	c, status, done := openStore(e, "case apply", fs, args, 2, "a case id and one event (JSON, a file, or -)", parse)
	if done {
		return status
	}
	defer c.store.Close()
	id := c.pos[0]
	// At the case's head: a refusal is redacted for the role the case
	// gives the actor, as they may read it.
	stored, err := who.guard(e, c.store).Append(context.Background(), a, id, -1, ev)
	if r, ok := errors.AsType[*casefsm.Refusal](err); ok && *asJSON {
		printJSON(e, "case apply", applyJSON{ID: id, Version: int64(r.Index), State: r.State, Error: refusalOf(r)})
		return exitRefused
	}
	if err != nil {
		return storeFail(e, "case apply", fmt.Errorf("case %s: %w", id, err))
	}
	if *asJSON {
		return printJSON(e, "case apply", applyJSON{ID: id, Version: stored.Version(), State: stored.Projection.State, Receipt: stored.Receipt().String()})
	}
	fmt.Fprintf(e.stdout, "case %s: %s applied as event %d; state %s\nreceipt: %s\n", id, ev.Type, stored.Version(), stored.Projection.State, stored.Receipt())
	return exitOK
}

// eventInput returns the event argument of "case apply": JSON given on the
// command line (it starts with '{'), standard input for "-", or a file.
func eventInput(e *env, arg string) ([]byte, error) {
	if strings.HasPrefix(strings.TrimSpace(arg), "{") {
		return []byte(arg), nil
	}
	return readInput(e, arg)
}

// showJSON is the JSON form of "hifazat case show --json".
type showJSON struct {
	ID      string         `json:"id,omitempty"`
	Version int64          `json:"version"`
	AsOf    civil.Date     `json:"as_of,omitzero"` // none for statistics, which read no day
	View    *casefsm.View  `json:"view,omitempty"`
	Status  casefsm.Report `json:"status"`
}

// statisticsReader is the --as of aggregate reporting, which is no role.
const statisticsReader = "statistics"

func cmdCaseShow(e *env, args []string) int {
	fs := newFlags(e, "case show")
	who := addWho(fs, "reads")
	at := fs.String("at", "", "report as of this date (default today in Asia/Karachi)")
	asJSON := fs.Bool("json", false, "print JSON")
	var asOf civil.Date
	var a access.Actor
	parse := func([]string) (err error) {
		if asOf, err = dateOrToday(e, *at); err != nil {
			return fmt.Errorf("--at: %w", err)
		}
		a, err = who.parse(true)
		return err
	}
	c, status, done := openStore(e, "case show", fs, args, 1, "one case id", parse)
	if done {
		return status
	}
	defer c.store.Close()
	stored, as, role, err := showRead(context.Background(), who.guard(e, c.store), who, a, c.pos[0])
	if err != nil {
		return storeFail(e, "case show", err)
	}
	out := showJSON{ID: stored.ID, Version: stored.Version(), AsOf: asOf}
	if err := out.show(c.engine, stored, as, role); err != nil {
		return storeFail(e, "case show", err)
	}
	if *asJSON {
		return printJSON(e, "case show", out)
	}
	printShow(e.stdout, out)
	return exitOK
}

// showRead reads case id for "case show" through g, logged: whole for an
// administrator (as ""), for statistics (as "statistics"), or as the role
// the case gives the actor, which the case, not the claim, decides (the
// accused reads as the accused whatever --as says).
func showRead(ctx context.Context, g *access.Guard, who *whoFlags, a access.Actor, id string) (c casestore.Case, as string, role casefsm.Role, err error) {
	switch {
	case who.admin != "":
		c, err = g.ReadWhole(ctx, a, id, "status")
	case who.statistics:
		c, err = g.ReadStatistics(ctx, a, id)
		as = statisticsReader
	default:
		c, role, err = g.Read(ctx, a, id, "status")
		as = role.String()
	}
	return c, as, role, err
}

// show fills out with the stored case's report as of out.AsOf, replayed
// through casefsm (a stored state is never trusted), and, with --as, the
// case and the report as that role, or statistics, reads them: the SDK
// redacts both.
func (out *showJSON) show(eng *casefsm.Engine, c casestore.Case, as string, role casefsm.Role) error {
	f := c.File()
	rep, err := eng.Report(f, out.AsOf)
	if err != nil {
		return err
	}
	var v casefsm.View
	switch as {
	case "":
		out.Status = rep
		return nil
	case statisticsReader:
		out.ID, out.AsOf, out.Status = "", civil.Date{}, rep.Statistics()
		v, err = f.Statistics()
	default:
		out.Status = rep.For(role)
		v, err = f.View(role)
	}
	out.View = &v
	return err
}

// dateOrToday parses --at, defaulting to today in Asia/Karachi.
func dateOrToday(e *env, s string) (civil.Date, error) {
	if s == "" {
		return e.today(), nil
	}
	return civil.Parse(s)
}

func printShow(w io.Writer, out showJSON) {
	if out.ID != "" {
		fmt.Fprintf(w, "case %s, version %d, ", out.ID, out.Version)
	}
	if out.AsOf.IsValid() {
		fmt.Fprintf(w, "as of %s\n", out.AsOf)
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

// listJSON is the JSON form of "hifazat case list --json".
type listJSON struct {
	AsOf  civil.Date          `json:"as_of"`
	Cases []casestore.Summary `json:"cases"`
}

func cmdCaseList(e *env, args []string) int {
	fs := newFlags(e, "case list")
	var f casestore.Filter
	fs.BoolVar(&f.Overdue, "overdue", false, "only cases with a deadline overdue on --at")
	fs.IntVar(&f.DueWithin, "due-within", 0, "only cases with a deadline due within N days of --at")
	state := fs.String("state", "", "only cases in this state")
	fs.Func("policy", "only cases under this policy", func(s string) error { f.Policy = policy.ID(s); return nil })
	at := fs.String("at", "", "judge deadlines on this date (default today in Asia/Karachi)")
	asJSON := fs.Bool("json", false, "print JSON")
	who := addWho(fs, "lists")
	var a access.Actor
	parse := func([]string) (err error) {
		if a, err = who.parse(false); err != nil {
			return err
		}
		if f.At, err = dateOrToday(e, *at); err != nil {
			return fmt.Errorf("--at: %w", err)
		}
		if *state != "" {
			if f.State, err = casestore.ParseState(*state); err != nil {
				return err
			}
		}
		return f.Check(policy.Builtin())
	}
	c, status, done := openStore(e, "case list", fs, args, 0, "", parse)
	if done {
		return status
	}
	defer c.store.Close()
	list, err := who.guard(e, c.store).List(context.Background(), a, f)
	if err != nil {
		return storeFail(e, "case list", err)
	}
	if *asJSON {
		if list == nil {
			list = []casestore.Summary{}
		}
		if st := printJSON(e, "case list", listJSON{AsOf: f.At, Cases: list}); st != exitOK {
			return st
		}
		return listStatus(e, list)
	}
	fmt.Fprintf(e.stdout, "as of %s\n", f.At)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tPOLICY\tSTATE\tNEXT DUE")
	for _, c := range list {
		next := "-"
		if len(c.Deadlines) > 0 {
			next = c.Deadlines[0].Due.String() + " " + string(c.Deadlines[0].Rule)
		}
		state := c.State.String()
		if c.Tampered {
			state = "ALTERED (" + state + "?)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", c.ID, c.Version, c.Policy, state, next)
	}
	tw.Flush()
	return listStatus(e, list)
}

// listStatus is the exit status of a list: 1, saying which, when a case
// listed was altered (its index is not to be trusted).
func listStatus(e *env, list []casestore.Summary) int {
	for _, c := range list {
		if c.Tampered {
			return e.fail(exitRefused, "case list: case %s was altered; run 'hifazat case verify %s' for the first change", c.ID, c.ID)
		}
	}
	return exitOK
}

func cmdCaseExport(e *env, args []string) int {
	fs := newFlags(e, "case export")
	admin := fs.String("admin", "", "the administrator who exports (required): the whole case, logged")
	need := func([]string) error {
		if *admin == "" {
			return errors.New("a whole case is for an administrator: name yourself with --admin ID")
		}
		return nil
	}
	c, status, done := openStore(e, "case export", fs, args, 1, "one case id", need)
	if done {
		return status
	}
	defer c.store.Close()
	g := access.Of(c.store, e.now)
	g.Admins = []string{*admin}
	stored, err := g.Export(context.Background(), access.Actor{ID: *admin}, c.pos[0])
	if err != nil {
		return storeFail(e, "case export", err)
	}
	if err := stored.File().Encode(e.stdout); err != nil {
		return e.fail(exitUsage, "case export: %v", err)
	}
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
	c, status, done := openStore(e, "case verify", fs, args, 1, "one case id", parse)
	if done {
		return status
	}
	defer c.store.Close()
	ctx := context.Background()
	v, err := c.store.Verify(ctx, c.pos[0])
	if err != nil && (receipt == nil || !errors.Is(err, casestore.ErrNotFound)) {
		return storeFail(e, "case verify", err)
	}
	out := verifyJSON{Case: c.pos[0], Intact: err == nil && v.Intact(), Version: v.Version, Head: v.Head, Problem: problemOf(v, err), Sealed: v.Sealed}
	if receipt != nil {
		if out.Receipt, err = checkReceipt(ctx, c.store, *receipt); err != nil {
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
	// Sealed: a sealed case checked without opening it (no key, or
	// erased): its chain and its events' facts, not its state index.
	Sealed bool `json:"sealed,omitempty"`
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

func cmdCaseAccess(e *env, args []string) int {
	fs := newFlags(e, "case access")
	who := addWho(fs, "asks (a forum's member or officer: inquiry_committee, competent_authority, ombudsperson, president_or_governor)")
	asJSON := fs.Bool("json", false, "print JSON")
	var a access.Actor
	parse := func([]string) (err error) {
		a, err = who.parse(false)
		return err
	}
	c, status, done := openStore(e, "case access", fs, args, 1, "one case id", parse)
	if done {
		return status
	}
	defer c.store.Close()
	entries, err := who.guard(e, c.store).Access(context.Background(), a, c.pos[0])
	if err != nil {
		return storeFail(e, "case access", err)
	}
	if *asJSON {
		if entries == nil {
			entries = []access.Entry{}
		}
		return printJSON(e, "case access", entries)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tAT\tACTOR\tCLAIMED\tREAD AS\tWHAT\tOUTCOME")
	for _, x := range entries {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", x.Seq, x.At.Format(time.RFC3339), x.Actor.ID, roleOrDash(x.Actor.Role), roleOrDash(x.As), x.What, x.Outcome)
	}
	tw.Flush()
	return exitOK
}

// roleOrDash names r, "-" for no role (an administrator, statistics, a
// refused read).
func roleOrDash(r casefsm.Role) string {
	if !r.IsValid() {
		return "-"
	}
	return r.String()
}
