package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

const committeeUsage = `usage: hifazat committee check FILE [--case CASEFILE] [--policy ID] [--lang en|ur] [--on DATE] [--json]

Checks an Inquiry Committee file (JSON or YAML; "-" reads standard input)
against a policy's composition rules (s.3(2)); with --case, as the committee
for that case: its parties and witnesses may not sit on it, its
replace_member events are applied (s.3(3)) and its designate_chair makes
the member designated the only chair (s.3(2)).

  --policy ID   built-in policy (default pk-federal-2022)
  --lang L      language of the messages: en or ur (default en)
  --on DATE     date checked, for training rules (default today in Asia/Karachi)
  --json        print {"valid", "violations", "warnings"}

Exit status: 0 valid, 1 invalid, 2 bad usage or malformed input.`

// cmdCommittee runs "hifazat committee ...".
func cmdCommittee(e *env, args []string) int {
	if len(args) == 0 {
		return e.fail(exitUsage, "committee: want a subcommand (check); run 'hifazat committee --help'")
	}
	switch args[0] {
	case "check":
		return committeeCheck(e, args[1:])
	case "help", "-h", "--help":
		fmt.Fprintln(e.stdout, committeeUsage)
		return exitOK
	}
	return e.fail(exitUsage, "committee: unknown subcommand %q (want check)", args[0])
}

// committeeArgs are the parsed arguments of "committee check".
type committeeArgs struct {
	file, caseFile string
	policy         *policy.Policy
	opts           committee.CheckOptions
	asJSON         bool
}

func committeeCheck(e *env, args []string) int {
	a, status, done := parseCommitteeArgs(e, args)
	if done {
		return status
	}
	data, err := readInput(e, a.file)
	if err != nil {
		return e.fail(exitUsage, "committee check: %v", err)
	}
	c, err := committee.Parse(data)
	if err != nil {
		return e.fail(exitUsage, "committee check: %s: %v", a.file, err)
	}
	if a.caseFile != "" {
		if a.opts.Case, err = committeeReadCase(e, a.caseFile); err != nil {
			return e.fail(exitUsage, "committee check: %v", err)
		}
	}
	r, err := committee.NewValidator().Check(c, a.policy.Committee(), a.opts)
	if err != nil {
		return e.fail(exitUsage, "committee check: %v", err)
	}
	if a.asJSON {
		if err := writeJSON(e.stdout, committeeJSONOf(r)); err != nil {
			return e.fail(exitUsage, "committee check: %v", err)
		}
	} else {
		committeePrint(e.stdout, r, a.policy.ID())
	}
	if !r.Valid {
		return exitRefused
	}
	return exitOK
}

// parseCommitteeArgs parses the arguments of "committee check"; when done
// is true the command is over (help printed, or bad usage reported) and
// status is its exit status.
func parseCommitteeArgs(e *env, args []string) (a committeeArgs, status int, done bool) {
	fs := newFlags(e, "committee check")
	fs.StringVar(&a.caseFile, "case", "", "case file")
	policyID := fs.String("policy", string(policy.FederalAct2022), "policy id")
	lang := fs.String("lang", "en", "en or ur")
	on := fs.String("on", "", "date checked")
	fs.BoolVar(&a.asJSON, "json", false, "print JSON")
	pos, status, done := parseArgs(e, "committee check", committeeUsage, fs, args, 1, "one committee file (or -)")
	if done {
		return a, status, true
	}
	a.file = pos[0]
	var err error
	if a.opts.Language, err = committee.ParseLanguage(*lang); err != nil {
		return a, e.fail(exitUsage, "committee check: --lang: %v", err), true
	}
	if a.policy, err = policy.Builtin().Get(policy.ID(*policyID)); err != nil {
		return a, e.fail(exitUsage, "committee check: --policy: %v", err), true
	}
	a.opts.On = e.today()
	if *on != "" {
		if a.opts.On, err = civil.Parse(*on); err != nil {
			return a, e.fail(exitUsage, "committee check: --on: %v", err), true
		}
	}
	return a, exitOK, false
}

// committeeReadCase reads a case file, strictly, as "hifazat case status"
// does, and returns what a committee check needs: the parties' ids, the
// replacements its replace_member events record and the chair its last
// designate_chair designates.
func committeeReadCase(e *env, path string) (*committee.Case, error) {
	data, err := readInput(e, path)
	if err != nil {
		return nil, err
	}
	f, err := casefsm.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: malformed case file: %v", path, err)
	}
	ps := f.Parties
	k := &committee.Case{
		// An accused recorded as the Competent Authority conflicts the
		// internal route (interpretation 4).
		AccusedIsCompetentAuthority: ps.Accused.Relationship == policy.CompetentAuthorityMember,
	}
	add := func(r committee.Role, p casefsm.Party) {
		if p.ID != "" {
			k.Parties = append(k.Parties, committee.Party{Role: r, ID: p.ID})
		}
	}
	add(committee.Complainant, ps.Complainant)
	add(committee.Accused, ps.Accused)
	for _, w := range ps.Witnesses {
		add(committee.Witness, w)
	}
	for i, ev := range f.Events {
		switch ev.Type {
		case casefsm.DesignateChair:
			k.Chair = ev.Chair
		case casefsm.ReplaceMember:
			if ev.Member == nil {
				return nil, fmt.Errorf("%s: event %d: replace_member without \"member\"", path, i+1)
			}
			k.Replacements = append(k.Replacements, *ev.Member)
			if ev.Member.In.Chair {
				k.Chair = "" // a member brought in as chair is the later designation
			}
		}
	}
	return k, nil
}

// committeeJSON is the CLI's JSON form of a report: citations are given as
// their section only.
type committeeJSON struct {
	Valid      bool                 `json:"valid"`
	Violations []committeeViolation `json:"violations"`
	Warnings   []committeeViolation `json:"warnings"`
}

type committeeViolation struct {
	Code     committee.Code `json:"code"`
	Members  []string       `json:"members"`
	Message  string         `json:"message"`
	Citation string         `json:"citation"`
}

func committeeJSONOf(r committee.Report) committeeJSON {
	conv := func(vs []committee.Violation) []committeeViolation {
		out := make([]committeeViolation, len(vs))
		for i, v := range vs {
			out[i] = committeeViolation{v.Code, v.Members, v.Message, v.Citation.Section}
		}
		return out
	}
	return committeeJSON{Valid: r.Valid, Violations: conv(r.Violations), Warnings: conv(r.Warnings)}
}

// committeePrint prints a report for people: a summary line, then one line
// per violation and warning, "violation CODE [MEMBERS]: MESSAGE".
func committeePrint(w io.Writer, r committee.Report, id policy.ID) {
	verdict := "valid"
	if !r.Valid {
		verdict = "invalid"
	}
	fmt.Fprintf(w, "%s under %s: %s, %s\n", verdict, id,
		committeePlural(len(r.Violations), "violation"), committeePlural(len(r.Warnings), "warning"))
	for _, list := range []struct {
		kind string
		vs   []committee.Violation
	}{{"violation", r.Violations}, {"warning", r.Warnings}} {
		for _, v := range list.vs {
			who := ""
			if len(v.Members) > 0 {
				who = " [" + strings.Join(v.Members, " ") + "]"
			}
			fmt.Fprintf(w, "%s %s%s: %s\n", list.kind, v.Code, who, v.Message)
		}
	}
}

func committeePlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
