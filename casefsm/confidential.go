package casefsm

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
)

// Class is the confidentiality class of a piece of a case: what kind of
// information it is, which decides who may read it (see the table in the
// package documentation). Every event type has one ([EventType.Class]) and
// every field of a case file declares one, in a `class:"..."` tag beside
// its definition. The names are a public contract; the zero Class is not a
// class.
type Class uint8

// The classes.
const (
	_ Class = iota
	// Procedural: what happened and when, who acted, the state, findings,
	// penalty codes, deadlines. Every audience reads it.
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

	classEnd
)

var classNames = names{"", "procedural", "identity", "statement", "evidence", "free_text"}

// IsValid reports whether c is one of the named classes.
func (c Class) IsValid() bool { return classNames.valid(uint8(c)) }

// String returns the class's name, such as "free_text".
func (c Class) String() string { return classNames.str("Class", uint8(c)) }

// MarshalText implements encoding.TextMarshaler; invalid classes fail.
func (c Class) MarshalText() ([]byte, error) { return classNames.marshal("class", uint8(c)) }

// Audience is who reads a case through [CaseFile.View], [Status.For],
// [Report.For] or [Refusal.For]: a party, a forum, the employer, a witness,
// or statistics. Each reads what the table in the package documentation
// gives it. The names are a public contract (the CLI's --as); values are
// only appended. The zero Audience is not an audience.
type Audience uint8

// The audiences.
const (
	_ Audience = iota
	AsComplainant
	AsAccused
	AsSupervisor
	AsCommittee
	AsCompetentAuthority
	AsOmbudsperson
	AsPresidentOrGovernor
	AsEmployer
	AsWitness
	// AsStatistics is aggregate reporting: it reads procedural facts only,
	// with dates given to the month, and loses, rather than sees marked,
	// everything else.
	AsStatistics

	audienceEnd
)

var audienceNames = names{"", "complainant", "accused", "supervisor", "inquiry_committee", "competent_authority",
	"ombudsperson", "president_or_governor", "employer", "witness", "statistics"}

// ErrAudience matches an audience that is not one of the named ones.
var ErrAudience = errors.New("casefsm: not an audience")

// Audiences returns every audience in declaration order.
func Audiences() []Audience {
	out := make([]Audience, 0, audienceEnd-1)
	for a := AsComplainant; a < audienceEnd; a++ {
		out = append(out, a)
	}
	return out
}

// IsValid reports whether a is one of the named audiences.
func (a Audience) IsValid() bool { return audienceNames.valid(uint8(a)) }

// String returns the audience's name, such as "inquiry_committee".
func (a Audience) String() string { return audienceNames.str("Audience", uint8(a)) }

// MarshalText implements encoding.TextMarshaler; invalid audiences fail.
func (a Audience) MarshalText() ([]byte, error) { return audienceNames.marshal("audience", uint8(a)) }

// UnmarshalText implements encoding.TextUnmarshaler; an unknown name
// matches [ErrAudience].
func (a *Audience) UnmarshalText(b []byte) error {
	v, err := audienceNames.parse("audience", b)
	if err != nil {
		return fmt.Errorf("%w: %q (want one of %s)", ErrAudience, b, strings.Join(audienceNames[1:], ", "))
	}
	*a = Audience(v)
	return nil
}

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
)

// texts is a set of the classes of written content.
type texts uint8

const allTexts texts = 1<<Statement | 1<<Evidence | 1<<FreeText

// reading is one row of the contract: what an audience reads.
type reading struct {
	// people are the parts whose players' identities it reads: a person
	// with several parts (a witness who sits on the committee) is read
	// only by an audience that reads all of them.
	people kinds
	// onFiling: it reads no identity until a complaint is filed; the
	// informal route is strictly confidential (Code (iii)).
	onFiling bool
	// texts are the classes of written content it reads whoever wrote it.
	texts texts
	// own: it reads what its own role wrote. Not for witnesses: the role
	// is many people, and one must not read another's statement.
	own bool
	// aggregate: it loses what it may not read instead of seeing it
	// marked, reads dates to the month, and reads no message.
	aggregate bool
}

// contract is the table of the package documentation. Forums that hear
// the case read everything (s.4(3)(a): the statements are theirs to
// weigh); the parties read each other's identities (s.4(1)(a): the charges
// name the complainant) and their own writing, never a witness's identity
// (s.4(3)(d)) nor who sits on the committee.
var contract = [audienceEnd]reading{
	AsComplainant:         {people: kParties, own: true},
	AsAccused:             {people: kParties, own: true},
	AsSupervisor:          {people: kParties, own: true},
	AsCommittee:           {people: kEveryone, texts: allTexts},
	AsCompetentAuthority:  {people: kParties | kAuthority, onFiling: true, own: true},
	AsOmbudsperson:        {people: kEveryone, texts: allTexts},
	AsPresidentOrGovernor: {people: kEveryone, texts: allTexts},
	AsEmployer:            {people: kParties, onFiling: true, own: true},
	AsWitness:             {},
	AsStatistics:          {aggregate: true},
}

// audienceRole is the role whose writing an audience reads as its own.
var audienceRole = [audienceEnd]Role{AsComplainant: Complainant, AsAccused: Accused, AsSupervisor: Supervisor,
	AsCommittee: InquiryCommittee, AsCompetentAuthority: CompetentAuthority, AsOmbudsperson: Ombudsperson,
	AsPresidentOrGovernor: PresidentOrGovernor, AsEmployer: Employer}

