package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const committeeData = "testdata/committee/"

// committeeOutput is the JSON "committee check --json" prints.
type committeeOutput struct {
	Valid      bool `json:"valid"`
	Violations []struct {
		Code     string   `json:"code"`
		Members  []string `json:"members"`
		Message  string   `json:"message"`
		Citation string   `json:"citation"`
	} `json:"violations"`
	Warnings []struct {
		Code     string `json:"code"`
		Citation string `json:"citation"`
	} `json:"warnings"`
}

func TestCommitteeCheck(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		status   int
		codes    []string // violation codes, in order
		warnings []string
	}{
		{"valid committee", []string{"valid.json"}, exitOK, nil, nil},
		{"invalid committee", []string{"invalid.yaml"}, exitRefused,
			[]string{"no_woman", "no_employee_representative", "outsider_without_need"}, nil},
		{"only woman accused and replaced by a man, witness on the committee",
			[]string{"valid.json", "--case", committeeData + "case-conflict.json"}, exitRefused,
			[]string{"no_woman", "conflicted_member", "replacement_invalid"}, nil},
		{"accused replaced by a woman from outside",
			[]string{"valid.json", "--case", committeeData + "case-replaced.json"}, exitOK, nil, nil},
		{"accused is the Competent Authority",
			[]string{"valid.json", "--case", committeeData + "case-ca-accused.json"}, exitOK,
			nil, []string{"competent_authority_accused"}},
		{"policy chosen", []string{"invalid.yaml", "--policy", "pk-punjab-2013"}, exitRefused,
			[]string{"no_woman", "no_employee_representative", "outsider_without_need"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"committee", "check", committeeData + tt.args[0], "--json", "--on", "2025-06-01"}, tt.args[1:]...)
			stdout, stderr, status := runCLI(t, "", args...)
			require.Equal(t, tt.status, status, "hifazat %v: stderr %q", args, stderr)
			assert.Empty(t, stderr, "hifazat %v", args)
			var out committeeOutput
			require.NoError(t, json.Unmarshal([]byte(stdout), &out), "hifazat %v printed %q", args, stdout)
			assert.Equal(t, tt.status == exitOK, out.Valid, "hifazat %v: valid", args)
			var codes, warnings []string
			for _, v := range out.Violations {
				codes = append(codes, v.Code)
				assert.Regexp(t, `^s\.3\([23]\)$`, v.Citation, "hifazat %v: citation of %s is the section", args, v.Code)
				assert.NotNil(t, v.Members, "hifazat %v: members of %s", args, v.Code)
			}
			for _, w := range out.Warnings {
				warnings = append(warnings, w.Code)
			}
			assert.Equal(t, tt.codes, codes, "hifazat %v: violations", args)
			assert.Equal(t, tt.warnings, warnings, "hifazat %v: warnings", args)
		})
	}
}

func TestCommitteeCheckJSONShape(t *testing.T) {
	stdout, _, status := runCLI(t, "", "committee", "check", committeeData+"valid.json", "--json")
	require.Equal(t, exitOK, status)
	assert.JSONEq(t, `{"valid": true, "violations": [], "warnings": []}`, stdout)

	stdout, _, status = runCLI(t, "", "committee", "check", committeeData+"valid.json", "--json",
		"--case", committeeData+"case-conflict.json")
	require.Equal(t, exitRefused, status)
	var out []map[string]any
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(stdout), &top))
	require.NoError(t, json.Unmarshal(top["violations"], &out))
	require.NotEmpty(t, out)
	assert.Equal(t, map[string]any{
		"code":     "no_woman",
		"members":  []any{},
		"message":  "the committee must have at least one woman member (s.3(2))",
		"citation": "s.3(2)",
	}, out[0])
}

func TestCommitteeCheckHuman(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "committee", "check", committeeData+"invalid.yaml")
	require.Equal(t, exitRefused, status, "stderr %q", stderr)
	assert.Equal(t, "invalid under pk-federal-2022: 3 violations, 0 warnings\n"+
		"violation no_woman: the committee must have at least one woman member (s.3(2))\n"+
		"violation no_employee_representative [E-2]: the organisation has a CBA, so the employee seat must be held by a senior representative of the employees; a senior employee (E-2) does not fill it (s.3(2))\n"+
		"violation outsider_without_need [X-1]: member X-1 is co-opted from outside the organisation, but the organisation has not recorded that it cannot designate three members from within (s.3(2))\n",
		stdout)

	stdout, _, status = runCLI(t, "", "committee", "check", committeeData+"valid.json")
	require.Equal(t, exitOK, status)
	assert.Equal(t, "valid under pk-federal-2022: 0 violations, 0 warnings\n", stdout)
}

