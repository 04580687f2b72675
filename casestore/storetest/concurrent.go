package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	writers         = 32
	sharedCases     = 8
	appendsEach     = 6
	maxAttemptsEach = 200
)

// testConcurrentWriters has 32 writers append notes to 8 shared cases at
// once. Each writer reads, appends at the version it read, and on a
// conflict reads again. Every acknowledged event must be stored exactly once
// at the version the store acknowledged, versions must be contiguous, and
// the first round, in which four writers per case all read version 1, must
// report conflicts.
func testConcurrentWriters(t *testing.T, s casestore.Store) {
	ctx := context.Background()
	for c := range sharedCases {
		filed(t, s, caseName(c))
	}
	var (
		acks      = make(chan ack, writers*appendsEach)
		conflicts atomic.Int64
		ready     sync.WaitGroup // everyone has read version 1
		start     = make(chan struct{})
		wg        sync.WaitGroup
		failures  = make(chan error, writers)
	)
	ready.Add(writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := caseName(w % sharedCases)
			first := true
			for n := range appendsEach {
				e := ev(fmt.Sprintf(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"writer %d append %d"}`, w, n))
				done := false
				for attempt := 0; !done && attempt < maxAttemptsEach; attempt++ {
					c, err := s.Load(ctx, id)
					if err != nil {
						failures <- fmt.Errorf("writer %d: Load(%s): %w", w, id, err)
						return
					}
					if first {
						ready.Done()
						<-start
						first = false
					}
					got, err := s.Append(ctx, id, c.Version(), e)
					switch {
					case errors.Is(err, casestore.ErrConflict):
						conflicts.Add(1)
					case err != nil:
						failures <- fmt.Errorf("writer %d: Append(%s, %d): %w", w, id, c.Version(), err)
						return
					default:
						acks <- ack{id: id, version: got.Version(), event: e}
						done = true
					}
				}
				if !done {
					failures <- fmt.Errorf("writer %d: no append succeeded in %d attempts", w, maxAttemptsEach)
					return
				}
			}
		}()
	}
	ready.Wait()
	close(start)
	wg.Wait()
	close(acks)
	close(failures)
	for err := range failures {
		t.Error(err)
	}
	// In the first round the four writers of each case read version 1; at
	// most one of them can have appended at it.
	assert.GreaterOrEqual(t, conflicts.Load(), int64(sharedCases*(writers/sharedCases-1)), "conflicts reported")

	var all []ack
	for a := range acks {
		all = append(all, a)
	}
	ids := make([]string, sharedCases)
	for c := range ids {
		ids[c] = caseName(c)
	}
	checkAcknowledged(t, s, ids, all)
}

// ack is an append a store acknowledged: the case, the version and event it
// reported, and, from writer processes, the hash (empty when not reported).
type ack struct {
	id      string
	version int64
	hash    string
	event   casefsm.Event
}

// checkAcknowledged checks that cases ids hold every acknowledged append
// exactly once, at the version (and hash) acknowledged, after the filing
// event; that their versions are contiguous and chained; and that Verify
// finds them intact.
func checkAcknowledged(t *testing.T, s casestore.Store, ids []string, acks []ack) {
	t.Helper()
	byCase := map[string][]ack{}
	for _, a := range acks {
		byCase[a.id] = append(byCase[a.id], a)
	}
	for _, id := range ids {
		got := load(t, s, id)
		checkChain(t, got)
		require.Equal(t, int64(1+len(byCase[id])), got.Version(), "case %s: version after %d acknowledged appends", id, len(byCase[id]))
		seen := map[string]int{} // notes are unique per append
		for _, r := range got.Records[1:] {
			seen[r.Event.Note]++
		}
		for _, a := range byCase[id] {
			r := got.Records[a.version-1]
			assert.Equal(t, a.event, r.Event, "case %s: the event acknowledged at version %d", id, a.version)
			if a.hash != "" {
				assert.Equal(t, a.hash, r.Hash.String(), "case %s: the hash acknowledged at version %d", id, a.version)
			}
			assert.Equal(t, 1, seen[a.event.Note], "case %s: copies of %q", id, a.event.Note)
		}
		v, err := s.Verify(context.Background(), id)
		require.NoError(t, err, "Verify(%s)", id)
		assert.True(t, v.Intact(), "Verify(%s) = %v", id, v)
	}
}

func caseName(i int) string { return fmt.Sprintf("shared-%d", i) }
