package compliance

import (
	"fmt"
	"slices"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// Status is where a duty stands on the date audited. The names are a public
// contract (the "status" of the audit's JSON); values are only appended.
type Status uint8

const (
	// StatusUnset is the zero Status; no finding carries it.
	StatusUnset Status = iota
	// Met: done, in time where the law sets a time ("met").
	Met
	// Late: done after its deadline, or, for the cases in the store, open
	// cases past a statutory deadline ("late").
	Late
	// Missing: not done, and its deadline (if any) has passed ("missing").
	Missing
	// Due: not done yet, and its deadline has not passed ("due").
	Due
)

var statusNames = []string{"", "met", "late", "missing", "due"}

// String returns the status's external form.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	if s == StatusUnset || int(s) >= len(statusNames) {
		return nil, fmt.Errorf("compliance: %d is not a status", s)
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	i := slices.Index(statusNames, string(b))
	if i <= 0 {
		return fmt.Errorf("compliance: unknown status %q", truncate(string(b)))
	}
	*s = Status(i)
	return nil
}

// fromDeadline maps a deadline's status on the audit date to a duty's.
func fromDeadline(s deadlines.Status) Status {
	switch s {
	case deadlines.Met:
		return Met
	case deadlines.Late:
		return Late
	case deadlines.Overdue:
		return Missing
	}
	return Due
}

// DutyID names a duty the audit checks. The ids are a public contract.
type DutyID string

// The duties, in the order an audit reports them.
const (
	CommitteeConstituted        DutyID = "committee-constituted"          // s.3(1)
	CommitteeComposed           DutyID = "committee-composed"             // s.3(2)
	CommitteeTrained            DutyID = "committee-trained"              // institutional overlay
	CompetentAuthorityDesignate DutyID = "competent-authority-designated" // s.3(4)
	CompetentAuthorityNotified  DutyID = "competent-authority-notified"   // Rules 2013 r.3(2)
	CodeDisplayed               DutyID = "code-displayed"                 // s.11(2)
	CodeInManagementPolicy      DutyID = "code-in-management-policy"      // s.11(1)
	CodeAcknowledged            DutyID = "code-acknowledged"              // the organisation's target
	CasesWithinDeadlines        DutyID = "cases-within-deadlines"         // the cases' own periods
)

// Finding is one duty's status on the date audited.
type Finding struct {
	Duty DutyID `json:"duty"`
	// Title names the duty, in the audit's language.
	Title    string          `json:"title"`
	Citation policy.Citation `json:"citation"`
	Status   Status          `json:"status"`
	// Deadline is the duty's deadline, computed by package deadlines, or
	// nil where the law sets no period.
	Deadline *deadlines.Deadline `json:"deadline"`
	// DoneOn is the day the duty was done, or the zero Date.
	DoneOn civil.Date `json:"done_on,omitzero"`
	// Detail says what the record shows; Next what to do now. Both are in
	// the audit's language.
	Detail string `json:"detail"`
	Next   string `json:"next"`
	// Counts holds the numbers behind the finding where there are some:
	// hires and acknowledgements, or open cases past a deadline by rule.
	Counts map[string]int `json:"counts,omitempty"`
}

// AuditReport is the outcome of [Audit].
type AuditReport struct {
	Organisation string             `json:"organisation"`
	Policy       policy.ID          `json:"policy"`
	AsOf         civil.Date         `json:"as_of"`
	Language     committee.Language `json:"language"`
	// CasesChecked is false when no store was given: the cases' duty is
	// then not in Findings.
	CasesChecked bool      `json:"cases_checked"`
	Findings     []Finding `json:"findings"`
}

// Failed reports whether a duty is missing or late: the audit's exit status.
func (r *AuditReport) Failed() bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Status == Missing || f.Status == Late })
}
