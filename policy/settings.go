package policy

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/civil"
)

// Setting is one interpretation set by an integrator (casefsm.Options) or an
// institution's overlay (its "interpretations" map) in place of the
// project's default (interpretation 29). Name is the interpretation's JSON
// name, as `hifazat policy show --json` prints it; Value is a bool for the
// switches, an int for appellate_decision_days, and for gazette_window an
// [Interval] or its "FROM..UNTIL" string ("" for no window). Note says why:
// it becomes the note of the setting's citation, so a lawyer reading the
// policy sees who chose what and why.
//
// A setting that takes a right from a party is refused like any other cut
// of a statutory right (see [Interpretations.With]).
type Setting struct {
	Name  string `json:"name" yaml:"name"`
	Value any    `json:"value" yaml:"value"`
	Note  string `json:"note" yaml:"note"`
}

// ErrSettingRefused matches the error of [Interpretations.With] for a
// setting that is unknown, of the wrong type, without a note, or that takes
// a right from a party.
var ErrSettingRefused = errors.New("policy: interpretation setting refused")

// SettingError lists every refused setting of one call to
// [Interpretations.With]. Each [Violation]'s Field is
// "interpretations.NAME" and its Section the provision that gives the right
// (or the interpretation's number for a malformed setting).
type SettingError struct {
	Violations []Violation
}

func (e *SettingError) Error() string {
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		parts[i] = fmt.Sprintf("%s: %s (%s)", v.Field, v.Reason, v.Section)
	}
	return fmt.Sprintf("policy: %d interpretation setting(s) refused: %s", len(e.Violations), strings.Join(parts, "; "))
}

// Is reports whether target is ErrSettingRefused.
func (e *SettingError) Is(target error) bool { return target == ErrSettingRefused }

// interpretation describes one field of Interpretations: its name, its
// number on the project's list, how to reach it, and, for a setting that
// would take a right from a party, the provision and the right.
type interpretation struct {
	name   string
	number int
	// one of boolField, intField, intervalField is set.
	boolField     func(*Interpretations) *Param[bool]
	intField      func(*Interpretations) *Param[int]
	intervalField func(*Interpretations) *Param[Interval]
	// right, for a switch, is what switching it off takes from a party,
	// and section the provision that gives it; "" if nothing.
	right, section string
}

// interpretations lists every interpretation in the order of the struct.
func interpretationList() []interpretation {
	b := func(name string, n int, f func(*Interpretations) *Param[bool], section, right string) interpretation {
		return interpretation{name: name, number: n, boolField: f, section: section, right: right}
	}
	return []interpretation{
		{name: "gazette_window", number: 1, intervalField: func(in *Interpretations) *Param[Interval] { return &in.GazetteWindow }},
		b("substance_by_incident_date", 2, func(in *Interpretations) *Param[bool] { return &in.SubstanceByIncidentDate }, "", ""),
		b("conflicted_route_warns", 4, func(in *Interpretations) *Param[bool] { return &in.ConflictedRouteWarns }, "", ""),
		b("calendar_days", 5, func(in *Interpretations) *Param[bool] { return &in.CalendarDays }, "interpretation 5",
			"periods in calendar days, as the Act counts them (working days would let the forums act later, and are not implemented)"),
		b("exclude_trigger_day", 6, func(in *Interpretations) *Param[bool] { return &in.ExcludeTriggerDay }, "General Clauses Act s.9",
			"the party's whole period: the day of the act that starts it is not counted"),
		b("roll_forward_filings", 7, func(in *Interpretations) *Param[bool] { return &in.RollForwardFilings }, "General Clauses Act s.10",
			"a party's filing on the next open day when the last day of its period is closed"),
		b("findings_from_recorded_start", 9, func(in *Interpretations) *Param[bool] { return &in.FindingsFromRecordedStart }, "", ""),
		b("stays_pause", 10, func(in *Interpretations) *Param[bool] { return &in.StaysPause }, "interpretation 10",
			"the time a stay order gives back to a party whose period it interrupted"),
		b("late_defence_accepted", 13, func(in *Interpretations) *Param[bool] { return &in.LateDefenceAccepted }, "s.4(1)(b), s.8(2)",
			"the accused's late defence, which the forum may still receive until it proceeds ex parte"),
		b("late_filing_needs_condonation", 13, func(in *Interpretations) *Param[bool] { return &in.LateFilingNeedsCondonation }, "", ""),
		b("ex_parte_after_defence_period", 14, func(in *Interpretations) *Param[bool] { return &in.ExParteAfterDefencePeriod }, "s.4(1)(b), s.8(2)",
			"the accused's whole period to defend before ex parte may be ordered"),
		b("penalty_mismatch_is_breach", 15, func(in *Interpretations) *Param[bool] { return &in.PenaltyMismatchIsBreach }, "", ""),
		b("complainant_knowledge_anchor", 16, func(in *Interpretations) *Param[bool] { return &in.ComplainantKnowledgeAnchor }, "", ""),
		b("implementation_closes", 18, func(in *Interpretations) *Param[bool] { return &in.ImplementationCloses }, "", ""),
		b("retaliation_surfaced", 21, func(in *Interpretations) *Param[bool] { return &in.RetaliationSurfaced }, "s.4(3)(d)-(e)",
			"the complainant's and witnesses' protection against retaliation, which the case must surface"),
		b("protective_duties_tracked", 22, func(in *Interpretations) *Param[bool] { return &in.ProtectiveDutiesTracked }, "s.4(7)-(8); Code (x); s.5(4)",
			"the complainant's counselling, leave, compensation, interim adjustments and confidentiality orders"),
		b("no_complaint_limitation", 11, func(in *Interpretations) *Param[bool] { return &in.NoComplaintLimitation }, "Code (vii), (xii)",
			"the complainant's option to complain at any time, late reporting not affecting the merits"),
		{name: "appellate_decision_days", number: 0, intField: func(in *Interpretations) *Param[int] { return &in.AppellateDecisionDays },
			section: "s.6(3)", right: "a decision of the appeal within 30 days"},
	}
}

