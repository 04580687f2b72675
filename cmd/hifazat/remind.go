package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"net"
	netmail "net/mail"
	"net/url"
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

const remindUsage = `usage: hifazat remind (--webhook URL | --smtp HOST:PORT --mail-from A --mail-to FORUM=A,...) [--smtp-user U] [--store S] [--at D] [--windows 3,1,0] [--origin URN] [--json]

One reminder round, for cron: finds every open deadline due within the
windows (days before the due date) or overdue on D (default today in
Asia/Karachi), adds the new reminders to the outbox in the store's database,
and delivers every reminder due, once each, to the webhook as CloudEvents
1.0 JSON signed with HMAC-SHA256 (header X-Hifazat-Signature: sha256=HEX)
under the secret in the environment variable HIFAZAT_WEBHOOK_SECRET
(required with --webhook), and,
with --smtp, by e-mail to the address of the forum that must act (the same
data: case id, rule, due date, forum, citation; never a name or any text).
Each channel has its own outbox: each reminder goes once by each. A
reminder that fails is retried by later rounds, with backoff; exit 2 when
any failed this round, with the first failure's reason on stderr.
  --smtp HOST:PORT   the SMTP server (STARTTLS whenever it offers it)
  --mail-from A      the sender's address
  --mail-to F=A,...  each forum's address (inquiry_committee, competent_authority,
                     ombudsperson, organisation, president_or_governor); *=A for
                     every other; a forum with no address gets no e-mail
  --smtp-user U      log in as U (PLAIN, over TLS only) with the password in the
                     environment variable HIFAZAT_SMTP_PASSWORD
  --json             print {"at", "sent", "failed", "pending"}`

// reminderFlags are the flags serve and remind share.
type reminderFlags struct {
	webhook, origin, windows         string
	smtp, mailFrom, mailTo, smtpUser string
}

func (f *reminderFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.webhook, "webhook", "", "webhook URL for deadline reminders")
	fs.StringVar(&f.smtp, "smtp", "", "SMTP server for e-mailed reminders, host:port")
	fs.StringVar(&f.mailFrom, "mail-from", "", "sender of e-mailed reminders")
	fs.StringVar(&f.mailTo, "mail-to", "", "each forum's address, FORUM=ADDRESS,...")
	fs.StringVar(&f.smtpUser, "smtp-user", "", "SMTP login (password in HIFAZAT_SMTP_PASSWORD)")
	fs.StringVar(&f.origin, "origin", "urn:hifazat", "CloudEvents source of reminders")
	fs.StringVar(&f.windows, "windows", "3,1,0", "days before a due date to remind")
}

// enabled reports whether any channel is configured.
func (f *reminderFlags) enabled() bool { return f.webhook != "" || f.smtp != "" }

// loop returns the reminder loop over store s, deciding cases under set:
// the webhook's channel when --webhook is given, e-mail's when --smtp is.
func (f *reminderFlags) loop(ctx context.Context, e *env, s casestore.Store, set *policy.Set) (*reminder.Loop, error) {
	var windows []int
	for _, w := range strings.Split(f.windows, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(w))
		if err != nil || n < 0 || n > 366 {
			return nil, fmt.Errorf("--windows: want days from 0 to 366, separated by commas, got %q", f.windows)
		}
		windows = append(windows, n)
	}
	l := &reminder.Loop{Source: reminder.FromStore(s), Set: set, Windows: windows, Origin: f.origin, Now: e.now}
	var mail reminder.Mail
	if f.webhook != "" {
		secret := os.Getenv("HIFAZAT_WEBHOOK_SECRET")
		if secret == "" {
			return nil, errors.New("--webhook: set the environment variable HIFAZAT_WEBHOOK_SECRET to the webhook's signing secret (required: every reminder is signed with it, and the receiver checks X-Hifazat-Signature)")
		}
		l.Sender = reminder.Webhook{URL: f.webhook, Secret: []byte(secret)}
	}
	if f.smtp != "" {
		var err error
		if mail, err = f.mail(); err != nil {
			return nil, err
		}
	}
	o, ok, err := reminder.OpenFor(ctx, s)
	if err == nil && !ok {
		o, err = memoryOutbox(ctx)
	}
	if err != nil {
		return nil, err
	}
	if l.Sender != nil {
		l.Outbox = o
	}
	if f.smtp != "" {
		mo, err := o.Channel(ctx, "email")
		if err != nil {
			return nil, err
		}
		l.Channels = []reminder.Channel{{Outbox: mo, Sender: mail}}
	}
	return l, nil
}

