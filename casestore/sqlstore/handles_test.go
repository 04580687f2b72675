package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAppendAfterAnotherHandle has two handles on one database (as two
// processes would have) write the same case. A handle that remembers the
// case as it last wrote it must not append after that when the case has
// moved on: to another version (a conflict), or to another event at the
// same version (the case as stored is read again and appended to).
func TestAppendAfterAnotherHandle(t *testing.T) {
	locations := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "cases.db") },
		"postgres": func(t *testing.T) string { return newSchema(t, postgresDSN(t)) },
	}
	for name, newLocation := range locations {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			loc := newLocation(t)
			a, b := openAt(t, loc), openAt(t, loc)
			h := header(`{"policy":"pk-federal-2022","parties":{"complainant":{"relationship":"employee","id":"e-17"}}}`)
			_, err := a.Create(ctx, "case-1", h, event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
			require.NoError(t, err, "a.Create(case-1)")
			note := func(s string) casefsm.Event {
				return event(`{"type":"add_note","on":"2026-03-03","by":"inquiry_committee","note":"` + s + `"}`)
			}

			_, err = b.Append(ctx, "case-1", 1, note("b1"))
			require.NoError(t, err, "b.Append(case-1, 1)")
			_, err = a.Append(ctx, "case-1", 1, note("a1"))
			var conflict *casestore.ConflictError
			require.ErrorAs(t, err, &conflict, "a.Append(case-1, 1) after b appended version 2")
			assert.Equal(t, int64(2), conflict.Actual, "ConflictError.Actual")
			c, err := a.Append(ctx, "case-1", 2, note("a2"))
			require.NoError(t, err, "a.Append(case-1, 2)")
			assert.Equal(t, []casefsm.Event{note("b1"), note("a2")}, c.Events()[1:], "a.Append(case-1, 2) events")

			// Behind a's back, version 3 becomes another event: a remembers
			// version 3 with a head that is no longer stored.
			rewind(t, b, "case-1", 2)
			_, err = b.Append(ctx, "case-1", 2, note("b3"))
			require.NoError(t, err, "b.Append(case-1, 2) after the rewind")
			c, err = a.Append(ctx, "case-1", 3, note("a4"))
			require.NoError(t, err, "a.Append(case-1, 3) on a case a remembers wrongly")
			assert.Equal(t, []casefsm.Event{note("b1"), note("b3"), note("a4")}, c.Events()[1:], "a.Append(case-1, 3) events")
			stored, err := b.Load(ctx, "case-1")
			require.NoError(t, err, "b.Load(case-1)")
			assert.Equal(t, c, stored, "the case a appended to and the case stored")

			// Again, and now the event a appends is lawful only after the
			// one stored in place of what a remembers: a must decide on the
			// case as stored, not refuse on the case as remembered.
			rewind(t, b, "case-1", 3)
			_, err = b.Append(ctx, "case-1", 3, event(`{"type":"communicate_charges","on":"2026-03-04","by":"inquiry_committee"}`))
			require.NoError(t, err, "b.Append(case-1, 3, communicate_charges) after the rewind")
			defence := event(`{"type":"submit_defence","on":"2026-03-05","by":"accused"}`)
			c, err = a.Append(ctx, "case-1", 4, defence)
			require.NoError(t, err, "a.Append(case-1, 4, submit_defence) after charges a did not see")
			assert.Equal(t, casefsm.DefenceClosed, c.Projection.State, "state after submit_defence")
			stored, err = b.Load(ctx, "case-1")
			require.NoError(t, err, "b.Load(case-1)")
			assert.Equal(t, c, stored, "the case a appended to and the case stored")
			v, err := b.Verify(ctx, "case-1")
			require.NoError(t, err, "Verify(case-1)")
			assert.True(t, v.Intact(), "Verify(case-1) = %v", v)
		})
	}
}

// rewind deletes the events of case id after version, directly in the
// database, as a restore from an older backup would.
func rewind(t *testing.T, s casestore.Store, id string, version int64) {
	t.Helper()
	db := s.(*sqlstore.Store).DB()
	for _, q := range []string{`DELETE FROM hifazat_events WHERE case_id = ? AND version > ?`,
		`UPDATE hifazat_cases SET version = ?, head = (SELECT hash FROM hifazat_events WHERE case_id = ? AND version = ?) WHERE id = ?`} {
		args := []any{id, version}
		if q[0] == 'U' {
			args = []any{version, id, version, id}
		}
		_, err := db.Exec(rebind(s.(*sqlstore.Store), q), args...)
		require.NoError(t, err, "rewind: %s", q)
	}
}

func openAt(t *testing.T, loc string) casestore.Store {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), loc, casestore.Options{})
	require.NoError(t, err, "Open(%s)", loc)
	t.Cleanup(func() { s.Close() })
	return s
}
