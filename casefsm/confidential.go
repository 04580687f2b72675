package casefsm

import (
	"errors"
	"fmt"
	"github.com/hifazat/hifazat/internal/enum"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
)

// Class is the confidentiality class of a piece of a case: what kind of
// information it is, which decides which roles may read it (see the table
// in the package documentation). Every event type has one ([EventType.Class]) and
// every field of a case file declares one, in a `class:"..."` tag beside
// its definition. The names are a public contract; the zero Class is not a
// class.
type Class uint8

// The classes.
const (
	_ Class = iota
	// Procedural: what happened and when, who acted, the state, findings,
	// penalty codes, deadlines. Every role reads it, and statistics.
	Procedural
	// Identity: who a person is — an id, a name, or what describes them
	// (a committee member's gender, seat or training). Who may read it
	// depends on the person's part in the case.
	Identity
	// Statement: what a person told a forum (s.4(3)(a)).
	Statement
	// Evidence: evidence gathered, such as a medical examination
	// (s.4(3)(a)).
	Evidence
	// FreeText: anything else written into the record: notes, reasons,
	// causes, condonations. It can name anyone, so it is read like a
	// statement.
	FreeText
)

var classNames = enum.New[Class]("casefsm", "class", "", "procedural", "identity", "statement", "evidence", "free_text")

// IsValid reports whether c is one of the named classes.
func (c Class) IsValid() bool { return classNames.Valid(c) }

// String returns the class's name, such as "free_text".
func (c Class) String() string { return classNames.String(c) }

// MarshalText implements encoding.TextMarshaler; invalid classes fail.
func (c Class) MarshalText() ([]byte, error) { return classNames.MarshalText(c) }

// ErrNoRole matches a view or a redaction asked for a Role that is not
// one of the named roles.
var ErrNoRole = errors.New("casefsm: not a role")

// kinds is a set of the parts a person plays in a case.
type kinds uint8

const (
	kComplainant kinds = 1 << iota
	kAccused
	kWitness
	kMember    // sits or sat on the committee, or was brought in for the case
	kAuthority // the committee's Competent Authority
	kUnknown   // an identity that names nobody the case knows

	kParties  = kComplainant | kAccused
	kEveryone = kParties | kWitness | kMember | kAuthority | kUnknown

	// protected are the parts a person's other parts never reveal: a
	// witness (s.4(3)(d)), and someone the case cannot place.
	protected = kWitness | kUnknown
)

// texts is a set of the classes of written content.
type texts uint8

const allTexts texts = 1<<Statement | 1<<Evidence | 1<<FreeText

// reading is one row of the contract: what a role, or statistics, reads.
type reading struct {
	// people are the parts whose players' identities it reads. A person
	// with several parts is read by a reader of any of them, unless one is
	// protected (see [protected]): a witness who sits on the committee is
	// read only by the readers of witnesses, an accused who sits on it by
	// the readers of the accused.
	people kinds
	// onFiling: it reads no identity until a complaint is filed; the
	// informal route is strictly confidential (Code (iii)).
	onFiling bool
	// texts are the classes of written content it reads whoever wrote it.
	texts texts
	// own: it reads what its own role wrote. Never for a role that is many
	// people (witnesses), one of whom must not read another's statement.
	own bool
	// aggregate: it loses what it may not read instead of seeing it
	// marked, reads dates to the month, and reads no message.
	aggregate bool
}

// contract is the table of the package documentation, one row per role.
// Forums that hear the case read everything (s.4(3)(a): the statements are
// theirs to weigh); the parties read each other's identities (s.4(1)(a):
// the charges name the complainant) and their own writing, never a
// witness's identity (s.4(3)(d)) nor who sits on the committee. A witness
// knows whom the case is about, but is many people in one role, so reads
// no writing. A role with no row reads procedural facts only.
var contract = [roleEnd]reading{
	Complainant:         {people: kParties, own: true},
	Accused:             {people: kParties, own: true},
	Supervisor:          {people: kParties, own: true},
	InquiryCommittee:    {people: kEveryone, texts: allTexts},
	CompetentAuthority:  {people: kParties | kAuthority, onFiling: true, own: true},
	Ombudsperson:        {people: kEveryone, texts: allTexts},
	PresidentOrGovernor: {people: kEveryone, texts: allTexts},
	Employer:            {people: kParties, onFiling: true, own: true},
	Witness:             {people: kParties},
	DistrictCourt:       {people: kEveryone, texts: allTexts},
}

