package simulate

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hifazat/hifazat/internal/strictyaml"
	"github.com/hifazat/hifazat/policy"
	"go.yaml.in/yaml/v3"
)

// overlayRef is what decoding found under "overlay": the overlay itself,
// or the name of a file holding it.
type overlayRef struct {
	overlay *policy.Overlay
	file    string
	line    int
}

// decodeScenario reads a YAML or JSON scenario on top of DefaultScenario
// (see Scenario for how sections replace the default's). It checks the
// form only: unknown fields, duplicate keys, wrong types, more than one
// document. Validation is Simulator.Validate's job.
func decodeScenario(data []byte) (Scenario, overlayRef, error) {
	root, err := strictyaml.Parse(data)
	if err != nil {
		return Scenario{}, overlayRef{}, scenarioError(err)
	}
	if root.Kind != yaml.MappingNode {
		return Scenario{}, overlayRef{}, &ScenarioError{Reason: fmt.Sprintf("line %d: want a mapping of section names to values", root.Line)}
	}
	sc := DefaultScenario()
	sc.Name = "" // a file's scenario is not the default one
	var ref overlayRef
	policyGiven := false
	// Each section given replaces the default's (strictyaml decodes a
	// field afresh), but for the overlay and the delays.
	err = strictyaml.DecodeNode(root, "", &sc, func(field any, path string, n *yaml.Node) (bool, error) {
		switch field {
		case &sc.Overlay:
			return true, decodeOverlay(n, &ref)
		case &sc.Delays:
			// Each step given replaces the default's step.
			return true, strictyaml.DecodeNode(n, path, &sc.Delays, nil)
		case &sc.Policy:
			policyGiven = true
		}
		return false, nil
	})
	if err != nil {
		return Scenario{}, overlayRef{}, scenarioError(err)
	}
	if (ref.overlay != nil || ref.file != "") && !policyGiven {
		sc.Policy = "" // the overlay names its base; the default's policy steps aside
	}
	sc.Overlay = ref.overlay
	return sc, ref, nil
}

// scenarioError turns the decoder's *strictyaml.FieldError into a
// *ScenarioError (which does not wrap it: the decoder's type stays inside
// the module). Other errors, decodeOverlay's, are *ScenarioErrors already.
func scenarioError(err error) error {
	fe, ok := err.(*strictyaml.FieldError) // strictyaml returns its own errors unwrapped
	if !ok {
		return err
	}
	local := *fe
	if local.Err != nil {
		// An UnmarshalText's error: its package's prefix would follow ours.
		for _, prefix := range []string{"simulate: ", "civil: ", "policy: "} {
			local.Reason = strings.TrimPrefix(local.Reason, prefix)
		}
	}
	return &ScenarioError{Field: local.Field, Reason: local.Detail()}
}

// decodeOverlay reads the overlay section: a mapping is the overlay
// itself, read by policy.ParseOverlay; a string names an overlay file.
func decodeOverlay(n *yaml.Node, ref *overlayRef) error {
	switch {
	case isNull(n):
		return nil
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str":
		ref.file, ref.line = n.Value, n.Line
		return nil
	case n.Kind != yaml.MappingNode:
		return &ScenarioError{Field: "overlay", Reason: fmt.Sprintf("line %d: want an overlay (a mapping) or the name of an overlay file", n.Line)}
	}
	blockStyle(n)
	data, err := yaml.Marshal(n)
	if err != nil {
		return &ScenarioError{Field: "overlay", Reason: err.Error()}
	}
	o, err := policy.ParseOverlay(data)
	if err != nil {
		return overlayError(err)
	}
	ref.overlay = &o
	return nil
}

// overlayError names the overlay field at fault in the scenario's terms.
func overlayError(err error) error {
	var me *policy.MalformedOverlayError
	if errors.As(err, &me) {
		field := "overlay"
		if me.Field != "" {
			field += "." + me.Field
		}
		return &ScenarioError{Field: field, Reason: me.Reason, Err: err}
	}
	return &ScenarioError{Field: "overlay", Reason: strings.TrimPrefix(err.Error(), "policy: "), Err: err}
}

// blockStyle turns flow collections ({...}, [...]) into block ones, so that
// the overlay re-encoded for policy.ParseOverlay is YAML, never mistaken
// for JSON.
func blockStyle(n *yaml.Node) {
	n.Style &^= yaml.FlowStyle
	for _, c := range n.Content {
		blockStyle(c)
	}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// WriteScenario writes sc as YAML in the file form [Simulator.Parse]
// reads back to the same scenario: `hifazat simulate --print-scenario`
// prints the default this way, for a researcher to start from.
func WriteScenario(w io.Writer, sc Scenario) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(sc); err != nil {
		return fmt.Errorf("simulate: %w", err)
	}
	return enc.Close()
}
