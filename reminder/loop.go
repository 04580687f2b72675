package reminder

import (
	"context"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Loop is the reminder service of one process: each round it sweeps the
// store on today's date, enqueues what is new, and delivers what is due.
// Run many Loops on one database (one per server): the outbox makes each
// reminder's delivery once.
type Loop struct {
	Source Source
	Set    *policy.Set // the policies cases are decided under
	// Outbox and Sender deliver every reminder (the webhook); leave both
	// nil to deliver only on Channels.
	Outbox *Outbox
	Sender Sender
	// Channels are further deliveries (e-mail), each with its own outbox
	// ([Outbox.Channel]), so that each delivers each reminder once.
	Channels []Channel
	Windows  []int // nil means DefaultWindows
	// Origin is the CloudEvents source, for example "urn:hifazat:acme".
	Origin string
	// Now is the process's clock; the round's date is Now in Asia/Karachi.
	Now func() time.Time
	// OnSend, if set, is told each attempt's type and outcome.
	OnSend func(typ string, err error)
}

// Once runs one round at Now, on its date in Asia/Karachi.
func (l *Loop) Once(ctx context.Context) (Outcome, error) {
	now := l.Now()
	return l.Round(ctx, civil.FromTime(now), now)
}

// Channel is one way of delivering reminders and the outbox that records
// what it delivered. A Sender with a method Takes(Reminder) bool (as
// [Mail] has) is given only the reminders it takes.
type Channel struct {
	Outbox *Outbox
	Sender Sender
}

// Round sweeps the store on date at, enqueues what is new on every channel
// and delivers what is due at now; the outcome adds up the channels'.
func (l *Loop) Round(ctx context.Context, at civil.Date, now time.Time) (Outcome, error) {
	rs, err := Sweep(ctx, l.Source, l.Set, at, l.Windows)
	if err != nil {
		return Outcome{}, err
	}
	chans := l.Channels
	if l.Sender != nil {
		chans = append([]Channel{{l.Outbox, l.Sender}}, chans...)
	}
	var out Outcome
	for _, c := range chans {
		if _, err := c.Outbox.Enqueue(ctx, taken(c.Sender, rs), l.Origin, now); err != nil {
			return out, err
		}
		o, err := c.Outbox.Deliver(ctx, c.Sender, now, l.OnSend)
		out.Sent, out.Failed = out.Sent+o.Sent, out.Failed+o.Failed
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// taken returns the reminders s takes: all, unless it says otherwise.
func taken(s Sender, rs []Reminder) []Reminder {
	t, ok := s.(interface{ Takes(Reminder) bool })
	if !ok {
		return rs
	}
	var out []Reminder
	for _, r := range rs {
		if t.Takes(r) {
			out = append(out, r)
		}
	}
	return out
}

// Run runs a round every interval until ctx is done, reporting each
// round's error to onErr (if set) and carrying on.
func (l *Loop) Run(ctx context.Context, every time.Duration, onErr func(error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := l.Once(ctx); err != nil && onErr != nil && ctx.Err() == nil {
			onErr(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
