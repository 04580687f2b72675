package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
)

// Store is a [casestore.Store] on SQLite or PostgreSQL. It is safe for
// concurrent use by many goroutines, and many processes may open the same
// database at once. Build it with [Open], [OpenSQLite] or [OpenPostgres].
type Store struct {
	db     *sql.DB
	d      dialect
	where  string // what the store is, for error messages (no password)
	opts   casestore.Options
	q      queries
	closed atomic.Bool
}

var _ casestore.Store = (*Store)(nil)

// queries are the statements every method uses, in the dialect's syntax.
type queries struct {
	caseRow, caseVersion, eventRows           string
	insertCase, updateCase, insertEvent       string
	deleteDeadlines, insertDeadline, listBase string
}

func prepareQueries(d dialect) queries {
	r := d.rebind
	return queries{
		caseRow:         r(`SELECT header, genesis, version, head, policy, state, deadlines FROM hifazat_cases WHERE id = ?`),
		caseVersion:     r(`SELECT version FROM hifazat_cases WHERE id = ?`),
		eventRows:       r(`SELECT version, body, prev, hash FROM hifazat_events WHERE case_id = ? ORDER BY version`),
		insertCase:      r(`INSERT INTO hifazat_cases (id, header, genesis, version, head, policy, state, deadlines) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
		updateCase:      r(`UPDATE hifazat_cases SET version = ?, head = ?, policy = ?, state = ?, deadlines = ? WHERE id = ? AND version = ?`),
		insertEvent:     r(`INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		deleteDeadlines: r(`DELETE FROM hifazat_deadlines WHERE case_id = ?`),
		insertDeadline:  r(`INSERT INTO hifazat_deadlines (case_id, rule, due) VALUES (?, ?, ?)`),
		listBase:        `SELECT id, version, policy, state, deadlines FROM hifazat_cases`,
	}
}

// DB returns the database handle, for backups, monitoring and tests. Writing
// to the hifazat_ tables through it bypasses validation and breaks the hash
// chain, which Verify then reports.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.d.name }

// Create implements [casestore.Store].
func (s *Store) Create(ctx context.Context, id string, h casestore.Header, events ...casestore.Event) (casestore.Case, error) {
	if err := s.usable(); err != nil {
		return casestore.Case{}, err
	}
	if id == "" {
		id = casestore.NewID()
	}
	c := casestore.Case{ID: id, Header: h}
	if h.IsValid() {
		c.Head = casestore.Genesis(id, h)
	}
	records, p, err := s.opts.Prepare(c, events)
	if err != nil {
		return casestore.Case{}, err
	}
	c.Records, c.Projection = records, p
	if len(records) > 0 {
		c.Head = records[len(records)-1].Hash
	}
	err = s.inTx(ctx, "create case", id, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.insertCase, id, h.String(), casestore.Genesis(id, h).String(), c.Version(), c.Head.String(), p.Policy, p.State, deadlinesJSON(p.Deadlines))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return orElse(err, &casestore.ExistsError{Case: id})
		}
		if err := s.insertEvents(ctx, tx, id, records); err != nil {
			return err
		}
		return s.insertDeadlines(ctx, tx, id, p.Deadlines)
	})
	if err != nil {
		return casestore.Case{}, err
	}
	return c, nil
}

