package reminder_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/hifazat/hifazat/casestore/sqlstore" // the sqlite and pgx drivers
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/reminder"
)

var t0 = time.Date(2026, 3, 4, 3, 0, 0, 0, time.UTC) // 2026-03-04 in Karachi

func TestWindowsAndTypes(t *testing.T) {
	at := civil.MustParse("2026-03-10")
	src := func(days int, kind policy.Kind) reminder.Deadline {
		return reminder.Deadline{Case: "c-1", Policy: policy.FederalAct2022, Rule: policy.RuleCharges, Kind: kind, Due: at.AddDays(days)}
	}
	for _, tc := range []struct {
		days     int
		kind     policy.Kind
		window   string
		eventTyp string
	}{
		{4, policy.Duty, "", ""},
		{3, policy.Duty, "3d", reminder.TypeDue},
		{2, policy.Duty, "3d", reminder.TypeDue},
		{1, policy.Duty, "1d", reminder.TypeDue},
		{0, policy.Duty, "0d", reminder.TypeDue},
		{-1, policy.Duty, "overdue", reminder.TypeBreach},
		{-1, policy.Filing, "overdue", reminder.TypeOverdue},
		{-30, policy.Target, "overdue", reminder.TypeOverdue},
	} {
		d := src(tc.days, tc.kind)
		rs, err := reminder.Sweep(context.Background(), func(context.Context, civil.Date, int) ([]reminder.Deadline, error) {
			return []reminder.Deadline{d}, nil
		}, policy.Builtin(), at, nil)
		require.NoError(t, err)
		if tc.window == "" {
			assert.Empty(t, rs, "%d days", tc.days)
			continue
		}
		require.Len(t, rs, 1)
		assert.Equal(t, tc.window, rs[0].Window, "%d days", tc.days)
		assert.Equal(t, tc.eventTyp, rs[0].Type(), "%d days", tc.days)
		assert.Equal(t, policy.InquiryCommittee, rs[0].Forum)
		assert.NotEmpty(t, rs[0].Citation)
	}
	_, err := reminder.Sweep(context.Background(), func(context.Context, civil.Date, int) ([]reminder.Deadline, error) {
		return []reminder.Deadline{{Case: "c", Policy: policy.FederalAct2022, Rule: "nope", Due: at}}, nil
	}, policy.Builtin(), at, nil)
	assert.Error(t, err, "a rule the policy lacks")
}

func TestEventIsACloudEventWithoutContent(t *testing.T) {
	r := reminder.Reminder{Case: "case-1", Rule: policy.RuleCharges, Kind: policy.Duty, Window: "1d", Due: civil.MustParse("2026-03-05"), Forum: policy.InquiryCommittee, Citation: "s.4(1)(a)"}
	b, err := r.Event("urn:hifazat:test", t0)
	require.NoError(t, err)
	var ev map[string]any
	require.NoError(t, json.Unmarshal(b, &ev))
	for _, k := range []string{"specversion", "id", "source", "type", "time", "datacontenttype", "data"} {
		assert.Contains(t, ev, k)
	}
	assert.Equal(t, "1.0", ev["specversion"])
	assert.Equal(t, r.ID(), ev["id"])
	assert.Equal(t, map[string]any{"case": "case-1", "rule": "charges", "kind": "duty", "window": "1d", "due": "2026-03-05", "forum": "inquiry_committee", "citation": "s.4(1)(a)"}, ev["data"])
	other := r
	other.Window = "3d"
	assert.NotEqual(t, r.ID(), other.ID())
}

// receiver is a webhook that checks signatures and counts each event id.
type receiver struct {
	mu     sync.Mutex
	got    map[string]int
	bodies map[string][]byte
	fail   bool
	secret []byte
}

func newReceiver(t *testing.T) (*receiver, *httptest.Server) {
	r := &receiver{got: map[string]int{}, bodies: map[string][]byte{}, secret: []byte("s3cret")}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body := make([]byte, 4096)
		n, _ := req.Body.Read(body)
		body = body[:n]
		if req.Header.Get("Content-Type") != "application/cloudevents+json" || !reminder.Verify(r.secret, body, req.Header.Get(reminder.SignatureHeader)) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var ev struct{ ID string }
		json.Unmarshal(body, &ev)
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.fail {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		r.got[ev.ID]++
		r.bodies[ev.ID] = body
	}))
	t.Cleanup(srv.Close)
	return r, srv
}

