package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
	"github.com/hifazat/hifazat/casestore/seal"
	"github.com/hifazat/hifazat/civil"
)

// envKeyFile names the deployment key file when --key-file is not given.
const envKeyFile = "HIFAZAT_KEY_FILE"

// keyFlag adds --key-file to fs; its default is $HIFAZAT_KEY_FILE.
func keyFlag(fs *flag.FlagSet) *string {
	return fs.String("key-file", os.Getenv(envKeyFile), "the deployment key file that seals cases (default $"+envKeyFile+"; `hifazat key new` writes one)")
}

// storeKeys reads the key file at path into the store's keys: nil, and no
// error, when path is empty (the store then works unencrypted).
func storeKeys(path string) (casestore.Keys, error) {
	if path == "" {
		return nil, nil
	}
	k, err := seal.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return seal.NewKeyring(k), nil
}

// warnUnsealed prints, once, the library's warning for a store opened
// without a deployment key.
func warnUnsealed(e *env, o casestore.Options) {
	if w := o.Warning(); w != "" {
		fmt.Fprintf(e.stderr, "hifazat: %s: --key-file F or %s ('hifazat key new' writes one)\n", w, envKeyFile)
	}
}

// eraser returns the store of c as a casestore.Eraser.
func eraser(c storeCmd) (casestore.Eraser, error) {
	er, ok := c.store.(casestore.Eraser)
	if !ok {
		return nil, fmt.Errorf("the store cannot erase or hold cases")
	}
	return er, nil
}

// adminFlag adds --admin to fs: the administrator who does what, named
// in the store's access log.
func adminFlag(fs *flag.FlagSet, does string) *string {
	return fs.String("admin", "", "the administrator who "+does+" (required), named in the access log")
}

// needAdmin refuses a command line without --admin.
func needAdmin(admin *string) func([]string) error {
	return func([]string) error {
		if *admin == "" {
			return errors.New("erasure and holds are for an administrator: name yourself with --admin ID")
		}
		return nil
	}
}

// adminGuard returns the access guard of c's store with admin as its
// administrator, and admin's Actor.
func adminGuard(e *env, c storeCmd, admin string) (*access.Guard, access.Actor) {
	g := access.Of(c.store, e.now)
	g.Admins = []string{admin}
	return g, access.Actor{ID: admin}
}

// eraseJSON is the JSON form of "hifazat case erase --json".
type eraseJSON struct {
	Case     string     `json:"case"`
	Erased   bool       `json:"erased"`
	ErasedOn civil.Date `json:"erased_on,omitzero"`
	// Refused says why not, when not: not_terminal, held, retained,
	// in_clear or erased; Detail says it in English; Until is the first
	// day a retained case may be erased.
	Refused string     `json:"refused,omitempty"`
	Detail  string     `json:"detail,omitempty"`
	Until   civil.Date `json:"until,omitzero"`
}

func cmdCaseErase(e *env, args []string) int {
	fs := newFlags(e, "case erase")
	admin := adminFlag(fs, "erases")
	asJSON := fs.Bool("json", false, "print JSON")
	c, status, done := openStore(e, "case erase", fs, args, 1, "one case id", needAdmin(admin))
	if done {
		return status
	}
	defer c.store.Close()
	on := e.today()
	out := eraseJSON{Case: c.pos[0]}
	g, a := adminGuard(e, c, *admin)
	err := g.Erase(context.Background(), a, out.Case, on)
	var ne *casestore.NotErasableError
	switch {
	case err == nil:
		out.Erased, out.ErasedOn = true, on
	case errors.As(err, &ne) && *asJSON:
		out.Refused, out.Detail, out.Until = ne.Why, ne.Detail, ne.Until
	default:
		return storeFail(e, "case erase", err)
	}
	if *asJSON {
		if st := printJSON(e, "case erase", out); st != exitOK || !out.Erased {
			return max(st, exitRefused)
		}
		return exitOK
	}
	fmt.Fprintf(e.stdout, "case %s erased on %s: its key is destroyed and its content unreadable; its procedural facts remain and it still verifies\n", out.Case, on)
	return exitOK
}

func cmdCaseHold(e *env, args []string) int {
	fs := newFlags(e, "case hold")
	reason := fs.String("reason", "", "why (required): a reference such as a suit's number, at most 200 bytes, stored in clear")
	needReason := func() error {
		if *reason == "" {
			return fmt.Errorf("--reason is required")
		}
		return nil
	}
	return holdCmd(e, fs, args, "case hold", "places the hold", needReason, func(g *access.Guard, a access.Actor, id string) error {
		return g.Hold(context.Background(), a, id, casestore.Hold{Reason: *reason, On: e.today()})
	})
}

func cmdCaseRelease(e *env, args []string) int {
	fs := newFlags(e, "case release")
	return holdCmd(e, fs, args, "case release", "releases the hold", nil, func(g *access.Guard, a access.Actor, id string) error {
		return g.Release(context.Background(), a, id, e.today())
	})
}

// holdCmd runs "case hold" or "case release" (name): an administrator,
// named by --admin, does act on the case through the access guard, and the
// case's holds are printed. check, if set, checks the command's own flags.
func holdCmd(e *env, fs *flag.FlagSet, args []string, name, does string, check func() error, act func(*access.Guard, access.Actor, string) error) int {
	admin := adminFlag(fs, does)
	asJSON := fs.Bool("json", false, "print JSON")
	c, status, done := openStore(e, name, fs, args, 1, "one case id", func(pos []string) error {
		if check != nil {
			if err := check(); err != nil {
				return err
			}
		}
		return needAdmin(admin)(pos)
	})
	if done {
		return status
	}
	defer c.store.Close()
	er, err := eraser(c)
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	g, a := adminGuard(e, c, *admin)
	if err := act(g, a, c.pos[0]); err != nil {
		return storeFail(e, name, err)
	}
	return printHolds(e, name, er, c.pos[0], *asJSON)
}

func cmdCaseHolds(e *env, args []string) int {
	fs := newFlags(e, "case holds")
	asJSON := fs.Bool("json", false, "print JSON")
	c, status, done := openStore(e, "case holds", fs, args, 1, "one case id", nil)
	if done {
		return status
	}
	defer c.store.Close()
	er, err := eraser(c)
	if err != nil {
		return e.fail(exitUsage, "case holds: %v", err)
	}
	return printHolds(e, "case holds", er, c.pos[0], *asJSON)
}

// holdsJSON is the JSON form of "hifazat case hold/release/holds --json".
type holdsJSON struct {
	Case  string           `json:"case"`
	Held  bool             `json:"held"`
	Holds []casestore.Hold `json:"holds"`
}

// printHolds prints the holds of case id, the one in force last.
func printHolds(e *env, name string, er casestore.Eraser, id string, asJSON bool) int {
	holds, err := er.Holds(context.Background(), id)
	if err != nil {
		return storeFail(e, name, err)
	}
	out := holdsJSON{Case: id, Holds: holds}
	if out.Holds == nil {
		out.Holds = []casestore.Hold{}
	}
	out.Held = len(holds) > 0 && holds[len(holds)-1].InForce()
	if asJSON {
		return printJSON(e, name, out)
	}
	if len(holds) == 0 {
		fmt.Fprintf(e.stdout, "case %s: no holds\n", id)
	}
	for _, h := range holds {
		released := "in force"
		if !h.InForce() {
			released = "released " + h.Released.String()
		}
		fmt.Fprintf(e.stdout, "case %s: hold placed %s, %s: %s\n", id, h.On, released, h.Reason)
	}
	return exitOK
}
