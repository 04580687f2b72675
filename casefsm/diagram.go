package casefsm

import (
	"cmp"
	"slices"
	"strings"
)

// edge is one arrow of a diagram: a moving row from one of its states.
type edge struct {
	from, to State
	label    string
}

// edges returns the arrows of d's diagram, sorted by source state, then
// event, then destination; and the states they touch (reachable from
// NotFiled), in State order. Rows that only record an event are not drawn.
func (d *Definition) edges() ([]edge, []State) {
	reach := d.reachable()
	var es []edge
	for _, t := range d.rows {
		if !t.Moves() {
			continue
		}
		label := t.Event.String()
		if t.Route != NoRoute {
			label += " [" + t.Route.String() + "]"
		}
		label += " (" + t.Citation.Section + ")"
		for _, s := range t.From {
			if reach[s] {
				es = append(es, edge{from: s, to: t.To, label: label})
			}
		}
	}
	slices.SortStableFunc(es, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.label, b.label), cmp.Compare(a.to, b.to))
	})
	var states []State
	for s := NotFiled; s < stateEnd; s++ {
		if reach[s] {
			states = append(states, s)
		}
	}
	return es, states
}

// Mermaid returns the definition as a Mermaid state diagram: every state
// reachable from the initial state declared with its quoted name, an arrow
// from the start to [NotFiled], one arrow per event and source state
// labelled "event [route] (section)" (with ":", ";" and "#", which Mermaid
// reads as syntax, replaced), arrows from the terminal states to
// the end, and current (if it is a valid state) highlighted. Events that
// are only recorded are not drawn. The output is deterministic: states in
// State order, arrows by source state, then label, then destination.
func (d *Definition) Mermaid(current State) string {
	es, states := d.edges()
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	for _, s := range states {
		b.WriteString("    state \"" + s.String() + "\" as " + s.String() + "\n")
	}
	b.WriteString("    [*] --> " + NotFiled.String() + "\n")
	for _, e := range es {
		b.WriteString("    " + e.from.String() + " --> " + e.to.String() + " : " + mermaidLabel.Replace(e.label) + "\n")
	}
	for _, s := range states {
		if s.Terminal() {
			b.WriteString("    " + s.String() + " --> [*]\n")
		}
	}
	if slices.Contains(states, current) {
		b.WriteString("    classDef current fill:#ffd966,stroke:#b45f06,stroke-width:3px\n")
		b.WriteString("    class " + current.String() + " current\n")
	}
	return b.String()
}

// Graphviz returns the definition as a Graphviz digraph in the DOT
// language, named after its policy: the same states, arrows, order and
// labels as [Definition.Mermaid], every name quoted, the start as a point,
// terminal states with a double border, and current (if it is a valid
// state) filled.
func (d *Definition) Graphviz(current State) string {
	es, states := d.edges()
	name := "casefsm"
	if d.pol != nil {
		name = string(d.pol.ID())
	}
	var b strings.Builder
	b.WriteString("digraph " + dotQuote(name) + " {\n")
	b.WriteString("    rankdir=LR;\n    node [shape=box, style=rounded];\n")
	b.WriteString("    \"[*]\" [shape=point, label=\"\"];\n")
	for _, s := range states {
		attrs := ""
		switch {
		case s == current:
			attrs = " [style=\"rounded,filled\", fillcolor=\"#ffd966\", penwidth=3]"
		case s.Terminal():
			attrs = " [peripheries=2]"
		}
		b.WriteString("    " + dotQuote(s.String()) + attrs + ";\n")
	}
	b.WriteString("    \"[*]\" -> " + dotQuote(NotFiled.String()) + ";\n")
	for _, e := range es {
		b.WriteString("    " + dotQuote(e.from.String()) + " -> " + dotQuote(e.to.String()) + " [label=" + dotQuote(e.label) + "];\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// mermaidLabel removes from a label the characters Mermaid reads as syntax.
var mermaidLabel = strings.NewReplacer(":", " ", ";", ",", "#", "no.")

// dotQuote quotes s as a DOT string.
func dotQuote(s string) string {
	return "\"" + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + "\""
}
