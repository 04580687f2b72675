package casefsm_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCaseCommittee(t *testing.T) {
	cm, err := committee.Parse([]byte(committeeFile))
	require.NoError(t, err)
	h := employeeCase()
	h.Committee = &cm
	eng := newEngine(t)
	c, err := eng.NewCase(h)
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant})
	replace := func(on, out string, in committee.Member) casefsm.Event {
		return casefsm.Event{Type: casefsm.ReplaceMember, On: date(on), By: casefsm.Employer, Member: &committee.Replacement{Out: out, In: in}}
	}
	m7 := committee.Member{ID: "m-7", Name: "Kamran D.", Gender: committee.Male, Seat: committee.SeatOther, External: true}
	m8 := committee.Member{ID: "m-8", Name: "Hina S.", Gender: committee.Female, Seat: committee.SeatOther}
	ids := func() []string {
		got, ok := c.Committee()
		require.True(t, ok, "Committee() with a standing committee")
		var out []string
		for _, m := range got.Members {
			out = append(out, m.ID)
		}
		return out
	}
	steps := []struct {
		name string
		ev   *casefsm.Event
		want []string
	}{
		{"standing committee", nil, []string{"m-1", "m-2", "m-3"}},
		{"m-3 replaced in place", new(replace("2026-03-03", "m-3", m7)), []string{"m-1", "m-2", "m-7"}},
		{"the replacement replaced", new(replace("2026-03-04", "m-7", m8)), []string{"m-1", "m-2", "m-8"}},
	}
	for _, s := range steps {
		if s.ev != nil {
			mustApply(t, c, *s.ev)
		}
		assert.Equal(t, s.want, ids(), s.name)
	}
	assert.Equal(t, []string{"m-1", "m-2", "m-3"}, memberIDs(c.Header().Committee.Members), "the header's standing committee is unchanged")

	// The result is a copy.
	got, _ := c.Committee()
	got.Members[0].ID = "changed"
	assert.Equal(t, []string{"m-1", "m-2", "m-8"}, ids(), "Committee returns a copy")

	bare, err := eng.NewCase(employeeCase())
	require.NoError(t, err)
	got, ok := bare.Committee()
	assert.False(t, ok, "no standing committee")
	assert.Zero(t, got)
}

func memberIDs(ms []committee.Member) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

// Check returns what Apply would and changes nothing.
func TestCaseCheck(t *testing.T) {
	ev := func(typ casefsm.EventType, on string, by casefsm.Role) casefsm.Event {
		return casefsm.Event{Type: typ, On: date(on), By: by}
	}
	tests := []struct {
		name string
		ev   casefsm.Event
		want error // nil, or the sentinel of the refusal
	}{
		{"allowed", ev(casefsm.CommunicateCharges, "2026-03-04", casefsm.InquiryCommittee), nil},
		{"wrong state", ev(casefsm.Decide, "2026-03-04", casefsm.CompetentAuthority), casefsm.ErrNotAllowed},
		{"wrong actor", ev(casefsm.CommunicateCharges, "2026-03-04", casefsm.Accused), casefsm.ErrForbiddenActor},
		{"out of order", ev(casefsm.CommunicateCharges, "2026-03-01", casefsm.InquiryCommittee), casefsm.ErrInvalidEvent},
		{"zero event", casefsm.Event{}, casefsm.ErrInvalidEvent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := newEngine(t).NewCase(employeeCase())
			require.NoError(t, err)
			mustApply(t, c, ev(casefsm.FileComplaint, "2026-03-02", casefsm.Complainant))
			before := c.Status(date("2026-03-10"))

			err = c.Check(tt.ev)
			if tt.want == nil {
				require.NoError(t, err, "Check(%+v)", tt.ev)
			} else {
				require.ErrorIs(t, err, tt.want, "Check(%+v)", tt.ev)
				var ref *casefsm.Refusal
				require.ErrorAs(t, err, &ref)
				assert.Equal(t, 1, ref.Index, "the refusal's index is the event's position")
			}
			assert.Len(t, c.Events(), 1, "Check records nothing")
			assert.Equal(t, before, c.Status(date("2026-03-10")), "Check changes nothing")
			assert.Equal(t, err, c.Apply(tt.ev), "Apply agrees with Check")
		})
	}
}

