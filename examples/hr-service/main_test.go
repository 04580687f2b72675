package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// complaint is a synthetic complaint: invented ids, federal law; the
// witness m-3 also sits on the committee, which s.3(3) forbids.
const complaint = `{"policy": "pk-federal-2022", "calendar": "pk-federal", "incident_on": "2026-02-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"},
             "witnesses": [{"id": "m-3"}]},
 "committee": {"has_cba": false, "cannot_designate_internally": false, "competent_authority": "ceo-1",
   "members": [{"id": "m-1", "name": "Ayesha K.", "gender": "female", "seat": "senior_management", "chair": true},
               {"id": "m-2", "name": "Bilal R.", "gender": "male", "seat": "senior_employee"},
               {"id": "m-3", "name": "Sana M.", "gender": "female", "seat": "other"}]},
 "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant", "received_on": "2026-03-02"}]}`

// TestService walks one complaint through every route, in order: each
// step depends on the ones before it, as an HR system's calls would.
func TestService(t *testing.T) {
	svc, err := newService(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "hr.db"), func() civil.Date { return civil.MustParse("2026-03-13") })
	require.NoError(t, err)
	t.Cleanup(func() { svc.store.Close() })
	srv := httptest.NewServer(svc.routes())
	t.Cleanup(srv.Close)

	status, etag, body := call(t, srv, "POST", "/cases", "", complaint)
	require.Equal(t, http.StatusCreated, status, body)
	assert.Equal(t, `"1"`, etag, "a filed case is at version 1")
	var filed written
	require.NoError(t, json.Unmarshal([]byte(body), &filed))
	id := filed.ID

	steps := []struct {
		name, method, path, ifMatch, body string
		status                            int
		etag                              string
		has, hasNot                       []string
	}{
		{"charges at the version read", "POST", "/cases/" + id + "/events", `"1"`,
			`{"type": "communicate_charges", "on": "2026-03-05", "by": "inquiry_committee"}`,
			200, `"2"`, []string{`"state":"charges_communicated"`}, nil},
		{"a stale version conflicts", "POST", "/cases/" + id + "/events", `"1"`,
			`{"type": "add_note", "on": "2026-03-06", "by": "inquiry_committee", "note": "hearing room booked"}`,
			409, `"2"`, []string{`"version":2`}, nil},
		{"the law refuses a decision now", "POST", "/cases/" + id + "/events", "",
			`{"type": "decide", "on": "2026-03-06", "by": "competent_authority"}`,
			422, "", []string{`"code":"not_allowed"`, `"citation":"s.4(5)`, `"event":3`}, nil},
		{"an unknown field is malformed", "POST", "/cases/" + id + "/events", "",
			`{"type": "add_note", "on": "2026-03-06", "by": "inquiry_committee", "colour": "red"}`,
			400, "", []string{"colour"}, nil},
		{"a statement at the head", "POST", "/cases/" + id + "/events", "",
			`{"type": "record_statement", "on": "2026-03-06", "by": "inquiry_committee", "note": "statement of the witness"}`,
			200, `"3"`, nil, nil},
		{"the committee sees the statement", "GET", "/cases/" + id + "?as=inquiry_committee", "", "",
			200, `"3"`, []string{"statement of the witness", `"m-3"`}, nil},
		{"the accused does not", "GET", "/cases/" + id + "?as=accused", "", "",
			200, `"3"`, []string{`"e-17"`, `"defence"`}, []string{"statement of the witness", `"m-3"`}},
		{"statistics see no one", "GET", "/cases/" + id + "?as=statistics", "", "",
			200, `"3"`, nil, []string{id, `"e-17"`, `"e-42"`, "statement of the witness"}},
		{"an unknown role", "GET", "/cases/" + id + "?as=janitor", "", "", 400, "", []string{"statistics"}, nil},
		{"the defence is overdue today", "GET", "/cases?overdue=true", "", "",
			200, "", []string{id, `"as_of":"2026-03-13"`}, nil},
		{"not on its last day", "GET", "/cases?overdue=true&at=2026-03-12", "", "",
			200, "", []string{`"cases":[]`}, nil},
		{"an unknown state", "GET", "/cases?state=inqury", "", "", 400, "", []string{"inquiry"}, nil},
		{"the witness on the committee", "GET", "/cases/" + id + "/committee", "", "",
			200, "", []string{`"valid":false`, "committee_invalid", "m-3"}, nil},
		{"the defence deadline explained", "GET", "/cases/" + id + "/deadlines/defence", "", "",
			200, "", []string{"defence: 7 days from 2026-03-05", `"due":"2026-03-12"`}, nil},
		{"a period not started", "GET", "/cases/" + id + "/deadlines/appeal-penalised", "", "", 404, "", nil, nil},
		{"an unknown case", "GET", "/cases/case-nobody", "", "", 404, "", nil, nil},
	}
	for _, tt := range steps {
		status, etag, body := call(t, srv, tt.method, tt.path, tt.ifMatch, tt.body)
		assert.Equal(t, tt.status, status, "%s: %s", tt.name, body)
		if tt.etag != "" {
			assert.Equal(t, tt.etag, etag, "%s: ETag", tt.name)
		}
		for _, s := range tt.has {
			assert.Contains(t, body, s, tt.name)
		}
		for _, s := range tt.hasNot {
			assert.NotContains(t, body, s, tt.name)
		}
	}
}

// call makes one request and returns its status, ETag and body, compacted.
func call(t *testing.T, srv *httptest.Server, method, path, ifMatch, body string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var raw json.RawMessage
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&raw), "%s %s: a JSON body", method, path)
	out, err := json.Marshal(raw) // compact, so that tests match "key":value
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("ETag"), string(out)
}
