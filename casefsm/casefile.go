package casefsm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/internal/enum"
	"github.com/hifazat/hifazat/internal/limit"
	"github.com/hifazat/hifazat/policy"
)

// Header is what a case is about, apart from its events: the policy and
// jurisdiction, the organisation's calendar, the incident date and the
// parties. It is the case file without its events.
//
// The zero Header is a federal case with no policy named (the policy in
// force on the filing date applies), no calendar (pk-federal, with a
// warning), no incident date (the filing date, with a warning), no parties
// (a filing is refused until the complainant's relationship is known) and
// no committee (replacements are checked against each other and the
// parties only).
type Header struct {
	// Policy, if set, names the procedure policy; otherwise the statute in
	// force in Jurisdiction on the filing date applies (interpretation 2).
	Policy policy.ID `json:"policy,omitempty" class:"procedural"`
	// Jurisdiction defaults to federal.
	Jurisdiction policy.Jurisdiction `json:"jurisdiction,omitempty" class:"procedural"`
	// Calendar is the id of the organisation's holiday calendar, used for
	// filings to and duties of the committee and the Competent Authority.
	Calendar string `json:"calendar,omitempty" class:"procedural"`
	// IncidentOn is the date of the conduct complained of; it chooses the
	// substantive policy (who is covered).
	IncidentOn civil.Date `json:"incident_on,omitzero" class:"procedural"`
	// ComplaintRef links the cases of one complaint against several people:
	// one case per accused, each with its own charges, defence, findings
	// and appeal, sharing the reference (interpretation 26). At most 64
	// printable characters; never a name. The integrator finds a
	// complaint's cases by it in its own records; the package only carries
	// it. It is read as the complainant's identity: it tells which cases
	// are hers, so the roles that know who complains read it, and
	// aggregate reporting, which could link her cases by it, never does.
	ComplaintRef string `json:"complaint_ref,omitempty" class:"identity,complainant"`
	// Allegations are what the complaint alleges: sexual_conduct
	// (s.2(h)(i)), gender_discrimination (s.2(h)(ii), federally from
	// 2022-01-21), or both. Where the definition in force on the incident
	// date does not reach one, [Case.Status] warns outside_definition; the
	// filing is never refused for it (interpretation 24).
	Allegations []Allegation `json:"allegations,omitempty" class:"procedural"`
	// SingleIncident records that the complaint is of a single incident
	// (Code (ii) proviso, 2022); before 2022 a single incident counts only
	// where it is particularly severe, so it is warned outside_definition.
	SingleIncident bool    `json:"single_incident,omitempty" class:"procedural"`
	Parties        Parties `json:"parties"`
	// Committee, if set, is the organisation's standing Inquiry Committee
	// (s.3(2)), in the form of a committee file (committee.Parse): a
	// replace_member event must replace someone who sits on the committee
	// for this case by someone who does not and is not a party or witness
	// to it (s.3(3)), and [Case.Status] warns while the committee for the case
	// (these members with the case's replacements) breaks a rule of
	// s.3(2)-(3), such as a party or witness sitting on it (interpretation
	// 20). It is the case file's optional "committee".
	Committee *committee.Committee `json:"committee,omitempty"`
}

// Parties are the people in a case.
type Parties struct {
	Complainant Party   `json:"complainant"`
	Accused     Party   `json:"accused"`
	Witnesses   []Party `json:"witnesses,omitempty"`
}

// Party is a person in a case: their relationship to the organisation (the
// coverage terms of s.2(e), (f), or employer or competent_authority for an
// accused) and an opaque id. The zero Party is not known.
type Party struct {
	Relationship policy.Relationship `json:"relationship,omitempty" class:"procedural"`
	ID           string              `json:"id,omitempty" class:"identity"`
}

// MaxCaseFileBytes is the longest case file [Decode] reads: 16 MiB, many
// times a case of thousands of events.
const MaxCaseFileBytes = limit.MaxBytes

