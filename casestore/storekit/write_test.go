package storekit_test

import (
	"fmt"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAppendOneByOne: appending a case's events one write at a time, each
// decided on the case as read back from its rows, stores exactly what
// creating the case with all of them at once stores, and each refusal
// names the event's position in the whole case.
func TestAppendOneByOne(t *testing.T) {
	engine := newEngine(t)
	events := []casefsm.Event{
		event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`),
		event(`{"type":"add_note","on":"2026-03-03","by":"inquiry_committee","note":"n"}`),
		event(`{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`),
		event(`{"type":"submit_defence","on":"2026-03-09","by":"accused"}`),
	}
	whole, wholeRows, err := storekit.Kit{Engine: engine}.Create("case-1", header(testHeader), events)
	require.NoError(t, err, "Create with every event")

	c, sc, err := storekit.Kit{Engine: engine}.Create("case-1", header(testHeader), nil)
	require.NoError(t, err, "Create with none")
	for i, ev := range events {
		read, err := storekit.Decode(sc, c.Projection)
		require.NoError(t, err, "Decode after %d events", i)
		var rows []storekit.StoredRow
		c, rows, err = storekit.Kit{Engine: engine}.Append(read, []casefsm.Event{ev})
		require.NoError(t, err, "Append event %d", i+1)
		sc.Rows, sc.Version, sc.Head = append(sc.Rows, rows...), c.Version(), c.Head
	}
	assert.Equal(t, wholeRows, sc, "rows written one by one")
	assert.Equal(t, whole.Projection, c.Projection, "projection after one by one")
	assert.Equal(t, casefsm.DefenceClosed, c.Projection.State, "state")

	unlawful := event(`{"type":"decide","on":"2026-03-10","by":"competent_authority","penalties":["censure"]}`)
	for _, tt := range []struct {
		name   string
		events []casefsm.Event
		index  int
	}{
		{"first", []casefsm.Event{unlawful}, 4},
		{"second", []casefsm.Event{event(`{"type":"add_note","on":"2026-03-10","by":"inquiry_committee","note":"m"}`), unlawful}, 5},
	} {
		_, _, err := storekit.Kit{Engine: engine}.Append(c, tt.events)
		var r *casefsm.Refusal
		require.ErrorAs(t, err, &r, "Append(%s)", tt.name)
		assert.Equal(t, tt.index, r.Index, "Refusal.Index of Append(%s)", tt.name)
		assert.Equal(t, casefsm.NotAllowed, r.Code, "Refusal.Code of Append(%s)", tt.name)
	}
}

// TestDecodeCorrupt: rows a store did not write are corrupt, not a case.
func TestDecodeCorrupt(t *testing.T) {
	good, c := sixEvents(t)
	for _, tt := range []struct {
		name string
		edit func(s *storekit.StoredCase)
	}{
		{"header", func(s *storekit.StoredCase) { s.Header = []byte(`{"policy":7}`) }},
		{"event", func(s *storekit.StoredCase) { s.Rows[2].Event = []byte(`{"type":"teleport"}`) }},
		{"duplicate_key", func(s *storekit.StoredCase) {
			s.Rows[2].Event = []byte(`{"by":"inquiry_committee","note":"a","note":"b","on":"2026-03-04","type":"add_note"}`)
		}},
		{"missing_row", func(s *storekit.StoredCase) { s.Rows = s.Rows[:5] }},
		{"renumbered", func(s *storekit.StoredCase) { s.Rows[3].Version = 9 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := good
			s.Rows = append([]storekit.StoredRow(nil), good.Rows...)
			tt.edit(&s)
			_, err := storekit.Decode(s, c.Projection)
			assert.ErrorIs(t, err, casestore.ErrCorrupt, "Decode after %s", tt.name)
		})
	}
}

func TestEventBodyLimit(t *testing.T) {
	big := event(`{"type":"add_note","on":"2026-03-04","by":"complainant"}`)
	big.Note = string(make([]byte, storekit.MaxEventBytes))
	_, err := storekit.EventBody(big)
	assert.ErrorIs(t, err, casestore.ErrMalformed, "an event over the limit")
}

// BenchmarkAppend measures deciding one note on a filed case holding n
// notes already: reading its rows, replaying them and applying the note.
// "decode" reads the rows with Decode alone, the baseline; "checked" reads
// them with Kit.Load (chain walked, index recomputed and compared) and
// appends with Kit.Append, which replays the case again; "opened" is what
// every store does: Kit.Open checks the rows and Kit.AppendLoaded extends
// the case the check replayed. checked/opened is the second replay's cost;
// "sealed" is "opened" on a sealed case (every event opened, the new one
// sealed): opened/sealed is sealing's share.
func BenchmarkAppend(b *testing.B) {
	engine := newEngine(b)
	kit := storekit.Kit{Engine: engine}
	sealed := sealedKit(b, engine)
	for _, n := range []int{7, 700} {
		events := []casefsm.Event{event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)}
		for i := range n {
			events = append(events, note(i))
		}
		c, sc, err := kit.Create("bench", header(testHeader), events)
		require.NoError(b, err, "Create")
		_, ssc, err := sealed.Create("bench", header(testHeader), events)
		require.NoError(b, err, "Create sealed")
		appendAfter := func(load func() (casestore.Case, error)) func([]casefsm.Event) error {
			return func(evs []casefsm.Event) error {
				got, err := load()
				if err == nil {
					_, _, err = kit.Append(got, evs)
				}
				return err
			}
		}
		for _, path := range []struct {
			name   string
			append func([]casefsm.Event) error
		}{
			{"decode", appendAfter(func() (casestore.Case, error) { return storekit.Decode(sc, c.Projection) })},
			{"checked", appendAfter(func() (casestore.Case, error) { return kit.Load(sc, c.Projection) })},
			{"opened", func(evs []casefsm.Event) error {
				l, err := kit.Open(sc, c.Projection)
				if err == nil {
					_, _, err = kit.AppendLoaded(l, evs)
				}
				return err
			}},
			{"sealed", func(evs []casefsm.Event) error {
				l, err := sealed.Open(ssc, c.Projection)
				if err == nil {
					_, _, err = sealed.AppendLoaded(l, evs)
				}
				return err
			}},
		} {
			b.Run(fmt.Sprintf("notes_%d/%s", n, path.name), func(b *testing.B) {
				b.ReportAllocs()
				i := n
				for b.Loop() {
					if err := path.append([]casefsm.Event{note(i)}); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		}
	}
}

func note(n int) casefsm.Event {
	return event(fmt.Sprintf(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"note %d"}`, n))
}

// The kit's clock: an event dated after the caller's today is refused as
// invalid_event naming the date, on creation and on append; today itself
// is accepted.
func TestKitToday(t *testing.T) {
	kit := storekit.Kit{Engine: newEngine(t), Today: func() civil.Date { return civil.MustParse("2026-03-10") }}
	filed := event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)
	_, _, err := kit.Create("case-1", header(testHeader), []casefsm.Event{event(`{"type":"file_complaint","on":"2026-03-11","by":"complainant"}`)})
	var r *casefsm.Refusal
	require.ErrorAs(t, err, &r)
	assert.Equal(t, casefsm.InvalidEvent, r.Code)
	assert.Contains(t, r.Message, "2026-03-11 is after today (2026-03-10)")

	c, _, err := kit.Create("case-1", header(testHeader), []casefsm.Event{filed})
	require.NoError(t, err)
	_, _, err = kit.Append(c, []casefsm.Event{event(`{"type":"add_note","on":"2062-01-01","by":"accused","note":"x"}`)})
	require.ErrorAs(t, err, &r)
	assert.Equal(t, 1, r.Index)
	assert.Contains(t, r.Message, "on 2062-01-01 is after today")
	_, _, err = kit.Append(c, []casefsm.Event{event(`{"type":"add_note","on":"2026-03-10","by":"accused","note":"x"}`)})
	assert.NoError(t, err, "an event dated today")
}

