package httpapi

// This file serves package compliance: the employer's duties audited and
// the annual report, both over the server's store and counts only.

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

// mayAudit admits the roles that read an organisation's compliance: the
// forums and the statistics role. A party's case is not the organisation's
// record, and the numbers of every case are not a party's to read.
func mayAudit(a Actor) error {
	if isForum(a.Role) || a.Role == Statistics {
		return nil
	}
	return problem(http.StatusForbidden, TypeForbidden,
		"only the forums (inquiry_committee, competent_authority, ombudsperson) and statistics read the organisation's compliance")
}

// organisation is the record a compliance request is about: for GET the
// server's own (Config.Organisation), for POST the body's, an organisation
// file in YAML or JSON.
func (s *Server) organisation(r *http.Request) (*compliance.Organisation, error) {
	if r.Method == http.MethodGet {
		if s.cfg.Organisation == nil {
			return nil, problem(http.StatusNotFound, TypeNotFound,
				"this server keeps no organisation record ('hifazat serve --organisation F'); POST one to this route instead")
		}
		return s.cfg.Organisation, nil
	}
	body, err := readBody(r)
	if err != nil {
		return nil, err
	}
	org, err := compliance.ParseOrganisation(body)
	if err != nil {
		return nil, complianceProblem(err)
	}
	return org, nil
}

// complianceProblem maps an error of package compliance to its problem:
// malformed input 400, a policy that does not fit the organisation 422, an
// unreadable store 503.
func complianceProblem(err error) error {
	switch {
	case errors.Is(err, compliance.ErrMalformed):
		return problem(http.StatusBadRequest, TypeMalformed, "%v", err)
	case errors.Is(err, compliance.ErrPolicy):
		return problem(http.StatusUnprocessableEntity, TypeRefused, "%v", err)
	case errors.Is(err, compliance.ErrStore):
		return problem(http.StatusServiceUnavailable, TypeUnavailable, "the case store is unavailable")
	}
	return err
}

// complianceAudit serves GET and POST /v1/compliance/audit?at=D&lang=en|ur:
// the organisation's duties as an employer on D (default today), with the
// store's open cases past a statutory deadline counted by rule.
func (s *Server) complianceAudit(w http.ResponseWriter, r *http.Request) error {
	if err := mayAudit(actorOf(r.Context())); err != nil {
		return err
	}
	v, err := queryValues(r, "at", "lang")
	if err != nil {
		return err
	}
	at, err := dateParam(v, "at", s.cfg.Today())
	if err != nil {
		return err
	}
	opts := compliance.AuditOptions{Statutes: s.cfg.Policies}
	lang := v.Get("lang")
	if lang == "" {
		lang = "en"
	}
	if opts.Language, err = committee.ParseLanguage(lang); err != nil {
		return problem(http.StatusBadRequest, TypeMalformed, "lang must be en or ur")
	}
	org, err := s.organisation(r)
	if err != nil {
		return err
	}
	pol, err := s.orgPolicy(org)
	if err != nil {
		return err
	}
	rep, err := compliance.Audit(r.Context(), org, pol, s.cfg.Store, at, opts)
	if err != nil {
		return complianceProblem(err)
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

// complianceReport serves GET and POST /v1/compliance/report?year=Y: the
// annual report of the server's store, counts published under the
// compliance package's rule (no count from 1 to K-1, and no total that
// gives one away).
func (s *Server) complianceReport(w http.ResponseWriter, r *http.Request) error {
	if err := mayAudit(actorOf(r.Context())); err != nil {
		return err
	}
	v, err := queryValues(r, "year")
	if err != nil {
		return err
	}
	year, err := yearParam(v)
	if err != nil {
		return err
	}
	org, err := s.organisation(r)
	if err != nil {
		return err
	}
	if _, err := s.orgPolicy(org); err != nil {
		return err
	}
	rep, err := compliance.Report(r.Context(), s.cfg.Store, org, year, compliance.ReportOptions{Engine: s.engine})
	if err != nil {
		return complianceProblem(err)
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

// complianceFeedback serves POST /v1/compliance/feedback?year=Y[&org=ID]:
// the body is a feedback file; the answer its tables for the year (and the
// organisation), published under the same rule, comments counted and never
// quoted.
func (s *Server) complianceFeedback(w http.ResponseWriter, r *http.Request) error {
	if err := mayAudit(actorOf(r.Context())); err != nil {
		return err
	}
	v, err := queryValues(r, "year", "org")
	if err != nil {
		return err
	}
	year, err := yearParam(v)
	if err != nil {
		return err
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	entries, err := compliance.ParseFeedback(body)
	if err != nil {
		return complianceProblem(err)
	}
	var orgs []string
	if o := v.Get("org"); o != "" {
		orgs = []string{o}
	}
	writeJSON(w, http.StatusOK, compliance.FeedbackTables(entries, orgs, year))
	return nil
}

// yearParam reads the required year of a report.
func yearParam(v url.Values) (int, error) {
	if v.Get("year") == "" {
		return 0, problem(http.StatusBadRequest, TypeMalformed, "year (for example 2025) is required")
	}
	return intParam(v, "year", 0, 2010, 2100)
}

// orgPolicy is the policy org operates under, among the server's.
func (s *Server) orgPolicy(org *compliance.Organisation) (*policy.Policy, error) {
	p, err := s.cfg.Policies.Get(org.Policy)
	if err != nil {
		return nil, problem(http.StatusUnprocessableEntity, TypeRefused,
			"the organisation operates under policy %q, which this server does not know (serve --overlay adds an institution's)", clip(string(org.Policy)))
	}
	return p, nil
}
