package storekit_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/casestore/storetest"
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
	c, sc, err := storekit.Kit{Engine: newEngine(t)}.Create("case-1", header(testHeader), events)
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
			row := storekit.StoredRow{Event: forged, Prev: prev, Hash: storekit.Chain(prev, 4, forged)}
			s.Rows = renumber(slices.Insert(s.Rows, 3, row))
		}, casestore.Inserted, 4},
		{"inserted_unchained", func(s *storekit.StoredCase) {
			row := storekit.StoredRow{Event: forged}
			s.Rows = renumber(slices.Insert(s.Rows, 3, row))
		}, casestore.Inserted, 4},
		{"inserted_at_end", func(s *storekit.StoredCase) {
			prev := s.Rows[5].Hash
			s.Rows = append(s.Rows, storekit.StoredRow{Version: 7, Event: forged, Prev: prev, Hash: storekit.Chain(prev, 7, forged)})
		}, casestore.Inserted, 7},
		{"swapped_rows", func(s *storekit.StoredCase) { s.Rows[2], s.Rows[3] = s.Rows[3], s.Rows[2]; renumber(s.Rows) }, casestore.Reordered, 3},
		{"swapped_bodies", func(s *storekit.StoredCase) { s.Rows[2].Event, s.Rows[3].Event = s.Rows[3].Event, s.Rows[2].Event }, casestore.Reordered, 3},
		{"moved_to_front", func(s *storekit.StoredCase) {
			last := s.Rows[5]
			s.Rows = renumber(slices.Insert(s.Rows[:5], 1, last))
		}, casestore.Reordered, 2},
		{"rehashed", func(s *storekit.StoredCase) { rehash(s, 3, forged) }, casestore.Modified, 3},
		{"rehashed_first", func(s *storekit.StoredCase) { rehash(s, 1, forged) }, casestore.Modified, 1},
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

// rehash replaces the body of event v and recomputes its hash, as someone
// who can write to the database but holds no chain key could, leaving the
// later rows alone.
func rehash(s *storekit.StoredCase, v int64, body []byte) {
	r := &s.Rows[v-1]
	r.Event, r.Hash = body, storekit.Chain(r.Prev, v, body)
}

// A keyed chain cannot be rewritten without the key: the rehashed event
// itself fails, and an unkeyed check (or one with another key) fails the
// whole chain from its genesis.
func TestKeyedChain(t *testing.T) {
	key := []byte("deployment chain key, 32 bytes..")
	kit := storekit.Kit{Engine: newEngine(t), Hasher: storekit.NewHasher(key)}
	c, sc, err := kit.Create("case-1", header(testHeader), []casefsm.Event{
		event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`),
		event(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"a"}`),
		event(`{"type":"add_note","on":"2026-03-05","by":"inquiry_committee","note":"b"}`),
	})
	require.NoError(t, err)
	assert.True(t, kit.Hasher.VerifyStored(sc).Intact())
	assert.NotEqual(t, storekit.Genesis("case-1", sc.Header), sc.Genesis, "a keyed genesis is not the unkeyed one")
	v := storekit.VerifyStored(sc)
	assert.Equal(t, casestore.CaseModified, v.Problem.Kind, "an unkeyed check of a keyed chain: %v", v)

	forged := []byte(`{"by":"inquiry_committee","note":"forged","on":"2026-03-04","type":"add_note"}`)
	sc.Rows = slices.Clone(sc.Rows)
	rehash(&sc, 2, forged)
	v = kit.Hasher.VerifyStored(sc)
	assert.Equal(t, casestore.Modified, v.Problem.Kind, "%v", v)
	assert.Equal(t, int64(2), v.Problem.Version, "%v", v)
	assert.Contains(t, v.Problem.Detail, "does not match its hash")
	_, err = kit.Load(sc, c.Projection)
	var te *casestore.TamperedError
	require.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, casestore.ErrCorrupt)
}