func TestEngineDeadline(t *testing.T) {
	acme, err := deadlines.ParseCalendar([]byte(`{"id": "acme-2026", "base": "pk-federal", "weekend": ["sunday"], "first_year": 2026, "last_year": 2026}`))
	require.NoError(t, err)
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{Calendars: []*deadlines.Calendar{acme}})
	require.NoError(t, err)
	tests := []struct {
		name     string
		q        casefsm.DeadlineQuery
		due      string
		calendar string
		err      error
	}{
		{"committee filing, fallback calendar, rolled forward", casefsm.DeadlineQuery{Policy: policy.FederalAct2022, Rule: policy.RuleDefence, From: date("2026-03-07")}, "2026-03-16", "pk-federal", nil},
		{"the organisation's calendar: open on Saturday", casefsm.DeadlineQuery{Policy: policy.FederalAct2022, Rule: policy.RuleDefence, From: date("2026-03-07"), Calendar: "acme-2026"}, "2026-03-14", "acme-2026", nil},
		{"the Ombudsperson keeps Islamabad's", casefsm.DeadlineQuery{Policy: policy.FederalAct2022, Rule: policy.RuleAppealPenalised, From: date("2025-11-25"), Calendar: "pk-federal"}, "2025-12-29", "pk-islamabad", nil},
		{"no policy: the statute in force", casefsm.DeadlineQuery{Rule: policy.RuleDefence, From: date("2026-03-07")}, "2026-03-16", "pk-federal", nil},
		{"appeal decision from AppellateDecisionDays", casefsm.DeadlineQuery{Policy: policy.FederalAct2022, Rule: policy.RuleAppealDecision, From: date("2026-03-02")}, "2026-04-01", "pk-islamabad", nil},
		{"a stay adds its days", casefsm.DeadlineQuery{Policy: policy.FederalAct2022, Rule: policy.RuleCharges, From: date("2026-03-02"),
			Stays: []deadlines.Stay{{From: date("2026-03-03"), Until: date("2026-03-05")}}}, "2026-03-07", "pk-federal", nil},
		{"unknown rule", casefsm.DeadlineQuery{Policy: policy.FederalAct2010, Rule: policy.RuleOmbudspersonDecision, From: date("2026-03-02")}, "", "", casefsm.ErrUnknownRule},
		{"unknown policy", casefsm.DeadlineQuery{Policy: "pk-nowhere", Rule: policy.RuleDefence, From: date("2026-03-02")}, "", "", policy.ErrUnknownPolicy},
		{"unknown calendar", casefsm.DeadlineQuery{Policy: policy.FederalAct2022, Rule: policy.RuleDefence, From: date("2026-03-02"), Calendar: "acme-2027"}, "", "", deadlines.ErrUnknownCalendar},
		{"no statute in force", casefsm.DeadlineQuery{Rule: policy.RuleDefence, From: date("2009-03-02")}, "", "", policy.ErrNoPolicyInForce},
		{"outside the calendar", casefsm.DeadlineQuery{Policy: policy.FederalAct2022, Rule: policy.RuleDefence, From: date("2026-12-28"), Calendar: "acme-2026"}, "", "", deadlines.ErrOutOfCoverage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := eng.Deadline(tt.q)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err, "Deadline(%+v)", tt.q)
				return
			}
			require.NoError(t, err, "Deadline(%+v)", tt.q)
			assert.Equal(t, tt.due, d.Due.String(), "due")
			assert.Equal(t, tt.calendar, d.Calendar, "calendar")
			assert.Equal(t, tt.q.Rule, d.Rule)
		})
	}
}

