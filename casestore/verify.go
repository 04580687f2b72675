package casestore

import (
	"fmt"
	"strconv"
)

// TamperKind says how a stored case differs from what the store wrote. Its
// values are persisted in reports: they are never renumbered, and new ones
// are added only at the end.
type TamperKind uint8

const (
	// Intact: the case is exactly as written.
	Intact TamperKind = iota
	// Modified: the event at the version differs from what was written (its
	// JSON, its hash or its version number).
	Modified
	// Deleted: the event at the version is missing.
	Deleted
	// Inserted: the event at the version was never written by the store.
	Inserted
	// Reordered: the event at the version was written, but at another
	// position.
	Reordered
	// CaseModified: the case's own record (its header or its recorded head)
	// differs from what was written.
	CaseModified
)

var tamperNames = [...]string{"intact", "modified", "deleted", "inserted", "reordered", "case_modified"}

// String returns the kind's stable name, such as "deleted", or
// "%!TamperKind(N)" for a value out of range.
func (k TamperKind) String() string {
	if int(k) < len(tamperNames) {
		return tamperNames[k]
	}
	return "%!TamperKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText returns the kind's stable name.
func (k TamperKind) MarshalText() ([]byte, error) {
	if int(k) >= len(tamperNames) {
		return nil, fmt.Errorf("casestore: cannot marshal tamper kind %d: out of range", k)
	}
	return []byte(tamperNames[k]), nil
}

// UnmarshalText parses a stable name.
func (k *TamperKind) UnmarshalText(b []byte) error {
	for i, n := range tamperNames {
		if n == string(b) {
			*k = TamperKind(i)
			return nil
		}
	}
	return malformed("tamper kind", fmt.Sprintf("unknown kind %q", clip(b)))
}

// Verification is the result of checking a case's hash chain. Problem is the
// first difference found, walking from the header to the last event; its
// Kind is [Intact] when there is none.
//
// The chain proves that no event was changed, removed, added or moved after
// it was written, unless whoever changed it also recomputed every later hash
// and the case's recorded head. Record Head somewhere the database's
// administrators cannot write (a signed report, another system) to detect
// even that: a later Verify must report the same Head, or a successor of it.
type Verification struct {
	Case    string  // the case id
	Version int64   // the case's version as recorded
	Head    Hash    // the head hash recomputed from the intact prefix
	Problem Problem // the first problem found; Problem.Kind == Intact if none
}

// Intact reports whether no problem was found.
func (v Verification) Intact() bool { return v.Problem.Kind == Intact }

// String describes the result in one line: "case ID intact at version N
// (head H)" or "case ID tampered: event N KIND: DETAIL".
func (v Verification) String() string {
	if v.Intact() {
		return fmt.Sprintf("case %s intact at version %d (head %s)", v.Case, v.Version, v.Head)
	}
	return fmt.Sprintf("case %s tampered: %s", v.Case, v.Problem)
}

// Problem is one difference between a stored case and what the store wrote.
type Problem struct {
	Kind    TamperKind // what is wrong
	Version int64      // the first version affected; 0 for the case's own record
	Detail  string     // a stable English explanation
}

// String returns "event N KIND: DETAIL", or "case record modified: DETAIL".
func (p Problem) String() string {
	if p.Kind == Intact {
		return "intact"
	}
	if p.Version == 0 {
		return "case record modified: " + p.Detail
	}
	return fmt.Sprintf("event %d %s: %s", p.Version, p.Kind, p.Detail)
}

// StoredCase is a case as a store holds it, read without trusting it: the
// input of [VerifyStored]. Store implementations read their rows into it.
type StoredCase struct {
	ID      string
	Header  []byte      // the header's JSON as stored
	Genesis Hash        // the genesis hash recorded when the case was created
	Version int64       // the case's version as recorded with it
	Head    Hash        // the head hash recorded with the case
	Rows    []StoredRow // the event rows, in stored version order
}

// StoredRow is one stored event, read without trusting it.
type StoredRow struct {
	Version int64  // the version number stored with the row
	Event   []byte // the event's JSON as stored
	Prev    Hash   // the previous hash stored with the row
	Hash    Hash   // the hash stored with the row
}

// VerifyStored walks the hash chain of s and reports the first event that
// was modified, deleted, inserted or reordered. It is the check behind every
// Store's Verify, exported so that an integrator's own store (or an auditor
// with a database dump) can run it.
func VerifyStored(s StoredCase) Verification {
	v := Verification{Case: s.ID, Version: s.Version}
	v.Head, v.Problem = walk(s)
	return v
}

// walk returns the head hash of the intact prefix of s and the first problem.
func walk(s StoredCase) (Hash, Problem) {
	prev := genesis(s.ID, s.Header)
	if prev != s.Genesis {
		return prev, Problem{CaseModified, 0, "the case header does not match the hash recorded when the case was created"}
	}
	rows := s.Rows
	for i, r := range rows {
		want := int64(i + 1)
		if r.Prev == prev && chain(prev, r.Event) == r.Hash {
			if r.Version != want {
				return prev, Problem{Modified, want, fmt.Sprintf("the event at position %d is stored as version %d", want, r.Version)}
			}
			prev = r.Hash
			continue
		}
		return prev, diagnose(rows, i, prev)
	}
	n := int64(len(rows))
	switch {
	case n < s.Version:
		return prev, Problem{Deleted, n + 1, fmt.Sprintf("the case records %d events but only %d are stored", s.Version, n)}
	case n > s.Version:
		return prev, Problem{Inserted, s.Version + 1, fmt.Sprintf("the case records %d events but %d are stored", s.Version, n)}
	case prev != s.Head:
		return prev, Problem{CaseModified, 0, "the head hash recorded with the case does not match its events"}
	}
	return prev, Problem{}
}

// diagnose explains why rows[i] does not continue the chain whose last good
// hash is prev.
func diagnose(rows []StoredRow, i int, prev Hash) Problem {
	r, want := rows[i], int64(i+1)
	nextChainsToPrev := i+1 < len(rows) && rows[i+1].Prev == prev
	if r.Prev == prev {
		// Linked correctly, but its content is not what was hashed.
		if nextChainsToPrev {
			return Problem{Inserted, want, "the next event chains to the event before this one"}
		}
		for j, o := range rows {
			if j != i && chain(o.Prev, r.Event) == o.Hash {
				return Problem{Reordered, want, fmt.Sprintf("its content was written as the event at position %d", j+1)}
			}
		}
		return Problem{Modified, want, "its content does not match its hash"}
	}
	for j := i + 1; j < len(rows); j++ {
		if rows[j].Hash == r.Prev {
			return Problem{Reordered, want, fmt.Sprintf("it was written after the event now at position %d", j+1)}
		}
	}
	if i > 0 && rows[i-1].Prev == r.Prev {
		// Two rows claim the same predecessor: the one before this one,
		// which chained correctly, was not written by the store.
		return Problem{Inserted, want - 1, "it and this event both claim to follow the same event"}
	}
	if nextChainsToPrev {
		return Problem{Inserted, want, "the next event chains to the event before this one"}
	}
	return Problem{Deleted, want, "the event written before it is missing"}
}
