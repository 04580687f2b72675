package sqlstore_test

import "github.com/hifazat/hifazat/casefsm"

// event decodes an event literal of the tests; a bad literal is a bug of
// the tests, so it panics.
func event(s string) casefsm.Event {
	e, err := casefsm.DecodeEvent([]byte(s), 0)
	if err != nil {
		panic(err)
	}
	return e
}

// header decodes a header literal of the tests, as event does.
func header(s string) casefsm.Header {
	h, err := casefsm.DecodeHeader([]byte(s))
	if err != nil {
		panic(err)
	}
	return h
}
