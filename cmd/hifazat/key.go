package main

import (
	"fmt"
	"os"

	"github.com/hifazat/hifazat/casestore/seal"
)

const keyUsage = `usage: hifazat key new [--out F]

Writes a new deployment key: 32 random bytes in base64, the key that seals
every case a store keeps (give it to store commands and serve with
--key-file F or HIFAZAT_KEY_FILE). With --out the key goes to a new file F,
created with mode 0600 (an existing file is never overwritten); without it,
to standard output. Keep it apart from the database and its backups, and
back it up on its own: without it, no sealed case can be read again.`

func cmdKey(e *env, args []string) int {
	if len(args) == 0 || args[0] != "new" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(e.stdout, keyUsage)
			return exitOK
		}
		return e.fail(exitUsage, "key: want 'key new'; run 'hifazat key --help'")
	}
	fs := newFlags(e, "key new")
	out := fs.String("out", "", "write the key to this new file (mode 0600) instead of standard output")
	if _, status, done := parseArgs(e, "key new", keyUsage, fs, args[1:], 0, "no arguments"); done {
		return status
	}
	text := seal.Generate() + "\n"
	if *out == "" {
		fmt.Fprint(e.stdout, text)
		return exitOK
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return e.fail(exitUsage, "key new: %v", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return e.fail(exitUsage, "key new: %v", err)
	}
	if err := f.Close(); err != nil {
		return e.fail(exitUsage, "key new: %v", err)
	}
	fmt.Fprintf(e.stdout, "wrote a new deployment key to %s\n", *out)
	return exitOK
}
