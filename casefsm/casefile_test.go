package casefsm_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleFile is a complete example case file.
const sampleFile = `{"policy": "pk-federal-2022",
 "jurisdiction": "federal",
 "calendar": "pk-federal",
 "incident_on": "2026-02-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-17"},
             "accused": {"relationship": "employee", "id": "e-42"},
             "witnesses": [{"id": "e-51"}]},
 "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"},
            {"type": "submit_findings", "on": "2026-04-01", "by": "inquiry_committee", "finding": "guilty",
             "penalties": ["censure", {"code": "fine", "amount": 50000, "payee": "complainant"}], "received_on": "2026-04-02"},
            {"type": "replace_member", "on": "2026-04-03", "by": "competent_authority",
             "member": {"out": "m-1", "in": {"id": "m-9", "name": "Sana Q.", "gender": "female", "seat": "other", "external": true}}},
            {"type": "communicate_decision", "on": "2026-04-04", "by": "competent_authority", "to": ["accused"], "note": "by registered post"}]}`

func TestDecodeSample(t *testing.T) {
	f, err := casefsm.Decode(strings.NewReader(sampleFile))
	require.NoError(t, err, "Decode(sample)")
	assert.Equal(t, policy.FederalAct2022, f.Policy)
	assert.Equal(t, policy.Federal, f.Jurisdiction)
	assert.Equal(t, "2026-02-20", f.IncidentOn.String())
	assert.Equal(t, policy.Employee, f.Parties.Complainant.Relationship)
	assert.Equal(t, "e-51", f.Parties.Witnesses[0].ID)
	require.Len(t, f.Events, 4)
	assert.Equal(t, casefsm.SubmitFindings, f.Events[1].Type)
	assert.Equal(t, casefsm.Guilty, f.Events[1].Finding)
	assert.Equal(t, []casefsm.Penalty{{Code: policy.Censure}, {Code: policy.Fine, Amount: 50000, Payee: "complainant"}}, f.Events[1].Penalties)
	assert.Equal(t, "2026-04-02", f.Events[1].ReceivedOn.String())
	require.NotNil(t, f.Events[2].Member)
	assert.Equal(t, "m-9", f.Events[2].Member.In.ID)
	assert.True(t, f.Events[2].Member.In.External)
	assert.Equal(t, []casefsm.Role{casefsm.Accused}, f.Events[3].To)
}

func TestEncodeRoundTrip(t *testing.T) {
	f, err := casefsm.Decode(strings.NewReader(sampleFile))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, f.Encode(&buf), "Encode")
	assert.Contains(t, buf.String(), `"censure"`, "a penalty with only a code is written as the code")
	g, err := casefsm.Decode(&buf)
	require.NoError(t, err, "Decode(Encode(sample)):\n%s", buf.String())
	assert.Equal(t, f, g, "round trip")
}

// committeeCaseFile is a case file carrying the standing committee.
const committeeCaseFile = `{"calendar": "pk-federal", "incident_on": "2026-02-20",
 "parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "m-2"}},
 "committee": {"has_cba": true, "cannot_designate_internally": false, "competent_authority": "ceo-1",
   "members": [{"id": "m-1", "name": "Ayesha K.", "gender": "female", "seat": "senior_management", "chair": true, "trained_on": "2025-11-03"},
               {"id": "m-2", "name": "Bilal R.", "gender": "male", "seat": "employee_representative"},
               {"id": "m-3", "name": "Omar F.", "gender": "male", "seat": "other"}]},
 "events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"}]}`

func TestDecodeCommittee(t *testing.T) {
	f, err := casefsm.Decode(strings.NewReader(committeeCaseFile))
	require.NoError(t, err, "Decode(committee case)")
	require.NotNil(t, f.Committee)
	assert.True(t, f.Committee.HasCBA)
	assert.Equal(t, "ceo-1", f.Committee.CompetentAuthority)
	require.Len(t, f.Committee.Members, 3)
	assert.Equal(t, committee.Member{ID: "m-1", Name: "Ayesha K.", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true, TrainedOn: date("2025-11-03")}, f.Committee.Members[0])

	var buf bytes.Buffer
	require.NoError(t, f.Encode(&buf))
	assert.Contains(t, buf.String(), `"committee": {`, "Encode writes the committee")
	g, err := casefsm.Decode(&buf)
	require.NoError(t, err, "Decode(Encode):\n%s", buf.String())
	assert.Equal(t, f, g, "round trip")

	buf.Reset()
	f.Committee = nil
	require.NoError(t, f.Encode(&buf))
	assert.NotContains(t, buf.String(), "committee", "no committee, no key")
}

