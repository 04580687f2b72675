// Package reminder makes sure a statutory deadline reaches the people who
// must meet it: a sweep finds every open deadline of every stored case that
// falls due within the configured windows (by default 3 days and 1 day
// before, on the day, and overdue), and a durable outbox in the store's own
// database delivers each reminder to a webhook as a CloudEvents 1.0 JSON
// event, signed with HMAC-SHA256, and optionally by e-mail, retrying with
// backoff.
//
// # Once per case, rule, window and due date
//
// A reminder's identity is its case, rule, window and due date; its
// CloudEvents id is derived from them. The outbox keeps each identity once
// (a unique key), so sweeping again, from this process or another, adds
// nothing. Delivery claims a reminder with a lease (on PostgreSQL with
// FOR UPDATE SKIP LOCKED, so several servers on one database never claim the
// same one), sends it outside any transaction, then marks it sent. A process
// that dies between sending and marking leaves a claim that expires: the
// reminder is sent again, byte for byte, with the same id. Receivers that
// act on each id once (as CloudEvents consumers should) therefore act
// exactly once; no design can do better over a network.
//
// # What a reminder carries
//
// The event's type is pk.hifazat.deadline.due (before the last day, or on
// it), pk.hifazat.deadline.overdue (a party's filing or a target past its
// day) or pk.hifazat.deadline.breach (a forum's statutory duty past its
// day). Its data holds the case id, the rule, its kind, the window, the due
// date, the forum that must act and the rule's citation: never a name, an
// identity or any text of the case.
//
// # By e-mail
//
// [Mail] sends the same reminder over SMTP to the address of the forum that
// must act: a plain-text summary of the data and the event itself, its id
// as the Message-ID (a resent reminder is the same message), STARTTLS
// whenever the server offers it, and a login only over TLS. Each channel
// has its own outbox ([Outbox.Channel]) and a [Loop] delivers on each
// ([Loop.Channels]), so a webhook that is down never makes an e-mail go
// twice, nor the reverse.
//
// The package never reads the clock: every call takes the time or date.
package reminder
