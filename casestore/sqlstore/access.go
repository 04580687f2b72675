package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/hifazat/hifazat/casestore/access"
)

// AccessLog returns the store's access log (see package access): a table
// of the same database, hifazat_access, each entry stored as its JSON and
// chained to the one before. Appends are serialised (SQLite's write
// transactions are exclusive; PostgreSQL locks the table), so the chain
// has one order.
func (s *Store) AccessLog() access.Log { return accessLog{s} }

type accessLog struct{ s *Store }

// Append implements [access.Log].
func (l accessLog) Append(ctx context.Context, e access.Entry) (access.Entry, error) {
	s := l.s
	err := s.inTx(ctx, "log access to case", e.Case, func(tx *sql.Tx) error {
		if s.d.name == "postgres" {
			if _, err := tx.ExecContext(ctx, `LOCK TABLE hifazat_access IN EXCLUSIVE MODE`); err != nil {
				return err
			}
		}
		var last access.Entry
		var body string
		switch err := tx.QueryRowContext(ctx, `SELECT body FROM hifazat_access ORDER BY seq DESC LIMIT 1`).Scan(&body); {
		case err == sql.ErrNoRows:
		case err != nil:
			return err
		default:
			if err := json.Unmarshal([]byte(body), &last); err != nil {
				return err
			}
		}
		e = access.Seal(last, e)
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.d.rebind(`INSERT INTO hifazat_access (seq, case_id, body) VALUES (?, ?, ?)`), e.Seq, e.Case, string(b))
		return err
	})
	return e, err
}

// Entries implements [access.Log].
func (l accessLog) Entries(ctx context.Context, id string) ([]access.Entry, error) {
	s := l.s
	q, args := `SELECT body FROM hifazat_access ORDER BY seq`, []any{}
	if id != "" {
		q, args = `SELECT body FROM hifazat_access WHERE case_id = ? ORDER BY seq`, []any{id}
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, s.fail("read the access log of case", id, err)
	}
	defer rows.Close()
	var out []access.Entry
	for rows.Next() {
		var body string
		var e access.Entry
		if err := rows.Scan(&body); err != nil {
			return nil, s.fail("read the access log of case", id, err)
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, s.fail("read the access log of case", id, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("read the access log of case", id, err)
	}
	return out, nil
}
