package sqlstore_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/require"
)

// benchCases is how many cases the benchmarks store before measuring. The
// setup runs only under -bench, never in a plain go test.
const benchCases = 100_000

// benchHeader is the synthetic header of every benchmark case.
var benchHeader = header(`{"policy":"pk-federal-2022","calendar":"pk-federal","incident_on":"2025-12-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-1"},"accused":{"relationship":"employee","id":"e-2"}}}`)

// firstFiling is the filing date of case 0; case i is filed i%365 days
// later, so deadlines spread over 2026.
var firstFiling = civil.MustParse("2026-01-01")

func BenchmarkSQLite(b *testing.B) {
	s, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "bench.db"), false, casestore.Options{})
	require.NoError(b, err, "OpenSQLite")
	defer s.Close()
	runBenchmarks(b, s)
}

func BenchmarkPostgres(b *testing.B) {
	base := postgresDSN(b)
	s, err := sqlstore.OpenPostgres(context.Background(), newSchema(b, base), casestore.Options{})
	require.NoError(b, err, "OpenPostgres")
	defer s.Close()
	runBenchmarks(b, s)
}

// runState is what the append benchmarks keep across the runs -count
// makes of each of them, which share one store: the version each case is
// at, and the number of the next note (and of the baseline's next row).
type runState struct {
	versions map[string]int64
	next     int
}

// version returns the version case id is at: 1 (filed) until appended to.
func (r *runState) version(id string) int64 {
	if v, ok := r.versions[id]; ok {
		return v
	}
	return 1
}

