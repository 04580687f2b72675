package main

import (
	"errors"
	"flag"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/access"
)

// actorUsage says how a store command names who acts, for every usage
// message and error that asks for it.
const actorUsage = "name who acts: --actor ID --as ROLE (the case checks the claim), or --admin ID (an administrator)"

// whoFlags are the flags naming who reads or writes a stored case: a
// person and the role they claim (--actor, --as), checked against the
// case, or an administrator (--admin), who reads whole cases and records
// any act. The command line cannot authenticate anyone: whoever holds the
// store's credentials may name themselves an administrator, but must name
// themselves, and every read and write is logged under that name.
type whoFlags struct {
	actor, as, admin string
	// statistics is set when --as statistics was given (aggregate
	// reporting, which reads no identity and no writing).
	statistics bool
}

// addWho adds --actor, --as and --admin to fs; verb says what the actor
// does ("reads").
func addWho(fs *flag.FlagSet, verb string) *whoFlags {
	w := &whoFlags{}
	fs.StringVar(&w.actor, "actor", "", "who "+verb+" (an id the case names, or a forum's officer), with --as; logged")
	fs.StringVar(&w.as, "as", "", "the role the actor claims: the case decides the role they act as")
	fs.StringVar(&w.admin, "admin", "", "an administrator's id: the whole case, any act; logged")
	return w
}

// parse returns the actor the flags name. statsOK says whether --as
// statistics is allowed (case show): it then needs --actor only.
func (w *whoFlags) parse(statsOK bool) (access.Actor, error) {
	switch {
	case w.admin != "" && (w.actor != "" || w.as != ""):
		return access.Actor{}, errors.New("--admin reads as an administrator: give it without --actor and --as")
	case w.admin != "":
		return access.Actor{ID: w.admin}, nil
	case w.actor == "" && w.as == "":
		return access.Actor{}, errors.New(actorUsage)
	case w.actor == "":
		return access.Actor{}, errors.New("--as needs --actor ID, who claims the role (or --admin ID)")
	case w.as == "":
		return access.Actor{}, errors.New("--actor needs --as ROLE, the role the actor claims")
	case statsOK && w.as == statisticsReader:
		w.statistics = true
		return access.Actor{ID: w.actor}, nil
	}
	a := access.Actor{ID: w.actor}
	if err := a.Role.UnmarshalText([]byte(w.as)); err != nil {
		if statsOK {
			return a, errors.New("--as: " + err.Error() + " (or statistics)")
		}
		return a, errors.New("--as: " + err.Error())
	}
	return a, nil
}

// guard returns the access guard of store s for the actor the flags name:
// it logs into the store's own access log and takes --admin, if given, as
// the administrative actor.
func (w *whoFlags) guard(e *env, s casestore.Store) *access.Guard {
	g := access.Of(s, e.now)
	if w.admin != "" {
		g.Admins = []string{w.admin}
	}
	return g
}