// mail returns the e-mail sender the --smtp flags describe.
func (f *reminderFlags) mail() (reminder.Mail, error) {
	m := reminder.Mail{Addr: f.smtp, To: map[policy.Forum]string{}, Username: f.smtpUser}
	if _, _, err := net.SplitHostPort(f.smtp); err != nil {
		return m, fmt.Errorf("--smtp: want HOST:PORT, got %q", f.smtp)
	}
	from, err := netmail.ParseAddress(f.mailFrom)
	if err != nil {
		return m, fmt.Errorf("--mail-from: want an e-mail address: %v", err)
	}
	m.From = from.Address
	for _, pair := range strings.Split(f.mailTo, ",") {
		name, addr, ok := strings.Cut(strings.TrimSpace(pair), "=")
		to, err := netmail.ParseAddress(addr)
		if !ok || err != nil {
			return m, fmt.Errorf("--mail-to: want FORUM=ADDRESS,... (FORUM * for every other), got %q", pair)
		}
		if name == "*" {
			m.Default = to.Address
			continue
		}
		var forum policy.Forum
		if err := forum.UnmarshalText([]byte(name)); err != nil {
			return m, fmt.Errorf("--mail-to: %v", err)
		}
		m.To[forum] = to.Address
	}
	if m.Username != "" {
		if m.Password = os.Getenv("HIFAZAT_SMTP_PASSWORD"); m.Password == "" {
			return m, errors.New("--smtp-user: HIFAZAT_SMTP_PASSWORD must hold the password")
		}
	}
	return m, nil
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
	if !rf.enabled() {
		return e.fail(exitUsage, "remind: --webhook URL or --smtp HOST:PORT is required")
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
	var failed failures
	l.OnSend = failed.note
	out, err := l.Round(ctx, day, e.now())
	if err != nil {
		return e.fail(exitUsage, "remind: %v", err)
	}
	pending, err := pendingOf(ctx, l)
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
		fmt.Fprintf(e.stderr, "remind: %d deliveries failed (the first: %s); each stays in the outbox and a later round retries it\n", out.Failed, failed.reason())
		return exitUsage
	}
	return exitOK
}

// pendingOf counts the reminders not yet delivered on every channel of l.
func pendingOf(ctx context.Context, l *reminder.Loop) (int, error) {
	boxes := []*reminder.Outbox{l.Outbox}
	for _, c := range l.Channels {
		boxes = append(boxes, c.Outbox)
	}
	n := 0
	for _, o := range boxes {
		if o == nil {
			continue
		}
		p, err := o.Pending(ctx)
		if err != nil {
			return 0, err
		}
		n += p
	}
	return n, nil
}

// failures remembers the first failed delivery of a round, for its one
// line on stderr.
type failures struct{ first error }

// note is a Loop's OnSend.
func (f *failures) note(_ string, err error) {
	if err != nil && f.first == nil {
		f.first = err
	}
}

// reason is the first failure's message. A failed request to the webhook
// is named by its cause, without the URL, which may carry a credential in
// its query.
func (f *failures) reason() string {
	var u *url.Error
	switch {
	case f.first == nil:
		return "no reason given"
	case errors.As(f.first, &u):
		return "webhook: " + u.Err.Error()
	}
	return f.first.Error()
}
