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
// [Case.Check] is a dry run of Apply: it returns the refusal Apply would,
// and changes nothing. [Fields] lists the fields each event type takes, with
// what they mean, the form of each value ([FieldKind], declared in a
// `kind:"..."` tag beside the field of [Event]) and, for a choice, exactly
// the values the event accepts there: enough to build a form.
//
// [Case.Status] reports a case as of a date: its state, every period its
// events started with its status (pending, overdue, met, late, or paused
// while a stay is in force), breaches, the events permitted next with their
// actors, and warnings. Its JSON form is a public contract, documented on
// [Status.MarshalJSON]. Asked as of a date before the last event, it
// reports the case as it stood at the end of that day, with a warning
// (events_after_as_of) counting the events it leaves out. Deadlines are
// computed only there and in the guards that need them, by package
// deadlines on the calendar of the forum that acts or receives, which
// [policy.Policy.CalendarFor] chooses. [Engine.Deadline] computes one
// deadline outside a case, counted the same way.
//
// # The committee for a case
//
// A header may carry the organisation's standing Inquiry Committee. A
// member who is complained against, or is a party or witness to the case,
// is replaced for that case only, and the committee for the case must still
// satisfy s.3(2) (s.3(3), interpretation 20). Apply refuses a replace_member
// that cannot be a replacement whatever follows it: one that replaces
// someone not on the committee for the case (never a member, or already
// replaced for it), brings in someone already on it or the member replaced,
// or brings in the complainant, the accused or a witness. It does not
// refuse a replacement that leaves the composition short of s.3(2): when
// two members must go, the first replacement alone can leave the committee
// without a woman, or without a seat, until the second is recorded, and
// refusing it would force a sequence the law does not require. Instead
// Status checks the committee for the case with package committee while
// the committee route is live, and carries one committee_invalid warning
// per rule broken (a member conflicted, a seat empty, a replacement that
// lost what the standing committee had) until a later replacement puts it
// right. A designate_chair (by the committee or the Competent Authority)
// makes one member of the committee for the case, standing or brought in,
// its only chair (s.3(2), interpretation 20); its "member" is that
// member's id ([Event.Chair]), and it is refused for a party, a witness or
// someone known not to sit on it. [Case.Committee] returns the committee
// for the case as replaced and chaired so far.
//
// # Confidentiality
//
// The seeds promise a complainant confidentiality before anything else,
// and the Act protects witnesses from adverse action (s.4(3)(d)): a leak of
// a witness's identity to the accused is the worst fault this package can
// have. So what every piece of a case is, is declared once, where it is
// defined: each field of [Header], [Party], [Event] and [Penalty], and of
// the committee's Member, Committee and Replacement, carries a
// `class:"..."` tag with its [Class] (procedural, identity, statement,
// evidence, free_text), and each [EventType] has one ([EventType.Class]):
// the class its writing takes (a note on record_statement is a
// statement). A field without a class is read only by the forums that read
// everything, and a test fails; an event type without one does not
// compile.
//
// From those declarations the package redacts, for each [Role] and for
// aggregate reporting: the case file ([CaseFile.View],
// [CaseFile.Statistics]), the status ([Status.For], [Report.For],
// [Report.Statistics]) and refusals ([Refusal.For]). Messages that name a person or quote what
// someone wrote are built of typed parts (this member, that condonation),
// and each part is shown or withheld by what it is, never by searching the
// text. This table is the contract:
//
//	reader                 identities of                         statements, evidence, free text  dates
//	complainant            complainant, accused                  her own role's                   exact
//	accused                complainant, accused                  his own role's                   exact
//	supervisor             complainant, accused                  its own role's                   exact
//	inquiry_committee      everyone                              all                              exact
//	competent_authority    complainant, accused, itself; after   its own role's                   exact
//	                       a complaint is filed, none before
//	ombudsperson           everyone                              all                              exact
//	president_or_governor  everyone                              all                              exact
//	employer               complainant, accused; after filing    its own role's                   exact
//	witness                complainant, accused                  none                             exact
//	district_court         everyone                              all                              exact
//	any other role         nobody                                none                             exact
//	statistics             nobody (removed)                      none (removed)                   to the month
//
// Procedural facts (each event's type, date and actor, the state, findings,
// penalty codes, deadlines, breaches, the events permitted next, the codes
// and citations of warnings and refusals) are read by everyone: the parties
// need them to defend their rights (s.4(1), s.6). Why the rest:
//
//   - Witnesses are named to the forums that hear the case only, the
//     committee, the Ombudsperson (who also hears appeals, s.6), the
//     District Court (appeals where no Ombudsperson is appointed, s.6(4))
//     and the President or Governor (representations, s.9). A person with several
//     parts is read by a role that reads any of them, unless one is a
//     witness: a witness who sits on the committee, and is replaced for the
//     case (s.3(3)), is a witness in the committee's member list, in the
//     replacement's "out" and in a committee_invalid warning alike, while
//     an accused who sits on it is the accused there too. An id the case
//     cannot place (a payee, a stranger named in a replacement) is read by
//     the forums only.
//   - Who sits on the committee (a member's id, name, gender, seat,
//     chair, training) is for the forums: a party meets the committee at the
//     hearing, but a list in the record would let anyone who knows the
//     standing committee tell which member was replaced, and why.
//   - The accused learns who complains from the charges (s.4(1)(a)), so
//     the parties read each other's identities; the Competent Authority and
//     the employer read them once a complaint is filed, and the informal
//     route is strictly confidential until then (Code (iii)). The
//     complaint's reference (complaint_ref), which links her cases against
//     several people, is read as her identity: statistics could link her
//     cases by it, so they never read it.
//   - Statements and evidence are confidential (s.4(3)(a)) and the forum
//     may order its proceedings confidential (s.5(4)). Free text can name
//     anyone, so it is read like a statement: by the forums and by the role
//     that wrote it (a complainant reads her note on file_complaint; the
//     accused does not). A witness knows whom the case is about, but the
//     role is many people, so it reads no writing at all, not even its
//     own; a role the table does not name reads procedural facts only. A forum's reasons reach the parties in its written
//     order, outside the record.
//   - Statistics read procedural facts only, dates to the month, and no
//     message (a message gives exact dates and may name people).
//
// A withheld value reads [Withheld]; for statistics it is removed. What a
// view cannot hide is what its reader already knows: the package protects
// the record it is given, and a deployment must still keep its database,
// its backups and its logs from those the table does not name.
//
// # Interchange
//
// The case file is JSON: the header's fields and "events", each with
// "type", "on" and "by" and the fields its type takes. Optionally,
// "committee" holds the standing committee in the form `hifazat committee
// check` reads ({"has_cba",
// "cannot_designate_internally", "competent_authority", "members": [...]}).
// [Decode] reads it strictly (an unknown field, event type, penalty code,
// gender or seat is an [*InputError] naming the event and field) and
// [CaseFile.Encode] writes it back. [Engine.Report] replays a file up to its first refused event and
// returns a [Report], whose JSON is the output of `hifazat case status`.
// [Definition.Mermaid] and [Definition.Graphviz] draw the lifecycle.
//
// # Policy parameters
//
// The policy's interpretations are read from its [Definition], copied once.
// Those casefsm applies: the gazette window (1), the substance by incident
// date (2), the conflicted route warning (4), the missing received_on
// warning (6), the roll-forward of filings (7), the findings period from
// the recorded start (9), stays (10), late defences and the condonation of
// late filings (13), ex parte after the defence period (14), the penalty
// mismatch breach (15), the complainant's knowledge anchor (16),
// implementation before closing (18: switched off, finalise and
// decide_representation close the case and record_implementation is not
// provided), retaliation surfaced (21), and AppellateDecisionDays, which is
// the one source of the length of the Ombudsperson's period to decide an
// appeal (s.6(3)): the appeal-decision rule supplies its trigger, forum and
// kind, and NewDefinition refuses a policy that has the rule but no
// positive length.
//
// Those it does not read, and why: ProtectiveDutiesTracked (22), because
// counselling, treatment, leave, compensation, interim measures and
// confidentiality orders (s.4(7)-(8), s.5(4), Code (x)) are the forum's
// statutory acts, which the case records whatever a policy says (refusing
// one would hide what a forum did), and the Act sets no period for any of
// them, so there is no clock a policy could switch; NoComplaintLimitation
// (11), because no policy states a limitation period to apply instead;
// CalendarDays (5) and the counting half of ExcludeTriggerDay (6), which are
// package deadlines' fixed counting rules. No policy the policy package
// builds switches any interpretation off: an institutional overlay cannot
// change them.
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
