package casefsm

// Field is one field of an event in a case file, as [Fields] describes it.
// Its JSON form is {"name", "required", "meaning"}, the output of `hifazat
// events --json`.
type Field struct {
	// Name is the field's JSON name, such as "received_on".
	Name string `json:"name"`
	// Required reports that [Case.Apply] refuses the event without it
	// (invalid_event).
	Required bool `json:"required"`
	// Meaning says what the field records and the form of its value.
	Meaning string `json:"meaning"`
}

// optionalFields describe the fields of an event beyond type, on and by,
// indexed by their bit in a fieldSet.
var optionalFields = [...]struct{ name, meaning string }{
	{"received_on", "the day the addressee received the act (YYYY-MM-DD), where the law counts from receipt; without it, on is used, with a warning (interpretation 6)"},
	{"finding", "the finding: guilty, not_guilty or false_and_mala_fide (s.4(4), s.5(3))"},
	{"penalties", "the penalties recommended or imposed: codes of s.4(4) (\"censure\"), or objects {\"code\", \"period_months\", \"amount\", \"payee\"}; at least one with a finding of guilty"},
	{"reasonable_cause", "the cause a party gives for acting late (s.4(1)(b), s.8(2))"},
	{"condonation", "who condoned a late filing, and why (interpretation 13); without it a late appeal or representation is refused"},
	{"consent", "true when the complainant consented to someone else filing for her (Code (vi))"},
	{"to", "who the decision was communicated to: complainant, accused and/or employer; empty means both parties"},
	{"member", "the replacement for this case (s.3(3)): {\"out\": ID, \"in\": {a committee member}}"},
	{"reason", "why the act was done; required to dismiss at admission (interpretation 12)"},
	{"note", "free text for the file"},
	{"voids", "the number (1-based) of the earlier event a void_event voids; the case is then judged as if it had not happened (interpretation 23)"},
	{"kind", "what a report_retaliation reports: defamation_suit for a counter-blast defamation suit against the complainant (Code (xi) as amended), or none"},
}

// requires returns the fields without which an event of type e is refused,
// beyond type, on and by.
func requires(e EventType) fieldSet {
	switch e {
	case DismissAtAdmission:
		return fReason
	case SubmitFindings:
		return fFinding
	case ReplaceMember:
		return fMember
	case VoidEvent:
		return fVoids | fReason
	}
	return 0
}

// Fields returns the fields an event of type e takes in a case file, with
// what each means: "type", "on" and "by", which every event needs, then
// those the type takes, in [Event]'s order. Apply refuses an event that
// lacks a required field or carries a field not listed. An invalid e has
// none.
func Fields(e EventType) []Field {
	if !e.IsValid() {
		return nil
	}
	out := []Field{
		{Name: "type", Required: true, Meaning: "the event type: " + e.String()},
		{Name: "on", Required: true, Meaning: "the day the act was done (YYYY-MM-DD); events are applied in date order"},
		{Name: "by", Required: true, Meaning: "who did it: one of the roles the lifecycle allows for " + e.String()},
	}
	takes, req := takes(e)|fReason|fNote, requires(e)
	for i, f := range optionalFields {
		if bit := fieldSet(1) << i; takes&bit != 0 {
			out = append(out, Field{Name: f.name, Required: req&bit != 0, Meaning: f.meaning})
		}
	}
	return out
}
