package seal_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	text := seal.Generate()
	_, err := seal.Parse([]byte("  " + text + "\n"))
	require.NoError(t, err, "a key with spaces and a newline around it")
	for _, bad := range []string{"", "not base64 at all!", text[:40], text + text, "c2hvcnQ="} {
		_, err := seal.Parse([]byte(bad))
		require.ErrorIs(t, err, seal.ErrKeyText, "Parse(%q)", bad)
		if bad != "" {
			assert.NotContains(t, err.Error(), bad, "the error quotes the key's text")
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key")
	require.NoError(t, os.WriteFile(path, []byte(seal.Generate()+"\n"), 0o600))
	_, err := seal.ReadFile(path)
	require.NoError(t, err)
	long := filepath.Join(dir, "long")
	require.NoError(t, os.WriteFile(long, bytes.Repeat([]byte("A"), seal.MaxKeyFile+1), 0o600))
	_, err = seal.ReadFile(long)
	assert.ErrorIs(t, err, seal.ErrKeyText, "a file longer than MaxKeyFile")
	_, err = seal.ReadFile(filepath.Join(dir, "missing"))
	assert.Error(t, err)
}

func TestWrap(t *testing.T) {
	a, err := seal.Parse([]byte(seal.Generate()))
	require.NoError(t, err)
	b, err := seal.Parse([]byte(seal.Generate()))
	require.NoError(t, err)
	ck := bytes.Repeat([]byte{7}, seal.KeySize)
	ring := seal.NewKeyring(a)
	w, err := ring.Wrap("case-1", ck)
	require.NoError(t, err)
	got, err := ring.Unwrap("case-1", w)
	require.NoError(t, err)
	assert.Equal(t, ck, got)
	assert.NotContains(t, string(w), string(ck), "the case key is wrapped")
	flipped := bytes.Clone(w)
	flipped[len(flipped)-1] ^= 1
	for name, try := range map[string]func() ([]byte, error){
		"another case":         func() ([]byte, error) { return ring.Unwrap("case-2", w) },
		"another key":          func() ([]byte, error) { return seal.NewKeyring(b).Unwrap("case-1", w) },
		"altered":              func() ([]byte, error) { return ring.Unwrap("case-1", flipped) },
		"not a wrapped key":    func() ([]byte, error) { return ring.Unwrap("case-1", []byte("x")) },
		"another version byte": func() ([]byte, error) { return ring.Unwrap("case-1", append([]byte{9}, w[1:]...)) },
	} {
		_, err := try()
		assert.ErrorIs(t, err, casestore.ErrWrongKey, name)
	}
	rotated, err := seal.NewKeyring(b, a).Unwrap("case-1", w)
	require.NoError(t, err, "a keyring holding the old key after the new")
	assert.Equal(t, ck, rotated)
}

// A deployment writes a key file once, keeps it apart from the database,
// and gives the keyring over it to every store it opens.
func Example() {
	dir, _ := os.MkdirTemp("", "hifazat-key")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "hifazat.key")
	if err := os.WriteFile(path, []byte(seal.Generate()+"\n"), 0o600); err != nil {
		fmt.Println(err)
		return
	}
	key, err := seal.ReadFile(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	opts := casestore.Options{Keys: seal.NewKeyring(key)}
	fmt.Printf("sealed: %t\n", opts.Warning() == "")
	// Output: sealed: true
}
