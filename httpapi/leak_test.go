package httpapi_test

import (
	"context"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/httpapi"
)

// leakyCase is a case whose every identity and every piece of writing is a
// distinct marker: a witness (W1) sits on the committee and is replaced for
// the case (s.3(3)), and every role that writes leaves a note.
const leakyCase = `{"policy":"pk-federal-2022","calendar":"pk-federal","incident_on":"2026-02-20","complaint_ref":"ref-1",
 "allegations":["sexual_conduct"],
 "parties":{"complainant":{"relationship":"employee","id":"e-17"},"accused":{"relationship":"employee","id":"e-42"},
  "witnesses":[{"id":"W1-ID"},{"id":"W2-ID"}]},
 "committee":{"has_cba":false,"cannot_designate_internally":false,"competent_authority":"CA-ID","members":[
  {"id":"M1-ID","name":"M1-NAME","gender":"female","seat":"senior_employee","chair":true},
  {"id":"M2-ID","name":"M2-NAME","gender":"male","seat":"senior_management"},
  {"id":"W1-ID","name":"W1-NAME","gender":"male","seat":"other"}]},
 "events":[
  {"type":"file_complaint","on":"2026-03-02","by":"complainant","received_on":"2026-03-02","note":"NOTE-COMPLAINANT"},
  {"type":"replace_member","on":"2026-03-03","by":"employer","note":"NOTE-EMPLOYER",
   "member":{"out":"W1-ID","in":{"id":"M3-ID","name":"M3-NAME","gender":"female","seat":"other"}}},
  {"type":"notify_employer","on":"2026-03-03","by":"inquiry_committee","note":"NOTE-COMMITTEE-1"},
  {"type":"communicate_charges","on":"2026-03-05","by":"inquiry_committee","note":"NOTE-COMMITTEE-2"},
  {"type":"record_interim_measure","on":"2026-03-06","by":"competent_authority","note":"NOTE-AUTHORITY"},
  {"type":"submit_defence","on":"2026-03-09","by":"accused","note":"NOTE-ACCUSED"},
  {"type":"report_retaliation","on":"2026-03-09","by":"witness","note":"NOTE-WITNESS"},
  {"type":"add_note","on":"2026-03-09","by":"complainant","note":"NOTE-COMPLAINANT-2"},
  {"type":"void_event","on":"2026-03-10","by":"inquiry_committee","voids":8,"reason":"REASON-VOID"}]}`

// leakyFixture is a server holding leakyCase as "case-leaky", with a
// token for each of claims besides the fixture's actors, by the name given.
func leakyFixture(t *testing.T, claims map[string]httpapi.Actor) *fixture {
	t.Helper()
	tokens := map[string]string{}
	f := newFixture(t, func(cfg *httpapi.Config) {
		for name, a := range claims {
			tok, e, err := httpapi.Issue(a)
			require.NoError(t, err)
			tokens[name], cfg.Tokens = tok, append(cfg.Tokens, e)
		}
	})
	maps.Copy(f.tokens, tokens)
	cf, err := casefsm.Decode(strings.NewReader(leakyCase))
	require.NoError(t, err)
	_, err = f.store.Create(context.Background(), "case-leaky", cf.Header, cf.Events...)
	require.NoError(t, err)
	return f
}

// TestShowLeaksNothingToTheParties: GET /v1/cases/{id} gives each role
// only what casefsm's contract lets it read. Every marker is listed with the
// actors (besides the forums) that may read it; a party never reads who sits
// on the committee, nor a witness, nor anyone else's writing (s.4(3)(d)).
// It failed while the view was casestore's own string-based redaction.
func TestShowLeaksNothingToTheParties(t *testing.T) {
	f := leakyFixture(t, map[string]httpapi.Actor{"member": {ID: "M1-ID", Role: httpapi.InquiryCommittee, Org: "uni"},
		"authority": {ID: "CA-ID", Role: httpapi.CompetentAuthority, Org: "uni"}})
	const id = "case-leaky"
	readers := map[string][]string{
		`"e-17"`: {"e-17", "e-42", "authority"}, `"e-42"`: {"e-17", "e-42", "authority"},
		"W1-ID": nil, "W1-NAME": nil, "W2-ID": nil,
		"M1-ID": nil, "M1-NAME": nil, "M2-ID": nil, "M2-NAME": nil, "M3-ID": nil, "M3-NAME": nil,
		"CA-ID":            {"authority"},
		"NOTE-COMPLAINANT": {"e-17"}, "NOTE-COMPLAINANT-2": {"e-17"}, "NOTE-ACCUSED": {"e-42"},
		"NOTE-AUTHORITY": {"authority"}, "NOTE-EMPLOYER": nil, "NOTE-COMMITTEE-1": nil, "NOTE-COMMITTEE-2": nil,
		"NOTE-WITNESS": nil, "REASON-VOID": nil,
	}
	committee := f.do(req{method: "GET", path: "/v1/cases/" + id, as: "member"})
	require.Equal(t, http.StatusOK, committee.Code, committee.Body.String())
	for marker := range readers {
		assert.Contains(t, committee.Body.String(), marker, "the committee reads everything")
	}
	for _, who := range []string{"e-17", "e-42", "authority", "st-1"} {
		w := f.do(req{method: "GET", path: "/v1/cases/" + id, as: who})
		require.Equal(t, http.StatusOK, w.Code, "%s: %s", who, w.Body.String())
		for marker, may := range readers {
			if !slices.Contains(may, who) {
				assert.NotContains(t, w.Body.String(), marker, "GET as %s", who)
			}
		}
	}
}

