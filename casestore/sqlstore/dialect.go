package sqlstore

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect holds what differs between SQLite and PostgreSQL. Everything else,
// the schema's shape and every query, is shared.
type dialect struct {
	name string
	// rebind turns the shared queries' ? placeholders into the dialect's.
	rebind func(q string) string
	// snapshot is the transaction that gives a consistent read of a case.
	snapshot sql.TxOptions
	// hasSchemaTable asks whether the migrations table exists.
	hasSchemaTable string
	// lockSchema, if set, is run first in the migration transaction so that
	// concurrent openers migrate one at a time.
	lockSchema string
	// idType is the column type of case ids: byte-wise ordered text, so that
	// List's order does not depend on the database's locale.
	idType string
	// appendOne, if set, checks the version, updates the case and inserts
	// an event in one statement.
	appendOne string
	// lockCase, if set, locks a case's row for the transaction, so that
	// Apply reads and writes the case with no writer in between. SQLite
	// needs none: its write transactions are exclusive (_txlock=immediate).
	lockCase string
	// readOnly reports whether a driver error means the database refused a
	// write because it is read-only.
	readOnly func(error) bool
}

var sqliteDialect = dialect{
	name:   "sqlite",
	rebind: func(q string) string { return q },
	// In WAL mode a deferred read transaction reads one snapshot.
	snapshot:       sql.TxOptions{ReadOnly: true},
	hasSchemaTable: `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'hifazat_schema'`,
	idType:         "TEXT",
	readOnly: func(err error) bool {
		var e *sqlite.Error
		return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_READONLY
	},
}

var postgresDialect = dialect{
	name:           "postgres",
	rebind:         dollarPlaceholders,
	snapshot:       sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead},
	hasSchemaTable: `SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'hifazat_schema'`,
	// A transaction-scoped advisory lock, keyed by the schema the tables
	// live in, released at commit.
	lockSchema: `SELECT pg_advisory_xact_lock(hashtext('hifazat_schema.' || current_schema()))`,
	idType:     `TEXT COLLATE "C"`,
	appendOne:  appendOneText,
	lockCase:   `SELECT 1 FROM hifazat_cases WHERE id = ? FOR UPDATE`,
	readOnly: func(err error) bool {
		var e *pgconn.PgError
		// 25006 read_only_sql_transaction; 42501 insufficient_privilege
		// (a role that may read but not write).
		return errors.As(err, &e) && (e.Code == "25006" || e.Code == "42501")
	},
}

// dollarPlaceholders rewrites the n-th ? of q as $n. The shared queries hold
// no ? inside literals.
func dollarPlaceholders(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
