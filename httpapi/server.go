package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Config is what a Server needs. Store, Tokens and Today are required; the
// zero value of every other field means its default.
type Config struct {
	// Store keeps the cases.
	Store Store
	// Policies is the policy set cases are decided under (policy.Builtin
	// when nil); an institution's overlay joins it.
	Policies *policy.Set
	// Calendar, when set, is the organisation's own holiday calendar, used
	// to explain deadlines of the organisation's forums (the Inquiry
	// Committee and Competent Authority) instead of their fallback.
	Calendar *deadlines.Calendar
	// Tokens are the bearer tokens the deployment issued, by hash.
	// [Server.SetTokens] replaces them while the server runs.
	Tokens []TokenEntry
	// Today is the date in Asia/Karachi by the deployment's clock: the
	// default "as of" date of a case and of a list's deadline filters.
	Today func() civil.Date
	// Now is the deployment's clock, for the times of the access log:
	// every read and write of a case goes through the store's access rules
	// (package casestore/access) and is logged in the store's own log.
	Now func() time.Time
	// Logger receives one line per request (route pattern, status,
	// duration, and for an authenticated request the actor's role and its
	// token's hash prefix, as the tokens file names it; "-" for none):
	// never an actor's id, a token, a path's case content or a body.
	// Nil discards.
	Logger *slog.Logger
	// Rate and Burst limit each token's requests (default 20 a second,
	// bursts of 40).
	Rate  rate.Limit
	Burst int
	// ClientRate and ClientBurst limit, per client address, the requests
	// that carry no token the server knows: the public routes and every
	// failed authentication (default 5 a second, bursts of 20). An IPv6
	// client is its /64. MaxClients bounds how many addresses are
	// remembered (default 10,000): the least recently seen is forgotten.
	ClientRate  rate.Limit
	ClientBurst int
	MaxClients  int
	// TrustedProxies are reverse proxies in front of the server: a request
	// from one comes from the rightmost address of X-Forwarded-For that is
	// not one of them. Without them, every request behind a proxy is the
	// proxy's.
	TrustedProxies []netip.Prefix
	// MaxBodyBytes bounds a request body (default 1 MiB).
	MaxBodyBytes int64
	// Timeout bounds a request's work (default 10 s).
	Timeout time.Duration
	// Organisation, when set, is the organisation's compliance record (an
	// organisation file, compliance.ParseOrganisation): what GET
	// /v1/compliance/audit and /v1/compliance/report are about. Without it
	// those routes answer 404 and a client POSTs the record instead.
	Organisation *compliance.Organisation
	// Metrics, when set, is where request counts go; share it with a
	// reminder sweep so that /metrics shows both. Nil means a new one.
	Metrics *Metrics
}

// Server is the HTTP API. It keeps no case state of its own, so several
// servers may share one database. Make one with New; it is an
// http.Handler.
type Server struct {
	cfg     Config
	engine  *casefsm.Engine
	mux     *http.ServeMux
	tokens  atomic.Pointer[tokenTable]
	clients *clients
	metrics *Metrics
	log     *slog.Logger
	// guard enforces the store's access rules and logs every read and
	// write of a case; it names no administrative actor.
	guard *access.Guard
}

