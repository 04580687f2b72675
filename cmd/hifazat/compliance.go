package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

const complianceUsage = `usage: hifazat compliance audit ORG-FILE [--overlay FILE] [--store S] [--at D] [--lang en|ur] [--json]
       hifazat compliance report --year Y [--feedback FILE] [--key-file F] [--json|--csv|--svg] ORG-FILE STORE [ORG-FILE STORE ...]
       hifazat compliance feedback FILE --year Y [--org ID] [--json]

audit checks an organisation's record (YAML or JSON; "-" reads standard
input) against the employer's duties: the Inquiry Committee constituted
within 30 days (s.3(1)) and lawfully composed (s.3(2)); its members trained
where the policy requires it; the Competent Authority designated (s.3(4))
and notified (Rules 2013 r.3(2)); the Code of Conduct displayed in English
and the majority's language within six months (s.11(2)) and part of the
management policy (s.11(1)); new employees' acknowledgements of the Code;
and, with --store, open cases past a statutory deadline (counts only).
Each duty is met, late, missing or due, with its deadline and citation,
and what to do next.

  --overlay FILE  the institutional overlay the organisation's policy is
                  (when its "policy" is not a built-in id)
  --store S       the organisation's case store: sqlite:PATH, postgres://...
  --at D          the date audited (default today in Asia/Karachi)
  --lang L        language of titles, details and next steps: en or ur
  --json          print {"organisation", "policy", "as_of", "language",
                  "cases_checked", "findings": [{"duty", "title", "citation",
                  "status", "deadline", "done_on", "detail", "next", "counts"}]}

report is the annual report of one organisation's case store, or of several
added up (for an Ombudsperson or the HEC): complaints received by route and
by the complainant's relationship, disposed, pending, pending past a
statutory deadline, days from filing to each stage (median, 90th
percentile), findings, penalties, appeals and their outcome, retaliation
reports, withdrawals, the forums' deadlines kept and missed, and, with
--feedback, the feedback beside them. No identities, and no count from 1 to
4: such cells are suppressed and marked, and so are as many others as it
takes for a total not to give them away. --key-file F (default
$HIFAZAT_KEY_FILE) is the deployment key that opens sealed cases.

feedback summarises a feedback file ({"feedback": [{"organisation", "year",
"role", "explained", "confidential", "prompt", "retaliation", "comment"}]})
under the same rule; comments are counted, never printed.

Exit status: audit: 0 every duty met or due, 1 a duty missing or late;
report, feedback: 0; all: 2 bad usage or malformed input.`

// cmdCompliance runs "hifazat compliance ...".
func cmdCompliance(e *env, args []string) int {
	if len(args) == 0 {
		return e.fail(exitUsage, "compliance: want a subcommand (audit, report, feedback); run 'hifazat compliance --help'")
	}
	switch args[0] {
	case "audit":
		return complianceAudit(e, args[1:])
	case "report":
		return complianceReport(e, args[1:])
	case "feedback":
		return complianceFeedback(e, args[1:])
	case "help", "-h", "--help":
		fmt.Fprintln(e.stdout, complianceUsage)
		return exitOK
	}
	return e.fail(exitUsage, "compliance: unknown subcommand %q (want audit, report or feedback)", args[0])
}

func complianceAudit(e *env, args []string) int {
	const name = "compliance audit"
	fs := newFlags(e, name)
	overlay := fs.String("overlay", "", "overlay file")
	location := fs.String("store", "", "case store")
	at := fs.String("at", "", "date audited")
	lang := fs.String("lang", "en", "en or ur")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseArgs(e, name, complianceUsage, fs, args, 1, "one organisation file (or -)")
	if done {
		return status
	}
	var opts compliance.AuditOptions
	var err error
	if opts.Language, err = committee.ParseLanguage(*lang); err != nil {
		return e.fail(exitUsage, "%s: --lang: %v", name, err)
	}
	asOf, err := optionalDate(*at)
	if err != nil {
		return e.fail(exitUsage, "%s: --at: %v", name, err)
	}
	if !asOf.IsValid() {
		asOf = e.today()
	}
	org, pol, err := readOrganisation(e, pos[0], *overlay)
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	var store casestore.Store
	if *location != "" {
		if store, err = sqlstore.OpenExisting(context.Background(), *location, casestore.Options{}); err != nil {
			return e.fail(exitUsage, "%s: %v", name, err)
		}
		defer store.Close()
	}
	r, err := compliance.Audit(context.Background(), org, pol, store, asOf, opts)
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	if *asJSON {
		if st := printJSON(e, name, r); st != exitOK {
			return st
		}
	} else {
		auditPrint(e.stdout, org, r)
	}
	if r.Failed() {
		return exitRefused
	}
	return exitOK
}

