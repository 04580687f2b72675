package compliance_test

import (
	"context"
	"fmt"
	"os"

	"github.com/hifazat/hifazat/civil"
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
