package casefsm

import "slices"

// Field is one field of an event in a case file, as [Fields] describes it.
// Its JSON form is {"name", "required", "meaning"}, the output of `hifazat
// events --json`.
type Field struct {
	// Name is the field's JSON name, such as "received_on".
	Name string `json:"name"`
	// Required reports that [Case.Apply] refuses the event without it
	// (invalid_event).
	Required bool `json:"required"`
	// Meaning says what the field records and the form of its value.
	Meaning string `json:"meaning"`
}

// optionalFields describe the fields of an event beyond type, on and by,
// indexed by their bit in a fieldSet.
var optionalFields = [...]struct{ name, meaning string }{
	{"received_on", "the day the addressee received the act (YYYY-MM-DD), where the law counts from receipt; without it, on is used, with a warning (interpretation 6)"},
	{"finding", "the finding: guilty, not_guilty or false_and_mala_fide (s.4(4), s.5(3))"},
	{"penalties", "the penalties recommended or imposed: codes of s.4(4) (\"censure\"), or objects {\"code\", \"period_months\", \"amount\", \"payee\"}; at least one with a finding of guilty"},
	{"reasonable_cause", "the cause a party gives for acting late (s.4(1)(b), s.8(2))"},
	{"condonation", "who condoned a late filing, and why (interpretation 13); without it a late appeal or representation is refused"},
	{"consent", "true when the complainant consented to someone else filing for her (Code (vi))"},
	{"to", "who the decision was communicated to: complainant, accused and/or employer; empty means both parties"},
	{"member", "the replacement for this case (s.3(3)): {\"out\": ID, \"in\": {a committee member}}"},
	{"reason", "why the act was done: the reasons a dismissal at admission (interpretation 12) or the voiding of an event needs"},
	{"note", "free text for the file"},
	{"voids", "the number (1-based) of the earlier event a void_event voids; the case is then judged as if it had not happened (interpretation 23)"},
	{"kind", "what a report_retaliation reports: defamation_suit for a counter-blast defamation suit against the complainant (Code (xi) as amended), or none"},
}

// chairMeaning is what member means on designate_chair.
const chairMeaning = "the id of the member designated chairperson for this case (s.3(2)): any member of the committee for the case, standing or brought in by replace_member"

// requires returns the fields without which an event of type e is refused,
// beyond type, on and by.
func requires(e EventType) fieldSet {
	switch e {
	case DismissAtAdmission:
		return fReason
	case SubmitFindings:
		return fFinding
	case ReplaceMember, DesignateChair:
		return fMember
	case VoidEvent:
		return fVoids | fReason
	}
	return 0
}

// Fields returns the fields an event of type e takes in a case file, with
// what each means: "type", "on" and "by", which every event needs, then
// those the type takes, in [Event]'s order. Apply refuses an event that
// lacks a required field or carries a field not listed. An invalid e has
// none.
func Fields(e EventType) []Field {
	if !e.IsValid() {
		return nil
	}
	out := []Field{
		{Name: "type", Required: true, Meaning: "the event type: " + e.String()},
		{Name: "on", Required: true, Meaning: "the day the act was done (YYYY-MM-DD); events are applied in date order"},
		{Name: "by", Required: true, Meaning: "who did it: one of the roles the lifecycle allows for " + e.String()},
	}
	takes, req := takes(e)|fReason|fNote, requires(e)
	for i, f := range optionalFields {
		if bit := fieldSet(1) << i; takes&bit != 0 {
			meaning := f.meaning
			if e == DesignateChair && bit == fMember {
				meaning = chairMeaning
			}
			out = append(out, Field{Name: f.name, Required: req&bit != 0, Meaning: meaning})
		}
	}
	return out
}

// EventInfo describes one event type under a [Definition]: who may
// perform it, from which states, the fields it takes and the provisions
// that say so. Its JSON form, the output of `hifazat events --json`, is
// {"type", "by": [ROLE, ...], "from": [STATE, ...], "fields": [{"name",
// "required", "meaning"}], "citations": [SECTION, ...]}, lists never null.
type EventInfo struct {
	Type EventType `json:"type"`
	// By are the roles that may perform it in some state, in Role order.
	By []Role `json:"by"`
	// From are the states it may be performed in, in State order; empty
	// when the policy's routes remove it.
	From []State `json:"from"`
	// Fields are [Fields] of the type.
	Fields []Field `json:"fields"`
	// Citations are the sections of its rows, in table order, each once.
	Citations []string `json:"citations"`
}

// Events describes every event type under the definition, in EventType
// order, one that the policy's routes remove included (with no roles and
// no states).
func (d *Definition) Events() []EventInfo {
	out := make([]EventInfo, 0, eventEnd-1)
	for e := ReportInformally; e < eventEnd; e++ {
		info := EventInfo{Type: e, By: []Role{}, From: []State{}, Fields: Fields(e), Citations: []string{}}
		for _, t := range d.rows {
			if t.Event != e {
				continue
			}
			info.By = union(info.By, t.By)
			info.From = union(info.From, t.From)
			if c := t.Citation.Section; c != "" && !slices.Contains(info.Citations, c) {
				info.Citations = append(info.Citations, c)
			}
		}
		out = append(out, info)
	}
	return out
}

// union adds to a the values of b it lacks, and sorts it.
func union[T ~uint8](a, b []T) []T {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	slices.Sort(a)
	return a
}
