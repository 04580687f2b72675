package httpapi

import (
	"container/list"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// clients limits the requests that carry no valid token, per client
// address, remembering at most max clients: the least recently seen is
// forgotten first, so memory stays bounded however many addresses call.
// A forgotten client starts again with a full burst; an attacker who
// rotates through more than max networks evades the limit, and the
// per-token limits and the server's timeouts remain.
type clients struct {
	limit rate.Limit
	burst int
	max   int
	// trusted are the reverse proxies whose X-Forwarded-For is believed.
	trusted []netip.Prefix

	mu  sync.Mutex
	by  map[netip.Prefix]*list.Element // of *client
	lru list.List                      // most recently seen at the front
}

type client struct {
	key netip.Prefix
	lim *rate.Limiter
}

func newClients(limit rate.Limit, burst, max int, trusted []netip.Prefix) *clients {
	return &clients{limit: limit, burst: burst, max: max, trusted: trusted, by: make(map[netip.Prefix]*list.Element)}
}

// wait charges one request to r's client and returns zero if it may go
// ahead now, or how long until it may.
func (c *clients) wait(r *http.Request, now time.Time) time.Duration {
	lim := c.limiter(c.key(r))
	res := lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d
	}
	return 0
}

// limiter returns the client's limiter, making it (and forgetting the least
// recently seen client if there are too many) when it is new.
func (c *clients) limiter(key netip.Prefix) *rate.Limiter {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.by[key]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*client).lim
	}
	if c.lru.Len() >= c.max {
		oldest := c.lru.Back()
		delete(c.by, oldest.Value.(*client).key)
		c.lru.Remove(oldest)
	}
	cl := &client{key: key, lim: rate.NewLimiter(c.limit, c.burst)}
	c.by[key] = c.lru.PushFront(cl)
	return cl.lim
}

// key is the network a request comes from: its IPv4 address, or the /64 of
// its IPv6 address (one subscriber's). A request from a trusted proxy comes
// from the rightmost address of X-Forwarded-For that is not a trusted
// proxy. An address that cannot be read is the zero prefix, one shared
// bucket.
func (c *clients) key(r *http.Request) netip.Prefix {
	addr := remoteAddr(r.RemoteAddr)
	if c.isTrusted(addr) {
		hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break
			}
			addr = a.Unmap()
			if !c.isTrusted(addr) {
				break
			}
		}
	}
	if !addr.IsValid() {
		return netip.Prefix{}
	}
	bits := 32
	if addr.Is6() {
		bits = 64
	}
	p, _ := addr.Prefix(bits)
	return p
}

func (c *clients) isTrusted(a netip.Addr) bool {
	for _, p := range c.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// remoteAddr reads the address of http.Request.RemoteAddr ("IP:port").
func remoteAddr(s string) netip.Addr {
	host, _, err := net.SplitHostPort(s)
	if err != nil {
		host = s
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}
