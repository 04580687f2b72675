package reminder

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// The CloudEvents types of reminders, a public contract.
const (
	TypeDue     = "pk.hifazat.deadline.due"     // due within a window, or today
	TypeOverdue = "pk.hifazat.deadline.overdue" // a filing or target past its day
	TypeBreach  = "pk.hifazat.deadline.breach"  // a forum's duty past its day
)

// Overdue is the window of a deadline past its due date.
const Overdue = "overdue"

// DefaultWindows are the days before the due date a reminder is sent: 3
// days, 1 day, and on the day. An overdue reminder is always sent too.
var DefaultWindows = []int{3, 1, 0}

// Deadline is one open deadline of a stored case, as the sweep reads it.
type Deadline struct {
	Case   string
	Policy policy.ID
	Rule   policy.RuleID
	Kind   policy.Kind
	Due    civil.Date
}

// Reminder is one reminder to deliver: the CloudEvents data.
type Reminder struct {
	Case     string        `json:"case"`
	Rule     policy.RuleID `json:"rule"`
	Kind     policy.Kind   `json:"kind"`
	Window   string        `json:"window"` // "3d", "1d", "0d" or "overdue"
	Due      civil.Date    `json:"due"`
	Forum    policy.Forum  `json:"forum"`
	Citation string        `json:"citation"`
}

// Type returns the reminder's CloudEvents type.
func (r Reminder) Type() string {
	switch {
	case r.Window != Overdue:
		return TypeDue
	case r.Kind == policy.Duty:
		return TypeBreach
	}
	return TypeOverdue
}

// ID returns the reminder's CloudEvents id: a hash of its case, rule,
// window and due date, the same however often it is swept or sent.
func (r Reminder) ID() string {
	h := sha256.Sum256([]byte(r.Case + "\x00" + string(r.Rule) + "\x00" + r.Window + "\x00" + r.Due.String()))
	return hex.EncodeToString(h[:16])
}

// window returns the window deadline d falls in on date at, among windows
// (days before the due date): the smallest window at least as far as the
// due date, or Overdue, or "" when d is further off than every window.
func window(d civil.Date, at civil.Date, windows []int) string {
	days := d.Sub(at)
	if days < 0 {
		return Overdue
	}
	ws := slices.Clone(windows)
	slices.Sort(ws)
	for _, w := range ws {
		if days <= w {
			return strconv.Itoa(w) + "d"
		}
	}
	return ""
}

// cloudEvent is a reminder as a CloudEvents 1.0 JSON event.
type cloudEvent struct {
	SpecVersion     string   `json:"specversion"`
	ID              string   `json:"id"`
	Source          string   `json:"source"`
	Type            string   `json:"type"`
	Subject         string   `json:"subject"`
	Time            string   `json:"time"`
	DataContentType string   `json:"datacontenttype"`
	Data            Reminder `json:"data"`
}

// Event returns r as a CloudEvents 1.0 JSON event from source, made at t.
func (r Reminder) Event(source string, t time.Time) ([]byte, error) {
	b, err := json.Marshal(cloudEvent{"1.0", r.ID(), source, r.Type(), r.Case, t.UTC().Format(time.RFC3339), "application/json", r})
	if err != nil {
		return nil, fmt.Errorf("reminder: %w", err)
	}
	return b, nil
}
