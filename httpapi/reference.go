package httpapi

import (
	"fmt"
	"net/http"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// deadlineExplained is the answer to GET /v1/deadlines/{policy}/{rule}.
type deadlineExplained struct {
	Policy policy.ID `json:"policy"`
	deadlines.Deadline
	Explanation string `json:"explanation"`
}

// explainDeadline serves GET /v1/deadlines/{policy}/{rule}?from=D: the
// rule's deadline counted from D on the calendar of the forum that acts or
// receives (the organisation's own calendar for its forums, when the server
// has one).
func (s *Server) explainDeadline(w http.ResponseWriter, r *http.Request) error {
	v, err := queryValues(r, "from")
	if err != nil {
		return err
	}
	p, err := s.policy(r.PathValue("policy"))
	if err != nil {
		return err
	}
	rule := policy.RuleID(r.PathValue("rule"))
	if _, ok := p.Rule(rule); !ok {
		return problem(http.StatusNotFound, TypeNotFound, "policy %s has no rule %q", p.ID(), clip(r.PathValue("rule")))
	}
	if v.Get("from") == "" {
		return problem(http.StatusBadRequest, TypeMalformed, "from (the trigger date, YYYY-MM-DD) is required")
	}
	from, err := dateParam(v, "from", civil.Date{})
	if err != nil {
		return err
	}
	own := ""
	if s.cfg.Calendar != nil {
		own = s.cfg.Calendar.ID()
	}
	// Counted by the engine, as a case counts it: its calendar choice and
	// the policy's interpretations (the appeal-decision period, roll-forward).
	d, err := s.engine.Deadline(casefsm.DeadlineQuery{Policy: p.ID(), Rule: rule, From: from, Calendar: own})
	if err != nil {
		return problem(http.StatusUnprocessableEntity, TypeRefused, "%v", err)
	}
	writeJSON(w, http.StatusOK, deadlineExplained{Policy: p.ID(), Deadline: d, Explanation: d.Explain()})
	return nil
}

func (s *Server) policy(id string) (*policy.Policy, error) {
	p, err := s.cfg.Policies.Get(policy.ID(id))
	if err != nil {
		return nil, problem(http.StatusNotFound, TypeNotFound, "no policy %q", clip(id))
	}
	return p, nil
}

// checkCommittee serves POST /v1/committees/check?policy=ID&lang=en|ur&on=D:
// the body is a committee file (JSON or YAML); the answer is the report,
// 200 whether or not the committee is valid.
func (s *Server) checkCommittee(w http.ResponseWriter, r *http.Request) error {
	v, err := queryValues(r, "policy", "lang", "on")
	if err != nil {
		return err
	}
	id := v.Get("policy")
	if id == "" {
		id = string(policy.FederalAct2022)
	}
	p, err := s.policy(id)
	if err != nil {
		return err
	}
	var opts committee.CheckOptions
	lang := v.Get("lang")
	if lang == "" {
		lang = "en"
	}
	if opts.Language, err = committee.ParseLanguage(lang); err != nil {
		return problem(http.StatusBadRequest, TypeMalformed, "lang must be en or ur")
	}
	if opts.On, err = dateParam(v, "on", s.cfg.Today()); err != nil {
		return err
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	c, err := committee.Parse(body)
	if err != nil {
		return problem(http.StatusBadRequest, TypeMalformed, "%v", err)
	}
	rep, err := committee.NewValidator().Check(c, p.Committee(), opts)
	if err != nil {
		return problem(http.StatusBadRequest, TypeMalformed, "%v", err)
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

// policyShown is one policy in GET /v1/policies/{id}.
type policyShown struct {
	policy.Summary
	Rules           []policy.DeadlineRule  `json:"rules"`
	Penalties       []policy.Penalty       `json:"penalties"`
	Committee       policy.CommitteeRules  `json:"committee"`
	Routes          policy.Routes          `json:"routes"`
	Interpretations policy.Interpretations `json:"interpretations"`
}

func (s *Server) listPolicies(w http.ResponseWriter, r *http.Request) error {
	if err := query(r, nil); err != nil {
		return err
	}
	all := s.cfg.Policies.All()
	out := make([]policy.Summary, len(all))
	for i, p := range all {
		out[i] = p.Summary()
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) showPolicy(w http.ResponseWriter, r *http.Request) error {
	if err := query(r, nil); err != nil {
		return err
	}
	p, err := s.policy(r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, policyShown{p.Summary(), p.Rules(), p.Penalties(), p.Committee(), p.Routes(), p.Interpretations()})
	return nil
}

// policyFor serves GET /v1/policies/for?jurisdiction=J&on=D: the statute in
// force in J on D (default federal, today).
func (s *Server) policyFor(w http.ResponseWriter, r *http.Request) error {
	v, err := queryValues(r, "jurisdiction", "on")
	if err != nil {
		return err
	}
	j := policy.Federal
	if js := v.Get("jurisdiction"); js != "" {
		if j, err = policy.ParseJurisdiction(js); err != nil {
			return problem(http.StatusBadRequest, TypeMalformed, "%v", err)
		}
	}
	on, err := dateParam(v, "on", s.cfg.Today())
	if err != nil {
		return err
	}
	p, err := s.cfg.Policies.For(j, on)
	if err != nil {
		return problem(http.StatusNotFound, TypeNotFound, "%v", err)
	}
	writeJSON(w, http.StatusOK, p.Summary())
	return nil
}

// eventTypes returns every event type of policy id's table, as
// [casefsm.Definition.Events] describes them.
func (s *Server) eventTypes(id string) ([]casefsm.EventInfo, error) {
	if id == "" {
		id = string(policy.FederalAct2022)
	}
	p, err := s.policy(id)
	if err != nil {
		return nil, err
	}
	def, err := s.engine.Definition(p.ID())
	if err != nil {
		return nil, fmt.Errorf("httpapi: %w", err)
	}
	return def.Events(), nil
}

// listEventTypes serves GET /v1/event-types[?policy=ID].
func (s *Server) listEventTypes(w http.ResponseWriter, r *http.Request) error {
	v, err := queryValues(r, "policy")
	if err != nil {
		return err
	}
	out, err := s.eventTypes(v.Get("policy"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// showEventType serves GET /v1/event-types/{type}[?policy=ID].
func (s *Server) showEventType(w http.ResponseWriter, r *http.Request) error {
	v, err := queryValues(r, "policy")
	if err != nil {
		return err
	}
	var t casefsm.EventType
	if err := t.UnmarshalText([]byte(r.PathValue("type"))); err != nil {
		return problem(http.StatusNotFound, TypeNotFound, "no event type %q", clip(r.PathValue("type")))
	}
	all, err := s.eventTypes(v.Get("policy"))
	if err != nil {
		return err
	}
	for _, et := range all {
		if et.Type == t {
			writeJSON(w, http.StatusOK, et)
			return nil
		}
	}
	return problem(http.StatusNotFound, TypeNotFound, "no event type %q", t)
}
