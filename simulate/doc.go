// Package simulate runs many synthetic complaints through the real
// lifecycle of Pakistan's Protection against Harassment of Women at the
// Workplace Act, 2010, so that researchers and policy-makers can ask what
// the rules do to a caseload: how many cases breach the 30-day findings
// period when a committee can carry three cases at once, what the 2022
// amendment's wider coverage does to the number of complaints admitted,
// how long a complainant waits when Eid falls in the defence period.
//
// # Scenarios
//
// A [Scenario] describes a world: the policy (a built-in statute, or an
// institution's overlay on one) and the organisation's calendar; a period
// of arrivals and how long cases are followed after it; how many
// complaints reach an organisation each month, with optional
// seasonality; who complains (the mix of relationships of s.2(e), (f));
// how they first come forward (informally, to the Inquiry Committee, or
// to the Ombudsperson); the probabilities of each outcome (informal
// resolution, the three findings, appeal, representation, withdrawal);
// the distribution of the days every step takes ([Delay]: fixed,
// uniform, exponential or lognormal); and how many cases a committee
// carries at once, so that queues form. [DefaultScenario] documents the
// defaults; [Simulator.Parse] and [Simulator.Load] read a scenario from
// YAML or JSON on top of them, refusing unknown fields, negative rates,
// shares that do not sum to one and unknown policies with a
// [*ScenarioError] naming the field.
//
// # The real rules
//
// Every simulated case is a casefsm.Case made by the same casefsm.Engine
// a real deployment uses: each act (a complaint, the charges, a defence or
// an ex parte order, findings, a decision, an appeal...) is applied with
// Case.Apply, so the transition table, the guards and the deadline
// arithmetic of package deadlines are exactly those a real case meets.
// The package never re-implements a rule. Refusals happen as in life: an
// appeal filed after its period is refused as time-barred, a complainant
// the policy does not cover is refused at filing; they are counted by
// their casefsm code. Deadlines, their status and the breaches are those
// casefsm's Case.Status reports at the case's end. The simulated forums
// plan with package deadlines (a committee orders ex parte only once the
// defence period has run out; a forum finalises once no appeal window is
// open), so that the rules, not the simulation, decide what is refused.
//
// Who may complain follows the statute in force on the incident date
// (interpretation 2), as casefsm decides: a scenario naming
// pk-federal-2010 with incidents after 2022-01-21 admits the complainants
// of the 2022 amendment. To study the 2010 coverage, place the period
// before 2022; the report notes when a period falls outside its policy.
//
// # Reproducible and parallel
//
// [Simulator.Run] simulates as many organisations as it takes to reach
// the number of cases asked for, spread over all cores. Every random
// draw comes from a stream named by the seed and the case's index (or
// the organisation's, for arrivals), so a case's fate does not depend on
// which worker simulated it: the same scenario, cases and seed give the
// same [Report], and the same JSON byte for byte, whatever the number of
// workers (with the same Go release). The committee's queue couples the
// cases of one organisation, so each organisation is simulated by one
// worker, first come first served. Two scenarios run with the same seed
// give each case the same luck, which sharpens their comparison.
//
// # Aggregates
//
// Results stream into fixed-size integer aggregates, so memory does not
// grow with the number of cases: days from the first report to each state
// and to closure (mean and exact nearest-rank percentiles of whole days),
// the status and breaches of every deadline rule, the share of deadlines
// touching an estimated holiday, appeals and representations, refused acts
// by code, and the backlog at each month's end. [WriteText] prints a
// report for people, [WriteCSV] its [Report.Metrics] for analysis,
// [Compare] and [WriteComparison] set two reports side by side, and
// package chart draws the backlog and the distribution of time to closure
// as SVG.
//
// # Non-goals
//
// The numbers of [DefaultScenario] are invented to be plausible, not
// measured; a simulation is only as good as its scenario. The package
// models one complainant and one accused per case, a penalty of censure
// when guilty, no stays, remands or dismissals at admission, and no
// capacity limit at the Ombudsperson. It reads no clock and keeps no
// state between runs.
package simulate