func TestDecodeMalformed(t *testing.T) {
	ev := func(fields string) string {
		return `{"events": [{"type": "file_complaint", "on": "2026-03-02", "by": "complainant"}, {` + fields + `}]}`
	}
	tests := []struct {
		name  string
		in    string
		index int
		field string
		msg   string
	}{
		{"not json", `{"events": [`, -1, "", "want a JSON object"},
		{"not an object", `[]`, -1, "", "want a JSON object"},
		{"null", `null`, -1, "", "want a JSON object"},
		{"trailing data", `{} {}`, -1, "", "unexpected data after the object"},
		{"unknown top field", `{"state": "closed"}`, -1, "state", "unknown field"},
		{"bad jurisdiction", `{"jurisdiction": "gilgit"}`, -1, "jurisdiction", "unknown jurisdiction"},
		{"policy not a string", `{"policy": 7}`, -1, "policy", "want a JSON string"},
		{"bad incident date", `{"incident_on": "2026-02-30"}`, -1, "incident_on", "invalid date"},
		{"unknown party field", `{"parties": {"complainant": {"relationship": "employee", "name": "x"}}}`, -1, "parties.complainant.name", "unknown field"},
		{"unknown relationship", `{"parties": {"complainant": {"relationship": "customer"}}}`, -1, "parties.complainant.relationship", "unknown relationship"},
		{"bad witness", `{"parties": {"witnesses": [{"id": "w"}, {"role": "x"}]}}`, -1, "parties.witnesses[1].role", "unknown field"},
		{"unknown parties field", `{"parties": {"judge": {}}}`, -1, "parties.judge", "unknown field"},
		{"events not a list", `{"events": {}}`, -1, "events", "want a JSON list"},
		{"event not an object", `{"events": ["file_complaint"]}`, 0, "", "want a JSON object"},
		{"unknown event field", ev(`"type": "decide", "on": "2026-03-03", "by": "competent_authority", "sentence": "x"`), 1, "sentence", "unknown field"},
		{"unknown event type", ev(`"type": "decide_quickly", "on": "2026-03-03", "by": "competent_authority"`), 1, "type", `unknown event type "decide_quickly"`},
		{"missing type", ev(`"on": "2026-03-03", "by": "competent_authority"`), 1, "type", "missing"},
		{"missing on", ev(`"type": "decide", "by": "competent_authority"`), 1, "on", "missing"},
		{"missing by", ev(`"type": "decide", "on": "2026-03-03"`), 1, "by", "missing"},
		{"null type", ev(`"type": null, "on": "2026-03-03", "by": "competent_authority"`), 1, "type", "missing"},
		{"null on", ev(`"type": "decide", "on": null, "by": "competent_authority"`), 1, "on", "missing"},
		{"null by", ev(`"type": "decide", "on": "2026-03-03", "by": null`), 1, "by", "missing"},
		{"bad date", ev(`"type": "decide", "on": "03/03/2026", "by": "competent_authority"`), 1, "on", "invalid date"},
		{"unknown role", ev(`"type": "decide", "on": "2026-03-03", "by": "judge"`), 1, "by", `unknown role "judge"`},
		{"unknown role in to", ev(`"type": "communicate_decision", "on": "2026-03-03", "by": "competent_authority", "to": ["press"]`), 1, "to", "unknown role"},
		{"unknown finding", ev(`"type": "submit_findings", "on": "2026-03-03", "by": "inquiry_committee", "finding": "maybe"`), 1, "finding", "want guilty, not_guilty or false_and_mala_fide"},
		{"unknown penalty code", ev(`"type": "decide", "on": "2026-03-03", "by": "competent_authority", "penalties": ["censure", "flogging"]`), 1, "penalties[1]", `unknown penalty code "flogging"`},
		{"unknown penalty object code", ev(`"type": "decide", "on": "2026-03-03", "by": "competent_authority", "penalties": [{"code": "fined"}]`), 1, "penalties[0]", `unknown penalty code "fined"`},
		{"unknown penalty object field", ev(`"type": "decide", "on": "2026-03-03", "by": "competent_authority", "penalties": [{"code": "fine", "rupees": 5}]`), 1, "penalties[0]", "unknown field"},
		{"negative penalty amount", ev(`"type": "decide", "on": "2026-03-03", "by": "competent_authority", "penalties": [{"code": "fine", "amount": -5}]`), 1, "penalties[0]", "may not be negative"},
		{"penalty not a code", ev(`"type": "decide", "on": "2026-03-03", "by": "competent_authority", "penalties": [7]`), 1, "penalties[0]", "want a penalty code or an object"},
		{"consent not a boolean", ev(`"type": "file_complaint", "on": "2026-03-03", "by": "supervisor", "consent": "yes"`), 1, "consent", "want a JSON boolean"},
		{"unknown member field", ev(`"type": "replace_member", "on": "2026-03-03", "by": "employer", "member": {"out": "a", "new": {}}`), 1, "member.new", "unknown field"},
		{"unknown member in field", ev(`"type": "replace_member", "on": "2026-03-03", "by": "employer", "member": {"out": "a", "in": {"id": "b", "age": 40}}`), 1, "member.in", "unknown field"},
		{"committee not an object", `{"committee": [1]}`, -1, "committee", "want a JSON object"},
		{"committee null", `{"committee": null}`, -1, "committee", "want a JSON object"},
		{"unknown committee field", `{"committee": {"has_cba": false, "size": 3}}`, -1, "committee", "size: unknown field (want one of: has_cba,"},
		{"committee flag not a boolean", `{"committee": {"has_cba": "yes"}}`, -1, "committee", "has_cba"},
		{"unknown committee member field", `{"committee": {"members": [{"id": "m-1"}, {"id": "m-2", "age": 40}]}}`, -1, "committee", "members[1]"},
		{"bad committee member seat", `{"committee": {"members": [{"id": "m-1", "seat": "president"}]}}`, -1, "committee", "seat"},
		{"bad member gender", ev(`"type": "replace_member", "on": "2026-03-03", "by": "employer", "member": {"out": "a", "in": {"id": "b", "gender": "f"}}`), 1, "member.in", "gender"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := casefsm.Decode(strings.NewReader(tt.in))
			require.ErrorIs(t, err, casefsm.ErrMalformed, "Decode(%s)", tt.in)
			var ie *casefsm.InputError
			require.ErrorAs(t, err, &ie, "Decode(%s)", tt.in)
			assert.Equal(t, tt.index, ie.Index, "index of %v", err)
			assert.Equal(t, tt.field, ie.Field, "field of %v", err)
			assert.Contains(t, err.Error(), tt.msg, "Decode(%s)", tt.in)
			assert.True(t, strings.HasPrefix(err.Error(), "casefsm: "), "prefix of %q", err)
		})
	}
}

