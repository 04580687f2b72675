// Command portal is a university's complaint portal on the Hifazat HTTP
// API, in English and Urdu: a complaint form (formal or informal, with what
// each means), the case page for each role (where the case stands, the
// deadlines with their sections, what can happen next, and a form for each
// step the signed-in person may record), the Inquiry Committee's dashboard
// (overdue, due this week, all cases) and the Competent Authority's queue.
//
// Pages are rendered on the server with html/template and need no
// JavaScript. The portal holds no case data: it asks the API with the
// signed-in person's token, so the API decides what each person sees.
//
//	go run ./cmd/hifazat serve --store memory:     # prints demo tokens
//	go run ./examples/portal --api http://127.0.0.1:8080
//	open http://127.0.0.1:8081/en/ (or /ur/) and sign in with a token
package main

import (
	"flag"
	"log"
	"net/http"
	"time"
)

func main() {
	api := flag.String("api", "http://127.0.0.1:8080", "the Hifazat API's base URL")
	addr := flag.String("addr", "127.0.0.1:8081", "the address to serve the portal on")
	flag.Parse()
	p, err := NewPortal(*api)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("portal on http://%s/en/ and /ur/, using the API at %s", *addr, *api)
	srv := &http.Server{Addr: *addr, Handler: p, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
