package main

import (
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

const policyUsage = `usage: hifazat policy SUBCOMMAND [ARGS] [--json]

Subcommands:
  list                                 the built-in policies
  show ID                              every rule, penalty, committee rule, eligibility,
                                       route and interpretation of a policy, with citations
  check OVERLAY-FILE|-                 check an institutional overlay (YAML or JSON; -
                                       reads standard input): exit 0 valid, 1 refused,
                                       2 malformed
  for --jurisdiction J --date D        the statute in force in J (federal, punjab, sindh,
                                       kp, balochistan) on D; exit 2 for a date before
                                       J's first statute took effect`

// cmdPolicy runs "hifazat policy ...".
func cmdPolicy(e *env, args []string) int {
	if len(args) == 0 {
		return e.fail(exitUsage, "policy: want a subcommand (list, show, check or for); run 'hifazat policy --help'")
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "list":
		return policyList(e, rest)
	case "show":
		return policyShow(e, rest)
	case "check":
		return policyCheck(e, rest)
	case "for":
		return policyFor(e, rest)
	case "help", "-h", "--help":
		fmt.Fprintln(e.stdout, policyUsage)
		return exitOK
	}
	return e.fail(exitUsage, "policy: unknown subcommand %q (want list, show, check or for); run 'hifazat policy --help'", sub)
}

// policyCommand parses the flags of "policy SUB" and checks it got want
// positional arguments, described by what.
func policyCommand(e *env, sub string, fs *flag.FlagSet, args []string, want int, what string) (pos []string, status int, done bool) {
	return parseArgs(e, "policy "+sub, policyUsage, fs, args, want, what)
}

func policyList(e *env, args []string) int {
	fs := newFlags(e, "policy list")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, status, done := policyCommand(e, "list", fs, args, 0, ""); done {
		return status
	}
	all := policy.Builtin().All()
	if *asJSON {
		out := make([]policy.Summary, len(all))
		for i, p := range all {
			out[i] = p.Summary()
		}
		return printJSON(e, "policy list", out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tJURISDICTION\tIN FORCE\tKIND\tTITLE")
	for _, p := range all {
		kind := "statute"
		if p.Institutional() {
			kind = "overlay on " + string(p.Base())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.ID(), p.Jurisdiction(), p.Validity(), kind, p.Title())
	}
	tw.Flush()
	return exitOK
}

type policyEligibility struct {
	Relationship policy.Relationship `json:"relationship"`
	Citation     policy.Citation     `json:"citation"`
}

type policyCalendar struct {
	Forum    policy.Forum    `json:"forum"`
	Calendar string          `json:"calendar"`
	Citation policy.Citation `json:"citation"`
}

// policyView is everything "policy show" prints.
type policyView struct {
	policy.Summary
	Rules           []policy.DeadlineRule  `json:"rules"`
	Penalties       []policy.Penalty       `json:"penalties"`
	Committee       policy.CommitteeRules  `json:"committee"`
	Complainants    []policyEligibility    `json:"complainants"`
	Accused         []policyEligibility    `json:"accused"`
	Routes          policy.Routes          `json:"routes"`
	Interpretations policy.Interpretations `json:"interpretations"`
	Harassment      policy.Harassment      `json:"harassment"`
	Calendars       []policyCalendar       `json:"calendars"`
}

var policyForums = []policy.Forum{policy.Organisation, policy.InquiryCommittee, policy.CompetentAuthority, policy.Ombudsperson, policy.PresidentOrGovernor}

func policyViewOf(p *policy.Policy) policyView {
	v := policyView{
		Summary: p.Summary(), Rules: p.Rules(), Penalties: p.Penalties(), Committee: p.Committee(),
		Routes: p.Routes(), Interpretations: p.Interpretations(), Harassment: p.Harassment(),
	}
	for _, r := range p.Complainants() {
		_, c := p.MayComplain(r)
		v.Complainants = append(v.Complainants, policyEligibility{r, c})
	}
	for _, r := range policy.Relationships() {
		if ok, c := p.MayBeAccused(r); ok {
			v.Accused = append(v.Accused, policyEligibility{r, c})
		}
	}
	for _, f := range policyForums {
		c := p.CalendarFor(f, "")
		v.Calendars = append(v.Calendars, policyCalendar{f, c.Value, c.Citation})
	}
	return v
}

func policyShow(e *env, args []string) int {
	fs := newFlags(e, "policy show")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := policyCommand(e, "show", fs, args, 1, "a policy id (hifazat policy list)")
	if done {
		return status
	}
	p, err := policy.Builtin().Get(policy.ID(pos[0]))
	if err != nil {
		return e.fail(exitUsage, "policy show: %v", err)
	}
	v := policyViewOf(p)
	if *asJSON {
		return printJSON(e, "policy show", v)
	}
	policyPrint(e.stdout, v)
	return exitOK
}

func policyParamValue(v any) string {
	switch x := v.(type) {
	case civil.Date:
		if !x.IsValid() {
			return "none"
		}
	case policy.Interval:
		if x.IsZero() {
			return "none"
		}
	}
	return fmt.Sprint(v)
}

type policyCheckResult struct {
	Overlay    policy.ID          `json:"overlay"`
	Base       policy.ID          `json:"base"`
	Valid      bool               `json:"valid"`
	Violations []policy.Violation `json:"violations"`
}

func policyCheck(e *env, args []string) int {
	fs := newFlags(e, "policy check")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := policyCommand(e, "check", fs, args, 1, "an overlay file (or - for standard input)")
	if done {
		return status
	}
	data, err := readInput(e, pos[0])
	if err != nil {
		return e.fail(exitUsage, "policy check: %v", err)
	}
	o, err := policy.ParseOverlay(data)
	if err != nil {
		return e.fail(exitUsage, "policy check: %s: %v", pos[0], err)
	}
	p, err := policy.Builtin().Apply(o)
	var oe *policy.OverlayError
	switch {
	case errors.As(err, &oe):
		if *asJSON {
			if status := printJSON(e, "policy check", policyCheckResult{Overlay: o.ID, Base: o.Base, Violations: oe.Violations}); status != exitOK {
				return status
			}
			return exitRefused
		}
		fmt.Fprintf(e.stdout, "refused: %s against %s: %d violation(s)\n", o.ID, o.Base, len(oe.Violations))
		for _, v := range oe.Violations {
			fmt.Fprintln(e.stdout, v)
		}
		return exitRefused
	case err != nil:
		return e.fail(exitUsage, "policy check: %s: %v", pos[0], err)
	}
	if *asJSON {
		return printJSON(e, "policy check", policyCheckResult{Overlay: p.ID(), Base: p.Base(), Valid: true, Violations: []policy.Violation{}})
	}
	fmt.Fprintf(e.stdout, "valid: %s, an institutional overlay on %s, in force %s\n", p.ID(), p.Base(), p.Validity())
	return exitOK
}

func policyFor(e *env, args []string) int {
	fs := newFlags(e, "policy for")
	j := fs.String("jurisdiction", "", "federal, punjab, sindh, kp or balochistan")
	date := fs.String("date", "", "YYYY-MM-DD")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, status, done := policyCommand(e, "for", fs, args, 0, ""); done {
		return status
	}
	if *j == "" || *date == "" {
		return e.fail(exitUsage, "policy for: want --jurisdiction and --date; run 'hifazat policy --help'")
	}
	jur, err := policy.ParseJurisdiction(*j)
	if err != nil {
		return e.fail(exitUsage, "policy for: %v", err)
	}
	on, err := civil.Parse(*date)
	if err != nil {
		return e.fail(exitUsage, "policy for: --date: %v", err)
	}
	p, err := policy.Builtin().For(jur, on)
	if err != nil {
		// A date no statute covers is out of coverage, like a year outside
		// a calendar: bad input, not a refusal by the law.
		return e.fail(exitUsage, "policy for: %v", err)
	}
	if *asJSON {
		return printJSON(e, "policy for", struct {
			Policy policy.ID `json:"policy"`
		}{p.ID()})
	}
	fmt.Fprintf(e.stdout, "%s\t%s\n", p.ID(), p.Title())
	return exitOK
}
