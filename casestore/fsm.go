package casestore

import (
	"errors"
	"fmt"
	"sync"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// CaseFSM returns the production [Validator]: it decodes the case with
// casefsm's strict case-file decoder, replays the stored events on a case
// built by engine, applies the new ones (a refusal becomes a
// [*RefusedError] carrying casefsm's code, message and citation, and
// wrapping the [*casefsm.Refusal]), and projects the case's status as of its
// last event: its procedure policy, its state, and its open deadlines (those
// casefsm reports pending or overdue; met, late, moot and paused ones are
// not open).
//
// Every call replays the whole case, but the validator remembers what
// casefsm decoded from recently seen headers and events (keyed by their
// canonical JSON: at most 8 MiB of events' and 8 MiB of headers' JSON), so
// that appending to a case decodes each stored event once rather than once
// per append. casefsm decodes a header and each event on its own, so a
// remembered value is the one decoding again would give.
func CaseFSM(engine *casefsm.Engine) Validator { return fsmValidator{engine, &decodeCache{}} }

// builtinValidator is CaseFSM over casefsm's built-in policies and
// calendars, with the engine built on first use and kept for the life of
// the value: each store resolves its own (see [Options.WithDefaults]), so
// no engine is shared through package state.
type builtinValidator struct {
	engine func() (*casefsm.Engine, error)
	cache  *decodeCache
}

func newBuiltinValidator() builtinValidator {
	return builtinValidator{
		engine: sync.OnceValues(func() (*casefsm.Engine, error) {
			return casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
		}),
		cache: &decodeCache{},
	}
}

func (b builtinValidator) Validate(h Header, events []Event, from int) (Projection, error) {
	e, err := b.engine()
	if err != nil {
		// The built-in policies are literals checked by their own tests.
		return Projection{}, fmt.Errorf("casestore: cannot build casefsm's engine from the built-in policies: %w", err)
	}
	return fsmValidator{e, b.cache}.Validate(h, events, from)
}

type fsmValidator struct {
	engine *casefsm.Engine
	cache  *decodeCache
}

func (v fsmValidator) Validate(h Header, events []Event, _ int) (Projection, error) {
	f, err := v.cache.decode(h, events)
	if err != nil {
		return Projection{}, fromCaseFSM(err, events)
	}
	c, err := v.engine.NewCase(f.Header)
	if err != nil {
		return Projection{}, fromCaseFSM(err, events)
	}
	for _, ev := range f.Events {
		if err := c.Apply(ev); err != nil {
			return Projection{}, fromCaseFSM(err, events)
		}
	}
	return project(c.Status(civil.Date{})), nil
}

// project keeps what List filters on from a status.
func project(s casefsm.Status) Projection {
	p := Projection{Policy: string(s.Policy), State: s.State.String()}
	for _, d := range s.Deadlines {
		if d.Status == deadlines.Pending || d.Status == deadlines.Overdue {
			p.Deadlines = append(p.Deadlines, Deadline{Rule: string(d.Rule), Kind: d.Kind.String(), Due: d.Due})
		}
	}
	return p
}

// fromCaseFSM translates casefsm's typed errors into this package's.
func fromCaseFSM(err error, events []Event) error {
	var in *casefsm.InputError
	if errors.As(err, &in) {
		m := &MalformedError{Version: int64(in.Index + 1), Field: in.Field, Reason: fmt.Sprint(in.Err)}
		if m.Field == "" {
			m.Field = "header"
			if in.Index >= 0 {
				m.Field = "event"
			}
		}
		return m
	}
	var ref *casefsm.Refusal
	if errors.As(err, &ref) {
		r := &RefusedError{Version: int64(ref.Index + 1), Type: ref.Event.String(), Code: ref.Code.String(),
			Message: ref.Message, Citation: ref.Citation.Section, Err: ref}
		if ref.Index >= 0 && ref.Index < len(events) {
			r.Type = events[ref.Index].Type()
		}
		return r
	}
	return fmt.Errorf("casestore: casefsm failed: %w", err)
}
