package httpapi_test

import (
	"net/http"
	"net/netip"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"github.com/hifazat/hifazat/httpapi"
)

// TestClientRateLimit: requests without a known token are limited per
// client address (an IPv6 client is its /64); a known token is not charged
// to its address.
func TestClientRateLimit(t *testing.T) {
	f := newFixture(t, func(c *httpapi.Config) {
		c.ClientRate, c.ClientBurst = 0.001, 2
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	})
	guess := func(remote string, header map[string]string) int {
		h := map[string]string{"Authorization": "Bearer hfz_guessed"}
		for k, v := range header {
			h[k] = v
		}
		return f.do(req{method: "GET", path: "/v1/me", header: h, remote: remote}).Code
	}
	const attacker = "198.51.100.7:4000"
	assert.Equal(t, http.StatusUnauthorized, guess(attacker, nil))
	assert.Equal(t, http.StatusUnauthorized, f.do(req{method: "GET", path: "/v1/me", remote: attacker}).Code, "no token at all")
	w := f.do(req{method: "GET", path: "/v1/me", header: map[string]string{"Authorization": "Bearer hfz_guessed"}, remote: attacker})
	assert.Equal(t, http.StatusTooManyRequests, w.Code, "the address's burst is spent")
	assert.NotEmpty(t, w.Header().Get("Retry-After"))
	assert.Equal(t, httpapi.TypeRateLimited, problemOf(t, w).Type)
	assert.NotContains(t, w.Body.String(), "hfz_guessed")
	assert.Equal(t, http.StatusTooManyRequests, f.do(req{method: "GET", path: "/healthz", remote: attacker}).Code, "public routes share the address's limit")
	assert.Equal(t, http.StatusTooManyRequests, guess("198.51.100.7:4001", nil), "another port is the same client")
	assert.Equal(t, http.StatusTooManyRequests, guess(attacker, map[string]string{"X-Forwarded-For": "203.0.113.1"}), "an untrusted client's X-Forwarded-For is ignored")
	assert.Equal(t, http.StatusOK, f.do(req{method: "GET", path: "/v1/me", as: "ic-1", remote: attacker}).Code, "a known token is not charged to its address")
	assert.Equal(t, http.StatusUnauthorized, guess("198.51.100.8:4000", nil), "another address has its own limit")

	// IPv6: a client is its /64.
	for _, remote := range []string{"[2001:db8:1:2::1]:80", "[2001:db8:1:2::ffff]:80"} {
		assert.Equal(t, http.StatusUnauthorized, guess(remote, nil), remote)
	}
	assert.Equal(t, http.StatusTooManyRequests, guess("[2001:db8:1:2:aaaa::1]:80", nil), "same /64")
	assert.Equal(t, http.StatusUnauthorized, guess("[2001:db8:1:3::1]:80", nil), "another /64")

	// Behind a trusted proxy, the client is the rightmost untrusted hop.
	proxy := "10.1.2.3:5000"
	for range 2 {
		assert.Equal(t, http.StatusUnauthorized, guess(proxy, map[string]string{"X-Forwarded-For": "203.0.113.9, 10.9.9.9"}))
	}
	assert.Equal(t, http.StatusTooManyRequests, guess(proxy, map[string]string{"X-Forwarded-For": "198.51.100.99, 203.0.113.9"}),
		"the leftmost hop is the client's to write: only the rightmost untrusted one counts")
	assert.Equal(t, http.StatusUnauthorized, guess(proxy, map[string]string{"X-Forwarded-For": "203.0.113.10"}), "another client behind the proxy")
}

// TestSetTokens: a token removed from the table is refused from the next
// request on, without a restart; a token kept keeps its limiter; a bad
// table changes nothing.
func TestSetTokens(t *testing.T) {
	var entries []httpapi.TokenEntry
	f := newFixture(t, func(c *httpapi.Config) {
		c.Rate, c.Burst = 0.001, 1
		entries = c.Tokens
	})
	me := func(as string) int { return f.do(req{method: "GET", path: "/v1/me", as: as}).Code }
	require.Equal(t, http.StatusOK, me("ca-1"))
	require.Equal(t, http.StatusTooManyRequests, me("ca-1"), "ca-1's burst is spent")
	require.Equal(t, http.StatusOK, me("ic-1"))

	var kept []httpapi.TokenEntry
	for _, e := range entries {
		if e.Actor.ID != "ic-1" {
			kept = append(kept, e)
		}
	}
	tok, added, err := httpapi.Issue(httpapi.Actor{ID: "om-1", Role: httpapi.Ombudsperson, Org: "uni"})
	require.NoError(t, err)
	require.NoError(t, f.srv.SetTokens(append(kept, added)))
	assert.Equal(t, http.StatusUnauthorized, me("ic-1"), "revoked")
	assert.Equal(t, http.StatusTooManyRequests, me("ca-1"), "a kept token keeps its limiter")
	f.tokens["om-1"] = tok
	assert.Equal(t, http.StatusOK, me("om-1"), "issued")

	bad := append(kept, httpapi.TokenEntry{SHA256: httpapi.HashToken("x"), Actor: httpapi.Actor{ID: "no-org", Role: httpapi.Accused}})
	assert.Error(t, f.srv.SetTokens(bad))
	assert.Error(t, f.srv.SetTokens(append(kept, kept[0])), "a hash given twice")
	assert.Equal(t, http.StatusOK, me("e-17"), "a refused table changes nothing")
	assert.Equal(t, http.StatusUnauthorized, me("ic-1"), "a refused table changes nothing")
}

// TestSetTokensWhileServing: tables swapped while requests are served
// (run with -race).
func TestSetTokensWhileServing(t *testing.T) {
	var entries []httpapi.TokenEntry
	f := newFixture(t, func(c *httpapi.Config) {
		c.Rate, c.ClientRate = rate.Inf, rate.Inf
		entries = c.Tokens
	})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				code := f.do(req{method: "GET", path: "/v1/me", as: "ic-1"}).Code
				assert.Contains(t, []int{http.StatusOK, http.StatusUnauthorized}, code)
			}
		})
	}
	for i := range 50 {
		es := entries
		if i%2 == 0 {
			es = entries[1:] // ic-1 is the first
		}
		require.NoError(t, f.srv.SetTokens(es))
	}
	wg.Wait()
}
