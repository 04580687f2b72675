package casestore_test

import (
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReceiptText(t *testing.T) {
	head, err := casestore.ParseHash(strings.Repeat("ab", 32))
	require.NoError(t, err)
	r := casestore.Receipt{Case: "case-1", Version: 7, Head: head}
	assert.Equal(t, "hifazat-receipt:v1:case-1:7:"+strings.Repeat("ab", 32), r.String())
	got, err := casestore.ParseReceipt(" " + r.String() + "\n")
	require.NoError(t, err)
	assert.Equal(t, r, got)

	for _, bad := range []string{
		"", "case-1:7:" + head.String(), "hifazat-receipt:v2:case-1:7:" + head.String(),
		"hifazat-receipt:v1:case-1:7", "hifazat-receipt:v1:case 1:7:" + head.String(),
		"hifazat-receipt:v1:case-1:-1:" + head.String(), "hifazat-receipt:v1:case-1:07:" + head.String(),
		"hifazat-receipt:v1:case-1:+7:" + head.String(), "hifazat-receipt:v1:case-1:7:" + head.String()[1:],
		"hifazat-receipt:v1:case-1:7:" + head.String() + ":x",
	} {
		_, err := casestore.ParseReceipt(bad)
		assert.ErrorIs(t, err, casestore.ErrMalformed, "ParseReceipt(%q)", bad)
	}
}

// FuzzParseReceipt: any text either fails with ErrMalformed or parses to a
// receipt whose text form parses back to the same receipt.
func FuzzParseReceipt(f *testing.F) {
	f.Add("hifazat-receipt:v1:case-1:7:" + strings.Repeat("0f", 32))
	f.Add("hifazat-receipt:v1::0:")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := casestore.ParseReceipt(s)
		if err != nil {
			require.ErrorIs(t, err, casestore.ErrMalformed)
			return
		}
		back, err := casestore.ParseReceipt(r.String())
		require.NoError(t, err)
		require.Equal(t, r, back)
	})
}