// CaseFile is the interchange format of a case: its header and its events
// in the order they happened. [Decode] reads one strictly; [CaseFile.Encode]
// writes one that Decode reads back unchanged.
type CaseFile struct {
	Header
	Events []Event `json:"events"`
}

// Decode reads a case file: one JSON object with the fields of [Header] and
// "events", a list of objects with the fields of [Event]. The optional
// "committee" is a committee object as committee.Parse reads it
// ({"has_cba", "cannot_designate_internally", "competent_authority",
// "members": [...]}). Decode is strict: an unknown field, event type, role,
// finding, relationship, jurisdiction, penalty code, gender or seat, a bad
// date, an event without type, on or by, or trailing data is an
// [*InputError] naming the event index and field, matching [ErrMalformed].
// Decode checks form, not law: whether the events may happen is
// [Case.Apply]'s question, and whether the committee is validly composed is
// [Case.Status]'s. Decode reads at most [MaxCaseFileBytes]: a longer input
// is an [*InputError] as soon as the limit is passed.
func Decode(r io.Reader) (*CaseFile, error) {
	data, err := limit.ReadAll(r, MaxCaseFileBytes, "the case file")
	if err != nil {
		return nil, &InputError{Index: -1, Err: err}
	}
	top, err := object(data, -1, "", headerFields("events")...)
	if err != nil {
		return nil, err
	}
	f := &CaseFile{}
	if err := decodeHeader(top, &f.Header); err != nil {
		return nil, err
	}
	var events []json.RawMessage
	if err := field(top, "events", -1, "events", &events); err != nil {
		return nil, err
	}
	f.Events = make([]Event, len(events))
	for i, raw := range events {
		if err := decodeEvent(raw, i, &f.Events[i]); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// DecodeHeader reads a case header, a case file without "events", as
// strictly as [Decode] reads one. Faults are [*InputError]s with Index -1.
func DecodeHeader(data []byte) (Header, error) {
	top, err := object(data, -1, "", headerFields()...)
	if err != nil {
		return Header{}, err
	}
	var h Header
	if err := decodeHeader(top, &h); err != nil {
		return Header{}, err
	}
	return h, nil
}

// DecodeEvent reads one event object as strictly as [Decode] reads each
// event of a case file. index is the event's position in its case, from 0:
// the Index of the [*InputError] describing a fault.
func DecodeEvent(data []byte, index int) (Event, error) {
	var ev Event
	if err := decodeEvent(data, index, &ev); err != nil {
		return Event{}, err
	}
	return ev, nil
}

// headerFields returns the keys of a header object, and extra.
func headerFields(extra ...string) []string {
	return append([]string{"policy", "jurisdiction", "calendar", "incident_on", "complaint_ref", "allegations", "single_incident",
		"parties", "committee"}, extra...)
}

// decodeHeader reads the header's fields of the object top into h.
func decodeHeader(top map[string]json.RawMessage, h *Header) error {
	for _, fd := range []struct {
		key string
		dst any
	}{{"policy", &h.Policy}, {"calendar", &h.Calendar}, {"incident_on", &h.IncidentOn}, {"complaint_ref", &h.ComplaintRef},
		{"allegations", &h.Allegations}, {"single_incident", &h.SingleIncident}} {
		if err := field(top, fd.key, -1, fd.key, fd.dst); err != nil {
			return err
		}
	}
	if err := checkComplaintRef(h.ComplaintRef); err != nil {
		return &InputError{Index: -1, Field: "complaint_ref", Err: err}
	}
	if err := decodeJurisdiction(top, h); err != nil {
		return err
	}
	if err := decodeParties(top["parties"], &h.Parties); err != nil {
		return err
	}
	return decodeCommittee(top["committee"], h)
}

// Encode writes f as indented JSON in the form Decode reads.
func (f *CaseFile) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("casefsm: encode case file: %w", err)
	}
	return nil
}

