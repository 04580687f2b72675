package rejudge

import (
	"fmt"
	"strconv"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Result is a case judged as it stands and under a [Change].
type Result struct {
	// Notice says that the result is hypothetical: the policy ran
	// whatever its dates, and it is not the law that governs the case.
	Notice   string  `json:"notice"`
	Original Outcome `json:"original"`
	Rejudged Outcome `json:"rejudged"`
	// Differences are what changed, in the order: policy, state,
	// refusal, deadlines (in the order they started), breaches,
	// warnings. Empty when the change changes nothing.
	Differences []Difference `json:"differences"`
}

// Changed reports whether the change made any difference beyond the
// policy's name.
func (r *Result) Changed() bool {
	for _, d := range r.Differences {
		if d.What != WhatPolicy {
			return true
		}
	}
	return false
}

// Outcome is a replayed case as of a date: what re-judging compares. It
// holds no identity, no free text and no message naming anyone.
type Outcome struct {
	Policy    policy.ID     `json:"policy"`
	Substance policy.ID     `json:"substance,omitempty"`
	State     casefsm.State `json:"state"`
	Deadlines []Deadline    `json:"deadlines"`
	Breaches  []Breach      `json:"breaches"`
	Refusal   *Refusal      `json:"refusal"`
	Warnings  []Warning     `json:"warnings"`
	Events    int           `json:"events_judged"`
	AsOf      civil.Date    `json:"as_of"`
	Route     casefsm.Route `json:"route"`
	Terminal  bool          `json:"terminal"`
}

// Deadline is one period a case started: its rule, due date and status.
type Deadline struct {
	Rule   policy.RuleID    `json:"rule"`
	Due    civil.Date       `json:"due"`
	Status deadlines.Status `json:"status"`
	// Party is the party whose own window a filing period is (see
	// [casefsm.DeadlineStatus]), or 0.
	Party casefsm.Role `json:"party,omitempty"`
}

// Breach is a broken duty.
type Breach struct {
	Code casefsm.BreachCode `json:"code"`
	Rule policy.RuleID      `json:"rule"`
	Due  civil.Date         `json:"due"`
	// On is the day of the late act, or the zero Date for a duty not done.
	On civil.Date `json:"on,omitzero"`
}

// Refusal is the first event the policy refused: the replay stops there.
type Refusal struct {
	// Index is the event's position in the case file, from 0.
	Index    int               `json:"index"`
	Event    casefsm.EventType `json:"event"`
	Code     casefsm.Code      `json:"code"`
	Citation policy.Citation   `json:"citation"`
}

// Warning is a warning's code and the event that raised it (-1: the case).
type Warning struct {
	Code  casefsm.WarningCode `json:"code"`
	Index int                 `json:"index"`
}

// What names the kind of a [Difference].
type What string

// The kinds of difference.
const (
	WhatPolicy   What = "policy"
	WhatState    What = "state"
	WhatRefusal  What = "refusal"
	WhatDeadline What = "deadline"
	WhatBreach   What = "breach"
	WhatWarning  What = "warning"
)

// Difference is one thing that differs. Item names it within its kind
// (a rule, with "#2" for the second period of the same rule; a breach's
// code and rule; a warning's code); Original and Rejudged give it in each
// outcome, "" where it is absent.
type Difference struct {
	What     What   `json:"what"`
	Item     string `json:"item,omitempty"`
	Original string `json:"original"`
	Rejudged string `json:"rejudged"`
}

func (d Difference) String() string {
	item := string(d.What)
	if d.Item != "" {
		item += " " + d.Item
	}
	return fmt.Sprintf("%s: %s -> %s", item, orNone(d.Original), orNone(d.Rejudged))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// outcome replays f on eng and reports it as of asOf.
func outcome(eng *casefsm.Engine, f *casefsm.CaseFile, asOf civil.Date) (Outcome, error) {
	r, err := eng.Report(f, asOf)
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{Policy: r.Policy, Substance: r.Substance, State: r.State, Route: r.Route, Terminal: r.Terminal, AsOf: asOf, Events: len(f.Events),
		Deadlines: []Deadline{}, Breaches: []Breach{}, Warnings: []Warning{}}
	for _, d := range r.Deadlines {
		o.Deadlines = append(o.Deadlines, Deadline{Rule: d.Rule, Due: d.Due, Status: d.Status, Party: d.Party})
	}
	for _, b := range r.Breaches {
		o.Breaches = append(o.Breaches, Breach{Code: b.Code, Rule: b.Rule, Due: b.Due, On: b.On})
	}
	for _, w := range r.Warnings {
		o.Warnings = append(o.Warnings, Warning{Code: w.Code, Index: w.Index})
	}
	if e := r.Error; e != nil {
		o.Refusal = &Refusal{Index: e.Index, Event: e.Type, Code: e.Code, Citation: e.Citation}
		o.Events = e.Index
	}
	return o, nil
}

// differences lists what differs between a and b.
func differences(a, b *Outcome) []Difference {
	out := []Difference{}
	add := func(w What, item, x, y string) {
		if x != y {
			out = append(out, Difference{What: w, Item: item, Original: x, Rejudged: y})
		}
	}
	add(WhatPolicy, "", string(a.Policy), string(b.Policy))
	add(WhatState, "", a.State.String(), b.State.String())
	add(WhatRefusal, "", a.Refusal.String(), b.Refusal.String())
	diffKeyed(add, WhatDeadline, keyed(a.Deadlines, Deadline.key), keyed(b.Deadlines, Deadline.key))
	diffKeyed(add, WhatBreach, keyed(a.Breaches, Breach.key), keyed(b.Breaches, Breach.key))
	diffKeyed(add, WhatWarning, keyed(a.Warnings, Warning.key), keyed(b.Warnings, Warning.key))
	return out
}

func (d Deadline) key() (string, string) {
	k := string(d.Rule)
	if d.Rule == policy.RuleRepresentation && d.Party != 0 {
		k += " (" + d.Party.String() + ")" // the one period both parties hold (s.9)
	}
	return k, "due " + d.Due.String() + ", " + d.Status.String()
}

func (b Breach) key() (string, string) {
	v := "due " + b.Due.String()
	if b.On.IsValid() {
		v += ", done " + b.On.String()
	}
	return string(b.Code) + " " + string(b.Rule), v
}

func (w Warning) key() (string, string) {
	at := "the case"
	if w.Index >= 0 {
		at = "event " + strconv.Itoa(w.Index)
	}
	return string(w.Code), at
}

func (r *Refusal) String() string {
	if r == nil {
		return ""
	}
	return fmt.Sprintf("event %d (%s) refused: %s, %s", r.Index, r.Event, r.Code, r.Citation)
}

// entry is an item of an outcome under its key ("rule", "rule #2", ...).
type entry struct{ key, value string }

// keyed names each item by its key, numbering repeats in order.
func keyed[T any](items []T, key func(T) (string, string)) []entry {
	seen := map[string]int{}
	out := make([]entry, len(items))
	for i, it := range items {
		k, v := key(it)
		seen[k]++
		if n := seen[k]; n > 1 {
			k += " #" + strconv.Itoa(n)
		}
		out[i] = entry{k, v}
	}
	return out
}

// diffKeyed reports the items of a and b that differ or are in one only:
// a's order first, then b's new items.
func diffKeyed(add func(What, string, string, string), w What, a, b []entry) {
	inB := make(map[string]string, len(b))
	for _, e := range b {
		inB[e.key] = e.value
	}
	inA := make(map[string]bool, len(a))
	for _, e := range a {
		inA[e.key] = true
		add(w, e.key, e.value, inB[e.key])
	}
	for _, e := range b {
		if !inA[e.key] {
			add(w, e.key, "", e.value)
		}
	}
}