func (r *receiver) counts() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for k, v := range r.got {
		out[k] = v
	}
	return out
}

func TestWebhookSignature(t *testing.T) {
	rcv, srv := newReceiver(t)
	require.NoError(t, reminder.Webhook{URL: srv.URL, Secret: rcv.secret}.Send(context.Background(), "x", reminder.TypeDue, []byte(`{"id":"x"}`)))
	err := reminder.Webhook{URL: srv.URL, Secret: []byte("wrong")}.Send(context.Background(), "y", reminder.TypeDue, []byte(`{"id":"y"}`))
	assert.ErrorContains(t, err, "status 401")
	assert.Equal(t, map[string]int{"x": 1}, rcv.counts())
}

// databases runs f on an outbox database of each dialect: SQLite always,
// PostgreSQL when HIFAZAT_TEST_POSTGRES_DSN names one. open returns a new
// connection pool on the same database each call (a new "server").
func databases(t *testing.T, f func(t *testing.T, dialect string, open func() *sql.DB)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "outbox.db")
		f(t, reminder.SQLite, func() *sql.DB {
			db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_txlock=immediate")
			require.NoError(t, err)
			t.Cleanup(func() { db.Close() })
			return db
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv("HIFAZAT_TEST_POSTGRES_DSN")
		if dsn == "" {
			if os.Getenv("CI") == "true" {
				t.Fatal("CI=true but HIFAZAT_TEST_POSTGRES_DSN is not set")
			}
			t.Skip("HIFAZAT_TEST_POSTGRES_DSN is not set")
		}
		schema := "rem_" + strings.ToLower(rand.Text()[:12])
		admin, err := sql.Open("pgx", dsn)
		require.NoError(t, err)
		_, err = admin.Exec("CREATE SCHEMA " + schema)
		require.NoError(t, err)
		t.Cleanup(func() { admin.Exec("DROP SCHEMA " + schema + " CASCADE"); admin.Close() })
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		f(t, reminder.Postgres, func() *sql.DB {
			db, err := sql.Open("pgx", dsn+sep+"search_path="+schema)
			require.NoError(t, err)
			t.Cleanup(func() { db.Close() })
			return db
		})
	})
}

func reminders(n int) []reminder.Reminder {
	rs := make([]reminder.Reminder, n)
	for i := range rs {
		rs[i] = reminder.Reminder{Case: fmt.Sprintf("case-%03d", i), Rule: policy.RuleCharges, Kind: policy.Duty, Window: "1d",
			Due: civil.MustParse("2026-03-05"), Forum: policy.InquiryCommittee, Citation: "s.4(1)(a)"}
	}
	return rs
}

func TestOutboxOnce(t *testing.T) {
	databases(t, func(t *testing.T, dialect string, open func() *sql.DB) {
		ctx := context.Background()
		o, err := reminder.Open(ctx, open(), dialect)
		require.NoError(t, err)
		rcv, srv := newReceiver(t)
		hook := reminder.Webhook{URL: srv.URL, Secret: rcv.secret}
		n, err := o.Enqueue(ctx, reminders(3), "urn:test", t0)
		require.NoError(t, err)
		assert.Equal(t, 3, n)
		n, err = o.Enqueue(ctx, reminders(3), "urn:test", t0.Add(time.Hour))
		require.NoError(t, err)
		assert.Zero(t, n, "a reminder swept again is not added again")

		// The webhook is down: each attempt fails, and is tried again only after the backoff.
		rcv.fail = true
		out, err := o.Deliver(ctx, hook, t0, nil)
		require.NoError(t, err)
		assert.Equal(t, reminder.Outcome{Failed: 3}, out)
		rcv.fail = false
		out, err = o.Deliver(ctx, hook, t0.Add(reminder.Backoff(1)-time.Second), nil)
		require.NoError(t, err)
		assert.Zero(t, out.Sent, "not before the backoff")
		out, err = o.Deliver(ctx, hook, t0.Add(reminder.Backoff(1)), nil)
		require.NoError(t, err)
		assert.Equal(t, reminder.Outcome{Sent: 3}, out)
		out, err = o.Deliver(ctx, hook, t0.Add(24*time.Hour), nil)
		require.NoError(t, err)
		assert.Zero(t, out.Sent, "a sent reminder is never sent again")
		for _, c := range rcv.counts() {
			assert.Equal(t, 1, c)
		}
		pending, err := o.Pending(ctx)
		require.NoError(t, err)
		assert.Zero(t, pending)
	})
}

