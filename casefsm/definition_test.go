package casefsm

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allRoutesOn is the table options of the federal statute: every route on.
func allRoutesOn() tableOptions {
	var o tableOptions
	for i := range o {
		o[i] = policy.Param[bool]{Value: true}
	}
	return o
}

func mustDefinition(t testing.TB, o tableOptions) *Definition {
	t.Helper()
	d, err := newDefinition(nil, o)
	require.NoError(t, err, "newDefinition(%+v)", o)
	return d
}

// specMove is one transition of the issue: event, sources, destinations.
type specMove struct {
	event EventType
	from  []State
	to    []State
}

// issueMoves are the transitions listed in the issue, copied by hand: the
// oracle for the table.
var issueMoves = []specMove{
	{ReportInformally, []State{NotFiled}, []State{Informal}},
	{ResolveInformally, []State{Informal}, []State{InformallyResolved}},
	{FileComplaint, []State{NotFiled, Informal, InformallyResolved}, []State{ComplaintReceived}},
	{FileWithOmbudsperson, []State{NotFiled, Informal, InformallyResolved}, []State{OmbudspersonComplaint}},
	{DismissAtAdmission, []State{ComplaintReceived, OmbudspersonComplaint}, []State{Dismissed}},
	{CommunicateCharges, []State{ComplaintReceived}, []State{ChargesCommunicated}},
	{SubmitDefence, []State{ChargesCommunicated}, []State{DefenceClosed}},
	{SubmitDefence, []State{ShowCauseIssued}, []State{OmbudspersonHearing}},
	{ProceedExParte, []State{ChargesCommunicated}, []State{DefenceClosed}},
	{ProceedExParte, []State{ShowCauseIssued}, []State{OmbudspersonHearing}},
	{StartInquiry, []State{DefenceClosed}, []State{Inquiry}},
	{SubmitFindings, []State{Inquiry}, []State{FindingsSubmitted}},
	{Decide, []State{FindingsSubmitted}, []State{Decided}},
	{CommunicateDecision, []State{Decided}, []State{DecisionCommunicated}},
	{IssueShowCause, []State{OmbudspersonComplaint}, []State{ShowCauseIssued}},
	{DecideComplaint, []State{OmbudspersonHearing}, []State{OmbudspersonDecided}},
	{FileAppeal, []State{Decided, DecisionCommunicated, Dismissed, AppealPending, AppealDecided}, []State{AppealPending}}, // AppealDecided: the other party's own window (interpretation 16)
	{DecideAppeal, []State{AppealPending}, []State{AppealDecided}},
	{MakeRepresentation, []State{OmbudspersonDecided, AppealDecided, Dismissed, Implementation}, []State{RepresentationPending}}, // Implementation: the other party's own window (s.9)
	{DecideRepresentation, []State{RepresentationPending}, []State{Implementation}},
	{Remand, []State{AppealPending, RepresentationPending}, []State{Inquiry, OmbudspersonHearing}},
	// Issue 10: a remand goes back to the forum whose decision was
	// challenged, the Ombudsperson's decision of an appeal included.
	{Remand, []State{RepresentationPending}, []State{AppealPending}},
	{Finalise, []State{Decided, DecisionCommunicated, AppealDecided, OmbudspersonDecided, Dismissed}, []State{Implementation}},
	{RecordImplementation, []State{Implementation}, []State{Closed}},
	{AcceptWithdrawal, []State{ComplaintReceived, ChargesCommunicated, DefenceClosed, Inquiry, FindingsSubmitted,
		OmbudspersonComplaint, ShowCauseIssued, OmbudspersonHearing}, []State{Withdrawn}},
	// Added beyond the issue: each aggrieved party may make a
	// representation, as each may appeal (interpretation 16, s.9).
	{MakeRepresentation, []State{RepresentationPending}, []State{RepresentationPending}},
}

// issueActors are the roles the issue names for each event; rows may be
// narrower (per route), never wider, except where noted.
var issueActors = map[EventType][]Role{
	ReportInformally:     {Complainant},
	ResolveInformally:    {Supervisor, InquiryCommittee},
	FileComplaint:        {Complainant, Supervisor, InquiryCommittee}, // others only with consent (Code (vi))
	FileWithOmbudsperson: {Complainant},
	DismissAtAdmission:   {InquiryCommittee, Ombudsperson},
	CommunicateCharges:   {InquiryCommittee},
	SubmitDefence:        {Accused},
	ProceedExParte:       {InquiryCommittee, Ombudsperson},
	StartInquiry:         {InquiryCommittee},
	SubmitFindings:       {InquiryCommittee},
	Decide:               {CompetentAuthority},
	CommunicateDecision:  {CompetentAuthority},
	IssueShowCause:       {Ombudsperson},
	DecideComplaint:      {Ombudsperson},
	FileAppeal:           {Accused, Complainant},
	DecideAppeal:         {Ombudsperson, DistrictCourt},
	MakeRepresentation:   {Accused, Complainant},
	DecideRepresentation: {PresidentOrGovernor},
	Remand:               {Ombudsperson, PresidentOrGovernor, DistrictCourt},
	Finalise:             {InquiryCommittee, CompetentAuthority, Ombudsperson},
	RecordImplementation: {CompetentAuthority, InquiryCommittee, Employer},
	RequestWithdrawal:    {Complainant},
	AcceptWithdrawal:     {InquiryCommittee, Ombudsperson},
}

