package committee_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// TestMessages checks the English and Urdu message of every code and every
// variant, word for word, including the citation at the end.
func TestMessages(t *testing.T) {
	v := committee.NewValidator()
	cba := func(c committee.Committee) committee.Committee { c.HasCBA = true; return c }
	noCA := func(c committee.Committee) committee.Committee { c.CompetentAuthority = ""; return c }
	party := func(r committee.Role, id string) *committee.Case {
		return &committee.Case{Parties: []committee.Party{{Role: r, ID: id}}}
	}
	rep := func(out string, in committee.Member) *committee.Case {
		return &committee.Case{Replacements: []committee.Replacement{{Out: out, In: in}}}
	}
	signal := func(k committee.SignalKind, with string) *committee.Case {
		return &committee.Case{Signals: []committee.Signal{{Member: "M1", Kind: k, With: with}}}
	}
	overlayRule := func(f func(*policy.CommitteeRules)) func(*policy.CommitteeRules) { return f }
	tests := []struct {
		name   string
		c      committee.Committee
		rules  func(*policy.CommitteeRules)
		on     string
		kase   *committee.Case
		code   committee.Code
		en, ur string
	}{
		{name: "size", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER)), code: committee.CodeSize,
			en: "the committee must have exactly 3 members; it has 2 (s.3(2))",
			ur: "کمیٹی کے ارکان کی تعداد 2 ہے؛ یہ تعداد ٹھیک 3 ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "invalid_member missing", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER),
			committee.Member{ID: "Q1", Gender: M, Seat: Other}), code: committee.CodeInvalidMember,
			en: "members[2].name is missing: every member needs an id, a name, a gender and a seat (s.3(2))",
			ur: "members[2].name درج نہیں: ہر رکن کی شناخت (id)، نام، جنس اور نشست درج ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "invalid_member unknown", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER),
			member("Q1", M, committee.Seat(9))), code: committee.CodeInvalidMember,
			en: "members[2].seat is not one of the allowed values (s.3(2))",
			ur: "members[2].seat کی درج قدر اجازت شدہ قدروں میں سے نہیں (دفعہ 3(2))"},
		{name: "invalid_member in a replacement", c: valid(),
			kase: rep("M2", committee.Member{ID: "R1", Name: "Person R1", Seat: Other}), code: committee.CodeInvalidMember,
			en: "replacements[0].in.gender is missing: every member needs an id, a name, a gender and a seat (s.3(2))",
			ur: "replacements[0].in.gender درج نہیں: ہر رکن کی شناخت (id)، نام، جنس اور نشست درج ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "duplicate_member", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER), member("M1", M, Other)),
			code: committee.CodeDuplicateMember,
			en:   "member M1 is listed 2 times; the members must be different people (s.3(2))",
			ur:   "رکن M1 فہرست میں 2 بار درج ہے؛ ارکان کا الگ الگ افراد ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "no_woman", c: with(valid(), member("M1", M, SM, "chair"), member("M2", M, ER), member("M3", M, Other)),
			code: committee.CodeNoWoman,
			en:   "the committee must have at least one woman member (s.3(2))",
			ur:   "کمیٹی میں کم از کم ایک خاتون رکن ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "too_few_women", c: valid(),
			rules: overlayRule(func(r *policy.CommitteeRules) { r.MinWomen = policy.Param[int]{Value: 2, Citation: overlay} }),
			code:  committee.CodeTooFewWomen,
			en:    "the policy requires at least 2 women members; the committee has 1 (Institution policy r.2)",
			ur:    "کمیٹی میں خواتین ارکان کی تعداد 1 ہے؛ پالیسی کے تحت کم از کم 2 خواتین ارکان ہونا لازمی ہے (Institution policy r.2)"},
		{name: "no_senior_management", c: with(valid(), member("W1", F, Other, "chair"), member("M1", M, ER), member("M2", M, Other)),
			code: committee.CodeNoSeniorManagement,
			en:   "one member must be from senior management (s.3(2))",
			ur:   "ایک رکن کا سینئر انتظامیہ میں سے ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "no_employee_representative without CBA", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, Other), member("M2", M, Other)),
			code: committee.CodeNoEmployeeRepresentative,
			en:   "one member must be a senior representative of the employees or, as the organisation has no CBA, a senior employee (s.3(2))",
			ur:   "ایک رکن کا ملازمین کا سینئر نمائندہ، یا ادارے میں سی بی اے نہ ہونے کی وجہ سے کوئی سینئر ملازم، ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "no_employee_representative with CBA", c: cba(with(valid(), member("W1", F, SM, "chair"), member("M1", M, Other), member("M2", M, Other))),
			code: committee.CodeNoEmployeeRepresentative,
			en:   "the organisation has a CBA, so one member must be a senior representative of the employees (s.3(2))",
			ur:   "ادارے میں سی بی اے (اجتماعی سودا کار ایجنٹ) موجود ہے، اس لیے ایک رکن کا ملازمین کا سینئر نمائندہ ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "no_employee_representative with CBA and a senior employee", c: cba(with(valid(), member("W1", F, SM, "chair"), member("M1", M, SE), member("M2", M, Other))),
			code: committee.CodeNoEmployeeRepresentative,
			en:   "the organisation has a CBA, so the employee seat must be held by a senior representative of the employees; a senior employee (M1) does not fill it (s.3(2))",
			ur:   "ادارے میں سی بی اے (اجتماعی سودا کار ایجنٹ) موجود ہے، اس لیے ملازمین کی نشست پر ملازمین کا سینئر نمائندہ ہونا لازمی ہے؛ سینئر ملازم (M1) سے یہ نشست پُر نہیں ہوتی (دفعہ 3(2))"},
		{name: "no_chair", c: with(valid(), member("W1", F, SM), member("M1", M, ER), member("M2", M, Other)),
			code: committee.CodeNoChair,
			en:   "no member is designated chairperson; the chairperson must be designated from amongst the members (s.3(2))",
			ur:   "کسی رکن کو چیئرپرسن مقرر نہیں کیا گیا؛ چیئرپرسن کا ارکان میں سے مقرر ہونا لازمی ہے (دفعہ 3(2))"},
		{name: "chair_not_member", c: valid(), kase: rep("W1", member("R1", F, SM)),
			code: committee.CodeChairNotMember,
			en:   "the chairperson (W1) was replaced for this case and is not a member of the committee for it; designate a chairperson from amongst its members (s.3(2))",
			ur:   "چیئرپرسن (W1) کی جگہ اس مقدمے کے لیے کسی اور کو مقرر کیا گیا ہے، اس لیے وہ اس مقدمے کی کمیٹی کا رکن نہیں؛ اس کمیٹی کے ارکان میں سے چیئرپرسن مقرر کریں (دفعہ 3(2))"},
		{name: "several_chairs", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER, "chair"), member("M2", M, Other)),
			code: committee.CodeSeveralChairs,
			en:   "2 members are designated chairperson (M1, W1); the committee has one chairperson (s.3(2))",
			ur:   "2 ارکان کو چیئرپرسن مقرر کیا گیا ہے (M1, W1)؛ کمیٹی کا چیئرپرسن ایک ہی ہوتا ہے (دفعہ 3(2))"},
		{name: "chair_not_female", c: with(valid(), member("W1", F, SM), member("M1", M, ER, "chair"), member("M2", M, Other)),
			rules: overlayRule(func(r *policy.CommitteeRules) { r.FemaleChair = policy.Param[bool]{Value: true, Citation: overlay} }),
			code:  committee.CodeChairNotFemale,
			en:    "the chairperson (M1) must be a woman under the policy (Institution policy r.2)",
			ur:    "پالیسی کے تحت چیئرپرسن (M1) کا خاتون ہونا لازمی ہے (Institution policy r.2)"},
		{name: "outsider_without_need", c: with(valid(), member("W1", F, SM, "chair"), member("M1", M, ER), member("X1", M, Other, "external")),
			code: committee.CodeOutsiderWithoutNeed,
			en:   "member X1 is co-opted from outside the organisation, but the organisation has not recorded that it cannot designate three members from within (s.3(2))",
			ur:   "رکن X1 ادارے کے باہر سے شامل کیا گیا ہے، مگر ادارے نے یہ درج نہیں کیا کہ وہ اپنے اندر سے تین ارکان مقرر نہیں کر سکتا (دفعہ 3(2))"},
		{name: "untrained_member", c: func() committee.Committee {
			c := valid()
			for i := range c.Members {
				c.Members[i].TrainedOn = date("2025-06-01")
			}
			c.Members[1].TrainedOn = date("2023-01-31")
			return c
		}(), on: "2025-06-30",
			rules: overlayRule(func(r *policy.CommitteeRules) {
				r.TrainedWithinMonths = policy.Param[int]{Value: 12, Citation: overlay}
			}),
			code: committee.CodeUntrainedMember,
			en:   "member M1 was last trained on 2023-01-31; the policy requires training within the 12 months before 2025-06-30 (Institution policy r.2)",
			ur:   "رکن M1 کی آخری تربیت 2023-01-31 کو ہوئی؛ پالیسی کے تحت 2025-06-30 سے پہلے کے 12 مہینوں کے اندر تربیت لازمی ہے (Institution policy r.2)"},
		{name: "untrained_member never", c: func() committee.Committee {
			c := valid()
			c.Members[0].TrainedOn = date("2025-06-01")
			c.Members[2].TrainedOn = date("2025-06-01")
			return c
		}(), on: "2025-06-30",
			rules: overlayRule(func(r *policy.CommitteeRules) {
				r.TrainedWithinMonths = policy.Param[int]{Value: 12, Citation: overlay}
			}),
			code: committee.CodeUntrainedMember,
			en:   "member M1 has no recorded training; the policy requires training within the last 12 months (Institution policy r.2)",
			ur:   "رکن M1 کی کوئی تربیت درج نہیں؛ پالیسی کے تحت پچھلے 12 مہینوں کے اندر تربیت لازمی ہے (Institution policy r.2)"},
		{name: "conflicted_member complainant", c: valid(), kase: party(committee.Complainant, "M1"), code: committee.CodeConflictedMember,
			en: "member M1 is the complainant in this case and must be replaced for it (s.3(3))",
			ur: "رکن M1 اس مقدمے میں شکایت کنندہ ہے، اس لیے اس مقدمے کے لیے اس کی جگہ کسی اور کو مقرر کرنا لازمی ہے (دفعہ 3(3))"},
		{name: "conflicted_member accused", c: valid(), kase: party(committee.Accused, "M1"), code: committee.CodeConflictedMember,
			en: "member M1 is the accused in this case and must be replaced for it (s.3(3))",
			ur: "رکن M1 اس مقدمے میں ملزم ہے، اس لیے اس مقدمے کے لیے اس کی جگہ کسی اور کو مقرر کرنا لازمی ہے (دفعہ 3(3))"},
		{name: "conflicted_member witness", c: valid(), kase: party(committee.Witness, "M1"), code: committee.CodeConflictedMember,
			en: "member M1 is a witness in this case and must be replaced for it (s.3(3))",
			ur: "رکن M1 اس مقدمے میں گواہ ہے، اس لیے اس مقدمے کے لیے اس کی جگہ کسی اور کو مقرر کرنا لازمی ہے (دفعہ 3(3))"},
		{name: "replacement_invalid no out", c: valid(), kase: rep("", member("R1", M, Other)), code: committee.CodeReplacementInvalid,
			en: "replacement 1 does not name the member it replaces (s.3(3))",
			ur: "تبدیلی نمبر 1 میں یہ درج نہیں کہ کس رکن کی جگہ لی گئی ہے (دفعہ 3(3))"},
		{name: "replacement_invalid out not member", c: valid(), kase: rep("Z9", member("R1", M, Other)), code: committee.CodeReplacementInvalid,
			en: "replacement 1 replaces Z9, who is not a member of the committee (s.3(3))",
			ur: "تبدیلی نمبر 1 میں Z9 کی جگہ لی گئی ہے، جو کمیٹی کا رکن نہیں (دفعہ 3(3))"},
		{name: "replacement_invalid same member", c: valid(), kase: rep("M2", member("M2", M, Other)), code: committee.CodeReplacementInvalid,
			en: "replacement 1 replaces M2 with the same person (s.3(3))",
			ur: "تبدیلی نمبر 1 میں M2 کی جگہ اسی شخص کو مقرر کیا گیا ہے (دفعہ 3(3))"},
		{name: "replacement_invalid breaks the composition", c: valid(), kase: rep("M1", member("R1", M, Other)), code: committee.CodeReplacementInvalid,
			en: "the replacements for this case leave the committee short of the composition it must have; see the other violations (s.3(3))",
			ur: "اس مقدمے کے لیے ارکان کی تبدیلی کے بعد کمیٹی کی لازمی ساخت پوری نہیں رہتی؛ دیگر خلاف ورزیاں دیکھیں (دفعہ 3(3))"},
		{name: "conflict_signal reports to accused", c: valid(), kase: signal(committee.ReportsToAccused, "P2"), code: committee.CodeConflictSignal,
			en: "member M1 reports to the accused (P2), a possible conflict of interest in this case (s.3(3))",
			ur: "رکن M1 ملزم (P2) کا ماتحت ہے، جس سے اس مقدمے میں مفادات کا ٹکراؤ ممکن ہے (دفعہ 3(3))"},
		{name: "conflict_signal reports to complainant", c: valid(), kase: signal(committee.ReportsToComplainant, ""), code: committee.CodeConflictSignal,
			en: "member M1 reports to the complainant, a possible conflict of interest in this case (s.3(3))",
			ur: "رکن M1 شکایت کنندہ کا ماتحت ہے، جس سے اس مقدمے میں مفادات کا ٹکراؤ ممکن ہے (دفعہ 3(3))"},
		{name: "conflict_signal family relation", c: valid(), kase: signal(committee.FamilyRelation, "P1"), code: committee.CodeConflictSignal,
			en: "member M1 is related to someone in this case (P1), a possible conflict of interest (s.3(3))",
			ur: "رکن M1 کی اس مقدمے کے کسی فریق (P1) سے رشتہ داری ہے، جس سے مفادات کا ٹکراؤ ممکن ہے (دفعہ 3(3))"},
		{name: "competent_authority_accused", c: valid(), kase: party(committee.Accused, "CA-1"), code: committee.CodeCompetentAuthorityAccused,
			en: "the accused is the Competent Authority, so the internal route is conflicted; the complainant may complain to the Ombudsperson instead (s.8(1))",
			ur: "ملزم خود مجاز اتھارٹی ہے، اس لیے ادارے کے اندر کارروائی میں مفادات کا ٹکراؤ ہے؛ شکایت کنندہ اس کے بجائے محتسب سے رجوع کر سکتی ہے (دفعہ 8(1))"},
		{name: "no_competent_authority", c: noCA(valid()), code: committee.CodeNoCompetentAuthority,
			en: "no Competent Authority is recorded; the organisation must designate one (s.3(4), s.11(1))",
			ur: "کوئی مجاز اتھارٹی درج نہیں؛ ادارے پر مجاز اتھارٹی مقرر کرنا لازمی ہے (دفعہ 3(4)، دفعہ 11(1))"},
	}
	covered := map[committee.Code]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := statute(t)
			if tt.rules != nil {
				tt.rules(&rules)
			}
			opts := committee.CheckOptions{Case: tt.kase}
			if tt.on != "" {
				opts.On = date(tt.on)
			}
			for _, lang := range []struct {
				l    committee.Language
				want string
			}{{committee.English, tt.en}, {committee.Urdu, tt.ur}} {
				opts.Language = lang.l
				r, err := v.Check(tt.c, rules, opts)
				require.NoError(t, err, "Check(%+v, %s)", tt.c, lang.l)
				var got []string
				for _, vi := range append(r.Violations, r.Warnings...) {
					if vi.Code == tt.code {
						got = append(got, vi.Message)
					}
				}
				assert.Equal(t, []string{lang.want}, got, "%s messages of Check(%+v) in %s", tt.code, tt.c, lang.l)
			}
			covered[tt.code] = true
		})
	}
	for _, c := range committee.Codes() {
		assert.True(t, covered[c], "code %s has a message test", c)
	}
}
