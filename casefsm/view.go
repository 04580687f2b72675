package casefsm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/hifazat/hifazat/civil"
)

// View is a case file as one role, or aggregate reporting, reads it, by
// the table in the package documentation: the header and the events in the
// case file's JSON form, each value the reader may not read replaced by
// [Withheld] or, for statistics, removed, with every date given as
// YYYY-MM.
type View struct {
	// Role is the role that reads the view; zero for statistics.
	Role       Role              `json:"role,omitzero"`
	Statistics bool              `json:"statistics,omitempty"`
	Header     json.RawMessage   `json:"header"`
	Events     []json.RawMessage `json:"events"`
	// Redacted is the number of values withheld or removed.
	Redacted int `json:"redacted"`
}

// View returns the case file as role r reads it. What each value is comes
// from the class declared beside its field (a `class:"..."` tag) and its
// event type's [EventType.Class]; who may read it, from the table in the
// package documentation and the parts the people named play in this case:
// a committee member who is also a witness is a witness wherever they are
// named (the committee, a replacement). A field with no declared class is
// withheld from all but the forums that read everything. View never
// changes f; an invalid role matches [ErrNoRole].
func (f *CaseFile) View(r Role) (View, error) {
	rd, err := readerOf(r)
	if err != nil {
		return View{}, err
	}
	return f.view(rd)
}

// Statistics returns the case file as aggregate reporting reads it:
// procedural facts only, every other value removed, and dates as YYYY-MM.
func (f *CaseFile) Statistics() (View, error) { return f.view(statisticsReader) }

func (f *CaseFile) view(rd reader) (View, error) {
	x := f.exposure()
	w := viewer{x: &x, rd: rd}
	v := View{Role: rd.role, Statistics: rd.row.aggregate, Events: make([]json.RawMessage, len(f.Events))}
	var err error
	if v.Header, err = w.redact(f.Header, headerShape); err != nil {
		return View{}, err
	}
	for i := range f.Events {
		ev := &f.Events[i]
		w.event, w.by = ev.Type, ev.By
		if v.Events[i], err = w.redact(ev, eventShape); err != nil {
			return View{}, err
		}
	}
	v.Redacted = w.n
	return v, nil
}

// shape is what a JSON value of the case file is, read from the declared
// classes of the Go type it encodes: an object with its fields, a list of
// elements, or a leaf of one class.
type shape struct {
	class Class
	date  bool
	// fields are an object's, by JSON name.
	fields map[string]*shape
	// elem is a list's element.
	elem *shape
	// bare is the field an object is written as when it is written as a
	// scalar (a penalty given by its code alone).
	bare *shape
	// owner is the field that names the person an object describes: the
	// object's other identities (a member's name, gender, seat) are read
	// by whoever reads who that person is.
	owner string
	// complainant marks a leaf that identifies the complainant (her
	// complaint's reference): it is read as her identity.
	complainant bool
}

// undeclared is the fail-closed leaf: a field with no class, or a key the
// schema does not know, is read only by those who read every identity.
var undeclared = &shape{class: Identity}

// The shapes of a header and of an event, and the fields that declare no
// class (a test requires there be none), read once from the types.
var headerShape, eventShape, undeclaredFields = shapes()

func shapes() (header, event *shape, undeclared []string) {
	header = shapeOf(reflect.TypeFor[Header](), "header", &undeclared)
	event = shapeOf(reflect.TypeFor[Event](), "event", &undeclared)
	// A designate_chair writes its member bare, as the id in Event.Chair
	// (Event.MarshalJSON): the member's bare form is Chair's class.
	chair, _ := reflect.TypeFor[Event]().FieldByName("Chair")
	fieldShape(chair, "event.member", event.fields["member"], &undeclared)
	return header, event, undeclared
}

var dateType = reflect.TypeFor[civil.Date]()

