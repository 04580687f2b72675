package casefsm_test

import (
	"strings"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiagramsGolden(t *testing.T) {
	d, err := newEngine(t).Definition(policy.FederalAct2022)
	require.NoError(t, err)
	golden(t, "pk-federal-2022.mermaid", []byte(d.Mermaid(casefsm.ComplaintReceived)))
	golden(t, "pk-federal-2022.dot", []byte(d.Graphviz(casefsm.ComplaintReceived)))
}

func TestDiagrams(t *testing.T) {
	d, err := newEngine(t).Definition(policy.FederalAct2022)
	require.NoError(t, err)
	for name, render := range map[string]func(casefsm.State) string{"Mermaid": d.Mermaid, "Graphviz": d.Graphviz} {
		t.Run(name, func(t *testing.T) {
			out := render(casefsm.Inquiry)
			assert.Equal(t, out, render(casefsm.Inquiry), "%s is deterministic", name)
			for _, tr := range d.Transitions() {
				if tr.Moves() {
					assert.Contains(t, out, tr.Event.String(), "%s draws %s", name, tr.Event)
					assert.Contains(t, out, tr.Citation.Section, "%s cites %s", name, tr.Event)
				}
			}
			assert.NotContains(t, out, "add_note", "%s draws only moves", name)
			none := render(0)
			assert.NotContains(t, none, "ffd966", "%s(0) highlights nothing", name)
			assert.Equal(t, 1, strings.Count(out, "ffd966"), "%s highlights one state", name)
		})
	}
	assert.Contains(t, d.Mermaid(casefsm.Inquiry), "class inquiry current")
	assert.Contains(t, d.Graphviz(casefsm.Inquiry), `"inquiry" [style="rounded,filled"`)
	assert.True(t, strings.HasPrefix(d.Graphviz(0), `digraph "pk-federal-2022" {`))
	assert.Contains(t, d.Mermaid(0), "[*] --> not_filed")
	assert.Contains(t, d.Mermaid(0), "closed --> [*]")
}
