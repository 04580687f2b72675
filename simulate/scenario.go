package simulate

import (
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Scenario describes the world a simulation runs in: the rules (a built-in
// policy, or an institution's overlay on one) and the organisation's
// calendar; when cases arrive and how many; who complains and by which
// route; how the forums and parties behave (outcome probabilities and the
// delay of every step); and how many cases a committee can carry at once.
//
// A Scenario is a plain value: build one in Go (usually by editing
// [DefaultScenario]) or read one from YAML or JSON with [Simulator.Parse].
// [Simulator.Validate] checks it; [Simulator.Run] refuses an invalid one.
// The zero Scenario is not valid (it names no policy and no arrivals).
//
// The file form uses the snake_case names of the yaml tags. A file starts
// from [DefaultScenario]: each top-level section it gives replaces the
// default's section whole (so the probabilities of a mix always come from
// one place), except delays, where each step given replaces that step.
type Scenario struct {
	// Name labels the scenario in reports and comparisons.
	Name string `yaml:"name" json:"name" validate:"max=100,printable"`
	// Policy is the id of a built-in policy, such as "pk-federal-2022".
	// Every simulated case names it, whatever its dates: a scenario is a
	// counterfactual world in which these rules apply. Leave it empty when
	// Overlay is set.
	Policy policy.ID `yaml:"policy,omitempty" json:"policy,omitempty"`
	// Overlay is an institution's policy on top of a statute (in a file:
	// the overlay inline, in the format of policy.ParseOverlay, or in
	// [Simulator.Load] the name of an overlay file beside the scenario).
	// Cases then follow the institutional policy it yields.
	Overlay *policy.Overlay `yaml:"overlay,omitempty" json:"overlay,omitempty" validate:"-"`
	// Calendar is the id of the organisation's holiday calendar
	// ("pk-federal" or "pk-islamabad"), used for the committee's and the
	// Competent Authority's days; the Ombudsperson and the President use
	// the calendar the policy gives them (interpretation 7).
	Calendar string `yaml:"calendar" json:"calendar" validate:"required"`
	// Period is when cases arrive and how long they are followed.
	Period Period `yaml:"period" json:"period"`
	// Arrivals is how many complaints reach one organisation each month.
	Arrivals Arrivals `yaml:"arrivals" json:"arrivals"`
	// Complainants is the mix of complainants' relationships to the
	// organisation (s.2(e), (f)): the share of cases brought by each. The
	// shares sum to one. A relationship the policy does not cover is
	// refused at filing, as in life (ineligible_complainant).
	Complainants map[policy.Relationship]float64 `yaml:"complainants" json:"complainants" validate:"required,min=1,dive,keys,relationship,endkeys,probability"`
	// Routes is how complainants first come forward.
	Routes Routes `yaml:"routes" json:"routes"`
	// Outcomes are the probabilities of what forums find and parties do.
	Outcomes Outcomes `yaml:"outcomes" json:"outcomes"`
	// Delays are how long each step takes, in days.
	Delays Delays `yaml:"delays" json:"delays"`
	// Committee is the capacity of each organisation's Inquiry Committee.
	Committee Committee `yaml:"committee" json:"committee"`
}

// Period is the arrival window and the follow-up after it. Cases arrive on
// days in [Start, Start + Months months); every case is followed until
// Start + Months + FollowMonths months (exclusive), the end of
// observation: a case still open then is reported as open, and its later
// steps are not simulated. The backlog is reported for each month from
// Start's month to the end of observation.
//
// The zero Period is not valid.
type Period struct {
	// Start is the first day cases may arrive.
	Start civil.Date `yaml:"start" json:"start"`
	// Months is the length of the arrival window, 1 to 240.
	Months int `yaml:"months" json:"months" validate:"min=1,max=240"`
	// FollowMonths is how long cases are followed after the last arrival,
	// 0 to 120.
	FollowMonths int `yaml:"follow_months" json:"follow_months" validate:"min=0,max=120"`
}

// End returns the end of observation: the first day no longer simulated.
func (p Period) End() civil.Date { return p.Start.AddMonths(p.Months + p.FollowMonths) }

// ArrivalEnd returns the first day after the arrival window.
func (p Period) ArrivalEnd() civil.Date { return p.Start.AddMonths(p.Months) }

// Arrivals is the arrival process of complaints at one organisation: a
// Poisson process whose expected count in a calendar month is PerMonth
// times that month's Seasonality factor.
//
// A run of N cases simulates as many organisations as it takes to reach N
// arrivals, each with its own committee (see [Committee]); the last
// organisation's arrivals are cut at N.
type Arrivals struct {
	// PerMonth is the expected number of complaints a month, above 0.
	PerMonth float64 `yaml:"per_month" json:"per_month" validate:"gt=0,lte=100000"`
	// Seasonality, if given, has twelve factors for January to December,
	// none negative and not all zero; they are scaled so that their mean
	// is one. Empty means no seasonality.
	Seasonality []float64 `yaml:"seasonality,omitempty" json:"seasonality,omitempty" validate:"dive,gte=0,lte=1000"`
}

// Routes are the shares of complainants who first come forward informally
// (to a supervisor or a committee member, Code (iii)-(iv)), with a written
// complaint to the Inquiry Committee (s.4(1)), or directly to the
// Ombudsperson (s.8(1)). They sum to one. An informal matter that is not
// resolved becomes a complaint to the committee or to the Ombudsperson in
// the proportion of the other two shares (to the committee when both are
// zero).
type Routes struct {
	Informal     float64 `yaml:"informal" json:"informal" validate:"probability"`
	Committee    float64 `yaml:"committee" json:"committee" validate:"probability"`
	Ombudsperson float64 `yaml:"ombudsperson" json:"ombudsperson" validate:"probability"`
}

// Outcomes are the probabilities of what happens to a case. Guilty,
// NotGuilty and FalseAndMalaFide are the committee's (or the
// Ombudsperson's) finding and sum to one; each other field is a probability
// on its own.
type Outcomes struct {
	// InformalResolution is the chance that an informal matter is resolved
	// informally (Code (v)) rather than becoming a complaint.
	InformalResolution float64 `yaml:"informal_resolution" json:"informal_resolution" validate:"probability"`
	// Guilty: the allegations are proved; the penalty of censure is
	// recommended and imposed (s.4(4)).
	Guilty float64 `yaml:"guilty" json:"guilty" validate:"probability"`
	// NotGuilty: not proved; no penalty.
	NotGuilty float64 `yaml:"not_guilty" json:"not_guilty" validate:"probability"`
	// FalseAndMalaFide: a false complaint made with mala fide intent
	// (s.5(3)); no penalty on the accused.
	FalseAndMalaFide float64 `yaml:"false_and_mala_fide" json:"false_and_mala_fide" validate:"probability"`
	// Appeal is the chance that the losing party appeals the Competent
	// Authority's decision to the Ombudsperson (s.6): the penalised accused
	// after a guilty finding, the complainant otherwise. An appeal filed
	// after its period is refused as time-barred.
	Appeal float64 `yaml:"appeal" json:"appeal" validate:"probability"`
	// Representation is the chance that the losing party makes a
	// representation to the President or Governor against the
	// Ombudsperson's decision (s.9), where the policy allows one.
	Representation float64 `yaml:"representation" json:"representation" validate:"probability"`
	// Withdrawal is the chance that the complainant asks to withdraw; the
	// forum accepts on the day she asks, if the case has not yet reached a
	// decision (Rules 2013 r.4(3)).
	Withdrawal float64 `yaml:"withdrawal" json:"withdrawal" validate:"probability"`
}

// Delays are the days each step takes, as distributions (see [Delay]).
// Each is counted from the previous step of the case, as its comment says.
type Delays struct {
	// Incident: from the conduct complained of to the first report.
	Incident Delay `yaml:"incident" json:"incident"`
	// Informal: from an informal report to its resolution, or to the
	// formal complaint when it is not resolved.
	Informal Delay `yaml:"informal" json:"informal"`
	// Charges: from the day the committee takes the complaint up (its
	// receipt, or a free place when the committee is full) to the charges
	// (s.4(1)(a): 3 days from receipt).
	Charges Delay `yaml:"charges" json:"charges"`
	// Defence: from the charges to the accused's defence (s.4(1)(b): 7
	// days). If the defence would come after the committee proceeds ex
	// parte, it never comes.
	Defence Delay `yaml:"defence" json:"defence"`
	// ExParte: from the first day after the defence period to the order to
	// proceed ex parte (committee or Ombudsperson).
	ExParte Delay `yaml:"ex_parte" json:"ex_parte"`
	// Sitting: from the close of the defence to the committee's recorded
	// start of the inquiry.
	Sitting Delay `yaml:"sitting" json:"sitting"`
	// Findings: from the start of the inquiry to the findings (s.4(4): 30
	// days).
	Findings Delay `yaml:"findings" json:"findings"`
	// Decision: from the findings to the Competent Authority's decision
	// (s.4(5): 7 days).
	Decision Delay `yaml:"decision" json:"decision"`
	// Communication: from the decision to its written communication.
	Communication Delay `yaml:"communication" json:"communication"`
	// Appeal: from the communication of the decision to an appeal (s.6: 30
	// days).
	Appeal Delay `yaml:"appeal" json:"appeal"`
	// AppealDecision: from the appeal to the Ombudsperson's decision on it
	// (s.6(3)).
	AppealDecision Delay `yaml:"appeal_decision" json:"appeal_decision"`
	// ShowCause: from a complaint's receipt by the Ombudsperson to the
	// show-cause notice (s.8(2): 3 days).
	ShowCause Delay `yaml:"show_cause" json:"show_cause"`
	// OmbudspersonDefence: from the show-cause notice to the accused's
	// defence (s.8(2): 5 days).
	OmbudspersonDefence Delay `yaml:"ombudsperson_defence" json:"ombudsperson_defence"`
	// OmbudspersonDecision: from the close of the defence to the
	// Ombudsperson's decision on the complaint.
	OmbudspersonDecision Delay `yaml:"ombudsperson_decision" json:"ombudsperson_decision"`
	// Representation: from the Ombudsperson's decision to a representation
	// (s.9: 30 days).
	Representation Delay `yaml:"representation" json:"representation"`
	// RepresentationDecision: from the representation to its decision.
	RepresentationDecision Delay `yaml:"representation_decision" json:"representation_decision"`
	// Withdrawal: from the formal complaint to the complainant's request
	// to withdraw (for cases that withdraw).
	Withdrawal Delay `yaml:"withdrawal" json:"withdrawal"`
	// Implementation: from the day the last decision becomes final to the
	// record of its implementation (s.4(6), s.8(5)).
	Implementation Delay `yaml:"implementation" json:"implementation"`
}

// Committee is the capacity of each organisation's Inquiry Committee: how
// many cases it carries at once, from taking a complaint up to submitting
// its findings (or the case's withdrawal). A complaint received while the
// committee is full waits, first come first served; the clock of
// s.4(1)(a) runs from receipt all the same, so queues show up as late
// charges. The Ombudsperson's capacity is not modelled.
type Committee struct {
	Capacity int `yaml:"capacity" json:"capacity" validate:"min=1,max=100000"`
}
