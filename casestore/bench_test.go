package casestore_test

import (
	"fmt"
	"testing"

	"github.com/hifazat/hifazat/casestore"
)

var (
	benchHeader = []byte(`{"policy":"pk-federal-2022","calendar":"pk-federal","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"}}}`)
	benchEvent = []byte(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"a note on the file"}`)
)

// BenchmarkParseEvent parses an event as a caller writes it (keys out of
// order: the slow path) and as the store reads it back (canonical: the fast
// path).
func BenchmarkParseEvent(b *testing.B) {
	benchParse(b, benchEvent, func(b []byte) error { _, err := casestore.ParseEvent(b); return err })
}

func BenchmarkParseHeader(b *testing.B) {
	benchParse(b, benchHeader, func(b []byte) error { _, err := casestore.ParseHeader(b); return err })
}

func benchParse(b *testing.B, input []byte, parse func([]byte) error) {
	stored, err := casestore.Canonical(input)
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range []struct {
		name string
		b    []byte
	}{{"input", input}, {"stored", stored}} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := parse(in.b); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPrepare measures validating one note appended to a filed case
// holding seven notes already, with casefsm: decoding, replaying and
// projecting the case. "warm" is a store's validator, which has decoded the
// stored events before (as when a case is appended to again); "cold" is a
// new validator each time, which decodes them all.
func BenchmarkPrepare(b *testing.B) {
	opts := casestore.Options{}.WithDefaults()
	s := casestore.NewMemory(opts)
	c, err := s.Create(b.Context(), "bench", casestore.MustParseHeader(string(benchHeader)),
		casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	if err != nil {
		b.Fatal(err)
	}
	for n := range 7 {
		if c, err = s.Append(b.Context(), "bench", c.Version(), benchNote(n)); err != nil {
			b.Fatal(err)
		}
	}
	engine := newEngine(b)
	for _, tt := range []struct {
		name string
		opts func() casestore.Options
	}{
		{"warm", func() casestore.Options { return opts }},
		{"cold", func() casestore.Options { return casestore.Options{Validator: casestore.CaseFSM(engine)} }},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 7
			for b.Loop() {
				if _, _, err := tt.opts().Prepare(c, []casestore.Event{benchNote(n)}); err != nil {
					b.Fatal(err)
				}
				n++
			}
		})
	}
}

// benchNote returns a new note for each n, as a caller appends them.
func benchNote(n int) casestore.Event {
	return casestore.MustParseEvent(fmt.Sprintf(`{"by":"inquiry_committee","note":"note %d","on":"2026-03-04","type":"add_note"}`, n))
}
