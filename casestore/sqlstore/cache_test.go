package sqlstore

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cacheCase returns a case whose notes hold at least n bytes: as many
// notes of 32 KiB as that takes.
func cacheCase(id string, n int) casestore.Case {
	note := casestore.MustParseEvent(`{"type":"add_note","on":"2026-03-03","by":"complainant","note":"` + strings.Repeat("x", min(n, 32<<10)) + `"}`)
	c := casestore.Case{ID: id, Header: casestore.MustParseHeader(`{}`)}
	for v := int64(1); v == 1 || n > 0; v++ {
		c.Records = append(c.Records, casestore.Record{Version: v, Event: note})
		n -= 32 << 10
	}
	return c
}

func TestCaseCache(t *testing.T) {
	var cc caseCache
	c := cacheCase("case-1", 10)
	cc.put(c)
	got, ok := cc.get("case-1", 1)
	require.True(t, ok, "get(case-1, 1) after put")
	assert.Equal(t, c, got, "get(case-1, 1)")
	_, ok = cc.get("case-1", 2)
	assert.False(t, ok, "get(case-1, 2): remembered at version 1")

	c.Records[0].Version = 7 // the caller's copy, not the cache's
	got, _ = cc.get("case-1", 1)
	assert.Equal(t, int64(1), got.Records[0].Version, "the cache shares the caller's records")

	large := cacheCase("case-1", maxCachedBytes/8+1)
	cc.put(large)
	_, ok = cc.get("case-1", large.Version())
	assert.False(t, ok, "a case larger than an eighth of the bound is remembered")
	assert.Zero(t, cc.size, "bytes remembered after the large case replaced the small one")

	for i := range 20 {
		cc.put(cacheCase(fmt.Sprintf("case-%d", i), maxCachedBytes/10))
		assert.LessOrEqual(t, cc.size, maxCachedBytes, "bytes remembered after %d cases", i+1)
	}
	last := cacheCase("case-19", maxCachedBytes/10)
	_, ok = cc.get("case-19", last.Version())
	assert.True(t, ok, "the case put last is remembered")

	cc.clear()
	_, ok = cc.get("case-19", last.Version())
	assert.False(t, ok, "get after clear")
}
