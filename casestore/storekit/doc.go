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
//
// # Sealed bodies
//
// With a deployment key ([Kit.Keys]) a new case is sealed: a random
// 256-bit case key, wrapped by the deployment's key, is kept beside the
// case ([StoredCase.Key]); its header is stored as {"sealed":S} and each
// event as {"by":R,"on":D,"sealed":S,"type":T}, where S is the canonical
// JSON of the header or event encrypted with AES-256-GCM under the case
// key (random 96-bit nonce first, base64url), bound by its additional data
// to the case id and, for an event, its version, so that sealed bytes
// moved to another case or place do not open. The hash chain is computed
// over these stored bytes, so [VerifyStored] needs no key, and keeps
// working once the case key is destroyed (erasure, [Kit.CheckErase]).
//
// Whole bodies are sealed, rather than split into procedural fields in
// clear and confidential ones sealed, because:
//
//   - it fails closed: a field added to casefsm later, or declared with
//     the wrong class, is sealed whatever its class says; a split would
//     leak whatever the class tags get wrong;
//   - the stored bytes, which the chain covers for ever, do not depend on
//     the class tags, which may be revised (a revision would otherwise
//     change what a case's old rows must look like);
//   - what must stay readable is small and already kept as index columns:
//     an event's type, date and actor, and the case's policy, state and
//     open deadlines. They are in clear in the envelope (so that they are
//     covered by the chain) and in the index (so that List is a query);
//     [Kit.Load] checks each against the opened content.
//
// The price: after erasure, nothing but those facts remains (no penalty,
// finding or relationship), and without the key Verify checks the chain
// and the events' facts but not the state and deadline index, which only
// the events can confirm ([casestore.Verification.Sealed]). A case stored
// in clear (before a key was given) stays in clear and readable; rows of
// both forms are told apart by their bytes, so a store holds both.
package storekit
