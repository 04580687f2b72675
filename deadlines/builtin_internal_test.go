package deadlines

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseHolidayTable covers the table reader's refusals, which the
// embedded table itself never reaches.
func TestParseHolidayTable(t *testing.T) {
	const header = "# comment\ndate\tname\tstatus\tscope\n"
	hs, first, last, err := parseHolidayTable(header+"2024-10-15\tSCO\tnotified\tislamabad\r\n2025-03-23\tPakistan Day\tfixed\tnational\n", []string{"national"})
	require.NoError(t, err)
	assert.Equal(t, []Holiday{{Date: hs[0].Date, Name: "Pakistan Day", Status: Fixed}}, hs)
	assert.Equal(t, "2025-03-23", hs[0].Date.String())
	assert.Equal(t, [2]int{2024, 2025}, [2]int{first, last}, "years span every row, whatever the scope")

	for _, tt := range []struct{ table, msg string }{
		{"", "line 1: has no holidays"},
		{"date\tname\n", `line 1: header is "date\tname"`},
		{header + "2025-03-23\tPakistan Day\tfixed\n", "line 3: has 3 fields, want 4"},
		{header + "2025-02-30\tX\tfixed\tnational\n", `line 3: date "2025-02-30" is not YYYY-MM-DD`},
		{header + "2025-03-23\tX\tsure\tnational\n", `line 3: status "sure" is not fixed`},
	} {
		_, _, _, err := parseHolidayTable(tt.table, []string{"national"})
		require.ErrorIs(t, err, ErrInvalidCalendar, "parseHolidayTable(%q)", tt.table)
		assert.Contains(t, err.Error(), tt.msg, "parseHolidayTable(%q)", tt.table)
	}
}
