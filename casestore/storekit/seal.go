package storekit

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
)

// caseKeySize is the size of a case key: AES-256.
const caseKeySize = 32

// sealer seals and opens the content of one case with its key.
type sealer struct {
	id   string
	aead cipher.AEAD
}

// newCaseKey returns a new random case key.
func newCaseKey() []byte {
	b := make([]byte, caseKeySize)
	rand.Read(b) // never fails (crypto/rand)
	return b
}

func newSealer(id string, key []byte) (*sealer, error) {
	if len(key) != caseKeySize {
		return nil, fmt.Errorf("a case key has %d bytes, not %d", caseKeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCMWithRandomNonce(block)
	if err != nil {
		return nil, err
	}
	return &sealer{id: id, aead: aead}, nil
}

// envelope is a sealed body as stored: the sealed bytes, in base64url, and
// for an event its type, date and actor in clear, which stay readable after
// erasure. Its canonical JSON has these keys in this order; a case file's
// event or header has no "sealed" field, so the two cannot be confused.
type envelope struct {
	By     string `json:"by,omitempty"`
	On     string `json:"on,omitempty"`
	Sealed string `json:"sealed"`
	Type   string `json:"type,omitempty"`
}

var sealedKey = []byte(`"sealed":"`)

// parseEnvelope reads b as an envelope; ok is false when b is a body in
// clear. In canonical JSON a quote inside a string is escaped, so only a
// member named "sealed" contains sealedKey.
func parseEnvelope(b []byte) (envelope, bool) {
	if !bytes.Contains(b, sealedKey) {
		return envelope{}, false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var e envelope
	if err := dec.Decode(&e); err != nil || e.Sealed == "" || dec.More() {
		return envelope{}, false
	}
	return e, true
}

// facts are an event's procedural facts kept in clear: type, date, actor.
func facts(ev casefsm.Event) []string {
	return []string{ev.Type.String(), ev.On.String(), ev.By.String()}
}

func (e envelope) facts() []string { return []string{e.Type, e.On, e.By} }

func headerAAD(id string) []byte { return append([]byte("hifazat/seal/v1 header\x00"), id...) }

func eventAAD(id string, v int64) []byte {
	b := append([]byte("hifazat/seal/v1 event\x00"), id...)
	b = append(b, 0)
	return binary.BigEndian.AppendUint64(b, uint64(v))
}

// header returns the stored form of the header's canonical JSON plain.
func (s *sealer) header(plain []byte) []byte {
	return encodeEnvelope(envelope{Sealed: s.seal(plain, headerAAD(s.id))})
}

// event returns the stored form of event ev, version v, whose canonical
// JSON is plain.
func (s *sealer) event(v int64, ev casefsm.Event, plain []byte) []byte {
	f := facts(ev)
	return encodeEnvelope(envelope{Type: f[0], On: f[1], By: f[2], Sealed: s.seal(plain, eventAAD(s.id, v))})
}

func (s *sealer) seal(plain, aad []byte) string {
	return base64.RawURLEncoding.EncodeToString(s.aead.Seal(nil, nil, plain, aad))
}

func (s *sealer) open(e envelope, aad []byte) ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(e.Sealed)
	if err != nil {
		return nil, err
	}
	return s.aead.Open(nil, nil, b, aad)
}

// encodeEnvelope writes e as canonical JSON: its values are names, dates
// and base64url, which JSON writes as themselves.
func encodeEnvelope(e envelope) []byte {
	b, _ := json.Marshal(e) // strings always marshal
	return b
}

// unsealed is a stored case with its content opened: the bodies in clear,
// and the case's sealer (nil for a case stored in clear).
type unsealed struct {
	sc   StoredCase
	seal *sealer
}

// unseal opens the content of sc. A case stored in clear comes back as
// it is. For a sealed one, an error is an [*casestore.ErasedError], a
// [*casestore.KeyError] or a corrupt case; a problem is content that does
// not open under the case's own key, or whose clear facts differ from it:
// content altered after it was sealed.
func (k Kit) unseal(sc StoredCase) (unsealed, casestore.Problem, error) {
	he, sealed := parseEnvelope(sc.Header)
	if !sealed {
		return unsealed{sc: sc}, casestore.Problem{}, nil
	}
	switch {
	case sc.Erased.IsValid():
		return unsealed{}, casestore.Problem{}, &casestore.ErasedError{Case: sc.ID, On: sc.Erased}
	case sc.Key == nil:
		return unsealed{}, casestore.Problem{}, Corrupt(sc.ID, "its key", fmt.Errorf("the case is sealed, its key is missing and it is not recorded as erased"))
	case k.Keys == nil:
		return unsealed{}, casestore.Problem{}, &casestore.KeyError{Case: sc.ID, Err: casestore.ErrNoKey}
	}
	ck, err := k.Keys.Unwrap(sc.ID, sc.Key)
	if err != nil {
		return unsealed{}, casestore.Problem{}, &casestore.KeyError{Case: sc.ID, Err: casestore.ErrWrongKey}
	}
	s, err := newSealer(sc.ID, ck)
	if err != nil {
		return unsealed{}, casestore.Problem{}, &casestore.KeyError{Case: sc.ID, Err: casestore.ErrWrongKey}
	}
	out := sc
	if out.Header, err = s.open(he, headerAAD(sc.ID)); err != nil {
		return unsealed{}, problem(casestore.CaseModified, 0, "its sealed header does not open under the case's key"), nil
	}
	out.Rows = make([]StoredRow, len(sc.Rows))
	for i, r := range sc.Rows {
		out.Rows[i] = r
		e, ok := parseEnvelope(r.Event)
		if !ok {
			return unsealed{}, problem(casestore.Modified, r.Version, "it is stored in clear in a sealed case"), nil
		}
		if out.Rows[i].Event, err = s.open(e, eventAAD(sc.ID, r.Version)); err != nil {
			return unsealed{}, problem(casestore.Modified, r.Version, "its sealed content does not open under the case's key"), nil
		}
		ev, err := casefsm.DecodeEvent(out.Rows[i].Event, i)
		if err == nil && !equalFacts(facts(ev), e.facts()) {
			return unsealed{}, problem(casestore.Modified, r.Version, fmt.Sprintf("its clear facts say %v, its sealed content %v", e.facts(), facts(ev))), nil
		}
	}
	return unsealed{sc: out, seal: s}, casestore.Problem{}, nil
}

// checkSealedIndex checks what can be checked of a sealed case without
// its key: every event is sealed, and the index columns kept beside each
// agree with its clear facts.
func checkSealedIndex(sc StoredCase) casestore.Problem {
	for _, r := range sc.Rows {
		e, ok := parseEnvelope(r.Event)
		switch {
		case !ok:
			return problem(casestore.Modified, r.Version, "it is stored in clear in a sealed case")
		case r.Index != nil && !equalFacts(r.Index, e.facts()):
			return problem(casestore.IndexModified, r.Version, fmt.Sprintf("its index columns say %v, its clear facts %v", r.Index, e.facts()))
		}
	}
	return casestore.Problem{}
}

func equalFacts(a, b []string) bool { return slices.Equal(a, b) }

// Sealed reports whether sc is a sealed case (erased or not).
func Sealed(sc StoredCase) bool {
	_, ok := parseEnvelope(sc.Header)
	return ok
}
