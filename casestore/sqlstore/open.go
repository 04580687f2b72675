package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// DefaultLocation is the store the CLI uses when none is named: a SQLite
// file in the working directory.
const DefaultLocation = "sqlite:./hifazat.db"

// BusyTimeoutMillis is how long a SQLite writer waits for another writer
// (in this or another process) to finish before giving up.
const BusyTimeoutMillis = 10000

// Open opens the store at location and brings its schema up to date:
//
//   - "sqlite:PATH" opens (creating if needed, readable by its owner only,
//     mode 0600) the SQLite file PATH, for example "sqlite:./hifazat.db";
//     "sqlite:PATH?mode=ro" opens an existing file read-only, even one the
//     process may not write;
//   - "postgres://..." or "postgresql://..." opens a PostgreSQL database
//     (any connection URL that pgx accepts, such as
//     "postgres://user:pass@127.0.0.1:5432/hifazat?sslmode=disable");
//   - "memory:" returns a new, empty [memstore.Store].
//
// Errors wrap [casestore.ErrMalformed] for a location that cannot be
// understood, [casestore.ErrUnavailable] for a database that cannot be
// reached or opened, [casestore.ErrReadOnly] when a read-only database needs
// a migration, and [casestore.ErrSchema] for a schema newer than this
// package. A PostgreSQL password never appears in an error: a location that
// cannot be parsed is not quoted, and a parsed one is shown as its user,
// host, port and database only.
func Open(ctx context.Context, location string, opts casestore.Options) (casestore.Store, error) {
	return openLocation(ctx, location, opts, sqliteCreate)
}

// OpenExisting is [Open] for a store that must already exist, as a command
// that only reads needs: it never creates a SQLite file and refuses a
// database without this package's schema (ErrUnavailable), so that a
// mistyped location is an error rather than an empty store. "memory:" is
// always a new, empty store.
func OpenExisting(ctx context.Context, location string, opts casestore.Options) (casestore.Store, error) {
	return openLocation(ctx, location, opts, sqliteExisting)
}

func openLocation(ctx context.Context, location string, opts casestore.Options, mode sqliteMode) (casestore.Store, error) {
	scheme, rest, _ := strings.Cut(location, ":")
	switch scheme {
	case "sqlite":
		path, query, _ := strings.Cut(rest, "?")
		if path == "" || (query != "" && query != "mode=ro") {
			return nil, badLocation("sqlite:"+path, `want "sqlite:PATH" or "sqlite:PATH?mode=ro"`)
		}
		if query == "mode=ro" {
			mode = sqliteReadOnly
		}
		return storeOrNil(openSQLite(ctx, path, mode, opts))
	case "postgres", "postgresql":
		return storeOrNil(openPostgres(ctx, location, opts, mode == sqliteCreate))
	case "memory":
		if rest != "" {
			return nil, badLocation("", `want "memory:" with nothing after the colon`)
		}
		m, err := memstore.New(opts)
		if err != nil {
			return nil, err
		}
		return m, nil
	}
	return nil, badLocation("", `want "sqlite:PATH", "postgres://..." or "memory:"`)
}

// sqliteMode is how a SQLite file is opened.
type sqliteMode int

const (
	sqliteCreate   sqliteMode = iota // read-write; created with mode 0600 if missing
	sqliteExisting                   // read-write; the file and schema must exist
	sqliteReadOnly                   // read-only; the file must exist
)

// OpenSQLite opens (creating if needed, with mode 0600) the SQLite database
// file path and brings its schema up to date. The file is used in WAL mode
// with synchronous=FULL, so that an acknowledged event survives a crash of
// the process or of the machine, and with a busy timeout of
// BusyTimeoutMillis, so that many processes can share it. With readOnly,
// the file must exist, is opened read-only (so a file the process may not
// write opens), and every write fails with [casestore.ErrReadOnly].
func OpenSQLite(ctx context.Context, path string, readOnly bool, opts casestore.Options) (*Store, error) {
	mode := sqliteCreate
	if readOnly {
		mode = sqliteReadOnly
	}
	return openSQLite(ctx, path, mode, opts)
}

