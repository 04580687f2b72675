package storekit

import (
	"crypto/sha256"

	"github.com/hifazat/hifazat/casestore"
)

// genesisDomain separates the chain's first hash from any other use of
// SHA-256 over the same bytes; its version changes if the chain's definition
// ever does.
const genesisDomain = "hifazat/casestore/v1"

// Genesis returns the hash that starts the chain of case id: SHA-256 over
// "hifazat/casestore/v1", a NUL byte, the case id, a NUL byte and the
// header's canonical JSON. It binds the chain to the case and its header,
// so moving events to another case or editing the header breaks the chain.
func Genesis(id string, header []byte) casestore.Hash {
	d := sha256.New()
	d.Write([]byte(genesisDomain))
	d.Write([]byte{0})
	d.Write([]byte(id))
	d.Write([]byte{0})
	d.Write(header)
	var h casestore.Hash
	d.Sum(h[:0])
	return h
}

// Chain returns the hash of an event stored after the event (or genesis)
// whose hash is prev: SHA-256 over the 32 bytes of prev followed by the
// event's canonical JSON. The event's version is its position in the chain.
func Chain(prev casestore.Hash, body []byte) casestore.Hash {
	d := sha256.New()
	d.Write(prev[:])
	d.Write(body)
	var h casestore.Hash
	d.Sum(h[:0])
	return h
}