// Append implements [casestore.Store].
func (s *Store) Append(ctx context.Context, id string, expected int64, events ...casestore.Event) (casestore.Case, error) {
	if len(events) == 0 {
		return casestore.Case{}, &casestore.MalformedError{Case: id, Field: "events", Reason: "nothing to append"}
	}
	c, err := s.Load(ctx, id)
	if err != nil {
		return casestore.Case{}, err
	}
	if c.Version() != expected {
		return casestore.Case{}, &casestore.ConflictError{Case: id, Expected: expected, Actual: c.Version()}
	}
	records, p, err := s.opts.Prepare(c, events)
	if err != nil {
		return casestore.Case{}, err
	}
	head := records[len(records)-1].Hash
	err = s.inTx(ctx, "append to case", id, func(tx *sql.Tx) error {
		// The version check and the write are one statement: of two writers
		// that read the same version, only one updates the row.
		res, err := tx.ExecContext(ctx, s.q.updateCase, expected+int64(len(records)), head.String(), p.Policy, p.State, deadlinesJSON(p.Deadlines), id, expected)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return orElse(err, s.conflict(ctx, tx, id, expected))
		}
		if err := s.insertEvents(ctx, tx, id, records); err != nil {
			return err
		}
		if slices.Equal(p.Deadlines, c.Projection.Deadlines) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, s.q.deleteDeadlines, id); err != nil {
			return err
		}
		return s.insertDeadlines(ctx, tx, id, p.Deadlines)
	})
	if err != nil {
		return casestore.Case{}, err
	}
	c.Records = append(c.Records, records...)
	c.Head, c.Projection = head, p
	return c, nil
}

// conflict builds the error for an update that found the case moved on.
func (s *Store) conflict(ctx context.Context, tx *sql.Tx, id string, expected int64) error {
	var actual int64
	if err := tx.QueryRowContext(ctx, s.q.caseVersion, id).Scan(&actual); err != nil {
		return err
	}
	return &casestore.ConflictError{Case: id, Expected: expected, Actual: actual}
}

