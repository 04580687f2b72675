package casefsm_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(s string) civil.Date { return civil.MustParse(s) }

func employeeCase() casefsm.Header {
	return casefsm.Header{Calendar: "pk-federal", IncidentOn: date("2026-02-20"), Parties: casefsm.Parties{
		Complainant: casefsm.Party{Relationship: policy.Employee, ID: "e-17"},
		Accused:     casefsm.Party{Relationship: policy.Employee, ID: "e-42"},
		Witnesses:   []casefsm.Party{{ID: "e-51"}},
	}}
}

func mustApply(t *testing.T, c *casefsm.Case, evs ...casefsm.Event) {
	t.Helper()
	for _, ev := range evs {
		require.NoError(t, c.Apply(ev), "Apply(%+v)", ev)
	}
}

func TestRefusalErrors(t *testing.T) {
	eng := newEngine(t)
	sentinels := map[casefsm.Code]error{
		casefsm.NotAllowed: casefsm.ErrNotAllowed, casefsm.ForbiddenActor: casefsm.ErrForbiddenActor,
		casefsm.IneligibleComplainant: casefsm.ErrIneligibleComplainant, casefsm.TooEarly: casefsm.ErrTooEarly,
		casefsm.TimeBarred: casefsm.ErrTimeBarred, casefsm.InvalidEvent: casefsm.ErrInvalidEvent,
	}
	tests := []struct {
		name   string
		header func(*casefsm.Header)
		setup  []casefsm.Event
		ev     casefsm.Event
		code   casefsm.Code
		text   string
	}{
		{"zero event", nil, nil, casefsm.Event{}, casefsm.InvalidEvent, "event 1 (%!EventType(0)) refused in state not_filed: invalid_event: event type 0 is not a known type (case record [high])"},
		{"no date", nil, nil, casefsm.Event{Type: casefsm.FileComplaint, By: casefsm.Complainant}, casefsm.InvalidEvent, "the event has no date (on)"},
		{"no actor", nil, nil, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02")}, casefsm.InvalidEvent, "the event has no actor (by)"},
		{"not allowed", nil, nil, casefsm.Event{Type: casefsm.Decide, On: date("2026-03-02"), By: casefsm.CompetentAuthority}, casefsm.NotAllowed,
			"decide is not possible in state not_filed; it is possible in findings_submitted"},
		{"forbidden actor", nil, nil, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Accused}, casefsm.ForbiddenActor,
			"accused may not file complaint; the table allows complainant (s.4(1), Code (vii)-(viii) [high])"},
		{"ineligible", func(h *casefsm.Header) {
			h.Parties.Complainant.Relationship = policy.Student
			h.IncidentOn = date("2021-06-01")
		}, nil,
			casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant}, casefsm.IneligibleComplainant,
			"a student may not complain under pk-federal-2010, the policy in force on 2021-06-01"},
		{"too early", nil, []casefsm.Event{
			{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant},
			{Type: casefsm.CommunicateCharges, On: date("2026-03-03"), By: casefsm.InquiryCommittee},
		}, casefsm.Event{Type: casefsm.ProceedExParte, On: date("2026-03-10"), By: casefsm.InquiryCommittee}, casefsm.TooEarly,
			"the defence period runs until 2026-03-10; ex parte may be ordered from 2026-03-11"},
		{"second defence, no ex parte", nil, []casefsm.Event{
			{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant},
			{Type: casefsm.CommunicateCharges, On: date("2026-03-03"), By: casefsm.InquiryCommittee},
			{Type: casefsm.SubmitDefence, On: date("2026-03-09"), By: casefsm.Accused},
		}, casefsm.Event{Type: casefsm.SubmitDefence, On: date("2026-03-10"), By: casefsm.Accused}, casefsm.NotAllowed,
			"a defence was already received on 2026-03-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := employeeCase()
			if tt.header != nil {
				tt.header(&h)
			}
			c, err := eng.NewCase(h)
			require.NoError(t, err)
			mustApply(t, c, tt.setup...)
			err = c.Apply(tt.ev)
			require.ErrorIs(t, err, casefsm.ErrRefused, "Apply(%+v)", tt.ev)
			require.ErrorIs(t, err, sentinels[tt.code], "Apply(%+v)", tt.ev)
			for code, s := range sentinels {
				if code != tt.code {
					assert.NotErrorIs(t, err, s, "Apply(%+v) matches only its own code", tt.ev)
				}
			}
			ref, ok := errors.AsType[*casefsm.Refusal](err)
			require.True(t, ok, "Apply(%+v) returns a *Refusal", tt.ev)
			assert.Equal(t, tt.code, ref.Code)
			assert.Equal(t, len(tt.setup), ref.Index)
			assert.Contains(t, err.Error(), tt.text, "Apply(%+v)", tt.ev)
			assert.True(t, strings.HasPrefix(err.Error(), "casefsm: event "), "prefix of %q", err)
		})
	}
}