func TestOutboxGivesUp(t *testing.T) {
	databases(t, func(t *testing.T, dialect string, open func() *sql.DB) {
		ctx := context.Background()
		o, err := reminder.Open(ctx, open(), dialect)
		require.NoError(t, err)
		o.MaxAttempts = 3
		_, err = o.Enqueue(ctx, reminders(1), "urn:test", t0)
		require.NoError(t, err)
		tries := 0
		down := senderFunc(func(context.Context, string, string, []byte) error { tries++; return errors.New("down") })
		for h := range 48 {
			_, err := o.Deliver(ctx, down, t0.Add(time.Duration(h)*time.Hour), nil)
			require.NoError(t, err)
		}
		assert.Equal(t, 3, tries)
	})
}

type senderFunc func(ctx context.Context, id, typ string, event []byte) error

func (f senderFunc) Send(ctx context.Context, id, typ string, event []byte) error {
	return f(ctx, id, typ, event)
}

// TestCrashBetweenSendAndMark: a sender dies after the webhook received the
// reminder and before the outbox marked it. After the claim's lease the
// reminder is sent again, byte for byte with the same id (so the receiver
// can act on it once), and then never again.
func TestCrashBetweenSendAndMark(t *testing.T) {
	databases(t, func(t *testing.T, dialect string, open func() *sql.DB) {
		ctx := context.Background()
		o, err := reminder.Open(ctx, open(), dialect)
		require.NoError(t, err)
		rcv, srv := newReceiver(t)
		hook := reminder.Webhook{URL: srv.URL, Secret: rcv.secret}
		_, err = o.Enqueue(ctx, reminders(1), "urn:test", t0)
		require.NoError(t, err)

		crash := errors.New("crashed")
		crashing := senderFunc(func(ctx context.Context, id, typ string, ev []byte) error {
			require.NoError(t, hook.Send(ctx, id, typ, ev))
			panic(crash) // the process dies here: nothing is marked
		})
		require.PanicsWithValue(t, crash, func() { o.Deliver(ctx, crashing, t0, nil) })
		first := rcv.counts()
		require.Len(t, first, 1)

		// A restarted server, a new pool on the same database.
		o2, err := reminder.Open(ctx, open(), dialect)
		require.NoError(t, err)
		var before map[string][]byte = map[string][]byte{}
		for k, v := range rcv.bodies {
			before[k] = v
		}
		out, err := o2.Deliver(ctx, hook, t0.Add(o2.Lease-time.Second), nil)
		require.NoError(t, err)
		assert.Zero(t, out.Sent, "the claim holds until its lease ends")
		out, err = o2.Deliver(ctx, hook, t0.Add(o2.Lease), nil)
		require.NoError(t, err)
		assert.Equal(t, 1, out.Sent, "redelivered after the lease")
		for id, n := range rcv.counts() {
			assert.Equal(t, 2, n, "sent twice in all, with one id")
			assert.Equal(t, before[id], rcv.bodies[id], "byte for byte")
		}
		out, err = o2.Deliver(ctx, hook, t0.Add(48*time.Hour), nil)
		require.NoError(t, err)
		assert.Zero(t, out.Sent)
	})
}

// TestTwoServersDeliverOnce: two servers, each its own pool on one
// database, each with several deliverers, sweep the same reminders and
// deliver them at once; each reminder reaches the webhook exactly once.
func TestTwoServersDeliverOnce(t *testing.T) {
	databases(t, func(t *testing.T, dialect string, open func() *sql.DB) {
		ctx := context.Background()
		rcv, srv := newReceiver(t)
		hook := reminder.Webhook{URL: srv.URL, Secret: rcv.secret}
		const n = 120
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		for range 2 {
			o, err := reminder.Open(ctx, open(), dialect)
			require.NoError(t, err)
			for range 3 {
				wg.Go(func() {
					for round := range 4 {
						now := t0.Add(time.Duration(round) * time.Second)
						if _, err := o.Enqueue(ctx, reminders(n), "urn:test", now); err != nil {
							errs <- err
							return
						}
						if _, err := o.Deliver(ctx, hook, now, nil); err != nil {
							errs <- err
							return
						}
					}
				})
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		got := rcv.counts()
		assert.Len(t, got, n)
		for id, c := range got {
			assert.Equal(t, 1, c, id)
		}
	})
}
