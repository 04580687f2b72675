package httpapi_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/httpapi"
)

const validCommittee = `{"competent_authority":"E-100","members":[
 {"id":"E-1","name":"Ayesha Example","gender":"female","seat":"senior_management","chair":true},
 {"id":"E-2","name":"Bilal Example","gender":"male","seat":"senior_employee"},
 {"id":"E-3","name":"Kamran Example","gender":"male","seat":"other"}]}`

const oneMemberCommittee = `members:
  - {id: E-1, name: Imran Example, gender: male, seat: senior_management}
`

func TestReference(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		name     string
		r        req
		want     int
		contains string
	}{
		{"me", req{method: "GET", path: "/v1/me"}, 200, `{"id":"e-42","role":"accused","org":"uni"}`},
		{"me with a query", req{method: "GET", path: "/v1/me?role=inquiry_committee"}, 400, ""},
		{"deadline", req{method: "GET", path: "/v1/deadlines/pk-federal-2022/charges?from=2026-03-02"}, 200, `"due":"2026-03-05"`},
		{"deadline explained", req{method: "GET", path: "/v1/deadlines/pk-federal-2022/charges?from=2026-03-02"}, 200, `"explanation":`},
		{"deadline of no policy", req{method: "GET", path: "/v1/deadlines/nope/charges?from=2026-03-02"}, 404, ""},
		{"deadline of no rule", req{method: "GET", path: "/v1/deadlines/pk-federal-2022/nope?from=2026-03-02"}, 404, ""},
		{"deadline without from", req{method: "GET", path: "/v1/deadlines/pk-federal-2022/charges"}, 400, ""},
		{"deadline bad from", req{method: "GET", path: "/v1/deadlines/pk-federal-2022/charges?from=2026-02-30"}, 400, ""},
		{"deadline outside the calendar", req{method: "GET", path: "/v1/deadlines/pk-federal-2022/charges?from=2099-01-01"}, 422, ""},
		{"committee valid", req{method: "POST", path: "/v1/committees/check?on=2026-03-01", body: validCommittee}, 200, `"valid":true`},
		{"committee invalid, YAML", req{method: "POST", path: "/v1/committees/check", body: oneMemberCommittee}, 200, `"valid":false`},
		{"committee in Urdu", req{method: "POST", path: "/v1/committees/check?lang=ur", body: oneMemberCommittee}, 200, `کمیٹی`},
		{"committee bad lang", req{method: "POST", path: "/v1/committees/check?lang=fr", body: validCommittee}, 400, ""},
		{"committee malformed", req{method: "POST", path: "/v1/committees/check", body: `{"members":[{"gender":"f"}]}`}, 400, ""},
		{"committee no policy", req{method: "POST", path: "/v1/committees/check?policy=x", body: validCommittee}, 404, ""},
		{"policies", req{method: "GET", path: "/v1/policies"}, 200, `"id":"pk-federal-2022"`},
		{"policy", req{method: "GET", path: "/v1/policies/pk-federal-2022"}, 200, `"rules":[`},
		{"no policy", req{method: "GET", path: "/v1/policies/nope"}, 404, ""},
		{"policy for", req{method: "GET", path: "/v1/policies/for?jurisdiction=federal&on=2023-01-01"}, 200, `"id":"pk-federal-2022"`},
		{"policy for, bad jurisdiction", req{method: "GET", path: "/v1/policies/for?jurisdiction=mars"}, 400, ""},
		{"policy for, before the Act", req{method: "GET", path: "/v1/policies/for?on=2001-01-01"}, 404, ""},
		{"event types", req{method: "GET", path: "/v1/event-types"}, 200, `"type":"submit_defence"`},
		{"event type", req{method: "GET", path: "/v1/event-types/submit_defence?policy=hec-2020"}, 200, `"by":["accused"]`},
		{"event type fields", req{method: "GET", path: "/v1/event-types/submit_findings"}, 200, `{"name":"finding","required":true`},
		{"event type kinds", req{method: "GET", path: "/v1/event-types/submit_findings?policy=hec-2020"}, 200, `"kind":"enum","values":["guilty","not_guilty","false_and_mala_fide"]`},
		{"event type by", req{method: "GET", path: "/v1/event-types/communicate_decision"}, 200, `"name":"by","required":true,"meaning":"who did it: one of the roles the lifecycle allows for communicate_decision","kind":"enum","values":["competent_authority"]`},
		{"no event type", req{method: "GET", path: "/v1/event-types/nope"}, 404, ""},
		{"event types, no policy", req{method: "GET", path: "/v1/event-types?policy=nope"}, 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.r.as = "e-42"
			w := f.do(tc.r)
			require.Equal(t, tc.want, w.Code, w.Body.String())
			if tc.want >= 400 {
				problemOf(t, w)
				return
			}
			assert.True(t, json.Valid(w.Body.Bytes()))
			assert.Contains(t, w.Body.String(), tc.contains)
		})
	}
	assert.Equal(t, http.StatusOK, f.do(req{method: "GET", path: "/openapi.json"}).Code)
}

// TestOrganisationCalendar: the organisation's own calendar counts the
// deadlines of its forums.
func TestOrganisationCalendar(t *testing.T) {
	cal, err := deadlines.ParseCalendar([]byte(`{"id":"uni-calendar","base":"pk-federal"}`))
	require.NoError(t, err)
	f := newFixture(t, func(c *httpapi.Config) { c.Calendar = cal })
	w := f.do(req{method: "GET", path: "/v1/deadlines/pk-federal-2022/charges?from=2026-03-02", as: "ic-1"})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Contains(t, w.Body.String(), `"calendar":"uni-calendar"`)
}