// statistics is what aggregate reporting reads: procedural facts, to the
// month.
var statistics = reading{aggregate: true}

// reader is who reads: a role and its row, or statistics (no role).
type reader struct {
	role Role
	row  *reading
}

// readerOf returns the reader for role r; an invalid role matches
// [ErrNoRole].
func readerOf(r Role) (reader, error) {
	if !r.IsValid() {
		return reader{}, fmt.Errorf("%w: %s", ErrNoRole, r)
	}
	return reader{role: r, row: &contract[r]}, nil
}

var statisticsReader = reader{row: &statistics}

// textClass is the class of a field of class field on an event of type e:
// writing takes its event's class where that is not procedural (a note on
// record_statement is a statement).
func textClass(field Class, e EventType) Class {
	if field >= Statement && e.Class() > Procedural {
		return e.Class()
	}
	return field
}

// roles is a set of roles.
type roles uint16

func (s roles) has(r Role) bool { return s&(1<<r) != 0 }

// exposure is what decides, for one case, who reads a piece of it: the
// parts its people play and whether a complaint was filed.
type exposure struct {
	h     *Header
	reps  []committee.Replacement
	filed bool
}

// exposure returns the case's exposure as it stands.
func (c *Case) exposure() exposure {
	return exposure{h: &c.h, reps: c.f.replacements, filed: c.route != NoRoute}
}

// exposure returns the file's exposure: its replacements and filings are
// its events'.
func (f *CaseFile) exposure() exposure {
	x := exposure{h: &f.Header}
	for i := range f.Events {
		ev := &f.Events[i]
		x.filed = x.filed || ev.Type == FileComplaint || ev.Type == FileWithOmbudsperson
		if ev.Member != nil {
			x.reps = append(x.reps, *ev.Member)
		}
	}
	return x
}

// kindsOf returns the parts the person with id plays in the case.
func (x *exposure) kindsOf(id string) kinds {
	var k kinds
	ps := &x.h.Parties
	if id == ps.Complainant.ID {
		k |= kComplainant
	}
	if id == ps.Accused.ID {
		k |= kAccused
	}
	if slices.ContainsFunc(ps.Witnesses, func(w Party) bool { return w.ID == id }) {
		k |= kWitness
	}
	if cm := x.h.Committee; cm != nil {
		if slices.ContainsFunc(cm.Members, func(m committee.Member) bool { return m.ID == id }) {
			k |= kMember
		}
		if id == cm.CompetentAuthority {
			k |= kAuthority
		}
	}
	if slices.ContainsFunc(x.reps, func(r committee.Replacement) bool { return r.Out == id || r.In.ID == id }) {
		k |= kMember
	}
	if k == 0 {
		return kUnknown
	}
	return k
}

// reads reports whether rd reads a piece of class cl: for an identity, of
// the person with id; for writing, written by the role by.
func (x *exposure) reads(rd reader, cl Class, id string, by Role) bool {
	r := rd.row
	switch {
	case cl == Procedural:
		return true
	case cl == Identity:
		if id == "" {
			return true // names nobody
		}
		k := x.kindsOf(id)
		return !(r.onFiling && !x.filed) && r.people&k != 0 && r.people&(k&protected) == k&protected
	}
	return r.texts&(1<<cl) != 0 || r.own && by != 0 && rd.role == by
}

// readers returns every role that reads the piece.
func (x *exposure) readers(cl Class, id string, by Role) roles {
	var s roles
	for r := Complainant; r < roleEnd; r++ {
		if x.reads(reader{role: r, row: &contract[r]}, cl, id, by) {
			s |= 1 << r
		}
	}
	return s
}

// Withheld stands in a view, a message or a refusal for what the reader
// may not read.
const Withheld = "[withheld]"

// phrase is part of a message: its text, the roles that read it, and
// what the others read in its place. Messages that name a person or quote
// what someone wrote are built of phrases, so that they are redacted by
// what each part is, never by searching the text.
type phrase struct {
	text, alt string
	readers   roles
}

// public is a phrase every role reads.
func public(s string) phrase { return phrase{text: s, readers: ^roles(0)} }

// person is a phrase naming the person with id.
func (x *exposure) person(id string) phrase {
	return phrase{text: id, alt: Withheld, readers: x.readers(Identity, id, 0)}
}

