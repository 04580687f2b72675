package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casestore"
)

// migrations is the schema's history, applied in order on Open. Entries are
// never edited or removed once released: a change is a new entry at the end.
// "{{id}}" stands for the dialect's case id column type.
var migrations = []string{
	// 1: cases with their projection, hash-chained events, open deadlines.
	`CREATE TABLE hifazat_cases (
		id        {{id}} PRIMARY KEY,
		header    TEXT NOT NULL,
		genesis   TEXT NOT NULL,
		version   BIGINT NOT NULL,
		head      TEXT NOT NULL,
		policy    TEXT NOT NULL,
		state     TEXT NOT NULL,
		deadlines TEXT NOT NULL
	);
	CREATE INDEX hifazat_cases_state ON hifazat_cases (state, id);
	CREATE INDEX hifazat_cases_policy ON hifazat_cases (policy, id);
	CREATE TABLE hifazat_events (
		case_id  {{id}} NOT NULL REFERENCES hifazat_cases (id),
		version  BIGINT NOT NULL,
		type     TEXT NOT NULL,
		on_date  TEXT NOT NULL,
		by_role  TEXT NOT NULL,
		body     TEXT NOT NULL,
		prev     TEXT NOT NULL,
		hash     TEXT NOT NULL,
		PRIMARY KEY (case_id, version)
	);
	CREATE TABLE hifazat_deadlines (
		case_id {{id}} NOT NULL REFERENCES hifazat_cases (id),
		rule    TEXT NOT NULL,
		due     TEXT NOT NULL,
		PRIMARY KEY (case_id, rule, due)
	);
	CREATE INDEX hifazat_deadlines_due ON hifazat_deadlines (due, case_id);`,
	// 2: the access log (package access): one hash chain over every read.
	`CREATE TABLE hifazat_access (
		seq     BIGINT PRIMARY KEY,
		case_id {{id}} NOT NULL,
		body    TEXT NOT NULL
	);
	CREATE INDEX hifazat_access_case ON hifazat_access (case_id, seq);`,
	// 3: sealed cases and erasure: a case's key as the deployment's key
	// wrapped it (base64; NULL for a case stored in clear, or erased), the
	// day it was erased, and the holds on erasure.
	`ALTER TABLE hifazat_cases ADD COLUMN case_key TEXT;
	ALTER TABLE hifazat_cases ADD COLUMN erased_on TEXT;
	CREATE TABLE hifazat_holds (
		case_id     {{id}} NOT NULL REFERENCES hifazat_cases (id),
		seq         BIGINT NOT NULL,
		reason      TEXT NOT NULL,
		placed_on   TEXT NOT NULL,
		released_on TEXT,
		PRIMARY KEY (case_id, seq)
	);`,
}

// SchemaVersion is the version of the schema this package writes: the
// number of migrations it knows.
const SchemaVersion = 3

// migrate brings the database's schema to SchemaVersion. It writes nothing
// when the schema is current, so a read-only database at the current version
// opens; it refuses a database whose schema is newer than this package.
func (s *Store) migrate(ctx context.Context) error {
	v, err := s.schemaVersion(ctx, s.db)
	if err != nil {
		return s.fail("read the schema version", "", err)
	}
	if v == SchemaVersion {
		return nil
	}
	if v > SchemaVersion {
		return newerSchema(v)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail("migrate the schema", "", err)
	}
	defer tx.Rollback()
	if err := s.migrateTx(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return s.fail("migrate the schema", "", err)
	}
	return nil
}

func (s *Store) migrateTx(ctx context.Context, tx *sql.Tx) error {
	if s.d.lockSchema != "" {
		if _, err := tx.ExecContext(ctx, s.d.lockSchema); err != nil {
			return s.fail("lock the schema", "", err)
		}
	}
	// Another process may have migrated since the first look.
	v, err := s.schemaVersion(ctx, tx)
	if err != nil {
		return s.fail("read the schema version", "", err)
	}
	if v > SchemaVersion {
		return newerSchema(v)
	}
	if v == 0 {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE hifazat_schema (version INTEGER PRIMARY KEY)`); err != nil {
			return s.fail("create the schema table", "", err)
		}
	}
	for i := v; i < SchemaVersion; i++ {
		for stmt := range strings.SplitSeq(strings.ReplaceAll(migrations[i], "{{id}}", s.d.idType), ";") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return s.fail(fmt.Sprintf("apply migration %d", i+1), "", err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO hifazat_schema (version) VALUES (?)`), i+1); err != nil {
			return s.fail(fmt.Sprintf("record migration %d", i+1), "", err)
		}
	}
	return nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaVersion returns the highest migration applied, 0 for an empty
// database.
func (s *Store) schemaVersion(ctx context.Context, q queryer) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, s.d.hasSchemaTable).Scan(&n); err != nil || n == 0 {
		return 0, err
	}
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT max(version) FROM hifazat_schema`).Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

func newerSchema(v int) error {
	return fmt.Errorf("sqlstore: the database's schema is at version %d, newer than this library's %d: upgrade the library: %w", v, SchemaVersion, casestore.ErrSchema)
}
