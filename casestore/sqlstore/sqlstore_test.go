package sqlstore_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"github.com/hifazat/hifazat/deadlines"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/casestore/storetest"
	"github.com/stretchr/testify/require"
)

// envPostgres names the PostgreSQL database the tests may use. CI sets it;
// under CI=true the PostgreSQL tests fail rather than skip without it.
const envPostgres = "HIFAZAT_TEST_POSTGRES_DSN"

var testOptions = casestore.Options{} // casefsm with the built-in policies

func TestSQLiteConformance(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T) casestore.Store {
			return openSQLite(t, filepath.Join(t.TempDir(), "cases.db"))
		},
		Tamper: tamper,
		NewLocation: func(t *testing.T) string {
			return "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
		},
		Open: func(ctx context.Context, loc string) (casestore.Store, error) {
			return sqlstore.Open(ctx, loc, testOptions)
		},
		Reopen: func(t *testing.T) func(*testing.T, casestore.Options) casestore.Store {
			return reopener("sqlite:" + filepath.Join(t.TempDir(), "cases.db"))
		},
	})
}

// reopener opens the store at loc with the options given.
func reopener(loc string) func(*testing.T, casestore.Options) casestore.Store {
	return func(t *testing.T, o casestore.Options) casestore.Store {
		s, err := sqlstore.Open(context.Background(), loc, o)
		require.NoError(t, err, "Open(%s)", loc)
		return s
	}
}

func TestPostgresConformance(t *testing.T) {
	base := postgresDSN(t)
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T) casestore.Store {
			s, err := sqlstore.Open(context.Background(), newSchema(t, base), testOptions)
			require.NoError(t, err, "Open(postgres)")
			return s
		},
		Tamper: tamper,
		NewLocation: func(t *testing.T) string {
			return newSchema(t, base)
		},
		Open: func(ctx context.Context, loc string) (casestore.Store, error) {
			return sqlstore.Open(ctx, loc, testOptions)
		},
		Reopen: func(t *testing.T) func(*testing.T, casestore.Options) casestore.Store {
			return reopener(newSchema(t, base))
		},
	})
}

func openSQLite(t *testing.T, path string) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.OpenSQLite(context.Background(), path, false, testOptions)
	require.NoError(t, err, "OpenSQLite(%s)", path)
	return s
}

// postgresDSN returns the test database's URL, skipping the test without
// one (failing it under CI=true).
func postgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(envPostgres)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is not set: the PostgreSQL tests must run in CI", envPostgres)
		}
		t.Skipf("%s is not set", envPostgres)
	}
	return dsn
}

// newSchema creates a fresh schema in the test database, dropped after the
// test, and returns a URL whose search_path puts the store's tables in it.
func newSchema(t testing.TB, base string) string {
	t.Helper()
	name := "t_" + strings.ToLower(rand.Text()[:12])
	db, err := sql.Open("pgx", base)
	require.NoError(t, err, "open %s", envPostgres)
	defer db.Close()
	_, err = db.Exec("CREATE SCHEMA " + name)
	require.NoError(t, err, "CREATE SCHEMA %s", name)
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.Exec("DROP SCHEMA " + name + " CASCADE")
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + name
}

