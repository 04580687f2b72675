// Package limit reads inputs with a bound, so that no decoder in the SDK or
// the command line reads without end: a file of a gigabyte, or /dev/zero
// given as a case file, is refused after MaxBytes+1 bytes with a
// [*TooLargeError] instead of filling the memory.
package limit

import (
	"fmt"
	"io"
	"os"
)

// MaxBytes is the largest input read whole: 16 MiB. The largest real
// inputs (a case file of a few thousand events, a scenario, an overlay, a
// calendar) are well under 1 MiB.
const MaxBytes = 16 << 20

// TooLargeError reports an input longer than its limit. Only the first
// Limit+1 bytes were read.
type TooLargeError struct {
	What  string // the input, for example "standard input" or a file's name
	Limit int64  // the limit in bytes
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than the limit of %d bytes (%d MiB)", e.What, e.Limit, e.Limit>>20)
}

// ReadAll reads r to its end, or fails with a [*TooLargeError] naming what
// as soon as it has read more than max bytes.
func ReadAll(r io.Reader, max int64, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &TooLargeError{What: what, Limit: max}
	}
	return data, nil
}

// ReadFile reads the file at path like [ReadAll] with MaxBytes, naming the
// file in the error. A device such as /dev/zero is refused at the limit.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, MaxBytes, path)
}