func TestApplyCopiesTheEvent(t *testing.T) {
	c, err := newEngine(t).NewCase(employeeCase())
	require.NoError(t, err)
	member := &committee.Replacement{Out: "m-1", In: committee.Member{ID: "m-9"}}
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-01"), By: casefsm.Complainant, Note: "first"},
		casefsm.Event{Type: casefsm.ReplaceMember, On: date("2026-03-02"), By: casefsm.Employer, Member: member})
	member.Out = "changed"
	assert.Equal(t, "m-1", c.Events()[1].Member.Out, "Apply copies the event's member")
	events := c.Events()
	events[0].Note = "changed"
	events[1].Member.Out = "changed"
	assert.Equal(t, "first", c.Events()[0].Note, "Events returns a copy")
	assert.Equal(t, "m-1", c.Events()[1].Member.Out, "Events returns deep copies")
	h := c.Header()
	h.Parties.Witnesses[0].ID = "changed"
	assert.Equal(t, "e-51", c.Header().Parties.Witnesses[0].ID, "Header returns a copy")

	cm := committee.Committee{Members: []committee.Member{{ID: "m-1"}}}
	h = employeeCase()
	h.Committee = &cm
	c, err = newEngine(t).NewCase(h)
	require.NoError(t, err)
	cm.Members[0].ID = "changed"
	assert.Equal(t, "m-1", c.Header().Committee.Members[0].ID, "NewCase copies the committee")
}

// TestConcurrentCases replays cases on one engine from many goroutines
// (run with -race): the engine and its definitions are shared safely.
func TestConcurrentCases(t *testing.T) {
	eng := newEngine(t)
	f, err := casefsm.Decode(strings.NewReader(sampleFile))
	require.NoError(t, err)
	done := make(chan casefsm.State)
	for range 8 {
		go func() {
			var last casefsm.State
			for range 20 {
				c, _ := eng.Open(f)
				_ = c.Status(date("2026-05-01"))
				last = c.State()
			}
			done <- last
		}()
	}
	for range 8 {
		assert.Equal(t, casefsm.ComplaintReceived, <-done)
	}
}

