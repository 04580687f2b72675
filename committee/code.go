package committee

import (
	"github.com/hifazat/hifazat/internal/enum"
	"github.com/hifazat/hifazat/policy"
)

// Code identifies the rule a [Violation] reports. Codes are a stable public
// contract: their external forms never change and new codes are only
// appended. Reports list violations in the order of the constants below,
// which runs from who is on the committee, through its seats and chair, to
// the case.
type Code uint8

const (
	// CodeUnset is the zero Code; no violation carries it.
	CodeUnset Code = iota
	// CodeSize ("size"): the committee does not have exactly
	// CommitteeRules.Size members (s.3(2)).
	CodeSize
	// CodeInvalidMember ("invalid_member"): a member lacks an id, a name, a
	// gender or a seat, or has a value out of range.
	CodeInvalidMember
	// CodeDuplicateMember ("duplicate_member"): two members share an id.
	CodeDuplicateMember
	// CodeNoWoman ("no_woman"): no member is a woman (s.3(2)).
	CodeNoWoman
	// CodeTooFewWomen ("too_few_women", overlay): fewer women than
	// CommitteeRules.MinWomen where it is above one.
	CodeTooFewWomen
	// CodeNoSeniorManagement ("no_senior_management"): no member is from
	// senior management (s.3(2)).
	CodeNoSeniorManagement
	// CodeNoEmployeeRepresentative ("no_employee_representative"): the
	// employee seat is empty: with a CBA, no senior representative of the
	// employees (a senior employee does not fill it); without a CBA,
	// neither a representative nor a senior employee (s.3(2)).
	CodeNoEmployeeRepresentative
	// CodeNoChair ("no_chair"): no member is designated chairperson (s.3(2)).
	CodeNoChair
	// CodeChairNotMember ("chair_not_member"): the designated chairperson
	// is not a member of the committee for the case, because they were
	// replaced for it (s.3(3)) and no replacement was made chair.
	CodeChairNotMember
	// CodeSeveralChairs ("several_chairs"): more than one member is
	// designated chairperson.
	CodeSeveralChairs
	// CodeChairNotFemale ("chair_not_female", overlay): the chairperson is
	// not a woman where CommitteeRules.FemaleChair is set.
	CodeChairNotFemale
	// CodeOutsiderWithoutNeed ("outsider_without_need"): a standing member
	// is co-opted from outside although the organisation has not recorded
	// that it cannot designate three from within (s.3(2)). Replacements
	// for a case may come from outside (s.3(3)).
	CodeOutsiderWithoutNeed
	// CodeUntrainedMember ("untrained_member", overlay): a member was not
	// trained within CommitteeRules.TrainedWithinMonths of the date checked.
	CodeUntrainedMember
	// CodeConflictedMember ("conflicted_member"): a member is the
	// complainant, the accused or a witness in the case and has not been
	// replaced for it (s.3(3)).
	CodeConflictedMember
	// CodeReplacementInvalid ("replacement_invalid"): a replacement does not
	// name a member to replace, replaces someone who is not a member,
	// replaces a member with themselves, or leaves the committee for the
	// case short of the composition rules the standing committee met
	// (s.3(3), interpretation 20).
	CodeReplacementInvalid
	// CodeConflictSignal ("conflict_signal"): a host-supplied conflict
	// signal concerns a member of the committee for the case. A warning
	// unless CommitteeRules.SignalsRefuse is set.
	CodeConflictSignal
	// CodeCompetentAuthorityAccused ("competent_authority_accused", warning):
	// the accused is the Competent Authority, so the internal route is
	// conflicted and the Ombudsperson route is open (interpretation 4,
	// s.8(1)).
	CodeCompetentAuthorityAccused
	// CodeNoCompetentAuthority ("no_competent_authority", warning): the
	// committee records no Competent Authority (s.3(4), s.11(1)).
	CodeNoCompetentAuthority
)

var codeNames = enum.NewOptional[Code]("committee", "code", "",
	"size",
	"invalid_member",
	"duplicate_member",
	"no_woman",
	"too_few_women",
	"no_senior_management",
	"no_employee_representative",
	"no_chair",
	"chair_not_member",
	"several_chairs",
	"chair_not_female",
	"outsider_without_need",
	"untrained_member",
	"conflicted_member",
	"replacement_invalid",
	"conflict_signal",
	"competent_authority_accused",
	"no_competent_authority",
)

// Codes returns every code, in report order.
func Codes() []Code { return codeNames.Values() }

// IsValid reports whether c is one of the codes.
func (c Code) IsValid() bool { return codeNames.Valid(c) }

// String returns the code's external form, such as "no_woman"; "" for the
// zero Code and "Code(N)" out of range.
func (c Code) String() string { return codeNames.String(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Code) MarshalText() ([]byte, error) { return codeNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Code) UnmarshalText(b []byte) error { return valueError(codeNames.Unmarshal(c, b)) }

// The Competent Authority is not a composition rule of policy.CommitteeRules,
// so its citations are written here, as read in the federal text; [citation]
// marks them as the policy marks its own s.3.
var (
	citeCompetentAuthority = policy.Citation{
		Section:    "s.3(4), s.11(1)",
		Confidence: policy.High,
		Note:       "every organisation designates a Competent Authority",
	}
	citeAccusedAuthority = policy.Citation{
		Section:    "s.8(1)",
		Confidence: policy.High,
		Note:       "interpretation 4: where the accused is the Competent Authority the internal route is conflicted; the complainant may go to the Ombudsperson",
	}
)

// citation returns the rule's citation for code c under rules. Rules with
// no parameter of their own cite the one they serve: an incomplete or
// repeated member defeats the count of three (Size).
func citation(c Code, rules *policy.CommitteeRules) policy.Citation {
	switch c {
	case CodeSize, CodeInvalidMember, CodeDuplicateMember:
		return rules.Size.Citation
	case CodeNoWoman, CodeTooFewWomen:
		return rules.MinWomen.Citation
	case CodeNoSeniorManagement:
		return rules.SeniorManagement.Citation
	case CodeNoEmployeeRepresentative:
		return rules.EmployeeRepresentative.Citation
	case CodeNoChair, CodeChairNotMember, CodeSeveralChairs:
		return rules.Chair.Citation
	case CodeChairNotFemale:
		return rules.FemaleChair.Citation
	case CodeOutsiderWithoutNeed:
		return rules.OutsidersOnlyIfNeeded.Citation
	case CodeUntrainedMember:
		return rules.TrainedWithinMonths.Citation
	case CodeConflictedMember, CodeReplacementInvalid:
		return rules.ReplaceConflicted.Citation
	case CodeConflictSignal:
		if rules.SignalsRefuse.Value {
			return rules.SignalsRefuse.Citation
		}
		return rules.ReplaceConflicted.Citation
	case CodeCompetentAuthorityAccused:
		return asSection3(citeAccusedAuthority, rules)
	case CodeNoCompetentAuthority:
		return asSection3(citeCompetentAuthority, rules)
	}
	return policy.Citation{}
}

// asSection3 lowers c to the confidence of the policy's s.3(2) (its Size
// rule) and takes its inherited mark: a policy whose procedural sections
// were not read (Balochistan, Punjab, HEC) cannot cite the Competent
// Authority's provisions, from the same text, more surely than its
// committee's.
func asSection3(c policy.Citation, rules *policy.CommitteeRules) policy.Citation {
	c.Confidence = max(c.Confidence, rules.Size.Citation.Confidence) // High < Medium < Low
	c.Inherited = rules.Size.Citation.Inherited
	return c
}
