package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// logOf returns the access log of the store at location.
func logOf(t *testing.T, location string) []access.Entry {
	t.Helper()
	s, err := sqlstore.OpenExisting(context.Background(), location, casestore.Options{})
	require.NoError(t, err)
	defer s.Close()
	es, err := s.(access.LogKeeper).AccessLog().Entries(context.Background(), "")
	require.NoError(t, err)
	return es
}

// FuzzCLIReadsLogged: for random actors reading a stored case by every
// read path of the command line (show whole, by role, as statistics;
// export; list; rejudge --store), the store's access log gains exactly one
// entry per case read (list: per case listed, or one for a list refused),
// under the name given, "read" exactly when the command succeeded; no
// read bypasses the log, and its chain verifies. Before, show without
// --actor, export, list and rejudge --store read the case unlogged.
func FuzzCLIReadsLogged(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add([]byte{8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 12 {
			ops = ops[:12]
		}
		// The fuzz test's own TempDir has a '#' in its name, which a
		// store location refuses.
		dir, err := os.MkdirTemp("", "readlog")
		require.NoError(t, err)
		t.Cleanup(func() { os.RemoveAll(dir) })
		store := "sqlite:" + filepath.Join(dir, "cases.db")
		stdout, stderr, status := runCLI(t, earlyCase, "case", "import", "-", "--admin", "hr-1", "--store", store)
		require.Equal(t, exitOK, status, stderr)
		id := strings.TrimSpace(stdout)
		who := [][]string{
			{"--admin", "hr-1"}, {"--actor", "e-17", "--as", "complainant"}, {"--actor", "e-42", "--as", "ombudsperson"},
			{"--actor", "e-99", "--as", "accused"}, {"--actor", "m-5", "--as", "inquiry_committee"}, {"--actor", "st-1", "--as", "statistics"},
		}
		paths := [][]string{
			{"case", "show", id}, {"case", "export", id}, {"case", "list", "--json"},
			{"case", "rejudge", id, "--policy", "pk-federal-2010"},
		}
		for _, b := range ops {
			w := who[int(b)%len(who)]
			args := append(append([]string(nil), paths[int(b)/len(who)%len(paths)]...), w...)
			before := len(logOf(t, store))
			stdout, stderr, status := runCLI(t, "", append(args, "--store", store)...)
			added := logOf(t, store)[before:]
			if status == exitUsage {
				// Refused before the store was read (export and
				// rejudge are for --admin; statistics is show's).
				assert.Empty(t, added, "%v: %s", args, stderr)
				continue
			}
			if args[1] == "list" {
				checkListLogged(t, args, w[1], status, stdout, added)
				continue
			}
			require.Len(t, added, 1, "%v: %s", args, stderr)
			e := added[0]
			assert.Equal(t, id, e.Case, "%v", args)
			assert.Equal(t, w[1], e.Actor.ID, "%v", args)
			assert.Equal(t, status == exitOK, e.Outcome == "read", "%v exit %d logged %s", args, status, e.Outcome)
		}
		all := logOf(t, store)
		assert.Zero(t, access.VerifyLog(all), "the log's chain")
		assert.True(t, strings.HasPrefix(all[0].What, "create"), "the import is the first entry")
	})
}

// checkListLogged checks the entries a list by actor added: one denied
// entry, of no case, for a list refused; else one read per case listed.
func checkListLogged(t *testing.T, args []string, actor string, status int, stdout string, added []access.Entry) {
	t.Helper()
	if status != exitOK {
		require.Len(t, added, 1, "%v", args)
		assert.Equal(t, "denied", added[0].Outcome, "%v", args)
		assert.Empty(t, added[0].Case, "%v", args)
		return
	}
	var out listJSON
	require.NoError(t, json.Unmarshal([]byte(stdout), &out), stdout)
	require.Len(t, added, len(out.Cases), "%v: one entry per case listed", args)
	for i, c := range out.Cases {
		assert.Equal(t, c.ID, added[i].Case)
		assert.Equal(t, actor, added[i].Actor.ID)
		assert.Equal(t, "read", added[i].Outcome)
	}
}
