package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Harness describes the store under test. New is required; the other fields
// switch on the tests that need more than the Store interface.
type Harness struct {
	// New returns a new, empty store that validates with casefsm (the
	// production validator). The suite closes it.
	New func(t *testing.T) casestore.Store

	// Tamper, if set, runs the tampering tests: it must change the stored
	// rows of case id in s directly, bypassing the store, as e says.
	Tamper func(t *testing.T, s casestore.Store, id string, e Edit)

	// NewLocation and Open, if both set, run the tests with more than one
	// process: several writer processes appending to the same cases at
	// once, and a writer process killed mid-stream. NewLocation returns a
	// new, empty persistent location; Open opens the store there (from this
	// process or from writer processes that the tests start by running the
	// test binary again).
	NewLocation func(t *testing.T) string
	Open        func(ctx context.Context, location string) (casestore.Store, error)

	// Reopen, if set, runs the tests of sealing, erasure and holds: it
	// returns a function that opens a store with the options given over
	// one new, empty location; each call opens the same location again, as
	// a process restarted with another configuration (another deployment
	// key, or none) would. The stores it opens must implement
	// [casestore.Eraser]; the suite closes them.
	Reopen func(t *testing.T) func(t *testing.T, o casestore.Options) casestore.Store
}

// Run runs the conformance suite on the store h describes, each test in a
// subtest with a store of its own.
func Run(t *testing.T, h Harness) {
	tests := []struct {
		name string
		run  func(t *testing.T, s casestore.Store)
	}{
		{"create_and_load", testCreateAndLoad},
		{"create_generates_id", testCreateGeneratesID},
		{"create_existing", testCreateExisting},
		{"import", testImport},
		{"append", testAppend},
		{"apply", testApply},
		{"conflict", testConflict},
		{"refused", testRefused},
		{"malformed", testMalformed},
		{"not_found", testNotFound},
		{"list", testList},
		{"verify_intact", testVerifyIntact},
		{"cancelled_context", testCancelled},
		{"closed", testClosed},
		{"concurrent_writers", testConcurrentWriters},
		{"redaction", testRedaction},
		{"access_log", testAccessLog},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := h.New(t)
			t.Cleanup(func() { s.Close() })
			tt.run(t, s)
		})
	}
	t.Run("sealing", func(t *testing.T) {
		if h.Reopen == nil {
			t.Skip("the harness has no Reopen function")
		}
		runSealing(t, h)
	})
	t.Run("tamper", func(t *testing.T) {
		if h.Tamper == nil {
			t.Skip("the harness has no Tamper function")
		}
		runTamper(t, h)
	})
	for _, tt := range []struct {
		name string
		run  func(*testing.T, Harness)
	}{{"processes", runProcesses}, {"crash", runCrash}} {
		t.Run(tt.name, func(t *testing.T) {
			if h.NewLocation == nil || h.Open == nil {
				t.Skip("the harness has no NewLocation and Open functions")
			}
			tt.run(t, h)
		})
	}
}

// The synthetic case every test starts from: invented ids, federal policy
// as amended in 2022.
const header = `{"policy":"pk-federal-2022","jurisdiction":"federal","calendar":"pk-federal","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"}}}`

var (
	filedOn   = civil.MustParse("2026-03-02")
	fileEvent = `{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`
	charges   = `{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`
	// decide on a complaint just received: no inquiry, no findings.
	unlawful = `{"type":"decide","on":"2026-03-04","by":"competent_authority","penalties":["censure"]}`
)

func note(n int) casefsm.Event {
	return ev(fmt.Sprintf(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"note %d"}`, n))
}

// MustEvent decodes an event literal of a test, as a case file holds it;
// a bad literal is a bug of the test, so it panics.
func MustEvent(s string) casefsm.Event {
	e, err := casefsm.DecodeEvent([]byte(s), 0)
	if err != nil {
		panic(err)
	}
	return e
}

// MustHeader decodes a header literal of a test, as MustEvent does.
func MustHeader(s string) casefsm.Header {
	h, err := casefsm.DecodeHeader([]byte(s))
	if err != nil {
		panic(err)
	}
	return h
}

// ev and hdr are the suite's short names for its literals.
func ev(s string) casefsm.Event { return MustEvent(s) }

func hdr() casefsm.Header { return MustHeader(header) }

// filed creates case id with the complaint filed, at version 1.
func filed(t *testing.T, s casestore.Store, id string) casestore.Case {
	t.Helper()
	c, err := s.Create(context.Background(), id, hdr(), ev(fileEvent))
	require.NoError(t, err, "Create(%q, header, file_complaint)", id)
	return c
}

// checkChain asserts that c's records are the chain its store must write.
func checkChain(t *testing.T, c casestore.Case) {
	t.Helper()
	hb, err := storekit.HeaderBody(c.Header)
	require.NoError(t, err, "case %s header", c.ID)
	prev := storekit.Genesis(c.ID, hb)
	for i, r := range c.Records {
		assert.Equal(t, int64(i+1), r.Version, "case %s record %d version", c.ID, i)
		assert.Equal(t, prev, r.Prev, "case %s record %d prev", c.ID, i+1)
		b, err := storekit.EventBody(r.Event)
		require.NoError(t, err, "case %s record %d body", c.ID, i+1)
		assert.Equal(t, storekit.Chain(prev, int64(i+1), b), r.Hash, "case %s record %d hash", c.ID, i+1)
		prev = r.Hash
	}
	assert.Equal(t, prev, c.Head, "case %s head", c.ID)
}

// load loads case id, failing the test on error.
func load(t *testing.T, s casestore.Store, id string) casestore.Case {
	t.Helper()
	c, err := s.Load(context.Background(), id)
	require.NoError(t, err, "Load(%q)", id)
	return c
}
