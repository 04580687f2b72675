// Package seal keeps a deployment's key and wraps the key of each case with
// it: the [casestore.Keys] a store needs to keep cases encrypted at rest.
//
// A deployment key is 32 random bytes, written as 44 characters of base64
// ([Generate] makes one; `hifazat key new` writes one to a file). The
// deployment keeps it apart from the data: in a file readable by the
// store's process only, or a secret its platform mounts, never in the
// database, its backups or the repository. [ReadFile] reads one; [Parse]
// reads its text, from an environment variable for instance.
//
// A [Keyring] wraps with its first key and unwraps with any of them, so
// a deployment rotating its key lists the new key first and the old one
// after, has the store re-wrap every case ([casestore.Rewrapper]; `hifazat
// key rotate`), and then retires the old key. Wrapping is AES-256-GCM with a
// random nonce, over the case key, bound to the case id: a wrapped key
// moved to another case does not open. Errors never contain key material.
package seal

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/hifazat/hifazat/casestore"
)

// KeySize is the size of a deployment key and of a case key, in bytes.
const KeySize = 32

// MaxKeyFile is the most [ReadFile] reads of a key file, in bytes.
const MaxKeyFile = 1 << 10

// ErrKeyText matches a key whose text is not 32 bytes of base64.
var ErrKeyText = errors.New("seal: not a deployment key")

// Key is a deployment key. The zero Key is not usable; build one with
// [Parse], [ReadFile] or [New].
type Key struct {
	id   [8]byte // a fingerprint that tells keys apart, not secret
	aead cipher.AEAD
}

// New returns the key made of the 32 bytes b.
func New(b []byte) (*Key, error) {
	if len(b) != KeySize {
		return nil, fmt.Errorf("%w: want %d bytes, got %d", ErrKeyText, KeySize, len(b))
	}
	block, err := aes.NewCipher(b)
	if err != nil {
		return nil, err // not reached: the size is checked
	}
	aead, err := cipher.NewGCMWithRandomNonce(block)
	if err != nil {
		return nil, err
	}
	k := &Key{aead: aead}
	sum := sha256.Sum256(append([]byte("hifazat/seal/v1 key id\x00"), b...))
	copy(k.id[:], sum[:])
	return k, nil
}

// Parse reads a key's text: 32 bytes in standard base64, surrounding
// spaces and newlines ignored. Its errors do not quote the text.
func Parse(text []byte) (*Key, error) {
	text = bytes.TrimSpace(text)
	b := make([]byte, base64.StdEncoding.DecodedLen(len(text)))
	n, err := base64.StdEncoding.Decode(b, text)
	if err != nil {
		return nil, fmt.Errorf("%w: want %d bytes in base64 (as `hifazat key new` writes)", ErrKeyText, KeySize)
	}
	return New(b[:n])
}

// ReadFile reads a key file (see [Parse]), at most [MaxKeyFile] bytes.
func ReadFile(path string) (*Key, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("seal: cannot read the key file: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxKeyFile+1))
	if err != nil {
		return nil, fmt.Errorf("seal: cannot read the key file %s: %w", path, err)
	}
	if len(b) > MaxKeyFile {
		return nil, fmt.Errorf("%w: the key file %s is longer than %d bytes", ErrKeyText, path, MaxKeyFile)
	}
	k, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	return k, nil
}

// Generate returns the text of a new random key, for a key file.
func Generate() string {
	b := make([]byte, KeySize)
	rand.Read(b) // never fails (crypto/rand)
	return base64.StdEncoding.EncodeToString(b)
}

// Keyring is a [casestore.Keys]: it wraps with its first key and unwraps
// with whichever of its keys wrapped. Build it with [NewKeyring].
type Keyring struct{ keys []*Key }

var _ casestore.Keys = (*Keyring)(nil)

// NewKeyring returns a keyring wrapping with primary and unwrapping with
// primary or any of older (keys being rotated out).
func NewKeyring(primary *Key, older ...*Key) *Keyring {
	return &Keyring{keys: append([]*Key{primary}, older...)}
}

// wrapVersion starts every wrapped key, so that the format can change.
const wrapVersion = 1

func aad(id string) []byte { return append([]byte("hifazat/seal/v1 case key\x00"), id...) }

// Wrap implements [casestore.Keys]: a version byte, the key's fingerprint,
// then the sealed case key.
func (r *Keyring) Wrap(id string, caseKey []byte) ([]byte, error) {
	k := r.keys[0]
	out := append([]byte{wrapVersion}, k.id[:]...)
	return k.aead.Seal(out, nil, caseKey, aad(id)), nil
}

// Unwrap implements [casestore.Keys].
func (r *Keyring) Unwrap(id string, wrapped []byte) ([]byte, error) {
	if len(wrapped) < 1+8 || wrapped[0] != wrapVersion {
		return nil, fmt.Errorf("seal: the stored key of case %q is not a wrapped key: %w", id, casestore.ErrWrongKey)
	}
	for _, k := range r.keys {
		if !bytes.Equal(k.id[:], wrapped[1:9]) {
			continue
		}
		ck, err := k.aead.Open(nil, nil, wrapped[9:], aad(id))
		if err != nil || len(ck) != KeySize {
			return nil, fmt.Errorf("seal: the stored key of case %q does not open under the deployment key that wrapped it (altered, or moved from another case): %w", id, casestore.ErrWrongKey)
		}
		return ck, nil
	}
	return nil, fmt.Errorf("seal: case %q was sealed under a deployment key this keyring does not hold: %w", id, casestore.ErrWrongKey)
}
