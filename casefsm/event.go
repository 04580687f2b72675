package casefsm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/hifazat/hifazat/internal/enum"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// Event is one dated thing that happened on a case: its type, its date,
// who did it, and the fields the type needs. Events are the case: its state
// is derived by replaying them in order with [Case.Apply].
//
// The zero Event is not an event: it has no type, date or actor, and Apply
// refuses it as invalid_event. In a case file an event is a JSON object with
// the field names below; see [Decode]. Each field declares its form in a
// `kind:"..."` tag beside it (see [FieldKind]): [Fields] reads it from there.
type Event struct {
	Type EventType `json:"type" class:"procedural" kind:"enum,event_type"`
	// On is the day the act was done.
	On civil.Date `json:"on" class:"procedural" kind:"date"`
	// By is who did it (for adjourn: who asked).
	By Role `json:"by" class:"procedural" kind:"enum,roles"`
	// ReceivedOn is the day the act's addressee received it, where the law
	// counts from receipt: the written complaint (s.4(1)(a)), the
	// complaint to the Ombudsperson and the show-cause notice (s.8(2)),
	// and the committee's recommendations (s.4(5)). Without it, On is used,
	// with a warning where the law counts from receipt (interpretation 6).
	ReceivedOn civil.Date `json:"received_on,omitzero" class:"procedural" kind:"date"`
	// Finding is the committee's finding (submit_findings), or a forum's
	// on deciding.
	Finding Finding `json:"finding,omitzero" class:"procedural" kind:"enum,findings"`
	// Penalties are those recommended (submit_findings) or imposed (decide,
	// decide_complaint, decide_appeal, decide_representation).
	Penalties []Penalty `json:"penalties,omitempty" kind:"penalties,penalty_codes"`
	// ReasonableCause is the cause a party gives for a late act (s.4(1)(b),
	// s.8(2)).
	ReasonableCause string `json:"reasonable_cause,omitempty" class:"free_text" kind:"text"`
	// Condonation records that the forum condoned a late appeal or
	// representation: who condoned and why (interpretation 13).
	Condonation string `json:"condonation,omitempty" class:"free_text" kind:"text"`
	// Consent records the complainant's consent when someone else turns
	// an informal matter into a formal complaint (Code (vi)).
	Consent bool `json:"consent,omitempty" class:"procedural" kind:"boolean"`
	// To lists who a decision was communicated to (communicate_decision);
	// empty means both parties.
	To []Role `json:"to,omitempty" class:"procedural" kind:"list,recipients"`
	// Reason is why: required to dismiss at admission (interpretation 12).
	Reason string `json:"reason,omitempty" class:"free_text" kind:"text"`
	// Voids is the 1-based number of the earlier event a void_event voids
	// (interpretation 23).
	Voids int `json:"voids,omitempty" class:"procedural" kind:"number"`
	// Kind says what a report_retaliation reports: "" for retaliation in
	// general, "defamation_suit" for a counter-blast defamation suit
	// against the complainant (Code (xi) as amended in 2022).
	Kind string `json:"kind,omitempty" class:"procedural" kind:"enum,retaliation_kinds"`
	// Note is free text for the file.
	Note string `json:"note,omitempty" class:"free_text" kind:"text"`
	// Member is the replacement of a committee member for this case
	// (replace_member, s.3(3)).
	Member *committee.Replacement `json:"member,omitempty" kind:"replacement"`
	// Chair is the id of the member a designate_chair designates
	// chairperson for this case (s.3(2), interpretation 20). In a case
	// file it is the event's "member", given as that id: {"type":
	// "designate_chair", ..., "member": "m-2"} (see [Event.MarshalJSON]).
	// It is an identity, read as the member's.
	Chair string `json:"-" class:"identity,bare" kind:"id"`
}

// MarshalJSON writes the event in its case-file form: the fields as
// tagged, and a designate_chair's Chair as its "member".
func (ev Event) MarshalJSON() ([]byte, error) {
	type plain Event
	if ev.Chair == "" {
		return json.Marshal(plain(ev))
	}
	return json.Marshal(struct {
		plain
		Member string `json:"member"`
	}{plain(ev), ev.Chair})
}

