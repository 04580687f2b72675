package casefsm_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryEventTypeHasAClass(t *testing.T) {
	for _, e := range casefsm.EventTypes() {
		assert.True(t, e.Class().IsValid(), "%s has no confidentiality class", e)
	}
	assert.Zero(t, casefsm.EventType(0).Class(), "the zero EventType has no class")
}

func TestEveryFieldDeclaresAClass(t *testing.T) {
	assert.Empty(t, casefsm.UndeclaredFields(), "fields of the case file without a class tag")
}

func TestViewNeedsARole(t *testing.T) {
	_, err := (&casefsm.CaseFile{}).View(0)
	assert.ErrorIs(t, err, casefsm.ErrNoRole)
	assert.Empty(t, (&casefsm.Refusal{Message: "m-1 is a witness"}).For(0).Message, "an invalid role reads no message")
}

// witnessOnCommittee is the case of defect 1: witness e-51 (Ayesha K.)
// chairs the standing committee and must be replaced for the case
// (s.3(3)).
func witnessOnCommittee() casefsm.Header {
	h := employeeCase()
	h.Committee = &committee.Committee{CompetentAuthority: "ceo-1", Members: []committee.Member{
		{ID: "e-51", Name: "Ayesha K.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true},
		{ID: "m-2", Name: "Bilal R.", Gender: committee.Male, Seat: committee.SeniorEmployee},
		{ID: "m-3", Name: "Omar F.", Gender: committee.Male, Seat: committee.SeatOther},
	}}
	return h
}

// statistics stands for aggregate reporting among the roles in these
// tests.
const statistics casefsm.Role = 0

// readers are every role, and statistics.
func readers() []casefsm.Role { return append(casefsm.Roles(), statistics) }

// viewAs returns f's view for r, or its statistics.
func viewAs(t *testing.T, f *casefsm.CaseFile, r casefsm.Role) casefsm.View {
	t.Helper()
	v, err := f.View(r)
	if r == statistics {
		v, err = f.Statistics()
	}
	require.NoError(t, err)
	return v
}

// reportAs returns rep as r reads it, or its statistics.
func reportAs(rep casefsm.Report, r casefsm.Role) casefsm.Report {
	if r == statistics {
		return rep.Statistics()
	}
	return rep.For(r)
}

// readsEverything are the forums that hear a case: they read every
// identity and every statement.
var readsEverything = map[casefsm.Role]bool{casefsm.InquiryCommittee: true, casefsm.Ombudsperson: true, casefsm.PresidentOrGovernor: true, casefsm.DistrictCourt: true}

// TestWitnessOnCommitteeIsNamedToForumsOnly is defect 1: a witness who
// sits on the committee reached the accused, the complainant and the
// Competent Authority through the committee's members, the replacement's
// "out" and the committee_invalid warning.
func TestWitnessOnCommitteeIsNamedToForumsOnly(t *testing.T) {
	eng := newEngine(t)
	c, err := eng.NewCase(witnessOnCommittee())
	require.NoError(t, err)
	mustApply(t, c, casefsm.Event{Type: casefsm.FileComplaint, On: date("2026-03-02"), By: casefsm.Complainant})
	before := casefsm.Report{Status: c.Status(civil.Date{})}
	require.Contains(t, before.Warnings[0].Message, "e-51", "the unredacted warning names the witness")
	mustApply(t, c, casefsm.Event{Type: casefsm.ReplaceMember, On: date("2026-03-03"), By: casefsm.Employer,
		Member: &committee.Replacement{Out: "e-51", In: committee.Member{ID: "m-7", Name: "Sana Q.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true}}})
	refusal := c.Apply(casefsm.Event{Type: casefsm.ReplaceMember, On: date("2026-03-03"), By: casefsm.Employer,
		Member: &committee.Replacement{Out: "m-3", In: committee.Member{ID: "e-51", Name: "Ayesha K.", Gender: committee.Female, Seat: committee.SeatOther}}})
	var ref *casefsm.Refusal
	require.ErrorAs(t, refusal, &ref)
	require.Contains(t, ref.Message, "e-51 is a witness")

	for _, a := range readers() {
		t.Run(a.String(), func(t *testing.T) {
			outputs := map[string]any{"view": viewAs(t, c.File(), a), "status before the replacement": reportAs(before, a),
				"status after": reportAs(casefsm.Report{Status: c.Status(civil.Date{})}, a), "refusal": ref.For(a).Message}
			for what, out := range outputs {
				b, err := json.Marshal(out)
				require.NoError(t, err)
				for _, secret := range []string{"e-51", "Ayesha K."} {
					if readsEverything[a] {
						continue
					}
					assert.NotContains(t, string(b), secret, "%s: %s", what, b)
				}
			}
			if readsEverything[a] {
				assert.Contains(t, string(viewAs(t, c.File(), a).Header), "Ayesha K.", "a forum reads who sits on its committee")
				assert.Contains(t, ref.For(a).Message, "e-51 is a witness")
				assert.Contains(t, before.For(a).Warnings[0].Message, "e-51")
			}
		})
	}
	assert.Equal(t, "[withheld] is a party or a witness in this case and may not sit on the committee for it",
		ref.For(casefsm.Accused).Message)
	assert.Equal(t, "conflicted_member: the committee for this case breaks this rule as to a member this view does not name",
		before.For(casefsm.Accused).Warnings[0].Message)
}

// TestFreeTextAndStatusByAudience is defect 2: the free text of events (a
// note on file_complaint, an interim measure's note, a hearing's notes, a
// condonation quoted by a status warning) reached both parties, and Status
// was not filtered by role at all. Writing is read by the forums and by the
// role that wrote it; statistics read no message and no exact date.
func TestFreeTextAndStatusByAudience(t *testing.T) {
	eng := newEngine(t)
	evs := append([]casefsm.Event{}, toDecision...)
	evs[0].Note = "mk-complainant-note~"
	evs[2].Note = "mk-defence-note~"
	evs = append(evs,
		casefsm.Event{Type: casefsm.RecordInterimMeasure, On: date("2026-04-07"), By: casefsm.Employer, Note: "mk-interim-note~"},
		casefsm.Event{Type: casefsm.FileAppeal, On: date("2026-05-07"), By: casefsm.Complainant, Condonation: "mk-condonation~"},
		casefsm.Event{Type: casefsm.HoldHearing, On: date("2026-05-08"), By: casefsm.Ombudsperson, Note: "mk-hearing-note~"})
	c := caseOn(t, eng, evs...)
	all := []string{"mk-complainant-note~", "mk-defence-note~", "mk-interim-note~", "mk-condonation~", "mk-hearing-note~"}
	tests := []struct {
		a     casefsm.Role
		reads []string
	}{
		{casefsm.Complainant, []string{"mk-complainant-note~", "mk-condonation~"}},
		{casefsm.Accused, []string{"mk-defence-note~"}},
		{casefsm.Supervisor, nil},
		{casefsm.InquiryCommittee, all},
		{casefsm.CompetentAuthority, nil},
		{casefsm.Ombudsperson, all},
		{casefsm.PresidentOrGovernor, all},
		{casefsm.Employer, []string{"mk-interim-note~"}},
		{casefsm.Witness, nil},
		{casefsm.DistrictCourt, all},
		{statistics, nil},
	}
	require.Len(t, tests, len(readers()), "every reader is tested")
	exactDate := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	for _, tt := range tests {
		t.Run(tt.a.String(), func(t *testing.T) {
			view, err := json.Marshal(viewAs(t, c.File(), tt.a))
			require.NoError(t, err)
			status, err := json.Marshal(reportAs(casefsm.Report{Status: c.Status(civil.Date{})}, tt.a))
			require.NoError(t, err)
			for _, mk := range all {
				assert.Equal(t, slices.Contains(tt.reads, mk), strings.Contains(string(view), mk), "%s in the view: %s", mk, view)
			}
			assert.Equal(t, tt.a != statistics && slices.Contains(tt.reads, "mk-condonation~"), strings.Contains(string(status), "mk-condonation~"), "the condoned_filing warning: %s", status)
			if tt.a == statistics {
				assert.False(t, exactDate.Match(view), "statistics read dates to the month: %s", view)
				assert.False(t, exactDate.Match(status), "statistics read dates to the month: %s", status)
				assert.Contains(t, string(status), `"due":"2026-04"`)
			}
		})
	}
}

// leakCase is a random case for the confidentiality property: every
// identity and every piece of writing is a distinct marker, and the test
// knows, from its own reading of the contract, who may read each.
type leakCase struct {
	header casefsm.Header
	// parts are the parts each person plays: c(omplainant), a(ccused),
	// w(itness), m(ember), k (the Competent Authority), u (named by a
	// refused event only, so unknown to the case).
	parts map[string]string
	// owners are the people each name is of.
	owners map[string]string
	// writers are the roles that wrote each piece of writing.
	writers map[string]casefsm.Role
}

// newLeakCase builds a header from flags: with or without a committee; the
// chair may be a witness, a member the accused, the Competent Authority a
// member.
func newLeakCase(flags byte) *leakCase {
	lc := &leakCase{parts: map[string]string{}, owners: map[string]string{}, writers: map[string]casefsm.Role{}}
	members := []committee.Member{
		{ID: "mk-m1~", Name: "mk-n1~", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true},
		{ID: "mk-m2~", Name: "mk-n2~", Gender: committee.Male, Seat: committee.SeniorEmployee},
		{ID: "mk-m3~", Name: "mk-n3~", Gender: committee.Male, Seat: committee.SeatOther},
	}
	witnesses := []casefsm.Party{{ID: "mk-w1~"}, {ID: "mk-w2~"}}
	accused, ca := "mk-a~", "mk-k~"
	if flags&1 != 0 {
		members[0].ID = witnesses[0].ID // defect 1: a witness chairs the committee
	}
	if flags&2 != 0 {
		members[1].ID = accused
	}
	if flags&4 != 0 {
		ca = members[2].ID
	}
	lc.parts["mk-c~"], lc.parts[accused] = "c", "a"
	for _, w := range witnesses {
		lc.parts[w.ID] += "w"
	}
	lc.owners["mk-ref~"] = "mk-c~" // the complaint's reference is hers
	lc.header = casefsm.Header{Calendar: "pk-federal", IncidentOn: date("2026-02-20"), ComplaintRef: "mk-ref~",
		Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: policy.Employee, ID: "mk-c~"},
			Accused:     casefsm.Party{Relationship: policy.Employee, ID: accused},
			Witnesses:   witnesses,
		}}
	if flags&8 != 0 {
		lc.header.Committee = &committee.Committee{CompetentAuthority: ca, Members: members}
		lc.parts[ca] += "k"
		for _, m := range members {
			lc.parts[m.ID] += "m"
			lc.owners[m.Name] = m.ID
		}
	}
	return lc
}

// seesParts is the contract as the package documentation states it: the
// parts whose players' identities each audience reads (before and after a
// complaint is filed).
func seesParts(a casefsm.Role, filed bool) string {
	switch a {
	case casefsm.Complainant, casefsm.Accused, casefsm.Supervisor, casefsm.Witness:
		return "ca"
	case casefsm.InquiryCommittee, casefsm.Ombudsperson, casefsm.PresidentOrGovernor, casefsm.DistrictCourt:
		return "cawmku"
	case casefsm.CompetentAuthority:
		if filed {
			return "cak"
		}
	case casefsm.Employer:
		if filed {
			return "ca"
		}
	}
	return ""
}

// writesOwn maps the audiences that read their own role's writing.
var writesOwn = map[casefsm.Role]casefsm.Role{casefsm.Complainant: casefsm.Complainant, casefsm.Accused: casefsm.Accused,
	casefsm.Supervisor: casefsm.Supervisor, casefsm.CompetentAuthority: casefsm.CompetentAuthority, casefsm.Employer: casefsm.Employer}

// forbidden returns the markers audience a may not read.
func (lc *leakCase) forbidden(a casefsm.Role, filed bool) []string {
	var out []string
	sees := seesParts(a, filed)
	check := func(mk, parts string) { // read through any part, but a witness only as a witness
		protected := strings.Map(func(r rune) rune {
			if r == 'w' || r == 'u' {
				return r
			}
			return -1
		}, parts)
		if parts != "" && (!strings.ContainsAny(parts, sees) || strings.Trim(protected, sees) != "") {
			out = append(out, mk)
		}
	}
	for mk, parts := range lc.parts {
		check(mk, parts)
	}
	for name, id := range lc.owners {
		check(name, lc.parts[id])
	}
	for mk, by := range lc.writers {
		if !readsEverything[a] && writesOwn[a] != by {
			out = append(out, mk)
		}
	}
	return out
}

// leakEvent turns 3 fuzz bytes into event i, every piece of writing a
// marker of its own.
func (lc *leakCase) leakEvent(b []byte, i int, on *int) casefsm.Event {
	types, roles := casefsm.EventTypes(), casefsm.Roles()
	*on += int(b[2] % 8)
	ev := casefsm.Event{Type: types[int(b[0])%len(types)], By: roles[int(b[1])%len(roles)], On: date("2026-03-02").AddDays(*on)}
	if ev.Type == casefsm.ReplaceMember && b[1]&1 == 0 {
		ev.By = casefsm.Employer // before anything is written: the writer is the actor
	}
	write := func(dst *string, field string) {
		*dst = "mk-t" + strconv.Itoa(i) + field + "~"
		lc.writers[*dst] = ev.By
	}
	write(&ev.Note, "note")
	if b[2]&8 != 0 {
		write(&ev.Reason, "reason")
	}
	switch ev.Type {
	case casefsm.SubmitDefence, casefsm.FileAppeal, casefsm.MakeRepresentation:
		write(&ev.ReasonableCause, "cause")
		write(&ev.Condonation, "condonation")
	case casefsm.ReplaceMember:
		ins := []string{"mk-r" + strconv.Itoa(i) + "~", "mk-w1~", "mk-w2~", "mk-c~", "mk-a~", "mk-m2~"}
		outs := []string{"mk-m1~", "mk-m2~", "mk-m3~", "mk-w1~", "mk-a~"}
		ev.Member = &committee.Replacement{Out: outs[int(b[1]>>4)%len(outs)], In: committee.Member{ID: ins[int(b[2]>>4)%len(ins)],
			Name: "mk-rn" + strconv.Itoa(i) + "~", Gender: committee.Female, Seat: committee.SeatOther}}
		for _, id := range []string{ev.Member.Out, ev.Member.In.ID} {
			if lc.parts[id] == "" {
				lc.parts[id] = "u"
			}
		}
		lc.owners[ev.Member.In.Name] = ev.Member.In.ID
	case casefsm.DesignateChair:
		chairs := []string{"mk-m1~", "mk-m2~", "mk-m3~", "mk-w1~", "mk-a~", "mk-c~", "mk-k~", "mk-d" + strconv.Itoa(i) + "~"}
		ev.Chair = chairs[int(b[1]>>4)%len(chairs)]
		if lc.parts[ev.Chair] == "" {
			lc.parts[ev.Chair] = "u"
		}
	}
	return ev
}

// applied records what an accepted replacement makes of the people in it:
// members of the committee, for this case.
func (lc *leakCase) applied(ev casefsm.Event) {
	if ev.Member == nil {
		return
	}
	for _, id := range []string{ev.Member.Out, ev.Member.In.ID} {
		lc.parts[id] = strings.ReplaceAll(lc.parts[id], "u", "") + "m"
	}
}

// A chair designated for the case (designate_chair) is named in the file
// and in refusals as whoever they are: a stranger stays unknown ("u"),
// read by the forums only, as a member is.

// FuzzConfidential is the property behind the table: for random cases
// whose every identity and every piece of writing is a distinct marker, no
// audience's view, status or refusal contains a marker it may not read, and
// statistics read no exact date.
func FuzzConfidential(f *testing.F) {
	f.Add([]byte{0x0f, 1, 0, 0, 4, 0, 1, 24, 9, 1, 0x30, 32, 1, 0x10, 30, 5, 2, 2, 39, 1, 3})
	f.Add([]byte{0x09, 23, 5, 1, 24, 4, 0x12, 2, 1, 3, 30, 3, 7, 33, 8, 1})
	f.Add([]byte{0x01, 2, 0, 0, 28, 3, 2, 29, 4, 1})
	// The committee designates as chair (designate_chair, the 42nd type) a
	// witness, a member and a stranger.
	f.Add([]byte{0x09, 2, 0, 0, 41, 0x35, 1, 41, 0x17, 1, 41, 0x71, 1})
	eng := newEngine(f)
	exactDate := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 1 {
			return
		}
		lc := newLeakCase(data[0])
		c, err := eng.NewCase(lc.header)
		require.NoError(t, err)
		var refusals []*casefsm.Refusal
		on := 0
		for i, rest := 0, data[1:]; len(rest) >= 3 && i < 40; i, rest = i+1, rest[3:] {
			ev := lc.leakEvent(rest[:3], i, &on)
			var ref *casefsm.Refusal
			switch err := c.Apply(ev); {
			case errors.As(err, &ref):
				refusals = append(refusals, ref)
			case err != nil:
				t.Fatalf("Apply(%+v): %v", ev, err)
			default:
				lc.applied(ev)
			}
		}
		filed := c.Route() != casefsm.NoRoute
		for _, a := range readers() {
			outs := []any{viewAs(t, c.File(), a), reportAs(casefsm.Report{Status: c.Status(civil.Date{})}, a)}
			for _, r := range refusals {
				outs = append(outs, r.For(a))
			}
			for _, out := range outs {
				b, err := json.Marshal(out)
				require.NoError(t, err)
				for _, mk := range lc.forbidden(a, filed) {
					require.NotContains(t, string(b), mk, "%s reads %s", a, mk)
				}
				if a == statistics {
					require.False(t, exactDate.Match(b), "statistics read an exact date: %s", b)
				}
			}
		}
	})
}

// FuzzView decodes arbitrary case files and views them as every role and
// as statistics: no input panics or fails to view; the forums that read
// everything read the file unchanged; a party, the Competent Authority,
// the employer and the supervisor never read a witness's id, nor anything
// about a committee member or a replacement who is not a party, nor (but
// the Authority itself) who the committee's Competent Authority is; statistics read no writing, no marked value and no exact date.
func FuzzView(f *testing.F) {
	f.Add(sampleFile)
	f.Add(committeeCaseFile)
	f.Add(`{"parties": {"witnesses": [{"id": "e-51"}]}, "committee": {"has_cba": false, "cannot_designate_internally": false,
	  "members": [{"id": "e-51", "name": "Ayesha K.", "gender": "female", "seat": "other"}]},
	  "events": [{"type": "replace_member", "on": "2026-03-03", "by": "employer", "member": {"out": "e-51", "in": {"id": "m-9"}}},
	  {"type": "decide", "on": "2026-03-04", "by": "competent_authority", "note": "n", "penalties": [{"code": "fine", "amount": 5, "payee": "p"}, "censure"]}]}`)
	f.Add(`{"parties": {"witnesses": [{"id": "e-51"}]}, "events": [{"type": "designate_chair", "on": "2026-03-03", "by": "inquiry_committee", "member": "e-51"},
	  {"type": "designate_chair", "on": "2026-03-04", "by": "competent_authority", "member": "m-2"}]}`)
	exactDate := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	f.Fuzz(func(t *testing.T, in string) {
		cf, err := casefsm.Decode(strings.NewReader(in))
		if err != nil {
			return
		}
		whole, err := json.Marshal(cf)
		require.NoError(t, err)
		for _, r := range readers() {
			v := viewAs(t, cf, r)
			if readsEverything[r] {
				assert.Zero(t, v.Redacted, "%s", r)
				got, err := json.Marshal(map[string]any{"events": v.Events, "header": v.Header})
				require.NoError(t, err)
				assert.JSONEq(t, string(whole), mergeHeader(t, got), "%s reads the file unchanged", r)
				continue
			}
			var h struct {
				Parties struct {
					Witnesses []map[string]any `json:"witnesses"`
				} `json:"parties"`
				Committee map[string]any `json:"committee"`
			}
			require.NoError(t, json.Unmarshal(v.Header, &h))
			var ref struct {
				Ref any `json:"complaint_ref"`
			}
			require.NoError(t, json.Unmarshal(v.Header, &ref))
			if r == statistics {
				assert.Nil(t, ref.Ref, "statistics read no complaint reference")
			} else if !onlyParty(cf, cf.Parties.Complainant.ID) { // read only as the complainant's identity
				assertUnread(t, r, ref.Ref, "the complaint reference")
			}
			for _, w := range h.Parties.Witnesses {
				assertUnread(t, r, w["id"], "a witness's id")
			}
			if h.Committee != nil {
				if r != casefsm.CompetentAuthority && !onlyParty(cf, cf.Committee.CompetentAuthority) { // it reads who it is
					assertUnread(t, r, h.Committee["competent_authority"], "the committee's competent_authority")
				}
				members, _ := h.Committee["members"].([]any)
				for i, m := range members {
					for k, val := range m.(map[string]any) {
						if !onlyParty(cf, cf.Committee.Members[i].ID) {
							assertUnread(t, r, val, "a member's "+k)
						}
					}
				}
			}
			for i, raw := range v.Events {
				var ev map[string]any
				require.NoError(t, json.Unmarshal(raw, &ev))
				if id, ok := ev["member"].(string); ok && !onlyParty(cf, cf.Events[i].Chair) {
					assertUnread(t, r, id, "a designated chair")
				}
				if m, ok := ev["member"].(map[string]any); ok {
					if !onlyParty(cf, cf.Events[i].Member.Out) {
						assertUnread(t, r, m["out"], "a replacement's out")
					}
					in, _ := m["in"].(map[string]any)
					for k, val := range in {
						if !onlyParty(cf, cf.Events[i].Member.In.ID) {
							assertUnread(t, r, val, "a replacement's "+k)
						}
					}
				}
				if r == statistics {
					for _, k := range []string{"note", "reason", "reasonable_cause", "condonation"} {
						assert.NotContains(t, ev, k, "statistics read no writing")
					}
				}
			}
			if r == statistics {
				b, _ := json.Marshal(v)
				assert.False(t, exactDate.Match(b), "statistics read an exact date: %s", b)
				assert.NotContains(t, string(b), casefsm.Withheld, "statistics lose, rather than see marked, what they may not read")
			}
		}
	})
}

// onlyParty reports whether id is the complainant's or the accused's and
// no witness's: who they are is read through that part, wherever they sit.
func onlyParty(f *casefsm.CaseFile, id string) bool {
	ps := f.Parties
	return id != "" && (id == ps.Complainant.ID || id == ps.Accused.ID) &&
		!slices.ContainsFunc(ps.Witnesses, func(w casefsm.Party) bool { return w.ID == id })
}

// mergeHeader turns {"header": H, "events": E} into the case file H with
// "events": E.
func mergeHeader(t *testing.T, b []byte) string {
	var parts struct {
		Header map[string]any `json:"header"`
		Events []any          `json:"events"`
	}
	require.NoError(t, json.Unmarshal(b, &parts))
	parts.Header["events"] = parts.Events
	out, err := json.Marshal(parts.Header)
	require.NoError(t, err)
	return string(out)
}

// assertUnread checks that r reads nothing of a value: it is withheld, or,
// for statistics, gone; an empty value says nothing.
func assertUnread(t *testing.T, r casefsm.Role, v any, what string) {
	t.Helper()
	if v == nil || v == "" {
		return
	}
	assert.Equal(t, casefsm.Withheld, v, "%s reads %s", r, what)
}