// Load refuses a case whose chain or index was altered, naming what.
func TestLoadChecks(t *testing.T) {
	kit := storekit.Kit{Engine: newEngine(t)}
	c, sc, err := kit.Create("case-1", header(testHeader), []casefsm.Event{
		event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`),
		event(`{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`),
	})
	require.NoError(t, err)
	for i := range sc.Rows {
		ev := c.Records[i].Event
		sc.Rows[i].Index = []string{ev.Type.String(), ev.On.String(), ev.By.String()}
	}
	sc.Due = []string{}
	for _, d := range c.Projection.Deadlines {
		sc.Due = append(sc.Due, storekit.DueKey(d))
	}
	got, err := kit.Load(sc, c.Projection)
	require.NoError(t, err, "Load(intact)")
	assert.Equal(t, c.Projection, got.Projection)
	require.NotEmpty(t, c.Projection.Deadlines, "the test needs an open deadline")

	for _, tc := range []struct {
		name    string
		edit    func(sc *storekit.StoredCase, p *casestore.Projection)
		kind    casestore.TamperKind
		version int64
		detail  string
	}{
		{"state", func(_ *storekit.StoredCase, p *casestore.Projection) { p.State = casefsm.Closed }, casestore.IndexModified, 0, "the stored state is closed"},
		{"policy", func(_ *storekit.StoredCase, p *casestore.Projection) { p.Policy = "pk-federal-2010" }, casestore.IndexModified, 0, "the stored policy"},
		{"deadlines", func(_ *storekit.StoredCase, p *casestore.Projection) { p.Deadlines = nil }, casestore.IndexModified, 0, "open deadlines"},
		{"deadline index", func(sc *storekit.StoredCase, _ *casestore.Projection) { sc.Due = []string{} }, casestore.IndexModified, 0, "the deadline index"},
		{"event type column", func(sc *storekit.StoredCase, _ *casestore.Projection) {
			sc.Rows[1].Index = []string{"add_note", "2026-03-04", "inquiry_committee"}
		}, casestore.IndexModified, 2, "index columns"},
		{"event date column", func(sc *storekit.StoredCase, _ *casestore.Projection) {
			sc.Rows[0].Index = []string{"file_complaint", "2026-03-01", "complainant"}
		}, casestore.IndexModified, 1, "index columns"},
		{"chain", func(sc *storekit.StoredCase, _ *casestore.Projection) { sc.Rows[0].Event = []byte(`{}`) }, casestore.Modified, 1, "does not match its hash"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, p := sc, c.Projection
			s.Rows = slices.Clone(sc.Rows)
			tc.edit(&s, &p)
			_, err := kit.Load(s, p)
			var te *casestore.TamperedError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.kind, te.Verification.Problem.Kind, "%v", err)
			assert.Equal(t, tc.version, te.Verification.Problem.Version, "%v", err)
			assert.Contains(t, te.Verification.Problem.Detail, tc.detail)
			v, err := kit.Verify(s, p)
			require.NoError(t, err)
			assert.Equal(t, te.Verification, v, "Verify and Load disagree")
		})
	}
}

// FuzzLoad: stored rows, however corrupt, never make Load panic; it
// returns a case only when every row verifies, and then the case's events
// are the stored ones.
func FuzzLoad(f *testing.F) {
	f.Add(1, []byte(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"x"}`), []byte(`{"policy":"pk-federal-2022"}`), false)
	f.Add(0, []byte(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`), []byte(testHeader), true)
	f.Fuzz(func(t *testing.T, row int, body, hdr []byte, rechain bool) {
		sc, c := sixEvents(t)
		sc.Rows = slices.Clone(sc.Rows)
		if rechain {
			// A forger with every hash recomputed: only the decoding
			// and the law's replay stand between the rows and a case.
			sc.Header, sc.Genesis = hdr, storekit.Genesis("case-1", hdr)
			i := (row%6 + 6) % 6
			sc.Rows[i].Event = body
			prev := sc.Genesis
			for j := range sc.Rows {
				sc.Rows[j].Prev, sc.Rows[j].Hash = prev, storekit.Chain(prev, int64(j+1), sc.Rows[j].Event)
				prev = sc.Rows[j].Hash
			}
			sc.Head = prev
		} else {
			sc.Rows[(row%6+6)%6].Event = body
		}
		got, err := storekit.Kit{Engine: newEngine(t)}.Load(sc, c.Projection)
		if err != nil {
			return
		}
		require.Len(t, got.Records, 6)
		for i, r := range got.Records {
			b, err := storekit.EventBody(r.Event)
			require.NoError(t, err)
			if !rechain {
				assert.Equal(t, string(sc.Rows[i].Event), string(b), "event %d", i+1)
			}
		}
	})
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

// event and header decode the tests' literals.
var (
	event  = storetest.MustEvent
	header = storetest.MustHeader
)