// Engine.Deadline counts as a case does.
func TestEngineDeadlineAgreesWithStatus(t *testing.T) {
	eng := newEngine(t)
	c, err := eng.NewCase(employeeCase())
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant},
		casefsm.Event{Type: casefsm.CommunicateCharges, On: date("2026-03-04"), By: casefsm.InquiryCommittee})
	h := c.Header()
	for _, ds := range c.Status(date("2026-03-10")).Deadlines {
		d, err := eng.Deadline(casefsm.DeadlineQuery{Policy: c.Definition().Policy().ID(), Rule: ds.Rule, From: ds.From, Calendar: h.Calendar})
		require.NoError(t, err, "Deadline(%s)", ds.Rule)
		assert.Equal(t, ds.Deadline, d, "Deadline(%s) and Status agree", ds.Rule)
	}
}

func TestFields(t *testing.T) {
	caseFileKeys := []string{"type", "on", "by", "received_on", "finding", "penalties", "reasonable_cause",
		"condonation", "consent", "to", "reason", "note", "member", "voids", "kind"}
	tests := []struct {
		typ      casefsm.EventType
		required []string
		has      []string
	}{
		{casefsm.FileComplaint, []string{"type", "on", "by"}, []string{"received_on", "consent", "reason", "note"}},
		{casefsm.DismissAtAdmission, []string{"type", "on", "by", "reason"}, []string{"note"}},
		{casefsm.SubmitFindings, []string{"type", "on", "by", "finding"}, []string{"received_on", "penalties"}},
		{casefsm.ReplaceMember, []string{"type", "on", "by", "member"}, nil},
		{casefsm.DesignateChair, []string{"type", "on", "by", "member"}, nil},
		{casefsm.FileAppeal, []string{"type", "on", "by"}, []string{"reasonable_cause", "condonation"}},
		{casefsm.AddNote, []string{"type", "on", "by"}, []string{"reason", "note"}},
	}
	for _, tt := range tests {
		var required, all []string
		for _, f := range casefsm.Fields(tt.typ) {
			all = append(all, f.Name)
			if f.Required {
				required = append(required, f.Name)
			}
			assert.NotEmpty(t, f.Meaning, "%s: %s has a meaning", tt.typ, f.Name)
		}
		assert.Equal(t, tt.required, required, "Fields(%s) required", tt.typ)
		if tt.typ == casefsm.DesignateChair {
			assert.Contains(t, casefsm.Fields(tt.typ)[3].Meaning, "the id of the member designated chairperson", "designate_chair's member is an id")
		}
		for _, h := range tt.has {
			assert.Contains(t, all, h, "Fields(%s)", tt.typ)
		}
	}
	assert.Nil(t, casefsm.Fields(0), "an invalid type has no fields")
	for _, e := range casefsm.EventTypes() {
		fs := casefsm.Fields(e)
		require.GreaterOrEqual(t, len(fs), 5, "Fields(%s)", e)
		assert.Equal(t, []string{"type", "on", "by"}, []string{fs[0].Name, fs[1].Name, fs[2].Name}, "Fields(%s) start with type, on, by", e)
		for _, f := range fs {
			assert.Contains(t, caseFileKeys, f.Name, "Fields(%s): %s is a case-file key", e, f.Name)
		}
	}
}

