package casefsm

import (
	"encoding/json"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Report is a case's [Status] together with the event that was refused, if
// replaying its file stopped at one. Its JSON form is the output of
// `hifazat case status --json`:
//
//	{"policy": "pk-federal-2022", "state": "decided", "terminal": false,
//	 "deadlines": [{"rule", "due", "status", "citation"}],
//	 "breaches": [{"code", "rule", "due", "on", "citation", "message"}],
//	 "next": [{"event", "by": [ROLE, ...]}],
//	 "warnings": [{"code", "message", "citation"}],
//	 "error": null | {"index", "type", "code", "message", "citation"}}
//
// Lists are never null. A citation is formatted as [policy.Citation.String]
// does ("s.6(2) [high]"); a date is YYYY-MM-DD, or null where there is none
// (the "on" of a duty not done, the "due" of a breach with no period), and
// the error's "type" is null when the refused event had no valid type. When
// an event was refused, "state" is the state before it; asked as of a date
// before the last event applied, the report is the case as it stood then
// (see [Case.Status]). A report for statistics ([Report.For] with
// [AsStatistics]) gives every date as YYYY-MM and no message.
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
	Policy    policy.ID      `json:"policy"`
	State     State          `json:"state"`
	Terminal  bool           `json:"terminal"`
	Deadlines []deadlineJSON `json:"deadlines"`
	Breaches  []breachJSON   `json:"breaches"`
	Next      []nextJSON     `json:"next"`
	Warnings  []warningJSON  `json:"warnings"`
	Error     *errorJSON     `json:"error"`
}

type deadlineJSON struct {
	Rule     policy.RuleID `json:"rule"`
	Due      day           `json:"due"`
	Status   string        `json:"status"`
	Citation string        `json:"citation"`
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
}

type warningJSON struct {
	Code     WarningCode `json:"code"`
	Message  string      `json:"message"`
	Citation string      `json:"citation"`
}

type errorJSON struct {
	Index    int        `json:"index"`
	Type     *EventType `json:"type"`
	Code     Code       `json:"code"`
	Message  string     `json:"message"`
	Citation string     `json:"citation"`
}

// MarshalJSON writes the report in the form documented on [Report].
func (r Report) MarshalJSON() ([]byte, error) {
	out := reportJSON{Policy: r.Policy, State: r.State, Terminal: r.Terminal,
		Deadlines: []deadlineJSON{}, Breaches: []breachJSON{}, Next: []nextJSON{}, Warnings: []warningJSON{}}
	for _, d := range r.Deadlines {
		out.Deadlines = append(out.Deadlines, deadlineJSON{Rule: d.Rule, Due: day{d.Due, r.coarse}, Status: d.Status.String(), Citation: d.Citation.String()})
	}
	for _, b := range r.Breaches {
		out.Breaches = append(out.Breaches, breachJSON{Code: b.Code, Rule: b.Rule, Due: r.day(b.Due), On: r.day(b.On), Citation: b.Citation.String(), Message: b.Message})
	}
	for _, n := range r.Next {
		out.Next = append(out.Next, nextJSON{Event: n.Event, By: n.By})
	}
	for _, w := range r.Warnings {
		out.Warnings = append(out.Warnings, warningJSON{Code: w.Code, Message: w.Message, Citation: w.Citation.String()})
	}
	if e := r.Error; e != nil {
		out.Error = &errorJSON{Index: e.Index, Code: e.Code, Message: e.Message, Citation: e.Citation.String()}
		if e.Type.IsValid() {
			out.Error.Type = &e.Type
		}
	}
	return json.Marshal(out)
}

// day is a date of a report: YYYY-MM-DD, or YYYY-MM in a report for
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

// day returns d as the report gives it, or nil where there is none.
func (r Report) day(d civil.Date) *day {
	if !d.IsValid() {
		return nil
	}
	return &day{d, r.coarse}
}
