package rejudge_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/rejudge"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var d = civil.MustParse

// committeeCase is a committee case filed on filed, its findings
// findingsAfter days after the inquiry started.
func committeeCase(h casefsm.Header, filed string, findingsAfter int) *casefsm.CaseFile {
	f := d(filed)
	ic := casefsm.InquiryCommittee
	start := f.AddDays(8)
	return &casefsm.CaseFile{Header: h, Events: []casefsm.Event{
		{Type: casefsm.FileComplaint, On: f, ReceivedOn: f, By: casefsm.Complainant},
		{Type: casefsm.CommunicateCharges, On: f.AddDays(2), By: ic},
		{Type: casefsm.SubmitDefence, On: f.AddDays(6), By: casefsm.Accused},
		{Type: casefsm.StartInquiry, On: start, By: ic},
		{Type: casefsm.SubmitFindings, On: start.AddDays(findingsAfter), ReceivedOn: start.AddDays(findingsAfter), By: ic, Finding: casefsm.NotGuilty},
	}}
}

// appealed adds a guilty finding's decision, its communication, the
// accused's appeal and the Ombudsperson's decision of it to a committee
// case whose findings are its last event.
func appealed(f *casefsm.CaseFile, decidedAfter int) *casefsm.CaseFile {
	last := &f.Events[len(f.Events)-1]
	last.Finding, last.Penalties = casefsm.Guilty, []casefsm.Penalty{{Code: policy.Censure}}
	on := last.On
	ca := casefsm.CompetentAuthority
	f.Events = append(f.Events,
		casefsm.Event{Type: casefsm.Decide, On: on.AddDays(3), By: ca, Penalties: []casefsm.Penalty{{Code: policy.Censure}}},
		casefsm.Event{Type: casefsm.CommunicateDecision, On: on.AddDays(4), By: ca},
		casefsm.Event{Type: casefsm.FileAppeal, On: on.AddDays(10), By: casefsm.Accused},
		casefsm.Event{Type: casefsm.DecideAppeal, On: on.AddDays(10 + decidedAfter), By: casefsm.Ombudsperson},
	)
	return f
}

func header(j policy.Jurisdiction, incident string, rel policy.Relationship) casefsm.Header {
	return casefsm.Header{Jurisdiction: j, Calendar: "pk-federal", IncidentOn: d(incident), Parties: casefsm.Parties{
		Complainant: casefsm.Party{Relationship: rel}, Accused: casefsm.Party{Relationship: policy.Employee}}}
}

func universityOverlay(t *testing.T) *policy.Overlay {
	data, err := os.ReadFile("../policy/testdata/university-overlay.yaml")
	require.NoError(t, err)
	o, err := policy.ParseOverlay(data)
	require.NoError(t, err)
	return &o
}

