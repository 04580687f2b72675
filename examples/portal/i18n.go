package main

import (
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// lang is a language of the portal: its code, direction and strings.
type lang struct {
	Code, Dir, Name string
	// Other is the other language, for the switch link.
	Other string
	// ur: the Urdu side of words.go's tables.
	ur bool
	s  map[string]string
}

// T returns the string for key, or key itself when it has no translation.
func (l lang) T(key string) string {
	if v, ok := l.s[key]; ok {
		return v
	}
	return key
}

// pick returns the language's side of a pair.
func (l lang) pick(p [2]string) string {
	if l.ur {
		return p[1]
	}
	return p[0]
}

// words returns the language's side of b, or the code itself with no
// sentence when b has no entry (words_test.go keeps that from happening).
func (l lang) words(b both, ok bool, code string) plain {
	switch {
	case !ok:
		return plain{Name: code}
	case l.ur:
		return b.Ur
	}
	return b.En
}

// name returns the language's side of a pair, or code when there is none.
func (l lang) name(p [2]string, ok bool, code string) string {
	if !ok {
		return code
	}
	return l.pick(p)
}

// State says where a case stands.
func (l lang) State(s casefsm.State) plain {
	b, ok := stateWords[s]
	return l.words(b, ok, s.String())
}

// Event says what a step records.
func (l lang) Event(e casefsm.EventType) plain {
	b, ok := eventWords[e]
	return l.words(b, ok, e.String())
}

// EventNamed is Event for an event type's name, as the case's record
// shows it.
func (l lang) EventNamed(name string) plain {
	var e casefsm.EventType
	if e.UnmarshalText([]byte(name)) != nil {
		return plain{Name: name}
	}
	return l.Event(e)
}

// RoleNamed is Role for a role's name.
func (l lang) RoleNamed(name string) string {
	var r casefsm.Role
	if r.UnmarshalText([]byte(name)) != nil {
		return name
	}
	return l.Role(r)
}

// Rule says what a deadline requires.
func (l lang) Rule(r policy.RuleID) plain {
	b, ok := ruleWords[r]
	return l.words(b, ok, string(r))
}

// Field labels a field of an event.
func (l lang) Field(name string) plain {
	b, ok := fieldWords[name]
	return l.words(b, ok, name)
}

// Role names who acts.
func (l lang) Role(r casefsm.Role) string {
	p, ok := roleWords[r]
	return l.name(p, ok, r.String())
}

// Roles names several roles, as a list in the language.
func (l lang) Roles(rs []casefsm.Role) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = l.Role(r)
	}
	sep := ", "
	if l.ur {
		sep = "، "
	}
	return strings.Join(out, sep)
}

// Penalty names a penalty.
func (l lang) Penalty(c policy.PenaltyCode) string {
	p, ok := penaltyWords[c]
	return l.name(p, ok, string(c))
}

// Status says where an act stands against its deadline.
func (l lang) Status(s deadlines.Status) string {
	p, ok := statusWords[s]
	return l.name(p, ok, s.String())
}

// Refusal says why the API refused a step.
func (l lang) Refusal(c casefsm.Code) string {
	p, ok := refusalWords[c]
	return l.name(p, ok, c.String())
}

// Period says a period ("3 days").
func (l lang) Period(p policy.Period) string {
	unit := "days"
	if p.Unit == policy.Months {
		unit = "months"
	}
	return fmt.Sprintf("%d %s", p.N, l.T(unit))
}

