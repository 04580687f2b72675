package casestore

import (
	"errors"
	"fmt"
)

// Keys wraps the key of each case with the deployment's key, so that a
// store can keep a case's key beside its data without keeping what opens
// it. Package casestore/seal implements it over a key file; a deployment
// with a key management service implements it over that. Implementations
// never put key material in their errors.
type Keys interface {
	// Wrap seals caseKey, the key of case id, with the deployment's key,
	// bound to the id: the result opens for that case only.
	Wrap(id string, caseKey []byte) ([]byte, error)
	// Unwrap opens what Wrap returned for case id. Wrapped bytes it cannot
	// open (another deployment key, another case, altered bytes) fail with
	// an error wrapping [ErrWrongKey].
	Unwrap(id string, wrapped []byte) ([]byte, error)
}

// Sealing errors. A sealed case is never shown undecrypted: without its
// key it is refused with one of these, never returned as ciphertext.
var (
	// ErrNoKey: the case is sealed and the store was opened without a
	// deployment key ([Options.Keys]).
	ErrNoKey = errors.New("casestore: case is sealed and the store has no deployment key")
	// ErrWrongKey: the store's deployment key does not open the case's key
	// (another key, or the stored case key was altered).
	ErrWrongKey = errors.New("casestore: the deployment key does not open the case")
	// ErrErased: the case was erased (its key destroyed): its procedural
	// facts and hash chain remain, its content cannot be read by anyone.
	ErrErased = errors.New("casestore: case erased")
)

// KeyError reports a sealed case the store cannot open. It wraps
// [ErrNoKey] or [ErrWrongKey], and says nothing of the keys themselves.
type KeyError struct {
	Case string
	Err  error // ErrNoKey or ErrWrongKey
}

func (e *KeyError) Error() string {
	if errors.Is(e.Err, ErrNoKey) {
		return fmt.Sprintf("casestore: case %q is sealed: open the store with the deployment's key (a key file) to read or extend it", e.Case)
	}
	return fmt.Sprintf("casestore: case %q is sealed under another deployment key, or its stored key was altered: open the store with the key it was written with", e.Case)
}

// Unwrap returns [ErrNoKey] or [ErrWrongKey].
func (e *KeyError) Unwrap() error { return e.Err }

// UnsealedWarning is the one line a program prints when it opens a store
// without a deployment key: see [Options.Warning].
const UnsealedWarning = "warning: no deployment key: new cases are stored unencrypted (give a key file to seal them)"
