// Package storekit is what a [casestore.Store] implementation needs and its
// users do not: the canonical bytes a store keeps ([Canonical], [EventBody],
// [HeaderBody]), the hash chain over them ([Genesis], [Chain]), the
// decision of a write by casefsm ([Create], [Append]), the strict reading
// of stored rows ([Decode]) and the check of a stored chain
// ([VerifyStored]).
//
// A store's write is: read the case's rows inside the write transaction,
// [Decode] them, [Append] the new events (casefsm replays the stored events
// and applies only the new ones, refusing what the law refuses), and write
// the returned rows and projection if the case is still at the version
// read. Nothing is cached between writes: the rows read are the truth.
//
// # Tamper evidence
//
// Each stored event carries a SHA-256 hash over the previous event's hash
// and its own canonical bytes ([Chain]); the chain starts from a hash over
// the case id and header ([Genesis]). Canonical bytes are RFC 8785 JSON of
// the typed value, so two stores writing the same event write the same
// bytes. [VerifyStored] (behind every store's Verify) walks a case and
// reports the first event modified, deleted, inserted or reordered, or a
// changed header, as a [casestore.Problem].
package storekit
