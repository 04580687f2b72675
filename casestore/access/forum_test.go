package access_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/quick"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withEvents returns caseWithCommittee with events of the given types
// recorded after its replacement.
func withEvents(types ...casefsm.EventType) casestore.Case {
	c := caseWithCommittee()
	for _, t := range types {
		c.Records = append(c.Records, casestore.Record{Version: int64(len(c.Records) + 1), Event: casefsm.Event{Type: t, By: casefsm.Complainant}})
	}
	return c
}

// A forum above the organisation reads a case only once the case reached
// it: a direct complaint or an appeal for the Ombudsperson, an appeal for
// the District Court, a representation for the President or Governor.
func TestRoleInForumsReached(t *testing.T) {
	committeeStage := []casefsm.EventType{casefsm.FileComplaint, casefsm.CommunicateCharges, casefsm.SubmitFindings, casefsm.Decide}
	for _, tc := range []struct {
		name   string
		events []casefsm.EventType
		role   casefsm.Role
		ok     bool
	}{
		{"the Ombudsperson at complaint_received", committeeStage[:1], casefsm.Ombudsperson, false},
		{"the Ombudsperson once decided, no appeal", committeeStage, casefsm.Ombudsperson, false},
		{"the Ombudsperson on appeal", append(committeeStage, casefsm.FileAppeal), casefsm.Ombudsperson, true},
		{"the Ombudsperson on a direct complaint", []casefsm.EventType{casefsm.FileWithOmbudsperson}, casefsm.Ombudsperson, true},
		{"the District Court at complaint_received", committeeStage[:1], casefsm.DistrictCourt, false},
		{"the District Court on appeal", append(committeeStage, casefsm.FileAppeal), casefsm.DistrictCourt, true},
		{"the District Court on a direct complaint", []casefsm.EventType{casefsm.FileWithOmbudsperson}, casefsm.DistrictCourt, false},
		{"the President on appeal", append(committeeStage, casefsm.FileAppeal), casefsm.PresidentOrGovernor, false},
		{"the President on representation", []casefsm.EventType{casefsm.FileWithOmbudsperson, casefsm.DecideComplaint, casefsm.MakeRepresentation}, casefsm.PresidentOrGovernor, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := access.RoleIn(withEvents(tc.events...), access.Actor{ID: "x-99", Role: tc.role})
			if !tc.ok {
				var denied *access.DeniedError
				require.ErrorAs(t, err, &denied)
				assert.Contains(t, denied.Reason, "has not reached the "+tc.role.String())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.role, got)
		})
	}
}

// The refusals say what the case would have to record.
func TestRoleInRefusalsSayWhatToRecord(t *testing.T) {
	c := caseWithCommittee()
	c.Header.Committee = nil
	_, err := access.RoleIn(c, access.Actor{ID: "m-2", Role: casefsm.InquiryCommittee})
	assert.ErrorContains(t, err, "record the committee")
	_, err = access.RoleIn(c, access.Actor{ID: "ca-1", Role: casefsm.CompetentAuthority})
	assert.ErrorContains(t, err, "competent_authority")
	_, err = access.RoleIn(caseWithCommittee(), access.Actor{ID: "emp-1", Role: casefsm.Employer})
	assert.ErrorContains(t, err, "does not name its employer")
}

// forums are the roles whose views read identities or writing (with the
// witness's, which names the parties): a stranger claiming one must read
// nothing of a case.
var forums = []casefsm.Role{casefsm.InquiryCommittee, casefsm.CompetentAuthority, casefsm.Ombudsperson,
	casefsm.PresidentOrGovernor, casefsm.Employer, casefsm.Supervisor, casefsm.DistrictCourt, casefsm.Witness}

// committeeHistory is a committee-route history, none of it reaching a
// forum above the organisation; a case of the property holds a prefix.
var committeeHistory = []casefsm.EventType{casefsm.FileComplaint, casefsm.AddNote, casefsm.CommunicateCharges,
	casefsm.SubmitDefence, casefsm.StartInquiry, casefsm.RecordStatement, casefsm.SubmitFindings, casefsm.Decide,
	casefsm.CommunicateDecision, casefsm.Finalise}

// Property: whatever the case's committee and however far its history
// went at the organisation, an id absent from the case claiming any forum
// role is refused, so it reads no identity and no free text; and the
// refusal quotes none of the case's ids.
func TestStrangerClaimingAForumReadsNothing(t *testing.T) {
	prop := func(n uint8, noCommittee, noAuthority bool, stranger string) bool {
		stranger = "x-" + stranger
		c := withEvents(committeeHistory[:int(n)%(len(committeeHistory)+1)]...)
		for i := range c.Records {
			c.Records[i].Event.Note = "SECRET-NOTE"
		}
		if noCommittee {
			c.Header.Committee = nil
		} else if noAuthority {
			c.Header.Committee.CompetentAuthority = ""
		}
		ids, _ := json.Marshal(c.Header)
		for _, r := range forums {
			_, err := access.RoleIn(c, access.Actor{ID: stranger, Role: r})
			var denied *access.DeniedError
			if !assert.ErrorAs(t, err, &denied, "%s as %s on %s", stranger, r, ids) {
				return false
			}
			for _, id := range []string{"e-17", "e-42", "e-51", "m-2", "SECRET-NOTE"} {
				if strings.Contains(denied.Reason, id) {
					t.Errorf("the refusal quotes %s: %s", id, denied.Reason)
					return false
				}
			}
		}
		return true
	}
	require.NoError(t, quick.Check(prop, &quick.Config{MaxCount: 500}))
}

// FuzzStrangerClaimingAForum: the same property, driven by the fuzzer,
// with the stranger's id and the role free.
func FuzzStrangerClaimingAForum(f *testing.F) {
	f.Add(uint8(1), uint8(0), false, "x-99")
	f.Add(uint8(9), uint8(5), true, "")
	f.Fuzz(func(t *testing.T, n, role uint8, noCommittee bool, id string) {
		c := withEvents(committeeHistory[:int(n)%(len(committeeHistory)+1)]...)
		if noCommittee {
			c.Header.Committee = nil
		}
		whole, err := json.Marshal(c.File())
		require.NoError(t, err)
		if id != "" && strings.Contains(string(whole), id) {
			t.Skip("not a stranger: the id is in the case")
		}
		r := forums[int(role)%len(forums)]
		if _, err := access.RoleIn(c, access.Actor{ID: id, Role: r}); err == nil {
			t.Fatalf("stranger %q read case as %s", id, r)
		}
	})
}
