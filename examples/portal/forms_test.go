package main

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

func info(e casefsm.EventType) casefsm.EventInfo {
	return casefsm.EventInfo{Type: e, Fields: casefsm.Fields(e)}
}

// TestReadEvent: a form's values become the event the API takes, or an
// error beside each field whose value does not have the form its
// description declares.
func TestReadEvent(t *testing.T) {
	for _, tc := range []struct {
		name   string
		e      casefsm.EventType
		values url.Values
		want   map[string]any
		errs   map[string]string
	}{
		{"a date and a note", casefsm.CommunicateCharges, url.Values{"on": {"2026-11-02"}, "note": {"  by hand  "}},
			map[string]any{"type": "communicate_charges", "by": "inquiry_committee", "on": "2026-11-02", "note": "by hand"}, nil},
		{"no date", casefsm.CommunicateCharges, url.Values{"on": {""}}, nil, map[string]string{"on": "err.required"}},
		{"not a date", casefsm.CommunicateCharges, url.Values{"on": {"2026-02-30"}}, nil, map[string]string{"on": "err.date"}},
		{"findings without a finding", casefsm.SubmitFindings, url.Values{"on": {"2026-11-02"}}, nil, map[string]string{"finding": "err.required"}},
		{"a finding that is none", casefsm.SubmitFindings, url.Values{"on": {"2026-11-02"}, "finding": {"innocent"}}, nil, map[string]string{"finding": "err.choice"}},
		{"guilty, with penalties, one for a period and a fine", casefsm.SubmitFindings, url.Values{"on": {"2026-11-02"}, "finding": {"guilty"},
			"penalties": {"censure", "withhold_promotion_or_increment", "fine"}, "months-withhold_promotion_or_increment": {"12"}, "amount-fine": {"50000"}},
			map[string]any{"type": "submit_findings", "by": "inquiry_committee", "on": "2026-11-02", "finding": "guilty",
				"penalties": []any{"censure", map[string]any{"code": "withhold_promotion_or_increment", "period_months": int64(12)}, map[string]any{"code": "fine", "amount": int64(50000)}}}, nil},
		{"a period of no months", casefsm.SubmitFindings, url.Values{"on": {"2026-11-02"}, "finding": {"guilty"}, "penalties": {"stop_at_efficiency_bar"}, "months-stop_at_efficiency_bar": {"0"}},
			nil, map[string]string{"penalties": "err.number"}},
		{"a decision given to the complainant", casefsm.CommunicateDecision, url.Values{"on": {"2026-11-02"}, "to": {"complainant"}},
			map[string]any{"type": "communicate_decision", "by": "inquiry_committee", "on": "2026-11-02", "to": []string{"complainant"}}, nil},
		{"a decision given to a witness", casefsm.CommunicateDecision, url.Values{"on": {"2026-11-02"}, "to": {"witness"}}, nil, map[string]string{"to": "err.choice"}},
		{"consent", casefsm.FileComplaint, url.Values{"on": {"2026-11-02"}, "consent": {"true"}},
			map[string]any{"type": "file_complaint", "by": "inquiry_committee", "on": "2026-11-02", "consent": true}, nil},
		{"voiding entry 0", casefsm.VoidEvent, url.Values{"on": {"2026-11-02"}, "voids": {"0"}, "reason": {"typo"}}, nil, map[string]string{"voids": "err.number"}},
		{"voiding without a reason", casefsm.VoidEvent, url.Values{"on": {"2026-11-02"}, "voids": {"2"}}, nil, map[string]string{"reason": "err.required"}},
		{"a defamation suit", casefsm.ReportRetaliation, url.Values{"on": {"2026-11-02"}, "kind": {"defamation_suit"}},
			map[string]any{"type": "report_retaliation", "by": "inquiry_committee", "on": "2026-11-02", "kind": "defamation_suit"}, nil},
		{"retaliation of another kind", casefsm.ReportRetaliation, url.Values{"on": {"2026-11-02"}, "kind": {""}},
			map[string]any{"type": "report_retaliation", "by": "inquiry_committee", "on": "2026-11-02"}, nil},
		{"a replacement", casefsm.ReplaceMember, url.Values{"on": {"2026-11-02"}, "member.out": {"m-2"}, "member.in.id": {"m-9"},
			"member.in.name": {"Farah Example"}, "member.in.gender": {"female"}, "member.in.seat": {"other"}, "member.in.external": {"true"}},
			map[string]any{"type": "replace_member", "by": "inquiry_committee", "on": "2026-11-02", "member": map[string]any{"out": "m-2",
				"in": map[string]any{"id": "m-9", "name": "Farah Example", "gender": "female", "seat": "other", "external": true}}}, nil},
		{"half a replacement", casefsm.ReplaceMember, url.Values{"on": {"2026-11-02"}, "member.out": {"m-2"}}, nil,
			map[string]string{"member": "err.member", "member.in.id": "err.required", "member.in.name": "err.required", "member.in.gender": "err.required", "member.in.seat": "err.required"}},
		{"no replacement", casefsm.ReplaceMember, url.Values{"on": {"2026-11-02"}}, nil, map[string]string{"member": "err.required"}},
		{"a chair for the case", casefsm.DesignateChair, url.Values{"on": {"2026-11-02"}, "member": {"m-3"}},
			map[string]any{"type": "designate_chair", "by": "inquiry_committee", "on": "2026-11-02", "member": "m-3"}, nil},
		{"no chair named", casefsm.DesignateChair, url.Values{"on": {"2026-11-02"}}, nil, map[string]string{"member": "err.required"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev, errs := readEvent(info(tc.e), casefsm.InquiryCommittee, tc.values)
			if tc.errs != nil {
				assert.Equal(t, tc.errs, errs)
				return
			}
			require.Empty(t, errs)
			assert.Equal(t, tc.want, ev)
		})
	}
}

