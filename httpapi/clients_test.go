package httpapi

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestClientsBounded: however many addresses call, at most max are
// remembered, and the least recently seen is the one forgotten.
func TestClientsBounded(t *testing.T) {
	c := newClients(0.001, 1, 3, nil)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	from := func(addr string) time.Duration {
		r := httptest.NewRequest("GET", "/healthz", nil)
		r.RemoteAddr = addr + ":1"
		return c.wait(r, now)
	}
	assert.Zero(t, from("192.0.2.1"))
	assert.Positive(t, from("192.0.2.1"), "its burst is spent")
	for i := range 1000 {
		from(fmt.Sprintf("198.51.%d.%d", i/256, i%256))
		from("192.0.2.1") // seen after each newcomer: never the least recent
		assert.LessOrEqual(t, len(c.by), 3)
		assert.Equal(t, len(c.by), c.lru.Len())
	}
	assert.Positive(t, from("192.0.2.1"), "a client seen recently is remembered")
	assert.Zero(t, from("198.51.0.0"), "the first of the crowd was forgotten: a full burst again")
}
