package casestore

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
)

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
var access = map[casefsm.Role]Content{
	casefsm.Complainant:         Identities | OwnRetaliation,
	casefsm.Accused:             Identities | OwnRetaliation,
	casefsm.Supervisor:          Identities | OwnRetaliation,
	casefsm.InquiryCommittee:    Identities | Witnesses | Statements | Evidence | Notes | Retaliation | OwnRetaliation,
	casefsm.CompetentAuthority:  Identities | Retaliation | OwnRetaliation,
	casefsm.Ombudsperson:        Identities | Witnesses | Statements | Evidence | Notes | Retaliation | OwnRetaliation,
	casefsm.PresidentOrGovernor: Identities | Witnesses | Statements | Evidence | Notes | Retaliation | OwnRetaliation,
	casefsm.Employer:            Identities | Retaliation | OwnRetaliation,
	// Witnesses are many people under one role: none may read another's
	// report, so not even "their own" (s.4(3)(d)).
	casefsm.Witness: Identities,
	// The District Court hears appeals before an Ombudsperson is appointed
	// (s.6(4)): it sees what the Ombudsperson sees.
	casefsm.DistrictCourt: Identities | Witnesses | Statements | Evidence | Notes | Retaliation | OwnRetaliation,
}

// confidential says which events' free text is which kind of content.
var confidential = map[casefsm.EventType]Content{
	casefsm.RecordStatement:         Statements,
	casefsm.OrderMedicalExamination: Evidence,
	casefsm.AddNote:                 Notes,
	casefsm.ReportRetaliation:       Retaliation,
}

// Sees reports whether role r may see content k of a formal case. For a
// case still on the informal route (no complaint filed), the Competent
// Authority and the employer see no identities either (Code (iii):
// strictly confidential).
func Sees(r casefsm.Role, k Content) bool { return access[r]&k == k && k != 0 }

// View is a case as one role may see it: the case file with what the role
// may not see replaced by [Withheld], or, for the statistics view, removed
// with no placeholder and without the case id.
type View struct {
	// Role is who looks; the zero Role for the statistics view.
	Role       casefsm.Role    `json:"role,omitzero"`
	Statistics bool            `json:"statistics,omitempty"`
	Case       string          `json:"case,omitempty"`
	Header     json.RawMessage `json:"header"`
	// Events are the events as the role sees them, in version order.
	Events []json.RawMessage `json:"events"`
	// Redacted is the number of values withheld or removed.
	Redacted int `json:"redacted"`
}

// textFields are the free-text fields of events.
var textFields = []string{"note", "reason", "reasonable_cause", "condonation"}

// ViewAs returns c as role r may see it, by the table in the package
// documentation. It never changes c. The zero Role is refused.
func ViewAs(c Case, r casefsm.Role) (View, error) {
	if !r.IsValid() {
		return View{}, malformed("role", fmt.Sprintf("%v is not a role", r))
	}
	return view(c, r)
}

// Statistics returns c as aggregate reporting may see it: no identities,
// no free text and no case id, removed without placeholders.
func Statistics(c Case) (View, error) { return view(c, 0) }

// view builds the view for r; the zero r is the statistics view.
func view(c Case, r casefsm.Role) (View, error) {
	v := View{Role: r, Statistics: r == 0, Case: c.ID}
	if v.Statistics {
		v.Case = ""
	}
	formal := false
	for _, rec := range c.Records {
		if t := rec.Event.Type; t == casefsm.FileComplaint || t == casefsm.FileWithOmbudsperson {
			formal = true
		}
	}
	identities := Sees(r, Identities) && (formal || (r != casefsm.CompetentAuthority && r != casefsm.Employer))
	hdr, n, err := redactHeader(c.Header, identities, Sees(r, Witnesses), v.Statistics)
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

func redactHeader(h casefsm.Header, identities, witnesses, remove bool) (json.RawMessage, int, error) {
	m, err := decodeObject(h)
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

func redactEvent(e casefsm.Event, r casefsm.Role, identities bool) (json.RawMessage, int, error) {
	m, err := decodeObject(e)
	if err != nil {
		return nil, 0, err
	}
	remove := r == 0
	n := 0
	k := confidential[e.Type]
	if k == Retaliation && e.By == r {
		k = OwnRetaliation
	}
	if (k != 0 && !Sees(r, k)) || remove {
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

// decodeObject returns the JSON object v marshals to, as generic values
// that redaction can edit.
func decodeObject(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, malformed("case", fmt.Sprintf("cannot be written as JSON for a view: %v", err))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, malformed("case", fmt.Sprintf("cannot be read back for a view: %v", err))
	}
	return m, nil
}

// encodeObject writes m with its keys sorted.
func encodeObject(m map[string]any) (json.RawMessage, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, malformed("view", fmt.Sprintf("cannot be encoded: %v", err))
	}
	return b, nil
}
