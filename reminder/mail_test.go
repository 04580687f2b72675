package reminder_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/internal/smtptest"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/reminder"
)

const password = "pa55-SECRET-word"

// mailEvent returns r's event as the outbox keeps it.
func mailEvent(t *testing.T, r reminder.Reminder) []byte {
	ev, err := r.Event("urn:test", t0)
	require.NoError(t, err)
	return ev
}

// TestMailSend: over STARTTLS, logged in, to the forum's address, the
// webhook's data and event with the event's id as Message-ID.
func TestMailSend(t *testing.T) {
	srv := smtptest.NewServer(t, true, "hifazat", password)
	m := reminder.Mail{Addr: srv.Addr, From: "hifazat@uni.example", Username: "hifazat", Password: password, TLS: srv.Client,
		To: map[policy.Forum]string{policy.InquiryCommittee: "ic@uni.example"}, Default: "hr@uni.example"}
	r := reminders(1)[0]
	require.NoError(t, m.Send(context.Background(), r.ID(), r.Type(), mailEvent(t, r)))
	got := srv.Received()
	require.Len(t, got, 1)
	assert.Equal(t, "ic@uni.example", got[0].To, "the forum's own address")
	assert.Equal(t, "hifazat@uni.example", got[0].From)
	assert.True(t, got[0].OverTLS, "STARTTLS when offered")
	assert.Equal(t, []bool{true}, srv.AuthOverTLS(), "logged in over TLS only")
	assert.Equal(t, "<"+r.ID()+"@hifazat>", smtptest.Header(got[0].Data, "Message-ID"))
	assert.Equal(t, reminder.TypeDue, smtptest.Header(got[0].Data, "X-Hifazat-Event-Type"))
	assert.Equal(t, "Hifazat: charges due 2026-03-05, case case-000", smtptest.Header(got[0].Data, "Subject"))
	assert.Equal(t, "Wed, 04 Mar 2026 03:00:00 +0000", smtptest.Header(got[0].Data, "Date"), "the event's time, not the clock's")

	// The same content as the webhook: the event in the body is the event.
	body := got[0].Data[strings.Index(got[0].Data, "\r\n\r\n")+4:]
	var ev struct {
		ID   string
		Data reminder.Reminder
	}
	require.NoError(t, json.Unmarshal([]byte(body[strings.Index(body, "{"):]), &ev))
	assert.Equal(t, r, ev.Data)
	assert.Equal(t, r.ID(), ev.ID)
}

// TestMailRefusals: a wrong password is refused without being quoted; a
// server without STARTTLS gets the message in the clear (on localhost
// only may a password go that way, net/smtp's rule); a forum without an
// address is not taken.
func TestMailRefusals(t *testing.T) {
	ctx := context.Background()
	r := reminders(1)[0]
	srv := smtptest.NewServer(t, true, "hifazat", "another")
	m := reminder.Mail{Addr: srv.Addr, From: "hifazat@uni.example", Username: "hifazat", Password: password, TLS: srv.Client, Default: "hr@uni.example"}
	err := m.Send(ctx, r.ID(), r.Type(), mailEvent(t, r))
	require.ErrorIs(t, err, reminder.ErrMail)
	assert.NotContains(t, err.Error(), password)
	assert.Empty(t, srv.Received())

	plain := smtptest.NewServer(t, false, "", "")
	m = reminder.Mail{Addr: plain.Addr, From: "hifazat@uni.example", Default: "hr@uni.example"}
	require.NoError(t, m.Send(ctx, r.ID(), r.Type(), mailEvent(t, r)))
	require.Len(t, plain.Received(), 1)
	assert.False(t, plain.Received()[0].OverTLS)
	assert.Equal(t, "hr@uni.example", plain.Received()[0].To, "no address for the forum: the default")

	m = reminder.Mail{Addr: plain.Addr, From: "hifazat@uni.example", To: map[policy.Forum]string{policy.Ombudsperson: "om@example.org"}}
	assert.False(t, m.Takes(r))
	assert.True(t, m.Takes(reminder.Reminder{Forum: policy.Ombudsperson}))
	assert.ErrorIs(t, m.Send(ctx, r.ID(), r.Type(), mailEvent(t, r)), reminder.ErrMail)
	assert.ErrorIs(t, m.Send(ctx, "x", reminder.TypeDue, []byte("{")), reminder.ErrMail)

	down := reminder.Mail{Addr: "127.0.0.1:1", From: "hifazat@uni.example", Default: "hr@uni.example", Timeout: time.Second}
	assert.ErrorIs(t, down.Send(ctx, r.ID(), r.Type(), mailEvent(t, r)), reminder.ErrMail)
}

// staticSource is a store with three cases whose charges fall due on
// 2026-03-05.
func staticSource(context.Context, civil.Date, int) ([]reminder.Deadline, error) {
	var ds []reminder.Deadline
	for _, c := range []string{"case-a", "case-b", "case-c"} {
		ds = append(ds, reminder.Deadline{Case: c, Policy: policy.FederalAct2022, Rule: policy.RuleCharges, Kind: policy.Duty, Due: civil.MustParse("2026-03-05")})
	}
	return ds, nil
}

