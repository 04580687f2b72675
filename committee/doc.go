// Package committee checks that an Inquiry Committee is constituted as the
// Protection against Harassment of Women at the Workplace Act, 2010 and the
// policy in force require (s.3), as a standing committee and as the
// committee for one complaint.
//
// A wrongly constituted committee exposes its whole inquiry to challenge.
// [Validator.Check] applies a policy's [policy.CommitteeRules] to a
// [Committee] and returns a [Report] that lists every rule broken, not only
// the first, each as a [Violation] with a stable [Code], the members
// concerned, a message in English or Urdu, and the citation.
//
// # What is checked
//
// The standing committee (s.3(2)): exactly three members; at least one
// woman, who may hold any seat (a woman from senior management satisfies
// both rules); one member from senior management; one senior representative
// of the employees where the organisation has a CBA, or a senior employee or
// a representative where it has none; exactly one chairperson, designated
// from amongst the members; no member listed twice; members from outside the
// organisation only where it records that it cannot designate three from
// within. Each member record needs an id, a name, a gender and a seat.
//
// The committee for a case (s.3(3), interpretation 20), when
// [CheckOptions.Case] is set: the case's replacements are applied in order,
// and the committee as replaced must still meet every composition rule; a
// member who is the complainant, the accused or a witness must have been
// replaced; replacements may come from outside. The chairperson is a flag
// on a member, so a chair replaced for the case without a replacement
// designated chair is reported as chair_not_member: the person designated
// is not a member of the committee that hears the case. Conflict signals
// the host supplies (a reporting line, a family relation) are warnings
// unless the policy's SignalsRefuse makes them violations.
//
// Institutional overlays add rules through the same CommitteeRules: more
// than one woman (too_few_women), a woman chair (chair_not_female), members
// trained within some months of the date checked (untrained_member). They
// never remove a statutory rule; that is enforced where overlays are built,
// in package policy.
//
// The Competent Authority (s.3(4), s.11(1)) is recorded on the committee;
// its absence, and an accused who is the Competent Authority
// (interpretation 4: the internal route is conflicted and the complainant
// may go to the Ombudsperson, s.8(1)), are warnings.
//
// # Using it
//
// Build one [Validator] with [NewValidator] and share it: it is immutable
// and safe for concurrent use. Read committee files with [Parse] (JSON or
// YAML). Callers who want an error rather than a report use [Report.Err],
// which returns an [*Error] listing every violation. The package never
// reads the clock: the date checked is [CheckOptions.On].
//
// The checks are built on github.com/go-playground/validator/v10 (struct
// tags for each member record, a struct-level rule for the rest) and its
// translation support with go-playground/universal-translator; none of
// their types appear in this package's API.
//
// # Non-goals
//
// The package does not store committees, track their history or decide
// which policy is in force (package policy does); it does not run cases
// (package casefsm does, and calls Check on its replace_member events). It
// matches people by id only and cannot tell whether two ids are one person.
package committee