// BenchmarkLoad measures reading a case of n events: "decode" only turns
// the rows into a case (what Load did before it checked anything), the
// baseline; "checked" is Kit.Load, which also walks the chain, replays the
// events and compares the index; "keyed" does so with an HMAC chain;
// "sealed" does so on a sealed case, opening every event. The cost of
// verify-on-load per event is (checked - decode) / n, and of opening
// sealed events (sealed - checked) / n.
func BenchmarkLoad(b *testing.B) {
	engine := newEngine(b)
	for _, n := range []int{10, 100} {
		events := []casefsm.Event{event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`)}
		for i := range n - 1 {
			events = append(events, note(i))
		}
		for _, tc := range []struct {
			name string
			kit  storekit.Kit
			load func(storekit.Kit, storekit.StoredCase, casestore.Projection) error
		}{
			{"decode", storekit.Kit{Engine: engine}, func(_ storekit.Kit, sc storekit.StoredCase, p casestore.Projection) error {
				_, err := storekit.Decode(sc, p)
				return err
			}},
			{"checked", storekit.Kit{Engine: engine}, func(k storekit.Kit, sc storekit.StoredCase, p casestore.Projection) error {
				_, err := k.Load(sc, p)
				return err
			}},
			{"keyed", storekit.Kit{Engine: engine, Hasher: storekit.NewHasher([]byte("benchmark chain key"))}, func(k storekit.Kit, sc storekit.StoredCase, p casestore.Projection) error {
				_, err := k.Load(sc, p)
				return err
			}},
			{"sealed", sealedKit(b, engine), func(k storekit.Kit, sc storekit.StoredCase, p casestore.Projection) error {
				_, err := k.Load(sc, p)
				return err
			}},
		} {
			c, sc, err := tc.kit.Create("bench", header(testHeader), events)
			require.NoError(b, err, "Create")
			b.Run(fmt.Sprintf("events_%d/%s", n, tc.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := tc.load(tc.kit, sc, c.Projection); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// sealedKit is a kit over engine that seals with a fixed deployment key.
func sealedKit(b *testing.B, engine *casefsm.Engine) storekit.Kit {
	key, err := seal.New(make([]byte, seal.KeySize))
	require.NoError(b, err)
	return storekit.Kit{Engine: engine, Keys: seal.NewKeyring(key)}
}
