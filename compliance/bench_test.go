package compliance

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// benchStores are the SQLite stores the benchmarks share, by size: built
// once per test binary (go test -count 6 runs each benchmark function six
// times, and 100,000 cases take minutes to store), removed by TestMain.
var benchStores = struct {
	sync.Mutex
	dir    string
	stores map[int]casestore.Store
}{stores: map[int]casestore.Store{}}

// TestMain removes the benchmarks' stores after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, s := range benchStores.stores {
		s.Close()
	}
	if benchStores.dir != "" {
		os.RemoveAll(benchStores.dir)
	}
	os.Exit(code)
}

// benchStore returns a SQLite store holding n synthetic cases filed from
// 2024-06-01 over 700 days. Building it is not timed.
func benchStore(b *testing.B, n int) casestore.Store {
	b.Helper()
	benchStores.Lock()
	defer benchStores.Unlock()
	if s, ok := benchStores.stores[n]; ok {
		return s
	}
	if benchStores.dir == "" {
		dir, err := os.MkdirTemp("", "hifazat-compliance-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchStores.dir = dir
	}
	path := filepath.Join(benchStores.dir, "cases-"+strconv.Itoa(n)+".db")
	s, err := sqlstore.Open(context.Background(), "sqlite:"+path, casestore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	fill(b, s, rand.New(rand.NewPCG(42, 1)), n, civil.MustParse("2024-06-01"), 700)
	benchStores.stores[n] = s
	return s
}

// benchOrg is an organisation whose every duty is on record.
func benchOrg() *Organisation {
	org := *testOrg
	org.Committee.ConstitutedOn = civil.MustParse("2022-01-20")
	org.CompetentAuthority.DesignatedOn = civil.MustParse("2022-01-10")
	org.Code.InManagementPolicyOn = civil.MustParse("2022-02-01")
	return &org
}

// BenchmarkAudit audits an organisation with 10,000 cases in its SQLite
// store; the baseline audits it without the store, so the difference is
// the cost of counting the open cases past a deadline.
func BenchmarkAudit(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, 10_000)
	org, asOf := benchOrg(), civil.MustParse("2026-06-30")
	pol, err := policy.Builtin().Get(policy.FederalAct2022)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		store casestore.Store
	}{{"baseline_no_store", nil}, {"sqlite_10k_cases", s}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Audit(ctx, org, pol, bc.store, asOf, AuditOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReport is the annual report of a SQLite store of 100,000 cases
// (set HIFAZAT_BENCH_CASES lower to try it quickly); the baseline walks the
// same store, loading and decoding every case, without replaying it, so
// the difference is the cost of the replay and the tables.
func BenchmarkReport(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, benchCases(b, 100_000))
	src := []Source{{Org: testOrg, Store: s}}
	b.Run("baseline_load_only", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			if err := eachCaseFile(ctx, s, func(*casefsm.CaseFile) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("report", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ReportAll(ctx, src, 2025, ReportOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchCases is n, or HIFAZAT_BENCH_CASES when set.
func benchCases(b *testing.B, n int) int {
	if v := os.Getenv("HIFAZAT_BENCH_CASES"); v != "" {
		m, err := strconv.Atoi(v)
		if err != nil || m <= 0 {
			b.Fatalf("HIFAZAT_BENCH_CASES=%q: want a positive whole number", v)
		}
		return m
	}
	return n
}
