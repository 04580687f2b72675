package access_test

import (
	"context"
	"testing"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/committee"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caseWithCommittee is a case whose committee m-1, m-2, m-3 saw m-1
// replaced by m-9 (s.3(3)), under competent authority ca-1; e-51 is a
// witness.
func caseWithCommittee() casestore.Case {
	h := casefsm.Header{Parties: casefsm.Parties{
		Complainant: casefsm.Party{ID: "e-17"}, Accused: casefsm.Party{ID: "e-42"}, Witnesses: []casefsm.Party{{ID: "e-51"}},
	}, Committee: &committee.Committee{CompetentAuthority: "ca-1", Members: []committee.Member{{ID: "m-1"}, {ID: "m-2"}, {ID: "m-3"}}}}
	replace := casefsm.Event{Type: casefsm.ReplaceMember, By: casefsm.CompetentAuthority, Member: &committee.Replacement{Out: "m-1", In: committee.Member{ID: "m-9"}}}
	return casestore.Case{ID: "case-1", Header: h, Records: []casestore.Record{{Version: 1, Event: replace}}}
}

func TestRoleIn(t *testing.T) {
	c := caseWithCommittee()
	for _, tc := range []struct {
		name  string
		actor access.Actor
		want  casefsm.Role // 0: denied
	}{
		{"the accused claiming the committee", access.Actor{ID: "e-42", Role: casefsm.InquiryCommittee}, casefsm.Accused},
		{"the accused claiming the Ombudsperson", access.Actor{ID: "e-42", Role: casefsm.Ombudsperson}, casefsm.Accused},
		{"the complainant as herself", access.Actor{ID: "e-17", Role: casefsm.Complainant}, casefsm.Complainant},
		{"a witness claiming the committee", access.Actor{ID: "e-51", Role: casefsm.InquiryCommittee}, 0},
		{"a stranger claiming to be the accused", access.Actor{ID: "e-99", Role: casefsm.Accused}, 0},
		{"a stranger claiming to be a witness", access.Actor{ID: "e-99", Role: casefsm.Witness}, 0},
		{"a sitting member", access.Actor{ID: "m-2", Role: casefsm.InquiryCommittee}, casefsm.InquiryCommittee},
		{"the replacement", access.Actor{ID: "m-9", Role: casefsm.InquiryCommittee}, casefsm.InquiryCommittee},
		{"the member replaced (s.3(3))", access.Actor{ID: "m-1", Role: casefsm.InquiryCommittee}, 0},
		{"a stranger claiming the committee", access.Actor{ID: "e-99", Role: casefsm.InquiryCommittee}, 0},
		{"the Ombudsperson, before the case reached her", access.Actor{ID: "o-1", Role: casefsm.Ombudsperson}, 0},
		{"the competent authority the committee names", access.Actor{ID: "ca-1", Role: casefsm.CompetentAuthority}, casefsm.CompetentAuthority},
		{"another competent authority", access.Actor{ID: "ca-2", Role: casefsm.CompetentAuthority}, 0},
		{"an employer, whom no case names", access.Actor{ID: "emp-1", Role: casefsm.Employer}, 0},
		{"a supervisor, whom no case names", access.Actor{ID: "sup-1", Role: casefsm.Supervisor}, 0},
		{"no id", access.Actor{Role: casefsm.Ombudsperson}, 0},
		{"no role", access.Actor{ID: "o-1"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := access.RoleIn(c, tc.actor)
			if tc.want == 0 {
				assert.ErrorIs(t, err, access.ErrDenied)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestRoleInWithoutARoster: a case that records no committee ties no one
// to it, so every committee claim is refused (and with it any competent
// authority's); the parties and witnesses are checked as ever.
func TestRoleInWithoutARoster(t *testing.T) {
	c := caseWithCommittee()
	c.Header.Committee = nil
	for _, tc := range []struct {
		name  string
		actor access.Actor
		want  casefsm.Role // 0: denied
	}{
		{"a member of the organisation's committee", access.Actor{ID: "m-2", Role: casefsm.InquiryCommittee}, 0},
		{"the replacement", access.Actor{ID: "m-9", Role: casefsm.InquiryCommittee}, 0},
		{"a competent authority", access.Actor{ID: "ca-1", Role: casefsm.CompetentAuthority}, 0},
		{"the member replaced (s.3(3))", access.Actor{ID: "m-1", Role: casefsm.InquiryCommittee}, 0},
		{"the accused claiming the committee", access.Actor{ID: "e-42", Role: casefsm.InquiryCommittee}, casefsm.Accused},
		{"a witness claiming the committee", access.Actor{ID: "e-51", Role: casefsm.InquiryCommittee}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := access.RoleIn(c, tc.actor)
			if tc.want == 0 {
				assert.ErrorIs(t, err, access.ErrDenied)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func newGuard(t *testing.T) (*access.Guard, *access.Memory) {
	t.Helper()
	s, err := memstore.New(casestore.Options{})
	require.NoError(t, err)
	h, err := casefsm.DecodeHeader([]byte(`{"policy":"pk-federal-2022","parties":{"complainant":{"relationship":"employee","id":"e-17"},
		"accused":{"relationship":"employee","id":"e-42"},"witnesses":[{"id":"e-51"}]},
		"committee":{"competent_authority":"ca-1","members":[{"id":"m-1","name":"A","gender":"female","seat":"senior_management","chair":true},
		{"id":"m-2","name":"B","gender":"male","seat":"senior_management"},{"id":"m-3","name":"C","gender":"female","seat":"employee_representative"}]}}`))
	require.NoError(t, err)
	filed, err := casefsm.DecodeEvent([]byte(`{"type":"file_complaint","on":"2026-03-02","by":"complainant","note":"what happened, in her words"}`), 0)
	require.NoError(t, err)
	_, err = s.Create(context.Background(), "case-1", h, filed)
	require.NoError(t, err)
	log := &access.Memory{}
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	return &access.Guard{Store: s, Log: log, Now: func() time.Time { clock = clock.Add(time.Minute); return clock }, Admins: []string{"admin-1"}}, log
}

// Every read is logged, refused ones too, in one chain; the accused reads
// the accused's view whatever they claim; only an admin exports.
func TestGuard(t *testing.T) {
	ctx := context.Background()
	g, log := newGuard(t)

	v, err := g.View(ctx, access.Actor{ID: "e-42", Role: casefsm.Ombudsperson}, "case-1")
	require.NoError(t, err)
	assert.Equal(t, casefsm.Accused, v.Role, "the accused claiming the Ombudsperson reads the accused's view")
	assert.NotContains(t, string(v.Events[0]), "in her words", "the accused read the complainant's note")

	_, err = g.View(ctx, access.Actor{ID: "e-51", Role: casefsm.InquiryCommittee}, "case-1")
	assert.ErrorIs(t, err, access.ErrDenied, "a witness claiming the committee")

	_, err = g.Export(ctx, access.Actor{ID: "e-42", Role: casefsm.Employer}, "case-1")
	assert.ErrorIs(t, err, access.ErrDenied, "export by a non-admin")
	c, err := g.Export(ctx, access.Actor{ID: "admin-1", Role: casefsm.Employer}, "case-1")
	require.NoError(t, err)
	assert.Equal(t, "case-1", c.ID)

	_, err = g.Access(ctx, access.Actor{ID: "e-17", Role: casefsm.Complainant}, "case-1")
	assert.ErrorIs(t, err, access.ErrDenied, "the complainant reading the access log")
	entries, err := g.Access(ctx, access.Actor{ID: "ca-1", Role: casefsm.CompetentAuthority}, "case-1")
	require.NoError(t, err)

	type row struct {
		who  string
		as   casefsm.Role
		what string
		out  string
	}
	var got []row
	for _, e := range entries {
		got = append(got, row{e.Actor.ID, e.As, e.What, e.Outcome})
	}
	assert.Equal(t, []row{
		{"e-42", casefsm.Accused, "view", "read"},
		{"e-51", 0, "view", "denied"},
		{"e-42", 0, "export", "denied"},
		{"admin-1", casefsm.Employer, "export", "read"},
		{"e-17", casefsm.Complainant, "access", "read"},
		{"ca-1", casefsm.CompetentAuthority, "access", "read"},
	}, got)
	all, err := log.Entries(ctx, "")
	require.NoError(t, err)
	assert.Equal(t, int64(0), access.VerifyLog(all), "the log verifies")
	assert.True(t, all[1].At.After(all[0].At), "entries carry the guard's clock")
}

// Changing, removing or reordering an entry breaks the chain at it.
func TestVerifyLog(t *testing.T) {
	ctx := context.Background()
	g, log := newGuard(t)
	for range 4 {
		_, err := g.View(ctx, access.Actor{ID: "e-17", Role: casefsm.Complainant}, "case-1")
		require.NoError(t, err)
	}
	all, err := log.Entries(ctx, "")
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		edit func([]access.Entry) []access.Entry
		want int64
	}{
		{"intact", func(es []access.Entry) []access.Entry { return es }, 0},
		{"who edited", func(es []access.Entry) []access.Entry { es[2].Actor.ID = "e-99"; return es }, 3},
		{"removed", func(es []access.Entry) []access.Entry { return append(es[:1:1], es[2:]...) }, 2},
		{"swapped", func(es []access.Entry) []access.Entry { es[1], es[2] = es[2], es[1]; return es }, 2},
	} {
		es := tc.edit(append([]access.Entry(nil), all...))
		assert.Equal(t, tc.want, access.VerifyLog(es), tc.name)
	}
}

// Writes take an actor too: its own acts (a forum's paper filings of the
// parties' acts), never another's; a refusal is redacted for the role the
// actor acts as; every write is logged.
func TestGuardWrites(t *testing.T) {
	ctx := context.Background()
	g, log := newGuard(t)
	note := func(by string) casefsm.Event {
		e, err := casefsm.DecodeEvent([]byte(`{"type":"add_note","on":"2026-03-04","by":"`+by+`","note":"n"}`), 0)
		require.NoError(t, err)
		return e
	}
	_, err := g.Append(ctx, access.Actor{ID: "e-42", Role: casefsm.InquiryCommittee}, "case-1", -1, note("inquiry_committee"))
	var denied *access.DeniedError
	require.ErrorAs(t, err, &denied, "the accused recording the committee's act")
	assert.Equal(t, 1, denied.Event)
	c, err := g.Append(ctx, access.Actor{ID: "ca-1", Role: casefsm.CompetentAuthority}, "case-1", 1, note("accused"))
	require.NoError(t, err, "a forum records the accused's act received on paper")
	assert.Equal(t, int64(2), c.Version())
	_, err = g.Append(ctx, access.Actor{ID: "e-17", Role: casefsm.Complainant}, "case-1", 1, note("complainant"))
	assert.ErrorIs(t, err, casestore.ErrConflict, "a stale version")

	// The competent authority brings witness e-51 onto the committee:
	// refused, and it reads the refusal without the witness's id. An
	// employer, whom the case does not name, is denied the case.
	bring, err := casefsm.DecodeEvent([]byte(`{"type":"replace_member","on":"2026-03-04","by":"competent_authority",
		"member":{"out":"m-1","in":{"id":"e-51","name":"W","gender":"female","seat":"other"}}}`), 0)
	require.NoError(t, err)
	_, err = g.Append(ctx, access.Actor{ID: "emp-1", Role: casefsm.Employer}, "case-1", -1, bring)
	assert.ErrorIs(t, err, access.ErrDenied, "an employer the case does not name")
	_, err = g.Append(ctx, access.Actor{ID: "ca-1", Role: casefsm.CompetentAuthority}, "case-1", -1, bring)
	var ref *casefsm.Refusal
	require.ErrorAs(t, err, &ref)
	assert.NotContains(t, ref.Message, "e-51", "the competent authority read the witness's id")
	_, err = g.Append(ctx, access.Actor{ID: "admin-1"}, "case-1", -1, bring)
	require.ErrorAs(t, err, &ref)
	assert.Contains(t, ref.Message, "e-51", "an administrator reads the refusal whole")

	h, err := casefsm.DecodeHeader([]byte(`{"parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"}}}`))
	require.NoError(t, err)
	_, err = g.Create(ctx, access.Actor{ID: "e-99", Role: casefsm.Complainant}, "case-2", h)
	assert.ErrorIs(t, err, access.ErrDenied, "filing someone else's complaint")
	_, err = g.Create(ctx, access.Actor{ID: "e-17", Role: casefsm.Complainant}, "case-2", h)
	require.NoError(t, err, "the complainant files her own")

	all, err := log.Entries(ctx, "")
	require.NoError(t, err)
	var got []string
	for _, e := range all {
		got = append(got, e.Actor.ID+" "+e.What+" "+e.Outcome)
	}
	assert.Equal(t, []string{"e-42 append denied", "ca-1 append written", "e-17 append failed", "emp-1 append denied", "ca-1 append refused",
		"admin-1 append refused", "e-99 create denied", "e-17 create written"}, got)
}

// A list shows a forum the cases it sits on, an administrator every case,
// a party none; each case shown is one logged read.
func TestGuardList(t *testing.T) {
	ctx := context.Background()
	g, log := newGuard(t)
	h, err := casefsm.DecodeHeader([]byte(`{"parties":{"complainant":{"relationship":"employee","id":"e-18"},"accused":{"relationship":"employee","id":"e-43"}},
		"committee":{"members":[{"id":"m-7","name":"A","gender":"female","seat":"senior_management","chair":true}]}}`))
	require.NoError(t, err)
	_, err = g.Store.Create(ctx, "case-0", h)
	require.NoError(t, err)
	ids := func(a access.Actor) []string {
		list, err := g.List(ctx, a, casestore.Filter{Limit: 1})
		if err != nil {
			assert.ErrorIs(t, err, access.ErrDenied)
			return nil
		}
		var out []string
		for _, s := range list {
			out = append(out, s.ID)
		}
		return out
	}
	assert.Equal(t, []string{"case-1"}, ids(access.Actor{ID: "m-2", Role: casefsm.InquiryCommittee}),
		"not on case-0's committee: a page of one is case-1, whose committee m-2 sits on")
	assert.Equal(t, []string{"case-0"}, ids(access.Actor{ID: "m-7", Role: casefsm.InquiryCommittee}), "case-0's member")
	assert.Equal(t, []string{"case-0"}, ids(access.Actor{ID: "admin-1"}))
	assert.Nil(t, ids(access.Actor{ID: "e-17", Role: casefsm.Complainant}), "a party lists nothing")
	all, err := log.Entries(ctx, "")
	require.NoError(t, err)
	var got []string
	for _, e := range all {
		got = append(got, e.Actor.ID+" "+e.Case+" "+e.Outcome)
	}
	assert.Equal(t, []string{"m-2 case-1 read", "m-7 case-0 read", "admin-1 case-0 read", "e-17  denied"}, got)
}