// shapeOf reads the shape of struct type t from its fields' json and class
// tags. A field with a class is a leaf; one without is a struct, or a list
// or pointer of structs, whose fields declare theirs. The paths of fields
// that declare no class are added to missing.
func shapeOf(t reflect.Type, path string, missing *[]string) *shape {
	s := &shape{fields: map[string]*shape{}}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		s.fields[name] = fieldShape(f, path+"."+name, s, missing)
	}
	return s
}

func fieldShape(f reflect.StructField, path string, parent *shape, missing *[]string) *shape {
	ft := f.Type
	for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
		ft = ft.Elem()
	}
	tag, opt, _ := strings.Cut(f.Tag.Get("class"), ",")
	if tag == "" {
		if ft.Kind() != reflect.Struct || ft == dateType {
			*missing = append(*missing, path)
			return undeclared
		}
		fs := shapeOf(ft, path, missing)
		if f.Type.Kind() == reflect.Slice {
			return &shape{elem: fs}
		}
		return fs
	}
	v, err := classNames.Parse([]byte(tag))
	if err != nil {
		*missing = append(*missing, path)
		return undeclared
	}
	leaf := &shape{class: Class(v), date: ft == dateType, complainant: opt == "complainant"}
	if opt == "bare" {
		parent.bare = leaf
	}
	if f.Name == "ID" && leaf.class == Identity {
		parent.owner, _, _ = strings.Cut(f.Tag.Get("json"), ",")
	}
	return leaf
}

// viewer redacts the values of one case file for one reader.
type viewer struct {
	x  *exposure
	rd reader
	// event and by are the type and actor of the event being redacted:
	// its writing takes its type's class, and is its actor's.
	event EventType
	by    Role
	// n counts the values withheld or removed.
	n int
}

// redact encodes v, redacts it by s and encodes the result canonically.
func (w *viewer) redact(v any, s *shape) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("casefsm: view: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("casefsm: view: %w", err)
	}
	tree, _ = w.walk(tree, s, "")
	out, err := json.Marshal(tree)
	if err != nil {
		return nil, fmt.Errorf("casefsm: view: %w", err)
	}
	return out, nil
}

// walk returns v as the reader reads it, and false when it is removed.
// person is the id of the person the enclosing object describes, if any.
func (w *viewer) walk(v any, s *shape, person string) (any, bool) {
	switch {
	case s.fields != nil:
		m, ok := v.(map[string]any)
		if !ok {
			if s.bare != nil {
				return w.leaf(v, s.bare, person)
			}
			return w.leaf(v, undeclared, person)
		}
		if s.owner != "" {
			person, _ = m[s.owner].(string)
		}
		for k, fv := range m {
			fs := s.fields[k]
			if fs == nil {
				fs = undeclared
			}
			if nv, keep := w.walk(fv, fs, person); keep {
				m[k] = nv
			} else {
				delete(m, k)
			}
		}
		return m, true
	case s.elem != nil:
		list, ok := v.([]any)
		if !ok {
			return w.leaf(v, undeclared, person)
		}
		out := list[:0]
		for _, e := range list {
			if nv, keep := w.walk(e, s.elem, person); keep {
				out = append(out, nv)
			}
		}
		return out, true
	}
	return w.leaf(v, s, person)
}

// leaf returns a leaf as the reader reads it. An identity names person,
// or, outside an object that describes someone, the person whose id it is.
func (w *viewer) leaf(v any, s *shape, person string) (any, bool) {
	cl := textClass(s.class, w.event)
	if s.complainant {
		person = w.x.h.Parties.Complainant.ID
	}
	if cl == Identity && person == "" {
		person, _ = v.(string) // one the case cannot place is read by the forums only
	}
	agg := w.rd.row.aggregate
	if w.x.reads(w.rd, cl, person, w.by) {
		if str, ok := v.(string); ok && s.date && agg && len(str) >= len("YYYY-MM") {
			return str[:len("YYYY-MM")], true
		}
		return v, true
	}
	w.n++
	if agg {
		return nil, false
	}
	return Withheld, true
}