// object parses data as one JSON object whose keys must be among allowed,
// with nothing after it. index and prefix say where it is, for errors.
func object(data []byte, index int, prefix string, allowed ...string) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var m map[string]json.RawMessage
	if err := dec.Decode(&m); err != nil || m == nil {
		if err == nil {
			err = errors.New("null")
		}
		return nil, &InputError{Index: index, Field: prefix, Err: fmt.Errorf("want a JSON object: %w", err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &InputError{Index: index, Field: prefix, Err: errors.New("unexpected data after the object")}
	}
	if key, ok := duplicateKey(data); ok {
		return nil, &InputError{Index: index, Field: join(prefix, key), Err: errors.New("given twice (a reader would keep one and drop the other unseen)")}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			return nil, &InputError{Index: index, Field: join(prefix, k), Err: fmt.Errorf("unknown field (want one of %v)", allowed)}
		}
	}
	return m, nil
}

// field decodes m[key], if present, into dst.
func field(m map[string]json.RawMessage, key string, index int, path string, dst any) error {
	raw, ok := m[key]
	if !ok {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return &InputError{Index: index, Field: path, Err: plain(err)}
	}
	return nil
}

// plain drops encoding/json's wrapping of an UnmarshalText error so that
// the message says what was wrong in our words.
func plain(err error) error {
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return fmt.Errorf("want a JSON %s, got %s", jsonKind(ute.Type.Kind().String()), ute.Value)
	}
	return err
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "slice", "array":
		return "list"
	case "struct", "map", "ptr":
		return "object"
	}
	return "number"
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func decodeJurisdiction(top map[string]json.RawMessage, h *Header) error {
	var s string
	if err := field(top, "jurisdiction", -1, "jurisdiction", &s); err != nil || s == "" {
		return err
	}
	j, err := policy.ParseJurisdiction(s)
	if err != nil {
		return &InputError{Index: -1, Field: "jurisdiction", Err: err}
	}
	h.Jurisdiction = j
	return nil
}

func decodeParties(raw json.RawMessage, p *Parties) error {
	if raw == nil {
		return nil
	}
	m, err := object(raw, -1, "parties", "complainant", "accused", "witnesses")
	if err != nil {
		return err
	}
	for _, k := range []struct {
		key string
		dst *Party
	}{{"complainant", &p.Complainant}, {"accused", &p.Accused}} {
		if raw, ok := m[k.key]; ok {
			if err := decodeParty(raw, "parties."+k.key, k.dst); err != nil {
				return err
			}
		}
	}
	var ws []json.RawMessage
	if err := field(m, "witnesses", -1, "parties.witnesses", &ws); err != nil {
		return err
	}
	p.Witnesses = nil
	for i, w := range ws {
		var party Party
		if err := decodeParty(w, "parties.witnesses["+strconv.Itoa(i)+"]", &party); err != nil {
			return err
		}
		p.Witnesses = append(p.Witnesses, party)
	}
	return nil
}

func decodeParty(raw json.RawMessage, path string, p *Party) error {
	m, err := object(raw, -1, path, "relationship", "id")
	if err != nil {
		return err
	}
	if err := field(m, "relationship", -1, path+".relationship", &p.Relationship); err != nil {
		return err
	}
	return field(m, "id", -1, path+".id", &p.ID)
}

// decodeCommittee reads the optional committee with committee.Parse, which
// is as strict as Decode; its error's text, not its type, is passed on.
func decodeCommittee(raw json.RawMessage, h *Header) error {
	if raw == nil {
		return nil
	}
	if t := bytes.TrimLeft(raw, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return &InputError{Index: -1, Field: "committee", Err: errors.New("want a JSON object with has_cba, cannot_designate_internally and members")}
	}
	cm, err := committee.Parse(raw)
	if err != nil {
		reason := err.Error()
		if pe, ok := errors.AsType[*committee.ParseError](err); ok {
			reason = pe.Reason
		}
		return &InputError{Index: -1, Field: "committee", Err: errors.New(reason)}
	}
	h.Committee = &cm
	return nil
}

