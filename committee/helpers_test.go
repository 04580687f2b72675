package committee_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// statute returns the committee rules of the federal Act as amended in
// 2022, as package policy builds them.
func statute(t testing.TB) policy.CommitteeRules {
	t.Helper()
	p, err := policy.Builtin().Get(policy.FederalAct2022)
	require.NoError(t, err, "policy.Builtin().Get(%q)", policy.FederalAct2022)
	return p.Committee()
}

// overlay is the citation the tests give to institutional overlay rules.
var overlay = policy.Citation{Section: "Institution policy r.2", Confidence: policy.High}

// member builds a member with a synthetic name; flags are "chair" and
// "external".
func member(id string, g committee.Gender, s committee.Seat, flags ...string) committee.Member {
	m := committee.Member{ID: id, Name: "Person " + id, Gender: g, Seat: s}
	for _, f := range flags {
		switch f {
		case "chair":
			m.Chair = true
		case "external":
			m.External = true
		default:
			panic("member: unknown flag " + f)
		}
	}
	return m
}

// valid is a committee that meets every statutory rule: a woman from
// senior management who chairs, an employee representative and a third
// member, with a Competent Authority recorded.
func valid() committee.Committee {
	return committee.Committee{
		CompetentAuthority: "CA-1",
		Members: []committee.Member{
			member("W1", committee.Female, committee.SeniorManagement, "chair"),
			member("M1", committee.Male, committee.EmployeeRepresentative),
			member("M2", committee.Male, committee.SeatOther),
		},
	}
}

// with returns a copy of c with its members replaced.
func with(c committee.Committee, ms ...committee.Member) committee.Committee {
	c.Members = ms
	return c
}

// date parses a literal date.
func date(s string) civil.Date { return civil.MustParse(s) }
