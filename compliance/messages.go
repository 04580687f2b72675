package compliance

import (
	"fmt"

	"github.com/hifazat/hifazat/committee"
)

// text is one message in English and Urdu, indexed by committee.Language.
type text [2]string

// in returns the message in language l (English for an unknown language).
func (t text) in(l committee.Language) string {
	if l == committee.Urdu {
		return t[1]
	}
	return t[0]
}

// duty holds the words of one duty: its title and what to do next by status.
type duty struct {
	title text
	next  map[Status]text
}

var nothingToDo = text{"Nothing to do.", "کوئی کارروائی درکار نہیں۔"}

var duties = map[DutyID]duty{
	CommitteeConstituted: {
		title: text{"Inquiry Committee constituted in time", "انکوائری کمیٹی کی بروقت تشکیل"},
		next: map[Status]text{
			Missing: {"Constitute a three-member Inquiry Committee now, at least one of them a woman, with a member from senior management and a senior representative of the employees (s.3(1)-(2)), and record the date.",
				"فوری طور پر تین ارکان پر مشتمل انکوائری کمیٹی تشکیل دیں جن میں کم از کم ایک خاتون ہو، ایک رکن سینئر انتظامیہ سے اور ایک ملازمین کا سینئر نمائندہ ہو (دفعہ 3(1)-(2))، اور تشکیل کی تاریخ درج کریں۔"},
			Late: {"Keep the committee in place; the delay stays on the record.",
				"کمیٹی کو برقرار رکھیں؛ تاخیر ریکارڈ پر رہے گی۔"},
		},
	},
	CommitteeComposed: {
		title: text{"Inquiry Committee lawfully composed", "انکوائری کمیٹی کی قانون کے مطابق ترکیب"},
		next: map[Status]text{
			Missing: {"Change the committee so that it meets every rule listed (s.3(2)), and record the change.",
				"کمیٹی میں ایسی تبدیلی کریں کہ درج بالا ہر شرط پوری ہو (دفعہ 3(2))، اور تبدیلی ریکارڈ کریں۔"},
		},
	},
	CommitteeTrained: {
		title: text{"Committee members trained within the policy's window", "کمیٹی کے ارکان کی پالیسی کی مقررہ مدت کے اندر تربیت"},
		next: map[Status]text{
			Missing: {"Train the members listed on the Act and the policy, and add each training (course, provider, date, hours) to the record.",
				"درج ارکان کو قانون اور پالیسی کی تربیت دلوائیں، اور ہر تربیت (کورس، ادارہ، تاریخ، گھنٹے) ریکارڈ میں شامل کریں۔"},
			Due: {"Train the newly appointed members listed before the deadline, and add each training to the record.",
				"نئے مقرر ہونے والے درج ارکان کو آخری تاریخ سے پہلے تربیت دلوائیں، اور ہر تربیت ریکارڈ میں شامل کریں۔"},
		},
	},
	CompetentAuthorityDesignate: {
		title: text{"Competent Authority designated in time", "مجاز اتھارٹی کی بروقت نامزدگی"},
		next: map[Status]text{
			Missing: {"Designate a Competent Authority by written order (s.3(4), Rules 2013 r.3(1)), without discrimination on the basis of gender (r.3(3)), and record the date.",
				"تحریری حکم نامے کے ذریعے مجاز اتھارٹی نامزد کریں (دفعہ 3(4)، قواعد 2013 قاعدہ 3(1))، صنف کی بنیاد پر امتیاز کے بغیر (قاعدہ 3(3))، اور تاریخ درج کریں۔"},
			Late: {"Keep the designation in force; the delay stays on the record.",
				"نامزدگی برقرار رکھیں؛ تاخیر ریکارڈ پر رہے گی۔"},
		},
	},
	CompetentAuthorityNotified: {
		title: text{"Competent Authority's designation sent to the Ombudsperson and circulated", "مجاز اتھارٹی کی نامزدگی کی محتسب کو ترسیل اور ملازمین میں تشہیر"},
		next: map[Status]text{
			Missing: {"Send a copy of the order designating the Competent Authority to the Ombudsperson and circulate it to every employee (Rules 2013 r.3(2)); record both dates.",
				"مجاز اتھارٹی کی نامزدگی کے حکم نامے کی نقل محتسب کو بھیجیں اور ہر ملازم تک پہنچائیں (قواعد 2013 قاعدہ 3(2))؛ دونوں تاریخیں درج کریں۔"},
			Late: {"Nothing to redo; the delay stays on the record.",
				"دوبارہ کچھ کرنے کی ضرورت نہیں؛ تاخیر ریکارڈ پر رہے گی۔"},
		},
	},
	CodeDisplayed: {
		title: text{"Code of Conduct displayed in English and the majority's language", "ضابطۂ اخلاق کی انگریزی اور اکثریت کی زبان میں نمایاں جگہ پر آویزش"},
		next: map[Status]text{
			Missing: {"Display the Code of Conduct in English and in the language of the majority of employees at a conspicuous place in every workplace (s.11(2)); 'hifazat code-of-conduct' prints both.",
				"ضابطۂ اخلاق کو انگریزی اور ملازمین کی اکثریت کی زبان میں ہر کام کی جگہ پر نمایاں مقام پر آویزاں کریں (دفعہ 11(2))؛ 'hifazat code-of-conduct' دونوں زبانوں میں چھاپتا ہے۔"},
			Late: {"Keep the Code displayed; the delay stays on the record.",
				"ضابطۂ اخلاق آویزاں رکھیں؛ تاخیر ریکارڈ پر رہے گی۔"},
		},
	},
	CodeInManagementPolicy: {
		title: text{"Code of Conduct part of the management policy", "ضابطۂ اخلاق انتظامی پالیسی کا حصہ"},
		next: map[Status]text{
			Missing: {"Make the Code of Conduct part of the management policy (service rules, HR manual) and record the date (s.11(1)).",
				"ضابطۂ اخلاق کو انتظامی پالیسی (سروس رولز، ایچ آر مینوئل) کا حصہ بنائیں اور تاریخ درج کریں (دفعہ 11(1))۔"},
		},
	},
	CodeAcknowledged: {
		title: text{"New employees acknowledged the Code at recruitment", "نئے ملازمین کی جانب سے بھرتی کے وقت ضابطۂ اخلاق کی وصولی کا اقرار"},
		next: map[Status]text{
			Missing: {"Give every new employee a copy of the Code at recruitment, in a language they read, and record the acknowledgement.",
				"ہر نئے ملازم کو بھرتی کے وقت اس کی سمجھ میں آنے والی زبان میں ضابطۂ اخلاق کی نقل دیں اور وصولی کا اقرار ریکارڈ کریں۔"},
		},
	},
	CasesWithinDeadlines: {
		title: text{"Open cases within their statutory deadlines", "زیرِ سماعت مقدمات قانونی مدت کے اندر"},
		next: map[Status]text{
			Late: {"Bring each overdue case before the forum that must act, now; 'hifazat case list --overdue' lists them for those entitled to see them.",
				"ہر تاخیر شدہ مقدمہ فوری طور پر متعلقہ فورم کے سامنے لائیں؛ 'hifazat case list --overdue' یہ مقدمات صرف مجاز افراد کو دکھاتا ہے۔"},
		},
	},
}

