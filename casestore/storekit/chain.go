package storekit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"

	"github.com/hifazat/hifazat/casestore"
)

// chainDomain separates the chain's hashes from any other use of SHA-256
// over the same bytes; its version changes if the chain's definition ever
// does (v2: each link covers its version).
const chainDomain = "hifazat/casestore/v2"

// Hasher computes a case's hash chain: plain SHA-256, which anyone can
// recompute and check, or, with a key, HMAC-SHA-256, which only a holder of
// the deployment's key can compute, so that nobody who can write to the
// database but does not hold the key can rewrite an event and its hash
// alike. The zero Hasher is unkeyed.
type Hasher struct{ key []byte }

// NewHasher returns a Hasher keyed with key; an empty key means unkeyed.
func NewHasher(key []byte) Hasher {
	if len(key) == 0 {
		return Hasher{}
	}
	return Hasher{key: append([]byte(nil), key...)}
}

// Keyed reports whether h is keyed.
func (h Hasher) Keyed() bool { return len(h.key) > 0 }

func (h Hasher) new() hash.Hash {
	if h.Keyed() {
		return hmac.New(sha256.New, h.key)
	}
	return sha256.New()
}

// Genesis returns the hash that starts the chain of case id: over
// "hifazat/casestore/v2", a NUL byte, the case id, a NUL byte and the
// header's canonical JSON. It binds the chain to the case and its header,
// so moving events to another case or editing the header breaks the chain.
func (h Hasher) Genesis(id string, header []byte) casestore.Hash {
	d := h.new()
	d.Write([]byte(chainDomain))
	d.Write([]byte{0})
	d.Write([]byte(id))
	d.Write([]byte{0})
	d.Write(header)
	var out casestore.Hash
	d.Sum(out[:0])
	return out
}

// Chain returns the hash of the event stored as version after the event
// (or genesis) whose hash is prev: over the 32 bytes of prev, the version
// as 8 big-endian bytes, and the event's canonical JSON. Covering the
// version lets a check tell an event rewritten from one moved (renumbered
// after a deletion).
func (h Hasher) Chain(prev casestore.Hash, version int64, body []byte) casestore.Hash {
	d := h.new()
	d.Write(prev[:])
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], uint64(version))
	d.Write(v[:])
	d.Write(body)
	var out casestore.Hash
	d.Sum(out[:0])
	return out
}

// Genesis is the unkeyed [Hasher.Genesis].
func Genesis(id string, header []byte) casestore.Hash { return Hasher{}.Genesis(id, header) }

// Chain is the unkeyed [Hasher.Chain].
func Chain(prev casestore.Hash, version int64, body []byte) casestore.Hash {
	return Hasher{}.Chain(prev, version, body)
}
