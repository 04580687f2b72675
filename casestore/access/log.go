package access

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
)

// Entry is one read or write of a case, as the access log keeps it. Its
// JSON names are a public contract.
type Entry struct {
	Seq   int64     `json:"seq"`  // 1 for the log's first entry
	At    time.Time `json:"at"`   // when, in UTC, by the Guard's clock
	Case  string    `json:"case"` // the case read
	Actor Actor     `json:"actor"`
	// As is the role the case gave the actor; zero when refused, for an
	// administrative actor's whole-case read and for statistics.
	As casefsm.Role `json:"as,omitzero"`
	// What was asked. Reads: "view" and "status" (the case as a role
	// reads it), "statistics", "export" and "rejudge" (whole, by an
	// administrative actor; "status" too when one reads it whole), "list"
	// (the case's summary in a list), "access" (the log itself). Writes:
	// "create" and "append"; by an administrative actor, "erase", "hold"
	// and "release".
	What string `json:"what"`
	// Outcome: "read" or "written"; "denied" (by the rules of the
	// package); "refused" (a write the law refused, or an erasure or hold the
	// store's retention rules refused); "failed" (the case
	// could not be loaded or written: missing, or altered).
	Outcome string         `json:"outcome"`
	Prev    casestore.Hash `json:"prev"` // the previous entry's hash; zero for the first
	Hash    casestore.Hash `json:"hash"` // Chain(Prev, the entry)
}

// Chain returns the hash of e after the entry whose hash is prev: SHA-256
// over "hifazat/access/v1", prev, e's sequence number and the JSON of e
// without its Prev and Hash.
func Chain(prev casestore.Hash, e Entry) casestore.Hash {
	e.Prev, e.Hash = casestore.Hash{}, casestore.Hash{}
	b, err := json.Marshal(e)
	if err != nil {
		panic(fmt.Sprintf("access: an entry always marshals: %v", err))
	}
	d := sha256.New()
	d.Write([]byte("hifazat/access/v1\x00"))
	d.Write(prev[:])
	var seq [8]byte
	binary.BigEndian.PutUint64(seq[:], uint64(e.Seq))
	d.Write(seq[:])
	d.Write(b)
	var h casestore.Hash
	d.Sum(h[:0])
	return h
}

// Log keeps the access log: append-only, one chain over every case's
// entries. Implementations are safe for concurrent use.
type Log interface {
	// Append gives e the next sequence number and the chain's hashes and
	// stores it, returning it as stored.
	Append(ctx context.Context, e Entry) (Entry, error)
	// Entries returns the entries of case id ("" for all), in order.
	Entries(ctx context.Context, id string) ([]Entry, error)
}

// Seal sets e's Seq, Prev and Hash to follow last (the zero Entry for an
// empty log). Log implementations call it inside their write.
func Seal(last, e Entry) Entry {
	e.Seq, e.Prev = last.Seq+1, last.Hash
	e.Hash = Chain(e.Prev, e)
	return e
}

// VerifyLog walks entries, the whole log in order, and returns the
// sequence number of the first entry that was changed, removed, inserted
// or moved, or 0 if there is none.
func VerifyLog(entries []Entry) int64 {
	var prev casestore.Hash
	for i, e := range entries {
		if e.Seq != int64(i+1) || e.Prev != prev || Chain(prev, e) != e.Hash {
			return int64(i + 1)
		}
		prev = e.Hash
	}
	return 0
}

// Memory is an access log in memory, for tests and the memory store.
type Memory struct {
	mu      sync.Mutex
	entries []Entry
}

// Append implements [Log].
func (m *Memory) Append(_ context.Context, e Entry) (Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var last Entry
	if n := len(m.entries); n > 0 {
		last = m.entries[n-1]
	}
	e = Seal(last, e)
	m.entries = append(m.entries, e)
	return e, nil
}

// Entries implements [Log].
func (m *Memory) Entries(_ context.Context, id string) ([]Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Entry
	for _, e := range m.entries {
		if id == "" || e.Case == id {
			out = append(out, e)
		}
	}
	return out, nil
}
