package casestore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Role is who looks at a case through [ViewAs]. Its values are persisted
// (in audit logs, in the CLI's --as): never renumbered, new ones only at the
// end. The zero Role is no role: IsValid reports false and ViewAs refuses it.
type Role uint8

// The roles a view can be made for.
const (
	_                  Role = iota
	Complainant             // the person aggrieved (s.2(e))
	Accused                 // the person complained against (s.2(a))
	CommitteeMember         // a member of the Inquiry Committee for the case (s.3)
	CompetentAuthority      // the authority that decides the penalty (s.2(d), s.4(5))
	OmbudspersonRole        // the Ombudsperson hearing the complaint or appeal (s.6, s.8)
	Statistics              // aggregate reporting: no identities at all

	roleEnd
)

var roleNames = [...]string{"", "complainant", "accused", "inquiry_committee", "competent_authority", "ombudsperson", "statistics"}

// IsValid reports whether r is one of the roles.
func (r Role) IsValid() bool { return r > 0 && r < roleEnd }

// String returns the role's name, such as "inquiry_committee", or
// "%!Role(N)" for a value that is not a role.
func (r Role) String() string {
	if r.IsValid() {
		return roleNames[r]
	}
	return "%!Role(" + strconv.Itoa(int(r)) + ")"
}

// MarshalText returns the role's name; the zero or an unknown Role fails.
func (r Role) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fmt.Errorf("casestore: cannot marshal role %d: not a role", r)
	}
	return []byte(roleNames[r]), nil
}

// UnmarshalText parses a role's name.
func (r *Role) UnmarshalText(b []byte) error {
	for i := Complainant; i < roleEnd; i++ {
		if roleNames[i] == string(b) {
			*r = i
			return nil
		}
	}
	return malformed("role", fmt.Sprintf("unknown role %q (want complainant, accused, inquiry_committee, competent_authority, ombudsperson or statistics)", clip(b)))
}

// Withheld is the value that replaces withheld content in a view.
const Withheld = "[withheld]"

// Content is a kind of confidential content of a case.
type Content uint8

// The kinds of content [ViewAs] decides on.
const (
	Identities     Content = 1 << iota // parties' and members' ids and names
	Witnesses                          // the witnesses' identities
	Statements                         // record_statement events' text
	Evidence                           // order_medical_examination events' text
	Notes                              // add_note events' text
	Retaliation                        // report_retaliation events' text, by anyone
	OwnRetaliation                     // report_retaliation events' text, by the viewer
)

// access is the table of the package documentation: what each role sees.
// Procedural facts (each event's type, date and acting role, the state,
// findings, penalty codes and deadlines) are visible to every role.
var access = [roleEnd]Content{
	Complainant:        Identities | OwnRetaliation,
	Accused:            Identities | OwnRetaliation,
	CommitteeMember:    Identities | Witnesses | Statements | Evidence | Notes | Retaliation | OwnRetaliation,
	CompetentAuthority: Identities | Retaliation | OwnRetaliation,
	OmbudspersonRole:   Identities | Witnesses | Statements | Evidence | Notes | Retaliation | OwnRetaliation,
	Statistics:         0,
}

// Sees reports whether role r may see content k of a formal case. For a case
// still on the informal route (no complaint filed), the Competent Authority
// sees no identities either (Code (iii): strictly confidential).
func (r Role) Sees(k Content) bool { return r.IsValid() && access[r]&k == k }

// View is a case as one role may see it: the case file with what the role
// may not see replaced by [Withheld], or, for [Statistics], removed with no
// placeholder and without the case id.
type View struct {
	Role   Role            `json:"role"`
	Case   string          `json:"case,omitempty"`
	Header json.RawMessage `json:"header"`
	// Events are the events as the role sees them, in version order.
	Events []json.RawMessage `json:"events"`
	// Redacted is the number of values withheld or removed.
	Redacted int `json:"redacted"`
}

// textFields are the free-text fields of events.
var textFields = []string{"note", "reason", "reasonable_cause", "condonation"}

