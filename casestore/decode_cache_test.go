package casestore

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRecentForgets checks the bound on what a decodeCache remembers: a key
// outlives one rotation, not two, unless it is read in between, which
// moves it to the newer half.
func TestRecentForgets(t *testing.T) {
	var r recent[int]
	// Four keys fill a half exactly.
	key := func(c byte) string { return string(c) + strings.Repeat("x", maxDecodedBytes/4-1) }
	for _, c := range []byte("abcd") {
		r.put(key(c), int(c))
	}
	r.put(key('e'), 'e') // rotates: a-d are the older half
	v, ok := r.get(key('a'))
	assert.True(t, ok && v == 'a', "get(a) after one rotation = %c, %v", v, ok)
	for _, c := range []byte("fgh") { // h rotates again
		r.put(key(c), int(c))
	}
	for _, c := range []byte("aefgh") {
		v, ok := r.get(key(c))
		assert.True(t, ok && v == int(c), "get(%c) = %c, %v", c, v, ok)
	}
	for _, c := range []byte("bcd") {
		_, ok := r.get(key(c))
		assert.False(t, ok, "get(%c) after two rotations without a read", c)
	}
	assert.LessOrEqual(t, r.size, maxDecodedBytes, "bytes in the newer half")
}
