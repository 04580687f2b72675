// Command gen writes LAW.md from the built-in policies (see package lawdoc).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/hifazat/hifazat/internal/lawdoc"
	"github.com/hifazat/hifazat/policy"
)

func main() {
	out := flag.String("o", "LAW.md", "the file to write")
	flag.Parse()
	var b bytes.Buffer
	if err := lawdoc.Write(&b, policy.Builtin()); err != nil {
		fmt.Fprintln(os.Stderr, "lawdoc:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "lawdoc:", err)
		os.Exit(1)
	}
}
