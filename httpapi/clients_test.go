package httpapi

import (
	"fmt"
	"net/http/httptest"
	"net/netip"
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

// FuzzClientKey: whatever address and X-Forwarded-For a request carries,
// its client is the zero prefix or one network of 32 (IPv4) or 64 (IPv6)
// bits, and a client that is not a trusted proxy cannot choose it.
func FuzzClientKey(f *testing.F) {
	f.Add("192.0.2.1:1", "203.0.113.9")
	f.Add("10.0.0.1:1", "203.0.113.9, 10.0.0.2")
	f.Add("[2001:db8::1]:80", "")
	f.Add("[::ffff:10.0.0.1]:80", "::1,,x")
	f.Add("@", "1.2.3.4")
	c := newClients(1, 1, 4, []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")})
	f.Fuzz(func(t *testing.T, remote, xff string) {
		r := httptest.NewRequest("GET", "/healthz", nil)
		r.RemoteAddr = remote
		r.Header.Set("X-Forwarded-For", xff)
		k := c.key(r)
		if k != (netip.Prefix{}) && (!k.IsValid() || k.Bits() != map[bool]int{true: 32, false: 64}[k.Addr().Is4()] || k != k.Masked()) {
			t.Fatalf("client %v for %q, %q", k, remote, xff)
		}
		if a := remoteAddr(remote); a.IsValid() && !c.isTrusted(a) {
			own, _ := a.Prefix(map[bool]int{true: 32, false: 64}[a.Is4()])
			if k != own {
				t.Fatalf("an untrusted client %q chose its key %v with %q", remote, k, xff)
			}
		}
	})
}