func TestNewCaseRejectsBadHeaders(t *testing.T) {
	eng := newEngine(t)
	tests := []struct {
		name  string
		edit  func(*casefsm.Header)
		field string
		msg   string
	}{
		{"unknown policy", func(h *casefsm.Header) { h.Policy = "pk-federal-2031" }, "policy", "unknown policy"},
		{"policy of another jurisdiction", func(h *casefsm.Header) { h.Policy = policy.PunjabAct2013 }, "jurisdiction", "policy pk-punjab-2013 is punjab law, not federal"},
		{"unknown jurisdiction", func(h *casefsm.Header) { h.Jurisdiction = "gilgit" }, "jurisdiction", "unknown jurisdiction"},
		{"unknown calendar", func(h *casefsm.Header) { h.Calendar = "acme" }, "calendar", `unknown calendar "acme" (known: [pk-federal pk-islamabad])`},
		{"unknown relationship", func(h *casefsm.Header) { h.Parties.Accused.Relationship = "customer" }, "parties.accused.relationship", "unknown relationship"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := employeeCase()
			h.Jurisdiction = policy.Federal
			tt.edit(&h)
			_, err := eng.NewCase(h)
			require.ErrorIs(t, err, casefsm.ErrMalformed, "NewCase(%+v)", h)
			ie, ok := errors.AsType[*casefsm.InputError](err)
			require.True(t, ok)
			assert.Equal(t, -1, ie.Index)
			assert.Equal(t, tt.field, ie.Field)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestNewEngine(t *testing.T) {
	_, err := casefsm.NewEngine(nil, casefsm.Options{})
	assert.Error(t, err, "NewEngine(nil)")
	fed, err := deadlines.Builtin("pk-federal")
	require.NoError(t, err)
	_, err = casefsm.NewEngine(policy.Builtin(), casefsm.Options{Calendars: []*deadlines.Calendar{fed}})
	assert.ErrorContains(t, err, `calendar id "pk-federal" is already known`)
	_, err = casefsm.NewEngine(policy.Builtin(), casefsm.Options{Calendars: []*deadlines.Calendar{nil}})
	assert.ErrorContains(t, err, "Options.Calendars[0] is nil")

	acme, err := deadlines.ParseCalendar([]byte(`{"id": "acme-lahore", "base": "pk-federal", "holidays": [{"date": "2026-03-05", "name": "Founders' Day", "status": "fixed"}]}`))
	require.NoError(t, err)
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{Calendars: []*deadlines.Calendar{acme}})
	require.NoError(t, err)
	h := employeeCase()
	h.Calendar = "acme-lahore"
	c, err := eng.NewCase(h)
	require.NoError(t, err, "a case may name an institution's calendar")
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant},
		casefsm.Event{Type: casefsm.CommunicateCharges, On: date("2026-03-03"), By: casefsm.InquiryCommittee})
	// The defence would end on Tuesday 10 March on pk-federal either way;
	// the calendar is the organisation's (the committee receives it).
	st := c.Status(date("2026-03-04"))
	require.Len(t, st.Deadlines, 2)
	assert.Equal(t, "acme-lahore", st.Deadlines[1].Calendar, "defence counted on the organisation's calendar")
	assert.Equal(t, "acme-lahore", st.Deadlines[0].Calendar, "charges counted on the organisation's calendar")

	_, err = eng.Definition("nope")
	assert.ErrorIs(t, err, policy.ErrUnknownPolicy, "Definition(nope)")
}

func TestNewDefinitionForEveryBuiltinPolicy(t *testing.T) {
	for _, p := range policy.Builtin().All() {
		d, err := casefsm.NewDefinition(p)
		require.NoError(t, err, "NewDefinition(%s)", p.ID())
		assert.Equal(t, p, d.Policy())
		assert.Equal(t, casefsm.NotFiled, d.Initial())
	}
	_, err := casefsm.NewDefinition(nil)
	assert.Error(t, err, "NewDefinition(nil)")
}

