// Package validation holds what the project's validators of file-backed
// types (policy overlays, simulation scenarios) share around
// go-playground/validator: a validator that names fields by their yaml
// tags, as the files do ([New]); the translation of validator's errors into
// the first offending field in path order, in the file's terms
// ([FirstField]); and the wording of validator's own tags ([Reason]).
//
// Each package keeps its own custom tags, their wording and its error type:
// validator's types never leave the package that calls it. This package
// has no state: a *validator.Validate from [New] caches struct metadata
// and is safe for concurrent use, so callers build one and keep it.
package validation
