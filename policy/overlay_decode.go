package policy

import (
	"errors"

	"github.com/hifazat/hifazat/internal/strictyaml"
)

// maxOverlaySize bounds an overlay file; real ones are a few hundred bytes.
const maxOverlaySize = strictyaml.MaxSize

// ParseOverlay reads an overlay from YAML or JSON (JSON when the first
// non-space byte is '{'). Field names are those of Overlay's yaml tags;
// unknown fields, duplicate keys, YAML aliases, wrong types (a fraction for
// a whole number among them), more than one document and missing required
// fields are errors. Every error is a [*MalformedOverlayError] (wrapping
// [ErrMalformedOverlay]) naming the field.
//
// ParseOverlay checks only that the overlay is well formed; whether the
// statute allows it is [Set.Apply]'s question.
func ParseOverlay(data []byte) (Overlay, error) {
	var o Overlay
	if err := strictyaml.Decode(data, &o); err != nil {
		return Overlay{}, malformed(err)
	}
	if len(o.Deadlines) == 0 {
		o.Deadlines = nil
	}
	// A new validator per call costs about 0.13 ms, once per file read:
	// ParseOverlay has no Set to borrow one from (Set.Apply uses its Set's),
	// and the package keeps no global state.
	if err := newOverlayValidator().check(o); err != nil {
		return Overlay{}, err
	}
	return o, nil
}

// malformed turns the decoder's error into a *MalformedOverlayError, which
// does not wrap it: the decoder's type stays inside the module.
func malformed(err error) error {
	var fe *strictyaml.FieldError
	if !errors.As(err, &fe) {
		return &MalformedOverlayError{Reason: err.Error()}
	}
	return &MalformedOverlayError{Field: fe.Field, Reason: fe.Detail()}
}