// An institution that switches withdrawal off: the refusal cites its
// overlay (interpretation 19).
// Withdrawal is the complainant's right (Rules 2013 r.4(3)): no overlay can
// switch it off. Dismissal at admission is the institution's choice
// (interpretation 12): an overlay that switches it off removes the event.
func TestOverlaySwitchesDismissalOff(t *testing.T) {
	set := policy.Builtin()
	off := false
	_, err := set.Apply(policy.Overlay{ID: "acme-2024", Title: "Acme policy", Base: policy.FederalAct2022,
		From: date("2024-01-01"), Routes: policy.RouteOverlay{Withdrawal: &off}})
	require.ErrorIs(t, err, policy.ErrOverlayRefused, "an overlay removing withdrawal")
	acme, err := set.Apply(policy.Overlay{ID: "acme-2024", Title: "Acme policy", Base: policy.FederalAct2022,
		From: date("2024-01-01"), Routes: policy.RouteOverlay{DismissAtAdmission: &off}})
	require.NoError(t, err, "Apply(overlay)")
	set, err = policy.NewSet(append(set.All(), acme)...)
	require.NoError(t, err)
	eng, err := casefsm.NewEngine(set, casefsm.Options{})
	require.NoError(t, err)
	h := employeeCase()
	h.Policy = "acme-2024"
	c, err := eng.NewCase(h)
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant})
	err = c.Apply(casefsm.Event{Type: casefsm.DismissAtAdmission, On: date("2026-03-03"), By: casefsm.InquiryCommittee, Reason: "anonymous"})
	require.ErrorIs(t, err, casefsm.ErrNotAllowed)
	assert.ErrorContains(t, err, "policy acme-2024 does not provide dismiss at admission")
	mustApply(t, c, casefsm.Event{Type: casefsm.RequestWithdrawal, On: date("2026-03-03"), By: casefsm.Complainant})
}

func TestReportJSON(t *testing.T) {
	f, err := casefsm.Decode(strings.NewReader(`{"calendar": "pk-federal", "incident_on": "2026-02-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"}},
 "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"},
            {"type": "communicate_charges", "on": "2026-03-06", "by": "inquiry_committee"},
            {"type": "decide", "on": "2026-03-07", "by": "competent_authority"},
            {"type": "submit_defence", "on": "2026-03-08", "by": "accused"}]}`))
	require.NoError(t, err)
	r, err := newEngine(t).Report(f, date("2026-03-16"))
	require.NoError(t, err)
	b, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	golden(t, "report-refused.json", append(b, '\n'))
	require.NotNil(t, r.Error)
	assert.Equal(t, casefsm.ChargesCommunicated, r.State, "the state before the refused event")
	assert.Equal(t, 2, r.Error.Index)
	assert.Equal(t, casefsm.NotAllowed, r.Error.Code)

	// No file at all is malformed input, not a panic.
	_, err = newEngine(t).Report(nil, civil.Date{})
	assert.ErrorIs(t, err, casefsm.ErrMalformed, "Report(nil)")

	// A header fault is an error, not a report.
	f.Policy = "nope"
	_, err = newEngine(t).Report(f, civil.Date{})
	assert.ErrorIs(t, err, casefsm.ErrMalformed)
}

// A Go caller's event with no valid type is refused, and the report of it
// still marshals, with a null type.
func TestReportJSONInvalidEventType(t *testing.T) {
	f := &casefsm.CaseFile{Header: employeeCase(), Events: []casefsm.Event{{On: date("2026-03-02"), By: casefsm.Complainant}}}
	r, err := newEngine(t).Report(f, civil.Date{})
	require.NoError(t, err)
	require.NotNil(t, r.Error, "Report(%+v)", f.Events)
	b, err := json.Marshal(r)
	require.NoError(t, err, "Marshal(%+v)", r)
	var m struct{ Error map[string]any }
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "invalid_event", m.Error["code"], "%s", b)
	assert.Contains(t, m.Error, "type", "%s", b)
	assert.Nil(t, m.Error["type"], "%s", b)
}

func TestReportEmptyListsAreNotNull(t *testing.T) {
	f := &casefsm.CaseFile{}
	r, err := newEngine(t).Report(f, date("2026-03-01"))
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"deadlines", "breaches", "warnings"} {
		assert.Equal(t, []any{}, m[k], "%s is [] in %s", k, b)
	}
	assert.Nil(t, m["error"], "error is null in %s", b)
	assert.Contains(t, m, "error")
	// No complainant is recorded, so a filing is not listed as possible.
	assert.Equal(t, []any{
		map[string]any{"event": "report_informally", "by": []any{"complainant"}, "moves": true},
		map[string]any{"event": "report_retaliation", "by": []any{"complainant", "accused", "supervisor", "inquiry_committee", "witness"}, "moves": false},
		map[string]any{"event": "add_note", "by": []any{"complainant", "accused", "supervisor", "inquiry_committee", "competent_authority", "ombudsperson", "president_or_governor", "employer", "witness", "district_court"}, "moves": false},
	}, m["next"])
}

