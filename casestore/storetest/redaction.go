package storetest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testRedaction checks that a store keeps everything the views decide by:
// a case with a witness who chairs the committee and is replaced for it
// (s.3(3)), loaded back, is read by every role and by statistics exactly as
// its case file is, and names the witness, in its view or its status, to
// the forums only.
func testRedaction(t *testing.T, s casestore.Store) {
	h := hdr()
	h.Parties.Witnesses = []casefsm.Party{{ID: "w-51"}}
	h.Committee = &committee.Committee{CompetentAuthority: "ca-1", Members: []committee.Member{
		{ID: "w-51", Name: "Witness Example", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true},
		{ID: "m-2", Name: "Member Example", Gender: committee.Male, Seat: committee.SeniorEmployee},
		{ID: "m-3", Name: "Other Example", Gender: committee.Male, Seat: committee.SeatOther},
	}}
	filing := ev(`{"type":"file_complaint","on":"2026-03-02","by":"complainant","note":"her own words"}`)
	created, err := s.Create(context.Background(), "redaction-1", h, filing)
	require.NoError(t, err, "Create(redaction-1) with a witness on the committee")
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	require.NoError(t, err)
	live, err := load(t, s, created.ID).Open(eng)
	require.NoError(t, err, "Open(redaction-1)")
	warned := live.Status(filedOn) // committee_invalid names w-51
	replaced := ev(`{"type":"replace_member","on":"2026-03-03","by":"employer","member":{"out":"w-51","in":{"id":"m-9","name":"New Example","gender":"female","seat":"senior_management","chair":true}}}`)
	_, err = s.Append(context.Background(), created.ID, created.Version(), replaced)
	require.NoError(t, err, "Append(replace_member)")
	c := load(t, s, created.ID)
	file := &casefsm.CaseFile{Header: h, Events: []casefsm.Event{filing, replaced}}
	forums := map[casefsm.Role]bool{casefsm.InquiryCommittee: true, casefsm.Ombudsperson: true, casefsm.PresidentOrGovernor: true, casefsm.DistrictCourt: true}
	for _, r := range append(casefsm.Roles(), 0) { // 0: statistics
		v, err := casestore.ViewAs(c, r)
		want, wantErr := file.View(r)
		status := warned.For(r)
		if r == 0 {
			v, err = casestore.Statistics(c)
			want, wantErr = file.Statistics()
			status = warned.Statistics()
		}
		require.NoError(t, err, "view of the stored case for %s", r)
		require.NoError(t, wantErr)
		assert.Equal(t, want, v.View, "%s reads the stored case as its case file", r)
		b, err := json.Marshal(struct {
			View   casestore.View
			Status casefsm.Status
		}{v, status})
		require.NoError(t, err)
		for _, secret := range []string{`"w-51"`, "w-51 ", "Witness Example"} {
			assert.Equal(t, forums[r], strings.Contains(string(b), secret), "%s reads %s: %s", r, secret, b)
		}
	}
}
