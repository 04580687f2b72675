package casefsm

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// TestFieldKinds: every field of Event declares a kind (and a choosing
// kind a value set) in its tag, and every field of every event, alone and
// under each built-in policy, has a kind, with values exactly when the kind
// chooses among them.
func TestFieldKinds(t *testing.T) {
	for f := range reflect.TypeFor[Event]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Name == "Chair" {
			name = "chair"
		}
		assert.True(t, eventKinds[name].kind.IsValid(), "Event.%s: tag kind:%q names no kind, or a choosing kind without a value set (or values for a kind that has none)", f.Name, f.Tag.Get("kind"))
	}
	check := func(where string, e EventType, fs []Field) {
		require.NotEmpty(t, fs, "%s %s", where, e)
		for _, f := range fs {
			assert.True(t, f.Kind.IsValid(), "%s %s: field %s has no kind", where, e, f.Name)
			assert.Equal(t, f.Kind.chooses(), f.Values != nil, "%s %s: field %s of kind %s: values %v", where, e, f.Name, f.Kind, f.Values)
			b, err := json.Marshal(f)
			require.NoError(t, err)
			assert.Contains(t, string(b), `"kind":"`+f.Kind.String()+`"`)
		}
	}
	for e := ReportInformally; e < eventEnd; e++ {
		check("Fields", e, Fields(e))
	}
	for _, d := range builtinDefinitions(t) {
		for _, info := range d.Events() {
			check(string(d.pol.ID()), info.Type, info.Fields)
		}
	}
	assert.Nil(t, Fields(0), "an invalid event type has no fields")
}

// TestFieldValues: every choosing field of every event type, under each
// built-in policy, lists exactly the values the event accepts in it: each
// listed value decodes and passes the event's checks of its fields, and
// every other value any field of the SDK could take (every role, finding,
// penalty code, retaliation kind and event type, and nonsense) is refused.
func TestFieldValues(t *testing.T) {
	universe := []string{"none", "no_such_value"} // "" is no value: the field left out
	for _, set := range valueSets {
		universe = append(universe, set(scope{e: DecideAppeal, by: Roles()})...)
	}
	for e := ReportInformally; e < eventEnd; e++ {
		universe = append(universe, e.String())
	}
	for _, p := range policy.Builtin().All() {
		for _, x := range p.Penalties() {
			universe = append(universe, string(x.Code))
		}
	}
	slices.Sort(universe)
	universe = slices.Compact(universe)
	for _, d := range builtinDefinitions(t) {
		eng, err := NewEngine(policy.Builtin(), Options{})
		require.NoError(t, err)
		for _, info := range d.Events() {
			for _, f := range info.Fields {
				if f.Values == nil {
					continue
				}
				for _, v := range universe {
					c, err := eng.NewCase(Header{Policy: d.pol.ID(), Jurisdiction: d.pol.Jurisdiction()})
					require.NoError(t, err)
					assert.Equal(t, slices.Contains(f.Values, v), accepts(c, d, info, f, v),
						"%s %s: field %s (values %v) and value %q", d.pol.ID(), info.Type, f.Name, f.Values, v)
				}
			}
		}
	}
}

// accepts reports whether an event of info's type with field f set to v
// decodes and passes the checks of its fields on the new case c: the
// role for by is one the definition's table lets perform it.
func accepts(c *Case, d *Definition, info EventInfo, f Field, v string) bool {
	ev := map[string]any{"type": info.Type.String(), "on": "2026-03-02", "by": InquiryCommittee.String()}
	if info.Type == SubmitFindings && f.Name != "finding" {
		ev["finding"] = Guilty.String() // required; guilty recommends a penalty
	}
	if f.Kind == FieldEnum {
		ev[f.Name] = v
	} else {
		ev[f.Name] = []string{v}
	}
	raw, _ := json.Marshal(ev)
	got, err := DecodeEvent(raw, 0)
	switch {
	case err != nil:
		return false
	case f.Name == "type":
		return got.Type == info.Type
	case f.Name == "by":
		return slices.ContainsFunc(d.rows, func(t Transition) bool { return t.Event == info.Type && slices.Contains(t.By, got.By) })
	case f.Name == "penalties" && c.checkPenalties(&got, d.pol) != nil:
		return false
	}
	return c.checkShape(&got) == nil && c.checkFields(&got) == nil
}

// builtinDefinitions returns the definition of every built-in policy.
func builtinDefinitions(t *testing.T) []*Definition {
	var out []*Definition
	for _, p := range policy.Builtin().All() {
		d, err := NewDefinition(p)
		require.NoError(t, err, p.ID())
		out = append(out, d)
	}
	return out
}

// TestRefusalField: a refusal about one field of the event names it, by
// its case-file name; one about the event as a whole names none.
func TestRefusalField(t *testing.T) {
	eng, err := NewEngine(policy.Builtin(), Options{})
	require.NoError(t, err)
	c, err := eng.NewCase(Header{Policy: policy.FederalAct2022, Parties: Parties{Complainant: Party{Relationship: policy.Employee}}})
	require.NoError(t, err)
	day, before := civil.MustParse("2026-03-02"), civil.MustParse("2026-03-01")
	require.NoError(t, c.Apply(Event{Type: FileComplaint, On: day, By: Complainant}))
	for _, tc := range []struct {
		name  string
		ev    Event
		field string
	}{
		{"an actor the table does not allow", Event{Type: CommunicateCharges, On: day, By: Accused}, "by"},
		{"before the last event", Event{Type: CommunicateCharges, On: before, By: InquiryCommittee}, "on"},
		{"received before done", Event{Type: AddNote, On: day, By: InquiryCommittee, ReceivedOn: before}, "received_on"},
		{"a field the type does not take", Event{Type: AddNote, On: day, By: InquiryCommittee, Finding: Guilty}, "finding"},
		{"no reasons for a dismissal", Event{Type: DismissAtAdmission, On: day, By: InquiryCommittee}, "reason"},
		{"no chair named", Event{Type: DesignateChair, On: day, By: InquiryCommittee}, "member"},
		{"voiding no earlier event", Event{Type: VoidEvent, On: day, By: InquiryCommittee, Voids: 9, Reason: "typo"}, "voids"},
		{"a step not possible now", Event{Type: Decide, On: day, By: CompetentAuthority}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := errors.AsType[*Refusal](c.Check(tc.ev))
			require.True(t, ok, "Check(%+v) refuses", tc.ev)
			assert.Equal(t, tc.field, r.Field, "%s: %s", r.Code, r.Message)
			assert.Equal(t, tc.field, r.For(Accused).Field, "a role's reading keeps the field")
		})
	}
}
