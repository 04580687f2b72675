package casefsm_test

import (
	"encoding"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The names are a public contract copied from the issue; this list is the
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
		"report_retaliation", "refer_false_complaint", "notify_employer", "add_note"}
	wantRoles = []string{"complainant", "accused", "supervisor", "inquiry_committee",
		"competent_authority", "ombudsperson", "president_or_governor", "employer"}
	wantCodes = []string{"not_allowed", "forbidden_actor", "ineligible_complainant", "too_early",
		"time_barred", "invalid_event"}
)

type textEnum interface {
	encoding.TextMarshaler
	String() string
	IsValid() bool
}

// checkEnum checks that the values have the wanted names, in order, and
// that their text forms round-trip through parse.
func checkEnum[T textEnum](t *testing.T, kind string, values []T, want []string, parse func([]byte) (T, error)) {
	t.Helper()
	require.Len(t, values, len(want), "%s values", kind)
	for i, v := range values {
		assert.True(t, v.IsValid(), "%s(%d).IsValid()", kind, i+1)
		assert.Equal(t, want[i], v.String(), "%s(%d).String()", kind, i+1)
		b, err := v.MarshalText()
		require.NoError(t, err, "%s(%d).MarshalText()", kind, i+1)
		got, err := parse(b)
		require.NoError(t, err, "Unmarshal %s %q", kind, b)
		assert.Equal(t, v, got, "round trip of %s %q", kind, b)
	}
	for _, bad := range []string{"", "Closed", " closed", "closed ", "nope"} {
		_, err := parse([]byte(bad))
		assert.Error(t, err, "Unmarshal %s %q", kind, bad)
	}
}

func TestEnumNames(t *testing.T) {
	checkEnum(t, "State", casefsm.States(), wantStates, func(b []byte) (casefsm.State, error) {
		var v casefsm.State
		return v, v.UnmarshalText(b)
	})
	checkEnum(t, "EventType", casefsm.EventTypes(), wantEvents, func(b []byte) (casefsm.EventType, error) {
		var v casefsm.EventType
		return v, v.UnmarshalText(b)
	})
	checkEnum(t, "Role", casefsm.Roles(), wantRoles, func(b []byte) (casefsm.Role, error) {
		var v casefsm.Role
		return v, v.UnmarshalText(b)
	})
	codes := []casefsm.Code{casefsm.NotAllowed, casefsm.ForbiddenActor, casefsm.IneligibleComplainant,
		casefsm.TooEarly, casefsm.TimeBarred, casefsm.InvalidEvent}
	checkEnum(t, "Code", codes, wantCodes, func(b []byte) (casefsm.Code, error) {
		var v casefsm.Code
		return v, v.UnmarshalText(b)
	})
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

func TestRouteText(t *testing.T) {
	for _, r := range []casefsm.Route{casefsm.NoRoute, casefsm.CommitteeRoute, casefsm.OmbudspersonRoute} {
		b, err := r.MarshalText()
		require.NoError(t, err, "MarshalText(%d)", r)
		var got casefsm.Route
		require.NoError(t, got.UnmarshalText(b), "UnmarshalText(%q)", b)
		assert.Equal(t, r, got, "round trip %q", b)
	}
	assert.Equal(t, "%!Route(9)", casefsm.Route(9).String())
	var r casefsm.Route
	assert.Error(t, r.UnmarshalText([]byte("court")), "UnmarshalText(court)")
}
