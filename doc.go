// Package hifazat is the root of the Hifazat SDK, which turns Pakistan's
// Protection against Harassment of Women at the Workplace Act, 2010 (as
// amended in 2022), its Code of Conduct, the federal Rules 2013, the
// provincial Acts and HEC's policy for universities into code. The root
// package has no API: it says where to start.
//
// # Where to start
//
//   - To see the whole thing work: go run ./cmd/hifazat demo walks a
//     synthetic complaint from filing to implementation; go run
//     ./cmd/hifazat help lists the other commands.
//   - To embed a complaint's lifecycle: package casefsm. Build one
//     casefsm.Engine from policy.Builtin (joined by your institution's
//     overlay with policy.Set.With), start cases with
//     casefsm.Engine.NewCase, record what happened with
//     casefsm.Case.Apply (or ask first with casefsm.Case.Check), and
//     report a case with casefsm.Case.Status, whose JSON is a documented
//     contract. casefsm.Engine.Deadline computes one deadline the way a
//     case does; casefsm.Fields lists what each event takes.
//   - To keep cases: package casestore, with SQLite and PostgreSQL in
//     casestore/sqlstore and the conformance suite in casestore/storetest.
//   - To serve other languages: package httpapi, run by hifazat serve.
//   - For the law as data: packages policy (the statutes, overlays and
//     interpretations, every value cited), deadlines (statutory time on
//     holiday calendars), committee (the Inquiry Committee of s.3) and
//     civil (dates without time zones).
//   - For research: package simulate runs many synthetic cases on the
//     real rules; package compliance audits an employer's own duties.
//   - Worked programs: package examples holds Example functions that go
//     test runs and checks, and runnable programs in its subdirectories.
//
// Data flows one way: civil, then policy, then deadlines and committee,
// then casefsm, then casestore, simulate and compliance, then the hifazat
// command and the examples. Nothing in the SDK reads the clock, and
// nothing it returns is legal advice.
package hifazat