func TestRejudge(t *testing.T) {
	j := judge()
	federal2021 := committeeCase(header(policy.Federal, "2021-05-01", policy.Employee), "2021-05-10", 25)
	university2021 := appealed(committeeCase(header(policy.Federal, "2021-05-01", policy.Employee), "2021-05-10", 25), 60)
	university2021.Header.Policy = "hec-2020"
	student2021 := committeeCase(header(policy.Federal, "2021-05-01", policy.Student), "2021-05-10", 25)
	student2021.Header.Policy = "hec-2020"
	findings25 := committeeCase(header(policy.Federal, "2025-01-01", policy.Employee), "2025-01-06", 25)
	findings15 := committeeCase(header(policy.Federal, "2025-01-01", policy.Employee), "2025-01-06", 15)
	formerDirect := ombudspersonCase()
	formerDirect.Header.Parties.Complainant.Relationship = policy.FormerEmployee
	punjab := committeeCase(header(policy.Punjab, "2024-01-01", policy.Employee), "2024-01-08", 25)
	punjabAppeal := appealed(committeeCase(header(policy.Punjab, "2024-01-01", policy.Employee), "2024-01-08", 25), 60)
	lateAppeal := appealed(committeeCase(header(policy.Federal, "2025-01-01", policy.Employee), "2025-01-06", 20), 20)
	n := len(lateAppeal.Events)
	lateAppeal.Events[n-2].On = lateAppeal.Events[n-3].On.AddDays(45) // s.6(1) gives 30 days
	lateAppeal.Events[n-1].On = lateAppeal.Events[n-2].On.AddDays(20)
	accept := rejudge.Change{Settings: []policy.Setting{{Name: "late_filing_needs_condonation", Value: false, Note: "what if a late appeal were heard"}}}
	for _, tc := range []struct {
		name    string
		file    *casefsm.CaseFile
		change  rejudge.Change
		changed bool
		want    []string // differences, as printed
	}{
		{"a 2022 Ombudsperson complaint under the 2010 Act loses s.8(6)'s 90 days", ombudspersonCase(), rejudge.Change{Policy: policy.FederalAct2010}, true,
			[]string{"policy: pk-federal-2022 -> pk-federal-2010", "deadline ombudsperson-decision: due 2022-05-30, late -> (none)"}},
		{"the same under the 2022 Act: nothing changes", ombudspersonCase(), rejudge.Change{Policy: policy.FederalAct2022}, false, nil},
		{"a 2021 committee case under the 2010 Act it was filed under", federal2021, rejudge.Change{Policy: policy.FederalAct2010}, false, nil},
		{"a former employee's direct complaint is refused under the 2010 Act", formerDirect, rejudge.Change{Policy: policy.FederalAct2010}, true,
			[]string{"policy: pk-federal-2022 -> pk-federal-2010", "state: ombudsperson_decided -> not_filed",
				"refusal: (none) -> event 0 (file_with_ombudsperson) refused: ineligible_complainant, s.2(e), (f) [high]",
				"deadline show-cause: due 2022-03-04, met -> (none)", "deadline ombudsperson-decision: due 2022-05-30, late -> (none)",
				"deadline foira-disposal: due 2022-04-30, late -> (none)", "deadline ombudsperson-defence: due 2022-03-08, met -> (none)",
				"deadline representation (complainant): due 2022-08-15, pending -> (none)", "deadline representation (accused): due 2022-08-15, pending -> (none)", "warning missing_received_on: event 1 -> (none)"}},
		{"a university's 2021 appeal under the 2022 Act gains s.8(6)'s 90 days on the appeal", university2021, rejudge.Change{Policy: policy.FederalAct2022}, true,
			[]string{"policy: hec-2020 -> pk-federal-2022", "deadline ombudsperson-decision: (none) -> due 2021-09-20, met"}},
		{"the same under the 2010 Act, on which HEC's policy rests in 2021: nothing changes", university2021, rejudge.Change{Policy: policy.FederalAct2010}, false,
			[]string{"policy: hec-2020 -> pk-federal-2010"}},
		{"a student's 2021 complaint under HEC's policy is refused under the 2010 Act", student2021, rejudge.Change{Policy: policy.FederalAct2010}, true,
			[]string{"policy: hec-2020 -> pk-federal-2010", "state: findings_submitted -> not_filed",
				"refusal: (none) -> event 0 (file_complaint) refused: ineligible_complainant, s.2(e), (f) [high]",
				"deadline charges: due 2021-05-13, met -> (none)", "deadline defence: due 2021-05-19, met -> (none)",
				"deadline findings: due 2021-06-17, met -> (none)", "deadline penalty: due 2021-06-19, pending -> (none)"}},
		{"findings on day 25 under an overlay giving 21 days: late, a breach", findings25, rejudge.Change{Overlay: universityOverlay(t)}, true,
			[]string{"policy: pk-federal-2022 -> example-university-2024", "deadline charges: due 2025-01-09, met -> due 2025-01-08, met",
				"deadline findings: due 2025-02-13, met -> due 2025-02-04, late", "deadline penalty: due 2025-02-15, pending -> due 2025-02-13, pending",
				"breach late_duty findings: (none) -> due 2025-02-04, done 2025-02-08"}},
		{"findings on day 15 under the same overlay: met either way, earlier due dates", findings15, rejudge.Change{Overlay: universityOverlay(t)}, true,
			[]string{"policy: pk-federal-2022 -> example-university-2024", "deadline charges: due 2025-01-09, met -> due 2025-01-08, met",
				"deadline findings: due 2025-02-13, met -> due 2025-02-04, met", "deadline penalty: due 2025-02-05, pending -> due 2025-02-03, pending"}},
		{"a late appeal, refused as time-barred, is heard when late filings need no condonation", lateAppeal, accept, true,
			[]string{"state: decision_communicated -> appeal_decided",
				"refusal: event 7 (file_appeal) refused: time_barred, s.6(1) [high] -> (none)",
				"deadline appeal-complainant: due 2025-03-10, pending -> due 2025-03-10, lapsed",
				"deadline appeal-penalised: due 2025-03-10, pending -> due 2025-03-10, late",
				"deadline appeal-decision: (none) -> due 2025-04-23, met",
				"deadline ombudsperson-decision: (none) -> due 2025-06-22, met",
				"deadline representation (complainant): (none) -> due 2025-05-13, pending", "deadline representation (accused): (none) -> due 2025-05-13, pending",
				"warning late_filing_accepted: (none) -> event 7"}},
		{"the same setting on a case with no late filing: nothing changes", ombudspersonCase(), accept, false, nil},
		{"a Punjab committee case under the federal text: nothing changes", punjab, rejudge.Change{Policy: policy.FederalAct2022}, false,
			[]string{"policy: pk-punjab-2013 -> pk-federal-2022"}},
		{"a Punjab appeal under the federal text gains s.8(6) and a representation", punjabAppeal, rejudge.Change{Policy: policy.FederalAct2022}, true,
			[]string{"policy: pk-punjab-2013 -> pk-federal-2022", "deadline ombudsperson-decision: (none) -> due 2024-05-20, met",
				"deadline representation (complainant): (none) -> due 2024-05-20, pending", "deadline representation (accused): (none) -> due 2024-05-20, pending"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fileJSON(t, tc.file)
			r, err := j.Rejudge(tc.file, tc.change, civil.Date{})
			assert.Equal(t, before, fileJSON(t, tc.file), "the case file is not changed")
			require.NoError(t, err)
			var got []string
			for _, d := range r.Differences {
				got = append(got, d.String())
			}
			t.Logf("%s\n%s", r.Notice, strings.Join(got, "\n"))
			assert.Equal(t, tc.changed, r.Changed(), "Changed")
			assert.Equal(t, tc.want, got)
			assert.Contains(t, r.Notice, "hypothetical")
			assert.Contains(t, r.Notice, "not the law that governs the case")
			_, err = json.Marshal(r)
			require.NoError(t, err)
		})
	}
}

