// Package examples holds Example functions, one or more per capability of
// Hifazat, written as the people who use the SDK would write them: an HR
// system driving a complaint and its dashboard, a university portal
// layering its own stricter policy on the statute, a statutory deadline
// explained for a complainant, a researcher's simulated caseload, and an
// employer checking its own duties, printing the Code of Conduct and
// publishing its annual report. `go test ./examples` runs them and checks
// their output, so they cannot rot; there is nothing to `go run` here.
//
// Programs to run live beside them: examples/hr-service (an HR service
// over HTTP on SQLite) and examples/portal (a university portal on the
// HTTP API). The package has no API of its own; read the examples in the
// *_test.go files. All names and ids in them are invented.
package examples
