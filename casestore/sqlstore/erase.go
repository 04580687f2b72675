package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storekit"
	"github.com/hifazat/hifazat/civil"
)

var (
	_ casestore.Eraser    = (*Store)(nil)
	_ casestore.Rewrapper = (*Store)(nil)
)

// keyText is a wrapped case key as stored: base64, or NULL for none.
func keyText(key []byte) sql.NullString {
	if key == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: base64.StdEncoding.EncodeToString(key), Valid: true}
}

// readSeal reads the stored key and erasure day of sc. An unreadable one
// is an altered case.
func readSeal(sc *storekit.StoredCase, key, erased sql.NullString) error {
	if key.Valid {
		b, err := base64.StdEncoding.DecodeString(key.String)
		if err != nil {
			return storekit.Corrupt(sc.ID, "its key", err)
		}
		sc.Key = b
	}
	if erased.Valid {
		d, err := civil.Parse(erased.String)
		if err != nil {
			return storekit.Corrupt(sc.ID, "its erasure date", err)
		}
		sc.Erased = d
	}
	return nil
}

// Erase implements [casestore.Eraser]. The case is read, checked and its
// key dropped in one transaction, on condition that it is still at the
// version read.
func (s *Store) Erase(ctx context.Context, id string, on civil.Date) error {
	return s.inTx(ctx, "erase case", id, func(tx *sql.Tx) error {
		if err := s.lock(ctx, tx, id); err != nil {
			return err
		}
		sc, p, err := s.readAll(ctx, tx, id)
		if err != nil {
			return err
		}
		holds, err := s.holds(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.kit.CheckErase(sc, p, holds, on); err != nil {
			return err
		}
		res, err := exec(ctx, tx, s.st.eraseCase, on.String(), id, sc.Version, sc.Head.String())
		return s.checkWritten(ctx, tx, res, err, id, sc.Version)
	})
}

// Hold implements [casestore.Eraser].
func (s *Store) Hold(ctx context.Context, id string, h casestore.Hold) error {
	if err := h.Check(); err != nil {
		return err
	}
	return s.inTx(ctx, "hold case", id, func(tx *sql.Tx) error {
		holds, err := s.lockedHolds(ctx, tx, id)
		if err != nil {
			return err
		}
		if n := len(holds); n > 0 && holds[n-1].InForce() {
			return &casestore.HoldError{Case: id, Err: casestore.ErrHeld}
		}
		_, err = exec(ctx, tx, s.st.insertHold, id, len(holds)+1, h.Reason, h.On.String())
		return err
	})
}

// Release implements [casestore.Eraser].
func (s *Store) Release(ctx context.Context, id string, on civil.Date) error {
	if !on.IsValid() {
		return &casestore.MalformedError{Case: id, Field: "release date", Reason: "releasing a hold needs the caller's today"}
	}
	return s.inTx(ctx, "release case", id, func(tx *sql.Tx) error {
		holds, err := s.lockedHolds(ctx, tx, id)
		if err != nil {
			return err
		}
		n := len(holds)
		if n == 0 || !holds[n-1].InForce() {
			return &casestore.HoldError{Case: id, Err: casestore.ErrNotHeld}
		}
		_, err = exec(ctx, tx, s.st.releaseHold, on.String(), id, n)
		return err
	})
}

// Holds implements [casestore.Eraser].
func (s *Store) Holds(ctx context.Context, id string) ([]casestore.Hold, error) {
	if err := s.usable(); err != nil {
		return nil, err
	}
	if err := casestore.CheckID(id); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, &s.d.snapshot)
	if err != nil {
		return nil, s.fail("read holds of case", id, err)
	}
	defer tx.Rollback()
	if err := s.exists(ctx, tx, id); err != nil {
		return nil, s.fail("read holds of case", id, err)
	}
	holds, err := s.holds(ctx, tx, id)
	if err != nil {
		return nil, s.fail("read holds of case", id, err)
	}
	return holds, nil
}

// lock locks case id's row for tx where the dialect needs it.
func (s *Store) lock(ctx context.Context, tx *sql.Tx, id string) error {
	if err := casestore.CheckID(id); err != nil {
		return err
	}
	if s.st.lockCase != nil {
		_, err := exec(ctx, tx, s.st.lockCase, id)
		return err
	}
	return nil
}

// lockedHolds locks case id and returns its holds, or a NotFoundError.
func (s *Store) lockedHolds(ctx context.Context, tx *sql.Tx, id string) ([]casestore.Hold, error) {
	if err := s.lock(ctx, tx, id); err != nil {
		return nil, err
	}
	if err := s.exists(ctx, tx, id); err != nil {
		return nil, err
	}
	return s.holds(ctx, tx, id)
}

// exists returns a NotFoundError unless case id is stored.
func (s *Store) exists(ctx context.Context, tx *sql.Tx, id string) error {
	var v int64
	err := tx.StmtContext(ctx, s.st.caseVersion).QueryRowContext(ctx, id).Scan(&v)
	if err == sql.ErrNoRows {
		return &casestore.NotFoundError{Case: id}
	}
	return err
}

// holds reads the holds of case id in tx, the first placed first.
func (s *Store) holds(ctx context.Context, tx *sql.Tx, id string) ([]casestore.Hold, error) {
	rows, err := tx.StmtContext(ctx, s.st.holdRows).QueryContext(ctx, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []casestore.Hold
	for rows.Next() {
		var h casestore.Hold
		var placed string
		var released sql.NullString
		if err := rows.Scan(&h.Reason, &placed, &released); err != nil {
			return nil, err
		}
		if h.On, err = civil.Parse(placed); err != nil {
			return nil, storekit.Corrupt(id, "a hold's date", err)
		}
		if released.Valid {
			if h.Released, err = civil.Parse(released.String); err != nil {
				return nil, storekit.Corrupt(id, "a hold's release date", err)
			}
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Rewrap implements [casestore.Rewrapper]: one transaction per case, each
// replacing the key it read, so that it can run beside the store's users
// and be run again after an interruption.
func (s *Store) Rewrap(ctx context.Context) (int, error) {
	if err := s.usable(); err != nil {
		return 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM hifazat_cases WHERE case_key IS NOT NULL ORDER BY id`)
	if err != nil {
		return 0, s.fail("list sealed cases", "", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, s.fail("list sealed cases", "", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, s.fail("list sealed cases", "", err)
	}
	for i, id := range ids {
		if err := s.inTx(ctx, "re-wrap the key of case", id, func(tx *sql.Tx) error { return s.rewrap(ctx, tx, id) }); err != nil {
			return i, err
		}
	}
	return len(ids), nil
}

// rewrap re-wraps the key of case id in tx, if it still has one.
func (s *Store) rewrap(ctx context.Context, tx *sql.Tx, id string) error {
	var key sql.NullString
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT case_key FROM hifazat_cases WHERE id = ?`), id).Scan(&key); err != nil || !key.Valid {
		return err // erased since it was listed: nothing to do
	}
	sc := storekit.StoredCase{ID: id}
	if err := readSeal(&sc, key, sql.NullString{}); err != nil {
		return err
	}
	w, err := s.kit.Rewrap(id, sc.Key)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.d.rebind(`UPDATE hifazat_cases SET case_key = ? WHERE id = ? AND case_key = ?`), keyText(w), id, key.String)
	return err
}