// InterpretationSpec describes one interpretation as a parameter: its
// name, its number on the project's list of interpretations (0 for
// appellate_decision_days, which states s.6(3)), and, where a setting
// would take a right from a party, the right and the provision that gives
// it (a [Setting] that does is refused).
type InterpretationSpec struct {
	Name    string `json:"name"`
	Number  int    `json:"number,omitempty"`
	Right   string `json:"right,omitempty"`
	Section string `json:"section,omitempty"`
}

// InterpretationSpecs returns every interpretation as a parameter, in the
// order `policy show` lists them.
func InterpretationSpecs() []InterpretationSpec {
	l := interpretationList()
	out := make([]InterpretationSpec, len(l))
	for i, x := range l {
		out[i] = InterpretationSpec{Name: x.name, Number: x.number, Right: x.right, Section: x.section}
	}
	return out
}

// InterpretationNames returns the names of every interpretation a [Setting]
// may name, in the order `policy show` lists them.
func InterpretationNames() []string {
	l := interpretationList()
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = x.name
	}
	return out
}

// With returns in with the settings applied, each cited as set by by (an
// overlay's id, or the integrator's name for itself) with the setting's
// note. It refuses, with a [*SettingError] listing every fault: an unknown
// name, a value of the wrong type, a setting without a note, a name set
// twice, and a setting that takes a right from a party (switching off
// exclude_trigger_day, roll_forward_filings, stays_pause,
// late_defence_accepted, ex_parte_after_defence_period,
// retaliation_surfaced, protective_duties_tracked, no_complaint_limitation
// or calendar_days; appellate_decision_days above s.6(3)'s 30). A setting
// that restates the current value keeps its citation.
func (in Interpretations) With(by string, settings ...Setting) (Interpretations, error) {
	var vs []Violation
	seen := map[string]bool{}
	list := interpretationList()
	for _, s := range settings {
		field := "interpretations." + s.Name
		bad := func(section, format string, a ...any) {
			vs = append(vs, Violation{Field: field, Rule: s.Name, Section: section, Reason: fmt.Sprintf(format, a...)})
		}
		i := slices.IndexFunc(list, func(x interpretation) bool { return x.name == s.Name })
		switch {
		case i < 0:
			bad("interpretation 29", "names no interpretation (want one of: %s)", strings.Join(InterpretationNames(), ", "))
			continue
		case seen[s.Name]:
			bad("interpretation 29", "is set twice")
			continue
		case strings.TrimSpace(s.Note) == "":
			bad("interpretation 29", "needs a note saying why it is set")
			continue
		}
		seen[s.Name] = true
		x := list[i]
		cite := Citation{Section: by + " interpretations." + s.Name, Confidence: High, Note: s.Note}
		if x.number > 0 {
			cite.Note = fmt.Sprintf("%s (in place of interpretation %d)", s.Note, x.number)
		}
		if msg := x.set(&in, s.Value, cite); msg != "" {
			sec := "interpretation 29"
			if strings.HasPrefix(msg, "takes") {
				sec = x.section
			}
			bad(sec, "%s", msg)
		}
	}
	if len(vs) > 0 {
		slices.SortStableFunc(vs, func(a, b Violation) int { return strings.Compare(a.Field, b.Field) })
		return in, &SettingError{Violations: vs}
	}
	return in, nil
}

// set applies value to x's field of in, cited c, and returns "" or why it
// may not.
func (x interpretation) set(in *Interpretations, value any, c Citation) string {
	switch {
	case x.boolField != nil:
		v, ok := value.(bool)
		if !ok {
			return fmt.Sprintf("want true or false, got %v", value)
		}
		p := x.boolField(in)
		if !v && x.right != "" {
			return "takes from a party " + x.right
		}
		if v != p.Value {
			*p = Param[bool]{v, c}
		}
	case x.intField != nil:
		v, ok := asInt(value)
		if !ok || v < 1 {
			return fmt.Sprintf("want a positive whole number of days, got %v", value)
		}
		if v > appellateDecisionDays {
			return fmt.Sprintf("takes from a party %s: %d days would let the Ombudsperson decide later", x.right, v)
		}
		if p := x.intField(in); v != p.Value {
			*p = Param[int]{v, c}
		}
	default:
		v, ok := asInterval(value)
		if !ok {
			return fmt.Sprintf("want an interval FROM..UNTIL (or \"\" for none), got %v", value)
		}
		if p := x.intervalField(in); v != p.Value {
			*p = Param[Interval]{v, c}
		}
	}
	return ""
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), int64(int(n)) == n
	case uint64:
		return int(n), n <= 1<<31
	case float64: // JSON numbers
		return int(n), float64(int(n)) == n
	}
	return 0, false
}

func asInterval(v any) (Interval, bool) {
	switch x := v.(type) {
	case Interval:
		return x, true
	case string:
		if x == "" {
			return Interval{}, true
		}
		from, until, ok := strings.Cut(x, "..")
		if !ok {
			return Interval{}, false
		}
		var iv Interval
		var err error
		if iv.From, err = civil.Parse(from); err != nil {
			return Interval{}, false
		}
		if until != "" {
			if iv.Until, err = civil.Parse(until); err != nil || !iv.From.Before(iv.Until) {
				return Interval{}, false
			}
		}
		return iv, true
	}
	return Interval{}, false
}
