package casestore

import (
	"fmt"
	"unicode/utf8"

	"github.com/hifazat/hifazat/civil"
)

// MaxCaseFileBytes is the largest case file, in bytes of JSON, that
// [ParseCaseFile] accepts.
const MaxCaseFileBytes = 16 << 20

// Event is one event of a case in the case file's JSON form, for example
// {"type":"file_complaint","on":"2026-03-02","by":"complainant"}, kept in
// canonical form (see [Canonical]).
//
// ParseEvent checks only what the store itself needs: a JSON object with a
// non-empty string "type", a date "on" (YYYY-MM-DD) and, if present, a
// non-empty string "by". Whether the fields and the event make sense for the
// case is the validator's question (see [Validator]).
//
// An Event is an immutable, comparable value. The zero Event is not an event:
// IsValid reports false and stores refuse it.
type Event struct {
	typ, by string
	on      civil.Date
	raw     string // canonical JSON
}

// ParseEvent parses and canonicalizes one event. Errors wrap [ErrMalformed].
func ParseEvent(b []byte) (Event, error) {
	if len(b) > MaxEventBytes {
		return Event{}, malformed("event", fmt.Sprintf("%d bytes is larger than the limit of %d", len(b), MaxEventBytes))
	}
	c, err := canonical(b)
	if err != nil {
		return Event{}, err
	}
	fields, err := object(c, "event")
	if err != nil {
		return Event{}, err
	}
	e := Event{raw: string(c)}
	if e.typ, err = stringField(fields, "type", true); err != nil {
		return Event{}, err
	}
	if e.by, err = stringField(fields, "by", false); err != nil {
		return Event{}, err
	}
	if e.on, err = dateField(fields, "on", true); err != nil {
		return Event{}, err
	}
	return e, nil
}

// MustParseEvent is like [ParseEvent] but panics on error. It is meant for
// literals in tests and examples, never for caller input.
func MustParseEvent(s string) Event {
	e, err := ParseEvent([]byte(s))
	if err != nil {
		panic(err)
	}
	return e
}

// IsValid reports whether e is an event (not the zero Event).
func (e Event) IsValid() bool { return e.raw != "" }

// Type returns the event type, for example "file_complaint".
func (e Event) Type() string { return e.typ }

// On returns the date the event happened.
func (e Event) On() civil.Date { return e.on }

// By returns who acted (a role such as "complainant"), or "" if not given.
func (e Event) By() string { return e.by }

// JSON returns a copy of the event's canonical JSON.
func (e Event) JSON() []byte { return []byte(e.raw) }

// String returns the event's canonical JSON.
func (e Event) String() string { return e.raw }

// MarshalJSON returns the event's canonical JSON; the zero Event is null.
func (e Event) MarshalJSON() ([]byte, error) {
	if e.raw == "" {
		return []byte("null"), nil
	}
	return []byte(e.raw), nil
}

// UnmarshalJSON parses b with [ParseEvent].
func (e *Event) UnmarshalJSON(b []byte) error {
	p, err := ParseEvent(b)
	if err != nil {
		return err
	}
	*e = p
	return nil
}

// Header is a case file without its events: the policy, jurisdiction,
// calendar, incident date and parties, in canonical JSON. ParseHeader checks
// the types of the fields the store reads ("policy", "jurisdiction" and
// "calendar" strings, "incident_on" a date, "parties" an object) and leaves
// the rest to the validator.
//
// A Header is an immutable, comparable value. The zero Header is not a
// header: IsValid reports false; its JSON is {}.
type Header struct {
	policy string
	raw    string // canonical JSON object
}

// ParseHeader parses and canonicalizes a case header. Errors wrap
// [ErrMalformed].
func ParseHeader(b []byte) (Header, error) {
	if len(b) > MaxHeaderBytes {
		return Header{}, malformed("header", fmt.Sprintf("%d bytes is larger than the limit of %d", len(b), MaxHeaderBytes))
	}
	c, err := canonical(b)
	if err != nil {
		return Header{}, err
	}
	fields, err := object(c, "header")
	if err != nil {
		return Header{}, err
	}
	if _, ok := lookup(fields, "events"); ok {
		return Header{}, malformed("events", "a header has no events: use ParseCaseFile for a whole case file")
	}
	h := Header{raw: string(c)}
	if h.policy, err = stringField(fields, "policy", false); err != nil {
		return Header{}, err
	}
	for _, name := range []string{"jurisdiction", "calendar"} {
		if _, err := stringField(fields, name, false); err != nil {
			return Header{}, err
		}
	}
	if _, err := dateField(fields, "incident_on", false); err != nil {
		return Header{}, err
	}
	if p, ok := lookup(fields, "parties"); ok && p[0] != '{' {
		return Header{}, malformed("parties", "want an object")
	}
	return h, nil
}

// MustParseHeader is like [ParseHeader] but panics on error. It is meant for
// literals in tests and examples, never for caller input.
func MustParseHeader(s string) Header {
	h, err := ParseHeader([]byte(s))
	if err != nil {
		panic(err)
	}
	return h
}

// IsValid reports whether h is a parsed header (not the zero Header).
func (h Header) IsValid() bool { return h.raw != "" }

// Policy returns the policy id the header names, or "" when the policy is
// to be chosen by jurisdiction and date.
func (h Header) Policy() string { return h.policy }

