// Package fakevalidator is a tiny stand-in for casefsm, for the tests of
// package casestore that must not depend on the law's details. It knows four
// events: file_complaint (not_filed -> complaint_received, starts "charges",
// due 3 days later), communicate_charges by inquiry_committee
// (complaint_received -> charges_communicated, meets "charges", starts
// "defence", due 7 days later), add_note (any state, any actor) and decide
// (refused unless findings were submitted, which never happens here). Any
// other type, or a field other than type, on, by and note, is malformed.
package fakevalidator

import (
	"encoding/json"
	"fmt"

	"github.com/hifazat/hifazat/casestore"
)

// Validator is the fake. Its zero value is ready to use.
type Validator struct{}

// Validate implements casestore.Validator.
func (Validator) Validate(h casestore.Header, events []casestore.Event, from int) (casestore.Projection, error) {
	p := casestore.Projection{Policy: "pk-federal-2022", State: "not_filed"}
	if h.Policy() != "" {
		p.Policy = h.Policy()
	}
	for i, e := range events {
		v := int64(i + 1)
		var fields map[string]json.RawMessage
		_ = json.Unmarshal(e.JSON(), &fields)
		for k := range fields {
			if k != "type" && k != "on" && k != "by" && k != "note" && k != "penalties" {
				return p, &casestore.MalformedError{Version: v, Field: k, Reason: "unknown field"}
			}
		}
		refuse := func(code string) error {
			return &casestore.RefusedError{Version: v, Type: e.Type(), Code: code, Message: fmt.Sprintf("%s cannot happen in state %s", e.Type(), p.State)}
		}
		switch e.Type() {
		case "file_complaint":
			if p.State != "not_filed" {
				return p, refuse("not_allowed")
			}
			p.State = "complaint_received"
			p.Deadlines = []casestore.Deadline{{Rule: "charges", Due: e.On().AddDays(3)}}
		case "communicate_charges":
			if p.State != "complaint_received" {
				return p, refuse("not_allowed")
			}
			if e.By() != "inquiry_committee" {
				return p, refuse("forbidden_actor")
			}
			p.State = "charges_communicated"
			p.Deadlines = []casestore.Deadline{{Rule: "defence", Due: e.On().AddDays(7)}}
		case "add_note":
		case "decide":
			return p, refuse("not_allowed")
		default:
			return p, &casestore.MalformedError{Version: v, Field: "type", Reason: fmt.Sprintf("unknown event type %q", e.Type())}
		}
	}
	return p, nil
}
