package casefsm

import (
	"slices"
	"testing"

	"github.com/hifazat/hifazat/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowLookup is the obviously correct reading of the table: scan every row.
func slowLookup(d *Definition, r Route, s State, e EventType) (int, bool) {
	for i, t := range d.rows {
		if t.Event == e && slices.Contains(t.From, s) && (t.Route == NoRoute || t.Route == r) {
			return i, true
		}
	}
	return 0, false
}

// slowFuture answers "can e still happen from s on route r without a
// remand" by a depth-first search over the rows.
func slowFuture(d *Definition, r Route, s State, e EventType, seen map[State]bool) bool {
	if seen[s] {
		return false
	}
	seen[s] = true
	for _, t := range d.rows {
		if !slices.Contains(t.From, s) || (t.Route != NoRoute && t.Route != r) {
			continue
		}
		if t.Event == e {
			return true
		}
		if t.Moves() && t.Event != Remand && slowFuture(d, r, t.To, e, seen) {
			return true
		}
	}
	return false
}

// TestCompiledTablesAgreeWithSlowOracle checks the precomputed lookup and
// future tables of every built-in policy against plain scans of the rows.
func TestCompiledTablesAgreeWithSlowOracle(t *testing.T) {
	for _, p := range policy.Builtin().All() {
		d, err := NewDefinition(p)
		require.NoError(t, err, "NewDefinition(%s)", p.ID())
		for r := NoRoute; r < routeEnd; r++ {
			for _, s := range States() {
				for _, e := range EventTypes() {
					gi, gok := d.lookup(r, s, e)
					wi, wok := slowLookup(d, r, s, e)
					require.Equal(t, wok, gok, "%s: lookup(%s, %s, %s)", p.ID(), r, s, e)
					if wok {
						assert.Equal(t, wi, gi, "%s: lookup(%s, %s, %s)", p.ID(), r, s, e)
					}
					assert.Equal(t, slowFuture(d, r, s, e, map[State]bool{}), d.future[r][s][e], "%s: future(%s, %s, %s)", p.ID(), r, s, e)
				}
			}
		}
	}
}
