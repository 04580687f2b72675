package casefsm_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// A scenario is a case told as a lawyer would: the case file's header, then
// the dated events one by one with what each should do (move the case, or
// be refused with a code and the section that refuses it), with checks of
// the case's status between them. They live in testdata/scenarios/*.yaml.
type scenario struct {
	Name string `yaml:"name"`
	// Law lists the provisions the scenario exercises, for the reader.
	Law []string `yaml:"law"`
	// Overlay, if given, is an institution's policy, as `hifazat policy
	// check` reads it, laid over the built-in policies: the case then runs
	// with it among them, and may name it as its policy.
	Overlay map[string]any `yaml:"overlay"`
	// OverlayRefused, if given, lists every violation the overlay must be
	// refused with, each "FIELD SECTION" (the overlay field and the
	// provision that gives the right it would cut); it runs no case.
	OverlayRefused []string       `yaml:"overlay_refused"`
	Case           map[string]any `yaml:"case"`
	Steps          []step         `yaml:"steps"`
}

// step is either an event (its case-file fields) with the expected
// outcome, the state after it or the refusal code and a section its
// citation contains, or a status check.
type step struct {
	Event   map[string]any
	Expect  string
	Refused string
	Cite    string
	Status  *expectStatus
}

func (s *step) UnmarshalYAML(n *yaml.Node) error {
	var st struct {
		Status *expectStatus `yaml:"status"`
	}
	if err := n.Decode(&st); err == nil && st.Status != nil {
		s.Status = st.Status
		return nil
	}
	var m map[string]any
	if err := n.Decode(&m); err != nil {
		return err
	}
	take := func(k string) string {
		v, _ := m[k].(string)
		delete(m, k)
		return v
	}
	s.Expect, s.Refused, s.Cite = take("expect"), take("refused"), take("cite")
	s.Event = m
	if (s.Expect == "") == (s.Refused == "") {
		return fmt.Errorf("line %d: a step needs exactly one of expect and refused", n.Line)
	}
	return nil
}

// expectStatus is what Case.Status must say on a date. A list that is
// given (even empty) is compared exactly and in order; one left out is not
// checked. Deadlines are "RULE STATUS" and due gives the due date of the
// latest period of a rule; breaches are "CODE RULE", warnings
// codes, and next_moves "EVENT: ROLE ROLE" for the permitted events that
// move the case.
type expectStatus struct {
	AsOf      string            `yaml:"as_of"`
	State     string            `yaml:"state"`
	Policy    string            `yaml:"policy"`
	Substance string            `yaml:"substance"`
	Deadlines []string          `yaml:"deadlines"`
	Due       map[string]string `yaml:"due"`
	Breaches  []string          `yaml:"breaches"`
	Warnings  []string          `yaml:"warnings"`
	NextMoves []string          `yaml:"next_moves"`
}

// dates turns the YAML timestamps back into YYYY-MM-DD strings.
func dates(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.Format("2006-01-02")
	case map[string]any:
		for k, e := range x {
			x[k] = dates(e)
		}
	case []any:
		for i, e := range x {
			x[i] = dates(e)
		}
	}
	return v
}

func decodeJSON(t *testing.T, v any) *casefsm.CaseFile {
	t.Helper()
	b, err := json.Marshal(dates(v))
	require.NoError(t, err)
	f, err := casefsm.Decode(bytes.NewReader(b))
	require.NoError(t, err, "Decode(%s)", b)
	return f
}

