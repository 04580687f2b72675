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
	Source  Source
	Set     *policy.Set // the policies cases are decided under
	Outbox  *Outbox
	Sender  Sender
	Windows []int // nil means DefaultWindows
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

// Round sweeps the store on date at, enqueues what is new and delivers what
// is due at now.
func (l *Loop) Round(ctx context.Context, at civil.Date, now time.Time) (Outcome, error) {
	rs, err := Sweep(ctx, l.Source, l.Set, at, l.Windows)
	if err != nil {
		return Outcome{}, err
	}
	if _, err := l.Outbox.Enqueue(ctx, rs, l.Origin, now); err != nil {
		return Outcome{}, err
	}
	return l.Outbox.Deliver(ctx, l.Sender, now, l.OnSend)
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
