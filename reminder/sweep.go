package reminder

import (
	"context"
	"fmt"
	"slices"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Source lists the open deadlines of every stored case that are due on or
// before the date within days after at, overdue ones included.
type Source func(ctx context.Context, at civil.Date, within int) ([]Deadline, error)

// Sweep finds the reminders due on date at: one for every open deadline in
// a window of windows (days before the due date; nil means DefaultWindows)
// or overdue. Each names the forum that must act and the rule's citation,
// from the policy the case is decided under in set.
func Sweep(ctx context.Context, src Source, set *policy.Set, at civil.Date, windows []int) ([]Reminder, error) {
	if windows == nil {
		windows = DefaultWindows
	}
	ds, err := src(ctx, at, slices.Max(windows))
	if err != nil {
		return nil, err
	}
	var out []Reminder
	for _, d := range ds {
		w := window(d.Due, at, windows)
		if w == "" {
			continue
		}
		r := Reminder{Case: d.Case, Rule: d.Rule, Kind: d.Kind, Window: w, Due: d.Due}
		if p, err := set.Get(d.Policy); err == nil {
			if rule, ok := p.Rule(d.Rule); ok {
				r.Forum, r.Citation = rule.Forum, rule.Citation.Section
			}
		}
		if r.Citation == "" {
			return nil, fmt.Errorf("reminder: case %s: policy %s has no rule %q", d.Case, d.Policy, d.Rule)
		}
		out = append(out, r)
	}
	return out, nil
}
