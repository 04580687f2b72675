package main

import (
	"encoding/json"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEventsCommand(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string
		stderr string
	}{
		{"every type", []string{"events"}, exitOK, []string{"event types under pk-federal-2022", "file_appeal\n  by:        complainant, accused\n", "  fields:    type*, on*, by*, reasonable_cause, condonation, reason, note\n"}, ""},
		{"one type", []string{"events", "dismiss_at_admission"}, exitOK, []string{"dismiss_at_admission\n", "    reason*           why the act was done: the reasons a dismissal at admission", "\n                      (text)\n", "from:      complaint_received, ombudsperson_complaint"}, ""},
		{"a policy", []string{"events", "--policy", "pk-federal-2010", "file_appeal"}, exitOK, []string{"file_appeal\n"}, ""},
		{"values", []string{"events", "communicate_decision"}, exitOK, []string{"(list of: complainant, accused, employer)\n", "(enum of: competent_authority)\n"}, ""},
		{"unknown type", []string{"events", "file_apeal"}, exitUsage, nil, `unknown event type "file_apeal" (want report_informally, `},
		{"unknown policy", []string{"events", "--policy", "pk-x"}, exitUsage, nil, `unknown policy "pk-x"`},
		{"two types", []string{"events", "decide", "remand"}, exitUsage, nil, `unexpected argument "remand"`},
		{"help", []string{"events", "--help"}, exitOK, []string{"usage: hifazat events [TYPE]"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.status, status, "hifazat %v: %s", tt.args, stderr)
			for _, w := range tt.stdout {
				assert.Contains(t, stdout, w, "hifazat %v", tt.args)
			}
			if tt.stderr != "" {
				assert.Contains(t, stderr, tt.stderr, "hifazat %v", tt.args)
				assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line on stderr: %q", stderr)
			}
		})
	}
}

func TestEventsJSON(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "events", "--json")
	require.Equal(t, exitOK, status, stderr)
	var all []map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &all))
	require.Len(t, all, len(casefsm.EventTypes()), "one entry per event type")
	for i, e := range all {
		assert.Equal(t, casefsm.EventTypes()[i].String(), e["type"])
		for _, k := range []string{"by", "from", "fields", "citations"} {
			assert.NotNil(t, e[k], "%s: %s is a list, never null", e["type"], k)
		}
	}

	stdout, stderr, status = runCLI(t, "", "events", "submit_findings", "--json")
	require.Equal(t, exitOK, status, stderr)
	var one casefsm.EventInfo
	require.NoError(t, json.Unmarshal([]byte(stdout), &one))
	assert.Equal(t, casefsm.SubmitFindings, one.Type)
	assert.Equal(t, []casefsm.Role{casefsm.InquiryCommittee}, one.By)
	require.Len(t, one.Fields, len(casefsm.Fields(casefsm.SubmitFindings)))
	for i, f := range casefsm.Fields(casefsm.SubmitFindings) {
		assert.Equal(t, f.Name, one.Fields[i].Name)
		assert.Equal(t, f.Kind, one.Fields[i].Kind, "%s: its kind", f.Name)
	}
	assert.Equal(t, []string{"inquiry_committee"}, one.Fields[2].Values, "by: the roles that may")
	assert.Contains(t, stdout, `"kind": "enum",`+"\n"+`      "values": [`+"\n"+`        "guilty",`, "finding's values")
}

func TestVersionCommand(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "version")
	require.Equal(t, exitOK, status, stderr)
	assert.True(t, strings.HasPrefix(stdout, "github.com/hifazat/hifazat "), "version: %q", stdout)

	stdout, stderr, status = runCLI(t, "", "version", "--json")
	require.Equal(t, exitOK, status, stderr)
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &v))
	assert.NotEmpty(t, v["version"])
	assert.Contains(t, v["go"], "go1.")

	_, _, status = runCLI(t, "", "version", "extra")
	assert.Equal(t, exitUsage, status)
}

func TestBuildVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want versionInfo
	}{
		{"a tagged module", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/hifazat/hifazat", Version: "v0.3.0"}},
			versionInfo{Module: "github.com/hifazat/hifazat", Version: "v0.3.0", Go: "go1.26.8"}},
		{"a source tree with VCS stamps", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/hifazat/hifazat", Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-12-06T03:00:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			versionInfo{Module: "github.com/hifazat/hifazat", Version: "(devel)", Go: "go1.26.8", Revision: "abc123", Time: "2026-12-06T03:00:00Z", Modified: true}},
		{"a test binary", debug.BuildInfo{GoVersion: "go1.26.8"},
			versionInfo{Module: "github.com/hifazat/hifazat", Version: "(devel)", Go: "go1.26.8"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, buildVersion(&tt.bi), tt.name)
	}
}