func TestTableMatchesIssue(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	// Every move of the issue is in the table on some route.
	for _, m := range issueMoves {
		for _, from := range m.from {
			found := false
			for r := NoRoute; r < routeEnd; r++ {
				if i, ok := d.lookup(r, from, m.event); ok && slices.Contains(m.to, d.rows[i].To) {
					found = true
				}
			}
			assert.True(t, found, "issue move %s: %s -> %v is missing", m.event, from, m.to)
		}
	}
	// Every move of the table is in the issue.
	for i, row := range d.rows {
		if !row.Moves() {
			continue
		}
		for _, from := range row.From {
			ok := slices.ContainsFunc(issueMoves, func(m specMove) bool {
				return m.event == row.Event && slices.Contains(m.from, from) && slices.Contains(m.to, row.To)
			})
			assert.True(t, ok, "row %d: %s %s -> %s is not in the issue", i, row.Event, from, row.To)
		}
	}
	// No row lets a role act that the issue does not name.
	for i, row := range d.rows {
		want, ok := issueActors[row.Event]
		if !ok {
			continue
		}
		for _, r := range row.By {
			assert.Contains(t, want, r, "row %d (%s): role %s", i, row.Event, r)
		}
	}
}

func TestTableRowsAreCited(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	seen := map[EventType]bool{}
	for i, row := range d.Transitions() {
		seen[row.Event] = true
		assert.NotEmpty(t, row.Citation.Section, "row %d (%s) citation", i, row.Event)
		assert.NotEqual(t, policy.ConfidenceUnknown, row.Citation.Confidence, "row %d (%s) confidence", i, row.Event)
	}
	for _, e := range EventTypes() {
		assert.True(t, seen[e], "event %s has no row", e)
	}
}

func TestTableOptionsRemoveRoutes(t *testing.T) {
	off := policy.Param[bool]{Value: false, Citation: policy.Citation{Section: "institution overlay", Confidence: policy.High}}
	tests := []struct {
		name  string
		edit  func(*tableOptions)
		state State
		route Route
		event EventType
	}{
		{"informal off", func(o *tableOptions) { o[optInformal] = off }, NotFiled, NoRoute, ReportInformally},
		{"direct off", func(o *tableOptions) { o[optDirect] = off }, NotFiled, NoRoute, FileWithOmbudsperson},
		{"withdrawal off", func(o *tableOptions) { o[optWithdrawal] = off }, Inquiry, CommitteeRoute, AcceptWithdrawal},
		{"withdrawal request off", func(o *tableOptions) { o[optWithdrawal] = off }, Inquiry, CommitteeRoute, RequestWithdrawal},
		{"dismissal off", func(o *tableOptions) { o[optDismiss] = off }, ComplaintReceived, CommitteeRoute, DismissAtAdmission},
		{"appeal from dismissal off with dismissal", func(o *tableOptions) { o[optDismiss] = off }, Dismissed, CommitteeRoute, FileAppeal},
		{"appeal off", func(o *tableOptions) { o[optAppeal] = off }, Decided, CommitteeRoute, FileAppeal},
		{"representation off", func(o *tableOptions) { o[optRepresentation] = off }, OmbudspersonDecided, OmbudspersonRoute, MakeRepresentation},
		{"representation against appeal off", func(o *tableOptions) { o[optRepresentationAgainstAppeal] = off }, AppealDecided, CommitteeRoute, MakeRepresentation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok := mustDefinition(t, allRoutesOn()).lookup(tt.route, tt.state, tt.event)
			require.True(t, ok, "with every route on, %s is permitted in %s", tt.event, tt.state)
			o := allRoutesOn()
			tt.edit(&o)
			_, ok = mustDefinition(t, o).lookup(tt.route, tt.state, tt.event)
			assert.False(t, ok, "%s: %s still permitted in %s", tt.name, tt.event, tt.state)
		})
	}
}

