package reminder

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Dialects of the outbox's database.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Outbox defaults.
const (
	// DefaultLease is how long a claimed reminder is left to its sender
	// before another may send it again; it must exceed a send's timeout.
	DefaultLease = 2 * time.Minute
	// DefaultMaxAttempts is how often a reminder is tried before the outbox
	// gives it up (it stays in the table, unsent, for an operator).
	DefaultMaxAttempts = 12
)

// ErrOutbox wraps every database error of the outbox.
var ErrOutbox = errors.New("reminder: outbox")

// Outbox is the durable queue of reminders, a table in the store's own
// database (hifazat_reminder_outbox, created by Open). It is safe for
// concurrent use by many goroutines and many processes on one database.
type Outbox struct {
	db          *sql.DB
	pg          bool
	table       string
	Lease       time.Duration
	MaxAttempts int
}

// table is the webhook's outbox table; another channel's is
// table + "_" + its name.
const table = "hifazat_reminder_outbox"

// schema creates the outbox's table; every statement is idempotent. next_at
// and sent_at are Unix seconds; next_at is when the reminder may next be
// claimed (a claim pushes it a lease ahead, a failure a backoff ahead).
var schema = []string{
	`CREATE TABLE IF NOT EXISTS hifazat_reminder_outbox (
		id       TEXT PRIMARY KEY,
		case_id  TEXT NOT NULL,
		rule     TEXT NOT NULL,
		win      TEXT NOT NULL,
		due      TEXT NOT NULL,
		type     TEXT NOT NULL,
		payload  TEXT NOT NULL,
		attempts INTEGER NOT NULL DEFAULT 0,
		next_at  BIGINT NOT NULL,
		sent_at  BIGINT,
		UNIQUE (case_id, rule, win, due))`,
	`CREATE INDEX IF NOT EXISTS hifazat_reminder_outbox_pending ON hifazat_reminder_outbox (next_at) WHERE sent_at IS NULL`,
}

// Open returns the outbox on db, whose dialect is SQLite or Postgres,
// creating its table if needed.
func Open(ctx context.Context, db *sql.DB, dialect string) (*Outbox, error) {
	if dialect != SQLite && dialect != Postgres {
		return nil, fmt.Errorf("%w: unknown dialect %q (want sqlite or postgres)", ErrOutbox, dialect)
	}
	return open(ctx, db, dialect == Postgres, table)
}

// Channel returns the outbox of another delivery channel on o's database
// (for example "email" for [Mail]), creating its table,
// hifazat_reminder_outbox_NAME, if needed. Each channel keeps its own
// record of what it delivered, so each delivers each reminder once,
// whatever the others do: a webhook that is down does not resend the
// e-mails, nor the reverse. name is 1 to 16 lower-case letters or digits,
// starting with a letter.
func (o *Outbox) Channel(ctx context.Context, name string) (*Outbox, error) {
	if !channelName.MatchString(name) {
		return nil, fmt.Errorf("%w: channel name %q (want 1 to 16 lower-case letters or digits, starting with a letter)", ErrOutbox, name)
	}
	c, err := open(ctx, o.db, o.pg, table+"_"+name)
	if err != nil {
		return nil, err
	}
	c.Lease, c.MaxAttempts = o.Lease, o.MaxAttempts
	return c, nil
}

var channelName = regexp.MustCompile(`^[a-z][a-z0-9]{0,15}$`)

