// Command portal is a university's complaint portal on the Hifazat HTTP
// API, in English and Urdu: a complaint form (formal or informal, with what
// each means: the sections, and the periods of the statute in force, from
// the API), the case page for each role (where the case stands, what
// happens next and by when, in plain words with the section, and a form
// for each step the signed-in person may record), the Inquiry Committee's
// dashboard (overdue, due this week, all cases, the next step of each) and
// the Competent Authority's queue.
//
// Each step's form is built from the API's event types (GET
// /v1/event-types, casefsm.Definition.Events): one labelled input per
// field, of the kind the API declares (a date, a choice among the values
// it lists, free text), with the sections its meaning cites; what is wrong with a
// value is shown beside its field, in the page's language. States, event
// types, deadline rules and roles are shown in plain words from the tables
// in words.go, keyed by the SDK's types; a test fails when the SDK has one
// with no English or Urdu entry. The Urdu awaits review by a native legal
// translator, and the Urdu pages say so.
//
// Pages are rendered on the server with html/template and need no
// JavaScript. The portal holds no case data: it asks the API with the
// signed-in person's token, so the API decides what each person sees.
//
//	go run ./cmd/hifazat serve --store memory:     # prints demo tokens
//	go run ./examples/portal --api http://127.0.0.1:8080 --committee examples/portal/committee.json
//	open http://127.0.0.1:8081/en/ (or /ur/) and sign in with a token
//
// --committee names the organisation's committee (here the demo's ic-1,
// under competent authority ca-1): the API lets a committee or competent
// authority token read only the cases whose header records them.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/hifazat/hifazat/committee"
)

func main() {
	api := flag.String("api", "http://127.0.0.1:8080", "the Hifazat API's base URL")
	addr := flag.String("addr", "127.0.0.1:8081", "the address to serve the portal on")
	cmFile := flag.String("committee", "", "the organisation's committee file (YAML or JSON), recorded on every complaint filed, so its members may read the case")
	flag.Parse()
	p, err := NewPortal(*api)
	if err != nil {
		log.Fatal(err)
	}
	if *cmFile != "" {
		b, err := os.ReadFile(*cmFile)
		if err != nil {
			log.Fatal(err)
		}
		cm, err := committee.Parse(b)
		if err != nil {
			log.Fatal(err)
		}
		p.Committee = &cm
	}
	log.Printf("portal on http://%s/en/ and /ur/, using the API at %s", *addr, *api)
	srv := &http.Server{Addr: *addr, Handler: p, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
