package storekit

import (
	"fmt"

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
}

// StoredRow is one stored event, read without trusting it.
type StoredRow struct {
	Version int64          // the version number stored with the row
	Event   []byte         // the event's JSON as stored
	Prev    casestore.Hash // the previous hash stored with the row
	Hash    casestore.Hash // the hash stored with the row
}

// VerifyStored walks the hash chain of s and reports the first event that
// was modified, deleted, inserted or reordered. It is the check behind every
// Store's Verify, exported so that an integrator's own store (or an auditor
// with a database dump) can run it.
func VerifyStored(s StoredCase) casestore.Verification {
	v := casestore.Verification{Case: s.ID, Version: s.Version}
	v.Head, v.Problem = walk(s)
	return v
}

// walk returns the head hash of the intact prefix of s and the first problem.
func walk(s StoredCase) (casestore.Hash, casestore.Problem) {
	prev := Genesis(s.ID, s.Header)
	if prev != s.Genesis {
		return prev, casestore.Problem{Kind: casestore.CaseModified, Version: 0, Detail: "the case header does not match the hash recorded when the case was created"}
	}
	rows := s.Rows
	for i, r := range rows {
		want := int64(i + 1)
		if r.Prev == prev && Chain(prev, r.Event) == r.Hash {
			if r.Version != want {
				return prev, casestore.Problem{Kind: casestore.Modified, Version: want, Detail: fmt.Sprintf("the event at position %d is stored as version %d", want, r.Version)}
			}
			prev = r.Hash
			continue
		}
		return prev, diagnose(rows, i, prev)
	}
	n := int64(len(rows))
	switch {
	case n < s.Version:
		return prev, casestore.Problem{Kind: casestore.Deleted, Version: n + 1, Detail: fmt.Sprintf("the case records %d events but only %d are stored", s.Version, n)}
	case n > s.Version:
		return prev, casestore.Problem{Kind: casestore.Inserted, Version: s.Version + 1, Detail: fmt.Sprintf("the case records %d events but %d are stored", s.Version, n)}
	case prev != s.Head:
		return prev, casestore.Problem{Kind: casestore.CaseModified, Version: 0, Detail: "the head hash recorded with the case does not match its events"}
	}
	return prev, casestore.Problem{}
}

// diagnose explains why rows[i] does not continue the chain whose last good
// hash is prev.
func diagnose(rows []StoredRow, i int, prev casestore.Hash) casestore.Problem {
	r, want := rows[i], int64(i+1)
	nextChainsToPrev := i+1 < len(rows) && rows[i+1].Prev == prev
	if r.Prev == prev {
		// Linked correctly, but its content is not what was hashed.
		if nextChainsToPrev {
			return casestore.Problem{Kind: casestore.Inserted, Version: want, Detail: "the next event chains to the event before this one"}
		}
		for j, o := range rows {
			if j != i && Chain(o.Prev, r.Event) == o.Hash {
				return casestore.Problem{Kind: casestore.Reordered, Version: want, Detail: fmt.Sprintf("its content was written as the event at position %d", j+1)}
			}
		}
		return casestore.Problem{Kind: casestore.Modified, Version: want, Detail: "its content does not match its hash"}
	}
	for j := i + 1; j < len(rows); j++ {
		if rows[j].Hash == r.Prev {
			return casestore.Problem{Kind: casestore.Reordered, Version: want, Detail: fmt.Sprintf("it was written after the event now at position %d", j+1)}
		}
	}
	if i > 0 && rows[i-1].Prev == r.Prev {
		// Two rows claim the same predecessor: the one before this one,
		// which chained correctly, was not written by the store.
		return casestore.Problem{Kind: casestore.Inserted, Version: want - 1, Detail: "it and this event both claim to follow the same event"}
	}
	if nextChainsToPrev {
		return casestore.Problem{Kind: casestore.Inserted, Version: want, Detail: "the next event chains to the event before this one"}
	}
	return casestore.Problem{Kind: casestore.Deleted, Version: want, Detail: "the event written before it is missing"}
}
