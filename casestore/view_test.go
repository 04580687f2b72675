package casestore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// viewCase has one event of each confidential kind.
func viewCase(t *testing.T, filed bool) casestore.Case {
	t.Helper()
	var events []casestore.Event
	if filed {
		events = append(events, casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`),
			casestore.MustParseEvent(`{"type":"record_statement","on":"2026-03-03","by":"inquiry_committee","note":"STATEMENT"}`),
			casestore.MustParseEvent(`{"type":"order_medical_examination","on":"2026-03-03","by":"inquiry_committee","note":"EVIDENCE"}`))
	} else {
		events = append(events, casestore.MustParseEvent(`{"type":"report_informally","on":"2026-03-02","by":"complainant"}`))
	}
	events = append(events,
		casestore.MustParseEvent(`{"type":"add_note","on":"2026-03-03","by":"inquiry_committee","note":"NOTE"}`),
		casestore.MustParseEvent(`{"type":"report_retaliation","on":"2026-03-03","by":"complainant","note":"HERRETALIATION"}`),
		casestore.MustParseEvent(`{"type":"report_retaliation","on":"2026-03-03","by":"accused","note":"HISRETALIATION"}`))
	c, err := casestore.NewMemory(casestore.Options{}).Create(context.Background(), "case-1", casestore.MustParseHeader(testHeader), events...)
	require.NoError(t, err, "Create(case-1)")
	return c
}

func TestViewAs(t *testing.T) {
	// What each role must see (true) or not see (false) of each marker.
	markers := []string{`"e-17"`, `"e-42"`, `"e-51"`, "STATEMENT", "EVIDENCE", "NOTE", "HERRETALIATION", "HISRETALIATION", "case-1"}
	tests := []struct {
		role casestore.Role
		sees []bool
	}{
		{casestore.Complainant, []bool{true, true, false, false, false, false, true, false, true}},
		{casestore.Accused, []bool{true, true, false, false, false, false, false, true, true}},
		{casestore.CommitteeMember, []bool{true, true, true, true, true, true, true, true, true}},
		{casestore.CompetentAuthority, []bool{true, true, false, false, false, false, true, true, true}},
		{casestore.OmbudspersonRole, []bool{true, true, true, true, true, true, true, true, true}},
		{casestore.Statistics, []bool{false, false, false, false, false, false, false, false, false}},
	}
	c := viewCase(t, true)
	for _, tt := range tests {
		t.Run(tt.role.String(), func(t *testing.T) {
			v, err := casestore.ViewAs(c, tt.role)
			require.NoError(t, err, "ViewAs(%s)", tt.role)
			out := viewText(t, v)
			for i, m := range markers {
				assert.Equal(t, tt.sees[i], strings.Contains(out, m), "ViewAs(%s) shows %s", tt.role, m)
			}
			if tt.role == casestore.Statistics {
				assert.NotContains(t, out, casestore.Withheld, "a statistics view has no placeholders")
			}
		})
	}
}

func TestViewHidesTheCommittee(t *testing.T) {
	header := strings.Replace(testHeader, `"incident_on"`, `"committee":{"has_cba":false,"competent_authority":"ca-9",
		"members":[{"id":"m-1","name":"Sana Example","gender":"female","seat":"senior_management","chair":true},
		{"id":"m-2","name":"Bilal Example","gender":"male","seat":"senior_employee"},
		{"id":"m-3","name":"Hina Example","gender":"female","seat":"other"}]},"incident_on"`, 1)
	c, err := casestore.NewMemory(casestore.Options{}).Create(context.Background(), "case-2", casestore.MustParseHeader(header),
		casestore.MustParseEvent(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	require.NoError(t, err, "Create(case-2) with a committee")
	secrets := []string{"ca-9", "m-1", "m-2", "m-3", "Sana Example", "Bilal Example", "Hina Example"}
	for _, tt := range []struct {
		role casestore.Role
		sees bool
	}{{casestore.CommitteeMember, true}, {casestore.Accused, true}, {casestore.Statistics, false}} {
		v, err := casestore.ViewAs(c, tt.role)
		require.NoError(t, err, "ViewAs(%s)", tt.role)
		out := viewText(t, v)
		for _, secret := range secrets {
			assert.Equal(t, tt.sees, strings.Contains(out, secret), "ViewAs(%s) shows %s", tt.role, secret)
		}
		assert.Contains(t, out, "senior_management", "ViewAs(%s) keeps the committee's composition", tt.role)
	}
}

func TestViewInformal(t *testing.T) {
	c := viewCase(t, false)
	v, err := casestore.ViewAs(c, casestore.CompetentAuthority)
	require.NoError(t, err, "ViewAs(competent_authority)")
	out := viewText(t, v)
	assert.NotContains(t, out, `"e-17"`, "the Competent Authority sees the complainant of an informal case")
	assert.NotContains(t, out, `"e-42"`, "the Competent Authority sees the accused of an informal case")
	v, err = casestore.ViewAs(c, casestore.Complainant)
	require.NoError(t, err, "ViewAs(complainant)")
	assert.Contains(t, viewText(t, v), `"e-17"`, "the complainant's own id in an informal case")
}

func TestViewAsRefusesNoRole(t *testing.T) {
	_, err := casestore.ViewAs(viewCase(t, true), 0)
	assert.ErrorIs(t, err, casestore.ErrMalformed, "ViewAs(zero Role)")
}

func TestRoleText(t *testing.T) {
	for r := casestore.Complainant; r <= casestore.Statistics; r++ {
		b, err := r.MarshalText()
		require.NoError(t, err, "MarshalText(%d)", r)
		var back casestore.Role
		require.NoError(t, back.UnmarshalText(b), "UnmarshalText(%s)", b)
		assert.Equal(t, r, back, "round trip of %s", b)
	}
	assert.Equal(t, "%!Role(0)", casestore.Role(0).String(), "String of the zero Role")
	_, err := casestore.Role(0).MarshalText()
	assert.Error(t, err, "MarshalText of the zero Role")
	assert.ErrorIs(t, new(casestore.Role).UnmarshalText([]byte("janitor")), casestore.ErrMalformed, "UnmarshalText(janitor)")
}

func viewText(t *testing.T, v casestore.View) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(v.Case)
	b.Write(v.Header)
	for _, e := range v.Events {
		b.Write(e)
	}
	return b.String()
}
