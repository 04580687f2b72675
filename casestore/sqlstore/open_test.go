package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenBadLocation(t *testing.T) {
	for _, loc := range []string{"", "mysql://x", "sqlite:", "sqlite:a.db?mode=rw", "memory:x", "postgres://u:secret@[::1:5432/db"} {
		_, err := sqlstore.Open(context.Background(), loc, casestore.Options{})
		assert.ErrorIs(t, err, casestore.ErrMalformed, "Open(%q)", loc)
		if err != nil {
			assert.NotContains(t, err.Error(), "secret", "Open(%q) error shows the password", loc)
		}
	}
}

func TestOpenMemory(t *testing.T) {
	s, err := sqlstore.Open(context.Background(), "memory:", casestore.Options{})
	require.NoError(t, err, "Open(memory:)")
	assert.IsType(t, &memstore.Store{}, s, "Open(memory:)")
}

func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Port 1 on the loopback address: nothing listens there.
	_, err := sqlstore.Open(ctx, "postgres://hifazat:secret@127.0.0.1:1/hifazat?sslmode=disable&connect_timeout=2", casestore.Options{})
	require.ErrorIs(t, err, casestore.ErrUnavailable, "Open(unreachable postgres)")
	assert.NotContains(t, err.Error(), "secret", "the error shows the password")
	assert.Contains(t, err.Error(), "127.0.0.1:1", "the error names the server")

	_, err = sqlstore.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "no", "such", "dir", "cases.db"), casestore.Options{})
	assert.ErrorIs(t, err, casestore.ErrUnavailable, "Open(sqlite in a missing directory)")
}

func TestSQLiteReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cases.db")
	rw := openSQLite(t, path)
	c, err := rw.Create(ctx, "case-1", header(`{"policy":"pk-federal-2022","parties":{"complainant":{"relationship":"employee","id":"e-17"}}}`),
		event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	require.NoError(t, err, "Create(case-1)")
	require.NoError(t, rw.Close(), "Close")

	ro, err := sqlstore.Open(ctx, "sqlite:"+path+"?mode=ro", casestore.Options{})
	require.NoError(t, err, "Open(read-only)")
	defer ro.Close()
	got, err := ro.Load(ctx, "case-1")
	require.NoError(t, err, "Load from a read-only store")
	assert.Equal(t, c.Head, got.Head, "Load from a read-only store")
	_, err = ro.Append(ctx, "case-1", 1, event(`{"type":"add_note","on":"2026-03-03","by":"complainant","note":"x"}`))
	require.ErrorIs(t, err, casestore.ErrReadOnly, "Append to a read-only store")
	_, err = ro.Create(ctx, "case-2", header(`{}`))
	require.ErrorIs(t, err, casestore.ErrReadOnly, "Create in a read-only store")
	got, err = ro.Load(ctx, "case-1")
	require.NoError(t, err, "Load after refused writes")
	assert.Equal(t, int64(1), got.Version(), "a refused write changed the case")
	_, err = ro.Load(ctx, "case-2")
	assert.ErrorIs(t, err, casestore.ErrNotFound, "a refused create wrote a case")

	// An empty file is not a store; a missing one is not created.
	empty := filepath.Join(t.TempDir(), "empty.db")
	require.NoError(t, os.WriteFile(empty, nil, 0o600))
	_, err = sqlstore.Open(ctx, "sqlite:"+empty+"?mode=ro", casestore.Options{})
	assert.ErrorIs(t, err, casestore.ErrUnavailable, "Open(empty read-only file)")
	missing := filepath.Join(t.TempDir(), "missing.db")
	_, err = sqlstore.Open(ctx, "sqlite:"+missing+"?mode=ro", casestore.Options{})
	assert.ErrorIs(t, err, casestore.ErrUnavailable, "Open(missing read-only file)")
	assert.NoFileExists(t, missing, "Open(missing read-only file) created it")
}

func TestPostgresReadOnly(t *testing.T) {
	ctx := context.Background()
	loc := newSchema(t, postgresDSN(t))
	rw, err := sqlstore.Open(ctx, loc, casestore.Options{})
	require.NoError(t, err, "Open(postgres)")
	_, err = rw.Create(ctx, "case-1", header(`{}`))
	require.NoError(t, err, "Create(case-1)")
	rw.Close()

	ro, err := sqlstore.Open(ctx, loc+"&default_transaction_read_only=on", casestore.Options{})
	require.NoError(t, err, "Open(read-only postgres)")
	defer ro.Close()
	_, err = ro.Load(ctx, "case-1")
	require.NoError(t, err, "Load from read-only postgres")
	_, err = ro.Create(ctx, "case-2", header(`{}`))
	assert.ErrorIs(t, err, casestore.ErrReadOnly, "Create in read-only postgres")
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cases.db")
	s := openSQLite(t, path)
	_, err := s.DB().Exec(`INSERT INTO hifazat_schema (version) VALUES (?)`, sqlstore.SchemaVersion+1)
	require.NoError(t, err, "record a future migration")
	s.Close()
	_, err = sqlstore.OpenSQLite(ctx, path, false, casestore.Options{})
	require.ErrorIs(t, err, casestore.ErrSchema, "Open(a newer schema)")
	assert.True(t, strings.Contains(err.Error(), "upgrade"), "the error says what to do: %v", err)
}

func TestMigrationsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.db")
	for range 3 {
		s := openSQLite(t, path)
		var n int
		require.NoError(t, s.DB().QueryRow(`SELECT count(*) FROM hifazat_schema`).Scan(&n), "count migrations")
		assert.Equal(t, sqlstore.SchemaVersion, n, "migrations recorded after reopening")
		s.Close()
	}
}
