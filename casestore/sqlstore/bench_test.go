package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/require"
)

// benchCases is how many cases the benchmarks store before measuring. The
// setup runs only under -bench, never in a plain go test.
const benchCases = 100_000

// benchHeader is the synthetic header of every benchmark case.
var benchHeader = casestore.MustParseHeader(`{"policy":"pk-federal-2022","calendar":"pk-federal","incident_on":"2025-12-20",
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

func runBenchmarks(b *testing.B, s *sqlstore.Store) {
	ctx := context.Background()
	fill(b, s)
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
		benchList(b, s, casestore.Filter{State: "complaint_received", Limit: 100})
	})

	// Appends and their baseline write the same rows: an add_note event
	// with its hash chain columns, one per transaction. Each note is a new
	// one, built and parsed in the loop by both, so that the validator
	// decodes every appended event as it would in production.
	b.Run("append", func(b *testing.B) {
		b.ReportAllocs()
		versions := map[string]int64{}
		i := 0
		for b.Loop() {
			id := benchID(i % 1000)
			v, ok := versions[id]
			if !ok {
				v = 1
			}
			c, err := s.Append(ctx, id, v, benchNote(i))
			if err != nil {
				b.Fatalf("Append(%s, %d): %v", id, v, err)
			}
			versions[id] = c.Version()
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("load_and_append", func(b *testing.B) {
		// A reader's whole cycle, as "hifazat case apply" runs it: read the
		// case, then append at the version read. The cases are others than
		// append's.
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			id := benchID(1000 + i%1000)
			c, err := s.Load(ctx, id)
			if err != nil {
				b.Fatalf("Load(%s): %v", id, err)
			}
			if _, err := s.Append(ctx, id, c.Version(), benchNote(i)); err != nil {
				b.Fatalf("Append(%s, %d): %v", id, c.Version(), err)
			}
			i++
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
		i := 0
		for b.Loop() {
			note := benchNote(i)
			h := casestore.Chain(prev, note)
			if _, err := s.DB().Exec(insert, benchID(i%1000), int64(1_000_000+i), note.Type(), note.On().String(), note.By(), note.String(), prev.String(), h.String()); err != nil {
				b.Fatalf("baseline insert: %v", err)
			}
			prev = h
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("paired", func(b *testing.B) { benchPaired(b, s) })
}

// benchPaired alternates one append and one bare insert of the same row,
// timing each, so that both meet the same load on the machine: the ratio
// it reports (the append's throughput as a share of the baseline's) is
// steadier than that of two benchmarks run one after the other.
func benchPaired(b *testing.B, s *sqlstore.Store) {
	ctx := context.Background()
	insert := rebind(s, `INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	versions := map[string]int64{}
	var prev casestore.Hash
	var appending, inserting time.Duration
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		id := benchID(2000 + i%1000) // cases the other append benchmarks leave alone
		v, ok := versions[id]
		if !ok {
			v = 1
		}
		start := time.Now()
		c, err := s.Append(ctx, id, v, benchNote(i))
		if err != nil {
			b.Fatalf("Append(%s, %d): %v", id, v, err)
		}
		appended := time.Now()
		appending += appended.Sub(start)
		versions[id] = c.Version()

		note := benchNote(i)
		h := casestore.Chain(prev, note)
		if _, err := s.DB().Exec(insert, id, int64(2_000_000+i), note.Type(), note.On().String(), note.By(), note.String(), prev.String(), h.String()); err != nil {
			b.Fatalf("baseline insert: %v", err)
		}
		inserting += time.Since(appended)
		prev = h
		i++
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

func benchID(i int) string { return fmt.Sprintf("bench-%06d", i) }

// benchNote returns the i-th note the append benchmarks write.
func benchNote(i int) casestore.Event {
	return casestore.MustParseEvent(fmt.Sprintf(`{"by":"inquiry_committee","note":"benchmark note %d","on":"2026-12-31","type":"add_note"}`, i))
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
	opts := casestore.Options{}.WithDefaults() // one casefsm engine for the whole fixture
	for i := range benchCases {
		id := benchID(i)
		filedOn := firstFiling.AddDays(i % 365)
		e := casestore.MustParseEvent(fmt.Sprintf(`{"type":"file_complaint","on":"%s","by":"complainant"}`, filedOn))
		genesis := casestore.Genesis(id, benchHeader)
		records, p, err := opts.Prepare(casestore.Case{ID: id, Header: benchHeader, Head: genesis}, []casestore.Event{e})
		require.NoError(b, err, "Prepare(%s)", id)
		r := records[0]
		exec(b, tx, insertCase, id, benchHeader.String(), genesis.String(), 1, r.Hash.String(), p.Policy, p.State, deadlinesText(p.Deadlines))
		exec(b, tx, insertEvent, id, 1, e.Type(), e.On().String(), e.By(), e.String(), r.Prev.String(), r.Hash.String())
		for _, d := range p.Deadlines {
			exec(b, tx, insertDeadline, id, d.Rule, d.Due.String())
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

// deadlinesText is the deadlines column as the store writes it.
func deadlinesText(ds []casestore.Deadline) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = fmt.Sprintf(`{"rule":%q,"kind":%q,"due":"%s"}`, d.Rule, d.Kind, d.Due)
	}
	return "[" + strings.Join(parts, ",") + "]"
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
