// Package casestore keeps harassment cases so that none is lost, altered
// unseen, or shown to someone who may not see it.
//
// A case speaks casefsm's vocabulary from the caller to the database: a
// [casefsm.Header] and an append-only list of [casefsm.Event]s. A [Store]
// creates cases (empty, or imported from a case file read by
// casefsm.Decode), appends events with optimistic concurrency ([Store.Append]:
// the caller states the version it read; a stale append fails with
// [ErrConflict] and writes nothing) or at the head ([Store.Apply]), loads
// cases, lists them with the filters a dashboard needs, and verifies them.
//
// Every write is decided by the store's [casefsm.Engine] inside the write:
// the store reads the case, casefsm replays it and applies only the new
// events, and an event the law refuses never reaches storage; the refusal
// is casefsm's own [*casefsm.Refusal], with its code, message and citation.
// The store keeps what casefsm derives ([Projection]: the policy, the
// [casefsm.State] and the open [deadlines.Deadline]s) so that "overdue as
// of D" is an indexed query; [Filter] takes the same types and refuses a
// state or policy that does not exist with a [*FilterError]. To act on a
// stored case, [Case.Open] replays it on an engine: its Status, its
// committee, a dry run of the next event.
//
// Implementations: package casestore/memstore (in memory, for tests and
// tools); SQLite (the embedded default) and PostgreSQL in package
// casestore/sqlstore, whose Open takes a location such as
// "sqlite:./hifazat.db" or "postgres://...". Package casestore/storetest
// is the conformance suite every store passes and integrators can run on
// their own; package casestore/storekit holds what a store implementation
// needs (canonical bytes, the hash chain, the decision of a write).
//
// # Tamper evidence
//
// Each stored event carries a hash over the previous event's hash, its
// version and its own canonical bytes (RFC 8785 JSON of the typed event):
// SHA-256, or HMAC-SHA-256 when the deployment gives [Options.ChainKey].
// The chain starts from a hash over the case id and header. Every Load and
// every write checks the case first, as Verify does, and refuses an altered
// one with a [*TamperedError]: the chain, then the index a store keeps
// beside it (state, policy, open deadlines, an event's type, date and actor
// columns), recomputed from the events. Each acknowledged write returns a
// case whose [Case.Receipt] a party keeps outside the database;
// [CheckReceipt] later proves the case still holds it. What each change to
// the stored rows is caught by (the conformance suite's table, run on every
// store):
//
//	change to the stored rows                         caught by       reported as
//	an event's bytes edited                           Load, Verify    modified, that event
//	an event edited and its hash recomputed           Load, Verify    modified, that event (*)
//	an event deleted (later ones renumbered)          Load, Verify    deleted, that version
//	the last event deleted                            Load, Verify    deleted, that version
//	two events swapped                                Load, Verify    reordered, the first
//	an event inserted with a valid hash               Load, Verify    inserted, that version
//	the header edited                                 Load, Verify    case_modified
//	the state, policy or deadline index edited        Load, Verify    index_modified
//	an event's type, date or actor column edited      Load, Verify    index_modified, that event
//	truncated, head and index rolled back             a receipt       ReceiptError: events removed
//	the whole case deleted                            a receipt       ReceiptError: case deleted
//
// On a sealed case the chain covers the sealed bytes. Sealed content
// replaced, even with every hash recomputed, does not open under the
// case's key, and its clear facts (type, date, actor) must match what it
// opens to: Load reports the event modified. Without the key, Verify
// checks the chain and the clear facts against the index columns only.
//
// (*) Unkeyed, the later events still chain to the old hash, which names
// the event; with a chain key the forger cannot compute a valid hash at
// all. Without a key, someone who rewrites every later hash and the head
// too is caught only by a receipt taken before; with one, only a holder of
// the key can. List reads the index without checking it: a case hidden
// from "overdue" by an edited index is refused as soon as it is loaded.
//
// # Confidential views
//
// [ViewAs] shows a case to a [casefsm.Role]; [Statistics] to aggregate
// reporting. Both are package casefsm's views of the case file
// ([casefsm.CaseFile.View], [casefsm.CaseFile.Statistics]) with the case's
// id: what each role reads is the table in casefsm's documentation, decided
// from the confidentiality class declared beside each field and event type
// there, so that a store, the CLI and the HTTP API redact alike. A
// witness, and a committee member who is also a witness, is named to the
// forums only (s.4(3)(d)); writing is read by the forums and by the role
// that wrote it; statistics read procedural facts only, dates to the month,
// and no case id. Withheld values are replaced by [Withheld].
//
// Nothing in this package logs or prints case content. Error messages name
// case ids, versions, fields and event types, and quote at most the first
// 40 bytes of a field that is the wrong type; never a note or a statement.
//
// # What the library protects, and what the deployment must
//
// The library protects, once a case is stored through a Store:
//
//   - the law: every write is decided by casefsm on the case as stored,
//     and an event dated after the caller's today ([Options.Today]) or
//     outside its calendars' years is refused;
//   - the record: the hash chain, the checked index and receipts (above);
//     a case altered outside the store is neither shown nor extended;
//   - who reads what: views redacted per role (above), and, through
//     package casestore/access, reads checked against the case and logged
//     in a hash-chained access log;
//   - its inputs: every decoder is bounded and strict, and no error
//     quotes case content, a database password or a key;
//   - content at rest: with a deployment key every new case's header and
//     events (identities, statements, evidence, free text) are encrypted
//     with a key of the case's own, which the deployment's key wraps; the
//     database holds ciphertext and, in clear, only the procedural facts
//     List needs (an event's type, date and actor; the policy, state and
//     open deadlines). A store without the key, or with another, refuses
//     a sealed case with a [*KeyError] ([ErrNoKey], [ErrWrongKey]), never
//     returning ciphertext; Verify and List need no key;
//   - erasure: [Eraser.Erase] destroys a case's key once it is withdrawn
//     or closed, its retention period over and no hold in force. Its
//     content is then unreadable by anyone holding any copy of the
//     database, while its chain still verifies and List still counts it;
//     Load returns an [*ErasedError].
//
// The deployment must:
//
//   - authenticate people: the library checks a claimed role against the
//     case, but who is logged in is the deployment's answer;
//   - keep the chain key ([Options.ChainKey]) away from the database and
//     its administrators, and give the same key to every store process;
//     a lost key makes every keyed case fail Verify;
//   - give parties their receipts (outside the employer's database), and
//     keep copies of the access log's last hash elsewhere, for the same
//     reason;
//   - run the database with users of least privilege (the application's
//     user needs no DROP or ALTER; auditors read-only), back it up (the
//     chain detects loss, it does not undo it), and restrict the SQLite
//     file's directory (files are created 0600);
//   - keep the deployment key ([Options.Keys], a key file read by package
//     casestore/seal) apart from the data: never in the database, its
//     backups or its directory, readable by the store's process only, and
//     backed up on its own: a lost key makes every sealed case unreadable
//     for good (that is what erasure does on purpose). Rotate it by
//     listing the new key first and the old after (casestore/seal.NewKeyring),
//     re-wrapping every case ([Rewrapper]), then destroying the old key;
//   - give every store the key, or accept that new cases are stored in
//     clear: without one a store works unencrypted, and [Options.Warning]
//     is the line to show. Cases stored in clear before a key was given
//     stay in clear (and cannot be erased by crypto-shredding);
//   - decide its retention period ([Options.Retention], a deployment
//     parameter: the law sets none) and place holds ([Eraser.Hold]) for
//     suits and inquiries before erasing.
//
// What the library does not protect: a process holding the deployment key
// reads every sealed case (authenticate and restrict it); the clear
// procedural facts say that a case exists and how it went; copies of a
// case taken before its erasure (exports, views printed) are the reader's.
//
// The package does not decide the law (casefsm does) and does not read
// the clock (List takes the date to judge deadlines on).
package casestore
