package memstore

import (
	"bytes"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/casestore/storetest"
	"github.com/stretchr/testify/require"
)

// Tamper edits the rows of case id in st directly, bypassing the store, as
// storetest's tampering tests ask: the same edits the SQL stores' harness
// makes with SQL, on the rows and index this store keeps in memory.
func Tamper(t *testing.T, st casestore.Store, id string, e storetest.Edit) {
	t.Helper()
	m := st.(*Store)
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.cases[id]
	require.True(t, ok, "tamper: no case %s", id)
	rows := slices.Clone(s.rows.Rows)
	at := func(v int64) *storekit.StoredRow { return &rows[v-1] }
	renumber := func(from int, by int64) {
		for i := from; i < len(rows); i++ {
			rows[i].Version += by
		}
	}
	forged := func() []byte {
		b, err := storekit.EventBody(e.Forged)
		require.NoError(t, err, "the forged event's body")
		return b
	}
	switch e.Kind {
	case storetest.ModifyEvent:
		r := at(e.Version)
		r.Event = bytes.Replace(r.Event, []byte(`"note"`), []byte(`"note":"altered","old"`), 1)
		if e.Version == 1 { // the first event has no note: change its date
			r.Event = bytes.Replace(r.Event, []byte("2026-03-02"), []byte("2026-03-01"), 1)
		}
	case storetest.DeleteEvent:
		rows = slices.Delete(rows, int(e.Version-1), int(e.Version))
		renumber(int(e.Version-1), -1)
		s.rows.Version--
	case storetest.DeleteEventLeaveGap, storetest.DeleteLastEvent:
		rows = slices.Delete(rows, int(e.Version-1), int(e.Version))
	case storetest.InsertEvent:
		b := forged()
		renumber(int(e.Version-1), 1)
		rows = slices.Insert(rows, int(e.Version-1), storekit.StoredRow{Version: e.Version, Event: b, Prev: e.Prev, Hash: storekit.Chain(e.Prev, e.Version, b)})
	case storetest.SwapEvents:
		i := int(e.Version - 1)
		rows[i], rows[i+1] = rows[i+1], rows[i]
		rows[i].Version, rows[i+1].Version = e.Version, e.Version+1
	case storetest.ModifyHeader:
		s.rows.Header = bytes.Replace(s.rows.Header, []byte("2026-02-20"), []byte("2026-02-19"), 1)
	case storetest.RehashEvent:
		r := at(e.Version)
		r.Event = forged()
		r.Hash = storekit.Chain(r.Prev, e.Version, r.Event)
	case storetest.TruncateRollback:
		rows = rows[:e.Version]
		s.rows.Version, s.rows.Head, s.p = e.Version, e.At.Head, e.At.Projection
	case storetest.DeleteCase:
		delete(m.cases, id)
		return
	case storetest.ModifyState:
		closed, err := casestore.ParseState("closed")
		require.NoError(t, err)
		s.p.State = closed
	case storetest.ModifyDeadlineIndex:
		s.p.Deadlines = nil
	case storetest.ModifyEventIndex:
		// This store keeps no columns beside an event's body; a row that
		// carries them is checked against the body all the same.
		r := at(e.Version)
		ev, err := casefsm.DecodeEvent(r.Event, 0)
		require.NoError(t, err)
		r.Index = []string{ev.Type.String(), ev.On.String(), casefsm.Complainant.String()}
	default:
		t.Fatalf("tamper: unknown edit %v", e.Kind)
	}
	s.rows.Rows = rows
}