// ViewAs returns c as role r may see it, by the table in the package
// documentation. It never changes c.
func ViewAs(c Case, r Role) (View, error) {
	if !r.IsValid() {
		return View{}, malformed("role", fmt.Sprintf("%v is not a role", r))
	}
	v := View{Role: r, Case: c.ID}
	if r == Statistics {
		v.Case = ""
	}
	formal := false
	for _, rec := range c.Records {
		if t := rec.Event.Type(); t == "file_complaint" || t == "file_with_ombudsperson" {
			formal = true
		}
	}
	identities := r.Sees(Identities) && (formal || r != CompetentAuthority)
	hdr, n, err := redactHeader(c.Header.JSON(), identities, r.Sees(Witnesses), r == Statistics)
	if err != nil {
		return View{}, err
	}
	v.Header, v.Redacted = hdr, n
	v.Events = make([]json.RawMessage, len(c.Records))
	for i, rec := range c.Records {
		ev, n, err := redactEvent(rec.Event, r, identities)
		if err != nil {
			return View{}, err
		}
		v.Events[i], v.Redacted = ev, v.Redacted+n
	}
	return v, nil
}

// hide withholds m[key] if present: replaced by Withheld, or deleted when
// remove is set. It returns how many values it hid.
func hide(m map[string]any, key string, remove bool) int {
	if _, ok := m[key]; !ok {
		return 0
	}
	if remove {
		delete(m, key)
	} else {
		m[key] = Withheld
	}
	return 1
}

func redactHeader(b []byte, identities, witnesses, remove bool) (json.RawMessage, int, error) {
	m, err := decodeObject(b)
	if err != nil {
		return nil, 0, err
	}
	n := 0
	parties, _ := m["parties"].(map[string]any)
	for _, who := range []string{"complainant", "accused"} {
		if p, ok := parties[who].(map[string]any); ok && !identities {
			n += hide(p, "id", remove) + hide(p, "name", remove)
		}
	}
	if ws, ok := parties["witnesses"].([]any); ok && !witnesses {
		n += hidePeople(ws, remove)
	}
	// The committee for the case (casefsm's optional "committee"): its
	// members and the Competent Authority are identities too.
	if c, ok := m["committee"].(map[string]any); ok && !identities {
		n += hide(c, "competent_authority", remove)
		if ms, ok := c["members"].([]any); ok {
			n += hidePeople(ms, remove)
		}
	}
	out, err := encodeObject(m)
	return out, n, err
}

// hidePeople hides the id and name of every person in list.
func hidePeople(list []any, remove bool) int {
	n := 0
	for _, x := range list {
		if p, ok := x.(map[string]any); ok {
			n += hide(p, "id", remove) + hide(p, "name", remove)
		}
	}
	return n
}

func redactEvent(e Event, r Role, identities bool) (json.RawMessage, int, error) {
	m, err := decodeObject(e.JSON())
	if err != nil {
		return nil, 0, err
	}
	remove := r == Statistics
	n := 0
	var k Content
	switch e.Type() {
	case "record_statement":
		k = Statements
	case "order_medical_examination":
		k = Evidence
	case "add_note":
		k = Notes
	case "report_retaliation":
		k = Retaliation
		if e.By() == r.String() {
			k = OwnRetaliation
		}
	}
	if (k != 0 && !r.Sees(k)) || remove {
		for _, f := range textFields {
			n += hide(m, f, remove)
		}
	}
	if !identities {
		if member, ok := m["member"].(map[string]any); ok {
			n += hide(member, "out", remove)
			if in, ok := member["in"].(map[string]any); ok {
				n += hide(in, "id", remove) + hide(in, "name", remove)
			}
		}
		if ps, ok := m["penalties"].([]any); ok {
			for _, p := range ps {
				if po, ok := p.(map[string]any); ok {
					n += hide(po, "payee", remove)
				}
			}
		}
	}
	out, err := encodeObject(m)
	return out, n, err
}

func decodeObject(b []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("casestore: stored JSON cannot be read for a view: %w", ErrCorrupt)
	}
	return m, nil
}

func encodeObject(m map[string]any) (json.RawMessage, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("casestore: view cannot be encoded: %w", ErrCorrupt)
	}
	return Canonical(b)
}