// nextStep returns what to do about duty id in status s.
func nextStep(id DutyID, s Status, l committee.Language) string {
	if t, ok := duties[id].next[s]; ok {
		return t.in(l)
	}
	if s == Due {
		if t, ok := duties[id].next[Missing]; ok {
			return t.in(l)
		}
	}
	return nothingToDo.in(l)
}

// Detail templates shared by the duties with a deadline: %[1]s is the day
// done, %[2]s the deadline.
var deadlineDetail = map[Status]text{
	Met:     {"done on %[1]s, by the deadline of %[2]s", "%[1]s کو مکمل ہوا، آخری تاریخ %[2]s کے اندر"},
	Late:    {"done on %[1]s, after the deadline of %[2]s", "%[1]s کو مکمل ہوا، آخری تاریخ %[2]s کے بعد"},
	Missing: {"not done; the deadline was %[2]s", "مکمل نہیں ہوا؛ آخری تاریخ %[2]s تھی"},
	Due:     {"not done yet; the deadline is %[2]s", "ابھی مکمل نہیں ہوا؛ آخری تاریخ %[2]s ہے"},
}

// The other details, each with its arguments described.
var (
	detailCommitteeNone   = text{"no committee is recorded", "کوئی کمیٹی ریکارڈ میں نہیں"}
	detailComposedOK      = text{"three members meet every rule of s.3(2) and the policy", "ارکان دفعہ 3(2) اور پالیسی کی ہر شرط پوری کرتے ہیں"}
	detailTrainedOK       = text{"every member trained within %[1]d months; the first training to lapse lapses on %[2]s", "ہر رکن کی تربیت %[1]d ماہ کے اندر ہوئی؛ سب سے پہلے ختم ہونے والی تربیت %[2]s کو ختم ہوگی"}
	detailUntrained       = text{"not trained within %[1]d months: %[2]s", "%[1]d ماہ کے اندر تربیت نہیں ہوئی: %[2]s"}
	detailNewlyAppointed  = text{"appointed recently and not yet trained: %[1]s", "حال ہی میں مقرر ہوئے اور ابھی تربیت نہیں ہوئی: %[1]s"}
	detailNoOrder         = text{"no Competent Authority is designated yet", "ابھی تک کوئی مجاز اتھارٹی نامزد نہیں"}
	detailInPolicy        = text{"part of the management policy since %[1]s", "%[1]s سے انتظامی پالیسی کا حصہ"}
	detailNotInPolicy     = text{"not recorded as part of the management policy", "انتظامی پالیسی کا حصہ ہونا ریکارڈ میں نہیں"}
	detailAcknowledged    = text{"%[1]d of %[2]d new employees in the 12 months to %[3]s acknowledged the Code (target %[4]d%%)", "%[3]s تک کے 12 ماہ میں %[2]d نئے ملازمین میں سے %[1]d نے ضابطۂ اخلاق کی وصولی کا اقرار کیا (ہدف %[4]d%%)"}
	detailNoHires         = text{"no new employees are recorded in the 12 months to %[1]s", "%[1]s تک کے 12 ماہ میں کوئی نیا ملازم ریکارڈ میں نہیں"}
	detailCasesOK         = text{"no open case is past a statutory deadline", "کوئی زیرِ سماعت مقدمہ قانونی مدت سے تجاوز نہیں کر رہا"}
	detailCasesOverdue    = text{"%[1]d open case(s) past a statutory deadline", "%[1]d زیرِ سماعت مقدمات قانونی مدت سے تجاوز کر چکے ہیں"}
	detailDisplayLanguage = text{"; displayed so far in: %[1]s", "؛ اب تک ان زبانوں میں آویزاں: %[1]s"}
)

// format formats t in language l.
func (t text) format(l committee.Language, a ...any) string { return fmt.Sprintf(t.in(l), a...) }