// eventFields are the keys an event object may have.
var eventFields = [...]string{"type", "on", "by", "received_on", "finding", "penalties", "reasonable_cause",
	"condonation", "consent", "to", "reason", "note", "member", "voids", "kind"}

func decodeEvent(raw json.RawMessage, i int, ev *Event) error {
	m, err := object(raw, i, "", eventFields[:]...)
	if err != nil {
		return err
	}
	for _, k := range []string{"type", "on", "by"} {
		if raw, ok := m[k]; !ok || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			return &InputError{Index: i, Field: k, Err: errors.New("missing (every event needs type, on and by)")}
		}
	}
	for _, fd := range []struct {
		key string
		dst any
	}{
		{"type", &ev.Type}, {"on", &ev.On}, {"by", &ev.By}, {"received_on", &ev.ReceivedOn},
		{"finding", &ev.Finding}, {"reasonable_cause", &ev.ReasonableCause}, {"condonation", &ev.Condonation},
		{"consent", &ev.Consent}, {"to", &ev.To}, {"reason", &ev.Reason}, {"note", &ev.Note},
		{"voids", &ev.Voids}, {"kind", &ev.Kind},
	} {
		if err := field(m, fd.key, i, fd.key, fd.dst); err != nil {
			return err
		}
	}
	if err := decodePenalties(m, i, ev); err != nil {
		return err
	}
	return decodeMember(m, i, ev)
}

func decodePenalties(m map[string]json.RawMessage, i int, ev *Event) error {
	var ps []json.RawMessage
	if err := field(m, "penalties", i, "penalties", &ps); err != nil {
		return err
	}
	for j, raw := range ps {
		var p Penalty
		if err := json.Unmarshal(raw, &p); err != nil {
			return &InputError{Index: i, Field: "penalties[" + strconv.Itoa(j) + "]", Err: plain(err)}
		}
		ev.Penalties = append(ev.Penalties, p)
	}
	return nil
}

// decodeMember reads "member": a replacement object {"out", "in"}
// (replace_member), or a member's id (designate_chair).
func decodeMember(m map[string]json.RawMessage, i int, ev *Event) error {
	raw, ok := m["member"]
	if !ok {
		return nil
	}
	if t := bytes.TrimLeft(raw, " \t\r\n"); len(t) > 0 && t[0] == '"' {
		if err := json.Unmarshal(raw, &ev.Chair); err != nil {
			return &InputError{Index: i, Field: "member", Err: plain(err)}
		}
		if ev.Chair == "" {
			return &InputError{Index: i, Field: "member", Err: errors.New("empty (want a member's id)")}
		}
		return nil
	}
	mm, err := object(raw, i, "member", "out", "in")
	if err != nil {
		return err
	}
	r := &committee.Replacement{}
	if err := field(mm, "out", i, "member.out", &r.Out); err != nil {
		return err
	}
	if in, ok := mm["in"]; ok {
		dec := json.NewDecoder(bytes.NewReader(in))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r.In); err != nil {
			return &InputError{Index: i, Field: "member.in", Err: plain(err)}
		}
	}
	ev.Member = r
	return nil
}

// duplicateKey reports the path of the first key given twice in one object
// anywhere in the JSON text data, such as "parties.complainant.id" or
// "penalties[0].code". encoding/json would keep the last silently, so that
// two readers of one file could see two different cases. data is valid
// JSON (the caller decoded it already). It scans the bytes once without
// decoding them: every stored event a store reads back passes through it.
func duplicateKey(data []byte) (string, bool) {
	s := dupScanner{b: data}
	if !s.value() {
		return "", false
	}
	return strings.Join(s.path, ""), true
}

// dupScanner walks valid JSON; path holds the segments to the value being
// read (".key" or "[i]"), kept only as far as a duplicate is found.
type dupScanner struct {
	b    []byte
	i    int
	path []string
}