func (s *Store) insertEvents(ctx context.Context, tx *sql.Tx, id string, records []casestore.Record) error {
	for _, r := range records {
		e := r.Event
		if _, err := tx.ExecContext(ctx, s.q.insertEvent, id, r.Version, e.Type(), e.On().String(), e.By(), e.String(), r.Prev.String(), r.Hash.String()); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) insertDeadlines(ctx context.Context, tx *sql.Tx, id string, ds []casestore.Deadline) error {
	for _, d := range ds {
		if _, err := tx.ExecContext(ctx, s.q.insertDeadline, id, d.Rule, d.Due.String()); err != nil {
			return err
		}
	}
	return nil
}

// Load implements [casestore.Store].
func (s *Store) Load(ctx context.Context, id string) (casestore.Case, error) {
	sc, p, err := s.read(ctx, "load case", id)
	if err != nil {
		return casestore.Case{}, err
	}
	return decodeCase(sc, p)
}

// Verify implements [casestore.Store].
func (s *Store) Verify(ctx context.Context, id string) (casestore.Verification, error) {
	sc, _, err := s.read(ctx, "verify case", id)
	if err != nil {
		return casestore.Verification{}, err
	}
	return casestore.VerifyStored(sc), nil
}

// read returns case id's rows, untrusted, from one consistent snapshot.
func (s *Store) read(ctx context.Context, op, id string) (casestore.StoredCase, casestore.Projection, error) {
	if err := s.usable(); err != nil {
		return casestore.StoredCase{}, casestore.Projection{}, err
	}
	if err := casestore.CheckID(id); err != nil {
		return casestore.StoredCase{}, casestore.Projection{}, err
	}
	sc := casestore.StoredCase{ID: id}
	var p casestore.Projection
	tx, err := s.db.BeginTx(ctx, &s.d.snapshot)
	if err != nil {
		return sc, p, s.fail(op, id, err)
	}
	defer tx.Rollback()
	var header, genesis, head, deadlines string
	err = tx.QueryRowContext(ctx, s.q.caseRow, id).Scan(&header, &genesis, &sc.Version, &head, &p.Policy, &p.State, &deadlines)
	if err == sql.ErrNoRows {
		return sc, p, &casestore.NotFoundError{Case: id}
	}
	if err != nil {
		return sc, p, s.fail(op, id, err)
	}
	sc.Header, sc.Genesis, sc.Head = []byte(header), parseHash(genesis), parseHash(head)
	if p.Deadlines, err = parseDeadlines(deadlines); err != nil {
		return sc, p, corrupt(id, "its open deadlines", err)
	}
	rows, err := tx.QueryContext(ctx, s.q.eventRows, id)
	if err != nil {
		return sc, p, s.fail(op, id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r casestore.StoredRow
		var body, prev, hash string
		if err := rows.Scan(&r.Version, &body, &prev, &hash); err != nil {
			return sc, p, s.fail(op, id, err)
		}
		r.Event, r.Prev, r.Hash = []byte(body), parseHash(prev), parseHash(hash)
		sc.Rows = append(sc.Rows, r)
	}
	if err := rows.Err(); err != nil {
		return sc, p, s.fail(op, id, err)
	}
	return sc, p, nil
}

// decodeCase turns untrusted rows into a Case, refusing rows that are not
// the contiguous, parsable events the store writes.
func decodeCase(sc casestore.StoredCase, p casestore.Projection) (casestore.Case, error) {
	h, err := casestore.ParseHeader(sc.Header)
	if err != nil {
		return casestore.Case{}, corrupt(sc.ID, "its header", err)
	}
	if int64(len(sc.Rows)) != sc.Version {
		return casestore.Case{}, corrupt(sc.ID, "its events", fmt.Errorf("the case records %d events, %d are stored", sc.Version, len(sc.Rows)))
	}
	c := casestore.Case{ID: sc.ID, Header: h, Head: sc.Head, Projection: p, Records: make([]casestore.Record, len(sc.Rows))}
	for i, r := range sc.Rows {
		if r.Version != int64(i+1) {
			return casestore.Case{}, corrupt(sc.ID, "its events", fmt.Errorf("version %d is stored at position %d", r.Version, i+1))
		}
		e, err := casestore.ParseEvent(r.Event)
		if err != nil {
			return casestore.Case{}, corrupt(sc.ID, fmt.Sprintf("event %d", r.Version), err)
		}
		c.Records[i] = casestore.Record{Version: r.Version, Event: e, Prev: r.Prev, Hash: r.Hash}
	}
	return c, nil
}

func corrupt(id, what string, err error) error {
	return fmt.Errorf("sqlstore: case %q: %s cannot be read back as written (%v): run verify: %w", id, what, err, casestore.ErrCorrupt)
}

// parseHash reads a stored hash; an unreadable one becomes the zero Hash,
// which never matches, so Verify reports the row.
func parseHash(s string) casestore.Hash {
	h, _ := casestore.ParseHash(s)
	return h
}

type deadlineJSON struct {
	Rule string     `json:"rule"`
	Kind string     `json:"kind"`
	Due  civil.Date `json:"due"`
}

func deadlinesJSON(ds []casestore.Deadline) string {
	js := make([]deadlineJSON, len(ds))
	for i, d := range ds {
		js[i] = deadlineJSON(d)
	}
	b, _ := json.Marshal(js) // strings and dates always marshal
	return string(b)
}

func parseDeadlines(s string) ([]casestore.Deadline, error) {
	var js []deadlineJSON
	if err := json.Unmarshal([]byte(s), &js); err != nil {
		return nil, err
	}
	if len(js) == 0 {
		return nil, nil
	}
	ds := make([]casestore.Deadline, len(js))
	for i, d := range js {
		ds[i] = casestore.Deadline(d)
	}
	return ds, nil
}

// Close implements [casestore.Store].
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return s.db.Close()
}

func (s *Store) usable() error {
	if s.closed.Load() {
		return casestore.ErrClosed
	}
	return nil
}

// inTx runs f in a write transaction and commits it, or rolls it back and
// returns the error translated for the API.
func (s *Store) inTx(ctx context.Context, op, id string, f func(*sql.Tx) error) error {
	if err := s.usable(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(op, id, err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return s.fail(op, id, err)
	}
	if err := tx.Commit(); err != nil {
		return s.fail(op, id, err)
	}
	return nil
}

// orElse returns err if set, else alt.
func orElse(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}
