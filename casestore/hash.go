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

// genesisDomain separates the chain's first hash from any other use of
// SHA-256 over the same bytes; its version changes if the chain's definition
// ever does.
const genesisDomain = "hifazat/casestore/v1"

// Genesis returns the hash that starts the chain of case id: SHA-256 over
// "hifazat/casestore/v1", a NUL byte, the case id, a NUL byte and the
// header's canonical JSON. It binds the chain to the case and its header,
// so moving events to another case or editing the header breaks the chain.
func Genesis(id string, h Header) Hash {
	return genesis(id, h.JSON())
}

func genesis(id string, header []byte) Hash {
	d := sha256.New()
	d.Write([]byte(genesisDomain))
	d.Write([]byte{0})
	d.Write([]byte(id))
	d.Write([]byte{0})
	d.Write(header)
	var h Hash
	d.Sum(h[:0])
	return h
}

// Chain returns the hash of an event stored after the event (or genesis)
// whose hash is prev: SHA-256 over the 32 bytes of prev followed by the
// event's canonical JSON. The event's version is its position in the chain.
func Chain(prev Hash, e Event) Hash {
	return chain(prev, []byte(e.raw))
}

func chain(prev Hash, body []byte) Hash {
	d := sha256.New()
	d.Write(prev[:])
	d.Write(body)
	var h Hash
	d.Sum(h[:0])
	return h
}

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
