package casestore

import "github.com/hifazat/hifazat/casefsm"

// Withheld is the value that replaces withheld content in a view.
const Withheld = casefsm.Withheld

// View is a case as one role, or aggregate reporting, may read it: the
// view of its case file that package casefsm makes by the confidentiality
// table in its documentation ([casefsm.CaseFile.View]), with the case's id,
// which the statistics view leaves out.
type View struct {
	Case string `json:"case,omitempty"`
	casefsm.View
}

// ViewAs returns c as role r may read it. It never changes c. The zero
// Role is refused ([ErrMalformed]).
func ViewAs(c Case, r casefsm.Role) (View, error) {
	v, err := c.File().View(r)
	if err != nil {
		return View{}, malformed("role", err.Error())
	}
	return View{Case: c.ID, View: v}, nil
}

// Statistics returns c as aggregate reporting may read it: procedural facts
// only, dates to the month, no case id.
func Statistics(c Case) (View, error) {
	v, err := c.File().Statistics()
	return View{View: v}, err
}
