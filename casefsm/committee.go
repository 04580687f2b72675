package casefsm

import (
	"slices"

	"github.com/hifazat/hifazat/committee"
)

// Committee returns the committee for the case: the standing committee its
// header carries, with the members replaced for this case so far
// (replace_member events, s.3(3)) swapped for their replacements, in the
// order recorded, and the member designated chair for the case last
// (designate_chair, or replace_member bringing one in as chair) its only
// chair. It reports false, with the zero Committee, when the
// header carries no standing committee. The result is a copy; use
// [committee.Validator.Check] to check it.
func (c *Case) Committee() (committee.Committee, bool) {
	if c.h.Committee == nil {
		return committee.Committee{}, false
	}
	cm := *c.h.Committee
	cm.Members = slices.Clone(cm.Members)
	for _, r := range c.f.replacements {
		if i := slices.IndexFunc(cm.Members, func(m committee.Member) bool { return m.ID == r.Out }); i >= 0 {
			cm.Members[i] = r.In
		}
	}
	if c.f.chair != "" {
		for i := range cm.Members {
			cm.Members[i].Chair = cm.Members[i].ID == c.f.chair
		}
	}
	return cm, true
}