func fileJSON(t *testing.T, f *casefsm.CaseFile) string {
	b, err := json.Marshal(f)
	require.NoError(t, err)
	return string(b)
}

func TestRejudgeErrors(t *testing.T) {
	j := judge()
	f := ombudspersonCase()
	_, err := j.Rejudge(f, rejudge.Change{}, civil.Date{})
	assert.ErrorIs(t, err, rejudge.ErrNoChange)
	_, err = j.Rejudge(f, rejudge.Change{Policy: "pk-federal-2099"}, civil.Date{})
	assert.ErrorIs(t, err, policy.ErrUnknownPolicy)
	_, err = j.Rejudge(f, rejudge.Change{Policy: policy.FederalAct2010, Overlay: universityOverlay(t)}, civil.Date{})
	assert.ErrorContains(t, err, "not both")
	bad := *universityOverlay(t)
	bad.Routes.Appeal = new(bool)
	_, err = j.Rejudge(f, rejudge.Change{Overlay: &bad}, civil.Date{})
	assert.ErrorIs(t, err, policy.ErrOverlayRefused)
	_, err = j.Rejudge(nil, rejudge.Change{Policy: policy.FederalAct2010}, civil.Date{})
	assert.Error(t, err)
	_, err = j.Rejudge(f, rejudge.Change{Settings: []policy.Setting{{Name: "roll_forward_filings", Value: false, Note: "n"}}}, civil.Date{})
	assert.ErrorIs(t, err, policy.ErrSettingRefused, "a setting that takes a right is refused here too")
}