// value reads one value and reports whether it holds a duplicated key.
func (s *dupScanner) value() bool {
	s.space()
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '{':
		return s.object()
	case '[':
		return s.array()
	case '"':
		s.str()
	default: // a number or a literal
		for s.i < len(s.b) && !strings.ContainsRune(",}] \t\r\n", rune(s.b[s.i])) {
			s.i++
		}
	}
	return false
}

func (s *dupScanner) object() bool {
	s.i++ // {
	var keys []string
	for {
		s.space()
		if s.i >= len(s.b) || s.b[s.i] == '}' {
			s.i++
			return false
		}
		if s.b[s.i] == ',' {
			s.i++
			continue
		}
		k := s.str()
		s.space()
		s.i++ // :
		seg := "." + k
		if len(s.path) == 0 {
			seg = k
		}
		if slices.Contains(keys, k) {
			s.path = append(s.path, seg)
			return true
		}
		keys = append(keys, k)
		s.path = append(s.path, seg)
		if s.value() {
			return true
		}
		s.path = s.path[:len(s.path)-1]
	}
}

func (s *dupScanner) array() bool {
	s.i++ // [
	for n := 0; ; n++ {
		s.space()
		if s.i >= len(s.b) || s.b[s.i] == ']' {
			s.i++
			return false
		}
		if s.b[s.i] == ',' {
			s.i++
			n--
			continue
		}
		s.path = append(s.path, "["+strconv.Itoa(n)+"]")
		if s.value() {
			return true
		}
		s.path = s.path[:len(s.path)-1]
	}
}

// str reads a string literal and returns its value.
func (s *dupScanner) str() string {
	start := s.i
	escaped := false
	for s.i++; s.i < len(s.b) && s.b[s.i] != '"'; s.i++ {
		if s.b[s.i] == '\\' {
			escaped = true
			s.i++
		}
	}
	s.i++ // the closing quote
	lit := s.b[start:min(s.i, len(s.b))]
	if !escaped {
		return string(lit[1 : len(lit)-1])
	}
	var v string
	json.Unmarshal(lit, &v) // valid JSON: a string literal always decodes
	return v
}

func (s *dupScanner) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\r' || s.b[s.i] == '\n') {
		s.i++
	}
}

// checkComplaintRef refuses a complaint reference that is too long or holds
// a character that is not printable.
func checkComplaintRef(ref string) error {
	if len(ref) > 64 {
		return fmt.Errorf("%d bytes; want at most 64", len(ref))
	}
	for _, r := range ref {
		if !unicode.IsPrint(r) {
			return fmt.Errorf("holds %q; want printable characters only", r)
		}
	}
	return nil
}

// Allegation is what a complaint alleges (interpretation 24). The names are
// a public contract. The zero Allegation is not valid.
type Allegation uint8

// The allegations.
const (
	_ Allegation = iota
	// SexualConduct: conduct of a sexual nature (s.2(h); s.2(h)(i) since
	// 2022).
	SexualConduct
	// GenderDiscrimination: discrimination on the basis of gender
	// (s.2(h)(ii), added by Act V of 2022).
	GenderDiscrimination
)

var allegationNames = enum.New[Allegation]("casefsm", "allegation", "", "sexual_conduct", "gender_discrimination")

// IsValid reports whether a is one of the named allegations.
func (a Allegation) IsValid() bool { return allegationNames.Valid(a) }

// String returns the allegation's name, such as "gender_discrimination".
func (a Allegation) String() string { return allegationNames.String(a) }

// MarshalText implements encoding.TextMarshaler; invalid values fail.
func (a Allegation) MarshalText() ([]byte, error) { return allegationNames.MarshalText(a) }

// UnmarshalText implements encoding.TextUnmarshaler: sexual_conduct or
// gender_discrimination.
func (a *Allegation) UnmarshalText(b []byte) error { return allegationNames.Unmarshal(a, b) }
