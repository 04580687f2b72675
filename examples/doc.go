// Package examples holds runnable programs, one or more per capability of
// Hifazat, written as the people who use the SDK would write them: an HR
// system driving a complaint and its dashboard, a university portal
// layering its own stricter policy on the statute, and a statutory deadline
// explained for a complainant. Each is an Example function, so `go test`
// runs it and checks its output: the programs cannot rot.
//
// The package has no API of its own; read the examples on the docs site or
// in the *_test.go files. All names and ids in them are invented.
package examples
