package httpapi

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"sync"
)

// Metrics counts requests and reminders, for Prometheus-style scraping at
// /metrics. It holds counts only: route patterns, status codes and reminder
// kinds, never a case id or content. A Metrics is safe for concurrent use;
// its zero value is not: use NewMetrics.
type Metrics struct {
	mu        sync.Mutex
	requests  map[requestKey]uint64
	reminders map[reminderKey]uint64
}

type requestKey struct {
	route string
	code  int
}

type reminderKey struct{ kind, outcome string }

// NewMetrics returns empty counters.
func NewMetrics() *Metrics {
	return &Metrics{requests: map[requestKey]uint64{}, reminders: map[reminderKey]uint64{}}
}

func (m *Metrics) request(route string, code int) {
	m.mu.Lock()
	m.requests[requestKey{route, code}]++
	m.mu.Unlock()
}

// Reminder counts one reminder delivery attempt: its CloudEvents type
// ("pk.hifazat.deadline.due") and outcome ("sent" or "failed").
func (m *Metrics) Reminder(kind, outcome string) {
	m.mu.Lock()
	m.reminders[reminderKey{kind, outcome}]++
	m.mu.Unlock()
}

// WriteTo writes the counters in the Prometheus text format, sorted so that
// the output is stable.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	var lines []string
	for k, n := range m.requests {
		lines = append(lines, fmt.Sprintf("hifazat_http_requests_total{route=%s,code=\"%d\"} %d\n", strconv.Quote(k.route), k.code, n))
	}
	var rem []string
	for k, n := range m.reminders {
		rem = append(rem, fmt.Sprintf("hifazat_reminders_total{type=%s,outcome=%s} %d\n", strconv.Quote(k.kind), strconv.Quote(k.outcome), n))
	}
	m.mu.Unlock()
	slices.Sort(lines)
	slices.Sort(rem)
	out := "# HELP hifazat_http_requests_total HTTP requests served, by route pattern and status code.\n" +
		"# TYPE hifazat_http_requests_total counter\n"
	for _, l := range lines {
		out += l
	}
	out += "# HELP hifazat_reminders_total Deadline reminders delivered or failed, by CloudEvents type.\n" +
		"# TYPE hifazat_reminders_total counter\n"
	for _, l := range rem {
		out += l
	}
	n, err := io.WriteString(w, out)
	return int64(n), err
}

func (s *Server) serveMetrics(w http.ResponseWriter, _ *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	_, err := s.metrics.WriteTo(w)
	return err
}
