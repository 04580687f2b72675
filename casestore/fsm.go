package casestore

// TEMPORARY until casefsm lands: replaced by the casefsm adapter.
var defaultValidator Validator = pendingValidator{}

type pendingValidator struct{}

func (pendingValidator) Validate(Header, []Event, int) (Projection, error) {
	return Projection{}, &RefusedError{Code: "invalid_event", Message: "casefsm is not wired in yet"}
}
