package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	complianceOrg     = "../../compliance/testdata/riverside-university.yaml"
	complianceOverlay = "../../compliance/testdata/riverside-overlay.yaml"
)

func TestComplianceAudit(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		want   map[string]string // duty: status
	}{
		{"all met or due", []string{"--at", "2025-09-30"}, exitOK,
			map[string]string{"committee-constituted": "met", "committee-trained": "due", "code-displayed": "met"}},
		{"training lapsed", []string{"--at", "2026-03-01"}, exitRefused,
			map[string]string{"committee-trained": "missing", "code-acknowledged": "met"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"compliance", "audit", complianceOrg, "--overlay", complianceOverlay, "--json"}, tt.args...)
			stdout, stderr, status := runCLI(t, "", args...)
			require.Equal(t, tt.status, status, stderr)
			var out struct {
				Organisation string `json:"organisation"`
				Findings     []struct {
					Duty     string `json:"duty"`
					Status   string `json:"status"`
					Next     string `json:"next"`
					Citation struct {
						Section    string `json:"section"`
						Confidence string `json:"confidence"`
					} `json:"citation"`
				} `json:"findings"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &out))
			assert.Equal(t, "riverside-university", out.Organisation)
			got := map[string]string{}
			for _, f := range out.Findings {
				got[f.Duty] = f.Status
				assert.NotEmpty(t, f.Citation.Section)
				assert.NotEmpty(t, f.Citation.Confidence)
			}
			for duty, st := range tt.want {
				assert.Equal(t, st, got[duty], duty)
			}
		})
	}
}

func TestComplianceAuditInUrduForPeople(t *testing.T) {
	stdout, _, status := runCLI(t, "", "compliance", "audit", complianceOrg, "--overlay", complianceOverlay, "--at", "2026-03-01", "--lang", "ur")
	assert.Equal(t, exitRefused, status)
	assert.Contains(t, stdout, "MISSING  committee-trained")
	assert.Contains(t, stdout, "تربیت")
	assert.Contains(t, stdout, "no --store")
}

func TestComplianceAuditWithAStore(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "cases.db")
	_, stderr, status := runCLI(t, "", "case", "import", "demo-case.json", "--admin", "hr-1", "--store", db)
	require.Equal(t, exitOK, status, stderr)
	stdout, stderr, status := runCLI(t, "", "compliance", "audit", complianceOrg, "--overlay", complianceOverlay, "--at", "2025-09-30", "--store", db, "--json")
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, `"cases_checked": true`)
	assert.Contains(t, stdout, `"duty": "cases-within-deadlines"`)
}

func TestComplianceAuditRefusesBadInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "org.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("id: x\nname: X\nkind: charity\n"), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"compliance", "audit"}, "want one organisation file"},
		{"bad kind", []string{"compliance", "audit", bad}, "field kind: line 3"},
		{"overlay not the organisation's", []string{"compliance", "audit", complianceOrg, "--overlay", "../../policy/testdata/university-overlay.yaml"}, "operates under"},
		{"policy unknown", []string{"compliance", "audit", complianceOrg}, `operates under "riverside-2024", which is not a built-in policy: give the institutional overlay with that id with --overlay FILE`},
		{"bad language", []string{"compliance", "audit", complianceOrg, "--lang", "fr"}, "--lang"},
		{"no subcommand", []string{"compliance"}, "want a subcommand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, status := runCLI(t, "", tt.args...)
			assert.Equal(t, exitUsage, status)
			assert.Contains(t, stderr, tt.want)
		})
	}
}

// TestComplianceReportExplainsEmptyTables: a table with nothing to show
// says so under its heading, instead of a bare heading.
func TestComplianceReportExplainsEmptyTables(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	_, stderr, status := runCLI(t, "", "case", "import", "demo-case.json", "--admin", "hr-1", "--store", db)
	require.Equal(t, exitOK, status, stderr)
	stdout, stderr, status := runCLI(t, "", "compliance", "report", "--year", "2025", complianceOrg, db)
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, stdout, "\nevents\n  none in the year\n")
	lines := strings.Split(stdout, "\n")
	for i := 1; i+1 < len(lines); i++ {
		if lines[i-1] == "" && lines[i] != "" && !strings.HasPrefix(lines[i], " ") {
			assert.True(t, strings.HasPrefix(lines[i+1], "  "), "heading %q has nothing under it", lines[i])
		}
	}
}

func TestComplianceReport(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "cases.db")
	_, stderr, status := runCLI(t, "", "case", "import", "demo-case.json", "--admin", "hr-1", "--store", db)
	require.Equal(t, exitOK, status, stderr)
	for _, format := range []struct{ flag, want string }{
		{"--json", `"suppressed": true`},
		{"--csv", "received_by_route,inquiry_committee,,true"},
		{"--svg", "<svg"},
		{"", "suppressed"},
	} {
		args := []string{"compliance", "report", "--year", "2026", complianceOrg, db}
		if format.flag != "" {
			args = append(args, format.flag)
		}
		stdout, stderr, status := runCLI(t, "", args...)
		require.Equal(t, exitOK, status, stderr)
		assert.Contains(t, stdout, format.want, format.flag)
		assert.NotContains(t, stdout, "e-17", "no identity of the case")
		assert.NotContains(t, stdout, "e-42")
	}
	for _, bad := range [][]string{
		{"compliance", "report", complianceOrg, db},
		{"compliance", "report", "--year", "2026", complianceOrg},
		{"compliance", "report", "--year", "1999", complianceOrg, db},
		{"compliance", "report", "--year", "2026", complianceOrg, "sqlite:" + filepath.Join(t.TempDir(), "none.db")},
	} {
		_, _, status := runCLI(t, "", bad...)
		assert.Equal(t, exitUsage, status, bad)
	}
}

func TestComplianceFeedback(t *testing.T) {
	stdout, stderr, status := runCLI(t, "", "compliance", "feedback", "../../compliance/testdata/feedback.yaml", "--year", "2025", "--json")
	require.Equal(t, exitOK, status, stderr)
	var tables []struct {
		Name string `json:"name"`
		Rows []struct {
			Label      string `json:"label"`
			Count      int    `json:"count"`
			Suppressed bool   `json:"suppressed"`
		} `json:"rows"`
		Total struct {
			Count      int  `json:"count"`
			Suppressed bool `json:"suppressed"`
		} `json:"total"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &tables))
	require.Equal(t, "feedback_by_role", tables[0].Name)
	assert.Equal(t, 7, tables[0].Total.Count)
	assert.NotContains(t, stdout, "hearing dates", "comments are counted, never printed")
	for _, tb := range tables {
		for _, r := range tb.Rows {
			assert.False(t, !r.Suppressed && r.Count > 0 && r.Count < 5, "%s.%s = %d", tb.Name, r.Label, r.Count)
		}
	}
	stdout, _, status = runCLI(t, "", "compliance", "feedback", "../../compliance/testdata/feedback.yaml", "--year", "2024")
	assert.Equal(t, exitOK, status)
	assert.Contains(t, stdout, "suppressed")
}
