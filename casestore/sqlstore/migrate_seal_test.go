package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchema2CasesLoadSealed: a database written before sealing existed
// (schema 2, cases in clear) is migrated when a store with a key opens it;
// its cases load, verify and take new events, in clear, beside new sealed
// cases.
func TestSchema2CasesLoadSealed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cases.db")
	s := openSQLite(t, path)
	old, err := s.Create(ctx, "old-1", header(`{"policy":"pk-federal-2022","incident_on":"2026-02-20","parties":{"complainant":{"relationship":"employee","id":"e-17"}}}`),
		event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	require.NoError(t, err)
	for _, stmt := range []string{ // back to schema 2, as an older library left it
		`DROP TABLE hifazat_holds`, `ALTER TABLE hifazat_cases DROP COLUMN case_key`,
		`ALTER TABLE hifazat_cases DROP COLUMN erased_on`, `DELETE FROM hifazat_schema WHERE version = 3`,
	} {
		_, err := s.DB().Exec(stmt)
		require.NoError(t, err, stmt)
	}
	require.NoError(t, s.Close())

	key, err := seal.Parse([]byte(seal.Generate()))
	require.NoError(t, err)
	s, err = sqlstore.OpenSQLite(ctx, path, false, casestore.Options{Keys: seal.NewKeyring(key)})
	require.NoError(t, err, "open a schema 2 database with a key")
	defer s.Close()
	got, err := s.Load(ctx, old.ID)
	require.NoError(t, err, "a case stored in clear before sealing loads")
	assert.Equal(t, old.Events(), got.Events())
	_, err = s.Apply(ctx, old.ID, event(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"x"}`))
	require.NoError(t, err, "and takes new events")
	v, err := s.Verify(ctx, old.ID)
	require.NoError(t, err)
	assert.True(t, v.Intact() && !v.Sealed, "%v", v)
	var n int
	require.NoError(t, s.DB().QueryRow(`SELECT count(*) FROM hifazat_events WHERE case_id = 'old-1' AND body LIKE '%"sealed"%'`).Scan(&n))
	assert.Zero(t, n, "a case stored in clear stays in clear")
}
