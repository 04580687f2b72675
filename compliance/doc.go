// Package compliance checks an organisation's duties as an employer under
// Pakistan's Protection against Harassment of Women at the Workplace Act,
// 2010, the federal Rules 2013 and its institutional policy, and reports on
// its cases without naming anyone.
//
// One complaint at a time is package casefsm's job. This package looks at
// the employer: did it constitute its Inquiry Committee within 30 days
// (s.3(1)) and is the committee lawfully composed now (s.3(2), checked by
// package committee)? Did it designate a Competent Authority (s.3(4)) and
// send the order to the Ombudsperson and its employees within 7 days (Rules
// 2013 r.3(2))? Is the Code of Conduct displayed in English and in the
// language of the majority within six months (s.11(2)) and part of the
// management policy (s.11(1))? Are the committee's members trained where its
// policy requires it? Do new employees acknowledge the Code at recruitment?
// And, from its case store, how many open cases are past a statutory
// deadline?
//
// # The organisation's record
//
// An [Organisation] is read from a YAML or JSON file by [ParseOrganisation],
// strictly: an unknown field, a key given twice, a wrong type or a value out
// of range is a [*MalformedError] naming the field's path and line. It holds
// the employer's own facts: its kind (s.2(g), (l) as amended in 2022), the
// day it came under the Act, its committee with each member's appointment and
// trainings, its Competent Authority's designation and notice, where and when
// the Code was displayed, and monthly counts of hires and acknowledgements.
//
// # The audit
//
// [Audit] returns one [Finding] per duty: its citation and confidence, its
// status ([Met], [Late], [Missing] or [Due]), its deadline as package
// deadlines computes it on the organisation's calendar, and what to do next,
// in English or Urdu. The Act counts the 30 days and the six months from its
// own commencement; for an organisation that came under it later the Act
// sets no clock, so the audit counts from the day it did and
// says so, citing the rule with low confidence. A late duty stays late: the
// record shows when it was done, and an employee may petition the District
// Court over any failure to comply with s.11 (s.11(3)).
//
// # Boundaries
//
// The package reads cases only through casestore's public interface, in one
// file, and never writes. The lifecycle (casefsm) knows nothing of it. It
// never reads the clock: every date is the caller's.
package compliance
