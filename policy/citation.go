package policy

import (
	"github.com/hifazat/hifazat/internal/enum"
)

// Confidence is how sure the project is of a rule: whether the
// text itself was read (High), a secondary source reported it (Medium), or it
// is inferred or contested (Low). Values are persisted; never reorder them.
type Confidence uint8

const (
	// ConfidenceUnknown is the zero Confidence: not stated. Built-in policies
	// never use it.
	ConfidenceUnknown Confidence = iota
	High
	Medium
	Low
)

var confidenceNames = enum.New[Confidence]("policy", "confidence", "unknown", "high", "medium", "low")

// String returns "high", "medium" or "low", "unknown" for the zero value
// (not stated), or "%!Confidence(N)" out of range.
func (c Confidence) String() string { return confidenceNames.String(c) }

// MarshalText implements encoding.TextMarshaler; a value with no name fails.
func (c Confidence) MarshalText() ([]byte, error) { return confidenceNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler; text that names no
// value is an error listing the names.
func (c *Confidence) UnmarshalText(b []byte) error { return confidenceNames.Unmarshal(c, b) }

// Citation says where a rule comes from, so that a lawyer can check it
// against the text.
//
// The zero Citation cites nothing; every rule of a built-in policy carries a
// non-empty Section and a known Confidence.
type Citation struct {
	// Section is the provision, in the project's notation: "s.4(1)(a)",
	// "Code (vii)", "Rules 2013 r.4(3)", "FOIRA 2013", "interpretation 9".
	Section string `json:"section" yaml:"section"`
	// Confidence is the project's confidence in the rule as encoded.
	Confidence Confidence `json:"confidence" yaml:"confidence"`
	// Inherited is true where a provincial or institutional policy takes the
	// rule from the federal text because its own text was not read.
	Inherited bool `json:"inherited,omitempty" yaml:"inherited,omitempty"`
	// Note explains an uncertainty or an interpretation, in one sentence.
	Note string `json:"note,omitempty" yaml:"note,omitempty"`
}

// String formats c as its section followed by its confidence, for example
// "s.4(1)(a) [high]", with ", inherited" where the rule is inherited.
func (c Citation) String() string {
	s := c.Section + " [" + c.Confidence.String()
	if c.Inherited {
		s += ", inherited"
	}
	return s + "]"
}

// Param is one parameter of a policy together with the citation that
// supports its value. Every number, role and route a case depends on is a
// Param, so nothing numeric is uncited.
type Param[T any] struct {
	Value    T        `json:"value" yaml:"value"`
	Citation Citation `json:"citation" yaml:"citation"`
}
