package examples_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

// northwind is an invented company's compliance record.
const northwind = `
id: northwind
name: Northwind Textiles
kind: private
jurisdiction: federal
policy: pk-federal-2022
covered_from: 2025-01-06
committee:
  constituted_on: 2025-02-07   # the 30 days ended on 2025-02-05
  members:
    - {id: N-1, name: Farah Naz, gender: female, seat: senior_management, chair: true}
    - {id: N-2, name: Imran Ali, gender: male, seat: senior_employee}
    - {id: N-3, name: Zainab Bibi, gender: female, seat: other}
competent_authority: {id: N-0, title: Managing Director, designated_on: 2025-01-20, sent_to_ombudsperson_on: 2025-01-22, circulated_on: 2025-01-22}
code:
  displays:
    - {language: en, place: factory gate, on: 2025-03-01}
    - {language: ur, place: factory gate, on: 2025-03-01}
acknowledgements:
  months:
    - {month: 2025-05, hires: 12, acknowledged: 12}
`

// An HR system checks its employer's duties before an inspection, in Urdu
// for the management, prints the Code of Conduct for the notice board, and
// publishes its annual report with no cell under five.
func Example_employerCompliance() {
	ctx := context.Background()
	org, err := compliance.ParseOrganisation([]byte(northwind))
	if err != nil {
		fmt.Println(err)
		return
	}
	pol, _ := policy.Builtin().Get(org.Policy)
	store, err := memstore.New(casestore.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()

	audit, err := compliance.Audit(ctx, org, pol, store, civil.MustParse("2025-06-30"), compliance.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range audit.Findings {
		if f.Status != compliance.Met {
			fmt.Printf("%s %s (%s): %s\n", f.Status, f.Duty, f.Citation.Section, f.Next)
		}
	}

	doc, err := compliance.CodeOfConduct(pol, org, committee.Urdu)
	if err != nil {
		fmt.Println(err)
		return
	}
	md := string(doc.Markdown())
	fmt.Println(strings.Contains(md, "Farah Naz (چیئرپرسن)"), strings.Contains(md, "سرکاری متن نہیں"))

	report, err := compliance.Report(ctx, store, org, 2025, compliance.ReportOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report.Tables[0].Name, report.Tables[0].Total)
	// Output:
	// late committee-constituted (s.3(1)): Keep the committee in place; the delay stays on the record.
	// missing code-in-management-policy (s.11(1)): Make the Code of Conduct part of the management policy (service rules, HR manual) and record the date (s.11(1)).
	// true true
	// received_by_route {0 false}
}