func TestDecodeEmpty(t *testing.T) {
	f, err := casefsm.Decode(strings.NewReader(`{}`))
	require.NoError(t, err, "Decode({})")
	assert.Empty(t, f.Events)
	assert.Equal(t, civil.Date{}, f.IncidentOn)
}

// FuzzDecode: bad input never panics; what decodes encodes and decodes to
// the same case file.
func FuzzDecode(f *testing.F) {
	f.Add(sampleFile)
	f.Add(committeeCaseFile)
	f.Add(`{"committee": {"members": [{"id": "m-1", "gender": ""}]}}`)
	f.Add(`{}`)
	f.Add(`{"events": [{"type": "decide", "on": "2026-03-03", "by": "competent_authority", "penalties": [{"code": "fine"}]}]}`)
	f.Add(`{"parties": {"witnesses": [{}]}, "events": []}`)
	f.Fuzz(func(t *testing.T, in string) {
		cf, err := casefsm.Decode(strings.NewReader(in))
		if err != nil {
			require.ErrorIs(t, err, casefsm.ErrMalformed, "Decode(%q)", in)
			return
		}
		var buf bytes.Buffer
		require.NoError(t, cf.Encode(&buf), "Encode(Decode(%q))", in)
		again, err := casefsm.Decode(&buf)
		require.NoError(t, err, "Decode(Encode(Decode(%q))):\n%s", in, buf.String())
		assert.Equal(t, cf, again, "round trip of %q", in)
	})
}

