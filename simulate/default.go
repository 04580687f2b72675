package simulate

import (
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// DefaultScenario returns the scenario `hifazat simulate` runs without a
// file, and the base every scenario file starts from. Its numbers are
// invented to be plausible, not measured: a researcher replaces them.
//
//	name: default
//	policy: pk-federal-2022
//	calendar: pk-federal
//	period: {start: 2026-01-01, months: 12, follow_months: 24}
//	arrivals: {per_month: 2}
//	complainants: {employee: 0.8, intern: 0.05, student: 0.05,
//	               former_employee: 0.05, domestic_worker: 0.05}
//	routes: {informal: 0.25, committee: 0.6, ombudsperson: 0.15}
//	outcomes: {informal_resolution: 0.6, guilty: 0.45, not_guilty: 0.5,
//	           false_and_mala_fide: 0.05, appeal: 0.3,
//	           representation: 0.2, withdrawal: 0.08}
//	delays:
//	  incident:               {dist: lognormal, median: 10, sigma: 1}
//	  informal:               {dist: lognormal, median: 14, sigma: 0.6}
//	  charges:                {dist: lognormal, median: 2, sigma: 0.6}
//	  defence:                {dist: lognormal, median: 6, sigma: 0.4}
//	  ex_parte:               {dist: uniform, min: 1, max: 5}
//	  sitting:                {dist: lognormal, median: 7, sigma: 0.6}
//	  findings:               {dist: lognormal, median: 26, sigma: 0.3}
//	  decision:               {dist: lognormal, median: 5, sigma: 0.5}
//	  communication:          {dist: uniform, min: 0, max: 3}
//	  appeal:                 {dist: lognormal, median: 20, sigma: 0.4}
//	  appeal_decision:        {dist: lognormal, median: 60, sigma: 0.5}
//	  show_cause:             {dist: lognormal, median: 3, sigma: 0.5}
//	  ombudsperson_defence:   {dist: lognormal, median: 5, sigma: 0.4}
//	  ombudsperson_decision:  {dist: lognormal, median: 60, sigma: 0.5}
//	  representation:         {dist: lognormal, median: 20, sigma: 0.4}
//	  representation_decision: {dist: lognormal, median: 80, sigma: 0.5}
//	  withdrawal:             {dist: exponential, mean: 20}
//	  implementation:         {dist: exponential, mean: 15}
//	committee: {capacity: 3}
//
// Under these numbers a committee is busy about two thirds of the time, so
// queues form now and then; some charges, findings and decisions are late;
// some appeals come after 30 days and are refused as time-barred; and the
// period meets Eid and other holidays whose dates are still estimated.
// Every call returns a fresh value.
func DefaultScenario() Scenario {
	ln := func(median, sigma float64) Delay { return Delay{Dist: Lognormal, Median: median, Sigma: sigma} }
	return Scenario{
		Name:     "default",
		Policy:   policy.FederalAct2022,
		Calendar: policy.CalendarFederal,
		Period:   Period{Start: civil.MustOf(2026, 1, 1), Months: 12, FollowMonths: 24},
		Arrivals: Arrivals{PerMonth: 2},
		Complainants: map[policy.Relationship]float64{
			policy.Employee: 0.8, policy.Intern: 0.05, policy.Student: 0.05,
			policy.FormerEmployee: 0.05, policy.DomesticWorker: 0.05,
		},
		Routes: Routes{Informal: 0.25, Committee: 0.6, Ombudsperson: 0.15},
		Outcomes: Outcomes{
			InformalResolution: 0.6, Guilty: 0.45, NotGuilty: 0.5, FalseAndMalaFide: 0.05,
			Appeal: 0.3, Representation: 0.2, Withdrawal: 0.08,
		},
		Delays: Delays{
			Incident:               ln(10, 1),
			Informal:               ln(14, 0.6),
			Charges:                ln(2, 0.6),
			Defence:                ln(6, 0.4),
			ExParte:                Delay{Dist: Uniform, Min: 1, Max: 5},
			Sitting:                ln(7, 0.6),
			Findings:               ln(26, 0.3),
			Decision:               ln(5, 0.5),
			Communication:          Delay{Dist: Uniform, Min: 0, Max: 3},
			Appeal:                 ln(20, 0.4),
			AppealDecision:         ln(60, 0.5),
			ShowCause:              ln(3, 0.5),
			OmbudspersonDefence:    ln(5, 0.4),
			OmbudspersonDecision:   ln(60, 0.5),
			Representation:         ln(20, 0.4),
			RepresentationDecision: ln(80, 0.5),
			Withdrawal:             Delay{Dist: Exponential, Mean: 20},
			Implementation:         Delay{Dist: Exponential, Mean: 15},
		},
		Committee: Committee{Capacity: 3},
	}
}
