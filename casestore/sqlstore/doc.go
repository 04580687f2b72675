// Package sqlstore is the SQL implementation of [casestore.Store]: SQLite
// through modernc.org/sqlite (pure Go, no cgo), the embedded default, and
// PostgreSQL through github.com/jackc/pgx/v5, for deployments that outgrow
// one machine. Both share one schema and one set of queries; [Open] picks
// the database from a location string ("sqlite:./hifazat.db",
// "postgres://...", or "memory:" for a [memstore.Store]).
//
// The schema is versioned ([SchemaVersion]); Open applies missing
// migrations in one transaction (serialised between processes), writes
// nothing when the schema is current (so a read-only database opens), and
// refuses a database whose schema is newer than the library. Tables are
// prefixed hifazat_: hifazat_cases (header, genesis and head hashes,
// version, and the projection casefsm derives: policy, state, open
// deadlines), hifazat_events (the event's canonical JSON with its type,
// date, actor, previous hash and hash as columns) and hifazat_deadlines
// (open deadlines, indexed by due date, which List's deadline filters
// scan).
//
// An append reads the case inside its write transaction (one statement:
// the case row and its events), has the store's casefsm engine apply only
// the new events to it, and writes the events and the new projection in the
// same transaction, updating the case row only if it is still at the
// version and head hash read: of concurrent writers, in one process or
// many, exactly one wins and the others get [casestore.ErrConflict]. Apply
// (an append at the head) first locks the case row on PostgreSQL; SQLite's
// write transactions are exclusive. On PostgreSQL the write of one event
// that leaves the case's open deadlines as they were (a note, say) is a
// single statement. Nothing is cached between calls. SQLite runs in WAL mode
// with synchronous=FULL (an acknowledged event survives a power cut),
// immediate write transactions and a busy timeout, so that many processes
// can share one file.
//
// Driver errors are translated at the boundary into [*Error] values that
// wrap [casestore.ErrUnavailable] or [casestore.ErrReadOnly]; driver types
// never reach callers, and no message carries a password or case content.
package sqlstore
