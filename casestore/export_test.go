package casestore

// Hooks for the external tests: the fast paths and their slow references.
var (
	IsCanonical   = isCanonical
	CanonicalSlow = canonicalSlow
)

// Members returns the members of the canonical JSON object c as keys (their
// literals, without quotes) and values.
func Members(c []byte) (keys, values []string) {
	for _, m := range members(c) {
		keys, values = append(keys, string(m.key)), append(values, string(m.value))
	}
	return keys, values
}
