package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Problem is an RFC 9457 problem details object, the body of every error
// response (media type application/problem+json). Type is a URN naming the
// kind of problem (see the ProblemType constants); Code, Citation, Event
// and Field are extension members set when the law refused an event.
//
// Detail never quotes a token, and never quotes case content.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Code is the refusal's stable code (for example "not_allowed"), for
	// status 422.
	Code string `json:"code,omitempty"`
	// Citation is the section of the law behind a refusal, for example
	// "s.4(1)(b)".
	Citation string `json:"citation,omitempty"`
	// Event is the 1-based number, in the request, of the refused event.
	Event int `json:"event,omitempty"`
	// Field is the event's field at fault, by its case-file name ("on",
	// "penalties", "member.in.id"), when a refusal (422) or a malformed
	// event (400) is about one field.
	Field string `json:"field,omitempty"`
	// Version is the case's current version, for status 409.
	Version *int64 `json:"version,omitempty"`
}

// The problem types, a public contract: each is the Type of a Problem.
const (
	TypeUnauthorized = "urn:hifazat:problem:unauthorized"       // 401: no valid bearer token
	TypeForbidden    = "urn:hifazat:problem:forbidden"          // 403: the actor may not do this
	TypeNotFound     = "urn:hifazat:problem:not-found"          // 404: no such resource (or not the actor's to see)
	TypeMethod       = "urn:hifazat:problem:method-not-allowed" // 405
	TypeMalformed    = "urn:hifazat:problem:malformed"          // 400: the request is not well formed
	TypeConflict     = "urn:hifazat:problem:conflict"           // 409: the case moved on since the If-Match version
	TypeTooLarge     = "urn:hifazat:problem:too-large"          // 413: the body is over the limit
	TypeMediaType    = "urn:hifazat:problem:unsupported-media-type"
	TypeRefused      = "urn:hifazat:problem:refused"               // 422: the law refuses the event
	TypePrecondition = "urn:hifazat:problem:precondition-required" // 428: If-Match missing
	TypeRateLimited  = "urn:hifazat:problem:rate-limited"          // 429
	TypeInternal     = "urn:hifazat:problem:internal"              // 500
	TypeUnavailable  = "urn:hifazat:problem:unavailable"           // 503: the store cannot be reached, or the request timed out
	TypeErased       = "urn:hifazat:problem:erased"                // 410: the case was erased (crypto-shredded); its procedural record remains
	TypeAltered      = "urn:hifazat:problem:altered"               // 500: the case's stored record was altered; it is neither shown nor extended
)

func (p *Problem) Error() string {
	return fmt.Sprintf("%d %s: %s", p.Status, p.Title, p.Detail)
}

// problem returns a Problem of the given status and type, its title the
// status text.
func problem(status int, typ, format string, a ...any) *Problem {
	return &Problem{Type: typ, Title: http.StatusText(status), Status: status, Detail: fmt.Sprintf(format, a...)}
}

// writeProblem writes p as the response.
func writeProblem(w http.ResponseWriter, p *Problem) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch p.Status {
	case http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="hifazat"`)
	}
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeJSON writes v as a JSON response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeProblem(w, problem(http.StatusInternalServerError, TypeInternal, "the response could not be encoded"))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