// textClass is the class of a field of class field on an event of type e:
// writing takes its event's class where that is not procedural (a note on
// record_statement is a statement).
func textClass(field Class, e EventType) Class {
	if field >= Statement && e.Class() > Procedural {
		return e.Class()
	}
	return field
}

// audiences is a set of audiences.
type audiences uint16

func (s audiences) has(a Audience) bool { return s&(1<<a) != 0 }

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

// reads reports whether audience a reads a piece of class cl: for an
// identity, of the person with id; for writing, written by the role by.
func (x *exposure) reads(a Audience, cl Class, id string, by Role) bool {
	r := &contract[a]
	switch {
	case !a.IsValid():
		return false
	case cl == Procedural:
		return true
	case cl == Identity:
		if id == "" {
			return true // names nobody
		}
		k := x.kindsOf(id)
		return !(r.onFiling && !x.filed) && r.people&k == k
	}
	return r.texts&(1<<cl) != 0 || r.own && by != 0 && audienceRole[a] == by
}

// readers returns every audience that reads the piece.
func (x *exposure) readers(cl Class, id string, by Role) audiences {
	var s audiences
	for a := AsComplainant; a < audienceEnd; a++ {
		if x.reads(a, cl, id, by) {
			s |= 1 << a
		}
	}
	return s
}

// Withheld stands in a view, a message or a refusal for what the audience
// may not read.
const Withheld = "[withheld]"

// phrase is part of a message: its text, the audiences that read it, and
// what the others read in its place. Messages that name a person or quote
// what someone wrote are built of phrases, so that they are redacted by
// what each part is, never by searching the text.
type phrase struct {
	text, alt string
	readers   audiences
}

// public is a phrase every audience reads.
func public(s string) phrase { return phrase{text: s, readers: ^audiences(0)} }

// person is a phrase naming the person with id.
func (x *exposure) person(id string) phrase {
	return phrase{text: id, alt: Withheld, readers: x.readers(Identity, id, 0)}
}

// about is a phrase saying something about the person with id (such as
// the part they play), read by those who read who they are; the others
// read alt.
func (x *exposure) about(id, text, alt string) phrase {
	return phrase{text: text, alt: alt, readers: x.readers(Identity, id, 0)}
}

// quote is a phrase quoting what the role by wrote.
func (x *exposure) quote(text string, cl Class, by Role) phrase {
	return phrase{text: text, alt: Withheld, readers: x.readers(cl, "", by)}
}

// message is a message built of phrases.
type message []phrase

// String is the message as written, for those who read everything.
func (m message) String() string {
	var b strings.Builder
	for _, p := range m {
		b.WriteString(p.text)
	}
	return b.String()
}

// render is the message as audience a reads it: nothing for statistics,
// whose reports carry codes and citations only (a message gives exact
// dates and may name people).
func (m message) render(a Audience) string {
	if !a.IsValid() || contract[a].aggregate {
		return ""
	}
	var b strings.Builder
	for _, p := range m {
		if p.readers.has(a) {
			b.WriteString(p.text)
		} else {
			b.WriteString(p.alt)
		}
	}
	return b.String()
}

// redact returns the text an audience reads of a message written as full,
// whose phrases are m (nil when it names nobody and quotes nothing).
func redact(full string, m message, a Audience) string {
	if m == nil && a.IsValid() && !contract[a].aggregate {
		return full
	}
	if m == nil {
		return ""
	}
	return m.render(a)
}

// month is d to the month: the first day of its month.
func month(d civil.Date) civil.Date {
	if !d.IsValid() {
		return d
	}
	return civil.MustOf(d.Year(), d.Month(), 1)
}

// For returns the status as audience a reads it: every message redacted
// by the phrases it was built of (a committee member who is a witness is
// named to the forums only; a condonation is quoted to the forums and to
// whoever filed), and, for [AsStatistics], no message at all and every date
// to the first day of its month. An invalid audience reads no message.
func (s Status) For(a Audience) Status {
	out := s
	out.Warnings = slices.Clone(s.Warnings)
	for i := range out.Warnings {
		w := &out.Warnings[i]
		w.Message, w.says = redact(w.Message, w.says, a), nil
	}
	out.Breaches = slices.Clone(s.Breaches)
	for i := range out.Breaches {
		out.Breaches[i].Message = redact(out.Breaches[i].Message, nil, a)
	}
	if a.IsValid() && contract[a].aggregate {
		out.coarse = true
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

// For returns the report as audience a reads it: its status as
// [Status.For] gives it, and the refused event's message redacted the same
// way.
func (r Report) For(a Audience) Report {
	out := Report{Status: r.Status.For(a)}
	if e := r.Error; e != nil {
		ee := *e
		ee.Message, ee.says = redact(e.Message, e.says, a), nil
		out.Error = &ee
	}
	return out
}

// For returns the refusal as audience a reads it: its message redacted by
// the phrases it was built of, so that a refused replacement names a
// witness to the forums only. The code, the citation and the event type
// are procedural and stay.
func (r *Refusal) For(a Audience) *Refusal {
	out := *r
	out.Message, out.says = redact(r.Message, r.says, a), nil
	return &out
}