func loadScenarios(t *testing.T) map[string][]scenario {
	t.Helper()
	files, err := filepath.Glob("testdata/scenarios/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files, "scenario files")
	out := map[string][]scenario{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		var ss []scenario
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		require.NoError(t, dec.Decode(&ss), "decode %s", file)
		out[filepath.Base(file)] = ss
	}
	return out
}

func newEngine(t testing.TB) *casefsm.Engine {
	t.Helper()
	e, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	require.NoError(t, err, "NewEngine(Builtin)")
	return e
}

func TestScenarios(t *testing.T) {
	eng := newEngine(t)
	for file, ss := range loadScenarios(t) {
		for _, sc := range ss {
			t.Run(strings.TrimSuffix(file, ".yaml")+"/"+sc.Name, func(t *testing.T) {
				e := eng
				if sc.Overlay != nil {
					if e = overlaid(t, sc); e == nil {
						return
					}
				}
				runScenario(t, e, sc)
			})
		}
	}
}

// overlaid applies the scenario's overlay to the built-in policies and
// returns an engine with it, or checks that it is refused with exactly
// the violations the scenario lists and returns nil.
func overlaid(t *testing.T, sc scenario) *casefsm.Engine {
	t.Helper()
	data, err := json.Marshal(dates(sc.Overlay))
	require.NoError(t, err)
	o, err := policy.ParseOverlay(data)
	require.NoError(t, err, "ParseOverlay(%s)", data)
	p, err := policy.Builtin().Apply(o)
	if sc.OverlayRefused != nil {
		var oe *policy.OverlayError
		require.ErrorAs(t, err, &oe, "Apply(%s) should be refused", data)
		var got []string
		for _, v := range oe.Violations {
			got = append(got, v.Field+" "+v.Section)
		}
		assert.Equal(t, sc.OverlayRefused, got, "the overlay's violations: %v", err)
		require.Empty(t, sc.Steps, "a refused overlay runs no case")
		return nil
	}
	require.NoError(t, err, "Apply(%s)", data)
	set, err := policy.Builtin().With(p)
	require.NoError(t, err)
	e, err := casefsm.NewEngine(set, casefsm.Options{})
	require.NoError(t, err)
	return e
}

func runScenario(t *testing.T, eng *casefsm.Engine, sc scenario) {
	header := decodeJSON(t, sc.Case)
	c, err := eng.NewCase(header.Header)
	require.NoError(t, err, "NewCase(%v)", sc.Case)
	for i, st := range sc.Steps {
		if st.Status != nil {
			checkStatus(t, c, *st.Status)
			continue
		}
		ev := decodeJSON(t, map[string]any{"events": []any{st.Event}}).Events[0]
		before := casefsm.Snapshot(c)
		err := c.Apply(ev)
		if st.Refused != "" {
			var ref *casefsm.Refusal
			require.ErrorAs(t, err, &ref, "step %d: Apply(%v) should be refused %s", i, st.Event, st.Refused)
			assert.Equal(t, st.Refused, ref.Code.String(), "step %d: Apply(%v): %v", i, st.Event, err)
			assert.Contains(t, ref.Citation.Section, st.Cite, "step %d: citation of %v", i, err)
			assert.Equal(t, before, casefsm.Snapshot(c), "step %d: a refused event leaves the case as it was", i)
			assert.Equal(t, len(c.Events()), ref.Index, "step %d: refusal index", i)
			continue
		}
		require.NoError(t, err, "step %d: Apply(%v)", i, st.Event)
		assert.Equal(t, st.Expect, c.State().String(), "step %d: state after %v", i, st.Event)
	}
	// Rehydration: replaying the recorded events gives the same case.
	again, err := eng.Open(c.File())
	require.NoError(t, err, "Open(File())")
	assert.Equal(t, casefsm.Snapshot(c), casefsm.Snapshot(again), "replayed case")
}

func checkStatus(t *testing.T, c *casefsm.Case, want expectStatus) {
	t.Helper()
	asOf := civil.MustParse(want.AsOf)
	s := c.Status(asOf)
	msg := fmt.Sprintf("Status(%s)", asOf)
	if want.State != "" {
		assert.Equal(t, want.State, s.State.String(), msg)
	}
	if want.Policy != "" {
		assert.Equal(t, want.Policy, string(s.Policy), msg+" policy")
	}
	if want.Substance != "" {
		assert.Equal(t, want.Substance, string(s.Substance), msg+" substance policy")
	}
	var got []string
	last := map[string]casefsm.DeadlineStatus{} // the latest period of each rule
	for _, d := range s.Deadlines {
		label := string(d.Rule)
		if d.Rule == policy.RuleRepresentation && d.Party != 0 {
			label += "(" + d.Party.String() + ")" // the one filing rule both parties hold
		}
		got = append(got, label+" "+d.Status.String())
		last[string(d.Rule)] = d
	}
	for rule, due := range want.Due {
		d, ok := last[rule]
		if assert.True(t, ok, "%s: no %s period to check the due date of", msg, rule) {
			assert.Equal(t, due, d.Due.String(), "%s due of %s (%s)", msg, d.Rule, d.Explain())
		}
	}
	if want.Deadlines != nil {
		assert.Equal(t, nilIfEmpty(want.Deadlines), got, msg+" deadlines")
	}
	got = nil
	for _, b := range s.Breaches {
		got = append(got, string(b.Code)+" "+string(b.Rule))
	}
	if want.Breaches != nil {
		assert.Equal(t, nilIfEmpty(want.Breaches), got, msg+" breaches")
	}
	got = nil
	for _, w := range s.Warnings {
		got = append(got, string(w.Code))
	}
	if want.Warnings != nil {
		assert.Equal(t, nilIfEmpty(want.Warnings), got, "%s warnings: %+v", msg, s.Warnings)
	}
	if want.NextMoves != nil {
		got = nil
		for _, n := range s.Next {
			if n.Moves {
				got = append(got, n.Event.String()+": "+roleNames(n.By))
			}
		}
		assert.Equal(t, nilIfEmpty(want.NextMoves), got, msg+" next moves")
	}
}

func roleNames(rs []casefsm.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.String()
	}
	return strings.Join(s, " ")
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}
