package storetest

import (
	"context"
	"strconv"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// EditKind is a way of tampering with a stored case.
type EditKind uint8

const (
	// ModifyEvent changes the JSON of the event at Version (its note), and
	// nothing else.
	ModifyEvent EditKind = iota + 1
	// DeleteEvent deletes the row at Version and renumbers the later rows
	// down, so that versions stay contiguous; the case's version and head
	// are lowered to match, as a careful forger would.
	DeleteEvent
	// DeleteEventLeaveGap deletes the row at Version and nothing else.
	DeleteEventLeaveGap
	// InsertEvent inserts Forged at Version, with a correct hash over the
	// previous row's hash (Prev), renumbering the later rows up; the case's
	// recorded version and head stay as they were.
	InsertEvent
	// SwapEvents exchanges the whole rows at Version and Version+1 (hashes
	// included), by swapping their version numbers.
	SwapEvents
	// ModifyHeader changes the case's header (its incident date).
	ModifyHeader
	// DeleteLastEvent deletes the last row, leaving the case's version and
	// head as they were.
	DeleteLastEvent
)

var editNames = [...]string{"", "modify_event", "delete_event", "delete_event_leave_gap", "insert_event", "swap_events", "modify_header", "delete_last_event"}

// String returns the edit's name, such as "swap_events", or
// "%!EditKind(N)" for a value that is not an edit.
func (k EditKind) String() string {
	if k > 0 && int(k) < len(editNames) {
		return editNames[k]
	}
	return "%!EditKind(" + strconv.Itoa(int(k)) + ")"
}

// Edit says how a Harness's Tamper function must change a stored case.
type Edit struct {
	Kind    EditKind
	Version int64
	// Forged is the event InsertEvent inserts, its hash the chain hash over
	// the hash of the row before it and its body.
	Forged casefsm.Event
	// Prev is the hash of the row before Version (for InsertEvent).
	Prev casestore.Hash
}

// runTamper writes a six-event case, tampers with it in each way, and checks
// that Verify names the first bad event and what is wrong with it.
func runTamper(t *testing.T, h Harness) {
	forged := ev(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"forged"}`)
	tests := []struct {
		name    string
		edit    Edit
		kind    casestore.TamperKind
		version int64
	}{
		{"modify", Edit{Kind: ModifyEvent, Version: 3}, casestore.Modified, 3},
		{"modify_first", Edit{Kind: ModifyEvent, Version: 1}, casestore.Modified, 1},
		{"delete", Edit{Kind: DeleteEvent, Version: 3}, casestore.Deleted, 3},
		{"delete_first", Edit{Kind: DeleteEvent, Version: 1}, casestore.Deleted, 1},
		{"delete_gap", Edit{Kind: DeleteEventLeaveGap, Version: 4}, casestore.Deleted, 4},
		{"delete_last", Edit{Kind: DeleteLastEvent, Version: 6}, casestore.Deleted, 6},
		{"insert", Edit{Kind: InsertEvent, Version: 4, Forged: forged}, casestore.Inserted, 4},
		{"insert_last", Edit{Kind: InsertEvent, Version: 7, Forged: forged}, casestore.Inserted, 7},
		{"swap", Edit{Kind: SwapEvents, Version: 3}, casestore.Reordered, 3},
		{"swap_last", Edit{Kind: SwapEvents, Version: 5}, casestore.Reordered, 5},
		{"header", Edit{Kind: ModifyHeader}, casestore.CaseModified, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := h.New(t)
			t.Cleanup(func() { s.Close() })
			filed(t, s, "case-1")
			c, err := s.Append(ctx, "case-1", 1, ev(charges), note(1), note(2), note(3), note(4))
			require.NoError(t, err, "Append(case-1)")
			e := tt.edit
			if e.Kind == InsertEvent {
				e.Prev = c.Records[e.Version-2].Hash
			}
			h.Tamper(t, s, "case-1", e)
			v, err := s.Verify(ctx, "case-1")
			require.NoError(t, err, "Verify after %s", tt.name)
			assert.Equal(t, tt.kind, v.Problem.Kind, "Verify after %s: %v", tt.name, v)
			assert.Equal(t, tt.version, v.Problem.Version, "Verify after %s: %v", tt.name, v)
			assert.False(t, v.Intact(), "Verify after %s reports intact", tt.name)
		})
	}
}
