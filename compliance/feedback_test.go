package compliance_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/compliance"
)

func TestParseFeedback(t *testing.T) {
	data, err := os.ReadFile("testdata/feedback.yaml")
	require.NoError(t, err)
	fb, err := compliance.ParseFeedback(data)
	require.NoError(t, err)
	require.Len(t, fb, 8)
	assert.Equal(t, compliance.PartComplainant, fb[0].Role)
	assert.Equal(t, compliance.No, fb[0].Prompt)
	assert.Equal(t, compliance.NotSure, fb[2].Confidential)
}

func TestParseFeedbackKeepsTheCaseOut(t *testing.T) {
	tests := []struct{ doc, field, reason string }{
		{"feedback:\n  - {organisation: acme, year: 2025, role: complainant, case: case-17}\n", "feedback[0].case", "unknown field"},
		{"feedback:\n  - {organisation: acme, year: 2025, role: judge}\n", "feedback[0].role", "unknown part"},
		{"feedback:\n  - {organisation: acme, year: 2025, role: witness, prompt: maybe}\n", "feedback[0].prompt", "unknown answer"},
		{"feedback:\n  - {organisation: acme, year: 1999, role: witness}\n", "feedback[0].year", "at least 2010"},
		{"feedback:\n  - {organisation: acme, year: 2025}\n", "feedback[0].role", "is required"},
	}
	for _, tt := range tests {
		_, err := compliance.ParseFeedback([]byte(tt.doc))
		var me *compliance.MalformedError
		require.ErrorAs(t, err, &me, tt.doc)
		assert.Equal(t, tt.field, me.Field)
		assert.Equal(t, 2, me.Line)
		assert.Contains(t, me.Reason, tt.reason)
	}
}

func TestFeedbackTables(t *testing.T) {
	data, err := os.ReadFile("testdata/feedback.yaml")
	require.NoError(t, err)
	fb, err := compliance.ParseFeedback(data)
	require.NoError(t, err)
	tables := compliance.FeedbackTables(fb, []string{"riverside-university"}, 2025)
	require.Len(t, tables, 6)
	byRole := tables[0]
	assert.Equal(t, compliance.Cell{Count: 7}, byRole.Total)
	for _, r := range byRole.Rows {
		assert.True(t, r.Suppressed, "3, 2 and 2: all under k, %s", r.Label)
	}
	explained := tables[1]
	assert.Equal(t, "feedback_explained", explained.Name)
	assert.Equal(t, compliance.Row{Label: "yes", Cell: compliance.Cell{Suppressed: true}}, explained.Rows[0], "6 yes is hidden so that the 1 no cannot be worked out")
	assert.Empty(t, compliance.FeedbackTables(fb, []string{"another"}, 2025)[0].Total.Count)
	assert.Nil(t, compliance.FeedbackTables(fb, nil, 0))
}

func FuzzParseFeedback(f *testing.F) {
	f.Add([]byte("feedback:\n  - {organisation: acme, year: 2025, role: complainant}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fb, err := compliance.ParseFeedback(data)
		if err == nil {
			compliance.FeedbackTables(fb, nil, 2025)
		}
	})
}
