package casefsm

import (
	"reflect"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/internal/enum"
	"github.com/hifazat/hifazat/policy"
)

// Field is one field of an event in a case file, as [Fields] describes it.
// Its JSON form is {"name", "required", "meaning", "kind", "values"}, the
// output of `hifazat events --json`; "values" is there for the kinds that
// choose among values only.
type Field struct {
	// Name is the field's JSON name, such as "received_on".
	Name string `json:"name"`
	// Required reports that [Case.Apply] refuses the event without it
	// (invalid_event).
	Required bool `json:"required"`
	// Meaning says what the field records and the form of its value.
	Meaning string `json:"meaning"`
	// Kind is the form of the field's value, as the field's `kind` tag on
	// [Event] declares it.
	Kind FieldKind `json:"kind"`
	// Values are, for a field of kind enum, the values it takes; of kind
	// list, the values its items take; of kind penalties, the penalty
	// codes. They are what the event accepts: any other value is refused,
	// by [Decode] or by [Case.Apply] (invalid_event; for by,
	// forbidden_actor). Nil for the other kinds; empty for a by that no
	// role may perform under the definition.
	Values []string `json:"values,omitzero"`
}

// FieldKind is the form of a field's value in a case file: what a form
// asks for. The names are a public contract (the "kind" of a [Field]);
// values are only appended. The zero FieldKind is not a kind.
type FieldKind uint8

// The field kinds.
const (
	_ FieldKind = iota
	// FieldDate is a civil date, "YYYY-MM-DD".
	FieldDate
	// FieldText is free text, which may run to paragraphs.
	FieldText
	// FieldID is the opaque id of a person, one line.
	FieldID
	// FieldNumber is a whole number, 1 or more.
	FieldNumber
	// FieldBoolean is true, or absent for false.
	FieldBoolean
	// FieldEnum is one of the field's Values, as a string.
	FieldEnum
	// FieldList is a list of distinct strings, each one of the field's
	// Values.
	FieldList
	// FieldPenalties is a list of penalties: each a code among the field's
	// Values, or an object {"code", "period_months", "amount", "payee"}
	// (see [Penalty]).
	FieldPenalties
	// FieldReplacement is the replacement of a committee member: {"out":
	// ID, "in": {a committee member: "id", "name", "gender", "seat",
	// "external"}} (committee.Replacement).
	FieldReplacement
)

var fieldKindNames = enum.New[FieldKind]("casefsm", "field kind", "", "date", "text", "id", "number", "boolean",
	"enum", "list", "penalties", "replacement")

// IsValid reports whether k is one of the named kinds.
func (k FieldKind) IsValid() bool { return fieldKindNames.Valid(k) }

// String returns the kind's name, such as "date".
func (k FieldKind) String() string { return fieldKindNames.String(k) }

// MarshalText implements encoding.TextMarshaler; invalid kinds fail.
func (k FieldKind) MarshalText() ([]byte, error) { return fieldKindNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *FieldKind) UnmarshalText(b []byte) error { return fieldKindNames.Unmarshal(k, b) }

// chooses reports whether a field of kind k has Values.
func (k FieldKind) chooses() bool { return k == FieldEnum || k == FieldList || k == FieldPenalties }

// scope is what a field's values depend on: the event type, the roles
// that may perform it, and the policy (nil: the statute's penalties).
type scope struct {
	e   EventType
	by  []Role
	pol *policy.Policy
}

// valueSets are the values a choosing field takes, by the name its kind
// tag gives after the kind ("enum,findings"): each is the list the
// decoder and the event's checks accept.
var valueSets = map[string]func(scope) []string{
	"event_type":        func(s scope) []string { return []string{s.e.String()} },
	"roles":             func(s scope) []string { return names(s.by) },
	"findings":          func(scope) []string { return findingNames.List() },
	"recipients":        func(scope) []string { return names(recipients[:]) },
	"retaliation_kinds": func(scope) []string { return slices.Clone(retaliationKinds[:]) },
	"penalty_codes":     penaltyCodes,
}

