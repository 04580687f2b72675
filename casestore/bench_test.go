package casestore_test

import (
	"testing"

	"github.com/hifazat/hifazat/casestore"
)

var (
	benchHeader = []byte(`{"policy":"pk-federal-2022","calendar":"pk-federal","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"}}}`)
	benchEvent = []byte(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"a note on the file"}`)
)

func BenchmarkParseEvent(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := casestore.ParseEvent(benchEvent); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHeader(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := casestore.ParseHeader(benchHeader); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepare measures validating one note appended to a filed case
// with casefsm: decoding, replaying and projecting.
func BenchmarkPrepare(b *testing.B) {
	h := casestore.MustParseHeader(string(benchHeader))
	c, err := casestore.NewMemory(casestore.Options{}).Create(b.Context(), "bench", h,
		casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	if err != nil {
		b.Fatal(err)
	}
	note := casestore.MustParseEvent(string(benchEvent))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := (casestore.Options{}).Prepare(c, []casestore.Event{note}); err != nil {
			b.Fatal(err)
		}
	}
}
