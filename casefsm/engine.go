package casefsm

import (
	"errors"
	"fmt"
	"slices"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Options configure an [Engine]. The zero Options means the built-in
// calendars only and a committee validator built by [NewEngine].
type Options struct {
	// Calendars are an institution's own holiday calendars (see
	// deadlines.ParseCalendar), found by their ids when a case names its
	// calendar. The built-in calendars are always available; an id may
	// not be given twice or repeat a built-in id.
	Calendars []*deadlines.Calendar
	// Validator checks committees for cases whose Header carries one. Nil
	// means NewEngine builds one; pass a shared one to save the cost.
	Validator *committee.Validator
	// Interpretations are the integrator's settings of the project's
	// interpretations (interpretation 29), applied to every policy of the
	// set over its own (an overlay's settings included): for example
	// {Name: "roll_forward_filings", Value: false, Note: "..."} is refused,
	// because it takes a right from a party, while
	// {Name: "late_filing_needs_condonation", Value: false, Note: "..."}
	// accepts late appeals with a warning. See policy.Interpretations.With
	// for the names, the values and which settings are refused; a refused
	// setting makes NewEngine fail with an error matching
	// policy.ErrSettingRefused. Each setting is cited "integrator
	// interpretations.NAME" with its note.
	Interpretations []policy.Setting
	// Hypothetical makes an engine for re-judging (package rejudge): a
	// policy a case names runs whatever its dates of validity, and decides
	// both the procedure and who may complain. Never set it to judge a
	// case for real.
	Hypothetical bool
}

// Engine holds what cases need and is built once: the policy set, a
// [Definition] for every policy in it, the calendars and the committee
// validator. It is immutable and safe for concurrent use; cases made from
// it are not (see [Case]).
//
// The zero Engine has no policies and cannot make cases; use [NewEngine].
type Engine struct {
	set  *policy.Set
	defs map[policy.ID]*Definition
	// eras holds, for a policy with several versions by filing date
	// (policy.Policy.At), the definition of each version.
	eras map[*policy.Policy]*Definition
	cals map[string]*deadlines.Calendar
	val  *committee.Validator
	// hypothetical: see Options.Hypothetical.
	hypothetical bool
}

// NewEngine builds the definitions of every policy in set (see
// [NewDefinition]) and loads the built-in calendars.
func NewEngine(set *policy.Set, opts Options) (*Engine, error) {
	if set == nil {
		return nil, errors.New("casefsm: NewEngine needs a policy set")
	}
	e := &Engine{set: set, defs: map[policy.ID]*Definition{}, eras: map[*policy.Policy]*Definition{}, cals: map[string]*deadlines.Calendar{}, val: opts.Validator, hypothetical: opts.Hypothetical}
	for _, p := range set.All() {
		d, err := integrated(p, opts.Interpretations)
		if err != nil {
			return nil, fmt.Errorf("casefsm: policy %s: %w", p.ID(), err)
		}
		e.defs[p.ID()] = d
		for _, era := range p.Eras() {
			d, err := integrated(era, opts.Interpretations)
			if err != nil {
				return nil, fmt.Errorf("casefsm: policy %s from %s: %w", p.ID(), era.Validity().From, err)
			}
			e.eras[era] = d
		}
	}
	for _, id := range deadlines.BuiltinIDs() {
		c, err := deadlines.Builtin(id)
		if err != nil {
			return nil, fmt.Errorf("casefsm: built-in calendar %s: %w", id, err)
		}
		e.cals[id] = c
	}
	for i, c := range opts.Calendars {
		if c == nil {
			return nil, fmt.Errorf("casefsm: Options.Calendars[%d] is nil", i)
		}
		if _, dup := e.cals[c.ID()]; dup {
			return nil, fmt.Errorf("casefsm: Options.Calendars[%d]: calendar id %q is already known", i, c.ID())
		}
		e.cals[c.ID()] = c
	}
	if e.val == nil {
		e.val = committee.NewValidator()
	}
	return e, nil
}

// integrated builds the definition of p with the integrator's settings.
func integrated(p *policy.Policy, settings []policy.Setting) (*Definition, error) {
	in, err := p.Interpretations().With("integrator", settings...)
	if err != nil {
		return nil, err
	}
	return definitionOf(p, p.Routes(), in)
}

// Set returns the policy set the engine was built from: the policies its
// cases may name.
func (e *Engine) Set() *policy.Set { return e.set }

// Definition returns the definition of the policy with the given id.
func (e *Engine) Definition(id policy.ID) (*Definition, error) {
	if d, ok := e.defs[id]; ok {
		return d, nil
	}
	_, err := e.set.Get(id)
	if err == nil {
		err = fmt.Errorf("%w: %s", policy.ErrUnknownPolicy, id)
	}
	return nil, fmt.Errorf("casefsm: %w", err)
}

// NewCase starts a case with no events, in state [NotFiled]. It checks the
// header: a named policy must be in the engine's set (and in the named
// jurisdiction), the jurisdiction and the parties' relationships must be
// known, and a named calendar must be loaded. Faults are [*InputError]s
// naming the field.
func (e *Engine) NewCase(h Header) (*Case, error) {
	def, err := e.checkHeader(&h)
	if err != nil {
		return nil, err
	}
	c := &Case{events: make([]Event, 0, 16), f: facts{clocks: make([]clock, 0, 8)}}
	c.reset(e, h, def)
	return c, nil
}

// Reset makes c a new case of e with header h, exactly as [Engine.NewCase]
// would, but in the memory c already holds: c's events and all they
// implied are forgotten. A header NewCase refuses is refused alike and
// leaves c as it was. A program that handles many cases one after another
// (the simulator, a batch re-judging) keeps one Case per goroutine and
// resets it, instead of allocating one per case.
func (e *Engine) Reset(c *Case, h Header) error {
	def, err := e.checkHeader(&h)
	if err != nil {
		return err
	}
	c.reset(e, h, def)
	return nil
}

// checkHeader checks a new case's header, defaulting its jurisdiction, and
// returns the definition of the policy it names (nil for none).
func (e *Engine) checkHeader(h *Header) (*Definition, error) {
	if h.Jurisdiction == "" {
		h.Jurisdiction = policy.Federal
	}
	if !h.Jurisdiction.Valid() {
		return nil, &InputError{Index: -1, Field: "jurisdiction", Err: fmt.Errorf("unknown jurisdiction %q (want one of %v)", h.Jurisdiction, policy.Jurisdictions())}
	}
	var def *Definition
	if h.Policy != "" {
		d, err := e.Definition(h.Policy)
		if err != nil {
			return nil, &InputError{Index: -1, Field: "policy", Err: err}
		}
		if j := d.pol.Jurisdiction(); j != h.Jurisdiction {
			return nil, &InputError{Index: -1, Field: "jurisdiction", Err: fmt.Errorf("policy %s is %s law, not %s", h.Policy, j, h.Jurisdiction)}
		}
		def = d
	}
	if h.Calendar != "" {
		if _, ok := e.cals[h.Calendar]; !ok {
			return nil, &InputError{Index: -1, Field: "calendar", Err: fmt.Errorf("unknown calendar %q (known: %v)", h.Calendar, e.calendarIDs())}
		}
	}
	for _, p := range []struct {
		field string
		r     policy.Relationship
	}{{"parties.complainant.relationship", h.Parties.Complainant.Relationship}, {"parties.accused.relationship", h.Parties.Accused.Relationship}} {
		if p.r != "" && !p.r.Valid() {
			return nil, &InputError{Index: -1, Field: p.field, Err: fmt.Errorf("%w: %q", policy.ErrUnknownRelationship, p.r)}
		}
	}
	return def, nil
}

// Open starts a case from a case file and replays its events in order
// ([Case.Replay]). If
// an event is refused, Open returns the case as it stood before that event
// together with the [*Refusal]; an [*InputError] for a bad header comes
// with a nil case.
func (e *Engine) Open(f *CaseFile) (*Case, error) {
	if f == nil {
		return nil, &InputError{Index: -1, Err: errors.New("no case file")}
	}
	c, err := e.NewCase(f.Header)
	if err != nil {
		return nil, err
	}
	for _, ev := range f.Events {
		if err := c.Replay(ev); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Report replays a case file up to its first refused event and reports the
// case as of asOf (the zero Date: the date of the last event applied). The
// report's Error describes the refused event, if any; the returned error
// is only for a header that cannot be read ([*InputError]) or an internal
// fault. This is what `hifazat case status` prints.
func (e *Engine) Report(f *CaseFile, asOf civil.Date) (Report, error) {
	c, err := e.Open(f)
	var ref *Refusal
	switch {
	case errors.As(err, &ref):
	case err != nil:
		return Report{}, err
	}
	r := Report{Status: c.Status(asOf)}
	if ref != nil {
		r.Error = &ReportError{Index: ref.Index, Type: ref.Event, Code: ref.Code, Message: ref.Message, Citation: ref.Citation, says: ref.says}
	}
	return r, nil
}

// cloneHeader copies h deeply, so that a case shares nothing with its
// caller.
func cloneHeader(h Header) Header {
	h.Parties.Witnesses = slices.Clone(h.Parties.Witnesses)
	h.Allegations = slices.Clone(h.Allegations)
	if h.Committee != nil {
		cm := *h.Committee
		cm.Members = slices.Clone(cm.Members)
		h.Committee = &cm
	}
	return h
}

func (e *Engine) calendarIDs() []string {
	ids := make([]string, 0, len(e.cals))
	for id := range e.cals {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// procedure returns the definition for a case filed (or acting) on date on:
// the named policy (the version of it in force on that day, or its latest
// when the day is outside its validity: see named), or the statute in force
// in the case's jurisdiction.
func (e *Engine) procedure(h *Header, on civil.Date) (*Definition, error) {
	if h.Policy != "" {
		d, _, err := e.named(h.Policy, on)
		return d, err
	}
	p, err := e.set.For(h.Jurisdiction, on)
	if err != nil {
		return nil, err
	}
	return e.Definition(p.ID())
}

// named returns the definition of the named policy's version in force on
// the given day, and whether the day is inside the policy's validity; a day
// outside it gives the policy's latest definition (a filing then is
// refused, interpretation 1, except on a hypothetical engine, which runs
// the policy whatever its dates).
func (e *Engine) named(id policy.ID, on civil.Date) (*Definition, bool, error) {
	d, err := e.Definition(id)
	if err != nil {
		return nil, false, err
	}
	v, ok := d.pol.At(on)
	if !ok {
		return d, e.hypothetical, nil
	}
	if era, found := e.eras[v]; found {
		return era, true, nil
	}
	return d, true, nil
}

// substance returns the policy that decides who is covered: the one in
// force on the incident date, or on the filing date without one
// (interpretation 2). A named policy decides it when the date falls in its
// validity.
func (e *Engine) substance(h *Header, def *Definition, filed civil.Date) (*policy.Policy, error) {
	proc := def.pol
	if e.hypothetical || !def.in.SubstanceByIncidentDate.Value {
		return proc, nil
	}
	on := h.IncidentOn
	if !on.IsValid() {
		on = filed
	}
	if proc.Validity().Contains(on) {
		return proc, nil
	}
	if d, ok := e.defs[h.Policy]; ok {
		if v, ok := d.pol.At(on); ok {
			return v, nil // the named policy's own earlier version
		}
	}
	return e.set.For(proc.Jurisdiction(), on)
}
