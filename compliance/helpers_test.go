package compliance_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

// riversidePolicy applies the test overlay to the built-in set.
func riversidePolicy(t testing.TB) *policy.Policy {
	t.Helper()
	data, err := os.ReadFile("testdata/riverside-overlay.yaml")
	require.NoError(t, err)
	o, err := policy.ParseOverlay(data)
	require.NoError(t, err)
	p, err := policy.Builtin().Apply(o)
	require.NoError(t, err)
	return p
}

// riverside reads the test organisation.
func riverside(t testing.TB) *compliance.Organisation {
	t.Helper()
	data, err := os.ReadFile("testdata/riverside-university.yaml")
	require.NoError(t, err)
	org, err := compliance.ParseOrganisation(data)
	require.NoError(t, err)
	return org
}

// builtin returns a built-in policy.
func builtin(t testing.TB, id policy.ID) *policy.Policy {
	t.Helper()
	p, err := policy.Builtin().Get(id)
	require.NoError(t, err)
	return p
}
