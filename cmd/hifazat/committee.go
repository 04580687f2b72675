package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

const committeeUsage = `usage: hifazat committee check FILE [--case CASEFILE] [--policy ID] [--lang en|ur] [--on DATE] [--json]

Checks an Inquiry Committee file (JSON or YAML; "-" reads standard input)
against a policy's composition rules (s.3(2)); with --case, as the committee
for that case: its parties and witnesses may not sit on it and its
replace_member events are applied (s.3(3)).

  --policy ID   built-in policy (default pk-federal-2022)
  --lang L      language of the messages: en or ur (default en)
  --on DATE     date checked, for training rules (default today in Asia/Karachi)
  --json        print {"valid", "violations", "warnings"}

Exit status: 0 valid, 1 invalid, 2 bad usage or malformed input.`

// cmdCommittee runs "hifazat committee ...".
func cmdCommittee(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, committeeUsage)
		return exitUsage
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
	a, status := parseCommitteeArgs(e, args)
	if status != exitOK {
		return status
	}
	data, err := committeeReadFile(e, a.file)
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

func parseCommitteeArgs(e *env, args []string) (committeeArgs, int) {
	var a committeeArgs
	fs := newFlags(e, "committee check")
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.caseFile, "case", "", "case file")
	policyID := fs.String("policy", string(policy.FederalAct2022), "policy id")
	lang := fs.String("lang", "en", "en or ur")
	on := fs.String("on", "", "date checked")
	fs.BoolVar(&a.asJSON, "json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return a, e.fail(exitUsage, "committee check: %v", err)
	}
	if len(pos) != 1 {
		return a, e.fail(exitUsage, "committee check: want one committee FILE, got %d arguments; run 'hifazat committee help'", len(pos))
	}
	a.file = pos[0]
	if a.opts.Language, err = committee.ParseLanguage(*lang); err != nil {
		return a, e.fail(exitUsage, "committee check: --lang: %v", err)
	}
	if a.policy, err = policy.Builtin().Get(policy.ID(*policyID)); err != nil {
		return a, e.fail(exitUsage, "committee check: --policy: %v", err)
	}
	a.opts.On = e.today()
	if *on != "" {
		if a.opts.On, err = civil.Parse(*on); err != nil {
			return a, e.fail(exitUsage, "committee check: --on: %v", err)
		}
	}
	return a, exitOK
}

// committeeReadFile reads a file, or standard input for "-".
func committeeReadFile(e *env, path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(e.stdin)
	}
	return os.ReadFile(path)
}

// committeeCaseFile is the part of a case file (package casefsm's format) that a
// committee check needs: the parties' ids and the replace_member events.
// Other fields are ignored here; casefsm validates the whole file.
type committeeCaseFile struct {
	Parties struct {
		Complainant committeeCaseParty   `json:"complainant"`
		Accused     committeeCaseParty   `json:"accused"`
		Witnesses   []committeeCaseParty `json:"witnesses"`
	} `json:"parties"`
	Events []struct {
		Type   string                 `json:"type"`
		Member *committee.Replacement `json:"member"`
	} `json:"events"`
}

type committeeCaseParty struct {
	ID           string `json:"id"`
	Relationship string `json:"relationship"`
}

// committeeReadCase reads the parties and replacements of a case file.
func committeeReadCase(e *env, path string) (*committee.Case, error) {
	data, err := committeeReadFile(e, path)
	if err != nil {
		return nil, err
	}
	var f committeeCaseFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: malformed case file: %v", path, strings.TrimPrefix(err.Error(), "json: "))
	}
	k := &committee.Case{
		// An accused recorded as the Competent Authority conflicts the
		// internal route (interpretation 4).
		AccusedIsCompetentAuthority: f.Parties.Accused.Relationship == string(policy.CompetentAuthorityMember),
	}
	add := func(r committee.Role, p committeeCaseParty) {
		if p.ID != "" {
			k.Parties = append(k.Parties, committee.Party{Role: r, ID: p.ID})
		}
	}
	add(committee.Complainant, f.Parties.Complainant)
	add(committee.Accused, f.Parties.Accused)
	for _, w := range f.Parties.Witnesses {
		add(committee.Witness, w)
	}
	for i, ev := range f.Events {
		if ev.Type != "replace_member" {
			continue
		}
		if ev.Member == nil {
			return nil, fmt.Errorf("%s: events[%d]: replace_member without \"member\"", path, i)
		}
		k.Replacements = append(k.Replacements, *ev.Member)
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
