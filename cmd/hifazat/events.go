package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/policy"
)

const eventsUsage = `usage: hifazat events [TYPE] [--policy ID] [--json]

Every event type a case file may record (or only TYPE): who may perform it,
from which states, the fields it takes (* required) and the provisions that
say so, under a policy (default: the federal statute in force today). With
TYPE, each field's meaning, its kind (date, text, id, number, boolean, enum,
list, penalties, replacement) and the values it takes.
  --policy ID   a policy: hifazat policy list
  --json        print [{"type", "by", "from", "fields": [{"name", "required",
                "meaning", "kind", "values"}], "citations"}, ...], or one
                object for TYPE; "values" only for enum, list and penalties`

// cmdEvents runs "hifazat events".
func cmdEvents(e *env, args []string) int {
	fs := newFlags(e, "events")
	policyID := fs.String("policy", "", "policy id")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, done := parseCommand(e, "events", eventsUsage, fs, args)
	if done {
		return status
	}
	if len(pos) > 1 {
		return e.fail(exitUsage, "events: unexpected argument %q; run 'hifazat events --help'", pos[1])
	}
	eng, err := casefsm.NewEngine(policy.Builtin(), casefsm.Options{})
	if err != nil {
		return e.fail(exitUsage, "events: %v", err)
	}
	id := policy.ID(*policyID)
	if id == "" {
		p, err := policy.Builtin().For(policy.Federal, e.today())
		if err != nil {
			return e.fail(exitUsage, "events: %v", err)
		}
		id = p.ID()
	}
	def, err := eng.Definition(id)
	if err != nil {
		return e.fail(exitUsage, "events: %v", err)
	}
	infos := def.Events()
	if len(pos) == 1 {
		var t casefsm.EventType
		if err := t.UnmarshalText([]byte(pos[0])); err != nil {
			return e.fail(exitUsage, "events: %v", err)
		}
		info := infos[t-1] // Events lists every type, in order
		if *asJSON {
			return printJSON(e, "events", info)
		}
		printEvent(e.stdout, info, true)
		return exitOK
	}
	if *asJSON {
		return printJSON(e, "events", infos)
	}
	fmt.Fprintf(e.stdout, "event types under %s (* required field)\n", id)
	for _, info := range infos {
		fmt.Fprintln(e.stdout)
		printEvent(e.stdout, info, false)
	}
	return exitOK
}

// printEvent prints one event type for people; long adds each field's
// meaning.
func printEvent(w io.Writer, info casefsm.EventInfo, long bool) {
	fmt.Fprintln(w, info.Type)
	if len(info.From) == 0 {
		fmt.Fprintln(w, "  not provided under this policy")
	} else {
		fmt.Fprintf(w, "  by:        %s\n", joinRoles(info.By))
		fmt.Fprintf(w, "  from:      %s\n", joinStates(info.From))
	}
	if !long {
		names := make([]string, len(info.Fields))
		for i, f := range info.Fields {
			names[i] = fieldName(f)
		}
		fmt.Fprintf(w, "  fields:    %s\n", strings.Join(names, ", "))
	} else {
		fmt.Fprintln(w, "  fields:")
		for _, f := range info.Fields {
			fmt.Fprintf(w, "    %-17s %s\n", fieldName(f), f.Meaning)
			fmt.Fprintf(w, "    %-17s %s\n", "", fieldKind(f))
		}
	}
	if len(info.Citations) > 0 {
		fmt.Fprintf(w, "  citations: %s\n", strings.Join(info.Citations, "; "))
	}
}

func fieldName(f casefsm.Field) string {
	if f.Required {
		return f.Name + "*"
	}
	return f.Name
}

// fieldKind says a field's kind and, for a choice, its values.
func fieldKind(f casefsm.Field) string {
	if f.Values == nil {
		return "(" + f.Kind.String() + ")"
	}
	return "(" + f.Kind.String() + " of: " + strings.Join(f.Values, ", ") + ")"
}

func joinStates(ss []casefsm.State) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = s.String()
	}
	return strings.Join(names, ", ")
}

const versionUsage = `usage: hifazat version [--json]

The version of the hifazat module this command was built from ("(devel)"
for a build from a source tree), with the Go version and, when the build
recorded them, the VCS revision and time.
  --json   print {"module", "version", "go", "revision", "time", "modified"}`

// versionInfo is the JSON form of "hifazat version --json".
type versionInfo struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Go       string `json:"go"`
	Revision string `json:"revision,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
}

// cmdVersion runs "hifazat version".
func cmdVersion(e *env, args []string) int {
	fs := newFlags(e, "version")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, status, done := parseArgs(e, "version", versionUsage, fs, args, 0, ""); done {
		return status
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return e.fail(exitUsage, "version: the binary carries no build information")
	}
	v := buildVersion(bi)
	if *asJSON {
		return printJSON(e, "version", v)
	}
	fmt.Fprintf(e.stdout, "%s %s (%s", v.Module, v.Version, v.Go)
	if v.Revision != "" {
		fmt.Fprintf(e.stdout, ", revision %s", v.Revision)
		if v.Modified {
			fmt.Fprint(e.stdout, ", modified")
		}
	}
	fmt.Fprintln(e.stdout, ")")
	return exitOK
}

// buildVersion reads the module's version and the VCS settings the go
// command records.
func buildVersion(bi *debug.BuildInfo) versionInfo {
	v := versionInfo{Module: bi.Main.Path, Version: bi.Main.Version, Go: bi.GoVersion}
	if v.Module == "" {
		v.Module = "github.com/hifazat/hifazat"
	}
	if v.Version == "" {
		v.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}