// TestBuildForm: a form has one input per field its event type takes
// (beyond type and by), labelled in the language, with the values and
// errors sent back.
func TestBuildForm(t *testing.T) {
	pens := []policy.Penalty{{Code: policy.Censure}, {Code: policy.StopAtEfficiencyBar, Periodic: true}, {Code: policy.Fine}}
	in := formInputs{Penalties: pens, Today: civil.MustParse("2026-12-01"),
		Sent: url.Values{"finding": {"guilty"}, "penalties": {"fine"}, "amount-fine": {"9"}}, Errors: map[string]string{"on": "err.date"}}
	findings := info(casefsm.SubmitFindings)
	for i, fd := range findings.Fields {
		if fd.Name == "penalties" { // as the API serves them under a policy of these penalties
			findings.Fields[i].Values = []string{"censure", "stop_at_efficiency_bar", "fine"}
		}
	}
	f := buildForm(langs["ur"], findings, in)
	var names []string
	for _, x := range f.Fields {
		names = append(names, x.Name)
		assert.Equal(t, x.Name+"-submit_findings", x.ID)
		assert.Regexp(t, urdu, x.Words.Name)
	}
	assert.Equal(t, []string{"on", "received_on", "finding", "penalties", "reason", "note"}, names)
	on, finding, penalties := f.Fields[0], f.Fields[2], f.Fields[3]
	assert.Equal(t, "err.date", on.Error)
	assert.Equal(t, "2026-12-01", (buildForm(langs["en"], info(casefsm.SubmitFindings), formInputs{Today: in.Today})).Fields[0].Value, "the date defaults to today")
	assert.True(t, finding.Required)
	assert.Equal(t, "s.4(4), s.5(3)", finding.Citations)
	require.Len(t, penalties.Options, 3)
	assert.True(t, penalties.Options[1].Months)
	assert.False(t, penalties.Options[0].Months || penalties.Options[0].Amount)
	assert.True(t, penalties.Options[2].Amount && penalties.Options[2].Checked)
	assert.Equal(t, "9", penalties.Options[2].AmountV)
	var values []string
	for _, o := range finding.Options {
		values = append(values, o.Value)
	}
	assert.Equal(t, []string{"", "guilty", "not_guilty", "false_and_mala_fide"}, values, "none, then the values the API lists")
	assert.Equal(t, "—", finding.Options[0].Label)
	assert.True(t, finding.Options[1].Checked)
}

// TestFormFromKinds: a form asks for each field as the API's kind says,
// and offers the values the API lists, whatever the field's name.
func TestFormFromKinds(t *testing.T) {
	fields := []casefsm.Field{{Name: "type", Kind: casefsm.FieldEnum, Values: []string{"report_retaliation"}},
		{Name: "on", Required: true, Kind: casefsm.FieldDate}, {Name: "by", Kind: casefsm.FieldEnum, Values: []string{"complainant"}},
		{Name: "kind", Kind: casefsm.FieldEnum, Values: []string{"defamation_suit"}},
		{Name: "to", Kind: casefsm.FieldList, Values: []string{"accused"}}, {Name: "voids", Kind: casefsm.FieldNumber},
		{Name: "consent", Kind: casefsm.FieldBoolean}, {Name: "member", Kind: casefsm.FieldID}, {Name: "note", Kind: casefsm.FieldText}}
	f := buildForm(langs["en"], casefsm.EventInfo{Type: casefsm.ReportRetaliation, Fields: fields}, formInputs{})
	var kinds []kind
	for _, x := range f.Fields {
		kinds = append(kinds, x.Kind)
	}
	assert.Equal(t, []kind{kindDate, kindChoice, kindChoices, kindNumber, kindCheck, kindString, kindText}, kinds, "type and by are the form's")
	assert.Equal(t, []option{{Value: "", Label: "retaliation of another kind"}, {Value: "defamation_suit", Label: "a defamation suit against the complainant"}}, f.Fields[1].Options)
	assert.Equal(t, []option{{Value: "accused", Label: "the accused"}}, f.Fields[2].Options, "only the values listed")
	assert.Equal(t, "Chair for this case", f.Fields[5].Words.Name, "a member that is one id")
	_, errs := readEvent(casefsm.EventInfo{Type: casefsm.ReportRetaliation, Fields: fields}, casefsm.Complainant,
		url.Values{"on": {"2026-11-02"}, "to": {"complainant"}, "kind": {"defamation_suit"}})
	assert.Equal(t, map[string]string{"to": "err.choice"}, errs, "a value the API does not list")
}
