// Package strictyaml decodes the project's YAML and JSON files (policy
// overlays, simulation scenarios) into Go values strictly, and says where a
// file is wrong in the file's own terms.
//
// [Decode] reads one YAML document, or one JSON object (when the first
// non-space byte is '{'), into the value a pointer points to. Field names
// are those of the yaml tags. It refuses, with a [*FieldError] naming the
// field by its path ("deadlines.charges.n", "complainants[0]") and the
// line:
//
//   - unknown fields (the error lists the known ones) and keys given twice;
//   - YAML anchors and aliases, and more than one document;
//   - a list or mapping where a single value belongs, and the reverse;
//   - a value of the wrong type: a float or a string for an integer (where
//     yaml itself would truncate 2.5 to 2), a word for a number or a bool;
//   - what a field's or a map key's UnmarshalText refuses (its error is the
//     reason, and [FieldError.Err]);
//   - documents larger than [MaxSize], empty documents and invalid JSON.
//
// JSON is first checked and re-encoded by encoding/json, so that JSON's
// escapes (which YAML lacks, such as \/) are accepted; it is read as one
// line, with its object keys sorted.
//
// Decoding writes only what the document gives: a mapping decoded into a
// struct sets the fields it names, each decoded afresh (as if it had been
// the zero value), and leaves the others as they were, so that a caller
// may decode on top of defaults. A list or a mapping decoded into a slice
// or a map replaces it whole; an empty list or null gives a nil slice; null
// gives a nil pointer. On error the value may be partly written.
//
// [Parse] and [DecodeNode] are the two halves of Decode, for callers that
// look at the document before decoding it, and a [Hook] lets a caller
// decode some fields itself (a field that may be a file name or a
// mapping, a section that merges with defaults instead of replacing them).
//
// The package knows nothing of the project's types. It reads the kinds a
// file can hold: strings, numbers, bools, types with an UnmarshalText
// (the project's enums, civil.Date), and structs, pointers, slices and
// maps (with string or UnmarshalText keys) of them. It never panics on
// input. It does not validate values (ranges, required fields): that is
// the job of the callers' validators (see package validation).
package strictyaml
