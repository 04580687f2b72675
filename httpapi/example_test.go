package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/httpapi"
)

func ExampleNew() {
	store, err := memstore.New(casestore.Options{}) // in production sqlstore.Open
	if err != nil {
		panic(err)
	}
	// The deployment issues a token to each actor and keeps only its hash.
	token, entry, err := httpapi.Issue(httpapi.Actor{ID: "ic-1", Role: httpapi.InquiryCommittee, Org: "uni"})
	if err != nil {
		panic(err)
	}
	api, err := httpapi.New(httpapi.Config{Store: store, Tokens: []httpapi.TokenEntry{entry},
		Today: func() civil.Date { return civil.MustParse("2026-03-10") },
		Now:   func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		panic(err)
	}
	// Serve api with net/http; here one request goes straight to it.
	r := httptest.NewRequest("GET", "/v1/deadlines/pk-federal-2022/charges?from=2026-03-02", nil)
	r.Header.Set("Authorization", "Bearer "+token)
	w := httptest.NewRecorder()
	api.ServeHTTP(w, r)
	var d struct{ Due, Citation any }
	if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil {
		panic(err)
	}
	fmt.Println(w.Code, d.Due)
	// Output: 200 2026-03-05
}