// TestDecodeDuplicateKey: a key given twice is refused wherever it is, by
// every decoder, so that no two readers of one file see different cases.
func TestDecodeDuplicateKey(t *testing.T) {
	tests := []struct {
		name, in string
		index    int
		field    string
	}{
		{"top", `{"policy": "pk-federal-2022", "policy": "hec-2020"}`, -1, "policy"},
		{"party", `{"parties": {"complainant": {"id": "a", "id": "b"}}}`, -1, "parties.complainant.id"},
		{"event", `{"events": [{"type": "add_note", "on": "2026-03-02", "by": "complainant", "note": "a", "note": "b"}]}`, -1, "events[0].note"},
		{"penalty", `{"events": [{"type": "decide", "on": "2026-03-02", "by": "competent_authority", "penalties": [{"code": "fine", "code": "censure"}]}]}`, -1, "events[0].penalties[0].code"},
		{"escaped", `{"calendar": "a", "\u0063alendar": "b"}`, -1, "calendar"},
		{"after braces in strings", `{"events": [{"type": "add_note", "on": "2026-03-02", "by": "complainant", "note": "a }{ \" ] note"}, {"type": "add_note", "on": "2026-03-03", "by": "complainant", "note": "x", "on": "2026-03-04"}]}`, -1, "events[1].on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := casefsm.Decode(strings.NewReader(tt.in))
			var ie *casefsm.InputError
			require.ErrorAs(t, err, &ie, "Decode(%s)", tt.in)
			assert.Equal(t, tt.index, ie.Index, "index of %v", err)
			assert.Equal(t, tt.field, ie.Field, "field of %v", err)
			assert.Contains(t, err.Error(), "given twice")
		})
	}
	_, err := casefsm.DecodeEvent([]byte(`{"type": "add_note", "type": "decide", "on": "2026-03-02", "by": "complainant"}`), 4)
	var ie *casefsm.InputError
	require.ErrorAs(t, err, &ie, "DecodeEvent")
	assert.Equal(t, 4, ie.Index, "DecodeEvent reports the index it is given")
	_, err = casefsm.DecodeHeader([]byte(`{"calendar": "a", "calendar": "b"}`))
	require.ErrorIs(t, err, casefsm.ErrMalformed, "DecodeHeader")
	// The same key in two objects is no duplicate.
	_, err = casefsm.DecodeHeader([]byte(`{"parties": {"complainant": {"id": "a", "relationship": "employee"}, "accused": {"id": "b", "relationship": "employee"}, "witnesses": [{"id": "c"}, {"id": "d"}]}}`))
	require.NoError(t, err, "the same key in sibling objects")
}

// TestDecodeHeaderAndEvent: the header and event decoders read what Decode
// reads, and a header may not carry events.
func TestDecodeHeaderAndEvent(t *testing.T) {
	f, err := casefsm.Decode(strings.NewReader(sampleFile))
	require.NoError(t, err, "Decode(sample)")
	hb, err := json.Marshal(f.Header)
	require.NoError(t, err, "marshal header")
	h, err := casefsm.DecodeHeader(hb)
	require.NoError(t, err, "DecodeHeader(%s)", hb)
	assert.Equal(t, f.Header, h, "header round trip")
	for i, ev := range f.Events {
		eb, err := json.Marshal(ev)
		require.NoError(t, err, "marshal event %d", i)
		got, err := casefsm.DecodeEvent(eb, i)
		require.NoError(t, err, "DecodeEvent(%s)", eb)
		assert.Equal(t, ev, got, "event %d round trip", i)
	}
	_, err = casefsm.DecodeHeader([]byte(`{"events": []}`))
	require.ErrorIs(t, err, casefsm.ErrMalformed, "a header with events")
}

