// Package rejudge asks of a case history "what if the law, or our reading
// of it, had been different?". It replays a case's events under another
// policy, or an institution's overlay, and reports what changes: the
// state, each deadline's due date and status, the breaches, the first
// event the other law would refuse (with its code and citation), and the
// warnings.
//
// Re-judging is hypothetical by design. It applies the named policy
// whatever its dates of validity (and whatever the case's jurisdiction):
// a 2021 case can be judged under the 2022 amendment, a provincial case
// under the federal text. Every [Result] says so in its Notice. It is the
// one place in the SDK where a policy runs outside its validity; nothing
// it returns is the law that governs the case.
//
//	j, _ := rejudge.New(policy.Builtin(), casefsm.Options{})
//	r, _ := j.Rejudge(file, rejudge.Change{Policy: policy.FederalAct2010}, civil.Date{})
//	for _, d := range r.Differences { fmt.Println(d) }
//
// Results carry no identities: only states, rule ids, dates, codes and
// citations, so [Summary] can count them over a whole store.
package rejudge

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Change is what a case is re-judged under: a policy of the set or an
// overlay (on its own base statute), not both, and interpretation
// settings, with either or alone (then under the case's own policy). The
// zero Change is refused.
type Change struct {
	// Policy is the id of a policy of the Judge's set. Every event is
	// judged under it, procedure and substance, whatever its dates.
	Policy policy.ID
	// Overlay is an institution's policy on its base statute; the case
	// is judged under the policy it yields, whatever its dates.
	Overlay *policy.Overlay
	// Settings set interpretations (policy.InterpretationNames) over
	// every policy, as an integrator's would (casefsm.Options), and are
	// refused alike when they take a right from a party.
	Settings []policy.Setting
}

// ErrNoChange is returned for a [Change] that names nothing to re-judge
// under.
var ErrNoChange = errors.New("rejudge: no policy or overlay to re-judge under")

// Judge re-judges cases. It holds the policy set, the engine of the
// case's own law and the options hypothetical engines are built with. It
// is immutable and safe for concurrent use.
type Judge struct {
	set  *policy.Set
	opts casefsm.Options
	eng  *casefsm.Engine
	// hypo is the engine that runs the set's policies whatever their
	// dates.
	hypo *casefsm.Engine
}

// New returns a Judge over the policies of set, with opts for every
// engine it builds (calendars, committee validator).
func New(set *policy.Set, opts casefsm.Options) (*Judge, error) {
	eng, err := casefsm.NewEngine(set, opts)
	if err != nil {
		return nil, fmt.Errorf("rejudge: %w", err)
	}
	hypo, err := hypothetical(set, opts)
	if err != nil {
		return nil, err
	}
	return &Judge{set: set, opts: opts, eng: eng, hypo: hypo}, nil
}

func hypothetical(set *policy.Set, opts casefsm.Options) (*casefsm.Engine, error) {
	opts.Hypothetical = true
	eng, err := casefsm.NewEngine(set, opts)
	if err != nil {
		return nil, fmt.Errorf("rejudge: %w", err)
	}
	return eng, nil
}

// Rejudge replays f as it stands (under its own law) and under ch, both
// as of asOf (the zero Date: each replay's last event), and returns both
// outcomes and their differences. An error is returned only for a change
// that cannot be made (an unknown policy, a refused overlay) or a case
// file whose header cannot be read; a refused event is an outcome.
func (j *Judge) Rejudge(f *casefsm.CaseFile, ch Change, asOf civil.Date) (*Result, error) {
	if f == nil {
		return nil, errors.New("rejudge: no case file")
	}
	eng, pol, err := j.engineFor(ch)
	if err != nil {
		return nil, err
	}
	orig, err := outcome(j.eng, f, asOf)
	if err != nil {
		return nil, fmt.Errorf("rejudge: the case as it stands: %w", err)
	}
	hypo := *f
	if pol != nil {
		hypo.Header.Policy, hypo.Header.Jurisdiction = pol.ID(), pol.Jurisdiction()
	}
	again, err := outcome(eng, &hypo, asOf)
	if err != nil {
		return nil, fmt.Errorf("rejudge: %w", err)
	}
	r := &Result{Notice: notice(pol, ch.Settings, f), Original: orig, Rejudged: again}
	r.Differences = differences(&r.Original, &r.Rejudged)
	return r, nil
}

// engineFor returns the engine that runs ch whatever the policy's dates,
// and the policy ch names (nil for settings alone).
func (j *Judge) engineFor(ch Change) (*casefsm.Engine, *policy.Policy, error) {
	set, p := j.set, (*policy.Policy)(nil)
	switch {
	case ch.Overlay != nil && ch.Policy != "":
		return nil, nil, errors.New("rejudge: give a policy or an overlay, not both (the overlay names its base)")
	case ch.Overlay != nil:
		var err error
		if p, err = j.set.Apply(*ch.Overlay); err != nil {
			return nil, nil, fmt.Errorf("rejudge: overlay %s: %w", ch.Overlay.ID, err)
		}
		if set, err = policy.NewSet(append(j.set.All(), p)...); err != nil {
			return nil, nil, fmt.Errorf("rejudge: overlay %s: %w", ch.Overlay.ID, err)
		}
	case ch.Policy != "":
		var err error
		if p, err = j.set.Get(ch.Policy); err != nil {
			return nil, nil, fmt.Errorf("rejudge: %w", err)
		}
		if len(ch.Settings) == 0 {
			return j.hypo, p, nil
		}
	case len(ch.Settings) == 0:
		return nil, nil, ErrNoChange
	}
	opts := j.opts
	opts.Interpretations = ch.Settings
	eng, err := hypothetical(set, opts)
	return eng, p, err
}

// notice says that a result is hypothetical, and how far: the policy's
// dates against the case's, a change of jurisdiction, the settings.
func notice(p *policy.Policy, settings []policy.Setting, f *casefsm.CaseFile) string {
	var b strings.Builder
	b.WriteString("hypothetical: the case is re-judged")
	if p != nil {
		fmt.Fprintf(&b, " under %s whatever its dates (%s)", p.ID(), p.Validity())
		if j := f.Header.Jurisdiction; j != "" && j != p.Jurisdiction() {
			fmt.Fprintf(&b, " and as a %s case (it is %s)", p.Jurisdiction(), j)
		}
	}
	for i, s := range settings {
		sep := ", "
		if i == 0 {
			sep = " with "
		}
		fmt.Fprintf(&b, "%s%s = %v", sep, s.Name, s.Value)
	}
	if filed, ok := filedOn(f); ok && p != nil && !p.Validity().Contains(filed) {
		fmt.Fprintf(&b, "; the case was filed on %s, outside those dates", filed)
	}
	b.WriteString("; this is not the law that governs the case")
	return b.String()
}

// filedOn returns the date of the case's first formal filing.
func filedOn(f *casefsm.CaseFile) (civil.Date, bool) {
	for _, ev := range f.Events {
		if ev.Type == casefsm.FileComplaint || ev.Type == casefsm.FileWithOmbudsperson {
			return ev.On, true
		}
	}
	return civil.Date{}, false
}