func TestStatusAsOfDefaultsToLastEvent(t *testing.T) {
	c, err := newEngine(t).NewCase(employeeCase())
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant},
		casefsm.Event{Type: casefsm.AddNote, On: date("2026-03-09"), By: casefsm.Supervisor})
	assert.Equal(t, deadlines.Overdue, c.Status(civil.Date{}).Deadlines[0].Status, "as of 2026-03-09, the charges are overdue")
	assert.Equal(t, deadlines.Pending, c.Status(date("2026-03-04")).Deadlines[0].Status)
}

func TestFederal2010Case(t *testing.T) {
	h := employeeCase()
	h.IncidentOn = date("2015-05-01")
	c, err := newEngine(t).NewCase(h)
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileWithOmbudsperson, On: date("2015-05-04"), By: casefsm.Complainant})
	s := c.Status(date("2015-05-05"))
	assert.Equal(t, policy.FederalAct2010, s.Policy)
	var rules []string
	for _, d := range s.Deadlines {
		rules = append(rules, string(d.Rule))
	}
	assert.Equal(t, []string{"show-cause", "foira-disposal"}, rules, "no 90-day target before 2022")
}

// committeeFile is a valid standing committee of three with one woman.
const committeeFile = `{"has_cba": false, "competent_authority": "ceo-1",
 "members": [{"id": "m-1", "name": "Ayesha K.", "gender": "female", "seat": "senior_management", "chair": true},
             {"id": "m-2", "name": "Bilal R.", "gender": "male", "seat": "senior_employee"},
             {"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}]}`

