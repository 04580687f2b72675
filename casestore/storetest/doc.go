// Package storetest is the conformance suite for implementations of
// [casestore.Store], in the manner of testing/slogtest: an integrator who
// writes a store of their own runs [Run] from a test, and the suite checks
// the contract every store of this module passes.
//
// The suite covers creating, importing, appending (with optimistic
// concurrency), loading, listing with every filter, verifying, refusals and
// malformed input written nowhere, cancelled contexts, closed stores, 32
// writers appending to 8 shared cases at once, and redaction: a stored case
// is read by every role and by statistics exactly as its case file is, so
// a witness who sits on the committee is named to the forums only. With the optional parts of
// [Harness] it also tampers with stored rows directly (Verify must name the
// first bad event), has four writer processes append to the same cases at
// once (every acknowledged event stored once, conflicts reported), and
// kills a writer process with SIGKILL mid-stream (the store must reopen
// with every acknowledged event).
//
// The events it writes are lawful under casefsm for a federal complaint
// filed in 2026 (file_complaint, communicate_charges, add_note) and it
// checks refusals that casefsm makes (decide before any inquiry, charges
// communicated by the accused), so a store under test must validate with
// casefsm, as production stores do. All names and ids are invented.
package storetest
