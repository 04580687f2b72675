package casefsm_test

import (
	"encoding"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/internal/enum/enumtest"
	"github.com/stretchr/testify/assert"
)

// The names are a public contract written out by hand; this list is the
// oracle, so a renamed or reordered value fails here.
var (
	wantStates = []string{"not_filed", "informal", "informally_resolved", "complaint_received",
		"charges_communicated", "defence_closed", "inquiry", "findings_submitted", "decided",
		"decision_communicated", "appeal_pending", "appeal_decided", "ombudsperson_complaint",
		"show_cause_issued", "ombudsperson_hearing", "ombudsperson_decided", "representation_pending",
		"dismissed", "implementation", "withdrawn", "closed"}
	wantEvents = []string{"report_informally", "resolve_informally", "file_complaint",
		"file_with_ombudsperson", "dismiss_at_admission", "communicate_charges", "submit_defence",
		"proceed_ex_parte", "start_inquiry", "submit_findings", "decide", "communicate_decision",
		"issue_show_cause", "decide_complaint", "file_appeal", "decide_appeal", "make_representation",
		"decide_representation", "remand", "finalise", "record_implementation", "request_withdrawal",
		"accept_withdrawal", "replace_member", "record_stay", "lift_stay", "set_aside_ex_parte",
		"hold_hearing", "adjourn", "record_statement", "order_medical_examination",
		"order_confidentiality", "record_interim_measure", "record_support", "award_compensation",
		"report_retaliation", "refer_false_complaint", "notify_employer", "add_note",
		"refuse_withdrawal", "void_event", "designate_chair"}
	wantRoles = []string{"complainant", "accused", "supervisor", "inquiry_committee",
		"competent_authority", "ombudsperson", "president_or_governor", "employer",
		"witness", "district_court"}
	wantCodes = []string{"not_allowed", "forbidden_actor", "ineligible_complainant", "too_early",
		"time_barred", "invalid_event"}
)

type textEnum interface {
	encoding.TextMarshaler
	String() string
	IsValid() bool
}

// Every enum of the package follows package enum's rules: each value
// round-trips through its name, and unknown names are refused listing the
// valid ones.
func TestEnumNames(t *testing.T) {
	enumtest.Check(t, wantStates, casefsm.States())
	enumtest.Check(t, wantEvents, casefsm.EventTypes())
	enumtest.Check(t, wantRoles, casefsm.Roles())
	enumtest.Check(t, wantCodes, []casefsm.Code{casefsm.NotAllowed, casefsm.ForbiddenActor, casefsm.IneligibleComplainant,
		casefsm.TooEarly, casefsm.TimeBarred, casefsm.InvalidEvent})
	enumtest.Check(t, []string{"none", "committee", "ombudsperson"},
		[]casefsm.Route{casefsm.NoRoute, casefsm.CommitteeRoute, casefsm.OmbudspersonRoute})
	enumtest.Check(t, []string{"guilty", "not_guilty", "false_and_mala_fide"},
		[]casefsm.Finding{casefsm.Guilty, casefsm.NotGuilty, casefsm.FalseAndMalaFide})
	enumtest.Check(t, []string{"date", "text", "id", "number", "boolean", "enum", "list", "penalties", "replacement"},
		[]casefsm.FieldKind{casefsm.FieldDate, casefsm.FieldText, casefsm.FieldID, casefsm.FieldNumber, casefsm.FieldBoolean,
			casefsm.FieldEnum, casefsm.FieldList, casefsm.FieldPenalties, casefsm.FieldReplacement})
	var st casefsm.State
	assert.Error(t, st.UnmarshalText(nil), "an empty name is no state")
}

func TestEnumOutOfRange(t *testing.T) {
	tests := []struct {
		v    textEnum
		want string
	}{
		{casefsm.State(0), "%!State(0)"},
		{casefsm.State(200), "%!State(200)"},
		{casefsm.EventType(0), "%!EventType(0)"},
		{casefsm.EventType(255), "%!EventType(255)"},
		{casefsm.Role(0), "%!Role(0)"},
		{casefsm.Role(99), "%!Role(99)"},
		{casefsm.Code(0), "%!Code(0)"},
		{casefsm.Code(7), "%!Code(7)"},
		{casefsm.FieldKind(0), "%!FieldKind(0)"},
		{casefsm.FieldKind(10), "%!FieldKind(10)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.v.String(), "String()")
			assert.False(t, tt.v.IsValid(), "IsValid()")
			_, err := tt.v.MarshalText()
			assert.Error(t, err, "MarshalText() of %s", tt.want)
		})
	}
}

func TestTerminal(t *testing.T) {
	for _, s := range casefsm.States() {
		want := s == casefsm.Withdrawn || s == casefsm.Closed
		assert.Equal(t, want, s.Terminal(), "%s.Terminal()", s)
	}
	assert.False(t, casefsm.State(0).Terminal(), "zero State is not terminal")
}