func runBenchmarks(b *testing.B, s *sqlstore.Store) {
	ctx := context.Background()
	fill(b, s)
	st := &runState{versions: map[string]int64{}}
	// Deadlines of cases filed in early January are overdue in mid-January:
	// about 2.5% of the cases, the size of a real dashboard.
	at := civil.MustParse("2026-01-15")
	b.Run("list_overdue", func(b *testing.B) {
		benchList(b, s, casestore.Filter{Overdue: true, At: at})
	})
	b.Run("list_due_within_7", func(b *testing.B) {
		benchList(b, s, casestore.Filter{DueWithin: 7, At: at})
	})
	b.Run("list_overdue_late_in_year_page_100", func(b *testing.B) {
		// Nearly every case is overdue: one page of a long list.
		benchList(b, s, casestore.Filter{Overdue: true, At: civil.MustParse("2026-12-31"), Limit: 100})
	})
	b.Run("list_by_state_page_100", func(b *testing.B) {
		benchList(b, s, casestore.Filter{State: casefsm.ComplaintReceived, Limit: 100})
	})
	b.Run("baseline_index_by_state_page_100", func(b *testing.B) {
		// list_by_state_page_100's index query alone, with no check of
		// each case against its record: what List cost before it checked.
		benchIndexQuery(b, s, rebind(s, `SELECT id, version, policy, state, deadlines FROM hifazat_cases WHERE state = ? ORDER BY id LIMIT 100`), casefsm.ComplaintReceived.String())
	})

	// Appends and their baseline write the same rows: an add_note event
	// with its hash chain columns, one per transaction. Each note is a new
	// one, built and parsed in the loop by both, so that the validator
	// decodes every appended event as it would in production.
	b.Run("append", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			id := benchID(st.next % 1000)
			v := st.version(id)
			c, err := s.Append(ctx, id, v, benchNote(st.next))
			if err != nil {
				b.Fatalf("Append(%s, %d): %v", id, v, err)
			}
			st.versions[id] = c.Version()
			st.next++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("load_and_append", func(b *testing.B) {
		// A reader's whole cycle, as "hifazat case apply" runs it: read the
		// case, then append at the version read. The cases are others than
		// append's.
		b.ReportAllocs()
		for b.Loop() {
			id := benchID(1000 + st.next%1000)
			c, err := s.Load(ctx, id)
			if err != nil {
				b.Fatalf("Load(%s): %v", id, err)
			}
			if _, err := s.Append(ctx, id, c.Version(), benchNote(st.next)); err != nil {
				b.Fatalf("Append(%s, %d): %v", id, c.Version(), err)
			}
			st.next++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("baseline_insert", func(b *testing.B) {
		// The same rows, bare: one INSERT per transaction into the same
		// table, with no validation, no version check and no case update.
		// Versions start far above the cases' own, so nothing collides.
		b.ReportAllocs()
		insert := rebind(s, `INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		var prev casestore.Hash
		for b.Loop() {
			prev = bareInsert(b, s, insert, benchID(st.next%1000), int64(1_000_000+st.next), benchNote(st.next), prev)
			st.next++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("paired", func(b *testing.B) { benchPaired(b, s, st) })
	for _, n := range []int{10, 10_000} {
		b.Run(fmt.Sprintf("append_to_%d_events", n), func(b *testing.B) { benchAppendTo(b, s, n) })
	}
}

// benchAppendTo measures appending one note to a case already holding n
// events (the filing and n-1 notes), each append in its own transaction
// as a caller makes it: the store reads and replays the case, decides the
// note and writes it. The case grows by b.N events, small beside 10,000.
func benchAppendTo(b *testing.B, s *sqlstore.Store, n int) {
	ctx := context.Background()
	id := fmt.Sprintf("long-%d", n)
	events := []casefsm.Event{{Type: casefsm.FileComplaint, On: firstFiling, By: casefsm.Complainant}}
	for i := range n - 1 {
		events = append(events, benchNote(i))
	}
	c, err := s.Create(ctx, id, benchHeader, events...)
	if errors.Is(err, casestore.ErrExists) { // an earlier run of -count made it
		c, err = s.Load(ctx, id)
	}
	if err != nil {
		b.Fatalf("Create(%s, %d events): %v", id, n, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if c, err = s.Append(ctx, id, c.Version(), benchNote(int(c.Version()))); err != nil {
			b.Fatalf("Append(%s, %d): %v", id, c.Version(), err)
		}
	}
}

// benchPaired alternates one append and one bare insert of the same row,
// timing each, so that both meet the same load on the machine: the ratio
// it reports (the append's throughput as a share of the baseline's) is
// steadier than that of two benchmarks run one after the other.
func benchPaired(b *testing.B, s *sqlstore.Store, st *runState) {
	ctx := context.Background()
	insert := rebind(s, `INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	var prev casestore.Hash
	var appending, inserting time.Duration
	b.ReportAllocs()
	for b.Loop() {
		i := st.next
		id := benchID(2000 + i%1000) // cases the other append benchmarks leave alone
		v := st.version(id)
		start := time.Now()
		c, err := s.Append(ctx, id, v, benchNote(i))
		if err != nil {
			b.Fatalf("Append(%s, %d): %v", id, v, err)
		}
		appended := time.Now()
		appending += appended.Sub(start)
		st.versions[id] = c.Version()

		prev = bareInsert(b, s, insert, id, int64(2_000_000+i), benchNote(i), prev)
		inserting += time.Since(appended)
		st.next++
	}
	b.ReportMetric(float64(appending.Nanoseconds())/float64(b.N), "append-ns/op")
	b.ReportMetric(float64(inserting.Nanoseconds())/float64(b.N), "baseline-ns/op")
	b.ReportMetric(100*inserting.Seconds()/appending.Seconds(), "%-of-baseline")
}

func benchList(b *testing.B, s *sqlstore.Store, f casestore.Filter) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		got, err := s.List(context.Background(), f)
		if err != nil {
			b.Fatalf("List(%+v): %v", f, err)
		}
		n = len(got)
	}
	b.ReportMetric(float64(n), "cases")
}

// benchIndexQuery runs q, an index query of List, reading its rows.
func benchIndexQuery(b *testing.B, s *sqlstore.Store, q string, args ...any) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		rows, err := s.DB().Query(q, args...)
		if err != nil {
			b.Fatalf("%s: %v", q, err)
		}
		n = 0
		for rows.Next() {
			var id, policy, state, deadlines string
			var version int64
			if err := rows.Scan(&id, &version, &policy, &state, &deadlines); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
	}
	b.ReportMetric(float64(n), "cases")
}

func benchID(i int) string { return fmt.Sprintf("bench-%06d", i) }

// benchNote returns the i-th note the append benchmarks write.
func benchNote(i int) casefsm.Event {
	return casefsm.Event{Type: casefsm.AddNote, On: civil.MustParse("2026-12-31"), By: casefsm.InquiryCommittee, Note: fmt.Sprintf("benchmark note %d", i)}
}

// bareInsert is the baseline of an append: the row of note, chained to
// prev, inserted alone in its own transaction, its bytes made as a store
// makes them. It returns the row's hash.
func bareInsert(b *testing.B, s *sqlstore.Store, insert, id string, version int64, note casefsm.Event, prev casestore.Hash) casestore.Hash {
	body, err := storekit.EventBody(note)
	if err != nil {
		b.Fatalf("baseline body: %v", err)
	}
	h := storekit.Chain(prev, version, body)
	if _, err := s.DB().Exec(insert, id, version, note.Type.String(), note.On.String(), note.By.String(), string(body), prev.String(), h.String()); err != nil {
		b.Fatalf("baseline insert: %v", err)
	}
	return h
}

// fill stores benchCases filed cases, validated by casefsm like any other,
// but written in large transactions: the fixture is not what is measured.
func fill(b *testing.B, s *sqlstore.Store) {
	b.Helper()
	db := s.DB()
	tx, err := db.Begin()
	require.NoError(b, err, "begin the fixture")
	defer tx.Rollback()
	insertCase := rebind(s, `INSERT INTO hifazat_cases (id, header, genesis, version, head, policy, state, deadlines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	insertEvent := rebind(s, `INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	insertDeadline := rebind(s, `INSERT INTO hifazat_deadlines (case_id, rule, due) VALUES (?, ?, ?)`)
	opts, err := casestore.Options{}.WithDefaults() // one casefsm engine for the whole fixture
	require.NoError(b, err, "the built-in engine")
	for i := range benchCases {
		id := benchID(i)
		e := casefsm.Event{Type: casefsm.FileComplaint, On: firstFiling.AddDays(i % 365), By: casefsm.Complainant}
		c, sc, err := storekit.Kit{Engine: opts.Engine}.Create(id, benchHeader, []casefsm.Event{e})
		require.NoError(b, err, "storekit.Create(%s)", id)
		p, r := c.Projection, sc.Rows[0]
		deadlines, err := json.Marshal(p.Deadlines)
		require.NoError(b, err, "deadlines of %s", id)
		exec(b, tx, insertCase, id, string(sc.Header), sc.Genesis.String(), 1, r.Hash.String(), string(p.Policy), p.State.String(), string(deadlines))
		exec(b, tx, insertEvent, id, 1, e.Type.String(), e.On.String(), e.By.String(), string(r.Event), r.Prev.String(), r.Hash.String())
		for _, d := range p.Deadlines {
			exec(b, tx, insertDeadline, id, string(d.Rule), d.Due.String())
		}
	}
	require.NoError(b, tx.Commit(), "commit the fixture")
	_, err = db.Exec("ANALYZE")
	require.NoError(b, err, "ANALYZE")
}

func exec(b *testing.B, tx *sql.Tx, q string, args ...any) {
	if _, err := tx.Exec(q, args...); err != nil {
		b.Fatalf("fixture: %s: %v", q, err)
	}
}

func rebind(s *sqlstore.Store, q string) string {
	if s.Dialect() != "postgres" {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
