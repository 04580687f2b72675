package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"sync/atomic"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Store is a [casestore.Store] on SQLite or PostgreSQL. It is safe for
// concurrent use by many goroutines, and many processes may open the same
// database at once. Build it with [Open], [OpenSQLite] or [OpenPostgres].
//
// Every write reads the case inside its own transaction and has casefsm
// apply only the new events to it: nothing is remembered between calls, so
// what another process wrote is always what the law decides on.
type Store struct {
	db     *sql.DB
	d      dialect
	where  string // what the store is, for error messages (no password)
	kit    storekit.Kit
	st     statements
	closed atomic.Bool
}

var _ casestore.Store = (*Store)(nil)

// statements are the statements every write and load uses, prepared once
// (database/sql then reuses them on each connection).
type statements struct {
	caseRow, caseVersion, eventRows, caseWithEvents  *sql.Stmt
	dueRows, holdRows, insertHold, releaseHold       *sql.Stmt
	eraseCase                                        *sql.Stmt
	insertCase, updateCase, advanceCase, insertEvent *sql.Stmt
	deleteDeadlines, insertDeadline                  *sql.Stmt
	appendOne, lockCase                              *sql.Stmt // nil unless the dialect has them
}

var statementText = []struct {
	dst  func(*statements) **sql.Stmt
	text string
}{
	{func(s *statements) **sql.Stmt { return &s.caseRow }, `SELECT header, genesis, version, head, policy, state, deadlines, case_key, erased_on FROM hifazat_cases WHERE id = ?`},
	{func(s *statements) **sql.Stmt { return &s.caseVersion }, `SELECT version FROM hifazat_cases WHERE id = ?`},
	{func(s *statements) **sql.Stmt { return &s.eventRows }, `SELECT version, body, prev, hash, type, on_date, by_role FROM hifazat_events WHERE case_id = ? ORDER BY version`},
	{func(s *statements) **sql.Stmt { return &s.dueRows }, `SELECT rule, due FROM hifazat_deadlines WHERE case_id = ? ORDER BY due, rule`},
	{func(s *statements) **sql.Stmt { return &s.caseWithEvents }, `SELECT c.header, c.genesis, c.version, c.head, c.policy, c.state, c.deadlines, c.case_key, c.erased_on, e.version, e.body, e.prev, e.hash, e.type, e.on_date, e.by_role
		FROM hifazat_cases c LEFT JOIN hifazat_events e ON e.case_id = c.id WHERE c.id = ? ORDER BY e.version`},
	{func(s *statements) **sql.Stmt { return &s.insertCase }, `INSERT INTO hifazat_cases (id, header, genesis, version, head, policy, state, deadlines, case_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`},
	{func(s *statements) **sql.Stmt { return &s.holdRows }, `SELECT reason, placed_on, released_on FROM hifazat_holds WHERE case_id = ? ORDER BY seq`},
	{func(s *statements) **sql.Stmt { return &s.insertHold }, `INSERT INTO hifazat_holds (case_id, seq, reason, placed_on) VALUES (?, ?, ?, ?)`},
	{func(s *statements) **sql.Stmt { return &s.releaseHold }, `UPDATE hifazat_holds SET released_on = ? WHERE case_id = ? AND seq = ? AND released_on IS NULL`},
	{func(s *statements) **sql.Stmt { return &s.eraseCase }, `UPDATE hifazat_cases SET case_key = NULL, erased_on = ? WHERE id = ? AND version = ? AND head = ? AND erased_on IS NULL`},
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
	for _, st := range []struct {
		dst  **sql.Stmt
		text string
	}{{&s.st.appendOne, s.d.appendOne}, {&s.st.lockCase, s.d.lockCase}} {
		if st.text == "" {
			continue
		}
		stmt, err := s.db.PrepareContext(ctx, s.d.rebind(st.text))
		if err != nil {
			return s.fail("prepare statements", "", err)
		}
		*st.dst = stmt
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
func (s *Store) Create(ctx context.Context, id string, h casefsm.Header, events ...casefsm.Event) (casestore.Case, error) {
	if err := s.usable(); err != nil {
		return casestore.Case{}, err
	}
	named := id // errors name only an id the caller chose: a chosen one was never stored
	if id == "" {
		id = casestore.NewID()
	}
	c, sc, err := s.kit.Create(id, h, events)
	if err != nil {
		return casestore.Case{}, err
	}
	p := c.Projection
	err = s.inTx(ctx, "create case", named, func(tx *sql.Tx) error {
		res, err := exec(ctx, tx, s.st.insertCase, id, string(sc.Header), sc.Genesis.String(), c.Version(), c.Head.String(), string(p.Policy), p.State.String(), deadlinesJSON(p.Deadlines), keyText(sc.Key))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return orElse(err, &casestore.ExistsError{Case: id})
		}
		if err := s.insertEvents(ctx, tx, c, sc.Rows); err != nil {
			return err
		}
		return s.insertDeadlines(ctx, tx, id, p.Deadlines)
	})
	if err != nil {
		return casestore.Case{}, err
	}
	return c, nil
}

// Append implements [casestore.Store]. It reads the case in the write
// transaction, checks its version, and has casefsm apply the new events to
// it.
func (s *Store) Append(ctx context.Context, id string, expected int64, events ...casefsm.Event) (casestore.Case, error) {
	return s.write(ctx, id, func(c casestore.Case) error {
		if c.Version() != expected {
			return &casestore.ConflictError{Case: id, Expected: expected, Actual: c.Version()}
		}
		return nil
	}, events)
}

// Apply implements [casestore.Store]. The case is locked for the
// transaction before it is read (PostgreSQL's SELECT ... FOR UPDATE;
// SQLite's write transactions are exclusive), so no other writer can move
// it between the read and the write.
func (s *Store) Apply(ctx context.Context, id string, events ...casefsm.Event) (casestore.Case, error) {
	return s.write(ctx, id, nil, events)
}

// write decides events on case id as read in the write transaction and
// writes them, once check (if any; nil means lock the case) accepts it.
func (s *Store) write(ctx context.Context, id string, check func(casestore.Case) error, events []casefsm.Event) (casestore.Case, error) {
	if len(events) == 0 {
		return casestore.Case{}, &casestore.MalformedError{Case: id, Field: "events", Reason: "nothing to append"}
	}
	if err := casestore.CheckID(id); err != nil {
		return casestore.Case{}, err
	}
	var out casestore.Case
	err := s.inTx(ctx, "append to case", id, func(tx *sql.Tx) error {
		if check == nil && s.st.lockCase != nil {
			if _, err := exec(ctx, tx, s.st.lockCase, id); err != nil {
				return err
			}
		}
		l, err := s.load(ctx, tx.StmtContext(ctx, s.st.caseWithEvents), tx.StmtContext(ctx, s.st.dueRows), id)
		if err != nil {
			return err
		}
		c := l.Case
		if check != nil {
			if err := check(c); err != nil {
				return err
			}
		}
		next, rows, err := s.kit.AppendLoaded(l, events)
		if err != nil {
			return err
		}
		out = next
		return s.writeAppend(ctx, tx, c, next, rows)
	})
	if err != nil {
		return casestore.Case{}, err
	}
	return out, nil
}

// writeAppend writes rows and the projection of next after c, if the
// stored case is still at c's version and head. The version check and the
// write are one statement: of two writers that read the same version, only
// one updates the row. When the projection is as it was, only the version
// and head change, and the indexes on state and policy are not touched.
func (s *Store) writeAppend(ctx context.Context, tx *sql.Tx, c, next casestore.Case, rows []storekit.StoredRow) error {
	id, expected, p := c.ID, c.Version(), next.Projection
	version, head := next.Version(), next.Head.String()
	sameDeadlines := slices.Equal(p.Deadlines, c.Projection.Deadlines)
	if s.st.appendOne != nil && len(rows) == 1 && sameDeadlines {
		r := rows[0]
		ev := next.Records[len(next.Records)-1].Event
		res, err := exec(ctx, tx, s.st.appendOne, version, head, string(p.Policy), p.State.String(), id, expected, c.Head.String(),
			r.Version, ev.Type.String(), ev.On.String(), ev.By.String(), string(r.Event), r.Prev.String(), r.Hash.String())
		return s.checkWritten(ctx, tx, res, err, id, expected)
	}
	var res sql.Result
	var err error
	if sameDeadlines && p.Policy == c.Projection.Policy && p.State == c.Projection.State {
		res, err = exec(ctx, tx, s.st.advanceCase, version, head, id, expected, c.Head.String())
	} else {
		res, err = exec(ctx, tx, s.st.updateCase, version, head, string(p.Policy), p.State.String(), deadlinesJSON(p.Deadlines), id, expected, c.Head.String())
	}
	if err := s.checkWritten(ctx, tx, res, err, id, expected); err != nil {
		return err
	}
	if err := s.insertEvents(ctx, tx, next, rows); err != nil {
		return err
	}
	if sameDeadlines {
		return nil
	}
	if _, err := exec(ctx, tx, s.st.deleteDeadlines, id); err != nil {
		return err
	}
	return s.insertDeadlines(ctx, tx, id, p.Deadlines)
}

// checkWritten turns a conditional write that changed no row into the
// error for a case that moved on (to another version, or another head).
func (s *Store) checkWritten(ctx context.Context, tx *sql.Tx, res sql.Result, err error, id string, expected int64) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	var actual int64
	switch err := tx.StmtContext(ctx, s.st.caseVersion).QueryRowContext(ctx, id).Scan(&actual); {
	case err == sql.ErrNoRows:
		return &casestore.NotFoundError{Case: id}
	case err != nil:
		return err
	}
	return &casestore.ConflictError{Case: id, Expected: expected, Actual: actual}
}

