package casestore

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Hash is a SHA-256 digest in a case's hash chain. Its text form is 64
// lower-case hexadecimal digits. The zero Hash (all zero bytes) is not the
// hash of anything the store writes; IsZero reports it.
type Hash [sha256.Size]byte

// ParseHash parses the text form of a Hash.
func ParseHash(s string) (Hash, error) {
	var h Hash
	if len(s) != 2*len(h) {
		return Hash{}, malformed("hash", fmt.Sprintf("want %d hexadecimal digits, got %d characters", 2*len(h), len(s)))
	}
	if _, err := hex.Decode(h[:], []byte(s)); err != nil {
		return Hash{}, malformed("hash", "want hexadecimal digits")
	}
	return h, nil
}

// IsZero reports whether h is the zero Hash.
func (h Hash) IsZero() bool { return h == Hash{} }

// String returns h as 64 lower-case hexadecimal digits.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// MarshalText returns the text form of h.
func (h Hash) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText parses the text form of a Hash.
func (h *Hash) UnmarshalText(b []byte) error {
	p, err := ParseHash(string(b))
	if err != nil {
		return err
	}
	*h = p
	return nil
}
