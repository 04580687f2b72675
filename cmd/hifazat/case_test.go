package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDemo(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "demo")
	require.Equal(t, exitOK, status, "hifazat demo: stderr %s", stderr)
	for _, want := range []string{
		"file_complaint", "started charges", "met     charges",
		"BREACH  late_duty findings: done on 2026-04-16, 4 days after the period ended on 2026-04-12 [s.4(4)]", "file_appeal", "decide_appeal",
		"record_implementation  by competent_authority  -> closed",
	} {
		assert.Contains(t, stdout, want, "hifazat demo")
	}
	assert.Empty(t, stderr, "hifazat demo")
}

func TestCaseStatus(t *testing.T) {
	demo, err := os.ReadFile("demo-case.json")
	require.NoError(t, err)
	var file map[string]any
	require.NoError(t, json.Unmarshal(demo, &file))
	events := file["events"].([]any)

	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantStatus int
		want       []string // substrings of stdout
		wantErr    string   // substring of stderr
	}{
		{"whole case as JSON", "", []string{"case", "status", "demo-case.json", "--json"}, exitOK,
			[]string{`"state": "closed"`, `"terminal": true`, `"code": "late_duty"`, `"error": null`}, ""},
		{"as of a date, people's output", "", []string{"case", "status", "demo-case.json", "--at", "2026-09-01"}, exitOK,
			[]string{"state closed (terminal)", "  late_duty findings: done on 2026-04-16"}, ""},
		{"from stdin, cut after the findings", caseWith(t, file, events[:7]), []string{"case", "status", "-", "--at", "2026-04-25", "--json"}, exitOK,
			[]string{`"state": "findings_submitted"`, `"rule": "penalty"`, `"status": "overdue"`}, ""},
		{"refused event", caseWith(t, file, append(append([]any{}, events[:2]...), map[string]any{"type": "decide", "on": "2026-03-04", "by": "competent_authority"})),
			[]string{"case", "status", "-", "--json"}, exitRefused,
			[]string{`"state": "complaint_received"`, `"index": 2`, `"event": 3,`, `"code": "not_allowed"`}, ""},
		{"refused event, people's output", caseWith(t, file, append(append([]any{}, events[:2]...), map[string]any{"type": "decide", "on": "2026-03-04", "by": "competent_authority"})),
			[]string{"case", "status", "-"}, exitRefused,
			[]string{"state complaint_received, as of 2026-03-03", "refused: event 3 (decide): not_allowed"}, ""},
		{"malformed event", `{"events":[{"type":"file_complaint","on":"2026-02-30","by":"complainant"}]}`,
			[]string{"case", "status", "-"}, exitUsage, nil, `event 1: field "on"`},
		{"unknown field", `{"evnts":[]}`, []string{"case", "status", "-"}, exitUsage, nil, "evnts"},
		{"as of a date before the last event", "", []string{"case", "status", "demo-case.json", "--at", "2026-03-03", "--json"}, exitOK,
			[]string{`"state": "complaint_received"`, `"code": "events_after_as_of"`, `11 later events, from 2026-03-05 to 2026-08-03, are not reflected`}, ""},
		{"committee for the case", committeeCase(`{"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}`, ""),
			[]string{"case", "status", "-", "--json"}, exitOK,
			[]string{`"code": "committee_invalid"`, `"message": "conflicted_member: `, `"error": null`}, ""},
		{"committee for the case, people's output", committeeCase(`{"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}`, ""),
			[]string{"case", "status", "-"}, exitOK, []string{"committee_invalid: conflicted_member"}, ""},
		{"committee whole after the replacement", committeeCase(`{"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}`,
			`, {"type": "replace_member", "on": "2026-03-03", "by": "employer", "member": {"out": "m-3", "in": {"id": "m-9", "name": "Sana Q.", "gender": "female", "seat": "other", "external": true}}}`),
			[]string{"case", "status", "-", "--json"}, exitOK, []string{`"warnings": []`}, ""},
		{"replacing a non-member", committeeCase(`{"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}`,
			`, {"type": "replace_member", "on": "2026-03-03", "by": "employer", "member": {"out": "x-1", "in": {"id": "m-9", "name": "Sana Q.", "gender": "female", "seat": "other"}}}`),
			[]string{"case", "status", "-", "--json"}, exitRefused, []string{`"index": 1`, `"code": "not_allowed"`, `x-1 does not sit on the committee for this case`}, ""},
		{"malformed committee", committeeCase(`{"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "chair"}`, ""),
			[]string{"case", "status", "-"}, exitUsage, nil, `field "committee": members[2].seat: unknown seat "chair"`},
		{"missing file", "", []string{"case", "status", "no-such-case.json"}, exitUsage, nil, "no-such-case.json"},
		{"bad --at", "", []string{"case", "status", "demo-case.json", "--at", "2026-13-01"}, exitUsage, nil, "--at"},
		{"no file", "", []string{"case", "status"}, exitUsage, nil, "want one case file"},
		{"no subcommand", "", []string{"case"}, exitUsage, nil, "want a subcommand"},
		{"unknown subcommand", "", []string{"case", "frob"}, exitUsage, nil, `unknown subcommand "frob"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.wantStatus, status, "hifazat %v: stderr %s", tt.args, stderr)
			for _, w := range tt.want {
				assert.Contains(t, stdout, w, "hifazat %v", tt.args)
			}
			if tt.wantErr != "" {
				assert.Contains(t, stderr, tt.wantErr, "hifazat %v", tt.args)
				assert.Equal(t, 1, strings.Count(stderr, "\n"), "one-line message for hifazat %v: %q", tt.args, stderr)
			}
		})
	}
}

// committeeCase is a case file whose standing committee's third member is
// third; the witness is m-3, and extra events follow the filing.
func committeeCase(third, extra string) string {
	return `{"calendar": "pk-federal", "incident_on": "2026-02-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"}, "witnesses": [{"id": "m-3"}]},
 "committee": {"has_cba": false, "cannot_designate_internally": false, "competent_authority": "ceo-1",
   "members": [{"id": "m-1", "name": "Ayesha K.", "gender": "female", "seat": "senior_management", "chair": true},
               {"id": "m-2", "name": "Bilal R.", "gender": "male", "seat": "senior_employee"}, ` + third + `]},
 "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"}` + extra + `]}`
}

// caseWith returns file with its events replaced, as JSON.
func caseWith(t *testing.T, file map[string]any, events []any) string {
	t.Helper()
	c := map[string]any{}
	for k, v := range file {
		c[k] = v
	}
	c["events"] = events
	b, err := json.Marshal(c)
	require.NoError(t, err)
	return string(b)
}

func TestDiagram(t *testing.T) {
	tests := []struct {
		args       []string
		wantStatus int
		want       string
	}{
		{[]string{"diagram"}, exitOK, "stateDiagram-v2"},
		{[]string{"diagram", "--format", "dot", "--policy", "pk-federal-2010"}, exitOK, `digraph "pk-federal-2010"`},
		{[]string{"diagram", "--state", "inquiry"}, exitOK, "class inquiry current"},
		{[]string{"diagram", "--format", "svg"}, exitUsage, ""},
		{[]string{"diagram", "--policy", "pk-mars-2099"}, exitUsage, ""},
		{[]string{"diagram", "--state", "limbo"}, exitUsage, ""},
	}
	for _, tt := range tests {
		stdout, stderr, status := runCLI(t, "", tt.args...)
		assert.Equal(t, tt.wantStatus, status, "hifazat %v: stderr %s", tt.args, stderr)
		if tt.wantStatus != exitOK {
			assert.Empty(t, stdout, "hifazat %v", tt.args)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "one-line message for hifazat %v: %q", tt.args, stderr)
			continue
		}
		assert.Contains(t, stdout, tt.want, "hifazat %v", tt.args)
		assert.Empty(t, stderr, "hifazat %v", tt.args)
	}
}
