package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casestore"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DefaultLocation is the store the CLI uses when none is named: a SQLite
// file in the working directory.
const DefaultLocation = "sqlite:./hifazat.db"

// BusyTimeoutMillis is how long a SQLite writer waits for another writer
// (in this or another process) to finish before giving up.
const BusyTimeoutMillis = 10000

// Open opens the store at location and brings its schema up to date:
//
//   - "sqlite:PATH" opens (creating if needed) the SQLite file PATH, for
//     example "sqlite:./hifazat.db"; "sqlite:PATH?mode=ro" opens it
//     read-only;
//   - "postgres://..." or "postgresql://..." opens a PostgreSQL database
//     (any connection URL that pgx accepts, such as
//     "postgres://user:pass@127.0.0.1:5432/hifazat?sslmode=disable");
//   - "memory:" returns a new, empty [casestore.Memory].
//
// Errors wrap [casestore.ErrMalformed] for a location that cannot be
// understood, [casestore.ErrUnavailable] for a database that cannot be
// reached or opened, [casestore.ErrReadOnly] when a read-only database needs
// a migration, and [casestore.ErrSchema] for a schema newer than this
// package. A PostgreSQL password never appears in an error.
func Open(ctx context.Context, location string, opts casestore.Options) (casestore.Store, error) {
	scheme, rest, _ := strings.Cut(location, ":")
	switch scheme {
	case "sqlite":
		path, query, _ := strings.Cut(rest, "?")
		if path == "" || (query != "" && query != "mode=ro") {
			return nil, badLocation(location, `want "sqlite:PATH" or "sqlite:PATH?mode=ro"`)
		}
		return storeOrNil(OpenSQLite(ctx, path, query == "mode=ro", opts))
	case "postgres", "postgresql":
		return storeOrNil(OpenPostgres(ctx, location, opts))
	case "memory":
		if rest != "" {
			return nil, badLocation(location, `want "memory:"`)
		}
		return casestore.NewMemory(opts), nil
	}
	return nil, badLocation(location, `want "sqlite:PATH", "postgres://..." or "memory:"`)
}

// OpenSQLite opens (creating if needed) the SQLite database file path and
// brings its schema up to date. The file is used in WAL mode with
// synchronous=FULL, so that an acknowledged event survives a crash of the
// process or of the machine, and with a busy timeout of BusyTimeoutMillis,
// so that many processes can share it. With readOnly, every write fails with
// [casestore.ErrReadOnly].
func OpenSQLite(ctx context.Context, path string, readOnly bool, opts casestore.Options) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, badLocation("sqlite:"+path, "want a file path without ? or #")
	}
	dsn := fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_txlock=immediate", path, BusyTimeoutMillis)
	if readOnly {
		dsn += "&_pragma=query_only(1)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open sqlite file %q: %w: %v", path, casestore.ErrUnavailable, err)
	}
	// Writers queue in the pool rather than spin in SQLite's busy handler.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	return open(ctx, db, sqliteDialect, "sqlite file "+path, opts)
}

// OpenPostgres opens the PostgreSQL database at the connection URL dsn and
// brings its schema up to date. The tables are created in the connection's
// current schema (set search_path in the URL to choose another).
func OpenPostgres(ctx context.Context, dsn string, opts casestore.Options) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's message names the problem and hides any password.
		return nil, badLocation("postgres URL", err.Error())
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	where := fmt.Sprintf("postgres database %q on %s:%d", cfg.Database, cfg.Host, cfg.Port)
	return open(ctx, db, postgresDialect, where, opts)
}

func open(ctx context.Context, db *sql.DB, d dialect, where string, opts casestore.Options) (*Store, error) {
	s := &Store{db: db, d: d, where: where, opts: opts.WithDefaults()}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, s.fail("open", "", err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// storeOrNil keeps a nil *Store from becoming a non-nil interface.
func storeOrNil(s *Store, err error) (casestore.Store, error) {
	if err != nil {
		return nil, err
	}
	return s, nil
}

func badLocation(location, want string) error {
	return &casestore.MalformedError{Field: "store location", Reason: fmt.Sprintf("cannot use %q: %s", redact(location), want)}
}

// redact hides the password of a URL-shaped location.
func redact(location string) string {
	scheme, rest, ok := strings.Cut(location, "://")
	if !ok {
		return location
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return location
	}
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":xxxxx@" + host
	}
	return location
}
