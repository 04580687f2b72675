package casestore_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testHeader = `{"policy":"pk-federal-2022","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"},"witnesses":[{"id":"e-51"}]}}`

// sixEvents returns a stored case with six events.
func sixEvents(t *testing.T) casestore.Case {
	t.Helper()
	events := []casestore.Event{casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)}
	for i := range 5 {
		events = append(events, casestore.MustParseEvent(fmt.Sprintf(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"note %d"}`, i)))
	}
	c, err := casestore.NewMemory(casestore.Options{}).Create(context.Background(), "case-1", casestore.MustParseHeader(testHeader), events...)
	require.NoError(t, err, "Create(case-1)")
	return c
}

func TestVerifyStored(t *testing.T) {
	c := sixEvents(t)
	forged := casestore.MustParseEvent(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"forged"}`)
	renumber := func(rows []casestore.StoredRow) []casestore.StoredRow {
		for i := range rows {
			rows[i].Version = int64(i + 1)
		}
		return rows
	}
	tests := []struct {
		name    string
		edit    func(s *casestore.StoredCase)
		kind    casestore.TamperKind
		version int64
	}{
		{"intact", func(s *casestore.StoredCase) {}, casestore.Intact, 0},
		{"modified_body", func(s *casestore.StoredCase) { s.Rows[2].Event = []byte(`{"type":"add_note"}`) }, casestore.Modified, 3},
		{"modified_hash", func(s *casestore.StoredCase) { s.Rows[4].Hash[0] ^= 1 }, casestore.Modified, 5},
		{"modified_version", func(s *casestore.StoredCase) { s.Rows[5].Version = 9 }, casestore.Modified, 6},
		{"deleted_renumbered", func(s *casestore.StoredCase) { s.Rows = renumber(slices.Delete(s.Rows, 2, 3)); s.Version-- }, casestore.Deleted, 3},
		{"deleted_gap", func(s *casestore.StoredCase) { s.Rows = slices.Delete(s.Rows, 3, 4) }, casestore.Deleted, 4},
		{"deleted_first", func(s *casestore.StoredCase) { s.Rows = renumber(s.Rows[1:]); s.Version-- }, casestore.Deleted, 1},
		{"deleted_last", func(s *casestore.StoredCase) { s.Rows = s.Rows[:5] }, casestore.Deleted, 6},
		{"inserted_chained", func(s *casestore.StoredCase) {
			prev := s.Rows[2].Hash
			row := casestore.StoredRow{Event: forged.JSON(), Prev: prev, Hash: casestore.Chain(prev, forged)}
			s.Rows = renumber(slices.Insert(s.Rows, 3, row))
		}, casestore.Inserted, 4},
		{"inserted_unchained", func(s *casestore.StoredCase) {
			row := casestore.StoredRow{Event: forged.JSON()}
			s.Rows = renumber(slices.Insert(s.Rows, 3, row))
		}, casestore.Inserted, 4},
		{"inserted_at_end", func(s *casestore.StoredCase) {
			prev := s.Rows[5].Hash
			s.Rows = append(s.Rows, casestore.StoredRow{Version: 7, Event: forged.JSON(), Prev: prev, Hash: casestore.Chain(prev, forged)})
		}, casestore.Inserted, 7},
		{"swapped_rows", func(s *casestore.StoredCase) { s.Rows[2], s.Rows[3] = s.Rows[3], s.Rows[2]; renumber(s.Rows) }, casestore.Reordered, 3},
		{"swapped_bodies", func(s *casestore.StoredCase) { s.Rows[2].Event, s.Rows[3].Event = s.Rows[3].Event, s.Rows[2].Event }, casestore.Reordered, 3},
		{"moved_to_front", func(s *casestore.StoredCase) {
			last := s.Rows[5]
			s.Rows = renumber(slices.Insert(s.Rows[:5], 1, last))
		}, casestore.Reordered, 2},
		{"header", func(s *casestore.StoredCase) { s.Header = []byte(`{"policy":"pk-federal-2010"}`) }, casestore.CaseModified, 0},
		{"head", func(s *casestore.StoredCase) { s.Head[31] ^= 1 }, casestore.CaseModified, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := casestore.Stored(c)
			s.Rows = slices.Clone(s.Rows)
			tt.edit(&s)
			v := casestore.VerifyStored(s)
			assert.Equal(t, tt.kind, v.Problem.Kind, "VerifyStored after %s: %v", tt.name, v)
			assert.Equal(t, tt.version, v.Problem.Version, "VerifyStored after %s: %v", tt.name, v)
			assert.Equal(t, tt.kind == casestore.Intact, v.Intact(), "Intact() after %s", tt.name)
		})
	}
}

func TestVerificationString(t *testing.T) {
	c := sixEvents(t)
	v := casestore.VerifyStored(casestore.Stored(c))
	assert.Equal(t, fmt.Sprintf("case case-1 intact at version 6 (head %s)", c.Head), v.String(), "String of an intact case")
	s := casestore.Stored(c)
	s.Rows = s.Rows[:5]
	assert.Equal(t, "case case-1 tampered: event 6 deleted: the case records 6 events but only 5 are stored", casestore.VerifyStored(s).String(), "String of a truncated case")
}

func TestTamperKindText(t *testing.T) {
	for k := casestore.Intact; k <= casestore.CaseModified; k++ {
		b, err := k.MarshalText()
		require.NoError(t, err, "MarshalText(%d)", k)
		var back casestore.TamperKind
		require.NoError(t, back.UnmarshalText(b), "UnmarshalText(%s)", b)
		assert.Equal(t, k, back, "round trip of %s", b)
	}
	assert.Equal(t, "%!TamperKind(99)", casestore.TamperKind(99).String(), "String out of range")
	_, err := casestore.TamperKind(99).MarshalText()
	assert.Error(t, err, "MarshalText out of range")
	assert.ErrorIs(t, new(casestore.TamperKind).UnmarshalText([]byte("scrambled")), casestore.ErrMalformed, "UnmarshalText(scrambled)")
}

// FuzzVerifyStored checks that no stored rows, however corrupt, make
// VerifyStored panic, and that any change to an intact case's event bytes
// is reported.
func FuzzVerifyStored(f *testing.F) {
	f.Add(2, []byte(`{"type":"x"}`), uint8(0))
	f.Fuzz(func(t *testing.T, row int, body []byte, flip uint8) {
		c := sixEvents(t)
		s := casestore.Stored(c)
		i := (row%6 + 6) % 6
		changed := string(body) != string(s.Rows[i].Event)
		s.Rows[i].Event = body
		s.Rows[(i+1)%6].Prev[flip%32] ^= flip
		v := casestore.VerifyStored(s)
		if changed || flip != 0 {
			assert.False(t, v.Intact(), "a changed row %d verified intact", i+1)
		}
	})
}
