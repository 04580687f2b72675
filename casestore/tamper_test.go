package casestore_test

import (
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTamperKindText(t *testing.T) {
	for k := casestore.Intact; k <= casestore.CaseModified; k++ {
		b, err := k.MarshalText()
		require.NoError(t, err, "MarshalText(%d)", k)
		var back casestore.TamperKind
		require.NoError(t, back.UnmarshalText(b), "UnmarshalText(%s)", b)
		assert.Equal(t, k, back, "round trip of %s", b)
	}
	assert.Equal(t, "%!TamperKind(99)", casestore.TamperKind(99).String(), "String out of range")
	_, err := casestore.TamperKind(99).MarshalText()
	assert.Error(t, err, "MarshalText out of range")
	assert.ErrorIs(t, new(casestore.TamperKind).UnmarshalText([]byte("scrambled")), casestore.ErrMalformed, "UnmarshalText(scrambled)")
}
