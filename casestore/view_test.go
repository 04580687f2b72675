package casestore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/casestore/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// viewCase has one event of each confidential kind.
func viewCase(t *testing.T, filed bool) casestore.Case {
	t.Helper()
	var events []casefsm.Event
	if filed {
		events = append(events, event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`),
			event(`{"type":"record_statement","on":"2026-03-03","by":"inquiry_committee","note":"STATEMENT"}`),
			event(`{"type":"order_medical_examination","on":"2026-03-03","by":"inquiry_committee","note":"EVIDENCE"}`))
	} else {
		events = append(events, event(`{"type":"report_informally","on":"2026-03-02","by":"complainant"}`))
	}
	events = append(events,
		event(`{"type":"add_note","on":"2026-03-03","by":"inquiry_committee","note":"NOTE"}`),
		event(`{"type":"report_retaliation","on":"2026-03-03","by":"complainant","note":"HERRETALIATION"}`),
		event(`{"type":"report_retaliation","on":"2026-03-03","by":"accused","note":"HISRETALIATION"}`))
	c, err := newStore(t).Create(context.Background(), "case-1", header(testHeader), events...)
	require.NoError(t, err, "Create(case-1)")
	return c
}

func TestViewAs(t *testing.T) {
	// What each role must see (true) or not see (false) of each marker.
	markers := []string{`"e-17"`, `"e-42"`, `"e-51"`, "STATEMENT", "EVIDENCE", "NOTE", "HERRETALIATION", "HISRETALIATION", "case-1"}
	tests := []struct {
		role casefsm.Role // the zero Role: the statistics view
		sees []bool
	}{
		{casefsm.Complainant, []bool{true, true, false, false, false, false, true, false, true}},
		{casefsm.Accused, []bool{true, true, false, false, false, false, false, true, true}},
		{casefsm.Supervisor, []bool{true, true, false, false, false, false, false, false, true}},
		{casefsm.InquiryCommittee, []bool{true, true, true, true, true, true, true, true, true}},
		{casefsm.CompetentAuthority, []bool{true, true, false, false, false, false, false, false, true}},
		{casefsm.Ombudsperson, []bool{true, true, true, true, true, true, true, true, true}},
		{casefsm.PresidentOrGovernor, []bool{true, true, true, true, true, true, true, true, true}},
		{casefsm.Employer, []bool{true, true, false, false, false, false, false, false, true}},
		{0, []bool{false, false, false, false, false, false, false, false, false}},
	}
	c := viewCase(t, true)
	for _, tt := range tests {
		t.Run(tt.role.String(), func(t *testing.T) {
			v, err := viewFor(c, tt.role)
			require.NoError(t, err, "view for %s", tt.role)
			out := viewText(t, v)
			for i, m := range markers {
				assert.Equal(t, tt.sees[i], strings.Contains(out, m), "view for %s shows %s", tt.role, m)
			}
			if tt.role == 0 {
				assert.NotContains(t, out, casestore.Withheld, "a statistics view has no placeholders")
			}
		})
	}
}

func TestViewHidesTheCommittee(t *testing.T) {
	withCommittee := strings.Replace(testHeader, `"incident_on"`, `"committee":{"has_cba":false,"competent_authority":"ca-9",
		"members":[{"id":"m-1","name":"Sana Example","gender":"female","seat":"senior_management","chair":true},
		{"id":"m-2","name":"Bilal Example","gender":"male","seat":"senior_employee"},
		{"id":"m-3","name":"Hina Example","gender":"female","seat":"other"}]},"incident_on"`, 1)
	c, err := newStore(t).Create(context.Background(), "case-2", header(withCommittee),
		event(`{"type":"file_complaint","on":"2026-03-02","by":"complainant"}`))
	require.NoError(t, err, "Create(case-2) with a committee")
	secrets := []string{"ca-9", "m-1", "m-2", "m-3", "Sana Example", "Bilal Example", "Hina Example"}
	for _, tt := range []struct {
		role casefsm.Role
		sees bool
	}{{casefsm.InquiryCommittee, true}, {casefsm.Accused, false}, {0, false}} {
		v, err := viewFor(c, tt.role)
		require.NoError(t, err, "ViewAs(%s)", tt.role)
		out := viewText(t, v)
		for _, secret := range secrets {
			assert.Equal(t, tt.sees, strings.Contains(out, secret), "ViewAs(%s) shows %s", tt.role, secret)
		}
		assert.Equal(t, tt.sees, strings.Contains(out, "senior_management"), "ViewAs(%s) shows who holds which seat", tt.role)
	}
}

func TestViewInformal(t *testing.T) {
	c := viewCase(t, false)
	for _, r := range []casefsm.Role{casefsm.CompetentAuthority, casefsm.Employer} {
		v, err := casestore.ViewAs(c, r)
		require.NoError(t, err, "ViewAs(%s)", r)
		out := viewText(t, v)
		assert.NotContains(t, out, `"e-17"`, "%s sees the complainant of an informal case", r)
		assert.NotContains(t, out, `"e-42"`, "%s sees the accused of an informal case", r)
	}
	v, err := casestore.ViewAs(c, casefsm.Complainant)
	require.NoError(t, err, "ViewAs(complainant)")
	assert.Contains(t, viewText(t, v), `"e-17"`, "the complainant's own id in an informal case")
}

func TestViewAsRefusesNoRole(t *testing.T) {
	_, err := casestore.ViewAs(viewCase(t, true), 0)
	assert.ErrorIs(t, err, casestore.ErrMalformed, "ViewAs(zero Role)")
}

// viewFor is ViewAs, or Statistics for the zero Role.
func viewFor(c casestore.Case, r casefsm.Role) (casestore.View, error) {
	if r == 0 {
		return casestore.Statistics(c)
	}
	return casestore.ViewAs(c, r)
}

func newStore(t *testing.T) casestore.Store {
	t.Helper()
	s, err := memstore.New(casestore.Options{})
	require.NoError(t, err, "memstore.New")
	t.Cleanup(func() { s.Close() })
	return s
}

const testHeader = `{"policy":"pk-federal-2022","incident_on":"2026-02-20",
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"},"witnesses":[{"id":"e-51"}]}}`

// event and header decode the tests' literals.
var (
	event  = storetest.MustEvent
	header = storetest.MustHeader
)

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
