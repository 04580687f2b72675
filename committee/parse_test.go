package committee_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
)

const committeeJSON = `{
  "has_cba": true,
  "cannot_designate_internally": false,
  "competent_authority": "CA-1",
  "members": [
    {"id": "W1", "name": "Person W1", "gender": "female", "seat": "senior_management", "external": false, "chair": true, "trained_on": "2025-01-15"},
    {"id": "M1", "name": "Person M1", "gender": "male", "seat": "employee_representative", "external": false, "chair": false},
    {"id": "X1", "name": "Person X1", "gender": "other", "seat": "other", "external": true, "chair": false}
  ]
}`

const committeeYAML = `# the same committee in YAML
has_cba: true
cannot_designate_internally: false
competent_authority: CA-1
members:
  - {id: W1, name: Person W1, gender: female, seat: senior_management, external: false, chair: true, trained_on: 2025-01-15}
  - id: M1
    name: Person M1
    gender: male
    seat: employee_representative
  - id: X1
    name: Person X1
    gender: other
    seat: other
    external: true
`

func TestParse(t *testing.T) {
	want := committee.Committee{
		HasCBA:             true,
		CompetentAuthority: "CA-1",
		Members: []committee.Member{
			{ID: "W1", Name: "Person W1", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true, TrainedOn: civil.MustParse("2025-01-15")},
			{ID: "M1", Name: "Person M1", Gender: committee.Male, Seat: committee.EmployeeRepresentative},
			{ID: "X1", Name: "Person X1", Gender: committee.GenderOther, Seat: committee.SeatOther, External: true},
		},
	}
	for name, in := range map[string]string{
		"json":          committeeJSON,
		"yaml":          committeeYAML,
		"json with BOM": "\ufeff  \n" + committeeJSON,
	} {
		got, err := committee.Parse([]byte(in))
		require.NoError(t, err, "Parse(%s)", name)
		assert.Equal(t, want, got, "Parse(%s)", name)
	}
}

func TestParseMissingEnumsAreLeftToCheck(t *testing.T) {
	c, err := committee.Parse([]byte(`{"members": [{"id": "Q1", "name": "Person Q1"}]}`))
	require.NoError(t, err)
	require.Len(t, c.Members, 1)
	assert.Equal(t, committee.GenderUnset, c.Members[0].Gender)
	assert.Equal(t, committee.SeatUnset, c.Members[0].Seat)
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, format, reason string
	}{
		{"json unknown field", `{"members": [], "chairman": "W1"}`, "json", `unknown field "chairman"`},
		{"json unknown member field", `{"members": [{"id": "W1"}, {"id": "M1", "age": 40}]}`, "json", `members[1]: unknown field "age"`},
		{"json bad gender", `{"members": [{"id": "W1", "gender": "f"}]}`, "json", `members[0]: unknown gender "f" (want female, male, other)`},
		{"json bad seat", `{"members": [{"id": "W1", "seat": "chair"}]}`, "json", `members[0]: unknown seat "chair" (want senior_management, employee_representative, senior_employee, other)`},
		{"json wrong type", `{"has_cba": "yes", "members": []}`, "json", `has_cba: want true or false, found a JSON string`},
		{"json wrong member type", `{"members": [{"id": "W1", "chair": 1}]}`, "json", `members[0].chair: want true or false, found a JSON number`},
		{"json bad date", `{"members": [{"id": "W1", "trained_on": "2025-02-29"}]}`, "json", `members[0]: civil: invalid date "2025-02-29"`},
		{"json trailing data", `{"members": []} {}`, "json", "unexpected data after the committee object"},
		{"json syntax", `{"members": [}`, "json", "invalid character"},
		{"yaml unknown field", "members: []\nchairman: W1\n", "yaml", "line 2: field chairman not found"},
		{"yaml bad gender", "members:\n  - id: W1\n  - id: M1\n    gender: m\n", "yaml", `members[1] (line 3): unknown gender "m"`},
		{"yaml bad date", "members:\n  - id: W1\n    trained_on: 2025-13-01\n", "yaml", `members[0] (line 2): civil: invalid date "2025-13-01"`},
		{"yaml wrong type", "has_cba: [1]\n", "yaml", "cannot unmarshal"},
		{"yaml two documents", "members: []\n---\nmembers: []\n", "yaml", "more than one document"},
		{"yaml list", "- id: W1\n", "yaml", "want one mapping"},
		{"empty", "", "yaml", "want one mapping"},
		{"null", "null", "yaml", "want one mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := committee.Parse([]byte(tt.in))
			require.ErrorIs(t, err, committee.ErrMalformed, "Parse(%q)", tt.in)
			var pe *committee.ParseError
			require.ErrorAs(t, err, &pe, "Parse(%q)", tt.in)
			assert.Equal(t, tt.format, pe.Format, "Parse(%q) format", tt.in)
			assert.Contains(t, pe.Reason, tt.reason, "Parse(%q) reason", tt.in)
			assert.NotContains(t, err.Error(), "\n", "Parse(%q) error is one line", tt.in)
		})
	}
}
