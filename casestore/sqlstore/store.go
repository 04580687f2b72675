package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
)

// Store is a [casestore.Store] on SQLite or PostgreSQL. It is safe for
// concurrent use by many goroutines, and many processes may open the same
// database at once. Build it with [Open], [OpenSQLite] or [OpenPostgres].
//
// A Store remembers the cases it last loaded or wrote, up to 8 MiB of their
// JSON, so that an append following a Load or an Append of the same case
// need not read it again; the append's write still checks the stored
// version and head, so what is remembered never overrides what is stored.
type Store struct {
	db     *sql.DB
	d      dialect
	where  string // what the store is, for error messages (no password)
	opts   casestore.Options
	st     statements
	recent caseCache
	closed atomic.Bool
}

var _ casestore.Store = (*Store)(nil)

// statements are the statements every write and load uses, prepared once
// (database/sql then reuses them on each connection).
type statements struct {
	caseRow, caseVersion, eventRows, caseWithEvents  *sql.Stmt
	insertCase, updateCase, advanceCase, insertEvent *sql.Stmt
	deleteDeadlines, insertDeadline                  *sql.Stmt
	appendOne                                        *sql.Stmt // nil unless the dialect has it
}

var statementText = []struct {
	dst  func(*statements) **sql.Stmt
	text string
}{
	{func(s *statements) **sql.Stmt { return &s.caseRow }, `SELECT header, genesis, version, head FROM hifazat_cases WHERE id = ?`},
	{func(s *statements) **sql.Stmt { return &s.caseVersion }, `SELECT version FROM hifazat_cases WHERE id = ?`},
	{func(s *statements) **sql.Stmt { return &s.eventRows }, `SELECT version, body, prev, hash FROM hifazat_events WHERE case_id = ? ORDER BY version`},
	{func(s *statements) **sql.Stmt { return &s.caseWithEvents }, `SELECT c.header, c.genesis, c.version, c.head, c.policy, c.state, c.deadlines, e.version, e.body, e.prev, e.hash
		FROM hifazat_cases c LEFT JOIN hifazat_events e ON e.case_id = c.id AND e.version <= c.version WHERE c.id = ? ORDER BY e.version`},
	{func(s *statements) **sql.Stmt { return &s.insertCase }, `INSERT INTO hifazat_cases (id, header, genesis, version, head, policy, state, deadlines) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`},
	{func(s *statements) **sql.Stmt { return &s.updateCase }, `UPDATE hifazat_cases SET version = ?, head = ?, policy = ?, state = ?, deadlines = ? WHERE id = ? AND version = ? AND head = ?`},
	{func(s *statements) **sql.Stmt { return &s.advanceCase }, `UPDATE hifazat_cases SET version = ?, head = ? WHERE id = ? AND version = ? AND head = ?`},
	{func(s *statements) **sql.Stmt { return &s.insertEvent }, `INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
	{func(s *statements) **sql.Stmt { return &s.deleteDeadlines }, `DELETE FROM hifazat_deadlines WHERE case_id = ?`},
	{func(s *statements) **sql.Stmt { return &s.insertDeadline }, `INSERT INTO hifazat_deadlines (case_id, rule, due) VALUES (?, ?, ?)`},
}

// appendOneText is the single-statement append of dialects whose UPDATE can
// feed an INSERT (PostgreSQL's data-modifying WITH).
const appendOneText = `WITH updated AS (
	UPDATE hifazat_cases SET version = ?, head = ?, policy = ?, state = ? WHERE id = ? AND version = ? AND head = ? RETURNING id)
INSERT INTO hifazat_events (case_id, version, type, on_date, by_role, body, prev, hash)
SELECT id, ?, ?, ?, ?, ?, ?, ? FROM updated`

// prepare prepares the statements, once the schema is in place.
func (s *Store) prepare(ctx context.Context) error {
	if s.d.oneStatementAppend {
		stmt, err := s.db.PrepareContext(ctx, s.d.rebind(appendOneText))
		if err != nil {
			return s.fail("prepare statements", "", err)
		}
		s.st.appendOne = stmt
	}
	for _, st := range statementText {
		stmt, err := s.db.PrepareContext(ctx, s.d.rebind(st.text))
		if err != nil {
			return s.fail("prepare statements", "", err)
		}
		*st.dst(&s.st) = stmt
	}
	return nil
}

// exec runs a prepared statement in tx.
func exec(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, args ...any) (sql.Result, error) {
	return tx.StmtContext(ctx, stmt).ExecContext(ctx, args...)
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
		res, err := exec(ctx, tx, s.st.insertCase, id, h.String(), casestore.Genesis(id, h).String(), c.Version(), c.Head.String(), p.Policy, p.State, deadlinesJSON(p.Deadlines))
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
	s.recent.put(c)
	return c, nil
}

// Append implements [casestore.Store]. It validates the events on the
// case as this store last loaded or wrote it, if that was at version
// expected, and otherwise loads the case first. Either way the write checks
// the case's version and head hash, so a case that changed since it was
// read is never appended to.
func (s *Store) Append(ctx context.Context, id string, expected int64, events ...casestore.Event) (casestore.Case, error) {
	if len(events) == 0 {
		return casestore.Case{}, &casestore.MalformedError{Case: id, Field: "events", Reason: "nothing to append"}
	}
	if c, ok := s.recent.get(id, expected); ok {
		got, err := s.appendTo(ctx, c, events)
		var conflict *casestore.ConflictError
		stale := errors.As(err, &conflict) && conflict.Actual == expected // another head
		// A refusal, or an event found malformed, is decided again on the
		// case as stored, in case it is not the case as remembered. Other
		// errors are returned: after a failed write, whether it was written
		// is for the caller to find out, not for a retry to guess.
		if !stale && !errors.Is(err, casestore.ErrRefused) && !errors.Is(err, casestore.ErrMalformed) {
			return got, err
		}
	}
	c, err := s.Load(ctx, id)
	if err != nil {
		return casestore.Case{}, err
	}
	if c.Version() != expected {
		return casestore.Case{}, &casestore.ConflictError{Case: id, Expected: expected, Actual: c.Version()}
	}
	return s.appendTo(ctx, c, events)
}

// appendTo validates events on c, the case as read at c.Version(), and
// writes them if the stored case is still at that version and head.
func (s *Store) appendTo(ctx context.Context, c casestore.Case, events []casestore.Event) (casestore.Case, error) {
	records, p, err := s.opts.Prepare(c, events)
	if err != nil {
		return casestore.Case{}, err
	}
	head := records[len(records)-1].Hash
	if s.d.oneStatementAppend && len(records) == 1 && slices.Equal(p.Deadlines, c.Projection.Deadlines) {
		err = s.appendOne(ctx, c, records[0], p)
	} else {
		err = s.inTx(ctx, "append to case", c.ID, func(tx *sql.Tx) error {
			return s.writeAppend(ctx, tx, c, records, p)
		})
	}
	if err != nil {
		return casestore.Case{}, err
	}
	// A new array: the case handed out shares nothing with the one read.
	c.Records = append(slices.Clip(c.Records), records...)
	c.Head, c.Projection = head, p
	s.recent.put(c)
	return c, nil
}

// writeAppend writes records and the projection p after them to c in tx,
// if the stored case is still at c's version and head. The version check
// and the write are one statement: of two writers that read the same
// version, only one updates the row. When the projection is as it was, only
// the version and head change, and the indexes on state and policy are not
// touched.
func (s *Store) writeAppend(ctx context.Context, tx *sql.Tx, c casestore.Case, records []casestore.Record, p casestore.Projection) error {
	id, expected := c.ID, c.Version()
	version, head := expected+int64(len(records)), records[len(records)-1].Hash.String()
	unchanged := slices.Equal(p.Deadlines, c.Projection.Deadlines)
	var res sql.Result
	var err error
	if unchanged && p.Policy == c.Projection.Policy && p.State == c.Projection.State {
		res, err = exec(ctx, tx, s.st.advanceCase, version, head, id, expected, c.Head.String())
	} else {
		res, err = exec(ctx, tx, s.st.updateCase, version, head, p.Policy, p.State, deadlinesJSON(p.Deadlines), id, expected, c.Head.String())
	}
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return orElse(err, s.conflict(ctx, tx.StmtContext(ctx, s.st.caseVersion), id, expected))
	}
	if err := s.insertEvents(ctx, tx, id, records); err != nil {
		return err
	}
	if unchanged {
		return nil
	}
	if _, err := exec(ctx, tx, s.st.deleteDeadlines, id); err != nil {
		return err
	}
	return s.insertDeadlines(ctx, tx, id, p.Deadlines)
}

// appendOne appends one event whose open deadlines are unchanged to c in a
// single statement, which checks the version and head, updates the case
// and inserts the event atomically: one round trip to a PostgreSQL server.
func (s *Store) appendOne(ctx context.Context, c casestore.Case, r casestore.Record, p casestore.Projection) error {
	if err := s.usable(); err != nil {
		return err
	}
	e := r.Event
	res, err := s.st.appendOne.ExecContext(ctx, r.Version, r.Hash.String(), p.Policy, p.State, c.ID, c.Version(), c.Head.String(),
		r.Version, e.Type(), e.On().String(), e.By(), e.String(), r.Prev.String(), r.Hash.String())
	if err != nil {
		return s.fail("append to case", c.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return s.fail("append to case", c.ID, orElse(err, s.conflict(ctx, s.st.caseVersion, c.ID, c.Version())))
	}
	return nil
}

// conflict builds the error for an update that found the case moved on
// (to another version, or another head).
func (s *Store) conflict(ctx context.Context, caseVersion *sql.Stmt, id string, expected int64) error {
	var actual int64
	err := caseVersion.QueryRowContext(ctx, id).Scan(&actual)
	if err == sql.ErrNoRows {
		return &casestore.NotFoundError{Case: id}
	}
	if err != nil {
		return err
	}
	return &casestore.ConflictError{Case: id, Expected: expected, Actual: actual}
}

func (s *Store) insertEvents(ctx context.Context, tx *sql.Tx, id string, records []casestore.Record) error {
	for _, r := range records {
		e := r.Event
		if _, err := exec(ctx, tx, s.st.insertEvent, id, r.Version, e.Type(), e.On().String(), e.By(), e.String(), r.Prev.String(), r.Hash.String()); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) insertDeadlines(ctx context.Context, tx *sql.Tx, id string, ds []casestore.Deadline) error {
	for _, d := range ds {
		if _, err := exec(ctx, tx, s.st.insertDeadline, id, d.Rule, d.Due.String()); err != nil {
			return err
		}
	}
	return nil
}

// Load implements [casestore.Store]. One statement reads the case row and
// its events up to the version it records: one consistent read, and one
// round trip to a server.
func (s *Store) Load(ctx context.Context, id string) (casestore.Case, error) {
	if err := s.usable(); err != nil {
		return casestore.Case{}, err
	}
	if err := casestore.CheckID(id); err != nil {
		return casestore.Case{}, err
	}
	rows, err := s.st.caseWithEvents.QueryContext(ctx, id)
	if err != nil {
		return casestore.Case{}, s.fail("load case", id, err)
	}
	defer rows.Close()
	sc := casestore.StoredCase{ID: id}
	var p casestore.Projection
	var header, genesis, head, deadlines string
	found := false
	for rows.Next() {
		var v sql.NullInt64
		var body, prev, hash sql.NullString
		if err := rows.Scan(&header, &genesis, &sc.Version, &head, &p.Policy, &p.State, &deadlines, &v, &body, &prev, &hash); err != nil {
			return casestore.Case{}, s.fail("load case", id, err)
		}
		found = true
		if v.Valid {
			sc.Rows = append(sc.Rows, casestore.StoredRow{Version: v.Int64, Event: []byte(body.String), Prev: parseHash(prev.String), Hash: parseHash(hash.String)})
		}
	}
	if err := rows.Err(); err != nil {
		return casestore.Case{}, s.fail("load case", id, err)
	}
	if !found {
		return casestore.Case{}, &casestore.NotFoundError{Case: id}
	}
	sc.Header, sc.Genesis, sc.Head = []byte(header), parseHash(genesis), parseHash(head)
	if p.Deadlines, err = parseDeadlines(deadlines); err != nil {
		return casestore.Case{}, corrupt(id, "its open deadlines", err)
	}
	c, err := decodeCase(sc, p)
	if err != nil {
		return casestore.Case{}, err
	}
	s.recent.put(c)
	return c, nil
}

// Verify implements [casestore.Store]. It reads every row of the case, in
// one snapshot, so that rows inserted past the recorded version are seen.
func (s *Store) Verify(ctx context.Context, id string) (casestore.Verification, error) {
	if err := s.usable(); err != nil {
		return casestore.Verification{}, err
	}
	tx, err := s.db.BeginTx(ctx, &s.d.snapshot)
	if err != nil {
		return casestore.Verification{}, s.fail("verify case", id, err)
	}
	defer tx.Rollback()
	sc, err := s.readAll(ctx, tx, id)
	if err != nil {
		return casestore.Verification{}, err
	}
	return casestore.VerifyStored(sc), nil
}

// readAll returns every stored row of case id, untrusted, in tx.
func (s *Store) readAll(ctx context.Context, tx *sql.Tx, id string) (casestore.StoredCase, error) {
	sc := casestore.StoredCase{ID: id}
	if err := casestore.CheckID(id); err != nil {
		return sc, err
	}
	var header, genesis, head string
	err := tx.StmtContext(ctx, s.st.caseRow).QueryRowContext(ctx, id).Scan(&header, &genesis, &sc.Version, &head)
	if err == sql.ErrNoRows {
		return sc, &casestore.NotFoundError{Case: id}
	}
	if err != nil {
		return sc, s.fail("verify case", id, err)
	}
	sc.Header, sc.Genesis, sc.Head = []byte(header), parseHash(genesis), parseHash(head)
	rows, err := tx.StmtContext(ctx, s.st.eventRows).QueryContext(ctx, id)
	if err != nil {
		return sc, s.fail("verify case", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r casestore.StoredRow
		var body, prev, hash string
		if err := rows.Scan(&r.Version, &body, &prev, &hash); err != nil {
			return sc, s.fail("verify case", id, err)
		}
		r.Event, r.Prev, r.Hash = []byte(body), parseHash(prev), parseHash(hash)
		sc.Rows = append(sc.Rows, r)
	}
	if err := rows.Err(); err != nil {
		return sc, s.fail("verify case", id, err)
	}
	return sc, nil
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
	s.recent.clear()
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
