package casestore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrReceipt: a stored case no longer holds what a [Receipt] says was
// acknowledged. See [ReceiptError].
var ErrReceipt = errors.New("casestore: receipt not honoured")

// Receipt is what a store acknowledged: case Case reached version Version
// with head hash Head. A party keeps it outside the employer's database (on
// paper, in an email); [CheckReceipt] later proves that the record still
// holds everything up to that version, unchanged. Because each hash covers
// every earlier event and the header, a receipt cannot be honoured by a
// case that was truncated, rolled back to an earlier head, rewritten, or
// deleted.
//
// Its text form, a public contract, is one line a person can copy:
// "hifazat-receipt:v1:ID:VERSION:HEAD", HEAD in 64 hexadecimal digits.
type Receipt struct {
	Case    string `json:"case"`
	Version int64  `json:"version"`
	Head    Hash   `json:"head"`
}

const receiptPrefix = "hifazat-receipt:v1:"

// Receipt returns the receipt of c as stored: its id, version and head.
func (c Case) Receipt() Receipt { return Receipt{Case: c.ID, Version: c.Version(), Head: c.Head} }

// String returns the receipt's text form.
func (r Receipt) String() string {
	return receiptPrefix + r.Case + ":" + strconv.FormatInt(r.Version, 10) + ":" + r.Head.String()
}

// MarshalText returns the receipt's text form.
func (r Receipt) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText parses the text form, like [ParseReceipt].
func (r *Receipt) UnmarshalText(b []byte) error {
	p, err := ParseReceipt(string(b))
	if err != nil {
		return err
	}
	*r = p
	return nil
}

// ParseReceipt parses a receipt's text form, ignoring spaces around it.
func ParseReceipt(s string) (Receipt, error) {
	bad := func(reason string) (Receipt, error) {
		return Receipt{}, malformed("receipt", reason+` (want "hifazat-receipt:v1:ID:VERSION:HEAD")`)
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), receiptPrefix)
	if !ok {
		return bad("it does not start with " + receiptPrefix)
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 {
		return bad(fmt.Sprintf("it has %d fields after the prefix, not 3", len(parts)))
	}
	if !ValidID(parts[0]) {
		return bad("its case id is not a case id")
	}
	v, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || v < 0 || strconv.FormatInt(v, 10) != parts[1] {
		return bad("its version is not a whole number")
	}
	h, err := ParseHash(parts[2])
	if err != nil {
		return bad("its head is not 64 hexadecimal digits")
	}
	return Receipt{Case: parts[0], Version: v, Head: h}, nil
}

// ReceiptError reports a receipt that the stored case does not honour.
type ReceiptError struct {
	Receipt Receipt
	// Stored is the version the store now records for the case; -1 when
	// the case is gone.
	Stored int64
	Reason string // what no longer matches
}

func (e *ReceiptError) Error() string {
	return fmt.Sprintf("casestore: receipt for case %q at version %d not honoured: %s", e.Receipt.Case, e.Receipt.Version, e.Reason)
}

// Unwrap returns [ErrReceipt].
func (e *ReceiptError) Unwrap() error { return ErrReceipt }

// CheckReceipt proves that the case in store s still holds what r says was
// acknowledged: the case exists, its chain is intact ([Store.Verify]), it has at least
// r.Version events, and the hash of its event r.Version (or its genesis
// hash, for version 0) is r.Head. It reads the chain only, so it needs no
// deployment key and works on an erased case. It returns a
// [*ReceiptError] otherwise, and any other error when the store cannot be
// read.
func CheckReceipt(ctx context.Context, s Store, r Receipt) error {
	fail := func(stored int64, format string, a ...any) error {
		return &ReceiptError{Receipt: r, Stored: stored, Reason: fmt.Sprintf(format, a...)}
	}
	v, err := s.Verify(ctx, r.Case)
	switch {
	case errors.Is(err, ErrNotFound):
		return fail(-1, "the store has no case %q: the case was deleted", r.Case)
	case err != nil:
		return err
	case !v.Intact():
		return fail(v.Version, "the stored case is tampered: %v", v.Problem)
	case v.Version < r.Version:
		return fail(v.Version, "the case now has %d events: events acknowledged up to version %d were removed", v.Version, r.Version)
	case int64(len(v.Hashes)) != v.Version+1:
		return fmt.Errorf("casestore: the store's Verify of case %q gave %d hashes for %d events: %w", r.Case, len(v.Hashes), v.Version, ErrCorrupt)
	}
	if at := v.Hashes[r.Version]; at != r.Head {
		return fail(v.Version, "the hash at version %d is %s, not %s: the record was rewritten up to there", r.Version, at, r.Head)
	}
	return nil
}
