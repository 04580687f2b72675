package storekit

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
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
// erasure. It is stored as canonical JSON, {"sealed":S} for a header and
// {"by":R,"on":D,"sealed":S,"type":T} for an event: its values are names,
// dates and base64url, which JSON writes as themselves. A case file's
// event or header has no "sealed" member, so the two cannot be confused.
type envelope struct {
	by, on, sealed, typ []byte
}

// The fixed parts of an envelope's JSON, in order.
var (
	envBy     = []byte(`{"by":"`)
	envOn     = []byte(`","on":"`)
	envSealed = []byte(`","sealed":"`)
	envType   = []byte(`","type":"`)
	envEnd    = []byte(`"}`)
	hdrSealed = []byte(`{"sealed":"`)
)

// encode returns e's JSON: an event's when it has a type, else a header's.
func (e envelope) encode() []byte {
	if e.typ == nil {
		return slices.Concat(hdrSealed, e.sealed, envEnd)
	}
	return slices.Concat(envBy, e.by, envOn, e.on, envSealed, e.sealed, envType, e.typ, envEnd)
}

// parseEnvelope reads b as an envelope, event's or header's; ok is false
// when b is not exactly one (a body in clear). It never allocates: the
// fields are parts of b.
func parseEnvelope(b []byte) (e envelope, ok bool) {
	if rest, found := bytes.CutPrefix(b, hdrSealed); found {
		e.sealed, rest, ok = field(rest, envEnd)
		return e, ok && len(rest) == 0 && len(e.sealed) > 0
	}
	rest, found := bytes.CutPrefix(b, envBy)
	if !found {
		return envelope{}, false
	}
	for _, f := range []struct {
		dst *[]byte
		end []byte
	}{{&e.by, envOn}, {&e.on, envSealed}, {&e.sealed, envType}, {&e.typ, envEnd}} {
		if *f.dst, rest, ok = field(rest, f.end); !ok {
			return envelope{}, false
		}
	}
	return e, len(rest) == 0 && len(e.sealed) > 0 && len(e.typ) > 0
}

// field reads a string value up to end: no quote or escape inside.
func field(b, end []byte) (value, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '"')
	if i < 0 || bytes.IndexByte(b[:i], '\\') >= 0 || !bytes.HasPrefix(b[i:], end) {
		return nil, nil, false
	}
	return b[:i], b[i+len(end):], true
}

// facts are an event's procedural facts kept in clear: type, date, actor.
func facts(ev casefsm.Event) []string {
	return []string{ev.Type.String(), ev.On.String(), ev.By.String()}
}

func (e envelope) facts() []string { return []string{string(e.typ), string(e.on), string(e.by)} }

// sameFacts reports whether ev's facts are e's, without allocating.
func (e envelope) sameFacts(ev casefsm.Event) bool {
	return string(e.typ) == ev.Type.String() && string(e.on) == ev.On.String() && string(e.by) == ev.By.String()
}

func headerAAD(id string) []byte { return append([]byte("hifazat/seal/v1 header\x00"), id...) }

func eventAAD(id string, v int64) []byte {
	b := append([]byte("hifazat/seal/v1 event\x00"), id...)
	b = append(b, 0)
	return binary.BigEndian.AppendUint64(b, uint64(v))
}

// header returns the stored form of the header's canonical JSON plain.
func (s *sealer) header(plain []byte) []byte {
	return envelope{sealed: s.seal(plain, headerAAD(s.id))}.encode()
}

// event returns the stored form of event ev, version v, whose canonical
// JSON is plain.
func (s *sealer) event(v int64, ev casefsm.Event, plain []byte) []byte {
	return envelope{typ: []byte(ev.Type.String()), on: []byte(ev.On.String()), by: []byte(ev.By.String()), sealed: s.seal(plain, eventAAD(s.id, v))}.encode()
}

// seal returns plain sealed with aad, in base64url.
func (s *sealer) seal(plain, aad []byte) []byte {
	ct := s.aead.Seal(nil, nil, plain, aad)
	return base64.RawURLEncoding.AppendEncode(nil, ct)
}

// open returns the content e seals with aad.
func (s *sealer) open(e envelope, aad []byte) ([]byte, error) {
	b, err := base64.RawURLEncoding.AppendDecode(nil, e.sealed)
	if err != nil {
		return nil, err
	}
	return s.aead.Open(nil, nil, b, aad)
}

// unsealed is a stored case with its content opened: the bodies in clear,
// the case's sealer and each event's envelope (nil for a case stored in
// clear), whose clear facts the check compares with the opened events.
type unsealed struct {
	sc   StoredCase
	seal *sealer
	env  []envelope
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
	env := make([]envelope, len(sc.Rows))
	for i, r := range sc.Rows {
		out.Rows[i] = r
		e, ok := parseEnvelope(r.Event)
		if !ok || e.typ == nil {
			return unsealed{}, problem(casestore.Modified, r.Version, "it is stored in clear in a sealed case"), nil
		}
		if out.Rows[i].Event, err = s.open(e, eventAAD(sc.ID, r.Version)); err != nil {
			return unsealed{}, problem(casestore.Modified, r.Version, "its sealed content does not open under the case's key"), nil
		}
		env[i] = e
	}
	return unsealed{sc: out, seal: s, env: env}, casestore.Problem{}, nil
}

// checkFacts compares the clear facts of a sealed case's events with the
// events opened, c's records; a difference was made after sealing.
func (u unsealed) checkFacts(c casestore.Case) casestore.Problem {
	for i, e := range u.env {
		if ev := c.Records[i].Event; !e.sameFacts(ev) {
			return problem(casestore.Modified, c.Records[i].Version, fmt.Sprintf("its clear facts say %v, its sealed content %v", e.facts(), facts(ev)))
		}
	}
	return casestore.Problem{}
}

// checkSealedIndex checks what can be checked of a sealed case without
// its key: every event is sealed, and the index columns kept beside each
// agree with its clear facts.
func checkSealedIndex(sc StoredCase) casestore.Problem {
	for _, r := range sc.Rows {
		e, ok := parseEnvelope(r.Event)
		switch {
		case !ok || e.typ == nil:
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
