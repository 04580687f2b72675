// Package policy encodes Pakistan's Protection against Harassment of Women at
// the Workplace Act, 2010, its 2022 amendment, the provincial versions and
// institutional policies as versioned, cited data.
//
// A [Policy] is one version of the law in one jurisdiction: its deadline
// rules ([DeadlineRule], looked up by [RuleID] with [Policy.Rule]), the
// penalty catalogue of s.4(4) ([Penalty]), the Inquiry Committee rules of
// s.3(2)-(3) ([CommitteeRules]), who may complain and who may be accused
// ([Policy.MayComplain], [Policy.MayBeAccused]), the routes a complaint may
// take ([Routes]) and the project's documented interpretations where the law
// is silent ([Interpretations]). Every number, role and route carries a
// [Citation]: the section, the project's [Confidence] (high: the text was
// read; medium: a secondary source; low: inferred or contested), whether it
// is inherited from the federal text because the policy's own text was not
// read, and a note on any uncertainty. Where the law is uncertain the value
// is a documented [Param], never a silent constant.
//
// A [Set] holds policies. [Builtin] returns the built-in set:
//
//   - pk-federal-2010: Act IV of 2010 as enacted, 2010-03-09 to 2022-01-21;
//   - pk-federal-2022: as amended by Act V of 2022, from 2022-01-21;
//   - pk-punjab-2013, pk-sindh-2010, pk-kp-2018, pk-balochistan-2016: the
//     provincial versions, with the 2010 definitions;
//   - hec-2020: the HEC university policy, an institutional overlay on
//     pk-federal-2022 whose unread details are inherited and marked low.
//
// [Set.For] finds the statute in force in a jurisdiction on a date: each
// jurisdiction's statutes are sorted half-open intervals [From, Until),
// searched like time.Location's zone transitions. An Act "in force at once"
// applies from its day of assent (interpretation 1). Which date to ask about
// is the caller's choice: procedure follows the filing date, substance the
// incident date (interpretation 2). Before a province's own statute took
// effect, Act IV of 2010 as enacted applied there (s.1 extended it to the
// whole of Pakistan); only Sindh's built-in policy reaches back to 2010.
//
// Institutions may be stricter than the statute, never laxer. An [Overlay]
// (Go value, or a YAML or JSON file read by [ParseOverlay]) names a base
// statute and what it changes; [Set.Apply] checks it and returns a new
// institutional policy, or an [*OverlayError] listing every change that
// would cut a right the statute gives.
//
// Periods are data: this package does not count days, move deadlines past
// holidays, or read the clock (package deadlines does the counting, from
// dates the caller gives). Policies and sets are immutable and safe for
// concurrent use; no package-level state is mutable.
//
// Non-goals: this package is not legal advice and not a reproduction of the
// statutes' text. The enacted wording of the 2022 s.2(g), (h) and (n), the
// HEC 2020 details and the provincial procedural sections were not read;
// their citations say so.
package policy