var langs = map[string]lang{
	"en": {Code: "en", Dir: "ltr", Name: "English", Other: "ur", s: map[string]string{
		"title":              "Hifazat: protection against harassment at work",
		"skip":               "Skip to the main content",
		"signin":             "Sign in",
		"signin.help":        "Enter the access token your institution gave you. Keep it private: anyone with it can act as you.",
		"token":              "Access token",
		"signout":            "Sign out",
		"home":               "Home",
		"complaint":          "Make a complaint",
		"complaint.help":     "Your complaint is confidential. Only the Inquiry Committee reads your statement; the person you complain about is told the charges, not your statement.",
		"route":              "How do you want to proceed?",
		"route.formal":       "A formal complaint to the Inquiry Committee",
		"route.formal.is":    "If you choose this, the case runs to these periods:",
		"route.informal":     "Informal resolution",
		"route.informal.is":  "There is no inquiry, and you may still make a formal complaint later.",
		"incident_on":        "Date of the incident",
		"filed_on":           "Date of this complaint",
		"relationship":       "Your relationship to the institution",
		"accused_id":         "Employee or student number of the person you complain about",
		"accused_rel":        "Their relationship to the institution",
		"statement":          "Your statement (what happened)",
		"submit":             "Submit",
		"case":               "Case",
		"state":              "Where the case stands",
		"deadlines":          "Deadlines",
		"due":                "Due by",
		"rule":               "Step",
		"citation":           "Section",
		"next":               "What can happen next",
		"by":                 "By",
		"events":             "Record",
		"on":                 "Date",
		"note":               "Note",
		"finding":            "Finding",
		"record":             "Record this step",
		"dashboard":          "Committee dashboard",
		"queue":              "Competent Authority: decisions awaited",
		"all_cases":          "Cases",
		"due_week":           "Deadlines due this week",
		"overdue":            "Overdue (breaches)",
		"none":               "None.",
		"version":            "Version",
		"error":              "The request was not accepted",
		"employee":           "Employee",
		"student":            "Student",
		"as":                 "You are signed in as",
		"next.when":          "By when",
		"next.steps":         "What happens next",
		"next.who":           "Who acts",
		"steps":              "Record a step",
		"steps.help":         "Only the steps you may record now are listed. Open one to fill in its form.",
		"period":             "Period",
		"status":             "Status",
		"days":               "days",
		"months":             "months",
		"entry":              "No.",
		"required":           "required",
		"optional":           "optional",
		"penalty.months":     "Months",
		"penalty.amount":     "Amount in rupees",
		"err.required":       "This is required.",
		"err.date":           "Enter a date as YYYY-MM-DD.",
		"err.number":         "Enter a whole number, 1 or more.",
		"err.choice":         "Choose one of the options listed.",
		"err.member":         "Fill in the member out and every detail of the member in.",
		"err.form":           "The form has errors: see the fields marked below.",
		"refused":            "The step was not recorded",
		"refused.detail":     "The system's reason (in English)",
		"member.out":         "Employee number of the member stepping aside",
		"member.in.id":       "Employee number of the member taking the seat",
		"member.in.name":     "Name of the member taking the seat",
		"member.in.gender":   "Their gender",
		"member.in.seat":     "The seat they fill",
		"member.in.external": "Comes from outside the organisation",
		"next_for_you":       "Next step",
		"stop":               ".",
	}},
	"ur": {Code: "ur", Dir: "rtl", Name: "اردو", Other: "en", ur: true, s: map[string]string{
		"title":              "حفاظت: کام کی جگہ پر ہراسانی سے تحفظ",
		"skip":               "مرکزی مواد پر جائیں",
		"signin":             "داخل ہوں",
		"signin.help":        "اپنے ادارے کا دیا ہوا رسائی ٹوکن درج کریں۔ اسے راز رکھیں: جس کے پاس یہ ہو وہ آپ کی جگہ عمل کر سکتا ہے۔",
		"token":              "رسائی ٹوکن",
		"signout":            "باہر نکلیں",
		"home":               "سرورق",
		"complaint":          "شکایت درج کریں",
		"complaint.help":     "آپ کی شکایت خفیہ ہے۔ آپ کا بیان صرف انکوائری کمیٹی پڑھتی ہے؛ جس کے خلاف شکایت ہے اسے الزامات بتائے جاتے ہیں، آپ کا بیان نہیں۔",
		"route":              "آپ کیسے آگے بڑھنا چاہتی ہیں؟",
		"route.formal":       "انکوائری کمیٹی کو باقاعدہ شکایت",
		"route.formal.is":    "یہ راستہ چنیں تو مقدمہ ان مدتوں کے مطابق چلتا ہے:",
		"route.informal":     "غیر رسمی حل",
		"route.informal.is":  "اس میں انکوائری نہیں ہوتی، اور بعد میں آپ باقاعدہ شکایت بھی کر سکتی ہیں۔",
		"incident_on":        "واقعے کی تاریخ",
		"filed_on":           "اس شکایت کی تاریخ",
		"relationship":       "ادارے سے آپ کا تعلق",
		"accused_id":         "جس کے خلاف شکایت ہے اس کا ملازمت یا طالب علم نمبر",
		"accused_rel":        "ادارے سے اس کا تعلق",
		"statement":          "آپ کا بیان (کیا ہوا)",
		"submit":             "جمع کرائیں",
		"case":               "مقدمہ",
		"state":              "مقدمہ کہاں کھڑا ہے",
		"deadlines":          "مدتیں",
		"due":                "آخری تاریخ",
		"rule":               "مرحلہ",
		"citation":           "دفعہ",
		"next":               "آگے کیا ہو سکتا ہے",
		"by":                 "کون",
		"events":             "ریکارڈ",
		"on":                 "تاریخ",
		"note":               "نوٹ",
		"finding":            "نتیجہ",
		"record":             "یہ مرحلہ درج کریں",
		"dashboard":          "کمیٹی کا ڈیش بورڈ",
		"queue":              "مجاز اتھارٹی: زیرِ التوا فیصلے",
		"all_cases":          "مقدمات",
		"due_week":           "اس ہفتے کی آخری تاریخیں",
		"overdue":            "تاخیر شدہ (خلاف ورزیاں)",
		"none":               "کوئی نہیں۔",
		"version":            "ورژن",
		"error":              "درخواست قبول نہیں ہوئی",
		"employee":           "ملازم",
		"student":            "طالب علم",
		"as":                 "آپ اس حیثیت سے داخل ہیں",
		"next.when":          "کب تک",
		"next.steps":         "آگے کیا ہو گا",
		"next.who":           "کون کرے گا",
		"steps":              "کوئی قدم درج کریں",
		"steps.help":         "صرف وہ قدم دکھائے گئے ہیں جو آپ ابھی درج کر سکتے ہیں۔ فارم بھرنے کے لیے کسی ایک کو کھولیں۔",
		"period":             "مدت",
		"status":             "کیفیت",
		"days":               "دن",
		"months":             "مہینے",
		"entry":              "نمبر",
		"required":           "لازمی",
		"optional":           "اختیاری",
		"penalty.months":     "مہینے",
		"penalty.amount":     "رقم (روپے)",
		"err.required":       "یہ لازمی ہے۔",
		"err.date":           "تاریخ YYYY-MM-DD کی صورت میں لکھیں۔",
		"err.number":         "ایک یا اس سے بڑا پورا عدد لکھیں۔",
		"err.choice":         "دیے گئے اختیارات میں سے ایک چنیں۔",
		"err.member":         "الگ ہونے والے رکن اور نئے رکن کی ہر تفصیل بھریں۔",
		"err.form":           "فارم میں غلطیاں ہیں: نیچے نشان زدہ خانے دیکھیں۔",
		"refused":            "یہ قدم درج نہیں ہوا",
		"refused.detail":     "نظام کی وجہ (انگریزی میں)",
		"member.out":         "الگ ہونے والے رکن کا ملازمت نمبر",
		"member.in.id":       "جگہ لینے والے رکن کا ملازمت نمبر",
		"member.in.name":     "جگہ لینے والے رکن کا نام",
		"member.in.gender":   "اس کی جنس",
		"member.in.seat":     "وہ کس نشست پر ہے",
		"member.in.external": "ادارے کے باہر سے ہے",
		"next_for_you":       "اگلا قدم",
		"stop":               "۔",
		"ur.review":          "اس صفحے کی اردو عبارت ایک کام چلاؤ ترجمہ ہے جس پر کسی اردو دان قانونی مترجم کی نظرِ ثانی ابھی باقی ہے؛ حوالہ شدہ دفعہ اور انگریزی متن معتبر ہیں۔",
	}},
}
