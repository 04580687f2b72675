package simulate

import (
	"math/rand/v2"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// arrivals appends to dst the arrival days of one organisation, in order,
// at most limit of them (limit < 0: no limit), and returns dst. The
// arrivals are a Poisson process whose expected count in arrival month m is
// arrivalCum[m+1]-arrivalCum[m]: unit exponential gaps on the cumulative
// scale, mapped back to days.
func (w *world) arrivals(r *rand.Rand, dst []civil.Date, limit int) []civil.Date {
	cum := w.arrivalCum
	total := cum[len(cum)-1]
	m := 0
	for u := r.ExpFloat64(); u < total && len(dst) != limit; u += r.ExpFloat64() {
		for u >= cum[m+1] {
			m++
		}
		days := w.monthStart[m+1].Sub(w.monthStart[m])
		off := int((u - cum[m]) / (cum[m+1] - cum[m]) * float64(days))
		dst = append(dst, w.monthStart[m].AddDays(min(off, days-1)))
	}
	return dst
}

// first is how a complainant first comes forward.
type first uint8

const (
	firstInformal first = iota
	firstCommittee
	firstOmbudsperson
)

// plan is everything random about one case, drawn up front in a fixed
// order (see draw) so that a case's luck does not depend on its path.
type plan struct {
	index   uint64 // the case's index in the run
	arrival civil.Date
	// filed is the day of the formal complaint (the arrival, or the end
	// of the informal stage); for an informally resolved case, the day of
	// the resolution.
	filed                       civil.Date
	rel                         policy.Relationship
	first                       first
	escalate                    casefsm.Route // where an unresolved informal matter goes
	resolved                    bool          // an informal matter is resolved informally
	finding                     casefsm.Finding
	appeal, represent, withdraw bool
	d                           [stepEnd]int32
}

// draw fills p from r: the complainant, the route, the outcomes, then
// every step's delay, always in this order and always all of them.
func (w *world) draw(p *plan, r *rand.Rand) {
	o := w.sc.Outcomes
	rt := w.sc.Routes
	p.rel = w.rels[pick(w.relCum, r.Float64())]
	switch u := r.Float64(); {
	case u < rt.Informal:
		p.first = firstInformal
	case u < rt.Informal+rt.Committee || rt.Ombudsperson == 0:
		p.first = firstCommittee
	default:
		p.first = firstOmbudsperson
	}
	p.escalate = casefsm.CommitteeRoute
	if u := r.Float64(); rt.Committee+rt.Ombudsperson > 0 && u >= rt.Committee/(rt.Committee+rt.Ombudsperson) {
		p.escalate = casefsm.OmbudspersonRoute
	}
	p.resolved = r.Float64() < o.InformalResolution
	switch u := r.Float64(); {
	case u < o.Guilty:
		p.finding = casefsm.Guilty
	case u < o.Guilty+o.NotGuilty || o.FalseAndMalaFide == 0:
		p.finding = casefsm.NotGuilty
	default:
		p.finding = casefsm.FalseAndMalaFide
	}
	p.appeal = r.Float64() < o.Appeal
	p.represent = r.Float64() < o.Representation
	p.withdraw = r.Float64() < o.Withdrawal
	for i := range p.d {
		p.d[i] = int32(w.delays[i].sample(r))
	}
	p.filed = p.arrival
	if p.first == firstInformal {
		p.filed = p.after(p.arrival, stepInformal)
	}
}

// after returns the day step s's delay after from.
func (p *plan) after(from civil.Date, s step) civil.Date { return from.AddDays(int(p.d[s])) }

// route returns the forum the case's formal complaint goes to, or NoRoute
// for a matter resolved informally.
func (p *plan) route() casefsm.Route {
	switch {
	case p.first == firstCommittee:
		return casefsm.CommitteeRoute
	case p.first == firstOmbudsperson:
		return casefsm.OmbudspersonRoute
	case p.resolved:
		return casefsm.NoRoute
	}
	return p.escalate
}