// open returns the outbox in table, creating it if needed.
func open(ctx context.Context, db *sql.DB, pg bool, table string) (*Outbox, error) {
	o := &Outbox{db: db, pg: pg, table: table, Lease: DefaultLease, MaxAttempts: DefaultMaxAttempts}
	err := o.inTx(ctx, func(tx *sql.Tx) error {
		if o.pg {
			// Two servers starting at once must not race to create the table.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7263511)`); err != nil {
				return err
			}
		}
		for _, s := range schema {
			if _, err := tx.ExecContext(ctx, o.q(s)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

func (o *Outbox) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := o.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrOutbox, err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("%w: %v", ErrOutbox, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%w: %v", ErrOutbox, err)
	}
	return nil
}

// q names the outbox's own table in s (which names the webhook's), and
// rewrites ? placeholders as $1, $2... for PostgreSQL.
func (o *Outbox) q(s string) string {
	s = strings.ReplaceAll(s, table, o.table)
	if !o.pg {
		return s
	}
	var b strings.Builder
	n := 0
	for _, c := range s {
		if c == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Enqueue adds the reminders not already in the outbox, as events from
// source made at now, and returns how many it added. A reminder already
// there (sent or not) is left alone.
func (o *Outbox) Enqueue(ctx context.Context, rs []Reminder, source string, now time.Time) (int, error) {
	added := 0
	err := o.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, o.q(`INSERT INTO hifazat_reminder_outbox (id, case_id, rule, win, due, type, payload, next_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range rs {
			payload, err := r.Event(source, now)
			if err != nil {
				return err
			}
			res, err := stmt.ExecContext(ctx, r.ID(), r.Case, string(r.Rule), r.Window, r.Due.String(), r.Type(), string(payload), now.Unix())
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			added += int(n)
		}
		return nil
	})
	return added, err
}

// claimed is a reminder a sender holds: its id, type, event and the attempt
// number that fences its mark.
type claimed struct {
	id, typ  string
	payload  []byte
	attempts int
}

// claim takes up to n reminders due at now for one lease.
func (o *Outbox) claim(ctx context.Context, now time.Time, n int) ([]claimed, error) {
	lock := ""
	if o.pg {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var out []claimed
	err := o.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, o.q(`UPDATE hifazat_reminder_outbox SET attempts = attempts + 1, next_at = ?
			WHERE id IN (SELECT id FROM hifazat_reminder_outbox
				WHERE sent_at IS NULL AND next_at <= ? AND attempts < ? ORDER BY next_at, id LIMIT ?`+lock+`)
			AND sent_at IS NULL AND next_at <= ?
			RETURNING id, type, payload, attempts`), now.Add(o.Lease).Unix(), now.Unix(), o.MaxAttempts, n, now.Unix())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c claimed
			if err := rows.Scan(&c.id, &c.typ, &c.payload, &c.attempts); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

// mark records the outcome of a claimed reminder's send: sent at now, or,
// when sendErr is not nil, due again after a backoff. It changes nothing if
// the claim was lost (its lease ran out and another sender took it).
func (o *Outbox) mark(ctx context.Context, c claimed, now time.Time, sendErr error) error {
	var err error
	if sendErr == nil {
		_, err = o.db.ExecContext(ctx, o.q(`UPDATE hifazat_reminder_outbox SET sent_at = ? WHERE id = ? AND attempts = ? AND sent_at IS NULL`), now.Unix(), c.id, c.attempts)
	} else {
		_, err = o.db.ExecContext(ctx, o.q(`UPDATE hifazat_reminder_outbox SET next_at = ? WHERE id = ? AND attempts = ? AND sent_at IS NULL`), now.Add(Backoff(c.attempts)).Unix(), c.id, c.attempts)
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrOutbox, err)
	}
	return nil
}

// Backoff is the wait after a reminder's attempt-th failed send: 30 seconds,
// doubling, at most 6 hours.
func Backoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < 6*time.Hour; i++ {
		d *= 2
	}
	return min(d, 6*time.Hour)
}

// Sender delivers one reminder's CloudEvents JSON; an error means not
// delivered (it will be tried again).
type Sender interface {
	Send(ctx context.Context, id, typ string, event []byte) error
}

// Outcome is what a Deliver call did.
type Outcome struct {
	Sent, Failed int
}

// Deliver sends the reminders due at now, in batches of up to batch, until
// none is left that this call may claim, and returns what it did. onSend,
// if not nil, is told each attempt's type and outcome (for metrics).
func (o *Outbox) Deliver(ctx context.Context, s Sender, now time.Time, onSend func(typ string, err error)) (Outcome, error) {
	var out Outcome
	for {
		cs, err := o.claim(ctx, now, 16)
		if err != nil || len(cs) == 0 {
			return out, err
		}
		for _, c := range cs {
			sendErr := s.Send(ctx, c.id, c.typ, c.payload)
			if onSend != nil {
				onSend(c.typ, sendErr)
			}
			if sendErr == nil {
				out.Sent++
			} else {
				out.Failed++
			}
			if err := o.mark(ctx, c, now, sendErr); err != nil {
				return out, err
			}
		}
	}
}

// Pending returns how many reminders are not yet sent.
func (o *Outbox) Pending(ctx context.Context) (int, error) {
	var n int
	if err := o.db.QueryRowContext(ctx, o.q(`SELECT COUNT(*) FROM hifazat_reminder_outbox WHERE sent_at IS NULL`)).Scan(&n); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrOutbox, err)
	}
	return n, nil
}
