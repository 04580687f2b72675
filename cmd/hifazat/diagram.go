package main

import (
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/policy"
)

const diagramUsage = `usage: hifazat diagram [--policy ID] [--format mermaid|dot] [--state STATE]

Prints a policy's complaint lifecycle (default pk-federal-2022) as a Mermaid
state diagram or a Graphviz digraph, each edge labelled with its event and
citation; --state highlights one state (for example a case's current one).`

// cmdDiagram runs "hifazat diagram".
func cmdDiagram(e *env, args []string) int {
	fs := newFlags(e, "diagram")
	pid := fs.String("policy", string(policy.FederalAct2022), "policy id")
	format := fs.String("format", "mermaid", "mermaid or dot")
	state := fs.String("state", "", "state to highlight")
	if _, status, done := parseArgs(e, "diagram", diagramUsage, fs, args, 0, ""); done {
		return status
	}
	var current casefsm.State
	if *state != "" {
		if err := current.UnmarshalText([]byte(*state)); err != nil {
			return e.fail(exitUsage, "diagram: --state: %v", err)
		}
	}
	p, err := policy.Builtin().Get(policy.ID(*pid))
	if err != nil {
		return e.fail(exitUsage, "diagram: %v", err)
	}
	def, err := casefsm.NewDefinition(p)
	if err != nil {
		return e.fail(exitUsage, "diagram: %v", err)
	}
	switch *format {
	case "mermaid":
		fmt.Fprint(e.stdout, def.Mermaid(current))
	case "dot":
		fmt.Fprint(e.stdout, def.Graphviz(current))
	default:
		return e.fail(exitUsage, "diagram: --format %q: want mermaid or dot", *format)
	}
	return exitOK
}
