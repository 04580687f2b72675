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
	// RehashEvent replaces the event at Version with Forged and stores its
	// hash recomputed over the row's previous hash (storekit.Chain, as a
	// forger without the chain key can), leaving the later rows alone.
	RehashEvent
	// TruncateRollback deletes the rows after Version and sets the case's
	// version, head and index (its row and deadline rows) back to what
	// they were at Version: a consistent, older case.
	TruncateRollback
	// DeleteCase deletes the case: its row, its events and its index.
	DeleteCase
	// ModifyState sets the state the case's row records to closed.
	ModifyState
	// ModifyDeadlineIndex deletes the case's rows of open deadlines, so
	// that List's overdue query misses it.
	ModifyDeadlineIndex
	// ModifyEventIndex changes the actor column stored beside the event at
	// Version (not its body).
	ModifyEventIndex
)

var editNames = [...]string{"", "modify_event", "delete_event", "delete_event_leave_gap", "insert_event", "swap_events", "modify_header", "delete_last_event",
	"rehash_event", "truncate_rollback", "delete_case", "modify_state", "modify_deadline_index", "modify_event_index"}

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
	// At is the case as it was at Version (for TruncateRollback).
	At casestore.Case
}

// runTamper writes a six-event case, tampers with it in each way, and checks
// that Verify names the first bad event and what is wrong with it, that
// Load and Apply refuse the case, and which changes only a receipt taken
// before them reveals. The table is the one in the package doc.
func runTamper(t *testing.T, h Harness) {
	forged := ev(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"forged"}`)
	tests := []struct {
		name    string
		edit    Edit
		kind    casestore.TamperKind // casestore.Intact: the chain holds; only the receipt fails
		version int64
		gone    bool // the case is gone: Verify and Load say ErrNotFound
	}{
		{"modify", Edit{Kind: ModifyEvent, Version: 3}, casestore.Modified, 3, false},
		{"modify_first", Edit{Kind: ModifyEvent, Version: 1}, casestore.Modified, 1, false},
		{"rehash", Edit{Kind: RehashEvent, Version: 3, Forged: forged}, casestore.Modified, 3, false},
		{"rehash_first", Edit{Kind: RehashEvent, Version: 1, Forged: forged}, casestore.Modified, 1, false},
		{"delete", Edit{Kind: DeleteEvent, Version: 3}, casestore.Deleted, 3, false},
		{"delete_first", Edit{Kind: DeleteEvent, Version: 1}, casestore.Deleted, 1, false},
		{"delete_gap", Edit{Kind: DeleteEventLeaveGap, Version: 4}, casestore.Deleted, 4, false},
		{"delete_last", Edit{Kind: DeleteLastEvent, Version: 6}, casestore.Deleted, 6, false},
		{"insert", Edit{Kind: InsertEvent, Version: 4, Forged: forged}, casestore.Inserted, 4, false},
		{"insert_last", Edit{Kind: InsertEvent, Version: 7, Forged: forged}, casestore.Inserted, 7, false},
		{"swap", Edit{Kind: SwapEvents, Version: 3}, casestore.Reordered, 3, false},
		{"swap_last", Edit{Kind: SwapEvents, Version: 5}, casestore.Reordered, 5, false},
		{"header", Edit{Kind: ModifyHeader}, casestore.CaseModified, 0, false},
		{"state", Edit{Kind: ModifyState}, casestore.IndexModified, 0, false},
		{"deadline_index", Edit{Kind: ModifyDeadlineIndex}, casestore.IndexModified, 0, false},
		{"event_index", Edit{Kind: ModifyEventIndex, Version: 2}, casestore.IndexModified, 2, false},
		{"truncate_rollback", Edit{Kind: TruncateRollback, Version: 2}, casestore.Intact, 0, false},
		{"delete_case", Edit{Kind: DeleteCase}, casestore.Intact, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := h.New(t)
			t.Cleanup(func() { s.Close() })
			filed(t, s, "case-0") // a case nobody touches
			filed(t, s, "case-1")
			at, err := s.Append(ctx, "case-1", 1, ev(charges))
			require.NoError(t, err, "Append(case-1, charges)")
			c, err := s.Append(ctx, "case-1", 2, note(1), note(2), note(3), note(4))
			require.NoError(t, err, "Append(case-1)")
			receipt := c.Receipt()
			e := tt.edit
			switch e.Kind {
			case InsertEvent:
				e.Prev = c.Records[e.Version-2].Hash
			case TruncateRollback:
				e.At = at
			}
			h.Tamper(t, s, "case-1", e)

			v, err := s.Verify(ctx, "case-1")
			_, loadErr := s.Load(ctx, "case-1")
			_, applyErr := s.Apply(ctx, "case-1", note(5))
			rerr := casestore.CheckReceipt(ctx, s, receipt)
			assert.ErrorIs(t, rerr, casestore.ErrReceipt, "the receipt after %s", tt.name)
			checkListed(t, s, tt.name, tt.gone, tt.kind != casestore.Intact)
			if tt.gone {
				assert.ErrorIs(t, err, casestore.ErrNotFound, "Verify after %s", tt.name)
				assert.ErrorIs(t, loadErr, casestore.ErrNotFound, "Load after %s", tt.name)
				return
			}
			require.NoError(t, err, "Verify after %s", tt.name)
			assert.Equal(t, tt.kind, v.Problem.Kind, "Verify after %s: %v", tt.name, v)
			assert.Equal(t, tt.version, v.Problem.Version, "Verify after %s: %v", tt.name, v)
			if tt.kind == casestore.Intact {
				assert.NoError(t, loadErr, "Load after %s", tt.name)
				return
			}
			var te *casestore.TamperedError
			if assert.ErrorAs(t, loadErr, &te, "Load after %s", tt.name) {
				assert.Equal(t, v.Problem, te.Verification.Problem, "Load and Verify after %s", tt.name)
			}
			assert.ErrorIs(t, applyErr, casestore.ErrCorrupt, "Apply after %s", tt.name)
		})
	}
}

// checkListed checks an unfiltered List after tampering with case-1: the
// untouched case-0 is listed as sound, case-1 not at all when gone, and
// marked Tampered exactly when its record was altered (not for a consistent
// rollback, which only a receipt reveals).
func checkListed(t *testing.T, s casestore.Store, name string, gone, tampered bool) {
	t.Helper()
	list, err := s.List(context.Background(), casestore.Filter{})
	require.NoError(t, err, "List after %s", name)
	got := map[string]bool{}
	for _, sum := range list {
		got[sum.ID] = sum.Tampered
	}
	want := map[string]bool{"case-0": false, "case-1": tampered}
	if gone {
		delete(want, "case-1")
	}
	assert.Equal(t, want, got, "List after %s: case id -> Tampered", name)
}
