package committee_test

import (
	"strings"
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

// A committee without members is written by json.Marshal with "members":
// null, and read back.
func TestParseNullMembers(t *testing.T) {
	for _, in := range []string{`{"has_cba": true, "members": null}`, "has_cba: true\nmembers:\n"} {
		c, err := committee.Parse([]byte(in))
		require.NoError(t, err, "Parse(%q)", in)
		assert.Equal(t, committee.Committee{HasCBA: true}, c, "Parse(%q)", in)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, format, reason string
	}{
		{"json unknown field", `{"members": [], "chairman": "W1"}`, "json", "chairman: unknown field (want one of: has_cba, cannot_designate_internally, competent_authority, members)"},
		{"json unknown member field", `{"members": [{"id": "W1"}, {"id": "M1", "age": 40}]}`, "json", "members[1].age: unknown field (want one of: id, name,"},
		{"json bad gender", `{"members": [{"id": "W1", "gender": "f"}]}`, "json", `members[0].gender: unknown gender "f" (want female, male, other)`},
		{"json number for gender", `{"members": [{"id": "W1", "gender": 1}]}`, "json", `members[0].gender: unknown gender "1"`},
		{"json bad seat", `{"members": [{"id": "W1", "seat": "chair"}]}`, "json", `members[0].seat: unknown seat "chair" (want senior_management, employee_representative, senior_employee, other)`},
		{"json wrong type", `{"has_cba": "yes", "members": []}`, "json", `has_cba: want true or false, got "yes"`},
		{"json null flag", `{"has_cba": null, "members": []}`, "json", `has_cba: want true or false, got "null"`},
		{"json wrong member type", `{"members": [{"id": "W1", "chair": 1}]}`, "json", `members[0].chair: want true or false, got "1"`},
		{"json list for a string", `{"members": [{"id": ["W1"]}]}`, "json", "members[0].id: want a single value, not a list or mapping"},
		{"json bad date", `{"members": [{"id": "W1", "trained_on": "2025-02-29"}]}`, "json", `members[0].trained_on: civil: invalid date "2025-02-29"`},
		{"json key given twice", "{\"members\": [{\"id\": \"W1\",\n \"gender\": \"female\", \"gender\": \"male\"}]}", "json", "members[0].gender: line 2: given twice"},
		{"json top key given twice", `{"has_cba": true, "members": [], "has_cba": false}`, "json", "has_cba: line 1: given twice"},
		{"json trailing data", `{"members": []} {}`, "json", "invalid JSON: data after the object"},
		{"json syntax", `{"members": [}`, "json", "invalid JSON: invalid character"},
		{"json too large", `{"members": [], "competent_authority": "` + strings.Repeat("x", 1<<20) + `"}`, "json", "larger than 1048576 bytes"},
		{"yaml unknown field", "members: []\nchairman: W1\n", "yaml", "chairman: line 2: unknown field (want one of: has_cba,"},
		{"yaml bad gender", "members:\n  - id: W1\n  - id: M1\n    gender: m\n", "yaml", `members[1].gender: line 4: unknown gender "m" (want female, male, other)`},
		{"yaml bad date", "members:\n  - id: W1\n    trained_on: 2025-13-01\n", "yaml", `members[0].trained_on: line 3: civil: invalid date "2025-13-01"`},
		{"yaml wrong type", "has_cba: [1]\n", "yaml", "has_cba: line 1: want a single value, not a list or mapping"},
		{"yaml word for a flag", "members:\n  - id: W1\n    chair: yes\n", "yaml", `members[0].chair: line 3: want true or false, got "yes"`},
		{"yaml key given twice", "members: []\nhas_cba: true\nhas_cba: false\n", "yaml", "has_cba: line 3: given twice"},
		{"yaml alias", "members:\n  - &w {id: W1}\n  - *w\n", "yaml", "members[0]: line 2: YAML anchors and aliases are not allowed"},
		{"yaml two documents", "members: []\n---\nmembers: []\n", "yaml", "more than one document"},
		{"yaml list", "- id: W1\n", "yaml", "line 1: want a mapping of field names to values"},
		{"yaml too large", "members: []\n#" + strings.Repeat("x", 1<<20), "yaml", "larger than 1048576 bytes"},
		{"empty", "", "yaml", "empty document"},
		{"null", "null", "yaml", "line 1: want a mapping of field names to values"},
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
			if tt.format == "json" && !strings.Contains(tt.reason, "given twice") {
				// strictyaml re-encodes JSON: only a key given twice is
				// placed, by the line it has in the file.
				assert.NotContains(t, pe.Reason, "line ", "Parse(%q) reason", tt.in)
			}
		})
	}
}