// A designate_chair's member is the member's id: it decodes into Chair,
// encodes back as "member", and is read, like every member's identity,
// by the forums only.
func TestDesignateChairMember(t *testing.T) {
	const file = `{"parties": {"complainant": {"relationship": "employee", "id": "e-17"}, "accused": {"relationship": "employee", "id": "e-42"}},
 "events": [{"type": "designate_chair", "on": "2026-03-03", "by": "inquiry_committee", "member": "m-3"}]}`
	f, err := casefsm.Decode(strings.NewReader(file))
	require.NoError(t, err)
	assert.Equal(t, "m-3", f.Events[0].Chair)
	assert.Nil(t, f.Events[0].Member)
	b, err := json.Marshal(f.Events[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"type": "designate_chair", "on": "2026-03-03", "by": "inquiry_committee", "member": "m-3"}`, string(b))
	var buf bytes.Buffer
	require.NoError(t, f.Encode(&buf))
	g, err := casefsm.Decode(&buf)
	require.NoError(t, err)
	assert.Equal(t, f, g, "round trip")

	for _, tc := range []struct {
		r    casefsm.Role
		want any
	}{{casefsm.InquiryCommittee, "m-3"}, {casefsm.DistrictCourt, "m-3"}, {casefsm.Complainant, casefsm.Withheld},
		{casefsm.Accused, casefsm.Withheld}, {casefsm.CompetentAuthority, casefsm.Withheld}, {casefsm.Witness, casefsm.Withheld}} {
		v, err := f.View(tc.r)
		require.NoError(t, err)
		var ev map[string]any
		require.NoError(t, json.Unmarshal(v.Events[0], &ev))
		assert.Equal(t, tc.want, ev["member"], "%s reads the chair", tc.r)
	}
	v, err := f.Statistics()
	require.NoError(t, err)
	assert.NotContains(t, string(v.Events[0]), "m-3", "statistics")
	assert.NotContains(t, string(v.Events[0]), "member", "statistics lose the chair")

	for _, bad := range []string{`"member": ""`, `"member": 3`} {
		_, err := casefsm.Decode(strings.NewReader(strings.Replace(file, `"member": "m-3"`, bad, 1)))
		assert.ErrorIs(t, err, casefsm.ErrMalformed, "%s", bad)
	}
}

// The complaint reference (interpretation 26) is read as the
// complainant's identity: by those who know who complains, never by
// statistics, which could link her cases by it.
func TestComplaintRefReadAsComplainant(t *testing.T) {
	const file = `{"complaint_ref": "HR-2026-014", "parties": {"complainant": {"relationship": "employee", "id": "e-17"},
 "accused": {"relationship": "employee", "id": "e-42"}, "witnesses": [{"id": "e-51"}]},
 "events": [{"type": "report_informally", "on": "2026-03-02", "by": "complainant"}]}`
	f, err := casefsm.Decode(strings.NewReader(file))
	require.NoError(t, err)
	ref := func(v casefsm.View) any {
		var h map[string]any
		require.NoError(t, json.Unmarshal(v.Header, &h))
		return h["complaint_ref"]
	}
	for _, tc := range []struct {
		r    casefsm.Role
		want any
	}{{casefsm.Complainant, "HR-2026-014"}, {casefsm.Accused, "HR-2026-014"}, {casefsm.InquiryCommittee, "HR-2026-014"},
		{casefsm.Witness, "HR-2026-014"}, {casefsm.CompetentAuthority, casefsm.Withheld}, {casefsm.Employer, casefsm.Withheld}} {
		v, err := f.View(tc.r)
		require.NoError(t, err)
		assert.Equal(t, tc.want, ref(v), "%s before a complaint is filed", tc.r)
	}
	v, err := f.Statistics()
	require.NoError(t, err)
	assert.Nil(t, ref(v), "statistics")

	f.Parties.Complainant.ID = "" // nobody to read it through: the forums only
	v, err = f.View(casefsm.Accused)
	require.NoError(t, err)
	assert.Equal(t, casefsm.Withheld, ref(v))
}
