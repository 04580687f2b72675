package policy

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInterpretationsWith(t *testing.T) {
	p, _ := Builtin().Get(FederalAct2022)
	base := p.Interpretations()
	tests := []struct {
		name    string
		s       Setting
		section string // "" means accepted
	}{
		{"a free switch off", Setting{"late_filing_needs_condonation", false, "late appeals accepted with a warning"}, ""},
		{"a free switch restated", Setting{"implementation_closes", true, "as the Act"}, ""},
		{"substance by filing date", Setting{"substance_by_incident_date", false, "why"}, ""},
		{"a shorter appellate period", Setting{"appellate_decision_days", 21, "why"}, ""},
		{"the appellate period as a JSON number", Setting{"appellate_decision_days", float64(30), "why"}, ""},
		{"a gazette window", Setting{"gazette_window", "2022-01-21..2022-01-23", "why"}, ""},
		{"no gazette window", Setting{"gazette_window", "", "why"}, ""},
		{"no roll-forward", Setting{"roll_forward_filings", false, "why"}, "General Clauses Act s.10"},
		{"no late defence", Setting{"late_defence_accepted", false, "why"}, "s.4(1)(b), s.8(2)"},
		{"ex parte at once", Setting{"ex_parte_after_defence_period", false, "why"}, "s.4(1)(b), s.8(2)"},
		{"trigger day counted", Setting{"exclude_trigger_day", false, "why"}, "General Clauses Act s.9"},
		{"stays ignored", Setting{"stays_pause", false, "why"}, "interpretation 10"},
		{"retaliation hidden", Setting{"retaliation_surfaced", false, "why"}, "s.4(3)(d)-(e)"},
		{"protections dropped", Setting{"protective_duties_tracked", false, "why"}, "s.4(7)-(8); Code (x); s.5(4)"},
		{"a limitation period", Setting{"no_complaint_limitation", false, "why"}, "Code (vii), (xii)"},
		{"working days", Setting{"calendar_days", false, "why"}, "interpretation 5"},
		{"a longer appellate period", Setting{"appellate_decision_days", 90, "why"}, "s.6(3)"},
		{"unknown name", Setting{"roll_forward", false, "why"}, "interpretation 29"},
		{"no note", Setting{"late_filing_needs_condonation", false, " "}, "interpretation 29"},
		{"wrong type", Setting{"late_filing_needs_condonation", "no", "why"}, "interpretation 29"},
		{"a bad interval", Setting{"gazette_window", "2022-01-21", "why"}, "interpretation 29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := base.With("acme-2024", tt.s)
			if tt.section == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrSettingRefused)
			var se *SettingError
			require.True(t, errors.As(err, &se))
			require.Len(t, se.Violations, 1)
			assert.Equal(t, tt.section, se.Violations[0].Section)
			assert.Equal(t, "interpretations."+tt.s.Name, se.Violations[0].Field)
			assert.Equal(t, base, in, "a refused setting changes nothing")
		})
	}
	in, err := base.With("acme-2024", Setting{"late_filing_needs_condonation", false, "late appeals accepted"})
	require.NoError(t, err)
	assert.False(t, in.LateFilingNeedsCondonation.Value)
	assert.Equal(t, "acme-2024 interpretations.late_filing_needs_condonation", in.LateFilingNeedsCondonation.Citation.Section)
	assert.Equal(t, "late appeals accepted (in place of interpretation 13)", in.LateFilingNeedsCondonation.Citation.Note)
	assert.Equal(t, base.RollForwardFilings, in.RollForwardFilings, "the others untouched")
	in, err = base.With("x", Setting{"implementation_closes", true, "restated"})
	require.NoError(t, err)
	assert.Equal(t, base.ImplementationCloses, in.ImplementationCloses, "a restated value keeps its citation")
	_, err = base.With("x", Setting{"stays_pause", true, "a"}, Setting{"stays_pause", true, "b"})
	assert.ErrorContains(t, err, "set twice")
	assert.Len(t, InterpretationNames(), 18)
}

func TestOverlayInterpretations(t *testing.T) {
	o, err := ParseOverlay([]byte(`id: acme-2024
title: Acme
base: pk-federal-2022
from: 2024-09-01
note: Syndicate resolution 3 of 2024
interpretations:
  late_filing_needs_condonation: false
  implementation_closes: false
interpretation_notes:
  late_filing_needs_condonation: late appeals are accepted with a warning
`))
	require.NoError(t, err)
	p, err := Builtin().Apply(o)
	require.NoError(t, err)
	in := p.Interpretations()
	assert.False(t, in.LateFilingNeedsCondonation.Value)
	assert.Contains(t, in.LateFilingNeedsCondonation.Citation.Note, "late appeals are accepted with a warning")
	assert.False(t, in.ImplementationCloses.Value)
	assert.Contains(t, in.ImplementationCloses.Citation.Note, "Syndicate resolution 3 of 2024", "without its own note, the overlay's")

	o.Interpretations = map[string]any{"roll_forward_filings": false, "late_defence_accepted": false}
	o.InterpretationNotes = map[string]string{"stays_pause": "orphan"}
	_, err = Builtin().Apply(o)
	var oe *OverlayError
	require.ErrorAs(t, err, &oe)
	var fields []string
	for _, v := range oe.Violations {
		fields = append(fields, v.Field)
	}
	assert.Equal(t, []string{"interpretation_notes.stays_pause", "interpretations.late_defence_accepted", "interpretations.roll_forward_filings"}, fields)
}
