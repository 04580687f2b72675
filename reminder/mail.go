package reminder

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"strings"
	"time"

	"github.com/hifazat/hifazat/policy"
)

// Mail sends reminders by e-mail over SMTP, each to the address of the
// forum it is for ([Reminder.Forum]): the same data as the webhook's event
// (case id, rule, kind, window, due date, forum, citation, and the event
// itself), never a name or any text of the case. It upgrades the
// connection with STARTTLS whenever the server offers it, and logs in
// (PLAIN) when Username is set, which net/smtp allows only over TLS or to
// localhost. Errors never hold the password.
//
// Give Mail its own outbox ([Outbox.Channel]) beside the webhook's, so that
// each channel delivers each reminder once, whatever the other does.
type Mail struct {
	// Addr is the SMTP server, host:port (for example smtp.example.org:587).
	Addr string
	// From is the sender, envelope and header.
	From string
	// To is each forum's address. A reminder for a forum with no address
	// goes to Default, or, without one, is not taken ([Mail.Takes]).
	To      map[policy.Forum]string
	Default string
	// Username and Password, when Username is set, log in.
	Username, Password string
	// TLS configures STARTTLS; nil verifies the server's certificate for the
	// host of Addr against the system's roots.
	TLS *tls.Config
	// Timeout bounds one delivery (default 30 seconds).
	Timeout time.Duration
}

// ErrMail wraps every error of an e-mail delivery.
var ErrMail = errors.New("reminder: mail")

// Takes reports whether m has an address for r's forum: a [Loop] gives
// m only the reminders it takes.
func (m Mail) Takes(r Reminder) bool { return m.to(r.Forum) != "" }

func (m Mail) to(f policy.Forum) string {
	if a := m.To[f]; a != "" {
		return a
	}
	return m.Default
}

// Send mails one reminder's event to its forum's address.
func (m Mail) Send(ctx context.Context, id, typ string, event []byte) error {
	var ev cloudEvent
	if err := json.Unmarshal(event, &ev); err != nil {
		return fmt.Errorf("%w: event %s is not a reminder's: %v", ErrMail, id, err)
	}
	to := m.to(ev.Data.Forum)
	if to == "" {
		return fmt.Errorf("%w: event %s: no address for the %s", ErrMail, id, ev.Data.Forum)
	}
	msg, err := message(m.From, to, ev)
	if err != nil {
		return fmt.Errorf("%w: event %s: %v", ErrMail, id, err)
	}
	if err := m.deliver(ctx, to, msg); err != nil {
		return fmt.Errorf("%w: event %s (%s): %v", ErrMail, id, typ, err)
	}
	return nil
}

// deliver speaks SMTP to the server: STARTTLS when offered, login when
// configured, one message to one recipient.
func (m Mail) deliver(ctx context.Context, to string, msg []byte) error {
	host, _, err := net.SplitHostPort(m.Addr)
	if err != nil {
		return fmt.Errorf("address %q: %v", m.Addr, err)
	}
	timeout := m.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return err
	}
	// net/smtp takes no context: closing the connection ends a stalled exchange.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := m.TLS
		if cfg == nil {
			cfg = &tls.Config{ServerName: host}
		}
		if err := c.StartTLS(cfg); err != nil {
			return err
		}
	}
	if m.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", m.Username, m.Password, host)); err != nil {
			return fmt.Errorf("login as %q: %v", m.Username, err)
		}
	}
	if err := c.Mail(m.From); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// subjects are the subject lines by event type.
var subjects = map[string]string{
	TypeDue:     "Hifazat: %s due %s, case %s",
	TypeOverdue: "Hifazat: %s overdue since %s, case %s",
	TypeBreach:  "Hifazat: %s missed, due %s, case %s",
}

// message is the e-mail of one event: a plain-text summary of its data and
// the event itself. Its Message-ID is the event's id, so a resent reminder
// is the same message; its Date is the event's time.
func message(from, to string, ev cloudEvent) ([]byte, error) {
	subject, ok := subjects[ev.Type]
	if !ok {
		return nil, fmt.Errorf("unknown type %q", ev.Type)
	}
	at, err := time.Parse(time.RFC3339, ev.Time)
	if err != nil {
		return nil, fmt.Errorf("time: %v", err)
	}
	body, err := json.MarshalIndent(ev, "", "  ")
	if err != nil {
		return nil, err
	}
	d := ev.Data
	var b strings.Builder
	for _, h := range [][2]string{
		{"From", from}, {"To", to},
		{"Subject", fmt.Sprintf(subject, d.Rule, d.Due, d.Case)},
		{"Date", at.Format(time.RFC1123Z)},
		{"Message-ID", "<" + ev.ID + "@hifazat>"},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=utf-8"},
		{"X-Hifazat-Event-Type", ev.Type},
	} {
		if strings.ContainsAny(h[1], "\r\n") {
			return nil, fmt.Errorf("header %s holds a line break", h[0])
		}
		fmt.Fprintf(&b, "%s: %s\r\n", h[0], h[1])
	}
	fmt.Fprintf(&b, "\r\nA deadline of case %s for the %s (window %s):\r\n\r\n", d.Case, d.Forum, d.Window)
	fmt.Fprintf(&b, "  rule:      %s (%s)\r\n  due:       %s\r\n  citation:  %s\r\n\r\n", d.Rule, d.Kind, d.Due, d.Citation)
	b.WriteString("The reminder as a CloudEvents 1.0 event:\r\n\r\n")
	b.WriteString(strings.ReplaceAll(string(body), "\n", "\r\n"))
	b.WriteString("\r\n")
	return []byte(b.String()), nil
}
