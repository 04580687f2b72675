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
// replaced by m-9 (s.3(3)); e-51 is a witness.
func caseWithCommittee() casestore.Case {
	h := casefsm.Header{Parties: casefsm.Parties{
		Complainant: casefsm.Party{ID: "e-17"}, Accused: casefsm.Party{ID: "e-42"}, Witnesses: []casefsm.Party{{ID: "e-51"}},
	}, Committee: &committee.Committee{Members: []committee.Member{{ID: "m-1"}, {ID: "m-2"}, {ID: "m-3"}}}}
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
		{"a sitting member", access.Actor{ID: "m-2", Role: casefsm.InquiryCommittee}, casefsm.InquiryCommittee},
		{"the replacement", access.Actor{ID: "m-9", Role: casefsm.InquiryCommittee}, casefsm.InquiryCommittee},
		{"the member replaced (s.3(3))", access.Actor{ID: "m-1", Role: casefsm.InquiryCommittee}, 0},
		{"a stranger claiming the committee", access.Actor{ID: "e-99", Role: casefsm.InquiryCommittee}, 0},
		{"the Ombudsperson, authenticated by the deployment", access.Actor{ID: "o-1", Role: casefsm.Ombudsperson}, casefsm.Ombudsperson},
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

// TestRoleInWithoutARoster: a case that records no committee cannot
// contradict a committee claim (the deployment authenticated it), except
// by a replacement that took the actor off it (s.3(3)); the parties and
// witnesses are checked as ever.
func TestRoleInWithoutARoster(t *testing.T) {
	c := caseWithCommittee()
	c.Header.Committee = nil
	for _, tc := range []struct {
		name  string
		actor access.Actor
		want  casefsm.Role // 0: denied
	}{
		{"a member of the organisation's committee", access.Actor{ID: "m-2", Role: casefsm.InquiryCommittee}, casefsm.InquiryCommittee},
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
		"accused":{"relationship":"employee","id":"e-42"},"witnesses":[{"id":"e-51"}]}}`))
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
	entries, err := g.Access(ctx, access.Actor{ID: "o-1", Role: casefsm.Ombudsperson}, "case-1")
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
		{"o-1", casefsm.Ombudsperson, "access", "read"},
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
