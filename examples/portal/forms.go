package main

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// A step's form is built from the API's description of its event type
// (GET /v1/event-types, casefsm.Definition.Events): one input per field
// the type takes, required where the API says so, of the kind the API
// declares (a date, a choice among the values it lists, free text...), so
// a new event type or field needs no new form, only words for its label
// (words_test.go fails until it has them).

// kind is how a form asks for one field.
type kind string

const (
	kindDate      kind = "date"      // <input type=date>
	kindText      kind = "text"      // <textarea>
	kindString    kind = "string"    // <input type=text>: an id
	kindCheck     kind = "check"     // one checkbox: true or absent
	kindChoice    kind = "choice"    // <select> of one value
	kindChoices   kind = "choices"   // checkboxes, a list of values
	kindPenalties kind = "penalties" // checkboxes, with months or an amount where they apply
	kindNumber    kind = "number"    // <input type=number>, 1 or more
	kindMember    kind = "member"    // a committee member replaced: out, and the member in
)

// inputs are how a form asks for a field of each kind the API declares.
var inputs = map[casefsm.FieldKind]kind{
	casefsm.FieldDate: kindDate, casefsm.FieldText: kindText, casefsm.FieldID: kindString,
	casefsm.FieldNumber: kindNumber, casefsm.FieldBoolean: kindCheck, casefsm.FieldEnum: kindChoice,
	casefsm.FieldList: kindChoices, casefsm.FieldPenalties: kindPenalties, casefsm.FieldReplacement: kindMember,
}

// filled reports whether the form fills the field in itself: the event
// type is the form's, and by is the role signed in.
func filled(fd casefsm.Field) bool { return fd.Name == "type" || fd.Name == "by" }

// wordsKey is the key of a field's words: a member that is one id (a
// designate_chair's chair, casefsm.Event.Chair) is not a replacement.
func wordsKey(fd casefsm.Field) string {
	if fd.Name == "member" && fd.Kind == casefsm.FieldID {
		return "member.chair"
	}
	return fd.Name
}

// amountPenalties are the penalties that carry an amount in rupees: a fine
// and recovered compensation (casefsm.Penalty.Amount).
var amountPenalties = map[policy.PenaltyCode]bool{policy.Fine: true, policy.RecoverCompensation: true}

// valueLabel names value, one of the values field name takes, in l; false
// when it has no words.
func valueLabel(l lang, name, value string) (string, bool) {
	var p [2]string
	ok := false
	switch name {
	case "finding":
		var f casefsm.Finding
		if f.UnmarshalText([]byte(value)) == nil {
			p, ok = findingWords[f]
		}
	case "kind":
		p, ok = kindWords[value]
	case "to", "by":
		var r casefsm.Role
		if r.UnmarshalText([]byte(value)) == nil {
			p, ok = roleWords[r]
		}
	case "penalties":
		p, ok = penaltyWords[policy.PenaltyCode(value)]
	}
	if !ok {
		return value, false
	}
	return l.pick(p), true
}

// citeRE finds the sections a field's meaning cites.
var citeRE = regexp.MustCompile(`s\.\d+(?:\([0-9a-z]+\))*|interpretation \d+|Code \([ivxl]+\)|Rules 2013 r\.\d+(?:\(\d+\))?`)

// citations returns the sections the meaning cites, joined.
func citations(meaning string) string {
	return strings.Join(citeRE.FindAllString(meaning, -1), ", ")
}

// eventForm is the form of one step, as a template shows it.
type eventForm struct {
	Type      casefsm.EventType
	Words     plain
	Citations string
	Fields    []formField
	// Open: the form was sent back (a field's error or the API's refusal).
	Open bool
	// Refusal is the API's refusal of the step, when no field of the form
	// is the one it names.
	Refusal *refusal
}

// refuse shows r beside the field it names, or at the top of the form
// when it names none of the form's fields (by, or the event as a whole).
func (f *eventForm) refuse(r *refusal) {
	if r == nil {
		return
	}
	for i := range f.Fields {
		if x := &f.Fields[i]; r.Field != "" && x.Name == r.Field {
			x.Refusal, x.RefusalID = r, "refusal-"+f.Type.String()
			return
		}
	}
	f.Refusal = r
}

// formField is one input of a form.
type formField struct {
	Name, ID  string
	Kind      kind
	Words     plain
	Citations string
	Required  bool
	Value     string
	// Error is the key of what is wrong with the value sent ("err.required").
	Error   string
	Options []option
	// Member holds the inputs of a kindMember field.
	Member []formField
	// Refusal is the API's refusal of the step, when it names this field;
	// RefusalID is its element's id (the form's, where it would be shown
	// otherwise).
	Refusal   *refusal
	RefusalID string
}

