package compliance

import (
	"context"
	"fmt"
	"slices"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

// Source is one organisation and its case store, for a report.
type Source struct {
	Org   *Organisation
	Store casestore.Store
}

// ReportOptions are the inputs of a report besides its sources and year.
type ReportOptions struct {
	// Engine replays the stored cases; nil builds one over policy.Builtin()
	// (an organisation under an institutional overlay passes an engine
	// whose set holds it).
	Engine *casefsm.Engine
	// Feedback is the feedback given on closed cases (see [Feedback]);
	// entries of other organisations or years are left out.
	Feedback []Feedback
}

// AnnualReport is the report for one year of one or more organisations'
// cases: counts only, every table published under the rule of [Table],
// with K = 5.
type AnnualReport struct {
	Organisations []string `json:"organisations"`
	Year          int      `json:"year"`
	K             int      `json:"k"`
	// Tables are, in order: received_by_route and
	// received_by_relationship (complaints first made in the year, sharing
	// their total), caseload (the cases open in the year: disposed in
	// it, or pending at its end), pending (past a statutory deadline at the
	// year's end, or within every deadline; its total is caseload's
	// pending row), findings, penalties
	// (imposed by the last decision of a case, when made in the year),
	// appeals_decided (by the finding on appeal), events (appeals filed,
	// retaliation reports, withdrawals accepted), deadlines (the forums'
	// deadlines due in the year, kept or missed), and the feedback tables.
	Tables []Table `json:"tables"`
	// Stages are the days from filing to each stage reached in the year.
	Stages []Stage `json:"stages"`
	// Unreadable counts stored cases whose history could not be replayed
	// to the end of the year under today's policies (published under the
	// same rule).
	Unreadable Cell `json:"unreadable"`
}

// Stage is the time from filing to one stage: its median and 90th
// percentile in days (nearest rank), over N cases. Under K cases the whole
// stage is suppressed.
type Stage struct {
	Stage      string `json:"stage"`
	N          Cell   `json:"n"`
	Median     int    `json:"median_days,omitempty"`
	P90        int    `json:"p90_days,omitempty"`
	Suppressed bool   `json:"suppressed,omitempty"`
}

// Report is the annual report of one organisation's store for year.
func Report(ctx context.Context, store casestore.Store, org *Organisation, year int, opts ReportOptions) (*AnnualReport, error) {
	return ReportAll(ctx, []Source{{Org: org, Store: store}}, year, opts)
}

// ReportAll is the report over several organisations' stores, for an
// Ombudsperson or the HEC: their counts are added before anything is
// suppressed, so a cell under K in one organisation may be published in the
// sum, and never the reverse.
func ReportAll(ctx context.Context, sources []Source, yr int, opts ReportOptions) (*AnnualReport, error) {
	if yr < 2010 || yr > 2100 {
		return nil, fmt.Errorf("%w: year %d (want 2010 to 2100)", ErrMalformed, yr)
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("%w: no organisation to report on", ErrMalformed)
	}
	eng := opts.Engine
	if eng == nil {
		var err error
		if eng, err = casefsm.NewEngine(policy.Builtin(), casefsm.Options{}); err != nil {
			return nil, err
		}
	}
	y := year{yearStart(yr), yearStart(yr + 1).AddDays(-1)}
	total := newTally()
	r := &AnnualReport{Year: yr, K: K}
	for _, src := range sources {
		if err := src.Org.Validate(); err != nil {
			return nil, err
		}
		r.Organisations = append(r.Organisations, src.Org.ID)
		t := newTally()
		c, err := eng.NewCase(casefsm.Header{})
		if err != nil {
			return nil, err
		}
		err = eachCaseFile(ctx, src.Store, func(f *casefsm.CaseFile) error {
			t.addCase(eng, c, f, y)
			return ctx.Err()
		})
		if err != nil {
			return nil, err
		}
		total.add(t)
	}
	r.Tables = total.tables(y, r.Organisations, opts.Feedback)
	r.Stages = total.stageStats()
	r.Unreadable = cell(total.unreadable, small(total.unreadable))
	return r, nil
}

// tables publishes the tally's tables.
func (t *tally) tables(y year, orgs []string, fb []Feedback) []Table {
	var rels []string
	for _, r := range policy.Relationships() {
		rels = append(rels, string(r))
	}
	var codes []string
	if p, err := policy.Builtin().Get(policy.FederalAct2022); err == nil {
		for _, pen := range p.Penalties() {
			codes = append(codes, string(pen.Code))
		}
	}
	out := publish(
		raw("received_by_route", []string{routeInformal, routeCommittee, routeOmbudsperson}, t.received, true),
		raw("received_by_relationship", rels, t.relationship, true),
	)
	out = append(out, publishNested(
		rawTable{name: "caseload", labels: []string{"disposed", "pending"}, counts: []int{t.disposed, t.pending}, hasTotal: true}, 1,
		rawTable{name: "pending", labels: []string{"past_deadline", "within_deadlines"}, counts: []int{t.overdue, t.pending - t.overdue}, hasTotal: true})...)
	findings := []string{casefsm.Guilty.String(), casefsm.NotGuilty.String(), casefsm.FalseAndMalaFide.String()}
	out = append(out, publish(raw("findings", findings, t.findings, true))...)
	out = append(out, publish(raw("penalties", codes, t.penalties, true))...)
	out = append(out, publish(raw("appeals_decided", findings, t.appealOut, true))...)
	out = append(out, publish(rawTable{name: "events", labels: []string{"appeals_filed", "retaliation_reports", "withdrawals"},
		counts: []int{t.appealsFiled, t.retaliation, t.withdrawals}})...)
	out = append(out, publish(rawTable{name: "deadlines", labels: []string{"kept", "missed"}, counts: []int{t.kept, t.missed}, hasTotal: true})...)
	return append(out, feedbackTables(fb, orgs, y)...)
}

// stageStats publishes the time to each stage.
func (t *tally) stageStats() []Stage {
	out := make([]Stage, 0, len(stages))
	for _, name := range stages {
		days := slices.Clone(t.stages[name])
		s := Stage{Stage: name, N: cell(len(days), small(len(days)))}
		if len(days) == 0 || small(len(days)) {
			s.Suppressed = small(len(days))
			out = append(out, s)
			continue
		}
		slices.Sort(days)
		s.Median, s.P90 = rank(days, 50), rank(days, 90)
		out = append(out, s)
	}
	return out
}

// yearStart is 1 January of yr.
func yearStart(yr int) civil.Date { return civil.MustOf(yr, 1, 1) }

// rank is the nearest-rank percentile p of sorted days.
func rank(sorted []int, p int) int {
	i := (p*len(sorted) + 99) / 100
	if i < 1 {
		i = 1
	}
	return sorted[i-1]
}
