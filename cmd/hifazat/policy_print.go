package main

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hifazat/hifazat/policy"
)

// policyWidth is the widest line policy show prints.
const policyWidth = 100

// policyNotes numbers the clauses of citation notes in the order they are
// first cited, so that a caveat many rules share (a province's unread
// procedure, say) is printed once, under NOTES, and cited by number.
type policyNotes struct {
	index map[string]int
	texts []string
}

// cite formats c as "SECTION [confidence] [1, 4]".
func (n *policyNotes) cite(c policy.Citation) string {
	if c.Section == "" {
		return "-"
	}
	s := c.String()
	if c.Note == "" {
		return s
	}
	var refs []string
	for _, clause := range strings.Split(c.Note, "; ") {
		i, ok := n.index[clause]
		if !ok {
			n.texts = append(n.texts, clause)
			i = len(n.texts)
			n.index[clause] = i
		}
		refs = append(refs, strconv.Itoa(i))
	}
	return s + " [" + strings.Join(refs, ", ") + "]"
}

// policyLine writes s wrapped at policyWidth, continuation lines indented
// by indent spaces beyond s's own indentation.
func policyLine(w io.Writer, s string, indent int) {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	pad := strings.Repeat(" ", lead+indent)
	line := s[:lead]
	for _, word := range strings.Fields(s) {
		switch {
		case strings.TrimSpace(line) == "":
			line += word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > policyWidth:
			fmt.Fprintln(w, line)
			line = pad + word
		default:
			line += " " + word
		}
	}
	fmt.Fprintln(w, line)
}

func policyPrint(w io.Writer, v policyView) {
	n := &policyNotes{index: map[string]int{}}
	policyLine(w, fmt.Sprintf("%s: %s", v.ID, v.Title), 4)
	fmt.Fprintf(w, "jurisdiction: %s\nin force: %s\n", v.Jurisdiction, v.Validity)
	policyLine(w, "instrument: "+n.cite(v.Instrument), 4)
	if v.Institutional {
		fmt.Fprintf(w, "overlay on: %s\n", v.Base)
	}
	fmt.Fprintln(w, "\nDEADLINE RULES (id, kind, period, forum; from; citation)")
	for _, r := range v.Rules {
		fmt.Fprintf(w, "%-32s %-6s  %-9s %s\n", r.ID, r.Kind, r.Period, r.Forum)
		from := "from " + r.Trigger
		if r.Since.IsValid() {
			from += " (only from " + r.Since.String() + ")"
		}
		policyLine(w, "    "+from+"; "+n.cite(r.Citation), 4)
	}
	fmt.Fprintln(w, "\nPENALTIES")
	for _, x := range v.Penalties {
		policyLine(w, fmt.Sprintf("%-32s %-6s  %s", x.Code, x.Severity, n.cite(x.Citation)), 4)
	}
	fmt.Fprintln(w, "\nCOMPLAINANTS")
	for _, x := range v.Complainants {
		policyLine(w, fmt.Sprintf("%-32s %s", x.Relationship, n.cite(x.Citation)), 4)
	}
	fmt.Fprintln(w, "\nACCUSED")
	for _, x := range v.Accused {
		policyLine(w, fmt.Sprintf("%-32s %s", x.Relationship, n.cite(x.Citation)), 4)
	}
	policyPrintParams(w, n, "COMMITTEE", v.Committee)
	policyPrintParams(w, n, "ROUTES", v.Routes)
	policyPrintParams(w, n, "HARASSMENT (what the definition reaches)", v.Harassment)
	policyPrintParams(w, n, "INTERPRETATIONS (settable by name; see LAW.md)", v.Interpretations)
	fmt.Fprintln(w, "\nCALENDARS")
	for _, c := range v.Calendars {
		policyLine(w, fmt.Sprintf("%-32s %-14s %s", c.Forum, c.Calendar, n.cite(c.Citation)), 4)
	}
	fmt.Fprintln(w, "\nNOTES")
	for i, t := range n.texts {
		policyLine(w, fmt.Sprintf("[%d] %s", i+1, t), 4)
	}
}

// policyPrintParams prints each policy.Param field of struct v in declaration
// order, named by its JSON name.
func policyPrintParams(w io.Writer, n *policyNotes, heading string, v any) {
	fmt.Fprintf(w, "\n%s\n", heading)
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		name, _, _ := strings.Cut(rv.Type().Field(i).Tag.Get("json"), ",")
		f := rv.Field(i)
		c := f.FieldByName("Citation").Interface().(policy.Citation)
		policyLine(w, fmt.Sprintf("%-32s %-14s %s", name, policyParamValue(f.FieldByName("Value").Interface()), n.cite(c)), 4)
	}
}
