package casestore

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// isCanonical reports whether b is already in canonical form, so that
// Canonical(b) would return b unchanged. It is Canonical's fast path: what
// the store reads back is always canonical, and checking that is one pass
// over the bytes without allocating, where canonicalizing decodes every
// token. It may report false for a canonical text it does not handle (an
// object key with an escape in it); that text takes the slow path, whose
// result is the same. canonical_fast_test.go fuzzes it against the slow
// path.
func isCanonical(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	s := checker{b: b}
	return s.value(0) && s.i == len(b)
}

// checker walks a text, accepting only what Canonical writes.
type checker struct {
	b []byte
	i int // the next byte to read
}

// value accepts one value at depth (the number of arrays and objects it is
// inside), with canonicalValue's limit on nesting.
func (s *checker) value(depth int) bool {
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return false
		}
		if c == '{' {
			return s.object(depth + 1)
		}
		return s.array(depth + 1)
	case c == '"':
		_, ok := s.str()
		return ok
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return false
}

// object accepts an object whose keys have no escapes and are in strictly
// increasing UTF-16 order (so none is repeated).
func (s *checker) object(depth int) bool {
	s.i++ // '{'
	if s.eat('}') {
		return true
	}
	var prev []byte
	for n := 0; ; n++ {
		start := s.i
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			return false
		}
		escaped, ok := s.str()
		if !ok || escaped {
			return false
		}
		key := s.b[start+1 : s.i-1]
		if n > 0 && compareKeys(prev, key) >= 0 {
			return false
		}
		prev = key
		if !s.eat(':') || !s.value(depth) {
			return false
		}
		if s.eat('}') {
			return true
		}
		if !s.eat(',') {
			return false
		}
	}
}

func (s *checker) array(depth int) bool {
	s.i++ // '['
	if s.eat(']') {
		return true
	}
	for {
		if !s.value(depth) {
			return false
		}
		if s.eat(']') {
			return true
		}
		if !s.eat(',') {
			return false
		}
	}
}

// str accepts a string literal as appendString writes it, and reports
// whether it holds an escape.
func (s *checker) str() (escaped, ok bool) {
	s.i++ // '"'
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return escaped, true
		case c < 0x20:
			return false, false
		case c == '\\':
			if !s.escape() {
				return false, false
			}
			escaped = true
		default:
			s.i++
		}
	}
	return false, false
}

// escape accepts the escapes appendString writes: \" \\ \b \t \n \f \r,
// and \u00xx (lower-case hex) for the other control characters.
func (s *checker) escape() bool {
	rest := s.b[s.i+1:]
	if len(rest) == 0 {
		return false
	}
	switch rest[0] {
	case '"', '\\', 'b', 't', 'n', 'f', 'r':
		s.i += 2
		return true
	case 'u':
		if len(rest) < 5 || rest[1] != '0' || rest[2] != '0' || (rest[3] != '0' && rest[3] != '1') {
			return false
		}
		lo := strings.IndexByte(hexDigits, rest[4])
		if lo < 0 {
			return false
		}
		switch byte(rest[3]-'0')<<4 | byte(lo) {
		case '\b', '\t', '\n', '\f', '\r':
			return false // these have short escapes
		}
		s.i += 6
		return true
	}
	return false
}

// number accepts a JSON number written as appendES6Number writes it.
func (s *checker) number() bool {
	start := s.i
	s.eat('-')
	if !s.eat('0') && !s.digits() {
		return false
	}
	if s.eat('.') && !s.digits() {
		return false
	}
	if s.eat('e') || s.eat('E') {
		if !s.eat('+') {
			s.eat('-')
		}
		if !s.digits() {
			return false
		}
	}
	lit := s.b[start:s.i]
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil || math.IsInf(f, 0) {
		return false
	}
	var buf [32]byte
	return bytes.Equal(appendES6Number(buf[:0], f), lit)
}

// digits accepts one or more decimal digits.
func (s *checker) digits() bool {
	start := s.i
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

func (s *checker) literal(lit string) bool {
	if !bytes.HasPrefix(s.b[s.i:], []byte(lit)) {
		return false
	}
	s.i += len(lit)
	return true
}

// eat accepts the byte c if it is next.
func (s *checker) eat(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// compareKeys orders two unescaped keys as compareUTF16 does, without
// allocating for ASCII keys.
func compareKeys(a, b []byte) int {
	if isASCII(a) && isASCII(b) {
		return bytes.Compare(a, b)
	}
	return compareUTF16(string(a), string(b))
}

// rawMember is one member of a canonical JSON object: its key and its
// value, as they are written in the object.
type rawMember struct {
	key   []byte // the key's literal without its quotes
	value []byte
}

// members splits the canonical JSON object c into its members, in order.
// c must be canonical (Canonical's result).
func members(c []byte) []rawMember {
	ms := make([]rawMember, 0, 8)
	for i := 1; i < len(c) && c[i] == '"'; {
		keyEnd := skip(c, i)
		valueEnd := skip(c, keyEnd+1) // after ':'
		ms = append(ms, rawMember{key: c[i+1 : keyEnd-1], value: c[keyEnd+1 : valueEnd]})
		i = valueEnd + 1 // after ',' or '}'
	}
	return ms
}

// elements splits the canonical JSON array c into its elements.
func elements(c []byte) [][]byte {
	var es [][]byte
	for i := 1; i < len(c) && c[i] != ']'; {
		end := skip(c, i)
		es = append(es, c[i:end])
		i = end + 1 // after ',' or ']'
	}
	return es
}

// skip returns the index just past the value or key that starts at c[i],
// in canonical JSON (no whitespace).
func skip(c []byte, i int) int {
	depth := 0
	for i < len(c) {
		switch c[i] {
		case '"':
			for i++; i < len(c) && c[i] != '"'; i++ {
				if c[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
		i++
		if depth == 0 && (i == len(c) || c[i] == ',' || c[i] == ':' || c[i] == '}' || c[i] == ']') {
			return i
		}
	}
	return len(c)
}

// appendMember appends m to the object being written in b, as "key":value.
func appendMember(b []byte, m rawMember) []byte {
	b = append(b, '"')
	b = append(b, m.key...)
	b = append(b, '"', ':')
	return append(b, m.value...)
}

// lookup returns the value of the member named name.
func lookup(ms []rawMember, name string) ([]byte, bool) {
	for _, m := range ms {
		if string(m.key) == name {
			return m.value, true
		}
	}
	return nil, false
}

// unquote returns the string a canonical string literal holds.
func unquote(lit []byte) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' {
		return "", false
	}
	body := lit[1 : len(lit)-1]
	if bytes.IndexByte(body, '\\') < 0 {
		return string(body), true
	}
	var s string
	err := json.Unmarshal(lit, &s)
	return s, err == nil
}
