package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/httpapi"
)

// failingStore is a store whose reads and writes of one case fail with err,
// as a store does for an erased, sealed or altered case.
type failingStore struct {
	casestore.Store
	id  string
	err error
}

func (s failingStore) Load(ctx context.Context, id string) (casestore.Case, error) {
	if id == s.id {
		return casestore.Case{}, s.err
	}
	return s.Store.Load(ctx, id)
}

func (s failingStore) Append(ctx context.Context, id string, v int64, evs ...casefsm.Event) (casestore.Case, error) {
	if id == s.id {
		return casestore.Case{}, s.err
	}
	return s.Store.Append(ctx, id, v, evs...)
}

// TestStoreStatesAnswered: an erased case is 410, a sealed case the server
// has no key for is 503 naming the flag (and no key), an altered case is 500
// of its own type; none of them is the bare "internal error" it was.
func TestStoreStatesAnswered(t *testing.T) {
	cases := []struct {
		name   string
		err    error
		status int
		typ    string
		says   string
	}{
		{"erased", &casestore.ErasedError{Case: "x", On: civil.MustParse("2027-01-05")}, http.StatusGone, httpapi.TypeErased, "erased"},
		{"no key", &casestore.KeyError{Case: "x", Err: casestore.ErrNoKey}, http.StatusServiceUnavailable, httpapi.TypeUnavailable, "--key-file"},
		{"wrong key", &casestore.KeyError{Case: "x", Err: casestore.ErrWrongKey}, http.StatusServiceUnavailable, httpapi.TypeUnavailable, "--key-file"},
		{"altered", &casestore.TamperedError{}, http.StatusInternalServerError, httpapi.TypeAltered, "hifazat case verify"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			id := f.file()
			g := newFixture(t, func(c *httpapi.Config) { c.Store = failingStore{Store: f.store, id: id, err: tc.err} })
			for _, r := range []req{
				{method: "GET", path: "/v1/cases/" + id, as: "e-17"},
				{method: "POST", path: "/v1/cases/" + id + "/events", as: "ic-1", header: map[string]string{"If-Match": `"1"`},
					body: `[{"type":"add_note","on":"2026-03-05","by":"inquiry_committee","note":"n"}]`},
			} {
				w := g.do(r)
				p := problemOf(t, w)
				assert.Equal(t, tc.status, w.Code, "%s %s: %s", r.method, r.path, w.Body.String())
				assert.Equal(t, tc.typ, p.Type)
				assert.Contains(t, p.Detail, tc.says)
				assert.False(t, strings.Contains(strings.ToLower(p.Detail), "internal error"))
			}
		})
	}
}
