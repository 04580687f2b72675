package compliance

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
)

// step is one event of a synthetic history, dated by its offset in days
// from the first.
type step struct {
	day  int
	json string // the event without "on", as %s-formatted JSON body
}

// histories are lawful case histories of invented cases: every prefix of
// one is lawful too, so a generator cuts them anywhere.
var histories = [][]step{
	// The committee route to closure, with an appeal.
	{{0, `"type":"file_complaint","by":"complainant","received_on":"%[1]s"`},
		{3, `"type":"communicate_charges","by":"inquiry_committee"`},
		{9, `"type":"submit_defence","by":"accused"`},
		{11, `"type":"start_inquiry","by":"inquiry_committee"`},
		{40, `"type":"submit_findings","by":"inquiry_committee","received_on":"%[1]s","finding":"guilty","penalties":["censure"]`},
		{44, `"type":"decide","by":"competent_authority","penalties":["censure"]`},
		{45, `"type":"communicate_decision","by":"competent_authority"`},
		{72, `"type":"file_appeal","by":"accused"`},
		{97, `"type":"decide_appeal","by":"ombudsperson","finding":"guilty","penalties":["censure"]`},
		{145, `"type":"finalise","by":"competent_authority"`},
		{155, `"type":"record_implementation","by":"competent_authority"`}},
	// Not guilty; the charges late (a breach), a retaliation report.
	{{0, `"type":"file_complaint","by":"complainant","received_on":"%[1]s"`},
		{6, `"type":"communicate_charges","by":"inquiry_committee"`},
		{8, `"type":"report_retaliation","by":"complainant","note":"synthetic"`},
		{12, `"type":"submit_defence","by":"accused"`},
		{14, `"type":"start_inquiry","by":"inquiry_committee"`},
		{50, `"type":"submit_findings","by":"inquiry_committee","received_on":"%[1]s","finding":"not_guilty"`},
		{53, `"type":"decide","by":"competent_authority"`}},
	// Withdrawn.
	{{0, `"type":"file_complaint","by":"complainant","received_on":"%[1]s"`},
		{2, `"type":"request_withdrawal","by":"complainant"`},
		{4, `"type":"accept_withdrawal","by":"inquiry_committee"`}},
	// Informal, resolved.
	{{0, `"type":"report_informally","by":"complainant"`},
		{5, `"type":"resolve_informally","by":"supervisor"`}},
	// Directly to the Ombudsperson.
	{{0, `"type":"file_with_ombudsperson","by":"complainant","received_on":"%[1]s"`},
		{3, `"type":"issue_show_cause","by":"ombudsperson"`},
		{7, `"type":"submit_defence","by":"accused"`},
		{60, `"type":"decide_complaint","by":"ombudsperson","penalties":["removal"]`}},
}

var relationships = []string{"employee", "employee", "employee", "student", "intern", "former_employee", "domestic_worker"}

// synthetic returns a case of a random store: history h, or when h is nil
// one of histories cut at a random point, starting on a random day between
// from and from+span days, with a complainant of relationship rel (random
// when empty).
func synthetic(r *rand.Rand, from civil.Date, span int, h []step, rel string) (casefsm.Header, []casefsm.Event) {
	if h == nil {
		h = histories[r.IntN(len(histories))]
		h = h[:1+r.IntN(len(h))]
	}
	start := from.AddDays(r.IntN(span))
	if rel == "" {
		rel = relationships[r.IntN(len(relationships))]
	}
	header := mustDecode(casefsm.DecodeHeader(fmt.Appendf(nil, `{"policy":"pk-federal-2022","jurisdiction":"federal","calendar":"pk-federal","incident_on":"%s","parties":{"complainant":{"relationship":"%s","id":"c"},"accused":{"relationship":"employee","id":"a"}}}`,
		start.AddDays(-3), rel)))
	events := make([]casefsm.Event, len(h))
	for i, s := range h {
		on := start.AddDays(s.day).String()
		body := s.json
		if strings.Contains(body, "%[1]s") {
			body = fmt.Sprintf(body, on)
		}
		events[i] = mustDecode(casefsm.DecodeEvent([]byte(`{"on":"`+on+`",`+body+`}`), i))
	}
	return header, events
}

// fill stores n synthetic cases in s.
func fill(tb testing.TB, s casestore.Store, r *rand.Rand, n int, from civil.Date, span int) {
	tb.Helper()
	for i := range n {
		h, events := synthetic(r, from, span, nil, "")
		if _, err := s.Create(context.Background(), fmt.Sprintf("case-%06d", i), h, events...); err != nil {
			tb.Fatalf("case %d: %v", i, err)
		}
	}
}

// mustDecode returns v, panicking on err: the histories above are literals
// of the tests.
func mustDecode[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// newMemory returns an empty memory store deciding with the built-in
// policies.
func newMemory(tb testing.TB) casestore.Store {
	tb.Helper()
	s, err := memstore.New(casestore.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
