package rejudge

// K is the smallest count statistics over real cases show: a count from 1
// to K-1 could point at a person, so it is withheld (k-anonymity, the rule
// of every statistic the SDK gives over real cases).
const K = 5

// Tally counts the results of re-judging many cases (a whole store). It
// holds counts only, never a case id or any part of a case. The zero
// Tally is empty and ready to use.
type Tally struct {
	cases, unchanged, stateChanged, gainedBreach, lostBreach int64
	newlyRefused, noLongerRefused, deadlineChanged, warnings int64
	// unreadable counts cases that could not be re-judged at all.
	unreadable int64
}

// Add counts one result.
func (t *Tally) Add(r *Result) {
	t.cases++
	if !r.Changed() {
		t.unchanged++
	}
	var gained, lost, deadline, warning bool
	for _, d := range r.Differences {
		switch d.What {
		case WhatState:
			t.stateChanged++
		case WhatRefusal:
			if r.Original.Refusal == nil {
				t.newlyRefused++
			} else if r.Rejudged.Refusal == nil {
				t.noLongerRefused++
			}
		case WhatBreach:
			gained = gained || d.Original == ""
			lost = lost || d.Rejudged == ""
		case WhatDeadline:
			deadline = true
		case WhatWarning:
			warning = true
		}
	}
	t.gainedBreach += b2i(gained)
	t.lostBreach += b2i(lost)
	t.deadlineChanged += b2i(deadline)
	t.warnings += b2i(warning)
}

// AddUnreadable counts a case that could not be re-judged (its history
// cannot be read under its own law).
func (t *Tally) AddUnreadable() { t.unreadable++ }

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// Row is one count of a [Tally] as it may be shown: Count is withheld
// (zero, Suppressed true) when it is from 1 to K-1, or when fewer than K
// cases were re-judged at all.
type Row struct {
	Name       string `json:"name"`
	Count      int64  `json:"count"`
	Suppressed bool   `json:"suppressed,omitempty"`
}

// Rows returns the tally's counts in a fixed order, with k = [K]
// suppression applied: cases re-judged, unchanged, with another state,
// with an event newly refused, with a refusal lifted, gaining a breach,
// losing a breach, with a deadline changed, with a warning changed, and
// cases that could not be re-judged.
func (t *Tally) Rows() []Row {
	rows := []Row{
		{Name: "cases", Count: t.cases},
		{Name: "unchanged", Count: t.unchanged},
		{Name: "state_changed", Count: t.stateChanged},
		{Name: "event_refused", Count: t.newlyRefused},
		{Name: "refusal_lifted", Count: t.noLongerRefused},
		{Name: "gained_breach", Count: t.gainedBreach},
		{Name: "lost_breach", Count: t.lostBreach},
		{Name: "deadline_changed", Count: t.deadlineChanged},
		{Name: "warning_changed", Count: t.warnings},
		{Name: "unreadable", Count: t.unreadable},
	}
	few := t.cases+t.unreadable < K
	for i := range rows {
		if r := &rows[i]; few || (r.Count > 0 && r.Count < K) {
			r.Count, r.Suppressed = 0, true
		}
	}
	return rows
}
