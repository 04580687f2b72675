// Package casefsm models the life of a workplace-harassment complaint under
// Pakistan's Protection against Harassment of Women at the Workplace Act,
// 2010, from an informal report to the implementation of the last decision,
// as a finite state machine driven by dated events.
//
// # The model
//
// The lifecycle is data. A [Transition] row names an event ([EventType]),
// the roles that may perform it ([Role]), the states it may be performed in
// ([State]), the state it leads to (or none, for events recorded without
// moving the case), the route it belongs to ([Route]: the Inquiry Committee
// or the Ombudsperson, chosen by the first filing, s.8(1)) and the
// provision that says so. A [Definition] compiles the table for one policy
// once: the routes a policy switches off (informal resolution, direct
// filing, appeal, representation, withdrawal, dismissal at admission)
// remove rows, and [NewDefinition] checks what is left. The names of
// states, events, roles, findings and refusal codes are the vocabulary of
// the case file and never change.
//
// # Cases
//
// An [Engine], built once from a policy set, holds a Definition for every
// policy, the holiday calendars and the committee validator. A [Case] is
// its [Header] (policy, jurisdiction, calendar, incident date, parties) and
// its [Event]s. Everything else — state, route, policies, the periods that
// are running — is derived by applying the events in order with
// [Case.Apply], which refuses an event the law bars or that cannot have
// happened with a [*Refusal] carrying a stable [Code], a message and a
// citation, and leaves the case exactly as it was. A stored case is
// rehydrated by replaying its events ([Engine.Open]); a stored state name is
// never trusted.
//
// The procedure policy is the one named in the header, or the statute in
// force in the jurisdiction on the day of the first formal filing; the
// substantive policy, which decides who may complain, is the one in force
// on the incident date (interpretation 2). Both are fixed at filing.
//
// The library records what forums did. A forum's late duty is accepted and
// reported as a breach; a late defence is accepted and marked late; a
// Competent Authority decision that differs from the recommendation is a
// breach of s.4(5), not a refusal. What it refuses: an actor the table does
// not name, an event its state does not allow, a complainant the
// substantive policy does not cover, ex parte or finalising too early, a
// late appeal or representation without recorded condonation, and
// incomplete events.
//
// [Case.Status] reports a case as of a date: its state, every period its
// events started with its status (pending, overdue, met, late, or paused
// while a stay is in force), breaches, the events permitted next with their
// actors, and warnings. Deadlines are computed only there and in the guards
// that need them, by package deadlines on the calendar of the forum that
// acts or receives.
//
// # Interchange
//
// The case file is JSON: the header's fields and "events", each with
// "type", "on" and "by" and the fields its type takes. [Decode] reads it
// strictly (an unknown field, event type or penalty code is an
// [*InputError] naming the event and field) and [CaseFile.Encode] writes it
// back. [Engine.Report] replays a file up to its first refused event and
// returns a [Report], whose JSON is the output of `hifazat case status`.
// [Definition.Mermaid] and [Definition.Graphviz] draw the lifecycle.
//
// # Concurrency and the state machine
//
// Engines and Definitions are immutable and safe for concurrent use; a Case
// is not. The state machine underneath is github.com/looplab/fsm, kept
// entirely inside this package: guards run here before looplab is asked to
// move, a single before-event callback checks that looplab's destination is
// the table's, and no looplab type appears in the API.
//
// # Non-goals
//
// The package does not store cases (package casestore does), send notices
// or read the clock: every question about time takes a date from the
// caller. It does not judge the merits of a complaint or draft orders, and
// its refusals are not legal advice: they apply the project's documented
// interpretations, each a parameter of the policy.
package casefsm