// JSON returns a copy of the header's canonical JSON ({} for the zero
// Header).
func (h Header) JSON() []byte {
	if h.raw == "" {
		return []byte("{}")
	}
	return []byte(h.raw)
}

// String returns the header's canonical JSON.
func (h Header) String() string { return string(h.JSON()) }

// MarshalJSON returns the header's canonical JSON.
func (h Header) MarshalJSON() ([]byte, error) { return h.JSON(), nil }

// UnmarshalJSON parses b with [ParseHeader].
func (h *Header) UnmarshalJSON(b []byte) error {
	p, err := ParseHeader(b)
	if err != nil {
		return err
	}
	*h = p
	return nil
}

// ParseCaseFile splits a case file (a header with an "events" array, the
// interchange format of casefsm) into its header and events. Errors wrap
// [ErrMalformed]; an error about an event names its version (its index in
// the array plus one).
func ParseCaseFile(b []byte) (Header, []Event, error) {
	if len(b) > MaxCaseFileBytes {
		return Header{}, nil, malformed("case file", fmt.Sprintf("%d bytes is larger than the limit of %d", len(b), MaxCaseFileBytes))
	}
	c, err := canonical(b)
	if err != nil {
		return Header{}, nil, err
	}
	fields, err := object(c, "case file")
	if err != nil {
		return Header{}, nil, err
	}
	// The header is the canonical object without "events": still canonical.
	hb := []byte{'{'}
	var raws [][]byte
	for _, m := range fields {
		if string(m.key) == "events" {
			if raws, err = eventList(m.value); err != nil {
				return Header{}, nil, err
			}
			continue
		}
		if len(hb) > 1 {
			hb = append(hb, ',')
		}
		hb = appendMember(hb, m)
	}
	h, err := ParseHeader(append(hb, '}'))
	if err != nil {
		return Header{}, nil, err
	}
	events := make([]Event, len(raws))
	for i, r := range raws {
		if events[i], err = ParseEvent(r); err != nil {
			if m, ok := err.(*MalformedError); ok {
				m.Version = int64(i + 1)
			}
			return Header{}, nil, err
		}
	}
	return h, events, nil
}

// eventList splits the canonical value of a case file's "events": an array,
// or null for none.
func eventList(v []byte) ([][]byte, error) {
	switch v[0] {
	case '[':
		return elements(v), nil
	case 'n':
		return nil, nil
	}
	return nil, malformed("events", "want an array of event objects")
}

// EncodeCaseFile returns the case file for h and events, in canonical JSON:
// the header's members and "events", the inverse of [ParseCaseFile].
func EncodeCaseFile(h Header, events []Event) []byte {
	// The header is canonical and has no "events": the member goes in
	// before the first key that sorts after it.
	b := []byte{'{'}
	done := false
	for _, m := range members(h.JSON()) {
		if !done && compareKeys(m.key, []byte("events")) > 0 {
			b = append(appendEvents(b, events), ',')
			done = true
		}
		b = append(appendMember(b, m), ',')
	}
	if !done {
		return append(appendEvents(b, events), '}')
	}
	b[len(b)-1] = '}'
	return b
}

// appendCaseFile appends the case file for h and events to b: the header's
// members, then "events" (not in canonical order).
func appendCaseFile(b []byte, h Header, events []Event) []byte {
	hj := h.JSON()
	b = append(b, hj[:len(hj)-1]...) // without the closing brace
	if len(hj) > 2 {
		b = append(b, ',')
	}
	return append(appendEvents(b, events), '}')
}

// appendEvents appends the member "events":[...] to b.
func appendEvents(b []byte, events []Event) []byte {
	b = append(b, `"events":[`...)
	for i, e := range events {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.raw...)
	}
	return append(b, ']')
}

// object splits canonical JSON that must be an object into its members.
func object(c []byte, what string) ([]rawMember, error) {
	if len(c) == 0 || c[0] != '{' {
		return nil, malformed(what, "want a JSON object")
	}
	return members(c), nil
}

func stringField(fields []rawMember, name string, required bool) (string, error) {
	r, ok := lookup(fields, name)
	if !ok {
		if required {
			return "", malformed(name, "missing: want a non-empty string")
		}
		return "", nil
	}
	s, ok := unquote(r)
	if !ok || s == "" {
		return "", malformed(name, fmt.Sprintf("want a non-empty string, got %s", clip(r)))
	}
	return s, nil
}

func dateField(fields []rawMember, name string, required bool) (civil.Date, error) {
	r, ok := lookup(fields, name)
	if !ok {
		if required {
			return civil.Date{}, malformed(name, "missing: want a date YYYY-MM-DD")
		}
		return civil.Date{}, nil
	}
	s, ok := unquote(r)
	if !ok {
		return civil.Date{}, malformed(name, fmt.Sprintf("want a date YYYY-MM-DD, got %s", clip(r)))
	}
	d, err := civil.Parse(s)
	if err != nil {
		return civil.Date{}, malformed(name, fmt.Sprintf("want a real date YYYY-MM-DD, got %q", clip([]byte(s))))
	}
	return d, nil
}

// clip shortens text quoted in an error message, so that a long (and
// possibly confidential) value is not copied whole into logs.
func clip(b []byte) string {
	const max = 40
	if len(b) <= max {
		return string(b)
	}
	n := max
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n]) + "..."
}