// readOrganisation reads an organisation file and the policy it names: a
// built-in policy, or the overlay file given, which must have the id the
// organisation names.
func readOrganisation(e *env, path, overlayPath string) (*compliance.Organisation, *policy.Policy, error) {
	data, err := readInput(e, path)
	if err != nil {
		return nil, nil, err
	}
	org, err := compliance.ParseOrganisation(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	pol, err := namedPolicy(e, org.Policy, overlayPath)
	if errors.Is(err, policy.ErrUnknownPolicy) && overlayPath == "" {
		return nil, nil, fmt.Errorf("%s: the organisation operates under %q, which is not a built-in policy: give the institutional overlay with that id with --overlay FILE (%w)", path, org.Policy, err)
	}
	return org, pol, err
}

// namedPolicy returns the built-in policy id, or the policy the overlay file
// builds, which must be id.
func namedPolicy(e *env, id policy.ID, overlayPath string) (*policy.Policy, error) {
	set := policy.Builtin()
	if overlayPath == "" {
		return set.Get(id)
	}
	data, err := readInput(e, overlayPath)
	if err != nil {
		return nil, err
	}
	o, err := policy.ParseOverlay(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", overlayPath, err)
	}
	if o.ID != id {
		return nil, fmt.Errorf("%s: the overlay is %q, the organisation operates under %q", overlayPath, o.ID, id)
	}
	return set.Apply(o)
}

// auditPrint prints an audit for people: a heading, then per duty its
// status, id, citation and deadline, what the record shows, and what to do
// next.
func auditPrint(w io.Writer, org *compliance.Organisation, r *compliance.AuditReport) {
	fmt.Fprintf(w, "%s (%s) under %s, as of %s\n", org.Name, org.ID, r.Policy, r.AsOf)
	for _, f := range r.Findings {
		due := "no period"
		if f.Deadline != nil {
			due = "due " + f.Deadline.Due.String()
		}
		fmt.Fprintf(w, "\n%-8s %s  %s  %s\n", strings.ToUpper(f.Status.String()), f.Duty, f.Citation, due)
		fmt.Fprintf(w, "         %s: %s\n", f.Title, f.Detail)
		if f.Status != compliance.Met {
			fmt.Fprintf(w, "         → %s\n", f.Next)
		}
	}
	if !r.CasesChecked {
		fmt.Fprintln(w, "\n(no --store: open cases were not checked)")
	}
}

// addComplianceCommands registers the commands of package compliance.
func addComplianceCommands(cmds map[string]command) {
	cmds["compliance"] = command{"the employer's duties audited (s.3, s.11, Rules 2013): met, late, missing or due", cmdCompliance}
	cmds["code-of-conduct"] = command{"the Code of Conduct to display, in English or Urdu, as md, html or pdf", cmdCodeOfConduct}
}

func complianceReport(e *env, args []string) int {
	const name = "compliance report"
	fs := newFlags(e, name)
	yr := fs.Int("year", 0, "year")
	fbPath := fs.String("feedback", "", "feedback file")
	asJSON := fs.Bool("json", false, "print JSON")
	asCSV := fs.Bool("csv", false, "print CSV")
	asSVG := fs.Bool("svg", false, "print SVG")
	keyFile := keyFlag(fs)
	pos, status, done := parseCommand(e, name, complianceUsage, fs, args)
	if done {
		return status
	}
	if len(pos) == 0 || len(pos)%2 != 0 {
		return e.fail(exitUsage, "%s: want pairs of ORG-FILE STORE; run 'hifazat compliance --help'", name)
	}
	if *yr == 0 {
		return e.fail(exitUsage, "%s: want --year", name)
	}
	var opts compliance.ReportOptions
	if *fbPath != "" {
		data, err := readInput(e, *fbPath)
		if err == nil {
			opts.Feedback, err = compliance.ParseFeedback(data)
		}
		if err != nil {
			return e.fail(exitUsage, "%s: --feedback: %v", name, err)
		}
	}
	keys, err := storeKeys(*keyFile)
	if err != nil {
		return e.fail(exitUsage, "%s: --key-file: %v", name, err)
	}
	var sources []compliance.Source
	for i := 0; i < len(pos); i += 2 {
		data, err := readInput(e, pos[i])
		if err != nil {
			return e.fail(exitUsage, "%s: %v", name, err)
		}
		org, err := compliance.ParseOrganisation(data)
		if err != nil {
			return e.fail(exitUsage, "%s: %s: %v", name, pos[i], err)
		}
		s, err := sqlstore.OpenExisting(context.Background(), pos[i+1], casestore.Options{Keys: keys})
		if err != nil {
			return e.fail(exitUsage, "%s: %v", name, err)
		}
		defer s.Close()
		sources = append(sources, compliance.Source{Org: org, Store: s})
	}
	r, err := compliance.ReportAll(context.Background(), sources, *yr, opts)
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	switch {
	case *asJSON:
		return printJSON(e, name, r)
	case *asCSV:
		err = r.WriteCSV(e.stdout)
	case *asSVG:
		err = r.WriteSVG(e.stdout)
	default:
		reportPrint(e.stdout, r)
	}
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	return exitOK
}

func complianceFeedback(e *env, args []string) int {
	const name = "compliance feedback"
	fs := newFlags(e, name)
	yr := fs.Int("year", 0, "year")
	org := fs.String("org", "", "organisation id")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseArgs(e, name, complianceUsage, fs, args, 1, "one feedback file (or -)")
	if done {
		return status
	}
	if *yr == 0 {
		return e.fail(exitUsage, "%s: want --year", name)
	}
	data, err := readInput(e, pos[0])
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	entries, err := compliance.ParseFeedback(data)
	if err != nil {
		return e.fail(exitUsage, "%s: %s: %v", name, pos[0], err)
	}
	var orgs []string
	if *org != "" {
		orgs = []string{*org}
	}
	tables := compliance.FeedbackTables(entries, orgs, *yr)
	if tables == nil {
		return e.fail(exitUsage, "%s: --year %d: want 2010 to 2100", name, *yr)
	}
	if *asJSON {
		return printJSON(e, name, tables)
	}
	tablesPrint(e.stdout, tables)
	return exitOK
}

// reportPrint prints a report for people.
func reportPrint(w io.Writer, r *compliance.AnnualReport) {
	fmt.Fprintf(w, "Annual report %d: %s (k = %d; \"suppressed\": under k, or withheld so that a total cannot reveal a cell under k)\n",
		r.Year, strings.Join(r.Organisations, ", "), r.K)
	tablesPrint(w, r.Tables)
	fmt.Fprintln(w, "\ndays from filing to each stage (median, 90th percentile)")
	for _, s := range r.Stages {
		switch {
		case s.Suppressed:
			fmt.Fprintf(w, "  %-30s suppressed\n", s.Stage)
		case s.N.Count == 0:
			fmt.Fprintf(w, "  %-30s no case\n", s.Stage)
		default:
			fmt.Fprintf(w, "  %-30s %d, %d (over %d cases)\n", s.Stage, s.Median, s.P90, s.N.Count)
		}
	}
	if r.Unreadable.Suppressed || r.Unreadable.Count > 0 {
		fmt.Fprintf(w, "\ncases that could not be replayed to the year's end: %s\n", cellText(r.Unreadable))
	}
}

// tablesPrint prints tables for people, leaving out rows of zero; a table
// with none to print says so under its heading.
func tablesPrint(w io.Writer, tables []compliance.Table) {
	for _, t := range tables {
		fmt.Fprintf(w, "\n%s\n", t.Name)
		printed := false
		for _, row := range t.Rows {
			if row.Suppressed || row.Count > 0 {
				fmt.Fprintf(w, "  %-30s %s\n", row.Label, cellText(row.Cell))
				printed = true
			}
		}
		if !printed && !t.HasTotal {
			fmt.Fprintln(w, "  none in the year")
		}
		if t.HasTotal {
			fmt.Fprintf(w, "  %-30s %s\n", "total", cellText(t.Total))
		}
	}
}

func cellText(c compliance.Cell) string {
	if c.Suppressed {
		return "suppressed"
	}
	return fmt.Sprint(c.Count)
}