func TestCommitteeForTheCase(t *testing.T) {
	cm, err := committee.Parse([]byte(committeeFile))
	require.NoError(t, err)
	h := employeeCase()
	h.Parties.Witnesses = []casefsm.Party{{ID: "m-3"}} // a member is a witness (s.3(3))
	h.Parties.Accused.ID = "m-1"                       // and the woman chair is complained against
	h.Committee = &cm
	c, err := newEngine(t).NewCase(h)
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant})
	violations := func(on string) []string {
		var out []string
		for _, w := range c.Status(date(on)).Warnings {
			require.Equal(t, casefsm.WarnCommitteeInvalid, w.Code, "Status(%s): %+v", on, w)
			code, _, _ := strings.Cut(w.Message, ": ")
			out = append(out, code)
		}
		return out
	}
	assert.Equal(t, []string{"conflicted_member", "conflicted_member"}, violations("2026-03-02"), "a witness and the accused sit on the committee")

	replace := func(on, out string, in committee.Member) casefsm.Event {
		return casefsm.Event{Type: casefsm.ReplaceMember, On: date(on), By: casefsm.Employer, Member: &committee.Replacement{Out: out, In: in}}
	}
	man := committee.Member{ID: "m-7", Name: "Kamran D.", Gender: committee.Male, Seat: committee.SeniorManagement, Chair: true, External: true}
	woman := committee.Member{ID: "m-8", Name: "Hina S.", Gender: committee.Female, Seat: committee.SeatOther}
	refusals := []struct {
		name string
		ev   casefsm.Event
		text string
	}{
		{"not a member", replace("2026-03-03", "x-9", woman), "x-9 does not sit on the committee for this case"},
		{"already a member", replace("2026-03-03", "m-3", committee.Member{ID: "m-2", Name: "Bilal R.", Gender: committee.Male, Seat: committee.SeatOther}), "m-2 already sits on the committee"},
		{"the complainant", replace("2026-03-03", "m-3", committee.Member{ID: "e-17", Name: "C", Gender: committee.Female, Seat: committee.SeatOther}), "e-17 is the complainant in this case"},
		{"the accused, still a member", replace("2026-03-03", "m-3", committee.Member{ID: "m-1", Name: "C", Gender: committee.Female, Seat: committee.SeatOther}), "m-1 already sits"},
		{"a witness, still a member", replace("2026-03-03", "m-1", committee.Member{ID: "m-3", Name: "C", Gender: committee.Male, Seat: committee.SeatOther}), "m-3 already sits"},
	}
	for _, r := range refusals {
		err := c.Apply(r.ev)
		require.ErrorIs(t, err, casefsm.ErrNotAllowed, "%s: Apply(%+v)", r.name, r.ev.Member)
		assert.ErrorContains(t, err, r.text, r.name)
		assert.ErrorContains(t, err, "s.3(3)", r.name)
	}

	// The woman chair goes first, replaced by a man: for now the committee
	// has no woman, which the standing committee had. Recorded, and warned.
	mustApply(t, c, replace("2026-03-03", "m-1", man))
	assert.Equal(t, []string{"no_woman", "conflicted_member", "replacement_invalid"}, violations("2026-03-03"), "after the first replacement")
	err = c.Apply(replace("2026-03-04", "m-1", woman))
	assert.ErrorContains(t, err, "m-1 does not sit on the committee for this case", "replaced already")
	// The witness is replaced by a woman: the committee for the case is whole.
	mustApply(t, c, replace("2026-03-04", "m-3", woman))
	assert.Empty(t, violations("2026-03-04"), "after the second replacement")
	// The man who came in may himself be replaced, and the original member
	// brought back is checked like anyone else.
	err = c.Apply(replace("2026-03-05", "m-7", committee.Member{ID: "m-1", Name: "Ayesha K.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true}))
	assert.ErrorContains(t, err, "m-1 is the accused in this case")
}

// TestDesignateChair: the chair for the case is one member of its
// committee (s.3(2), interpretation 20); Committee reports it; a Go event
// that mixes a replacement with a chair's id is refused as incomplete.
func TestDesignateChair(t *testing.T) {
	cm, err := committee.Parse([]byte(committeeFile))
	require.NoError(t, err)
	h := employeeCase()
	h.Parties.Witnesses = []casefsm.Party{{ID: "m-3"}}
	h.Committee = &cm
	c, err := newEngine(t).NewCase(h)
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant})
	chair := func(on, id string) casefsm.Event {
		return casefsm.Event{Type: casefsm.DesignateChair, On: date(on), By: casefsm.InquiryCommittee, Chair: id}
	}
	err = c.Apply(chair("2026-03-03", "m-3"))
	require.ErrorIs(t, err, casefsm.ErrNotAllowed)
	assert.ErrorContains(t, err, "m-3 is a witness in this case and may not chair the committee for it")
	var ref *casefsm.Refusal
	require.ErrorAs(t, err, &ref)
	assert.Equal(t, casefsm.Withheld+" is "+"a party or a witness in this case and may not chair the committee for it", ref.For(casefsm.Accused).Message,
		"the accused does not learn that a member is a witness")

	mixed := chair("2026-03-03", "m-2")
	mixed.Member = &committee.Replacement{Out: "m-3", In: committee.Member{ID: "m-9"}}
	assert.ErrorIs(t, c.Apply(mixed), casefsm.ErrInvalidEvent, "designate_chair with a replacement")
	mixed.Type, mixed.By = casefsm.ReplaceMember, casefsm.Employer
	assert.ErrorIs(t, c.Apply(mixed), casefsm.ErrInvalidEvent, "replace_member with a chair's id")

	mustApply(t, c, chair("2026-03-03", "m-2"))
	assert.Equal(t, []string{"m-2"}, chairsOf(t, c), "the member designated is the only chair")

	// A member brought in as chair later is the later designation: the
	// only chair, the standing chair (m-1) not back.
	mustApply(t, c, casefsm.Event{Type: casefsm.ReplaceMember, On: date("2026-03-04"), By: casefsm.Employer,
		Member: &committee.Replacement{Out: "m-3", In: committee.Member{ID: "m-8", Name: "Sana T.", Gender: committee.Female, Seat: committee.SeatOther, Chair: true}}})
	assert.Equal(t, []string{"m-8"}, chairsOf(t, c), "the later designation holds")
}