// A field Fields does not list is refused by Apply as not applying; one it
// lists is not.
func TestFieldsAgreeWithApply(t *testing.T) {
	set := map[string]func(*casefsm.Event){
		"received_on":      func(ev *casefsm.Event) { ev.ReceivedOn = ev.On },
		"finding":          func(ev *casefsm.Event) { ev.Finding = casefsm.NotGuilty },
		"penalties":        func(ev *casefsm.Event) { ev.Penalties = []casefsm.Penalty{{Code: policy.Censure}} },
		"reasonable_cause": func(ev *casefsm.Event) { ev.ReasonableCause = "illness" },
		"condonation":      func(ev *casefsm.Event) { ev.Condonation = "the Ombudsperson, for illness" },
		"consent":          func(ev *casefsm.Event) { ev.Consent = true },
		"to":               func(ev *casefsm.Event) { ev.To = []casefsm.Role{casefsm.Accused} },
		"member": func(ev *casefsm.Event) {
			ev.Member = &committee.Replacement{Out: "m-1", In: committee.Member{ID: "m-9"}}
		},
		"reason": func(ev *casefsm.Event) { ev.Reason = "why" },
		"note":   func(ev *casefsm.Event) { ev.Note = "text" },
	}
	c, err := newEngine(t).NewCase(employeeCase())
	require.NoError(t, err)
	for _, e := range casefsm.EventTypes() {
		var listed []string
		for _, f := range casefsm.Fields(e) {
			listed = append(listed, f.Name)
		}
		for name, fill := range set {
			ev := casefsm.Event{Type: e, On: date("2026-03-02"), By: casefsm.Complainant}
			fill(&ev)
			err := c.Check(ev)
			if slices.Contains(listed, name) {
				assert.NotContains(t, errText(err), "does not apply", "Check(%s with %s)", e, name)
			} else {
				assert.ErrorIs(t, err, casefsm.ErrInvalidEvent, "Check(%s with %s)", e, name)
				assert.ErrorContains(t, err, "field "+name+" does not apply", "Check(%s with %s)", e, name)
			}
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestStatusJSON(t *testing.T) {
	c, err := newEngine(t).NewCase(employeeCase())
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant},
		casefsm.Event{Type: casefsm.CommunicateCharges, On: date("2026-03-06"), By: casefsm.InquiryCommittee},
		casefsm.Event{Type: casefsm.ReportRetaliation, On: date("2026-03-07"), By: casefsm.Complainant})
	b, err := json.Marshal(c.Status(date("2026-03-20")))
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	for k, want := range map[string]any{"as_of": "2026-03-20", "policy": "pk-federal-2022", "substance": "pk-federal-2022",
		"route": "committee", "state": "charges_communicated", "terminal": false} {
		assert.Equal(t, want, got[k], "%s in %s", k, b)
	}
	assert.NotContains(t, got, "error", "a status has no error")
	ds := got["deadlines"].([]any)
	require.Len(t, ds, 2, "%s", b)
	charges := ds[0].(map[string]any)
	for k, want := range map[string]any{"rule": "charges", "kind": "duty", "forum": "inquiry_committee", "from": "2026-03-02",
		"due": "2026-03-05", "last_open_day": "2026-03-05", "calendar": "pk-federal", "status": "late",
		"done_on": "2026-03-06"} {
		assert.Equal(t, want, charges[k], "deadlines[0].%s in %s", k, b)
	}
	assert.Regexp(t, `^s\.4\(1\)\(a\) \[(high|medium|low)\]$`, charges["citation"], "a citation with its confidence")
	assert.Nil(t, ds[1].(map[string]any)["done_on"], "a defence not filed has no done_on")
	next := got["next"].([]any)[0].(map[string]any)
	assert.Contains(t, next, "moves", "%s", b)

	// A warning an event raised names it, counted from 1.
	mustApply(t, c, casefsm.Event{Type: casefsm.SubmitDefence, On: date("2026-03-16"), By: casefsm.Accused})
	b, err = json.Marshal(c.Status(date("2026-03-20")))
	require.NoError(t, err)
	var ws struct{ Warnings []map[string]any }
	require.NoError(t, json.Unmarshal(b, &ws))
	events := map[string]any{}
	for _, w := range ws.Warnings {
		events[w["code"].(string)] = w["event"]
	}
	assert.Equal(t, float64(4), events["late_defence_without_cause"], "the late defence is event 4: %s", b)
	assert.Contains(t, events, "unresolved_retaliation", "%s", b)
	assert.Nil(t, events["unresolved_retaliation"], "a warning about the case names no event: %s", b)
	// Before filing: no substance, no route.
	bare, err := newEngine(t).NewCase(employeeCase())
	require.NoError(t, err)
	b, err = json.Marshal(bare.Status(civil.Date{}))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Nil(t, got["substance"], "%s", b)
	assert.Nil(t, got["as_of"], "%s", b)
	assert.Equal(t, "none", got["route"], "%s", b)
}

// An institution's overlay on hec-2020 joins the set with policy.Set.With,
// and its cases follow the HEC version for their filing date.
func TestEngineWithOverlayOnHEC(t *testing.T) {
	set := policy.Builtin()
	uni, err := set.Apply(policy.Overlay{ID: "test-uni-2024", Title: "Test University", Base: policy.HEC2020,
		From: date("2024-09-01"), Deadlines: map[policy.RuleID]policy.Period{policy.RuleCharges: {N: 2}}})
	require.NoError(t, err)
	set, err = set.With(uni)
	require.NoError(t, err)
	eng, err := casefsm.NewEngine(set, casefsm.Options{})
	require.NoError(t, err)
	h := employeeCase()
	h.Policy = "test-uni-2024"
	h.Parties.Complainant.Relationship = policy.Student
	c, err := eng.NewCase(h)
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant})
	st := c.Status(date("2026-03-03"))
	require.NotEmpty(t, st.Deadlines)
	assert.Equal(t, policy.RuleCharges, st.Deadlines[0].Rule)
	assert.Equal(t, date("2026-03-04"), st.Deadlines[0].Due, "the overlay's 2 days")
	d, err := eng.Deadline(casefsm.DeadlineQuery{Policy: "test-uni-2024", Rule: policy.RuleCharges, From: date("2026-03-02")})
	require.NoError(t, err)
	assert.Equal(t, st.Deadlines[0].Deadline, d, "Engine.Deadline counts as the case does")
}