// about is a phrase saying something about the person with id (such as
// the part they play), read by the roles that read who they are; the
// others read alt.
func (x *exposure) about(id, text, alt string) phrase {
	return phrase{text: text, alt: alt, readers: x.readers(Identity, id, 0)}
}

// quote is a phrase quoting what the role by wrote.
func (x *exposure) quote(text string, cl Class, by Role) phrase {
	return phrase{text: text, alt: Withheld, readers: x.readers(cl, "", by)}
}

// message is a message built of phrases.
type message []phrase

// String is the message as written, for the roles that read everything.
func (m message) String() string {
	var b strings.Builder
	for _, p := range m {
		b.WriteString(p.text)
	}
	return b.String()
}

// render is the message as rd reads it: nothing for statistics, whose
// reports carry codes and citations only (a message gives exact dates and
// may name people).
func (m message) render(rd reader) string {
	if rd.row.aggregate {
		return ""
	}
	var b strings.Builder
	for _, p := range m {
		if p.readers.has(rd.role) {
			b.WriteString(p.text)
		} else {
			b.WriteString(p.alt)
		}
	}
	return b.String()
}

// redact returns the text rd reads of a message written as full, whose
// phrases are m (nil when it names nobody and quotes nothing).
func redact(full string, m message, rd reader) string {
	switch {
	case rd.row.aggregate:
		return ""
	case m == nil:
		return full
	}
	return m.render(rd)
}

// month is d to the month: the first day of its month.
func month(d civil.Date) civil.Date {
	if !d.IsValid() {
		return d
	}
	return civil.MustOf(d.Year(), d.Month(), 1)
}

// For returns the status as role r reads it: every message redacted by
// the typed parts it was built of (a committee member who is a witness is
// named to the forums only; a condonation is quoted to the forums and to
// the role that filed). An invalid role reads no message.
func (s Status) For(r Role) Status {
	rd, err := readerOf(r)
	if err != nil {
		rd = statisticsReader
	}
	return s.redact(rd)
}

// Statistics returns the status as aggregate reporting reads it: codes,
// rules and citations, no message, and every date the first day of its
// month (a [Report] gives it as YYYY-MM).
func (s Status) Statistics() Status { return s.redact(statisticsReader) }

func (s Status) redact(rd reader) Status {
	out := s
	out.Warnings = slices.Clone(s.Warnings)
	for i := range out.Warnings {
		w := &out.Warnings[i]
		w.Message, w.says = redact(w.Message, w.says, rd), nil
	}
	out.Breaches = slices.Clone(s.Breaches)
	for i := range out.Breaches {
		out.Breaches[i].Message = redact(out.Breaches[i].Message, nil, rd)
	}
	if rd.row.aggregate {
		out.coarse, out.AsOf = true, month(s.AsOf)
		for i := range out.Breaches {
			b := &out.Breaches[i]
			b.Due, b.On = month(b.Due), month(b.On)
		}
		out.Deadlines = slices.Clone(s.Deadlines)
		for i := range out.Deadlines {
			d := &out.Deadlines[i]
			d.From, d.PeriodEnd, d.Due, d.LastOpenDay, d.DoneOn = month(d.From), month(d.PeriodEnd), month(d.Due), month(d.LastOpenDay), month(d.DoneOn)
		}
	}
	return out
}

// For returns the report as role r reads it: its status as [Status.For]
// gives it, and the refused event's message redacted the same way.
func (r Report) For(role Role) Report {
	rd, err := readerOf(role)
	if err != nil {
		rd = statisticsReader
	}
	return r.redact(rd)
}

// Statistics returns the report as aggregate reporting reads it (see
// [Status.Statistics]): its JSON gives dates as YYYY-MM.
func (r Report) Statistics() Report { return r.redact(statisticsReader) }

func (r Report) redact(rd reader) Report {
	out := Report{Status: r.Status.redact(rd)}
	if e := r.Error; e != nil {
		ee := *e
		ee.Message, ee.says = redact(e.Message, e.says, rd), nil
		out.Error = &ee
	}
	return out
}

// For returns the refusal as role r reads it: its message redacted by the
// typed parts it was built of, so that a refused replacement names a
// witness to the forums only. The code, the citation and the event type
// are procedural and stay. An invalid role reads no message.
func (ref *Refusal) For(r Role) *Refusal {
	rd, err := readerOf(r)
	if err != nil {
		rd = statisticsReader
	}
	out := *ref
	out.Message, out.says = redact(ref.Message, ref.says, rd), nil
	return &out
}