// option is one value of a choice.
type option struct {
	Value, Label, Citations string
	Checked                 bool
	// Months and Amount: a penalty for a period, or of an amount; the
	// values sent.
	Months, Amount     bool
	MonthsV, AmountV   string
	MonthsID, AmountID string
}

// refusal is the API's answer refusing a step, in plain words.
type refusal struct {
	Code     casefsm.Code
	Detail   string // the API's own words (English)
	Citation string
	// Field is the event's field the refusal is about, if one (the API's
	// problem's "field"): the refusal is shown beside it.
	Field string
}

// formInputs are what a form needs beyond the event type.
type formInputs struct {
	Penalties []policy.Penalty
	Today     civil.Date
	// Sent are the values a person sent, when the form comes back.
	Sent url.Values
	// Errors are per field, when the form comes back.
	Errors map[string]string
}

// buildForm returns the form of event type info in language l.
func buildForm(l lang, info casefsm.EventInfo, in formInputs) eventForm {
	f := eventForm{Type: info.Type, Words: l.Event(info.Type), Citations: strings.Join(info.Citations, "; ")}
	for _, fd := range info.Fields {
		if filled(fd) {
			continue
		}
		k := inputs[fd.Kind]
		id := fd.Name + "-" + info.Type.String()
		ff := formField{Name: fd.Name, ID: id, Kind: k, Words: l.Field(wordsKey(fd)), Citations: citations(fd.Meaning),
			Required: fd.Required, Value: in.Sent.Get(fd.Name), Error: in.Errors[fd.Name]}
		if fd.Name == "on" && ff.Value == "" {
			ff.Value = in.Today.String()
		}
		ff.Options = options(l, fd, id, in)
		if k == kindMember {
			ff.Member = memberInputs(l, id, in)
		}
		f.Fields = append(f.Fields, ff)
	}
	return f
}

// options returns the values a choice offers, those the API lists: a
// choice of one starts with none ("" names it where the field has words
// for it: a report of retaliation in general), and a penalty says whether
// it runs for months or is an amount, from the policy's penalties.
func options(l lang, fd casefsm.Field, id string, in formInputs) []option {
	sent := in.Sent[fd.Name]
	var out []option
	add := func(value, label, cite string) {
		out = append(out, option{Value: value, Label: label, Citations: cite, Checked: slices.Contains(sent, value)})
	}
	if fd.Kind == casefsm.FieldEnum {
		label, ok := valueLabel(l, fd.Name, "")
		if !ok {
			label = "—"
		}
		add("", label, "")
	}
	for _, v := range fd.Values {
		label, _ := valueLabel(l, fd.Name, v)
		if fd.Kind != casefsm.FieldPenalties {
			add(v, label, "")
			continue
		}
		code := policy.PenaltyCode(v)
		i := slices.IndexFunc(in.Penalties, func(p policy.Penalty) bool { return p.Code == code })
		var pen policy.Penalty
		if i >= 0 {
			pen = in.Penalties[i]
		}
		add(v, label, pen.Citation.Section)
		o := &out[len(out)-1]
		o.Months, o.Amount = pen.Periodic, amountPenalties[code]
		o.MonthsID, o.AmountID = id+"-"+v+"-months", id+"-"+v+"-amount"
		o.MonthsV, o.AmountV = in.Sent.Get("months-"+v), in.Sent.Get("amount-"+v)
	}
	return out
}

// memberInputs returns the inputs of a replacement (s.3(3)): the member
// out, and the member in with the seat and gender s.3(2) asks about.
func memberInputs(l lang, id string, in formInputs) []formField {
	sub := func(name string, k kind, opts []option) formField {
		return formField{Name: name, ID: id + "-" + strings.ReplaceAll(name, ".", "-"), Kind: k, Words: plain{Name: l.T(name)},
			Required: name != "member.in.external", Value: in.Sent.Get(name), Error: in.Errors[name], Options: opts}
	}
	var genders, seats []option
	for _, g := range enumerate[committee.Gender]() {
		genders = append(genders, option{Value: g.String(), Label: l.pick(genderWords[g]), Checked: in.Sent.Get("member.in.gender") == g.String()})
	}
	for _, s := range enumerate[committee.Seat]() {
		seats = append(seats, option{Value: s.String(), Label: l.pick(seatWords[s]), Checked: in.Sent.Get("member.in.seat") == s.String()})
	}
	return []formField{
		sub("member.out", kindString, nil), sub("member.in.id", kindString, nil), sub("member.in.name", kindString, nil),
		sub("member.in.gender", kindChoice, genders), sub("member.in.seat", kindChoice, seats), sub("member.in.external", kindCheck, nil),
	}
}