func TestCompileRejectsBadTables(t *testing.T) {
	good := func() []Transition { rows, _ := buildTable(allRoutesOn()); return rows }
	find := func(rows []Transition, e EventType) int {
		return slices.IndexFunc(rows, func(t Transition) bool { return t.Event == e && t.Moves() })
	}
	tests := []struct {
		name string
		edit func([]Transition) []Transition
		want string
	}{
		{"zero event", func(r []Transition) []Transition { r[0].Event = 0; return r }, "event type is not valid"},
		{"no roles", func(r []Transition) []Transition { r[0].By = nil; return r }, "no role may perform it"},
		{"no source", func(r []Transition) []Transition { r[0].From = nil; return r }, "no source state"},
		{"bad destination", func(r []Transition) []Transition { r[0].To = stateEnd; return r }, "destination is not a state"},
		{"bad route", func(r []Transition) []Transition { r[0].Route = routeEnd; return r }, "route is not valid"},
		{"uncited", func(r []Transition) []Transition { r[0].Citation = policy.Citation{}; return r }, "citation has no section"},
		{"no confidence", func(r []Transition) []Transition { r[0].Citation.Confidence = 0; return r }, "citation has no section or no confidence"},
		{"unsorted roles", func(r []Transition) []Transition { r[0].By = []Role{Employer, Complainant}; return r }, "roles must be valid, sorted and distinct"},
		{"duplicate roles", func(r []Transition) []Transition { r[0].By = []Role{Complainant, Complainant}; return r }, "roles must be valid, sorted and distinct"},
		{"invalid role", func(r []Transition) []Transition { r[0].By = []Role{roleEnd}; return r }, "roles must be valid"},
		{"unsorted states", func(r []Transition) []Transition { r[0].From = []State{Inquiry, NotFiled}; return r }, "source states must be valid, sorted and distinct"},
		{"invalid state", func(r []Transition) []Transition { r[0].From = []State{0}; return r }, "source states must be valid"},
		{"leaves terminal", func(r []Transition) []Transition {
			i := find(r, RecordImplementation)
			r[i].From = []State{Closed}
			return r
		}, "moves the case out of terminal state closed"},
		{"overlap", func(r []Transition) []Transition {
			i := find(r, Decide)
			return append(r, r[i])
		}, "overlaps row"},
		{"dead end", func(r []Transition) []Transition {
			return slices.DeleteFunc(r, func(t Transition) bool {
				return t.Event == RecordImplementation || (t.Event == MakeRepresentation && slices.Contains(t.From, Implementation))
			})
		}, "state implementation is reachable but no event leads out of it"},
		{"no terminal", func(r []Transition) []Transition {
			return slices.DeleteFunc(r, func(t Transition) bool {
				return t.To == Closed || t.To == Withdrawn || t.To == Implementation
			})
		}, "invalid transition table: no terminal state is reachable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compile(nil, tt.edit(good()))
			require.ErrorIs(t, err, ErrInvalidTable, "compile(%s)", tt.name)
			var te *TableError
			require.ErrorAs(t, err, &te, "compile(%s)", tt.name)
			assert.Contains(t, err.Error(), tt.want, "compile(%s)", tt.name)
		})
	}
	_, err := compile(nil, good())
	assert.NoError(t, err, "the statutory table compiles")
}

// TestCallbackKeys guards against looplab's silent drop of misspelt
// callback keys: every key must name a real event or state of the
// description, or be one of looplab's general keys.
func TestCallbackKeys(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	events, states := map[string]bool{}, map[string]bool{}
	for _, e := range d.lpEvents {
		events[e.Name] = true
		states[e.Dst] = true
		for _, s := range e.Src {
			states[s] = true
		}
	}
	general := map[string]bool{"before_event": true, "leave_state": true, "enter_state": true, "after_event": true}
	require.NotEmpty(t, d.lpCallbacks, "the definition installs its destination check")
	for key := range d.lpCallbacks {
		if general[key] {
			continue
		}
		prefix, target, ok := strings.Cut(key, "_")
		require.True(t, ok, "callback key %q has no prefix", key)
		switch prefix {
		case "before", "after":
			assert.True(t, events[target], "callback key %q names no event", key)
		case "enter", "leave":
			assert.True(t, states[target], "callback key %q names no state", key)
		default:
			t.Errorf("callback key %q has an unknown prefix", key)
		}
	}
	// Every looplab name is a real state; every looplab event maps back to
	// a row.
	for name := range states {
		var s State
		assert.NoError(t, s.UnmarshalText([]byte(name)), "looplab state %q", name)
	}
	for name := range events {
		assert.Contains(t, d.lpName, name, "looplab event %q has no row", name)
	}
}