func openSQLite(ctx context.Context, path string, mode sqliteMode, opts casestore.Options) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, badLocation("sqlite:"+path, "want a file path without ? or #")
	}
	where := "sqlite file " + path
	if err := prepareFile(path, mode); err != nil {
		return nil, &Error{Op: "open", Where: where, Kind: casestore.ErrUnavailable, Text: err.Error()}
	}
	// A "file:" URI, so that SQLite's own mode parameter applies: "ro"
	// opens without asking for write access, "rw" never creates.
	dsn := fmt.Sprintf("file:%s?mode=%s&_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_txlock=immediate",
		strings.ReplaceAll(path, "%", "%25"), [...]string{"rw", "rw", "ro"}[mode], BusyTimeoutMillis)
	if mode == sqliteReadOnly {
		dsn += "&_pragma=query_only(1)"
	} else {
		dsn += "&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err == nil && mode == sqliteReadOnly {
		db, err = readOnlyDirectory(ctx, db, path, dsn)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open sqlite file %q: %w: %v", path, casestore.ErrUnavailable, err)
	}
	// Writers queue in the pool rather than spin in SQLite's busy handler.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	return open(ctx, db, sqliteDialect, where, opts, mode == sqliteCreate)
}

// prepareFile makes sure the file at path exists as mode needs: a store
// that may create it creates it empty (a valid, empty SQLite database)
// readable and writable by its owner only, before SQLite would create it
// with the umask's mode; SQLite gives its -wal and -shm files the same
// mode. The others need the file to be there already.
func prepareFile(path string, mode sqliteMode) error {
	if mode != sqliteCreate {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return errors.New("no such database file (this open never creates one: check the location)")
		} else if err != nil {
			return err
		}
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// readOnlyDirectory reopens db read-only as an immutable file when SQLite
// cannot open it because its directory is read-only (a WAL database needs
// its -shm file, which it cannot create there), and no write-ahead log
// holds events the file itself lacks. Nothing can write to the file through
// that directory, so reading it as immutable reads what is there.
func readOnlyDirectory(ctx context.Context, db *sql.DB, path, dsn string) (*sql.DB, error) {
	err := db.PingContext(ctx)
	var e *sqlite.Error
	if err == nil || !errors.As(err, &e) || e.Code() != sqlite3.SQLITE_READONLY_DIRECTORY {
		return db, nil // open reports any other error
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		db.Close()
		return nil, fmt.Errorf("its directory is read-only and its write-ahead log %s-wal holds changes not yet in the file: open it once where it can be written", path)
	}
	db.Close()
	return sql.Open("sqlite", dsn+"&immutable=1")
}

// OpenPostgres opens the PostgreSQL database at the connection URL dsn and
// brings its schema up to date. The tables are created in the connection's
// current schema (set search_path in the URL to choose another).
func OpenPostgres(ctx context.Context, dsn string, opts casestore.Options) (*Store, error) {
	return openPostgres(ctx, dsn, opts, true)
}

func openPostgres(ctx context.Context, dsn string, opts casestore.Options, create bool) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx hides passwords on a best-effort basis only: a malformed
		// location can be too ambiguous to find the password in. So
		// neither the location nor pgx's message is repeated.
		return nil, badLocation("", "cannot parse it as a PostgreSQL connection URL, "+
			"postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?PARAM=VALUE&...] with special characters percent-encoded "+
			"(the location is not repeated here, as it may hold a password)")
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	where := fmt.Sprintf("postgres database %q on %s:%d", cfg.Database, cfg.Host, cfg.Port)
	s, err := open(ctx, db, postgresDialect, where, opts, create)
	if err != nil && cfg.Password != "" {
		return nil, hidePassword(err, cfg.Password)
	}
	return s, err
}

// open pings db and migrates its schema; unless create, a database without
// the schema is refused rather than given one.
func open(ctx context.Context, db *sql.DB, d dialect, where string, opts casestore.Options, create bool) (*Store, error) {
	kit, err := storekit.NewKit(opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, d: d, where: where, kit: kit}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, s.fail("open", "", err)
	}
	if !create {
		if v, err := s.schemaVersion(ctx, db); err != nil || v == 0 {
			db.Close()
			if err != nil {
				return nil, s.fail("read the schema version", "", err)
			}
			return nil, &Error{Op: "open", Where: where, Kind: casestore.ErrUnavailable, Text: "the database holds no Hifazat store (this open never creates one: check the location)"}
		}
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

// badLocation reports a location that cannot be used, quoting shown (which
// never holds a password) if it is not empty.
func badLocation(shown, want string) error {
	if shown == "" {
		return &casestore.MalformedError{Field: "store location", Reason: want}
	}
	return &casestore.MalformedError{Field: "store location", Reason: fmt.Sprintf("cannot use %q: %s", shown, want)}
}

// hidePassword removes password from the driver's text in err, in case a
// server or driver message ever quotes it.
func hidePassword(err error, password string) error {
	var e *Error
	if errors.As(err, &e) {
		e.Text = strings.ReplaceAll(e.Text, password, "xxxxx")
	}
	return err
}
