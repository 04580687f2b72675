package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSealedAtRest: with a deployment key, no identity or writing of a case
// reaches the database file or its journal (issue 14, defect 4), while the
// procedural facts List needs stay in clear.
func TestSealedAtRest(t *testing.T) {
	key, err := seal.Parse([]byte(seal.Generate()))
	require.NoError(t, err)
	dir := t.TempDir()
	s, err := sqlstore.Open(context.Background(), "sqlite:"+filepath.Join(dir, "cases.db"), casestore.Options{Keys: seal.NewKeyring(key)})
	require.NoError(t, err)
	h := header(`{"policy":"pk-federal-2022","incident_on":"2026-02-20","parties":{"complainant":{"relationship":"employee","id":"marker-complainant"},"accused":{"relationship":"employee","id":"marker-accused"},"witnesses":[{"id":"marker-witness"}]}}`)
	_, err = s.Create(context.Background(), "case-1", h,
		event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant","note":"marker-statement"}`),
		event(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"marker-note"}`))
	require.NoError(t, err)
	var db []byte
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries { // the database, its WAL and shared memory
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		db = append(db, b...)
	}
	require.NoError(t, s.Close())
	assert.NotContains(t, string(db), "marker", "a case's content reached the database file in clear")
	assert.Contains(t, string(db), "file_complaint", "the procedural facts stay in clear")
}
