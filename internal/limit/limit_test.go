package limit_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/internal/limit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endless is a reader that never ends, like /dev/zero.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadAll(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int
		ok   bool
	}{{"empty", 0, true}, {"at the limit", 10, true}, {"one byte over", 11, false}} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := limit.ReadAll(strings.NewReader(strings.Repeat("x", tc.size)), 10, "the input")
			if tc.ok {
				require.NoError(t, err)
				assert.Len(t, data, tc.size)
				return
			}
			var tl *limit.TooLargeError
			require.True(t, errors.As(err, &tl), "got %v", err)
			assert.Equal(t, int64(10), tl.Limit)
			assert.Contains(t, err.Error(), "the input is larger than the limit of 10 bytes")
		})
	}
}

func TestReadAllStopsAtTheLimit(t *testing.T) {
	r := &endless{}
	_, err := limit.ReadAll(r, 1<<20, "standard input")
	require.Error(t, err)
	assert.Less(t, r.n, int64(2<<20), "read far past the limit")
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	require.NoError(t, os.WriteFile(small, []byte("{}"), 0o600))
	data, err := limit.ReadFile(small)
	require.NoError(t, err)
	assert.Equal(t, []byte("{}"), data)

	big := filepath.Join(dir, "big.json")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte(" "), limit.MaxBytes+1), 0o600))
	_, err = limit.ReadFile(big)
	var tl *limit.TooLargeError
	require.ErrorAs(t, err, &tl)
	assert.Equal(t, big, tl.What)

	_, err = limit.ReadFile(filepath.Join(dir, "missing"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestReadFileDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := limit.ReadFile("/dev/zero")
	var tl *limit.TooLargeError
	require.ErrorAs(t, err, &tl)
}
