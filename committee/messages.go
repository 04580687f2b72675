package committee

import "strings"

// message is one message of a report in both languages. Its key is a code's
// external form, or the code followed by "." and a variant where the code
// has several messages. Placeholders {0}, {1}, ... take the finding's
// arguments; n is how many there are.
type message struct {
	key    string
	n      int
	en, ur string
}

// messages is the catalogue. Tests check that every code has a message,
// that both languages use exactly n placeholders, and that every variant the
// rules emit is here.
var messages = []message{
	{"size", 2,
		"the committee must have exactly {1} members; it has {0}",
		"کمیٹی کے ارکان کی تعداد {0} ہے؛ یہ تعداد ٹھیک {1} ہونا لازمی ہے"},
	{"invalid_member.missing", 1,
		"{0} is missing: every member needs an id, a name, a gender and a seat",
		"{0} درج نہیں: ہر رکن کی شناخت (id)، نام، جنس اور نشست درج ہونا لازمی ہے"},
	{"invalid_member.unknown", 1,
		"{0} is not one of the allowed values",
		"{0} کی درج قدر اجازت شدہ قدروں میں سے نہیں"},
	{"duplicate_member", 2,
		"member {0} is listed {1} times; the members must be different people",
		"رکن {0} فہرست میں {1} بار درج ہے؛ ارکان کا الگ الگ افراد ہونا لازمی ہے"},
	{"no_woman", 0,
		"the committee must have at least one woman member",
		"کمیٹی میں کم از کم ایک خاتون رکن ہونا لازمی ہے"},
	{"too_few_women", 2,
		"the policy requires at least {1} women members; the committee has {0}",
		"کمیٹی میں خواتین ارکان کی تعداد {0} ہے؛ پالیسی کے تحت کم از کم {1} خواتین ارکان ہونا لازمی ہے"},
	{"no_senior_management", 0,
		"one member must be from senior management",
		"ایک رکن کا سینئر انتظامیہ میں سے ہونا لازمی ہے"},
	{"no_employee_representative", 0,
		"one member must be a senior representative of the employees or, as the organisation has no CBA, a senior employee",
		"ایک رکن کا ملازمین کا سینئر نمائندہ، یا ادارے میں سی بی اے نہ ہونے کی وجہ سے کوئی سینئر ملازم، ہونا لازمی ہے"},
	{"no_employee_representative.cba", 0,
		"the organisation has a CBA, so one member must be a senior representative of the employees",
		"ادارے میں سی بی اے (اجتماعی سودا کار ایجنٹ) موجود ہے، اس لیے ایک رکن کا ملازمین کا سینئر نمائندہ ہونا لازمی ہے"},
	{"no_employee_representative.cba_senior_employee", 1,
		"the organisation has a CBA, so the employee seat must be held by a senior representative of the employees; a senior employee ({0}) does not fill it",
		"ادارے میں سی بی اے (اجتماعی سودا کار ایجنٹ) موجود ہے، اس لیے ملازمین کی نشست پر ملازمین کا سینئر نمائندہ ہونا لازمی ہے؛ سینئر ملازم ({0}) سے یہ نشست پُر نہیں ہوتی"},
	{"no_chair", 0,
		"no member is designated chairperson; the chairperson must be designated from amongst the members",
		"کسی رکن کو چیئرپرسن مقرر نہیں کیا گیا؛ چیئرپرسن کا ارکان میں سے مقرر ہونا لازمی ہے"},
	{"chair_not_member", 1,
		"the chairperson ({0}) was replaced for this case and is not a member of the committee for it; designate a chairperson from amongst its members",
		"چیئرپرسن ({0}) کی جگہ اس مقدمے کے لیے کسی اور کو مقرر کیا گیا ہے، اس لیے وہ اس مقدمے کی کمیٹی کا رکن نہیں؛ اس کمیٹی کے ارکان میں سے چیئرپرسن مقرر کریں"},
	{"several_chairs", 2,
		"{0} members are designated chairperson ({1}); the committee has one chairperson",
		"{0} ارکان کو چیئرپرسن مقرر کیا گیا ہے ({1})؛ کمیٹی کا چیئرپرسن ایک ہی ہوتا ہے"},
	{"chair_not_female", 1,
		"the chairperson ({0}) must be a woman under the policy",
		"پالیسی کے تحت چیئرپرسن ({0}) کا خاتون ہونا لازمی ہے"},
	{"outsider_without_need", 1,
		"member {0} is co-opted from outside the organisation, but the organisation has not recorded that it cannot designate three members from within",
		"رکن {0} ادارے کے باہر سے شامل کیا گیا ہے، مگر ادارے نے یہ درج نہیں کیا کہ وہ اپنے اندر سے تین ارکان مقرر نہیں کر سکتا"},
	{"untrained_member", 4,
		"member {0} was last trained on {1}; the policy requires training within the {2} months before {3}",
		"رکن {0} کی آخری تربیت {1} کو ہوئی؛ پالیسی کے تحت {3} سے پہلے کے {2} مہینوں کے اندر تربیت لازمی ہے"},
	{"untrained_member.never", 2,
		"member {0} has no recorded training; the policy requires training within the last {1} months",
		"رکن {0} کی کوئی تربیت درج نہیں؛ پالیسی کے تحت پچھلے {1} مہینوں کے اندر تربیت لازمی ہے"},
	{"conflicted_member.complainant", 1,
		"member {0} is the complainant in this case and must be replaced for it",
		"رکن {0} اس مقدمے میں شکایت کنندہ ہے، اس لیے اس مقدمے کے لیے اس کی جگہ کسی اور کو مقرر کرنا لازمی ہے"},
	{"conflicted_member.accused", 1,
		"member {0} is the accused in this case and must be replaced for it",
		"رکن {0} اس مقدمے میں ملزم ہے، اس لیے اس مقدمے کے لیے اس کی جگہ کسی اور کو مقرر کرنا لازمی ہے"},
	{"conflicted_member.witness", 1,
		"member {0} is a witness in this case and must be replaced for it",
		"رکن {0} اس مقدمے میں گواہ ہے، اس لیے اس مقدمے کے لیے اس کی جگہ کسی اور کو مقرر کرنا لازمی ہے"},
	{"replacement_invalid.no_out", 1,
		"replacement {0} does not name the member it replaces",
		"تبدیلی نمبر {0} میں یہ درج نہیں کہ کس رکن کی جگہ لی گئی ہے"},
	{"replacement_invalid.out_not_member", 2,
		"replacement {0} replaces {1}, who is not a member of the committee",
		"تبدیلی نمبر {0} میں {1} کی جگہ لی گئی ہے، جو کمیٹی کا رکن نہیں"},
	{"replacement_invalid.same_member", 2,
		"replacement {0} replaces {1} with the same person",
		"تبدیلی نمبر {0} میں {1} کی جگہ اسی شخص کو مقرر کیا گیا ہے"},
	{"replacement_invalid.breaks", 0,
		"the replacements for this case leave the committee short of the composition it must have; see the other violations",
		"اس مقدمے کے لیے ارکان کی تبدیلی کے بعد کمیٹی کی لازمی ساخت پوری نہیں رہتی؛ دیگر خلاف ورزیاں دیکھیں"},
	{"conflict_signal.reports_to_accused", 2,
		"member {0} reports to the accused{1}, a possible conflict of interest in this case",
		"رکن {0} ملزم{1} کا ماتحت ہے، جس سے اس مقدمے میں مفادات کا ٹکراؤ ممکن ہے"},
	{"conflict_signal.reports_to_complainant", 2,
		"member {0} reports to the complainant{1}, a possible conflict of interest in this case",
		"رکن {0} شکایت کنندہ{1} کا ماتحت ہے، جس سے اس مقدمے میں مفادات کا ٹکراؤ ممکن ہے"},
	{"conflict_signal.family_relation", 2,
		"member {0} is related to someone in this case{1}, a possible conflict of interest",
		"رکن {0} کی اس مقدمے کے کسی فریق{1} سے رشتہ داری ہے، جس سے مفادات کا ٹکراؤ ممکن ہے"},
	{"competent_authority_accused", 0,
		"the accused is the Competent Authority, so the internal route is conflicted; the complainant may complain to the Ombudsperson instead",
		"ملزم خود مجاز اتھارٹی ہے، اس لیے ادارے کے اندر کارروائی میں مفادات کا ٹکراؤ ہے؛ شکایت کنندہ اس کے بجائے محتسب سے رجوع کر سکتی ہے"},
	{"no_competent_authority", 0,
		"no Competent Authority is recorded; the organisation must designate one",
		"کوئی مجاز اتھارٹی درج نہیں؛ ادارے پر مجاز اتھارٹی مقرر کرنا لازمی ہے"},
}

// text returns the message in language l.
func (m message) text(l Language) string {
	if l == Urdu {
		return m.ur
	}
	return m.en
}

// urduCitationWords renders the digest's citation notation in Urdu, word by
// word at the start of each comma-separated part: "s.3(2)" becomes
// "دفعہ 3(2)". Parts it does not know are left as they are.
var urduCitationWords = []struct{ prefix, ur string }{
	{"s.", "دفعہ "},
	{"r.", "قاعدہ "},
	{"Rules ", "قواعد "},
	{"Code ", "ضابطۂ اخلاق "},
	{"interpretation ", "تشریح "},
}

// citeIn formats a citation's section for the end of a message in language
// l: " (s.3(2))", or " (دفعہ 3(2))" in Urdu; nothing when section is empty.
func citeIn(l Language, section string) string {
	if section == "" {
		return ""
	}
	if l != Urdu {
		return " (" + section + ")"
	}
	parts := strings.Split(section, ", ")
	for i, p := range parts {
		for _, w := range urduCitationWords {
			if rest, ok := strings.CutPrefix(p, w.prefix); ok {
				parts[i] = w.ur + rest
				break
			}
		}
	}
	return " (" + strings.Join(parts, "، ") + ")"
}
