// Package httpapi serves the Hifazat SDK as a JSON HTTP API, for HR
// systems and university portals that are not written in Go. It adds no
// rule of its own: every answer is the SDK's (casefsm decides, casestore
// keeps, deadlines counts, committee checks).
//
// Make a [Server] with [New] and serve it with net/http; `hifazat serve` does
// that. The routes (Go 1.22 patterns; the OpenAPI 3.1 document [OpenAPI]
// describes each, and is served at /openapi.json):
//
//	GET  /healthz                          the store answers
//	GET  /metrics                          request and reminder counts (Prometheus text)
//	GET  /openapi.json                     this API's description
//	GET  /v1/me                            the actor the token speaks for (id, role, org)
//	POST /v1/cases                         file a case (a case file); 201, ETag "1"
//	GET  /v1/cases                         list, for the forums: state, policy, overdue, due_within, at, limit, cursor
//	GET  /v1/cases/{id}                    the case as the caller's role may see it, and its status as of ?at=
//	POST /v1/cases/{id}/events             append one event or an array, If-Match: "VERSION" required
//	GET  /v1/deadlines/{policy}/{rule}     one deadline explained, from ?from=
//	POST /v1/committees/check              check an Inquiry Committee (?policy, ?lang=en|ur, ?on)
//	GET  /v1/policies, /v1/policies/{id}, /v1/policies/for?jurisdiction=&on=
//	GET  /v1/event-types, /v1/event-types/{type}   who may record each event, from which states
//	GET  /v1/compliance/audit              the employer's duties audited (?at, ?lang), on [Config.Organisation]
//	POST /v1/compliance/audit              the same for the organisation file in the body
//	GET  /v1/compliance/report             the annual report of the store (?year), k-anonymous
//	POST /v1/compliance/report             the same for the organisation file in the body
//	POST /v1/compliance/feedback           a feedback file's tables (?year, ?org)
//
// # Who may do what
//
// Every /v1 request carries "Authorization: Bearer TOKEN". A deployment
// issues tokens to actors ([Issue], `hifazat token`) and keeps only their
// SHA-256 ([TokenEntry]); a token names the actor's id, role and
// organisation, and nothing in a request (no query parameter, no header)
// can change them. The token's role is a claim the case checks, by the
// store's access rules (package casestore/access, [access.Guard]), not by
// rules of this package: an actor the case names as its accused or
// complainant reads and records as that party whatever its token says; a
// complainant or an accused reaches only a case whose header names their id
// as that party; an inquiry_committee token reaches the cases whose
// committee it sits on (or that record none), not one it was replaced for
// (s.3(3)); a case an actor may not reach is "not found" to them. The forums
// (inquiry_committee, competent_authority, ombudsperson) list the cases they
// reach; statistics reaches every case without identities and lists none.
// An actor records its own acts; a forum also records a party's,
// supervisor's or employer's act received on paper. What each role sees of
// a case, and of a refusal, is the SDK's view for that role. Every read
// (a case shown, each case listed) and every write, refused or not, is an
// entry of the store's hash-chained access log, under the token's actor.
// The compliance routes answer the forums and statistics only, with
// package compliance's counts: the audit's open cases past a deadline by
// rule, the report's tables under its rule (no count from 1 to K-1); no
// case id and no name of a party.
// Each token has its own rate limit ([Config.Rate]). A request without a
// known token (a public route, or a failed authentication) is limited per
// client address instead ([Config.ClientRate]; an IPv6 client is its /64,
// and behind [Config.TrustedProxies] the client X-Forwarded-For names), with
// at most [Config.MaxClients] addresses remembered, so that neither guessing
// tokens nor many addresses can run the server out of time or memory.
// [Server.SetTokens] replaces the tokens while the server runs: a token
// revoked is refused from the next request on (`hifazat serve` re-reads its
// token file on SIGHUP).
//
// # Errors
//
// Every error is an RFC 9457 problem ([Problem], application/problem+json)
// whose type is one of the Type constants: 409 with the case's version when
// the If-Match version is stale; 422 with the refusal's code, message and
// citation when the law refuses an event, and the field it is about
// ("field") when it is about one, as for a malformed event (400); 428
// without If-Match. Messages never
// quote a token or case content.
//
// # Operations
//
// A Server keeps no case state: many may share one database. It bounds each
// request's body ([Config.MaxBodyBytes]) and time ([Config.Timeout]), sends
// no CORS headers (a browser portal is served from the same origin), logs
// one slog line per request (route pattern, status, duration, and the
// authenticated role and token hash prefix; never an actor's or a path's
// id, a body or a token) and counts requests by route and status.
package httpapi
