package storekit_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sealedSix returns the kit of a deployment key and the rows of a sealed
// case with six events, and the case.
func sealedSix(t testing.TB) (storekit.Kit, storekit.StoredCase, casestore.Case) {
	t.Helper()
	key, err := seal.New(make([]byte, seal.KeySize))
	require.NoError(t, err)
	kit := storekit.Kit{Engine: newEngine(t), Keys: seal.NewKeyring(key)}
	events := []casefsm.Event{event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)}
	for i := range 5 {
		events = append(events, event(fmt.Sprintf(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"note %d"}`, i)))
	}
	c, sc, err := kit.Create("case-1", header(testHeader), events)
	require.NoError(t, err)
	return kit, sc, c
}

func TestSealedRows(t *testing.T) {
	kit, sc, c := sealedSix(t)
	assert.True(t, storekit.Sealed(sc))
	assert.NotContains(t, string(sc.Header), "e-17", "the header is sealed")
	assert.Contains(t, string(sc.Rows[1].Event), `"type":"add_note"`, "an event's type stays in clear")
	assert.NotContains(t, string(sc.Rows[1].Event), "note 0", "an event's writing is sealed")
	got, err := kit.Load(sc, c.Projection)
	require.NoError(t, err)
	assert.Equal(t, c.Events(), got.Events())
	assert.True(t, storekit.VerifyStored(sc).Intact(), "the chain covers the sealed bytes, and needs no key")

	moved := sc
	moved.Rows = slices.Clone(sc.Rows)
	moved.Rows[2].Event, moved.Rows[3].Event = sc.Rows[3].Event, sc.Rows[2].Event
	rechain(&moved)
	_, err = kit.Load(moved, c.Projection)
	var te *casestore.TamperedError
	require.ErrorAs(t, err, &te, "sealed events swapped and rechained")
	assert.Equal(t, casestore.Modified, te.Verification.Problem.Kind)
	assert.Equal(t, int64(3), te.Verification.Problem.Version, "%v", err)
}

// rechain recomputes every unkeyed hash of sc, as a forger would.
func rechain(sc *storekit.StoredCase) {
	sc.Genesis = storekit.Genesis(sc.ID, sc.Header)
	prev := sc.Genesis
	for j := range sc.Rows {
		sc.Rows[j].Prev, sc.Rows[j].Hash = prev, storekit.Chain(prev, int64(j+1), sc.Rows[j].Event)
		prev = sc.Rows[j].Hash
	}
	sc.Head = prev
}

// FuzzLoadSealed: the rows of a sealed case, however corrupt (ciphertext,
// clear facts, the wrapped key, every hash recomputed), never make Load
// panic, and never open as anything but what was sealed.
func FuzzLoadSealed(f *testing.F) {
	f.Add(1, []byte(`{"by":"inquiry_committee","on":"2026-03-04","sealed":"AAAA","type":"add_note"}`), uint8(0), true)
	f.Add(0, []byte(`{"sealed":"`), uint8(3), false)
	kit, stored, c := sealedSix(f)
	f.Fuzz(func(t *testing.T, row int, body []byte, flip uint8, rechained bool) {
		sc := stored
		sc.Rows = slices.Clone(sc.Rows)
		sc.Key = slices.Clone(sc.Key)
		sc.Rows[(row%6+6)%6].Event = body
		sc.Key[int(flip)%len(sc.Key)] ^= flip >> 4
		if rechained {
			rechain(&sc)
		}
		got, err := kit.Load(sc, c.Projection)
		if err != nil {
			return
		}
		assert.Equal(t, c.Events(), got.Events(), "a corrupt sealed case opened as other events")
		v, err := kit.Verify(sc, c.Projection)
		require.NoError(t, err)
		assert.True(t, v.Intact())
	})
}
