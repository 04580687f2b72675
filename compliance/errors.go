package compliance

import "errors"

// Sentinel errors. Every error the package returns matches one of them under
// errors.Is; the typed errors carry the details.
var (
	// ErrMalformed means an organisation or feedback file, or a value built
	// in Go, is not well formed; the error is a [*MalformedError].
	ErrMalformed = errors.New("compliance: malformed input")
	// ErrPolicy means the policy given does not fit the organisation (its
	// jurisdiction differs, or a rule the audit needs cannot be counted).
	ErrPolicy = errors.New("compliance: policy does not fit the organisation")
	// ErrStore means the case store could not be read.
	ErrStore = errors.New("compliance: case store unreadable")
)
