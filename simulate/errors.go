package simulate

import (
	"errors"
	"strings"
)

// Sentinel errors. A [*ScenarioError] matches [ErrInvalidScenario];
// cancelling a run's context gives an error matching context.Canceled.
var (
	// ErrInvalidScenario: a scenario file could not be read, or a scenario
	// breaks a rule of [Scenario]'s documentation (a negative rate, shares
	// that do not sum to one, an unknown policy or calendar, a period the
	// calendar does not cover).
	ErrInvalidScenario = errors.New("simulate: invalid scenario")
	// ErrSimulation: the rules refused to compute something a simulated
	// case needed (a bug in the scenario's interplay with the rules, never
	// a refused act, which is counted instead). The error says which case.
	ErrSimulation = errors.New("simulate: simulation failed")
)

// ScenarioError says what is wrong with a scenario: the field, by its path
// in the file's names ("delays.charges.median", "complainants.student"), or
// "" for the document as a whole, and the reason. Err is an underlying
// error of another package (policy's, for an overlay), or nil.
type ScenarioError struct {
	Field  string
	Reason string
	Err    error
}

// Error formats the error as
// "simulate: invalid scenario: field routes: shares sum to 1.2 (want 1)".
func (e *ScenarioError) Error() string {
	var b strings.Builder
	b.WriteString("simulate: invalid scenario: ")
	if e.Field != "" {
		b.WriteString("field " + e.Field + ": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns [ErrInvalidScenario] and Err, if any.
func (e *ScenarioError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalidScenario}
	}
	return []error{ErrInvalidScenario, e.Err}
}