// readEvent reads the event a form sent, as the API takes it, acting as
// role. It checks what the event type's description declares (required
// fields, and the form of each value) and returns an error key per field;
// the rules of the law are the API's to apply.
func readEvent(info casefsm.EventInfo, role casefsm.Role, v url.Values) (map[string]any, map[string]string) {
	ev := map[string]any{"type": info.Type.String(), "by": role.String()}
	errs := map[string]string{}
	for _, fd := range info.Fields {
		if filled(fd) {
			continue
		}
		val, key := readField(fd, v)
		switch {
		case key != "":
			errs[fd.Name] = key
		case val == nil && fd.Required:
			errs[fd.Name] = "err.required"
		case val != nil:
			ev[fd.Name] = val
		}
	}
	if fd, ok := errs["member"]; ok && fd == "err.member" {
		for _, name := range []string{"member.out", "member.in.id", "member.in.name", "member.in.gender", "member.in.seat"} {
			if strings.TrimSpace(v.Get(name)) == "" {
				errs[name] = "err.required"
			}
		}
	}
	return ev, errs
}

// readField reads one field's value, nil when it is empty, or the key of
// what is wrong with it: a choice must be among the values the API lists.
func readField(fd casefsm.Field, v url.Values) (any, string) {
	s := strings.TrimSpace(v.Get(fd.Name))
	switch inputs[fd.Kind] {
	case kindDate:
		if s == "" {
			return nil, ""
		}
		if _, err := civil.Parse(s); err != nil {
			return nil, "err.date"
		}
		return s, ""
	case kindText, kindString:
		if s == "" {
			return nil, ""
		}
		return s, ""
	case kindCheck:
		if s == "" {
			return nil, ""
		}
		return true, ""
	case kindNumber:
		if s == "" {
			return nil, ""
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return nil, "err.number"
		}
		return n, ""
	case kindChoice:
		return readChoice(fd.Values, s)
	case kindChoices:
		return readChoices(fd.Values, v[fd.Name])
	case kindPenalties:
		return readPenalties(fd.Values, v)
	case kindMember:
		return readMember(v)
	}
	return nil, ""
}

func readChoice(values []string, s string) (any, string) {
	switch {
	case s == "":
		return nil, ""
	case !slices.Contains(values, s):
		return nil, "err.choice"
	}
	return s, ""
}

func readChoices(values, sent []string) (any, string) {
	var out []string
	for _, s := range sent {
		if !slices.Contains(values, s) {
			return nil, "err.choice"
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, ""
	}
	return out, ""
}

// readPenalties reads the penalties ticked, each among values, with its
// months or amount when one was given: a code alone, or {"code", "period_months", "amount"}.
func readPenalties(values []string, v url.Values) (any, string) {
	var out []any
	for _, code := range v["penalties"] {
		if !slices.Contains(values, code) {
			return nil, "err.choice"
		}
		p := map[string]any{"code": code}
		for field, key := range map[string]string{"period_months": "months-", "amount": "amount-"} {
			s := strings.TrimSpace(v.Get(key + code))
			if s == "" {
				continue
			}
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n < 1 {
				return nil, "err.number"
			}
			p[field] = n
		}
		if len(p) == 1 {
			out = append(out, code)
		} else {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, ""
	}
	return out, ""
}

// readMember reads a replacement: nil when nothing was entered, an error
// when only some of it was.
func readMember(v url.Values) (any, string) {
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	out, id, name, gender, seat := get("member.out"), get("member.in.id"), get("member.in.name"), get("member.in.gender"), get("member.in.seat")
	if out == "" && id == "" && name == "" && gender == "" && seat == "" {
		return nil, ""
	}
	if out == "" || id == "" || name == "" || gender == "" || seat == "" {
		return nil, "err.member"
	}
	in := map[string]any{"id": id, "name": name, "gender": gender, "seat": seat}
	if get("member.in.external") != "" {
		in["external"] = true
	}
	return map[string]any{"out": out, "in": in}, ""
}

// enumerate returns the values of one of the SDK's enums from 1 up to the
// first that has no name.
func enumerate[T interface {
	~uint8
	MarshalText() ([]byte, error)
}]() []T {
	var out []T
	for v := T(1); v != 0; v++ {
		if _, err := v.MarshalText(); err != nil {
			break
		}
		out = append(out, v)
	}
	return out
}
