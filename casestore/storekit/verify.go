package storekit

import (
	"fmt"

	"github.com/hifazat/hifazat/civil"

	"github.com/hifazat/hifazat/casestore"
)

// StoredCase is a case as a store holds it, read without trusting it: the
// input of [VerifyStored]. Store implementations read their rows into it.
type StoredCase struct {
	ID      string
	Header  []byte         // the header's JSON as stored
	Genesis casestore.Hash // the genesis hash recorded when the case was created
	Version int64          // the case's version as recorded with it
	Head    casestore.Hash // the head hash recorded with the case
	Rows    []StoredRow    // the event rows, in stored version order
	// Due holds the open deadlines a store indexes apart from the case
	// row, as "RULE DUE" in due order, when it keeps such an index (nil
	// when it does not): [Kit.Load] checks them against the events.
	Due []string
	// Key is the case's key as the deployment's key wrapped it: nil for a
	// case stored in clear, or erased.
	Key []byte
	// Erased is the day the case was erased (its Key destroyed); the zero
	// Date if it was not.
	Erased civil.Date
}

// StoredRow is one stored event, read without trusting it.
type StoredRow struct {
	Version int64          // the version number stored with the row
	Event   []byte         // the event's JSON as stored
	Prev    casestore.Hash // the previous hash stored with the row
	Hash    casestore.Hash // the hash stored with the row
	// Index holds the columns a store indexes the event by, beside its
	// body, as the type, date and actor's text (nil when it keeps none):
	// [Kit.Load] checks them against the body.
	Index []string
}

// VerifyStored walks the unkeyed hash chain of s (see [Hasher.VerifyStored]).
func VerifyStored(s StoredCase) casestore.Verification { return Hasher{}.VerifyStored(s) }

// VerifyStored walks the hash chain of s and reports the first event that
// was modified, deleted, inserted or reordered. It is the check behind every
// Store's Verify, exported so that an integrator's own store (or an auditor
// with a database dump) can run it.
func (h Hasher) VerifyStored(s StoredCase) casestore.Verification {
	v := casestore.Verification{Case: s.ID, Version: s.Version}
	v.Head, v.Problem = h.walk(s)
	return v
}

// walk returns the head hash of the intact prefix of s and the first problem.
func (h Hasher) walk(s StoredCase) (casestore.Hash, casestore.Problem) {
	prev := h.Genesis(s.ID, s.Header)
	if prev != s.Genesis {
		return prev, problem(casestore.CaseModified, 0, "the case header does not match the hash recorded when the case was created")
	}
	rows := s.Rows
	for i, r := range rows {
		want := int64(i + 1)
		if r.Prev == prev && r.Version == want && h.Chain(prev, want, r.Event) == r.Hash {
			prev = r.Hash
			continue
		}
		return prev, h.diagnose(rows, i, prev)
	}
	n := int64(len(rows))
	switch {
	case n < s.Version:
		return prev, problem(casestore.Deleted, n+1, fmt.Sprintf("the case records %d events but only %d are stored", s.Version, n))
	case n > s.Version:
		return prev, problem(casestore.Inserted, s.Version+1, fmt.Sprintf("the case records %d events but %d are stored", s.Version, n))
	case prev != s.Head:
		return prev, problem(casestore.CaseModified, 0, "the head hash recorded with the case does not match its events (the head was edited, or the last event rewritten with a new hash)")
	}
	return prev, casestore.Problem{}
}

func problem(k casestore.TamperKind, v int64, detail string) casestore.Problem {
	return casestore.Problem{Kind: k, Version: v, Detail: detail}
}

// diagnose explains why rows[i] does not continue the chain whose last good
// hash is prev. Each link covers its version, so a row can be checked on
// its own (does its hash match its previous hash, version and content?),
// which tells a row rewritten from one moved.
func (h Hasher) diagnose(rows []StoredRow, i int, prev casestore.Hash) casestore.Problem {
	r, want := rows[i], int64(i+1)
	selfAt := func(r StoredRow, v int64) bool { return h.Chain(r.Prev, v, r.Event) == r.Hash }
	nextChainsToPrev := i+1 < len(rows) && rows[i+1].Prev == prev
	if r.Prev == prev {
		// Linked correctly, but its content or number is not what was hashed.
		if nextChainsToPrev {
			return problem(casestore.Inserted, want, "the next event chains to the event before this one")
		}
		for j, o := range rows {
			if j != i && h.Chain(o.Prev, int64(j+1), r.Event) == o.Hash {
				return problem(casestore.Reordered, want, fmt.Sprintf("its content was written as the event at position %d", j+1))
			}
		}
		if r.Version != want && selfAt(r, want) {
			return problem(casestore.Modified, want, fmt.Sprintf("the event at position %d is stored as version %d", want, r.Version))
		}
		return problem(casestore.Modified, want, "its content does not match its hash")
	}
	for j := i + 1; j < len(rows); j++ {
		if rows[j].Hash == r.Prev {
			return problem(casestore.Reordered, want, fmt.Sprintf("it was written after the event now at position %d", j+1))
		}
	}
	if i > 0 && rows[i-1].Prev == r.Prev {
		// Two rows claim the same predecessor: the one before this one,
		// which chained correctly, was not written by the store.
		return problem(casestore.Inserted, want-1, "it and this event both claim to follow the same event")
	}
	if nextChainsToPrev {
		return problem(casestore.Inserted, want, "the next event chains to the event before this one")
	}
	if i > 0 && selfAt(r, want) {
		// This row is as written at its place, but the row before it is
		// not the one it was chained to: that row was rewritten, its hash
		// recomputed.
		return problem(casestore.Modified, want-1, "its content was rewritten and its hash recomputed: the next event still chains to the hash it was written with")
	}
	return problem(casestore.Deleted, want, "the event written before it is missing")
}
