package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A new database file, and the files SQLite keeps beside it, are readable
// by their owner only: a case file is personal data.
func TestNewSQLiteFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.db")
	s := openSQLite(t, path)
	_, err := s.Create(context.Background(), "case-1", casefsm.Header{})
	require.NoError(t, err)
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(name)
		require.NoError(t, err, "stat %s", name)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "mode of %s", filepath.Base(name))
	}
	require.NoError(t, s.Close())
}

// OpenExisting, which the read commands use, never creates a database: a
// mistyped path or an empty PostgreSQL schema is an error, not an empty
// store.
func TestOpenExistingCreatesNothing(t *testing.T) {
	ctx := context.Background()
	missing := filepath.Join(t.TempDir(), "hifazt.db")
	_, err := sqlstore.OpenExisting(ctx, "sqlite:"+missing, casestore.Options{})
	require.ErrorIs(t, err, casestore.ErrUnavailable)
	assert.Contains(t, err.Error(), "no such database file")
	assert.NoFileExists(t, missing)

	path := filepath.Join(t.TempDir(), "cases.db")
	openSQLite(t, path).Close()
	s, err := sqlstore.OpenExisting(ctx, "sqlite:"+path, casestore.Options{})
	require.NoError(t, err, "OpenExisting(a store)")
	s.Close()

	t.Run("postgres", func(t *testing.T) {
		loc := newSchema(t, postgresDSN(t))
		_, err := sqlstore.OpenExisting(ctx, loc, casestore.Options{})
		require.ErrorIs(t, err, casestore.ErrUnavailable, "OpenExisting(an empty schema)")
		assert.Contains(t, err.Error(), "holds no Hifazat store")
		s, err := sqlstore.Open(ctx, loc, casestore.Options{})
		require.NoError(t, err, "Open(an empty schema)")
		s.Close()
		s, err = sqlstore.OpenExisting(ctx, loc, casestore.Options{})
		require.NoError(t, err, "OpenExisting(a store)")
		s.Close()
	})
}

// Opening with mode=ro asks for no write at all: it opens a file in a
// rollback-journal mode without switching it to WAL, so every byte stays.
// (It also opens a file the process may not write, which a test run as
// root cannot show.)
func TestSQLiteReadOnlyWritesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cases.db")
	s := openSQLite(t, path)
	_, err := s.Create(ctx, "case-1", casefsm.Header{})
	require.NoError(t, err)
	s.Close()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	_, err = db.Exec(`PRAGMA journal_mode=DELETE`)
	require.NoError(t, err)
	db.Close()
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	ro, err := sqlstore.Open(ctx, "sqlite:"+path+"?mode=ro", casestore.Options{})
	require.NoError(t, err, "Open(mode=ro)")
	_, err = ro.Load(ctx, "case-1")
	require.NoError(t, err)
	ro.Close()
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after), "opening read-only changed the file")
}

// The password of a PostgreSQL location never appears in an error, in the
// URL form, as a URL parameter, or in a malformed location that pgx cannot
// parse.
func TestOpenHidesPassword(t *testing.T) {
	for _, loc := range []string{
		"postgres://u@127.0.0.1/db password=S3CRETPW host=127.0.0.1",
		"postgres://u:S3CRETPW@127.0.0.1:1/db?sslmode=bogus",
		"postgres://u:S3CRETPW@127.0.0.1:1/db?connect_timeout=2",
		"postgres://127.0.0.1:1/db?password=S3CRETPW&connect_timeout=2",
		"postgresql://u:S3CR%ETPW@h/db",
		"postgres://u:S3CRETPW@[::1/db",
		"postgres://u:S3CRETPW@127.0.0.1:notaport/db",
		"postgres:host=127.0.0.1 port=1 password=S3CRETPW connect_timeout=2",
		"postgres:host=127.0.0.1 port=1 password='S3CRETPW",
		"postgress://u:S3CRETPW@127.0.0.1/db",
		"sqlite:x.db?password=S3CRETPW",
		"memory:S3CRETPW",
	} {
		_, err := sqlstore.OpenExisting(context.Background(), loc, casestore.Options{})
		require.Error(t, err, "Open(%q)", loc)
		assert.NotContains(t, err.Error(), "S3CR", "Open(%q) shows the password", loc)
	}
}

// passwordForms are PostgreSQL locations with a password at %s.
var passwordForms = []string{
	"postgres://u:%s@h:1/db", "postgres://h:1/db?password=%s", "postgres:host=h port=1 password=%s",
	"postgres://u@h/db password=%s host=h", "postgres:password='%s' host=h", "postgresql://u:%s@[::1/db",
}

// FuzzOpenLocation: whatever the rest of the location, an error never
// holds the password: neither the text written where a password goes when
// the location cannot be parsed, nor the password pgx found when it can.
func FuzzOpenLocation(f *testing.F) {
	for i := range passwordForms {
		f.Add(uint8(i), "Pa55wordMarker", "")
		f.Add(uint8(i), "Pa55wordMarker", "&sslmode=bogus")
		f.Add(uint8(i), "Pa55wordMarker", " host=[")
	}
	f.Fuzz(func(t *testing.T, form uint8, password, rest string) {
		if len(password) < 6 || strings.ContainsAny(password, "%'\"\\ =&?@:/[]#") {
			return
		}
		loc := strings.Replace(passwordForms[int(form)%len(passwordForms)], "%s", password, 1) + rest
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // never reach a server
		_, err := sqlstore.OpenExisting(ctx, loc, casestore.Options{})
		if err == nil {
			return
		}
		secret := password
		if cfg, perr := pgx.ParseConfig(loc); perr == nil {
			secret = cfg.Password
			if secret == "" || strings.Contains(cfg.Host+" "+cfg.Database+" "+cfg.User, secret) {
				return // rest moved the text elsewhere: no password to hide
			}
		}
		if strings.Contains(err.Error(), secret) {
			t.Fatalf("Open(%q) error shows the password %q: %v", loc, secret, err)
		}
	})
}