// penaltyCodes are the policy's penalty codes that Decode reads, in the
// policy's order; without a policy, those of s.4(4).
func penaltyCodes(s scope) []string {
	codes := statutoryPenalties[:]
	if s.pol != nil {
		codes = nil
		for _, p := range s.pol.Penalties() {
			if knownPenalty(p.Code) {
				codes = append(codes, p.Code)
			}
		}
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = string(c)
	}
	return out
}

// names returns the name of each role.
func names(rs []Role) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

// fieldKind is a field's kind tag read: its kind and, for a choosing kind,
// the name of its value set.
type fieldKind struct {
	kind   FieldKind
	values string
}

// eventKinds are the kind tags of Event's fields, by JSON name, with
// "chair" for a designate_chair's member (Event.Chair). A field whose tag
// is missing or names no kind or value set has the zero fieldKind, which
// TestFieldKinds catches.
var eventKinds = func() map[string]fieldKind {
	out := map[string]fieldKind{}
	for f := range reflect.TypeFor[Event]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Name == "Chair" {
			name = "chair"
		}
		kind, values, _ := strings.Cut(f.Tag.Get("kind"), ",")
		k, err := fieldKindNames.Parse([]byte(kind))
		if _, ok := valueSets[values]; err != nil || k.chooses() != ok {
			k, values = 0, ""
		}
		out[name] = fieldKind{kind: k, values: values}
	}
	return out
}()

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
	{"kind", "what a report_retaliation reports: defamation_suit for a counter-blast defamation suit against the complainant (Code (xi) as amended); left out for retaliation in general"},
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
// what each means and the form of its value: "type", "on" and "by", which
// every event needs, then those the type takes, in [Event]'s order. Apply
// refuses an event that lacks a required field or carries a field not
// listed. The values of by are every role, of penalties the codes of
// s.4(4); [Definition.Events] narrows them to the definition's. An
// invalid e has none.
func Fields(e EventType) []Field {
	return fields(scope{e: e, by: Roles()})
}

func fields(s scope) []Field {
	e := s.e
	if !e.IsValid() {
		return nil
	}
	out := []Field{
		s.field("type", true, "the event type: "+e.String()),
		s.field("on", true, "the day the act was done (YYYY-MM-DD); events are applied in date order"),
		s.field("by", true, "who did it: one of the roles the lifecycle allows for "+e.String()),
	}
	takes, req := takes(e)|fReason|fNote, requires(e)
	for i, f := range optionalFields {
		if bit := fieldSet(1) << i; takes&bit != 0 {
			fd := s.field(f.name, req&bit != 0, f.meaning)
			if e == DesignateChair && bit == fMember {
				fd.Meaning, fd.Kind = chairMeaning, eventKinds["chair"].kind
			}
			out = append(out, fd)
		}
	}
	return out
}

// field describes the field name of the scope's event, its kind and
// values read from its tag.
func (s scope) field(name string, required bool, meaning string) Field {
	k := eventKinds[name]
	fd := Field{Name: name, Required: required, Meaning: meaning, Kind: k.kind}
	if k.kind.chooses() {
		fd.Values = valueSets[k.values](s)
		if fd.Values == nil {
			fd.Values = []string{}
		}
	}
	return fd
}

// EventInfo describes one event type under a [Definition]: who may
// perform it, from which states, the fields it takes and the provisions
// that say so. Its JSON form, the output of `hifazat events --json`, is
// {"type", "by": [ROLE, ...], "from": [STATE, ...], "fields": [{"name",
// "required", "meaning", "kind", "values"}], "citations": [SECTION, ...]},
// lists never null.
type EventInfo struct {
	Type EventType `json:"type"`
	// By are the roles that may perform it in some state, in Role order.
	By []Role `json:"by"`
	// From are the states it may be performed in, in State order; empty
	// when the policy's routes remove it.
	From []State `json:"from"`
	// Fields are [Fields] of the type, under the definition: by takes the
	// roles of By, penalties the policy's codes.
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
		info := EventInfo{Type: e, By: []Role{}, From: []State{}, Citations: []string{}}
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
		info.Fields = fields(scope{e: e, by: info.By, pol: d.pol})
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