// insertEvents inserts rows, the last len(rows) records of c.
func (s *Store) insertEvents(ctx context.Context, tx *sql.Tx, c casestore.Case, rows []storekit.StoredRow) error {
	records := c.Records[len(c.Records)-len(rows):]
	for i, r := range rows {
		ev := records[i].Event
		if _, err := exec(ctx, tx, s.st.insertEvent, c.ID, r.Version, ev.Type.String(), ev.On.String(), ev.By.String(), string(r.Event), r.Prev.String(), r.Hash.String()); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) insertDeadlines(ctx context.Context, tx *sql.Tx, id string, ds []deadlines.Deadline) error {
	for _, d := range ds {
		if _, err := exec(ctx, tx, s.st.insertDeadline, id, string(d.Rule), d.Due.String()); err != nil {
			return err
		}
	}
	return nil
}

// Load implements [casestore.Store]. One statement reads the case row and
// all its events (one consistent read, one round trip to a server), a
// second its deadline index; the case is checked before it is returned.
func (s *Store) Load(ctx context.Context, id string) (casestore.Case, error) {
	if err := s.usable(); err != nil {
		return casestore.Case{}, err
	}
	if err := casestore.CheckID(id); err != nil {
		return casestore.Case{}, err
	}
	l, err := s.load(ctx, s.st.caseWithEvents, s.st.dueRows, id)
	if err != nil {
		return casestore.Case{}, s.fail("load case", id, err)
	}
	return l.Case, nil
}

// load reads case id with caseWithEvents and its deadline index with
// dueRows, in or out of a transaction, and checks it (storekit.Kit.Open).
func (s *Store) load(ctx context.Context, caseWithEvents, dueRows *sql.Stmt, id string) (storekit.Loaded, error) {
	rows, err := caseWithEvents.QueryContext(ctx, id)
	if err != nil {
		return storekit.Loaded{}, err
	}
	defer rows.Close()
	sc := storekit.StoredCase{ID: id}
	var policyID, state, header, genesis, head, deadlines string
	var key, erased sql.NullString
	found := false
	for rows.Next() {
		var v sql.NullInt64
		var body, prev, hash, typ, on, by sql.NullString
		if err := rows.Scan(&header, &genesis, &sc.Version, &head, &policyID, &state, &deadlines, &key, &erased, &v, &body, &prev, &hash, &typ, &on, &by); err != nil {
			return storekit.Loaded{}, err
		}
		found = true
		if v.Valid {
			sc.Rows = append(sc.Rows, storekit.StoredRow{Version: v.Int64, Event: []byte(body.String), Prev: parseHash(prev.String), Hash: parseHash(hash.String),
				Index: []string{typ.String, on.String, by.String}})
		}
	}
	if err := rows.Err(); err != nil {
		return storekit.Loaded{}, err
	}
	if !found {
		return storekit.Loaded{}, &casestore.NotFoundError{Case: id}
	}
	sc.Header, sc.Genesis, sc.Head = []byte(header), parseHash(genesis), parseHash(head)
	if err := readSeal(&sc, key, erased); err != nil {
		return storekit.Loaded{}, err
	}
	p, err := projection(id, policyID, state, deadlines)
	if err != nil {
		return storekit.Loaded{}, err
	}
	if sc.Due, err = readDue(ctx, dueRows, id); err != nil {
		return storekit.Loaded{}, err
	}
	return s.kit.Open(sc, p)
}

// readDue reads the deadline index of case id, as storekit.StoredCase.Due.
func readDue(ctx context.Context, dueRows *sql.Stmt, id string) ([]string, error) {
	rows, err := dueRows.QueryContext(ctx, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	due := []string{}
	for rows.Next() {
		var rule, on string
		if err := rows.Scan(&rule, &on); err != nil {
			return nil, err
		}
		due = append(due, rule+" "+on)
	}
	return due, rows.Err()
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
	sc, p, err := s.readAll(ctx, tx, id)
	if err != nil {
		return casestore.Verification{}, err
	}
	v, err := s.kit.Verify(sc, p)
	if err != nil {
		return v, s.fail("verify case", id, err)
	}
	return v, nil
}

// readAll returns every stored row of case id, untrusted, in tx, with the
// projection and deadline index stored beside them.
func (s *Store) readAll(ctx context.Context, tx *sql.Tx, id string) (storekit.StoredCase, casestore.Projection, error) {
	sc := storekit.StoredCase{ID: id}
	var p casestore.Projection
	if err := casestore.CheckID(id); err != nil {
		return sc, p, err
	}
	var header, genesis, head, policyID, state, deadlines string
	var key, erased sql.NullString
	err := tx.StmtContext(ctx, s.st.caseRow).QueryRowContext(ctx, id).Scan(&header, &genesis, &sc.Version, &head, &policyID, &state, &deadlines, &key, &erased)
	if err == sql.ErrNoRows {
		return sc, p, &casestore.NotFoundError{Case: id}
	}
	if err != nil {
		return sc, p, s.fail("verify case", id, err)
	}
	sc.Header, sc.Genesis, sc.Head = []byte(header), parseHash(genesis), parseHash(head)
	if err := readSeal(&sc, key, erased); err != nil {
		return sc, p, err
	}
	if p, err = projection(id, policyID, state, deadlines); err != nil {
		// An unreadable index is an altered one: keep the zero projection,
		// which the check reports against the events.
		p = casestore.Projection{}
	}
	if sc.Due, err = readDue(ctx, tx.StmtContext(ctx, s.st.dueRows), id); err != nil {
		return sc, p, s.fail("verify case", id, err)
	}
	rows, err := tx.StmtContext(ctx, s.st.eventRows).QueryContext(ctx, id)
	if err != nil {
		return sc, p, s.fail("verify case", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r storekit.StoredRow
		var body, prev, hash, typ, on, by string
		if err := rows.Scan(&r.Version, &body, &prev, &hash, &typ, &on, &by); err != nil {
			return sc, p, s.fail("verify case", id, err)
		}
		r.Event, r.Prev, r.Hash, r.Index = []byte(body), parseHash(prev), parseHash(hash), []string{typ, on, by}
		sc.Rows = append(sc.Rows, r)
	}
	if err := rows.Err(); err != nil {
		return sc, p, s.fail("verify case", id, err)
	}
	return sc, p, nil
}

// parseHash reads a stored hash; an unreadable one becomes the zero Hash,
// which never matches, so Verify reports the row.
func parseHash(s string) casestore.Hash {
	h, _ := casestore.ParseHash(s)
	return h
}

// projection reads the stored projection columns of case id.
func projection(id, policyID, state, deadlines string) (casestore.Projection, error) {
	p := casestore.Projection{Policy: policy.ID(policyID)}
	if err := p.State.UnmarshalText([]byte(state)); err != nil {
		return p, storekit.Corrupt(id, "its state", err)
	}
	if err := json.Unmarshal([]byte(deadlines), &p.Deadlines); err != nil {
		return p, storekit.Corrupt(id, "its open deadlines", err)
	}
	if len(p.Deadlines) == 0 {
		p.Deadlines = nil
	}
	return p, nil
}

func deadlinesJSON(ds []deadlines.Deadline) string {
	if ds == nil {
		ds = []deadlines.Deadline{}
	}
	b, _ := json.Marshal(ds) // computed deadlines always marshal
	return string(b)
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