func TestDefinitionEvents(t *testing.T) {
	eng := newEngine(t)
	d, err := eng.Definition(policy.FederalAct2022)
	require.NoError(t, err)
	infos := d.Events()
	require.Len(t, infos, len(casefsm.EventTypes()))
	for i, info := range infos {
		assert.Equal(t, casefsm.EventTypes()[i], info.Type, "in EventType order")
		want := casefsm.Fields(info.Type)
		for j := range want {
			if want[j].Name == "by" { // narrowed to the roles of the definition's rows
				want[j].Values = []string{}
				for _, r := range info.By {
					want[j].Values = append(want[j].Values, r.String())
				}
			}
		}
		assert.Equal(t, want, info.Fields, "%s: Fields, by narrowed (the statute's penalties are the federal Act's)", info.Type)
		// Every row of the table is reflected, and nothing else.
		var by []casefsm.Role
		var from []casefsm.State
		for _, tr := range d.Transitions() {
			if tr.Event == info.Type {
				by = append(by, tr.By...)
				from = append(from, tr.From...)
			}
		}
		assert.ElementsMatch(t, uniq(by), info.By, "%s by", info.Type)
		assert.ElementsMatch(t, uniq(from), info.From, "%s from", info.Type)
		assert.True(t, slices.IsSorted(info.By) && slices.IsSorted(info.From), "%s: sorted", info.Type)
	}
	appeal := infos[casefsm.FileAppeal-1]
	assert.Equal(t, []casefsm.Role{casefsm.Complainant, casefsm.Accused}, appeal.By)
	assert.Contains(t, appeal.From, casefsm.DecisionCommunicated)
	assert.NotEmpty(t, appeal.Citations)
}

func uniq[T comparable](xs []T) []T {
	var out []T
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
