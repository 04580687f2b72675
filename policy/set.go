package policy

import (
	"fmt"
	"slices"

	"github.com/hifazat/hifazat/civil"
)

// Set is an immutable collection of policies: the statutes of each
// jurisdiction, as sorted half-open validity intervals, and institutional
// overlays on them. A Set is safe for concurrent use. The zero Set is empty:
// Get and For return errors, All returns nothing.
type Set struct {
	byID     map[ID]*Policy
	ids      []ID                       // sorted
	statutes map[Jurisdiction][]*Policy // sorted by Validity().From; no overlaps

	validator *overlayValidator // for Apply; nil in the zero Set
}

// NewSet returns a set of the policies given. It refuses (with an error
// wrapping [ErrInvalidSet]) a nil policy, two policies with one id, and two
// statutes of one jurisdiction whose validity intervals overlap.
// Institutional policies may overlap anything.
func NewSet(ps ...*Policy) (*Set, error) {
	s := &Set{byID: make(map[ID]*Policy, len(ps)), statutes: make(map[Jurisdiction][]*Policy),
		validator: newOverlayValidator()}
	for i, p := range ps {
		if p == nil || p.id == "" {
			return nil, fmt.Errorf("%w: policy %d is nil or has no id", ErrInvalidSet, i)
		}
		if _, dup := s.byID[p.id]; dup {
			return nil, fmt.Errorf("%w: two policies have the id %q", ErrInvalidSet, p.id)
		}
		s.byID[p.id] = p
		s.ids = append(s.ids, p.id)
		if !p.Institutional() {
			s.statutes[p.jurisdiction] = append(s.statutes[p.jurisdiction], p)
		}
	}
	slices.Sort(s.ids)
	for j, list := range s.statutes {
		slices.SortFunc(list, func(a, b *Policy) int { return a.validity.From.Compare(b.validity.From) })
		for i := 1; i < len(list); i++ {
			if list[i-1].validity.Overlaps(list[i].validity) {
				return nil, fmt.Errorf("%w: %s statutes %q (%s) and %q (%s) overlap", ErrInvalidSet,
					j, list[i-1].id, list[i-1].validity, list[i].id, list[i].validity)
			}
		}
	}
	return s, nil
}

// Get returns the policy with the given id, or an [*UnknownPolicyError]
// (wrapping [ErrUnknownPolicy]) that lists the ids the set knows.
func (s *Set) Get(id ID) (*Policy, error) {
	if p, ok := s.byID[id]; ok {
		return p, nil
	}
	return nil, &UnknownPolicyError{ID: id, Known: slices.Clone(s.ids)}
}

// For returns the statute of jurisdiction j in force on the date on
// (institutional policies are never returned). Like time.Location's lookup
// it is a binary search over sorted half-open intervals, and it does not
// allocate when it succeeds. It returns a [*NoPolicyError] (wrapping
// [ErrNoPolicyInForce]) when no statute was in force — for example a federal
// date before 2010-03-09 — or on is the zero Date; the error gives the first
// date the jurisdiction is covered. An invalid j is an error wrapping
// [ErrUnknownJurisdiction].
func (s *Set) For(j Jurisdiction, on civil.Date) (*Policy, error) {
	if !j.Valid() {
		return nil, fmt.Errorf("%w %q (want balochistan, federal, kp, punjab or sindh)", ErrUnknownJurisdiction, string(j))
	}
	list := s.statutes[j]
	// Find the last statute whose From is on or before on.
	lo, hi := 0, len(list)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if list[m].validity.From.After(on) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo > 0 && list[lo-1].validity.Contains(on) {
		return list[lo-1], nil
	}
	e := &NoPolicyError{Jurisdiction: j, Date: on}
	if len(list) > 0 {
		e.FirstInForce = list[0].validity.From
	}
	return nil, e
}

// With returns a new set of s's policies and ps, refusing what [NewSet]
// refuses: it is how an institution's policy, once [Set.Apply] accepted its
// overlay, joins the set an engine is built from. s is unchanged; the zero
// Set gives a set of ps alone.
func (s *Set) With(ps ...*Policy) (*Set, error) {
	return NewSet(append(s.All(), ps...)...)
}

// All returns every policy in the set, sorted by id.
func (s *Set) All() []*Policy {
	out := make([]*Policy, len(s.ids))
	for i, id := range s.ids {
		out[i] = s.byID[id]
	}
	return out
}