// chairsOf lists the chairs of the committee for case c.
func chairsOf(t *testing.T, c *casefsm.Case) []string {
	t.Helper()
	got, ok := c.Committee()
	require.True(t, ok)
	var chairs []string
	for _, m := range got.Members {
		if m.Chair {
			chairs = append(chairs, m.ID)
		}
	}
	return chairs
}

// TestStatusAsOfEarlierDate: asked as of a date before the last event, a
// status is the case as it stood at the end of that day, and says how many
// later events it leaves out.
func TestStatusAsOfEarlierDate(t *testing.T) {
	eng := newEngine(t)
	all := append(append([]casefsm.Event{}, toDecision...),
		casefsm.Event{Type: casefsm.CommunicateDecision, On: date("2026-04-06"), By: casefsm.CompetentAuthority},
		casefsm.Event{Type: casefsm.FileAppeal, On: date("2026-04-20"), By: casefsm.Complainant})
	c := caseOn(t, eng, all...)
	tests := []struct {
		asOf  string
		n     int // events on or before asOf
		state casefsm.State
		first string // the events_after_as_of message, or "" for none
	}{
		{"", len(all), casefsm.AppealPending, ""},
		{"2026-04-20", len(all), casefsm.AppealPending, ""},
		{"2026-09-01", len(all), casefsm.AppealPending, ""},
		{"2026-04-19", 7, casefsm.DecisionCommunicated, "the status is the case as it stood on 2026-04-19; 1 later event, on 2026-04-20, is not reflected"},
		{"2026-04-06", 7, casefsm.DecisionCommunicated, "the status is the case as it stood on 2026-04-06; 1 later event, on 2026-04-20, is not reflected"},
		{"2026-04-05", 5, casefsm.FindingsSubmitted, "the status is the case as it stood on 2026-04-05; 3 later events, from 2026-04-06 to 2026-04-20, are not reflected"},
		{"2026-03-01", 0, casefsm.NotFiled, "the status is the case as it stood on 2026-03-01; 8 later events, from 2026-03-02 to 2026-04-20, are not reflected"},
	}
	for _, tt := range tests {
		var asOf civil.Date
		if tt.asOf != "" {
			asOf = date(tt.asOf)
		}
		got := c.Status(asOf)
		assert.Equal(t, tt.state, got.State, "Status(%s) state", tt.asOf)
		want := caseOn(t, eng, all[:tt.n]...).Status(asOf)
		if tt.first != "" {
			require.NotEmpty(t, got.Warnings, "Status(%s)", tt.asOf)
			assert.Equal(t, casefsm.Warning{Code: casefsm.WarnEventsAfterAsOf, Message: tt.first, Index: -1,
				Citation: policy.Citation{Section: "case record", Confidence: policy.High, Note: "events are applied complete and in date order"}}, got.Warnings[0], "Status(%s) first warning", tt.asOf)
			if got.Warnings = got.Warnings[1:]; len(got.Warnings) == 0 {
				got.Warnings = nil
			}
		}
		assert.Equal(t, want, got, "Status(%s) is the status of the first %d events", tt.asOf, tt.n)
	}

	f := c.File()
	f.Events = append(f.Events, casefsm.Event{Type: casefsm.Decide, On: date("2026-04-21"), By: casefsm.CompetentAuthority})
	r, err := eng.Report(f, date("2026-04-05"))
	require.NoError(t, err)
	assert.Equal(t, casefsm.FindingsSubmitted, r.State, "Report as of an earlier date")
	assert.Equal(t, casefsm.WarnEventsAfterAsOf, r.Warnings[0].Code)
	require.NotNil(t, r.Error, "the refused event is still reported")
	assert.Equal(t, 8, r.Error.Index)
}
