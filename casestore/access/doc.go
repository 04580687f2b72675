// Package access enforces who may read a stored case and records every
// read in an append-only, hash-chained access log.
//
// A [Guard] wraps a [casestore.Store]. Every read takes an [Actor]: the
// person's id (in the id space of the case's parties and committee) and the
// role they claim. The role is checked against the case, not believed:
//
//   - an actor who is the case's accused reads the accused's view, and one
//     who is its complainant the complainant's, whatever role they claim;
//   - an actor who is a witness in the case is refused any forum's view,
//     and one who is not is refused the witness's view (which names the
//     parties);
//   - an actor claiming the inquiry committee must be a member of the
//     case's committee (or have replaced one), and one replaced for the
//     case (s.3(3)) is refused;
//   - a case that records no committee in its header ties no one to it:
//     every committee claim is refused, with a reason saying to record the
//     committee;
//   - an actor claiming the competent authority must be the one the
//     header's committee names (committee.competent_authority); none named,
//     the claim is refused, saying to record it;
//   - the Ombudsperson, the District Court and the President or Governor
//     are not named by id in a case, so the case ties them by its events:
//     the Ombudsperson once a complaint was filed with her
//     (file_with_ombudsperson) or an appeal lodged (file_appeal), the
//     District Court once an appeal was lodged (s.6(4): it hears appeals
//     while no Ombudsperson is appointed), the President or Governor once
//     a representation was made (make_representation). Who holds the role
//     is the deployment's to authenticate;
//   - the employer and the supervisor are refused: a case's header has no
//     field naming either, so a forum or an administrative actor records
//     their acts.
//
// So an id absent from a case, whatever forum it claims, reads nothing of
// a case that has not reached that forum.
//
// The whole, unredacted case ([Guard.Export], [Guard.ReadWhole]) is for the
// administrative actors the Guard names only; [Guard.ReadStatistics] serves
// aggregate reporting. Writes go through the Guard too: [Guard.Create] and
// [Guard.Append] let an actor record its own acts (a forum also a party's,
// supervisor's or employer's act received on paper; an administrative
// actor any act), and redact a refusal for the role the actor acts as.
// [Guard.List] lists to the forums the cases they sit on. Every read and
// write, refused or not, is a log [Entry] (who, claiming which role, acting
// as which, what, when, and the outcome), chained by SHA-256 to the entry
// before it, so an entry cannot be removed or changed unnoticed
// ([VerifyLog]); [Guard.Access] shows a case's entries to its forums. The
// stores keep the log beside the cases ([LogKeeper], [Of]).
//
// What the package does not do: authenticate anyone (the deployment's
// login does), or stop someone with the database's credentials from reading
// its tables directly (database users and encryption at rest do).
package access
