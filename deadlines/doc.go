// Package deadlines computes statutory deadlines under Pakistan's Protection
// against Harassment of Women at the Workplace Act, 2010, exactly and
// explainably, from a [policy.DeadlineRule], a trigger date and a
// [Calendar] of the days an office is open.
//
// A defence is due seven days after the charges are communicated
// (s.4(1)(b)). Communicated on Saturday 7 March 2026, its seventh day is a
// Saturday too, when the Inquiry Committee's office is closed, so the
// defence may be filed on Monday (the package Example runs this):
//
//	pol, err := policy.Builtin().For(policy.Federal, from)
//	rule, _ := pol.Rule(policy.RuleDefence)
//	cal, err := deadlines.Builtin(pol.CalendarFor(rule.Forum, "").Value) // build once, share
//	d, err := deadlines.Compute(rule, from, cal)
//	d.Due           // 2026-03-16, a Monday
//	d.RolledForward // true: the last day, 2026-03-14, is closed
//	d.Explain()     // "defence: 7 days from 2026-03-07 (trigger day excluded) end on ..."
//
// [Compute] returns a whole [Deadline] with the rule's identity, citation
// and explanation; [Calendar.Due] is its counting alone, for hot paths that
// need only the dates.
//
// # Counting time
//
// [Compute] and [Calendar.Due] count as the project's interpretations 5 to
// 10 say the law does:
//
//   - Days are calendar days; the Act never says working days. "One week" is
//     a period of 7 days.
//   - Months are calendar months counted with [civil.Date.AddMonths]: the
//     same day of the month, or the last day of a shorter month
//     (31 August + 6 months = 28 or 29 February).
//   - The trigger day is excluded (General Clauses Act s.9): "within 3 days
//     of" 2 March ends at the end of 5 March.
//   - A [policy.Filing] (an act of a party at a forum: defence, appeal,
//     representation) whose last day is closed on the receiving office's
//     calendar runs to the next open day (General Clauses Act s.10).
//   - A [policy.Duty] of a forum, and a [policy.Target], is never moved;
//     the [Deadline] reports beside it the last open day on or before it,
//     so the forum can plan.
//   - A [Stay] pauses the clock: its days are added back to a period it
//     began within (interpretation 10).
//   - A deadline whose period touches an estimated holiday says so: the
//     dates may move when the holiday is notified (interpretation 8).
//
// [Deadline.Explain] gives a one-sentence account in a stable format with
// the rule's citation, and [Deadline.StatusAt] says whether an act is
// pending, overdue, met or late on a given day.
//
// # Calendars
//
// A [Calendar] is data, never code: a weekend rule and dated holidays, each
// [Fixed], [Notified] or [Estimated], over a range of whole years. Dates
// outside that range are errors ([ErrOutOfCoverage]) rather than guesses.
// [Builtin] provides "pk-federal" (federal offices) and "pk-islamabad"
// (federal offices in the capital, where the Ombudsperson and the President
// sit) from the project's holiday table for 2010 to 2030; institutions build
// their own with [NewCalendar] or from a JSON or YAML file with
// [ParseCalendar], usually starting from a built-in one and replacing
// estimated dates as notifications arrive.
//
// Calendars are immutable and safe for concurrent use. Building one parses
// and indexes its data, so build it once and share it; the package keeps no
// state of its own. Nothing here reads the clock: every date is an argument.
//
// # Non-goals
//
// The package does not decide which rule applies to a case, when a trigger
// happened, which forum's calendar to use, or whether a late act is accepted:
// packages policy and casefsm do. It knows no time of day or time zone
// (see package civil), and it does not apply the Limitation Act's exclusion
// of time taken to obtain copies, or any condonation of delay, which forums
// grant case by case.
package deadlines