// TestMailOnce: a Loop with the webhook and e-mail delivers each reminder
// once on each: an e-mail refused is retried after its backoff without
// resending any webhook, and nothing is sent twice.
func TestMailOnce(t *testing.T) {
	databases(t, func(t *testing.T, dialect string, open func() *sql.DB) {
		ctx := context.Background()
		o, err := reminder.Open(ctx, open(), dialect)
		require.NoError(t, err)
		mo, err := o.Channel(ctx, "email")
		require.NoError(t, err)
		_, err = o.Channel(ctx, "e-mail")
		require.ErrorIs(t, err, reminder.ErrOutbox)
		rcv, hsrv := newReceiver(t)
		smtp := smtptest.NewServer(t, false, "", "")
		smtp.RefuseNext(1)
		l := &reminder.Loop{Source: staticSource, Set: policy.Builtin(), Origin: "urn:test",
			Outbox: o, Sender: reminder.Webhook{URL: hsrv.URL, Secret: rcv.secret},
			Channels: []reminder.Channel{{Outbox: mo, Sender: reminder.Mail{Addr: smtp.Addr, From: "hifazat@uni.example", Default: "hr@uni.example"}}}}
		day := civil.MustParse("2026-03-04")

		out, err := l.Round(ctx, day, t0)
		require.NoError(t, err)
		assert.Equal(t, reminder.Outcome{Sent: 5, Failed: 1}, out, "three webhooks, two of three e-mails")
		out, err = l.Round(ctx, day, t0.Add(reminder.Backoff(1)))
		require.NoError(t, err)
		assert.Equal(t, reminder.Outcome{Sent: 1}, out, "the refused e-mail, and no webhook again")
		out, err = l.Round(ctx, day, t0.Add(24*time.Hour))
		require.NoError(t, err)
		assert.Zero(t, out)

		ids := map[string]int{}
		for _, m := range smtp.Received() {
			ids[smtptest.Header(m.Data, "Message-ID")]++
		}
		assert.Len(t, ids, 3)
		for id, n := range ids {
			assert.Equal(t, 1, n, id)
		}
		assert.Len(t, rcv.counts(), 3)
		for _, n := range rcv.counts() {
			assert.Equal(t, 1, n)
		}
		for _, box := range []*reminder.Outbox{o, mo} {
			pending, err := box.Pending(ctx)
			require.NoError(t, err)
			assert.Zero(t, pending)
		}
	})
}

// TestMailCrashBetweenSendAndMark: the server accepted the e-mail and the
// sender died before the outbox marked it. After the lease the same
// message (same Message-ID, same bytes) is sent once more, then never.
func TestMailCrashBetweenSendAndMark(t *testing.T) {
	databases(t, func(t *testing.T, dialect string, open func() *sql.DB) {
		ctx := context.Background()
		o, err := reminder.Open(ctx, open(), dialect)
		require.NoError(t, err)
		mo, err := o.Channel(ctx, "email")
		require.NoError(t, err)
		smtp := smtptest.NewServer(t, false, "", "")
		mail := reminder.Mail{Addr: smtp.Addr, From: "hifazat@uni.example", Default: "hr@uni.example"}
		_, err = mo.Enqueue(ctx, reminders(1), "urn:test", t0)
		require.NoError(t, err)

		crash := errors.New("crashed")
		crashing := senderFunc(func(ctx context.Context, id, typ string, ev []byte) error {
			require.NoError(t, mail.Send(ctx, id, typ, ev))
			panic(crash)
		})
		require.PanicsWithValue(t, crash, func() { mo.Deliver(ctx, crashing, t0, nil) })
		require.Len(t, smtp.Received(), 1)

		restarted, err := reminder.Open(ctx, open(), dialect)
		require.NoError(t, err)
		mo2, err := restarted.Channel(ctx, "email")
		require.NoError(t, err)
		out, err := mo2.Deliver(ctx, mail, t0.Add(mo2.Lease-time.Second), nil)
		require.NoError(t, err)
		assert.Zero(t, out.Sent, "the claim holds until its lease ends")
		out, err = mo2.Deliver(ctx, mail, t0.Add(mo2.Lease), nil)
		require.NoError(t, err)
		assert.Equal(t, 1, out.Sent, "sent again after the lease")
		out, err = mo2.Deliver(ctx, mail, t0.Add(48*time.Hour), nil)
		require.NoError(t, err)
		assert.Zero(t, out.Sent)
		got := smtp.Received()
		require.Len(t, got, 2)
		assert.Equal(t, got[0].Data, got[1].Data, "the same message, byte for byte")
		pending, err := restarted.Pending(ctx)
		require.NoError(t, err)
		assert.Zero(t, pending, "the webhook's outbox knows nothing of it")
	})
}
