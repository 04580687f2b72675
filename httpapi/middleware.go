package httpapi

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// observed wraps a route's handler: it bounds the request's time and body,
// turns a returned error into a problem, recovers a panic as a 500, counts
// the response in the metrics and logs one line without content.
func (s *Server) observed(pattern string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		who := &requester{}
		ctx = context.WithValue(ctx, requesterKey{}, who)
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		sw := &statusWriter{ResponseWriter: w}
		func() {
			defer func() {
				if v := recover(); v != nil {
					s.log.Error("panic serving request", "route", pattern)
					writeProblem(sw, problem(http.StatusInternalServerError, TypeInternal, "internal error"))
				}
			}()
			if err := h(sw, r); err != nil {
				writeProblem(sw, s.problemOf(err))
			}
		}()
		s.metrics.request(pattern, sw.status)
		s.log.LogAttrs(ctx, slog.LevelInfo, "request", slog.String("route", pattern), slog.Int("status", sw.status),
			slog.Duration("took", time.Since(start)), slog.String("role", who.role()), slog.String("token", who.token()))
	})
}

// requester is who a request was authenticated as, for its log line:
// observed puts an empty one in the request's context and authenticated
// fills it in, since the context authenticated derives is not the one
// observed logs from.
//
// The line names the role and the token (the first 4 bytes of its hash,
// as the tokens file and the server's errors name it), never the actor's
// id: the request log is an operations log, kept outside the store's
// access rules, and the store's access log already records who read or
// wrote which case. A deployment resolves a token to its actor from its
// tokens file.
type requester struct {
	actor Actor
	hash  TokenHash
}

// requesterKey is the context key of the request's *requester.
type requesterKey struct{}

// role is the authenticated actor's role, or "-" for none.
func (q *requester) role() string {
	if q.actor.ID == "" {
		return "-"
	}
	return nameOf(q.actor.Role)
}

// token is the token's hash prefix in hex, or "-" for none.
func (q *requester) token() string {
	if q.actor.ID == "" {
		return "-"
	}
	return hex.EncodeToString(q.hash[:4])
}

// problemOf maps an error to its problem: a *Problem as it is, a store's
// error by its kind (see storeProblem), a context deadline as 503.
func (s *Server) problemOf(err error) *Problem {
	var p *Problem
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &p):
		return p
	case errors.As(err, &tooLarge):
		return problem(http.StatusRequestEntityTooLarge, TypeTooLarge, "the body is over %d bytes", tooLarge.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		return problem(http.StatusServiceUnavailable, TypeUnavailable, "the request took longer than %s", s.cfg.Timeout)
	}
	if p := storeProblem(err); p != nil {
		return p
	}
	s.log.Error("unexpected error", "kind", errKind(err))
	return problem(http.StatusInternalServerError, TypeInternal, "internal error")
}

// errKind names an error's type for the log, never its message (which may
// quote input).
func errKind(err error) string {
	return fmt.Sprintf("%T", err)
}

// authenticated admits a request with a known bearer token whose rate limit
// allows it, and puts its Actor in the context. A missing or unknown token
// is 401 and the token is never echoed; a token over its limit is 429 with
// Retry-After. A request without a known token is charged to its client
// address's limit first (429 when it is spent), so that tokens cannot be
// guessed at speed.
func (s *Server) authenticated(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
			return s.unauthenticated(w, r, "send Authorization: Bearer TOKEN with a token the deployment issued")
		}
		hash := HashToken(strings.TrimSpace(token))
		tokens := s.tokens.Load()
		a, known := tokens.actors[hash]
		if !known {
			return s.unauthenticated(w, r, "the bearer token is not one the deployment issued")
		}
		res := tokens.limiters[hash].Reserve()
		if d := res.Delay(); d > 0 {
			res.Cancel()
			return rateLimited(w, d, "this token's rate limit is %g requests a second", float64(s.cfg.Rate))
		}
		if who, ok := r.Context().Value(requesterKey{}).(*requester); ok {
			*who = requester{actor: a, hash: hash}
		}
		return h(w, r.WithContext(context.WithValue(r.Context(), actorKey{}, a)))
	}
}

// unauthenticated is the answer to a request without a known token: 401,
// or 429 when its client has spent its limit.
func (s *Server) unauthenticated(w http.ResponseWriter, r *http.Request, detail string) error {
	if err := s.clientLimit(w, r); err != nil {
		return err
	}
	return problem(http.StatusUnauthorized, TypeUnauthorized, "%s", detail)
}

// limited admits a request to a public route within its client's limit.
func (s *Server) limited(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.clientLimit(w, r); err != nil {
			return err
		}
		return h(w, r)
	}
}

// clientLimit charges a request to its client address's limit: nil, or the
// 429 problem when the limit is spent.
func (s *Server) clientLimit(w http.ResponseWriter, r *http.Request) error {
	if d := s.clients.wait(r, time.Now()); d > 0 {
		return rateLimited(w, d, "requests without a known token are limited to %g a second from one address", float64(s.cfg.ClientRate))
	}
	return nil
}

// rateLimited sets Retry-After to d, rounded up to whole seconds, and
// returns the 429 problem.
func rateLimited(w http.ResponseWriter, d time.Duration, format string, a ...any) error {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
	return problem(http.StatusTooManyRequests, TypeRateLimited, format, a...)
}

// statusWriter remembers the status written, for the metrics and the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}
