package simulate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A scenario's overlay file must lie inside the scenario's directory: a
// scenario handed over by someone else must not read (and quote in its
// errors) any other file the user can read.
func TestLoadOverlayConfinedToScenarioDir(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("FIRST-LINE-SECRET: x\n"), 0o600))
	dir := t.TempDir()
	require.NoError(t, os.Symlink(secret, filepath.Join(dir, "link.yaml")))
	rel, err := filepath.Rel(dir, secret)
	require.NoError(t, err)

	for name, overlay := range map[string]string{
		"absolute":        secret,
		"dot-dot":         filepath.ToSlash(rel),
		"symlink outside": "link.yaml",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, "scenario.yaml")
			require.NoError(t, os.WriteFile(path, []byte("overlay: "+overlay+"\n"), 0o600))
			_, err := testSim().Load(path)
			var se *ScenarioError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, "overlay", se.Field)
			assert.Contains(t, se.Reason, "cannot read the overlay file")
			assert.NotContains(t, err.Error(), "FIRST-LINE-SECRET")
		})
	}
}
