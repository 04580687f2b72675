package storekit_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testHeader = `{"policy":"pk-federal-2022","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"},"witnesses":[{"id":"e-51"}]}}`

// sixEvents returns the rows of a case with six events, and the case.
func sixEvents(t *testing.T) (storekit.StoredCase, casestore.Case) {
	t.Helper()
	events := []casefsm.Event{event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)}
	for i := range 5 {
		events = append(events, event(fmt.Sprintf(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"note %d"}`, i)))
	}
	c, sc, err := storekit.Create(newEngine(t), "case-1", header(testHeader), events)
	require.NoError(t, err, "Create(case-1)")
	return sc, c
}

func TestVerifyStored(t *testing.T) {
	stored, _ := sixEvents(t)
	forged := []byte(`{"by":"inquiry_committee","note":"forged","on":"2026-03-04","type":"add_note"}`)
	renumber := func(rows []storekit.StoredRow) []storekit.StoredRow {
		for i := range rows {
			rows[i].Version = int64(i + 1)
		}
		return rows
	}
	tests := []struct {
		name    string
		edit    func(s *storekit.StoredCase)
		kind    casestore.TamperKind
		version int64
	}{
		{"intact", func(s *storekit.StoredCase) {}, casestore.Intact, 0},
		{"modified_body", func(s *storekit.StoredCase) { s.Rows[2].Event = []byte(`{"type":"add_note"}`) }, casestore.Modified, 3},
		{"modified_hash", func(s *storekit.StoredCase) { s.Rows[4].Hash[0] ^= 1 }, casestore.Modified, 5},
		{"modified_version", func(s *storekit.StoredCase) { s.Rows[5].Version = 9 }, casestore.Modified, 6},
		{"deleted_renumbered", func(s *storekit.StoredCase) { s.Rows = renumber(slices.Delete(s.Rows, 2, 3)); s.Version-- }, casestore.Deleted, 3},
		{"deleted_gap", func(s *storekit.StoredCase) { s.Rows = slices.Delete(s.Rows, 3, 4) }, casestore.Deleted, 4},
		{"deleted_first", func(s *storekit.StoredCase) { s.Rows = renumber(s.Rows[1:]); s.Version-- }, casestore.Deleted, 1},
		{"deleted_last", func(s *storekit.StoredCase) { s.Rows = s.Rows[:5] }, casestore.Deleted, 6},
		{"inserted_chained", func(s *storekit.StoredCase) {
			prev := s.Rows[2].Hash
			row := storekit.StoredRow{Event: forged, Prev: prev, Hash: storekit.Chain(prev, forged)}
			s.Rows = renumber(slices.Insert(s.Rows, 3, row))
		}, casestore.Inserted, 4},
		{"inserted_unchained", func(s *storekit.StoredCase) {
			row := storekit.StoredRow{Event: forged}
			s.Rows = renumber(slices.Insert(s.Rows, 3, row))
		}, casestore.Inserted, 4},
		{"inserted_at_end", func(s *storekit.StoredCase) {
			prev := s.Rows[5].Hash
			s.Rows = append(s.Rows, storekit.StoredRow{Version: 7, Event: forged, Prev: prev, Hash: storekit.Chain(prev, forged)})
		}, casestore.Inserted, 7},
		{"swapped_rows", func(s *storekit.StoredCase) { s.Rows[2], s.Rows[3] = s.Rows[3], s.Rows[2]; renumber(s.Rows) }, casestore.Reordered, 3},
		{"swapped_bodies", func(s *storekit.StoredCase) { s.Rows[2].Event, s.Rows[3].Event = s.Rows[3].Event, s.Rows[2].Event }, casestore.Reordered, 3},
		{"moved_to_front", func(s *storekit.StoredCase) {
			last := s.Rows[5]
			s.Rows = renumber(slices.Insert(s.Rows[:5], 1, last))
		}, casestore.Reordered, 2},
		{"header", func(s *storekit.StoredCase) { s.Header = []byte(`{"policy":"pk-federal-2010"}`) }, casestore.CaseModified, 0},
		{"head", func(s *storekit.StoredCase) { s.Head[31] ^= 1 }, casestore.CaseModified, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := stored
			s.Rows = slices.Clone(s.Rows)
			tt.edit(&s)
			v := storekit.VerifyStored(s)
			assert.Equal(t, tt.kind, v.Problem.Kind, "VerifyStored after %s: %v", tt.name, v)
			assert.Equal(t, tt.version, v.Problem.Version, "VerifyStored after %s: %v", tt.name, v)
			assert.Equal(t, tt.kind == casestore.Intact, v.Intact(), "Intact() after %s", tt.name)
		})
	}
}

func TestVerificationString(t *testing.T) {
	s, c := sixEvents(t)
	v := storekit.VerifyStored(s)
	assert.Equal(t, fmt.Sprintf("case case-1 intact at version 6 (head %s)", c.Head), v.String(), "String of an intact case")
	s.Rows = s.Rows[:5]
	assert.Equal(t, "case case-1 tampered: event 6 deleted: the case records 6 events but only 5 are stored", storekit.VerifyStored(s).String(), "String of a truncated case")
}

// FuzzVerifyStored checks that no stored rows, however corrupt, make
// VerifyStored panic, and that any change to an intact case's event bytes
// is reported.
func FuzzVerifyStored(f *testing.F) {
	f.Add(2, []byte(`{"type":"x"}`), uint8(0))
	f.Fuzz(func(t *testing.T, row int, body []byte, flip uint8) {
		s, _ := sixEvents(t)
		s.Rows = slices.Clone(s.Rows)
		i := (row%6 + 6) % 6
		changed := string(body) != string(s.Rows[i].Event)
		s.Rows[i].Event = body
		s.Rows[(i+1)%6].Prev[flip%32] ^= flip
		v := storekit.VerifyStored(s)
		if changed || flip != 0 {
			assert.False(t, v.Intact(), "a changed row %d verified intact", i+1)
		}
	})
}

func newEngine(t testing.TB) *casefsm.Engine {
	t.Helper()
	e, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	require.NoError(t, err, "casefsm.NewEngine")
	return e
}

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
