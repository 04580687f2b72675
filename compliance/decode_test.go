package compliance_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
)

func TestParseOrganisationReadsTheExample(t *testing.T) {
	org := riverside(t)
	assert.Equal(t, "riverside-university", org.ID)
	assert.Equal(t, compliance.University, org.Kind)
	assert.Equal(t, civil.MustParse("2024-01-25"), org.Committee.ConstitutedOn)
	require.Len(t, org.Committee.Members, 3)
	assert.Equal(t, committee.SeniorEmployee, org.Committee.Members[1].Seat)
	assert.Equal(t, 16.0, org.Committee.Members[0].Training[0].Hours)
	assert.Equal(t, "2025-07", org.Acknowledgements.Months[1].Month.String())
}

const minimal = `id: acme
name: Acme Traders (invented)
kind: private
jurisdiction: federal
policy: pk-federal-2022
covered_from: 2023-05-01
`

func TestParseOrganisationRefusesWithPathAndLine(t *testing.T) {
	tests := []struct {
		name, doc, field string
		line             int
		reason           string
	}{
		{"unknown field", minimal + "comittee: {}\n", "comittee", 7, "unknown field"},
		{"unknown kind", strings.Replace(minimal, "kind: private", "kind: charity", 1), "kind", 3, "unknown kind"},
		{"bad jurisdiction", strings.Replace(minimal, "federal", "gilgit", 1), "jurisdiction", 4, "not a jurisdiction"},
		{"missing name", strings.Replace(minimal, "name: Acme Traders (invented)\n", "", 1), "name", 0, "is required"},
		{"bad date", strings.Replace(minimal, "2023-05-01", "2023-02-30", 1), "covered_from", 6, ""},
		{"bad gender", minimal + "committee:\n  members:\n    - {id: E-1, name: A, gender: woman, seat: other}\n", "committee.members[0].gender", 9, "unknown"},
		{"member without id", minimal + "committee:\n  members:\n    - {name: A, gender: female, seat: other}\n", "committee.members[0].id", 0, "is required"},
		{"training hours", minimal + "committee:\n  members:\n    - id: E-1\n      name: A\n      training:\n        - {course: c, provider: p, on: 2024-01-01, hours: 0}\n",
			"committee.members[0].training[0].hours", 12, "more than 0"},
		{"more acknowledged than hired", minimal + "acknowledgements:\n  months:\n    - {month: 2024-01, hires: 3, acknowledged: 4}\n",
			"acknowledgements.months[0].acknowledged", 9, "more than"},
		{"month twice", minimal + "acknowledgements:\n  months:\n    - {month: 2024-01, hires: 3, acknowledged: 3}\n    - {month: 2024-01, hires: 1, acknowledged: 1}\n",
			"acknowledgements.months[1].month", 10, "also months[0]"},
		{"bad month", minimal + "acknowledgements:\n  months:\n    - {month: 2024-13, hires: 3, acknowledged: 3}\n", "acknowledgements.months[0].month", 9, "not YYYY-MM"},
		{"bad language", minimal + "majority_language: Urdu\n", "majority_language", 7, "ISO 639-1"},
		{"key twice", minimal + "name: again\n", "name", 7, ""},
		{"anchor", minimal + "calendar: &a pk-federal\n", "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compliance.ParseOrganisation([]byte(tt.doc))
			require.Error(t, err)
			assert.True(t, errors.Is(err, compliance.ErrMalformed))
			var me *compliance.MalformedError
			require.ErrorAs(t, err, &me)
			if tt.field != "" {
				assert.Equal(t, tt.field, me.Field, err.Error())
			}
			if tt.line > 0 {
				assert.Equal(t, tt.line, me.Line, err.Error())
			}
			assert.Contains(t, me.Reason, tt.reason)
		})
	}
}

func TestParseOrganisationReadsJSON(t *testing.T) {
	org, err := compliance.ParseOrganisation([]byte(`{"id":"acme","name":"Acme","kind":"online_business","jurisdiction":"punjab","policy":"pk-punjab-2013","covered_from":"2023-05-01"}`))
	require.NoError(t, err)
	assert.Equal(t, compliance.OnlineBusiness, org.Kind)
	_, err = compliance.ParseOrganisation([]byte(`{"id":"acme","name":"Acme","kind":"online_business","jurisdiction":"punjab","policy":"pk-punjab-2013","covered_from":"2023-05-01","extra":1}`))
	var me *compliance.MalformedError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, "extra", me.Field)
}

func FuzzParseOrganisation(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(`{"id":"x"}`))
	f.Add([]byte(minimal + "acknowledgements:\n  months:\n    - {month: 2024-01, hires: 3, acknowledged: 3}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := compliance.ParseOrganisation(data)
		if err != nil {
			var me *compliance.MalformedError
			if !errors.As(err, &me) {
				t.Fatalf("error %v is not a *MalformedError", err)
			}
			return
		}
		if err := org.Validate(); err != nil {
			t.Fatalf("parsed organisation does not validate: %v", err)
		}
	})
}
