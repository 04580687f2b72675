package httpapi

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Actor is who a bearer token speaks for: a person's identity in the
// organisation (the id the case file gives the parties and the committee's
// members), the role they act and look in, and the organisation that issued
// the token. The role decides what the actor may see and do; a party
// (complainant or accused) reaches only the cases where its id is that
// party's.
type Actor struct {
	ID   string
	Role Role
	Org  string
}

// actorJSON is an Actor in a token file: {"id","role","org"}, the role by
// its name ("statistics" for Statistics).
type actorJSON struct {
	ID   string `json:"id"`
	Role string `json:"role"`
	Org  string `json:"org"`
}

// MarshalJSON writes {"id","role","org"}.
func (a Actor) MarshalJSON() ([]byte, error) {
	return json.Marshal(actorJSON{a.ID, nameOf(a.Role), a.Org})
}

// UnmarshalJSON reads {"id","role","org"}, refusing unknown fields and
// unknown roles.
func (a *Actor) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var j actorJSON
	if err := dec.Decode(&j); err != nil {
		return err
	}
	r, err := ParseRole(j.Role)
	if err != nil {
		return err
	}
	*a = Actor{ID: j.ID, Role: r, Org: j.Org}
	return nil
}

// TokenHash is the SHA-256 of a bearer token: what a deployment stores,
// never the token itself.
type TokenHash [sha256.Size]byte

// HashToken returns the hash of token.
func HashToken(token string) TokenHash { return sha256.Sum256([]byte(token)) }

// MarshalText writes the hash in lower-case hex.
func (h TokenHash) MarshalText() ([]byte, error) {
	return []byte(hex.EncodeToString(h[:])), nil
}

// UnmarshalText reads a hash written by MarshalText.
func (h *TokenHash) UnmarshalText(b []byte) error {
	if len(b) != 2*sha256.Size {
		return fmt.Errorf("httpapi: a token hash is %d hex digits, got %d", 2*sha256.Size, len(b))
	}
	_, err := hex.Decode(h[:], b)
	if err != nil {
		return fmt.Errorf("httpapi: a token hash is hex: %w", err)
	}
	return nil
}

// NewToken returns a new bearer token, "hfz_" and 26 base-32 characters
// (130 random bits from crypto/rand). Give it to the actor once; keep only
// its hash (a TokenEntry).
func NewToken() string { return "hfz_" + strings.ToLower(rand.Text()) }

// TokenEntry is one issued token as a deployment stores it: the token's
// hash and its actor. A file of them (a JSON array) is what
// `hifazat serve --tokens F` reads.
type TokenEntry struct {
	SHA256 TokenHash `json:"sha256"`
	Actor  Actor     `json:"actor"`
}

// Issue returns a new token for a and its entry.
func Issue(a Actor) (token string, entry TokenEntry, err error) {
	if err := a.check(); err != nil {
		return "", TokenEntry{}, err
	}
	token = NewToken()
	return token, TokenEntry{SHA256: HashToken(token), Actor: a}, nil
}

// tokenFileShape is what a token file holds, for an error that finds
// something else (most often the entry 'hifazat token' prints, alone and
// not inside an array).
const tokenFileShape = `want a JSON array of entries, each the "entry" 'hifazat token' prints: [{"sha256":"…","actor":{"id":"…","role":"…","org":"…"}}, …]`

// ErrTokens is wrapped by every error reading a token file.
var ErrTokens = errors.New("httpapi: bad token file")

// MaxTokenFileBytes bounds a token file.
const MaxTokenFileBytes = 4 << 20

// ParseTokens reads a token file (a JSON array of TokenEntry), refusing
// unknown fields, duplicated hashes, actors without an id or organisation,
// and files over MaxTokenFileBytes.
func ParseTokens(r io.Reader) ([]TokenEntry, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTokenFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTokens, err)
	}
	if len(data) > MaxTokenFileBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTokens, MaxTokenFileBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var es []TokenEntry
	if err := dec.Decode(&es); err != nil {
		return nil, fmt.Errorf("%w: %v; %s", ErrTokens, err, tokenFileShape)
	}
	seen := make(map[TokenHash]bool, len(es))
	for i, e := range es {
		if err := e.Actor.check(); err != nil {
			return nil, fmt.Errorf("%w: entry %d: %v", ErrTokens, i+1, err)
		}
		if seen[e.SHA256] {
			return nil, fmt.Errorf("%w: entry %d: the hash is given twice", ErrTokens, i+1)
		}
		seen[e.SHA256] = true
	}
	return es, nil
}

func (a Actor) check() error {
	switch {
	case a.ID == "" || len(a.ID) > 128:
		return errors.New("an actor needs an id of 1 to 128 bytes")
	case !slices.Contains(allRoles, a.Role):
		return fmt.Errorf("actor %q has no valid role (want one of %s)", a.ID, roleList())
	case a.Org == "" || len(a.Org) > 128:
		return fmt.Errorf("actor %q needs an organisation (org) of 1 to 128 bytes", a.ID)
	}
	return nil
}