// TestMachineAgreesWithTable fires every moving row through looplab from
// every source state and checks that it lands where the table says, and
// that looplab knows no move the table does not.
func TestMachineAgreesWithTable(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	moves := 0
	for i, row := range d.rows {
		if !row.Moves() {
			continue
		}
		for _, from := range row.From {
			m := machineAt(d, from)
			require.NoError(t, m.fire(d, i, from, row.To), "fire %s from %s", d.lpName[i], from)
			assert.Equal(t, row.To.String(), m.f.Current(), "%s from %s", d.lpName[i], from)
			moves++
		}
	}
	lpMoves := 0
	for _, e := range d.lpEvents {
		lpMoves += len(e.Src)
	}
	assert.Equal(t, moves, lpMoves, "looplab knows exactly the table's moves")
}

// machineAt returns a pooled machine of d standing in s.
func machineAt(d *Definition, s State) *machine {
	m := d.getMachine()
	m.f.SetState(s.String())
	return m
}

// TestPooledMachinesCarryNoState: a machine returned to the pool in one
// state serves the next case from that case's own state.
func TestPooledMachinesCarryNoState(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	decide, _ := d.lookup(CommitteeRoute, FindingsSubmitted, Decide)
	charges, _ := d.lookup(CommitteeRoute, ComplaintReceived, CommunicateCharges)
	for range 20 {
		require.NoError(t, d.fire(decide, FindingsSubmitted, Decided))
		require.NoError(t, d.fire(charges, ComplaintReceived, ChargesCommunicated))
	}
	err := d.fire(decide, ComplaintReceived, Decided)
	assert.ErrorIs(t, err, ErrInternal, "decide from complaint_received is not a looplab move either")
}

func TestMachineSelfTransition(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	i, ok := d.lookup(CommitteeRoute, AppealPending, FileAppeal)
	require.True(t, ok, "a second appeal is in the table")
	m := machineAt(d, AppealPending)
	assert.NoError(t, m.fire(d, i, AppealPending, AppealPending), "a second appeal re-enters appeal_pending")
	assert.Equal(t, "appeal_pending", m.f.Current())
}

func TestMachineRemandSplitByRoute(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	ic, ok1 := d.lookup(CommitteeRoute, RepresentationPending, Remand)
	om, ok2 := d.lookup(OmbudspersonRoute, RepresentationPending, Remand)
	require.True(t, ok1 && ok2, "remand rows on both routes")
	assert.Equal(t, "remand.committee", d.lpName[ic])
	assert.Equal(t, "remand.ombudsperson", d.lpName[om])
	assert.Equal(t, "decide", d.lpName[slices.IndexFunc(d.rows, func(t Transition) bool { return t.Event == Decide })])
}

func TestMachineDisagreementLeavesStateUnchanged(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	i, ok := d.lookup(CommitteeRoute, FindingsSubmitted, Decide)
	require.True(t, ok)
	m := machineAt(d, FindingsSubmitted)
	err := m.fire(d, i, FindingsSubmitted, Closed)
	require.ErrorIs(t, err, ErrInternal, "fire decide with a wrong destination")
	assert.Equal(t, "findings_submitted", m.f.Current(), "state after a cancelled move")
	assert.NotContains(t, err.Error(), "fsm.", "no looplab type names in the message")

	// An event looplab does not know in the state is an internal error too.
	j, ok := d.lookup(CommitteeRoute, Implementation, RecordImplementation)
	require.True(t, ok)
	err = m.fire(d, j, FindingsSubmitted, Closed)
	require.ErrorIs(t, err, ErrInternal, "fire record_implementation from findings_submitted")
	assert.Equal(t, "findings_submitted", m.f.Current())
}

func TestCheckDestinationWithoutArgument(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	m := machineAt(d, FindingsSubmitted)
	err := m.f.Event(context.Background(), "decide")
	assert.Error(t, err, "an event without the table's destination is cancelled")
	assert.Equal(t, "findings_submitted", m.f.Current())
}

func TestDefinitionConcurrentUse(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	i, _ := d.lookup(CommitteeRoute, FindingsSubmitted, Decide)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				assert.NoError(t, d.fire(i, FindingsSubmitted, Decided))
				_ = d.Permitted(Decided, CommitteeRoute)
			}
		})
	}
	wg.Wait()
}

func TestPermittedOrder(t *testing.T) {
	d := mustDefinition(t, allRoutesOn())
	got := d.Permitted(NotFiled, NoRoute)
	var names []string
	for _, p := range got {
		names = append(names, p.Event.String())
	}
	assert.Equal(t, []string{"report_informally", "file_complaint", "file_with_ombudsperson", "report_retaliation", "add_note", "void_event"}, names)
	assert.True(t, slices.IsSortedFunc(got, func(a, b Permitted) int { return int(a.Event) - int(b.Event) }))
	got[0].By[0] = Employer
	assert.Equal(t, Complainant, d.Permitted(NotFiled, NoRoute)[0].By[0], "Permitted returns copies")
}
