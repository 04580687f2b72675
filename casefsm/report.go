package casefsm

import (
	"encoding/json"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// MarshalJSON writes the status in its JSON form, a public contract:
//
//	{"as_of": "2026-04-01", "policy": "pk-federal-2022",
//	 "substance": "pk-federal-2022" | null, "route": "committee" | "ombudsperson" | "none",
//	 "state": "decided", "terminal": false,
//	 "deadlines": [{"rule", "kind", "period": {"n", "unit"}, "forum", "from",
//	                "period_end", "due", "last_open_day", "rolled_forward",
//	                "touches_estimated_holiday", "stay_days", "calendar",
//	                "citation", "status", "party", "done_on"}],
//	 "breaches": [{"code", "rule", "due", "on", "citation", "message"}],
//	 "next": [{"event", "by": [ROLE, ...], "moves"}],
//	 "warnings": [{"code", "message", "citation", "event"}]}
//
// Lists are never null. A citation is formatted as [policy.Citation.String]
// does ("s.6(2) [high]"). A date is YYYY-MM-DD, or null where there is none:
// the "as_of" of a case with no events asked as of no date, the "done_on"
// of an act not done, the "on" of a duty not done, the "due" of a breach
// with no period. "party" names the party whose own window a filing
// period is ("complainant" or "accused"; absent otherwise). A deadline's other fields mean what those of
// [deadlines.Deadline] do; "status" is pending, overdue, met, late or
// paused. A warning's "event" is the number of the event that raised it,
// counted from 1 as in the case's history, or null for a warning about the
// case as a whole. "substance" is null before the case is filed. A status
// for statistics ([Status.Statistics]) gives every date as YYYY-MM and no
// message.
func (s Status) MarshalJSON() ([]byte, error) { return json.Marshal(s.toJSON()) }

type statusJSON struct {
	AsOf      *day           `json:"as_of"`
	Policy    policy.ID      `json:"policy"`
	Substance *policy.ID     `json:"substance"`
	Route     Route          `json:"route"`
	State     State          `json:"state"`
	Terminal  bool           `json:"terminal"`
	Deadlines []deadlineJSON `json:"deadlines"`
	Breaches  []breachJSON   `json:"breaches"`
	Next      []nextJSON     `json:"next"`
	Warnings  []warningJSON  `json:"warnings"`
}

// deadlineJSON is a [deadlines.Deadline]'s JSON with dates as a status
// gives them, its citation as a string, and where the act stands.
type deadlineJSON struct {
	Rule                    policy.RuleID `json:"rule"`
	Kind                    policy.Kind   `json:"kind"`
	Period                  policy.Period `json:"period"`
	Forum                   policy.Forum  `json:"forum,omitempty"`
	From                    day           `json:"from"`
	PeriodEnd               day           `json:"period_end"`
	Due                     day           `json:"due"`
	LastOpenDay             day           `json:"last_open_day"`
	RolledForward           bool          `json:"rolled_forward"`
	TouchesEstimatedHoliday bool          `json:"touches_estimated_holiday"`
	StayDays                int           `json:"stay_days"`
	Calendar                string        `json:"calendar"`
	Citation                string        `json:"citation"`
	Status                  string        `json:"status"`
	Party                   Role          `json:"party,omitempty"`
	DoneOn                  *day          `json:"done_on"`
}

type breachJSON struct {
	Code     BreachCode    `json:"code"`
	Rule     policy.RuleID `json:"rule"`
	Due      *day          `json:"due"`
	On       *day          `json:"on"`
	Citation string        `json:"citation"`
	Message  string        `json:"message"`
}

type nextJSON struct {
	Event EventType `json:"event"`
	By    []Role    `json:"by"`
	Moves bool      `json:"moves"`
}

type warningJSON struct {
	Code     WarningCode `json:"code"`
	Message  string      `json:"message"`
	Citation string      `json:"citation"`
	Event    *int        `json:"event"`
}

func (s Status) toJSON() statusJSON {
	out := statusJSON{AsOf: s.day(s.AsOf), Policy: s.Policy, Route: s.Route, State: s.State, Terminal: s.Terminal,
		Deadlines: make([]deadlineJSON, 0, len(s.Deadlines)), Breaches: make([]breachJSON, 0, len(s.Breaches)),
		Next: make([]nextJSON, 0, len(s.Next)), Warnings: make([]warningJSON, 0, len(s.Warnings))}
	if s.Substance != "" {
		out.Substance = &s.Substance
	}
	for _, d := range s.Deadlines {
		out.Deadlines = append(out.Deadlines, deadlineJSON{Rule: d.Rule, Kind: d.Kind, Period: d.Period, Forum: d.Forum,
			From: day{d.From, s.coarse}, PeriodEnd: day{d.PeriodEnd, s.coarse}, Due: day{d.Due, s.coarse}, LastOpenDay: day{d.LastOpenDay, s.coarse},
			RolledForward: d.RolledForward, TouchesEstimatedHoliday: d.TouchesEstimatedHoliday, StayDays: d.StayDays, Calendar: d.Calendar,
			Citation: d.Citation.String(), Status: d.Status.String(), Party: d.Party, DoneOn: s.day(d.DoneOn)})
	}
	for _, b := range s.Breaches {
		out.Breaches = append(out.Breaches, breachJSON{Code: b.Code, Rule: b.Rule, Due: s.day(b.Due), On: s.day(b.On), Citation: b.Citation.String(), Message: b.Message})
	}
	for _, n := range s.Next {
		out.Next = append(out.Next, nextJSON(n))
	}
	for _, w := range s.Warnings {
		wj := warningJSON{Code: w.Code, Message: w.Message, Citation: w.Citation.String()}
		if w.Index >= 0 {
			wj.Event = new(w.Index + 1)
		}
		out.Warnings = append(out.Warnings, wj)
	}
	return out
}

// Report is a case's [Status] together with the event that was refused, if
// replaying its file stopped at one. Its JSON form, the output of `hifazat
// case status --json`, is the Status's (see [Status.MarshalJSON]) with one
// more member:
//
//	"error": null | {"index", "event", "type", "code", "message", "citation"}
//
// "index" is the refused event's position in the file's "events", from 0;
// "event" is its number, from 1, as messages count events. "type" is null
// when the refused event had no valid type. When an event was refused,
// "state" is the state before it; asked as of a date before the last event
// applied, the report is the case as it stood then (see [Case.Status]). A
// report for statistics ([Report.Statistics]) gives every date as YYYY-MM
// and no message.
type Report struct {
	Status
	Error *ReportError
}

// ReportError is the refused event of a [Report].
type ReportError struct {
	// Index is the event's position in the case file, from 0.
	Index    int
	Type     EventType
	Code     Code
	Message  string
	Citation policy.Citation
	says     message
}

type reportJSON struct {
	statusJSON
	Error *errorJSON `json:"error"`
}

type errorJSON struct {
	Index    int        `json:"index"`
	Event    int        `json:"event"`
	Type     *EventType `json:"type"`
	Code     Code       `json:"code"`
	Message  string     `json:"message"`
	Citation string     `json:"citation"`
}

// MarshalJSON writes the report in the form documented on [Report].
func (r Report) MarshalJSON() ([]byte, error) {
	out := reportJSON{statusJSON: r.Status.toJSON()}
	if e := r.Error; e != nil {
		out.Error = &errorJSON{Index: e.Index, Event: e.Index + 1, Code: e.Code, Message: e.Message, Citation: e.Citation.String()}
		if e.Type.IsValid() {
			out.Error.Type = &e.Type
		}
	}
	return json.Marshal(out)
}

// day is a date of a status: YYYY-MM-DD, or YYYY-MM in a status for
// statistics.
type day struct {
	d     civil.Date
	month bool
}

// MarshalText writes the date, or its year and month.
func (d day) MarshalText() ([]byte, error) {
	b, err := d.d.MarshalText()
	if err == nil && d.month {
		b = b[:len("YYYY-MM")]
	}
	return b, err
}

// day returns d as the status gives it, or nil where there is none.
func (s Status) day(d civil.Date) *day {
	if !d.IsValid() {
		return nil
	}
	return &day{d, s.coarse}
}
