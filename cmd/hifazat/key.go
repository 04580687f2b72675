package main

import (
	"context"
	"fmt"
	"os"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/casestore/sqlstore"
)

const keyUsage = `usage: hifazat key new [--out F]
       hifazat key rotate --key-file NEW --old-key-file OLD [--store S] [--json]

Writes a new deployment key: 32 random bytes in base64, the key that seals
every case a store keeps (give it to store commands and serve with
--key-file F or HIFAZAT_KEY_FILE). With --out the key goes to a new file F,
created with mode 0600 (an existing file is never overwritten); without it,
to standard output. Keep it apart from the database and its backups, and
back it up on its own: without it, no sealed case can be read again.

rotate re-wraps the key of every sealed case of the store with the new
deployment key (the cases' content, hash chains and receipts do not change);
it prints how many. While it runs, a store command given one --key-file
cannot open the cases still (or already) under the other key: run it
before giving commands and serve the new key file, and again after an
interruption (cases already re-wrapped are opened with the new key). Once
it has run, the old key opens nothing and can be destroyed.`

func cmdKey(e *env, args []string) int {
	if len(args) > 0 && args[0] == "rotate" {
		return cmdKeyRotate(e, args[1:])
	}
	if len(args) == 0 || args[0] != "new" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(e.stdout, keyUsage)
			return exitOK
		}
		return e.fail(exitUsage, "key: want 'key new' or 'key rotate'; run 'hifazat key --help'")
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

func cmdKeyRotate(e *env, args []string) int {
	fs := newFlags(e, "key rotate")
	location := fs.String("store", sqlstore.DefaultLocation, "the store: sqlite:PATH or postgres://...")
	keyFile := keyFlag(fs)
	oldFile := fs.String("old-key-file", "", "the deployment key being retired (required)")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, status, done := parseArgs(e, "key rotate", keyUsage, fs, args, 0, "no arguments"); done {
		return status
	}
	if *keyFile == "" || *oldFile == "" {
		return e.fail(exitUsage, "key rotate: --key-file (the new key) and --old-key-file are required")
	}
	keys := make([]*seal.Key, 2)
	for i, path := range []string{*keyFile, *oldFile} {
		var err error
		if keys[i], err = seal.ReadFile(path); err != nil {
			return e.fail(exitUsage, "key rotate: %v", err)
		}
	}
	ctx := context.Background()
	s, err := sqlstore.OpenExisting(ctx, *location, casestore.Options{Keys: seal.NewKeyring(keys[0], keys[1])})
	if err != nil {
		return e.fail(exitUsage, "key rotate: %v", err)
	}
	defer s.Close()
	rw, ok := s.(casestore.Rewrapper)
	if !ok {
		return e.fail(exitUsage, "key rotate: the store cannot re-wrap keys")
	}
	n, err := rw.Rewrap(ctx)
	if err != nil {
		return e.fail(exitUsage, "key rotate: %d cases re-wrapped, then: %v", n, err)
	}
	if *asJSON {
		return printJSON(e, "key rotate", struct {
			Rewrapped int `json:"rewrapped"`
		}{n})
	}
	fmt.Fprintf(e.stdout, "%d sealed cases re-wrapped with the new key: the old key opens nothing now\n", n)
	return exitOK
}
