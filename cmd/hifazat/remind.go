package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/reminder"
)

const remindUsage = `usage: hifazat remind --webhook URL [--store S] [--at D] [--windows 3,1,0] [--origin URN] [--json]

One reminder round, for cron: finds every open deadline due within the
windows (days before the due date) or overdue on D (default today in
Asia/Karachi), adds the new reminders to the outbox in the store's database,
and delivers every reminder due, once each, to the webhook as CloudEvents
1.0 JSON signed with HMAC-SHA256 (header X-Hifazat-Signature: sha256=HEX)
under the secret in the environment variable HIFAZAT_WEBHOOK_SECRET. A
reminder that fails is retried by later rounds, with backoff; exit 2 when
any failed this round.
  --json   print {"at", "sent", "failed", "pending"}`

// reminderFlags are the flags serve and remind share.
type reminderFlags struct {
	webhook, origin, windows string
}

func (f *reminderFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.webhook, "webhook", "", "webhook URL for deadline reminders")
	fs.StringVar(&f.origin, "origin", "urn:hifazat", "CloudEvents source of reminders")
	fs.StringVar(&f.windows, "windows", "3,1,0", "days before a due date to remind")
}

// loop returns the reminder loop over store s, deciding cases under set.
func (f *reminderFlags) loop(ctx context.Context, e *env, s casestore.Store, set *policy.Set) (*reminder.Loop, error) {
	secret := os.Getenv("HIFAZAT_WEBHOOK_SECRET")
	if secret == "" {
		return nil, errors.New("HIFAZAT_WEBHOOK_SECRET must hold the webhook's signing secret")
	}
	var windows []int
	for _, w := range strings.Split(f.windows, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(w))
		if err != nil || n < 0 || n > 366 {
			return nil, fmt.Errorf("--windows: want days from 0 to 366, separated by commas, got %q", f.windows)
		}
		windows = append(windows, n)
	}
	o, ok, err := reminder.OpenFor(ctx, s)
	if err == nil && !ok {
		o, err = memoryOutbox(ctx)
	}
	if err != nil {
		return nil, err
	}
	return &reminder.Loop{Source: reminder.FromStore(s), Set: set, Outbox: o, Windows: windows, Origin: f.origin, Now: e.now,
		Sender: reminder.Webhook{URL: f.webhook, Secret: []byte(secret)}}, nil
}

// memoryOutbox is the outbox of the memory store: an in-memory SQLite
// database, gone with the process like the cases.
func memoryOutbox(ctx context.Context) (*reminder.Outbox, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return reminder.Open(ctx, db, reminder.SQLite)
}

// cmdRemind runs "hifazat remind".
func cmdRemind(e *env, args []string) int {
	fs := newFlags(e, "remind")
	var rf reminderFlags
	rf.register(fs)
	location := fs.String("store", sqlstore.DefaultLocation, "the store")
	at := fs.String("at", "", "the date to sweep on (default today)")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, status, done := parseArgs(e, "remind", remindUsage, fs, args, 0, ""); done {
		return status
	}
	day, err := optionalDate(*at)
	if err != nil {
		return e.fail(exitUsage, "remind: --at: %v", err)
	}
	if !day.IsValid() {
		day = e.today()
	}
	if rf.webhook == "" {
		return e.fail(exitUsage, "remind: --webhook URL is required")
	}
	ctx := context.Background()
	set := policy.Builtin()
	eng, err := casefsm.NewEngine(set, casefsm.Options{})
	if err != nil {
		return e.fail(exitUsage, "remind: %v", err)
	}
	s, err := sqlstore.Open(ctx, *location, casestore.Options{Engine: eng, Today: e.today})
	if err != nil {
		return e.fail(exitUsage, "remind: %v", err)
	}
	defer s.Close()
	l, err := rf.loop(ctx, e, s, set)
	if err != nil {
		return e.fail(exitUsage, "remind: %v", err)
	}
	out, err := l.Round(ctx, day, e.now())
	if err != nil {
		return e.fail(exitUsage, "remind: %v", err)
	}
	pending, err := l.Outbox.Pending(ctx)
	if err != nil {
		return e.fail(exitUsage, "remind: %v", err)
	}
	if *asJSON {
		if status := printJSON(e, "remind", struct {
			At      civil.Date `json:"at"`
			Sent    int        `json:"sent"`
			Failed  int        `json:"failed"`
			Pending int        `json:"pending"`
		}{day, out.Sent, out.Failed, pending}); status != exitOK {
			return status
		}
	} else {
		fmt.Fprintf(e.stdout, "reminders on %s: %d sent, %d failed, %d pending\n", day, out.Sent, out.Failed, pending)
	}
	// A failed delivery stays in the outbox for the next round; cron sees it.
	if out.Failed > 0 {
		return exitUsage
	}
	return exitOK
}
