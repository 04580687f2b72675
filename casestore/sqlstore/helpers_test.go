package sqlstore_test

import "github.com/hifazat/hifazat/casestore/storetest"

// event and header decode the tests' literals.
var (
	event  = storetest.MustEvent
	header = storetest.MustHeader
)