// tokenTable is the tokens a server admits, with each one's limiter. A
// table is never changed once made: SetTokens swaps in a new one.
type tokenTable struct {
	actors   map[TokenHash]Actor
	limiters map[TokenHash]*rate.Limiter
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.Store == nil:
		return nil, errors.New("httpapi: Config.Store is required")
	case cfg.Today == nil:
		return nil, errors.New("httpapi: Config.Today is required (the library never reads the clock)")
	case cfg.Now == nil:
		return nil, errors.New("httpapi: Config.Now is required, the access log's clock (the library never reads the clock)")
	}
	if cfg.Policies == nil {
		cfg.Policies = policy.Builtin()
	}
	if cfg.Rate == 0 {
		cfg.Rate, cfg.Burst = 20, 40
	}
	if cfg.Burst == 0 {
		cfg.Burst = 1
	}
	if cfg.ClientRate == 0 {
		cfg.ClientRate, cfg.ClientBurst = 5, 20
	}
	if cfg.ClientBurst == 0 {
		cfg.ClientBurst = 1
	}
	if cfg.MaxClients == 0 {
		cfg.MaxClients = 10_000
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Metrics == nil {
		cfg.Metrics = NewMetrics()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if err := checkOrganisation(cfg.Organisation, cfg.Policies); err != nil {
		return nil, err
	}
	var opts casefsm.Options
	if cfg.Calendar != nil {
		opts.Calendars = []*deadlines.Calendar{cfg.Calendar}
	}
	eng, err := casefsm.NewEngine(cfg.Policies, opts)
	if err != nil {
		return nil, fmt.Errorf("httpapi: %w", err)
	}
	s := &Server{cfg: cfg, engine: eng, mux: http.NewServeMux(), metrics: cfg.Metrics, log: cfg.Logger, guard: access.Of(cfg.Store, cfg.Now),
		clients: newClients(cfg.ClientRate, cfg.ClientBurst, cfg.MaxClients, cfg.TrustedProxies)}
	if err := s.SetTokens(cfg.Tokens); err != nil {
		return nil, err
	}
	for _, r := range s.routes() {
		h := r.handle
		if r.public {
			h = s.limited(h)
		} else {
			h = s.authenticated(h)
		}
		s.mux.Handle(r.pattern, s.observed(r.pattern, h))
	}
	return s, nil
}

// checkOrganisation checks the organisation's record, when there is one,
// and that its policy is among the server's.
func checkOrganisation(org *compliance.Organisation, set *policy.Set) error {
	if org == nil {
		return nil
	}
	if err := org.Validate(); err != nil {
		return fmt.Errorf("httpapi: Config.Organisation: %w", err)
	}
	if _, err := set.Get(org.Policy); err != nil {
		return fmt.Errorf("httpapi: Config.Organisation operates under %q, which is not among the server's policies (an institution's overlay joins them): %w", org.Policy, err)
	}
	return nil
}

// SetTokens replaces the tokens the server admits, while it serves: a
// token not in entries is refused from the next request on (revoked), a
// new one admitted. A token kept keeps its rate limiter's state. Entries
// are checked as New checks Config.Tokens; on an error nothing changes.
func (s *Server) SetTokens(entries []TokenEntry) error {
	old := s.tokens.Load()
	t := &tokenTable{actors: make(map[TokenHash]Actor, len(entries)), limiters: make(map[TokenHash]*rate.Limiter, len(entries))}
	for _, e := range entries {
		if err := e.Actor.check(); err != nil {
			return fmt.Errorf("httpapi: token %x…: %w", e.SHA256[:4], err)
		}
		if _, dup := t.actors[e.SHA256]; dup {
			return fmt.Errorf("httpapi: token %x… is given twice", e.SHA256[:4])
		}
		t.actors[e.SHA256] = e.Actor
		lim := rate.NewLimiter(s.cfg.Rate, s.cfg.Burst)
		if old != nil && old.actors[e.SHA256] == e.Actor {
			lim = old.limiters[e.SHA256]
		}
		t.limiters[e.SHA256] = lim
	}
	s.tokens.Store(t)
	return nil
}

// handlerFunc is a handler that returns its error as a problem.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route is one registered route; Routes lists them for the OpenAPI check.
type route struct {
	pattern string // "METHOD /path"
	public  bool   // served without a token
	handle  handlerFunc
}

// routes is every route of the API.
func (s *Server) routes() []route {
	return []route{
		{"GET /healthz", true, s.healthz},
		{"GET /metrics", true, s.serveMetrics},
		{"GET /openapi.json", true, serveOpenAPI},
		{"GET /v1/me", false, s.whoami},
		{"POST /v1/cases", false, s.fileCase},
		{"GET /v1/cases", false, s.listCases},
		{"GET /v1/cases/{id}", false, s.showCase},
		{"POST /v1/cases/{id}/events", false, s.appendEvents},
		{"GET /v1/deadlines/{policy}/{rule}", false, s.explainDeadline},
		{"POST /v1/committees/check", false, s.checkCommittee},
		{"GET /v1/policies", false, s.listPolicies},
		{"GET /v1/policies/for", false, s.policyFor},
		{"GET /v1/policies/{id}", false, s.showPolicy},
		{"GET /v1/event-types", false, s.listEventTypes},
		{"GET /v1/event-types/{type}", false, s.showEventType},
		{"GET /v1/compliance/audit", false, s.complianceAudit},
		{"POST /v1/compliance/audit", false, s.complianceAudit},
		{"GET /v1/compliance/report", false, s.complianceReport},
		{"POST /v1/compliance/report", false, s.complianceReport},
		{"POST /v1/compliance/feedback", false, s.complianceFeedback},
	}
}

// Routes returns the patterns of every route ("GET /v1/cases/{id}"), in
// registration order.
func (s *Server) Routes() []string {
	rs := s.routes()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.pattern
	}
	return out
}

// ServeHTTP serves the API. A path no route matches, or a method a path
// does not take, gets a problem (404 or 405) like every other error.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern == "" {
		s.unmatched(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// unmatched answers a request no route takes: the mux's 404 and 405 as
// problems (with its Allow header), anything else (a redirect to a cleaned
// path) as the mux wrote it.
func (s *Server) unmatched(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	s.mux.ServeHTTP(rec, r)
	s.metrics.request("unmatched", rec.Code)
	if rec.Code != http.StatusNotFound && rec.Code != http.StatusMethodNotAllowed {
		maps.Copy(w.Header(), rec.Header())
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
		return
	}
	if allow := rec.Header().Get("Allow"); allow != "" {
		w.Header().Set("Allow", allow)
	}
	typ := TypeNotFound
	if rec.Code == http.StatusMethodNotAllowed {
		typ = TypeMethod
	}
	writeProblem(w, problem(rec.Code, typ, "no route for %s %s", r.Method, clip(r.URL.Path)))
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if err := s.ping(r.Context()); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// whoami serves GET /v1/me: the actor the token speaks for, so that a
// portal knows which pages to offer.
func (s *Server) whoami(w http.ResponseWriter, r *http.Request) error {
	if err := query(r, nil); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, actorOf(r.Context()))
	return nil
}

// actorKey is the context key of the request's Actor.
type actorKey struct{}

func actorOf(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}