// tamper edits a case's rows directly, as someone with write access to the
// database could.
func tamper(t *testing.T, st casestore.Store, id string, e storetest.Edit) {
	t.Helper()
	s := st.(*sqlstore.Store)
	db := s.DB()
	exec := func(query string, args ...any) {
		t.Helper()
		_, err := db.Exec(rebind(s, query), args...)
		require.NoError(t, err, "tamper %v: %s", e.Kind, query)
	}
	shift := func(from int64, by int64) {
		// Two steps, so that no two rows share a version on the way.
		exec(`UPDATE hifazat_events SET version = version + 1000000 WHERE case_id = ? AND version >= ?`, id, from)
		exec(`UPDATE hifazat_events SET version = version - 1000000 + ? WHERE case_id = ? AND version >= 1000000`, by, id)
	}
	switch e.Kind {
	case storetest.ModifyEvent:
		exec(`UPDATE hifazat_events SET body = replace(body, '"note"', '"note":"altered","old"') WHERE case_id = ? AND version = ?`, id, e.Version)
		if e.Version == 1 { // the first event has no note: change its date
			exec(`UPDATE hifazat_events SET body = replace(body, '2026-03-02', '2026-03-01') WHERE case_id = ? AND version = 1`, id)
		}
	case storetest.DeleteEvent:
		exec(`DELETE FROM hifazat_events WHERE case_id = ? AND version = ?`, id, e.Version)
		shift(e.Version+1, -1)
		exec(`UPDATE hifazat_cases SET version = version - 1 WHERE id = ?`, id)
	case storetest.DeleteEventLeaveGap:
		exec(`DELETE FROM hifazat_events WHERE case_id = ? AND version = ?`, id, e.Version)
	case storetest.DeleteLastEvent:
		exec(`DELETE FROM hifazat_events WHERE case_id = ? AND version = ?`, id, e.Version)
	case storetest.InsertEvent:
		body, err := storekit.EventBody(e.Forged)
		require.NoError(t, err, "the forged event's body")
		shift(e.Version, 1)
		exec(`INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, e.Version, e.Forged.Type.String(), e.Forged.On.String(), e.Forged.By.String(), string(body), e.Prev.String(), storekit.Chain(e.Prev, e.Version, body).String())
	case storetest.SwapEvents:
		exec(`UPDATE hifazat_events SET version = -1 WHERE case_id = ? AND version = ?`, id, e.Version)
		exec(`UPDATE hifazat_events SET version = ? WHERE case_id = ? AND version = ?`, e.Version, id, e.Version+1)
		exec(`UPDATE hifazat_events SET version = ? WHERE case_id = ? AND version = -1`, e.Version+1, id)
	case storetest.ModifyHeader:
		exec(`UPDATE hifazat_cases SET header = replace(header, '2026-02-20', '2026-02-19') WHERE id = ?`, id)
	case storetest.RehashEvent:
		body, err := storekit.EventBody(e.Forged)
		require.NoError(t, err, "the forged event's body")
		var prev string
		require.NoError(t, db.QueryRow(rebind(s, `SELECT prev FROM hifazat_events WHERE case_id = ? AND version = ?`), id, e.Version).Scan(&prev))
		p, err := casestore.ParseHash(prev)
		require.NoError(t, err)
		exec(`UPDATE hifazat_events SET body = ?, hash = ? WHERE case_id = ? AND version = ?`, string(body), storekit.Chain(p, e.Version, body).String(), id, e.Version)
	case storetest.TruncateRollback:
		exec(`DELETE FROM hifazat_events WHERE case_id = ? AND version > ?`, id, e.Version)
		exec(`UPDATE hifazat_cases SET version = ?, head = ?, policy = ?, state = ?, deadlines = ? WHERE id = ?`,
			e.Version, e.At.Head.String(), string(e.At.Projection.Policy), e.At.Projection.State.String(), deadlinesText(e.At.Projection.Deadlines), id)
		exec(`DELETE FROM hifazat_deadlines WHERE case_id = ?`, id)
		for _, d := range e.At.Projection.Deadlines {
			exec(`INSERT INTO hifazat_deadlines (case_id, rule, due) VALUES (?, ?, ?)`, id, string(d.Rule), d.Due.String())
		}
	case storetest.DeleteCase:
		exec(`DELETE FROM hifazat_deadlines WHERE case_id = ?`, id)
		exec(`DELETE FROM hifazat_events WHERE case_id = ?`, id)
		exec(`DELETE FROM hifazat_cases WHERE id = ?`, id)
	case storetest.ModifyState:
		exec(`UPDATE hifazat_cases SET state = 'closed' WHERE id = ?`, id)
	case storetest.ModifyDeadlineIndex:
		exec(`DELETE FROM hifazat_deadlines WHERE case_id = ?`, id)
	case storetest.ModifyEventIndex:
		exec(`UPDATE hifazat_events SET by_role = 'complainant' WHERE case_id = ? AND version = ?`, id, e.Version)
	default:
		t.Fatalf("tamper: unknown edit %v", e.Kind)
	}
}

// deadlinesText is the case row's deadlines column for ds, as the store
// writes it.
func deadlinesText(ds []deadlines.Deadline) string {
	if ds == nil {
		ds = []deadlines.Deadline{}
	}
	b, err := json.Marshal(ds)
	if err != nil {
		panic(err)
	}
	return string(b)
}
