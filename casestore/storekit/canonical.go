package storekit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/hifazat/hifazat/casestore"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits on what a store writes, so that a hostile or broken input cannot
// exhaust memory or the stack.
const (
	// MaxEventBytes is the largest event, in bytes of canonical JSON, that
	// a store accepts.
	MaxEventBytes = 64 << 10
	// MaxHeaderBytes is the largest case header, in bytes of canonical JSON.
	MaxHeaderBytes = 256 << 10
	// maxDepth bounds the nesting of arrays and objects in any input.
	maxDepth = 32
)

// Canonical returns the canonical form of the JSON text b: the bytes the
// store keeps and hashes. The form is that of RFC 8785 (the JSON
// Canonicalization Scheme):
//
//   - no whitespace between tokens;
//   - object members sorted by key, comparing keys as sequences of UTF-16
//     code units;
//   - strings escape only '"', '\\' and the control characters below U+0020
//     (as \b, \t, \n, \f, \r, or \u00xx with lower-case hex); every other
//     character is written as itself in UTF-8;
//   - numbers are written as ECMAScript's Number.prototype.toString writes
//     the nearest IEEE 754 double (so 1.0, 1e0 and 1 all become 1, and -0
//     becomes 0);
//   - literals true, false and null as themselves.
//
// Canonical rejects, with an error wrapping [casestore.ErrMalformed], what RFC 8785
// cannot canonicalize: invalid UTF-8, duplicate keys in one object, numbers
// outside the range of a double, more than one JSON value, and nesting
// deeper than 32 levels.
func Canonical(b []byte) ([]byte, error) {
	if !utf8.Valid(b) {
		return nil, malformed("json", "invalid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	out, err := canonicalValue(dec, nil, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, malformed("json", "unexpected data after the JSON value")
	}
	return out, nil
}

// canonicalValue appends the canonical form of the next value of dec to out.
func canonicalValue(dec *json.Decoder, out []byte, depth int) ([]byte, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxError(err)
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return nil, malformed("json", fmt.Sprintf("nested deeper than %d levels", maxDepth))
		}
		if t == '[' {
			return canonicalArray(dec, out, depth+1)
		}
		return canonicalObject(dec, out, depth+1)
	case string:
		return appendString(out, t), nil
	case json.Number:
		return appendNumber(out, t)
	case bool:
		return strconv.AppendBool(out, t), nil
	default: // nil
		return append(out, "null"...), nil
	}
}

func canonicalArray(dec *json.Decoder, out []byte, depth int) ([]byte, error) {
	out = append(out, '[')
	for i := 0; dec.More(); i++ {
		if i > 0 {
			out = append(out, ',')
		}
		var err error
		if out, err = canonicalValue(dec, out, depth); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != nil { // ']'
		return nil, syntaxError(err)
	}
	return append(out, ']'), nil
}

type member struct {
	key   string
	value []byte
}

func canonicalObject(dec *json.Decoder, out []byte, depth int) ([]byte, error) {
	var members []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntaxError(err)
		}
		key := tok.(string) // the decoder guarantees object keys are strings
		for _, m := range members {
			if m.key == key {
				return nil, malformed("json", fmt.Sprintf("duplicate key %q in one object", key))
			}
		}
		value, err := canonicalValue(dec, nil, depth)
		if err != nil {
			return nil, err
		}
		members = append(members, member{key, value})
	}
	if _, err := dec.Token(); err != nil { // '}'
		return nil, syntaxError(err)
	}
	slices.SortFunc(members, func(a, b member) int { return compareUTF16(a.key, b.key) })
	out = append(out, '{')
	for i, m := range members {
		if i > 0 {
			out = append(out, ',')
		}
		out = appendString(out, m.key)
		out = append(out, ':')
		out = append(out, m.value...)
	}
	return append(out, '}'), nil
}

// compareUTF16 orders strings by their UTF-16 code units, as RFC 8785
// section 3.2.3 requires. For keys made of characters below U+10000 this is
// the same as byte order.
func compareUTF16(a, b string) int {
	if isASCII(a) && isASCII(b) {
		return strings.Compare(a, b)
	}
	return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
}

func isASCII[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789abcdef"

// appendString appends s as an RFC 8785 string literal.
func appendString(out []byte, s string) []byte {
	out = append(out, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			out = append(out, '\\', c)
		case c >= 0x20:
			out = append(out, c)
		case c == '\b':
			out = append(out, '\\', 'b')
		case c == '\t':
			out = append(out, '\\', 't')
		case c == '\n':
			out = append(out, '\\', 'n')
		case c == '\f':
			out = append(out, '\\', 'f')
		case c == '\r':
			out = append(out, '\\', 'r')
		default:
			out = append(out, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
	}
	return append(out, '"')
}

// appendNumber appends the number literal n as ECMAScript's
// Number.prototype.toString formats the double nearest to it.
func appendNumber(out []byte, n json.Number) ([]byte, error) {
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(f, 0) {
		return nil, malformed("json", fmt.Sprintf("number %s is outside the range of a double", n))
	}
	return appendES6Number(out, f), nil
}

// appendES6Number implements ECMA-262 Number::toString for a finite f.
func appendES6Number(out []byte, f float64) []byte {
	if f == 0 {
		return append(out, '0')
	}
	if f < 0 {
		out = append(out, '-')
		f = -f
	}
	// Shortest round-trip digits: "d.ddde±x". digits holds s, k = len(digits),
	// and n = exponent+1 in the notation of the specification.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp) // strconv always writes a valid exponent
	k, n := len(digits), x+1
	switch {
	case k <= n && n <= 21:
		out = append(out, digits...)
		for range n - k {
			out = append(out, '0')
		}
	case 0 < n && n <= 21:
		out = append(out, digits[:n]...)
		out = append(out, '.')
		out = append(out, digits[n:]...)
	case -6 < n && n <= 0:
		out = append(out, '0', '.')
		for range -n {
			out = append(out, '0')
		}
		out = append(out, digits...)
	default:
		out = append(out, digits[0])
		if k > 1 {
			out = append(out, '.')
			out = append(out, digits[1:]...)
		}
		out = append(out, 'e')
		if n-1 >= 0 {
			out = append(out, '+')
		}
		out = strconv.AppendInt(out, int64(n-1), 10)
	}
	return out
}

func syntaxError(err error) error {
	if errors.Is(err, io.EOF) {
		return malformed("json", "unexpected end of JSON input")
	}
	// The decoder's message says what token was wrong and where; its type
	// stays behind this boundary.
	return malformed("json", strings.TrimPrefix(err.Error(), "json: "))
}

func malformed(field, reason string) error {
	return &casestore.MalformedError{Field: field, Reason: reason}
}
