package httpapi

import (
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/civil"
)

// List page sizes.
const (
	defaultPage = 50
	maxPage     = 500
)

// fileCase serves POST /v1/cases: the body is a case file (a header and,
// optionally, its first events). 201 with the case's id, version and state,
// its Location and its version as ETag.
func (s *Server) fileCase(w http.ResponseWriter, r *http.Request) error {
	if err := query(r, nil); err != nil {
		return err
	}
	body, err := readJSON(r)
	if err != nil {
		return err
	}
	c, err := s.create(r.Context(), actorOf(r.Context()), body)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/v1/cases/"+c.ID)
	setETag(w, c.Version)
	writeJSON(w, http.StatusCreated, c)
	return nil
}

// appendEvents serves POST /v1/cases/{id}/events: one event or an array,
// appended all or none at the version the If-Match header names.
func (s *Server) appendEvents(w http.ResponseWriter, r *http.Request) error {
	if err := query(r, nil); err != nil {
		return err
	}
	expected, err := ifMatch(r)
	if err != nil {
		return err
	}
	body, err := readJSON(r)
	if err != nil {
		return err
	}
	c, err := s.apply(r.Context(), actorOf(r.Context()), r.PathValue("id"), expected, body)
	if err != nil {
		return err
	}
	setETag(w, c.Version)
	writeJSON(w, http.StatusOK, c)
	return nil
}

// showCase serves GET /v1/cases/{id}[?at=D]: the case as the actor's role
// may see it, and its status as of D (default today).
func (s *Server) showCase(w http.ResponseWriter, r *http.Request) error {
	q, err := queryValues(r, "at")
	if err != nil {
		return err
	}
	at, err := dateParam(q, "at", s.cfg.Today())
	if err != nil {
		return err
	}
	c, err := s.show(r.Context(), actorOf(r.Context()), r.PathValue("id"), at)
	if err != nil {
		return err
	}
	setETag(w, c.Version)
	writeJSON(w, http.StatusOK, c)
	return nil
}

// casePage is the answer to GET /v1/cases.
type casePage struct {
	At    civil.Date    `json:"at"`
	Cases []caseSummary `json:"cases"`
	// Next, when set, is the cursor of the next page.
	Next string `json:"next,omitempty"`
}

// listCases serves GET /v1/cases with the store's filters and cursor paging.
func (s *Server) listCases(w http.ResponseWriter, r *http.Request) error {
	v, err := queryValues(r, "state", "policy", "overdue", "due_within", "at", "limit", "cursor")
	if err != nil {
		return err
	}
	q := listQuery{State: v.Get("state"), Policy: v.Get("policy"), Limit: defaultPage}
	if q.At, err = dateParam(v, "at", s.cfg.Today()); err != nil {
		return err
	}
	if q.Overdue, err = boolParam(v, "overdue"); err != nil {
		return err
	}
	if q.DueWithin, err = intParam(v, "due_within", 0, 0, 3660); err != nil {
		return err
	}
	if q.Limit, err = intParam(v, "limit", defaultPage, 1, maxPage); err != nil {
		return err
	}
	if c := v.Get("cursor"); c != "" {
		b, err := base64.RawURLEncoding.DecodeString(c)
		if err != nil || len(b) == 0 {
			return problem(http.StatusBadRequest, TypeMalformed, "cursor is not one this API returned")
		}
		q.After = string(b)
	}
	page := q.Limit
	q.Limit++ // one more tells whether there is a next page
	list, err := s.list(r.Context(), actorOf(r.Context()), q)
	if err != nil {
		return err
	}
	out := casePage{At: q.At, Cases: list}
	if len(list) > page {
		out.Cases = list[:page]
		out.Next = base64.RawURLEncoding.EncodeToString([]byte(list[page-1].ID))
	}
	if out.Cases == nil {
		out.Cases = []caseSummary{}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// readJSON reads a request's body, which must be JSON.
func readJSON(r *http.Request) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return nil, problem(http.StatusUnsupportedMediaType, TypeMediaType, "send the body as application/json")
		}
	}
	return readBody(r)
}

// readBody reads a request's body, within the server's limit.
func readBody(r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		return nil, problem(http.StatusBadRequest, TypeMalformed, "the body could not be read")
	}
	return body, nil
}

// ifMatch reads the version an append expects from If-Match ("3", as the
// ETag of the case gave it). Without it the append is refused: a write must
// say which version it read.
func ifMatch(r *http.Request) (int64, error) {
	h := r.Header.Get("If-Match")
	if h == "" {
		return 0, problem(http.StatusPreconditionRequired, TypePrecondition, `send If-Match: "N", N the version you last read (the ETag of GET /v1/cases/{id})`)
	}
	n, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(h), `"`), 10, 64)
	if err != nil || n < 0 {
		return 0, problem(http.StatusBadRequest, TypeMalformed, `If-Match must be a case version in quotes, such as "3"`)
	}
	return n, nil
}

func setETag(w http.ResponseWriter, version int64) {
	w.Header().Set("ETag", strconv.Quote(strconv.FormatInt(version, 10)))
}

// query refuses any query parameter not in allowed, so that no role, id or
// right can ever be passed that way.
func query(r *http.Request, allowed []string) error {
	_, err := queryValues(r, allowed...)
	return err
}

func queryValues(r *http.Request, allowed ...string) (url.Values, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, problem(http.StatusBadRequest, TypeMalformed, "the query string is malformed")
	}
	for k, vs := range v {
		if !slices.Contains(allowed, k) {
			if len(allowed) == 0 {
				return nil, problem(http.StatusBadRequest, TypeMalformed, "this route takes no query parameters, got %q", clip(k))
			}
			return nil, problem(http.StatusBadRequest, TypeMalformed, "unknown query parameter %q (want %s)", clip(k), strings.Join(allowed, ", "))
		}
		if len(vs) > 1 {
			return nil, problem(http.StatusBadRequest, TypeMalformed, "query parameter %q is given %d times", k, len(vs))
		}
	}
	return v, nil
}

// clip shortens what a client sent before it is quoted back.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func dateParam(v url.Values, name string, def civil.Date) (civil.Date, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	d, err := civil.Parse(s)
	if err != nil {
		return civil.Date{}, problem(http.StatusBadRequest, TypeMalformed, "%s must be a date YYYY-MM-DD, got %q", name, clip(s))
	}
	return d, nil
}

func boolParam(v url.Values, name string) (bool, error) {
	switch v.Get(name) {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, problem(http.StatusBadRequest, TypeMalformed, "%s must be true or false", name)
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, problem(http.StatusBadRequest, TypeMalformed, "%s must be a whole number from %d to %d", name, lo, hi)
	}
	return n, nil
}