// TestShowReadsTheRoleTheCaseGives: a token's role is a claim the case
// checks (casestore/access.RoleIn). The accused holding a committee token
// reads the accused's view; a witness replaced off the committee (s.3(3)),
// or someone not on the case's committee, reads nothing. It failed while a
// forum's token reached every case as its forum.
func TestShowReadsTheRoleTheCaseGives(t *testing.T) {
	f := leakyFixture(t, map[string]httpapi.Actor{ // by the name the test gives the token
		"accused as committee": {ID: "e-42", Role: httpapi.InquiryCommittee, Org: "uni"},
		"witness as committee": {ID: "W1-ID", Role: httpapi.InquiryCommittee, Org: "uni"},
		"member brought in":    {ID: "M3-ID", Role: httpapi.InquiryCommittee, Org: "uni"},
	})
	const id = "case-leaky"
	asCommittee := f.do(req{method: "GET", path: "/v1/cases/" + id, as: "accused as committee"})
	require.Equal(t, http.StatusOK, asCommittee.Code, asCommittee.Body.String())
	assert.Contains(t, asCommittee.Body.String(), `"as":"accused"`)
	for _, secret := range []string{"W1-ID", "W2-ID", "M1-NAME", "NOTE-COMPLAINANT", "REASON-VOID"} {
		assert.NotContains(t, asCommittee.Body.String(), secret, "the accused with a committee token")
	}
	witness := f.do(req{method: "GET", path: "/v1/cases/" + id, as: "witness as committee"})
	assert.Equal(t, http.StatusNotFound, witness.Code, "a witness replaced off the committee: %s", witness.Body.String())
	member := f.do(req{method: "GET", path: "/v1/cases/" + id, as: "member brought in"})
	require.Equal(t, http.StatusOK, member.Code, member.Body.String())
	assert.Contains(t, member.Body.String(), "W1-NAME", "the member brought in reads the committee's view")
	stranger := f.do(req{method: "GET", path: "/v1/cases/" + id, as: "ic-1"})
	assert.Equal(t, http.StatusNotFound, stranger.Code, "a committee token of someone not on this case's committee: %s", stranger.Body.String())
}

// TestAppendActsAsTheRoleTheCaseGives: the accused holding a committee
// token cannot record the committee's acts on their own case, and a member
// replaced for it (s.3(3)) cannot reach it. It failed while a forum's append
// trusted the token's role.
func TestAppendActsAsTheRoleTheCaseGives(t *testing.T) {
	f := leakyFixture(t, map[string]httpapi.Actor{
		"accused as committee": {ID: "e-42", Role: httpapi.InquiryCommittee, Org: "uni"},
		"witness as committee": {ID: "W1-ID", Role: httpapi.InquiryCommittee, Org: "uni"},
	})
	note := `{"type":"add_note","on":"2026-03-10","by":"inquiry_committee","note":"x"}`
	ifMatch := map[string]string{"If-Match": `"9"`}
	w := f.do(req{method: "POST", path: "/v1/cases/case-leaky/events", as: "accused as committee", body: note, header: ifMatch})
	assert.Equal(t, http.StatusForbidden, w.Code, w.Body.String())
	w = f.do(req{method: "POST", path: "/v1/cases/case-leaky/events", as: "witness as committee", body: note, header: ifMatch})
	assert.Equal(t, http.StatusNotFound, w.Code, w.Body.String())
}

// TestStrangerForumTokenReadsNothing: a token's forum role is believed only
// where the case ties that forum to it (casestore/access.RoleIn). An id
// absent from the case, holding an Ombudsperson's token before any appeal
// or direct complaint, a committee token for a case whose header records
// no committee, or a competent authority's token the committee does not
// name, reads nothing and lists nothing. It failed while any forum token
// read every case whole.
func TestStrangerForumTokenReadsNothing(t *testing.T) {
	strangers := map[string]httpapi.Actor{
		"ombudsperson": {ID: "x-99", Role: httpapi.Ombudsperson, Org: "uni"},
		"committee":    {ID: "x-99", Role: httpapi.InquiryCommittee, Org: "uni"},
		"authority":    {ID: "x-99", Role: httpapi.CompetentAuthority, Org: "uni"},
	}
	f := leakyFixture(t, strangers)
	noCommittee, err := casefsm.Decode(strings.NewReader(leakyCase))
	require.NoError(t, err)
	noCommittee.Committee = nil
	noCommittee.Events = noCommittee.Events[:1] // filed, not yet anywhere else
	_, err = f.store.Create(context.Background(), "case-bare", noCommittee.Header, noCommittee.Events...)
	require.NoError(t, err)
	secrets := []string{"e-17", "e-42", "W1-ID", "W2-ID", "M1-ID", "CA-ID", "NOTE-", "REASON-VOID", "ref-1"}
	for name := range strangers {
		for _, id := range []string{"case-leaky", "case-bare"} {
			w := f.do(req{method: "GET", path: "/v1/cases/" + id, as: name})
			assert.Equal(t, http.StatusNotFound, w.Code, "%s token on %s: %s", name, id, w.Body.String())
			for _, s := range secrets {
				assert.NotContains(t, w.Body.String(), s, "%s token on %s", name, id)
			}
		}
		w := f.do(req{method: "GET", path: "/v1/cases", as: name})
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		assert.NotContains(t, w.Body.String(), "case-", "%s token lists a case", name)
	}
}
