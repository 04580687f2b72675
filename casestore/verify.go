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
	// IndexModified: what the store keeps beside the chain to find cases
	// (the case's policy, state or open deadlines; an event's type, date or
	// actor column) does not match the events, which are intact.
	IndexModified
)

var tamperNames = [...]string{"intact", "modified", "deleted", "inserted", "reordered", "case_modified", "index_modified"}

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
	return malformed("tamper kind", fmt.Sprintf("unknown kind %q", clip(string(b))))
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
	// Hashes are the hashes of the chain found intact: Hashes[0] is the
	// case's genesis hash and Hashes[v] the hash of version v. It is nil
	// when a problem was found. [CheckReceipt] checks a receipt against
	// them, without reading the case's content.
	Hashes []Hash
	// Sealed reports a sealed case checked without opening it (the store
	// has no key for it, or it was erased): its chain, which covers the
	// sealed bytes, and its events' type, date and actor were checked; its
	// stored state and deadlines, which only its content confirms, were not.
	Sealed bool
}

// Intact reports whether no problem was found.
func (v Verification) Intact() bool { return v.Problem.Kind == Intact }

// String describes the result in one line: "case ID intact at version N
// (head H)" or "case ID tampered: event N KIND: DETAIL".
func (v Verification) String() string {
	if v.Intact() && v.Sealed {
		return fmt.Sprintf("case %s intact at version %d (head %s; sealed content not opened)", v.Case, v.Version, v.Head)
	}
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

// String returns "event N KIND: DETAIL", or "case record modified: DETAIL"
// or "case index modified: DETAIL" for the case's own row.
func (p Problem) String() string {
	if p.Kind == Intact {
		return "intact"
	}
	if p.Version == 0 && p.Kind == IndexModified {
		return "case index modified: " + p.Detail
	}
	if p.Version == 0 {
		return "case record modified: " + p.Detail
	}
	return fmt.Sprintf("event %d %s: %s", p.Version, p.Kind, p.Detail)
}

// TamperedError is what Load and every write return for a case whose
// stored record fails [Store.Verify]'s checks: the case is neither shown
// nor extended. It wraps [ErrCorrupt].
type TamperedError struct {
	Verification Verification
}

func (e *TamperedError) Error() string {
	return fmt.Sprintf("casestore: case %q refused: its stored record was altered (%s)", e.Verification.Case, e.Verification.Problem)
}

// Unwrap returns [ErrCorrupt].
func (e *TamperedError) Unwrap() error { return ErrCorrupt }