// Finding is an Inquiry Committee's finding (s.4(4), s.5(3)). The names are
// a public contract; values are persisted and only appended. The zero
// Finding is "no finding".
type Finding uint8

// The findings.
const (
	_ Finding = iota
	// Guilty: the allegations are proved; penalties are recommended.
	Guilty
	// NotGuilty: not proved; no penalty (interpretation 15).
	NotGuilty
	// FalseAndMalaFide: the allegations are false and made with mala fide
	// intent; the committee may refer the complainant to the Ombudsperson
	// (s.5(3)).
	FalseAndMalaFide
)

var findingNames = enum.New[Finding]("casefsm", "finding", "", "guilty", "not_guilty", "false_and_mala_fide")

// IsValid reports whether f is one of the named findings.
func (f Finding) IsValid() bool { return findingNames.Valid(f) }

// IsZero reports whether f is the zero Finding (used by omitzero).
func (f Finding) IsZero() bool { return f == 0 }

// String returns the finding's name, such as "not_guilty".
func (f Finding) String() string { return findingNames.String(f) }

// MarshalText implements encoding.TextMarshaler; invalid findings fail.
func (f Finding) MarshalText() ([]byte, error) { return findingNames.MarshalText(f) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Finding) UnmarshalText(b []byte) error { return findingNames.Unmarshal(f, b) }

// Penalty is a penalty recommended or imposed: a code of s.4(4) and, where
// it applies, its period, amount and payee. In a case file it is either the
// code alone ("censure") or an object {"code", "period_months", "amount",
// "payee"}. The zero Penalty has no code and is invalid.
type Penalty struct {
	Code policy.PenaltyCode `json:"code" class:"procedural,bare"`
	// PeriodMonths is the specific period of a periodic penalty
	// (withholding promotion, stoppage at an efficiency bar).
	PeriodMonths int `json:"period_months,omitempty" class:"procedural"`
	// Amount is a fine or compensation in rupees.
	Amount int64 `json:"amount,omitempty" class:"procedural"`
	// Payee is who receives a fine: "complainant" where the owner is fined
	// (s.4(4)(ii)(e)).
	Payee string `json:"payee,omitempty" class:"identity"`
}

// statutoryPenalties are the codes of s.4(4), for decoding without a
// policy.
var statutoryPenalties = [...]policy.PenaltyCode{policy.Censure, policy.WithholdPromotionOrIncrement,
	policy.StopAtEfficiencyBar, policy.RecoverCompensation, policy.ReduceRank, policy.CompulsoryRetirement,
	policy.Removal, policy.Dismissal, policy.SuspendOrCancelLicense, policy.Fine}

func knownPenalty(c policy.PenaltyCode) bool {
	for _, k := range statutoryPenalties {
		if k == c {
			return true
		}
	}
	return false
}

// MarshalJSON writes a penalty with only a code as the bare code.
func (p Penalty) MarshalJSON() ([]byte, error) {
	if p.PeriodMonths == 0 && p.Amount == 0 && p.Payee == "" {
		return json.Marshal(string(p.Code))
	}
	type plain Penalty
	return json.Marshal(plain(p))
}

// UnmarshalJSON reads a code or an object. Unknown codes and unknown
// object fields are errors.
func (p *Penalty) UnmarshalJSON(b []byte) error {
	var v Penalty
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		if err := json.Unmarshal(b, &v.Code); err != nil {
			return err
		}
	case len(b) == 0 || b[0] != '{':
		return fmt.Errorf("want a penalty code or an object {\"code\", \"period_months\", \"amount\", \"payee\"}, got %s", b)
	default:
		type plain Penalty
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode((*plain)(&v)); err != nil {
			return fmt.Errorf("penalty: %w", err)
		}
	}
	if !knownPenalty(v.Code) {
		return fmt.Errorf("unknown penalty code %q (want one of the codes of s.4(4), such as censure or fine)", v.Code)
	}
	if v.PeriodMonths < 0 || v.Amount < 0 {
		return fmt.Errorf("penalty %s: period_months and amount may not be negative", v.Code)
	}
	*p = v
	return nil
}
