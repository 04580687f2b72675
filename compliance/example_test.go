package compliance_test

import (
	"context"
	"fmt"
	"os"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

// An organisation file is read strictly; a mistake is named by its path and
// line.
func ExampleParseOrganisation() {
	_, err := compliance.ParseOrganisation([]byte(`id: acme
name: Acme Traders
kind: private
jurisdiction: federal
policy: pk-federal-2022
covered_from: 2024-01-10
committee:
  members:
    - {id: E-1, name: Aisha, gender: woman, seat: senior_management}
`))
	fmt.Println(err)
	// Output:
	// compliance: malformed organisation file: field committee.members[0].gender: line 9: committee: unknown gender "woman" (want female, male, other)
}

// Audit a company that came under the Act on 10 January 2024: its committee
// was constituted on the 31st day, and nothing else is on record yet.
func ExampleAudit() {
	org, err := compliance.ParseOrganisation([]byte(`id: acme
name: Acme Traders
kind: private
jurisdiction: federal
policy: pk-federal-2022
covered_from: 2024-01-10
committee:
  constituted_on: 2024-02-10
  members:
    - {id: E-1, name: Aisha Khan, gender: female, seat: senior_management, chair: true}
    - {id: E-2, name: Bilal Ahmed, gender: male, seat: senior_employee}
    - {id: E-3, name: Sana Iqbal, gender: female, seat: other}
`))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	pol, _ := policy.Builtin().Get(org.Policy)
	r, err := compliance.Audit(context.Background(), org, pol, nil, civil.MustParse("2024-03-01"), compliance.AuditOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, f := range r.Findings {
		fmt.Printf("%-8s %-31s %s\n", f.Status, f.Duty, f.Citation.Section)
	}
	fmt.Println("failed:", r.Failed())
	// Output:
	// late     committee-constituted           s.3(1)
	// met      committee-composed              s.3(2)
	// missing  competent-authority-designated  s.3(4)
	// missing  competent-authority-notified    Rules 2013 r.3(2)
	// due      code-displayed                  s.11(2)
	// missing  code-in-management-policy       s.11(1)
	// met      code-acknowledged               s.11(1)-(2); the organisation's own target
	// failed: true
}

// The Code of Conduct for display: here the paragraph headings of the Urdu
// translation under the Punjab Act, which keeps the Code as enacted in 2010.
func ExampleCodeOfConduct() {
	pol, _ := policy.Builtin().Get(policy.PunjabAct2013)
	doc, err := compliance.CodeOfConduct(pol, nil, committee.Urdu)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Amended, len(doc.Paragraphs))
	fmt.Println(doc.Paragraphs[6].Heading)
	// Output:
	// کام کی جگہ پر خواتین کو ہراسانی سے تحفظ کے لیے ضابطۂ اخلاق
	// false 13
	// (vii) باقاعدہ شکایت کسی بھی وقت
}

// The annual report of a store with six complaints to the committee in
// 2026, one of them withdrawn. The one withdrawal is suppressed; so is the
// one case disposed of, and with it the five pending, or the total of six
// would give it away.
func ExampleReport() {
	ctx := context.Background()
	store, err := memstore.New(casestore.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	defer store.Close()
	march := func(day int) civil.Date { return civil.MustParse("2026-03-01").AddDays(day - 1) }
	for i := range 6 {
		h := casefsm.Header{Policy: policy.FederalAct2022, IncidentOn: civil.MustParse("2026-02-20"), Parties: casefsm.Parties{
			Complainant: casefsm.Party{Relationship: policy.Employee, ID: "c"},
			Accused:     casefsm.Party{Relationship: policy.Employee, ID: "a"}}}
		events := []casefsm.Event{{Type: casefsm.FileComplaint, On: march(2), By: casefsm.Complainant, ReceivedOn: march(2)}}
		if i == 0 {
			events = append(events,
				casefsm.Event{Type: casefsm.RequestWithdrawal, On: march(3), By: casefsm.Complainant},
				casefsm.Event{Type: casefsm.AcceptWithdrawal, On: march(4), By: casefsm.InquiryCommittee})
		}
		if _, err := store.Create(ctx, "", h, events...); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
	}
	org := &compliance.Organisation{ID: "acme", Name: "Acme Traders", Kind: compliance.Private,
		Jurisdiction: policy.Federal, Policy: policy.FederalAct2022, CoveredFrom: civil.MustParse("2024-01-10")}
	r, err := compliance.Report(ctx, store, org, 2026, compliance.ReportOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, t := range r.Tables {
		if t.Name != "received_by_route" && t.Name != "caseload" && t.Name != "events" {
			continue
		}
		for _, row := range t.Rows {
			fmt.Printf("%s.%s: %+v\n", t.Name, row.Label, row.Cell)
		}
		if t.HasTotal {
			fmt.Printf("%s.total: %+v\n", t.Name, t.Total)
		}
	}
	// Output:
	// received_by_route.informal: {Count:0 Suppressed:false}
	// received_by_route.inquiry_committee: {Count:6 Suppressed:false}
	// received_by_route.ombudsperson: {Count:0 Suppressed:false}
	// received_by_route.total: {Count:6 Suppressed:false}
	// caseload.disposed: {Count:0 Suppressed:true}
	// caseload.pending: {Count:0 Suppressed:true}
	// caseload.total: {Count:6 Suppressed:false}
	// events.appeals_filed: {Count:0 Suppressed:false}
	// events.retaliation_reports: {Count:0 Suppressed:false}
	// events.withdrawals: {Count:0 Suppressed:true}
}

// Feedback names the organisation, the year and the person's part, never
// the case; a summary publishes no count from 1 to 4. Here the five
// responses split 2, 1 and 2 by part, which no suppression can protect
// beside a total of 5: the total is withheld from every table that shares
// it, and the four who found the process prompt are suppressed with the one
// who did not.
func ExampleFeedbackTables() {
	fb, err := compliance.ParseFeedback([]byte(`feedback:
  - {organisation: acme, year: 2026, role: complainant, explained: yes, prompt: yes}
  - {organisation: acme, year: 2026, role: complainant, explained: yes, prompt: no}
  - {organisation: acme, year: 2026, role: accused, explained: yes, prompt: yes}
  - {organisation: acme, year: 2026, role: witness, explained: yes, prompt: yes}
  - {organisation: acme, year: 2026, role: witness, explained: yes, prompt: yes}
`))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, t := range compliance.FeedbackTables(fb, []string{"acme"}, 2026)[1:4:4] {
		fmt.Printf("%s: total %+v; %s %+v\n", t.Name, t.Total, t.Rows[0].Label, t.Rows[0].Cell)
	}
	// Output:
	// feedback_explained: total {Count:0 Suppressed:true}; yes {Count:5 Suppressed:false}
	// feedback_confidential: total {Count:0 Suppressed:true}; yes {Count:0 Suppressed:false}
	// feedback_prompt: total {Count:0 Suppressed:true}; yes {Count:0 Suppressed:true}
}

// An Ombudsperson's report over two organisations with three complaints
// each: alone, each organisation's three are suppressed; added up, the six
// are published.
func ExampleReportAll() {
	ctx := context.Background()
	var sources []compliance.Source
	for _, id := range []string{"acme", "zenith"} {
		store, err := memstore.New(casestore.Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
		defer store.Close()
		for range 3 {
			h := casefsm.Header{Policy: policy.FederalAct2022, IncidentOn: civil.MustParse("2026-02-20"), Parties: casefsm.Parties{
				Complainant: casefsm.Party{Relationship: policy.Employee, ID: "c"},
				Accused:     casefsm.Party{Relationship: policy.Employee, ID: "a"}}}
			filed := casefsm.Event{Type: casefsm.FileComplaint, On: civil.MustParse("2026-03-02"), By: casefsm.Complainant}
			if _, err := store.Create(ctx, "", h, filed); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return
			}
		}
		org := &compliance.Organisation{ID: id, Name: id, Kind: compliance.Private,
			Jurisdiction: policy.Federal, Policy: policy.FederalAct2022, CoveredFrom: civil.MustParse("2024-01-10")}
		sources = append(sources, compliance.Source{Org: org, Store: store})
	}
	alone, _ := compliance.Report(ctx, sources[0].Store, sources[0].Org, 2026, compliance.ReportOptions{})
	both, err := compliance.ReportAll(ctx, sources, 2026, compliance.ReportOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Printf("%v: %+v\n", alone.Organisations, alone.Tables[0].Rows[1])
	fmt.Printf("%v: %+v\n", both.Organisations, both.Tables[0].Rows[1])
	// Output:
	// [acme]: {Label:inquiry_committee Cell:{Count:0 Suppressed:true}}
	// [acme zenith]: {Label:inquiry_committee Cell:{Count:6 Suppressed:false}}
}