func TestCommitteeCheckUrdu(t *testing.T) {
	stdout, _, status := runCLI(t, "", "committee", "check", committeeData+"invalid.yaml", "--lang", "ur", "--json")
	require.Equal(t, exitRefused, status)
	var out committeeOutput
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	require.NotEmpty(t, out.Violations)
	assert.Equal(t, "کمیٹی میں کم از کم ایک خاتون رکن ہونا لازمی ہے (دفعہ 3(2))", out.Violations[0].Message)
	assert.Equal(t, "s.3(2)", out.Violations[0].Citation, "citations stay in the digest's notation")
}

func TestCommitteeCheckStdin(t *testing.T) {
	data, err := os.ReadFile(committeeData + "invalid.yaml")
	require.NoError(t, err)
	_, stderr, status := runCLI(t, string(data), "committee", "check", "-")
	assert.Equal(t, exitRefused, status, "committee check - < invalid.yaml: stderr %q", stderr)
}

func TestCommitteeCheckUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the one-line message
	}{
		{"no subcommand", []string{"committee"}, "want a subcommand (check)"},
		{"unknown subcommand", []string{"committee", "verify"}, `unknown subcommand "verify"`},
		{"no file", []string{"committee", "check"}, "want one committee file (or -)"},
		{"two files", []string{"committee", "check", "a.json", "b.json"}, `unexpected argument "b.json"`},
		{"unknown flag", []string{"committee", "check", committeeData + "valid.json", "--langue", "ur"}, "flag provided but not defined"},
		{"missing file", []string{"committee", "check", committeeData + "nope.json"}, "no such file"},
		{"malformed committee", []string{"committee", "check", committeeData + "malformed.json"}, `members[0].gender: unknown gender "f"`},
		{"unknown language", []string{"committee", "check", committeeData + "valid.json", "--lang", "fr"}, `unknown language "fr"`},
		{"unknown policy", []string{"committee", "check", committeeData + "valid.json", "--policy", "pk-nowhere"}, `unknown policy "pk-nowhere"`},
		{"bad date", []string{"committee", "check", committeeData + "valid.json", "--on", "2025-02-30"}, "--on"},
		{"missing case file", []string{"committee", "check", committeeData + "valid.json", "--case", committeeData + "nope.json"}, "no such file"},
		{"malformed case file", []string{"committee", "check", committeeData + "valid.json", "--case", committeeData + "invalid.yaml"}, "malformed case file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, "", tt.args...)
			assert.Equal(t, exitUsage, status, "hifazat %v", tt.args)
			assert.Empty(t, stdout, "hifazat %v", tt.args)
			assert.Contains(t, stderr, tt.want, "hifazat %v", tt.args)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "hifazat %v: one line on stderr: %q", tt.args, stderr)
		})
	}
}

func TestCommitteeHelp(t *testing.T) {
	for _, args := range [][]string{{"committee", "help"}, {"committee", "check", "--help"}} {
		stdout, stderr, status := runCLI(t, "", args...)
		assert.Equal(t, exitOK, status, "hifazat %v: %s", args, stderr)
		assert.Contains(t, stdout, "--case CASEFILE", "hifazat %v", args)
		assert.Empty(t, stderr, "hifazat %v", args)
	}
	stdout, _, _ := runCLI(t, "", "help")
	assert.Contains(t, stdout, "committee")
}

// The case file of --case is read as strictly as "case status" reads it.
func TestCommitteeCheckCaseFileIsStrict(t *testing.T) {
	for _, in := range []string{
		`{"parties": {"complainant": {"id": "e-1", "colour": "red"}}}`,
		`{"events": [{"type": "replace_member", "on": "2026-03-03", "by": "employer", "member": {"out": "m-1", "in": {"id": "m-9"}}, "extra": 1}]}`,
	} {
		stdout, stderr, status := runCLI(t, in, "committee", "check", committeeData+"valid.json", "--case", "-")
		assert.Equal(t, exitUsage, status, "--case - < %s: %s", in, stderr)
		assert.Empty(t, stdout, "--case - < %s", in)
		assert.Contains(t, stderr, "malformed case file", "--case - < %s", in)
	}
}
