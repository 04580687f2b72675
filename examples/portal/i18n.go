package main

// lang is a language of the portal: its code, direction and strings.
type lang struct {
	Code, Dir, Name string
	// Other is the other language, for the switch link.
	Other string
	s     map[string]string
}

// Penalties are the penalty codes a form offers that need no amount or
// period (s.4(4)).
func (lang) Penalties() []string {
	return []string{"censure", "stop_at_efficiency_bar", "reduce_rank", "compulsory_retirement", "removal", "dismissal"}
}

// T returns the string for key, or key itself when it has no translation
// (event types, states and codes are shown as the API names them).
func (l lang) T(key string) string {
	if v, ok := l.s[key]; ok {
		return v
	}
	return key
}

var langs = map[string]lang{
	"en": {Code: "en", Dir: "ltr", Name: "English", Other: "ur", s: map[string]string{
		"title":             "Hifazat: protection against harassment at work",
		"skip":              "Skip to the main content",
		"signin":            "Sign in",
		"signin.help":       "Enter the access token your institution gave you. Keep it private: anyone with it can act as you.",
		"token":             "Access token",
		"signout":           "Sign out",
		"home":              "Home",
		"complaint":         "Make a complaint",
		"complaint.help":    "Your complaint is confidential. Only the Inquiry Committee reads your statement; the person you complain about is told the charges, not your statement.",
		"route":             "How do you want to proceed?",
		"route.formal":      "A formal complaint to the Inquiry Committee",
		"route.formal.is":   "The committee must communicate the charges within 3 days and submit its findings within 30 days (s.4).",
		"route.informal":    "Informal resolution",
		"route.informal.is": "A confidential conversation to stop the behaviour, without an inquiry (Code of Conduct (iii)). You may still complain formally later.",
		"incident_on":       "Date of the incident",
		"filed_on":          "Date of this complaint",
		"your_id":           "Your employee or student number",
		"relationship":      "Your relationship to the institution",
		"accused_id":        "Employee or student number of the person you complain about",
		"accused_rel":       "Their relationship to the institution",
		"statement":         "Your statement (what happened)",
		"submit":            "Submit",
		"case":              "Case",
		"state":             "Where the case stands",
		"deadlines":         "Deadlines",
		"due":               "Due by",
		"rule":              "Step",
		"citation":          "Section",
		"next":              "What can happen next",
		"by":                "By",
		"events":            "Record",
		"on":                "Date",
		"note":              "Note",
		"finding":           "Finding",
		"penalty_field":     "Penalty recommended (with a finding of guilty)",
		"record":            "Record this step",
		"dashboard":         "Committee dashboard",
		"queue":             "Competent Authority: decisions awaited",
		"all_cases":         "Cases",
		"due_week":          "Deadlines due this week",
		"overdue":           "Overdue (breaches)",
		"none":              "None.",
		"version":           "Version",
		"error":             "The request was not accepted",
		"employee":          "Employee",
		"student":           "Student",
		"withheld":          "withheld",
		"as":                "You are signed in as",
	}},
	"ur": {Code: "ur", Dir: "rtl", Name: "اردو", Other: "en", s: map[string]string{
		"title":             "حفاظت: کام کی جگہ پر ہراسانی سے تحفظ",
		"skip":              "مرکزی مواد پر جائیں",
		"signin":            "داخل ہوں",
		"signin.help":       "اپنے ادارے کا دیا ہوا رسائی ٹوکن درج کریں۔ اسے راز رکھیں: جس کے پاس یہ ہو وہ آپ کی جگہ عمل کر سکتا ہے۔",
		"token":             "رسائی ٹوکن",
		"signout":           "باہر نکلیں",
		"home":              "سرورق",
		"complaint":         "شکایت درج کریں",
		"complaint.help":    "آپ کی شکایت خفیہ ہے۔ آپ کا بیان صرف انکوائری کمیٹی پڑھتی ہے؛ جس کے خلاف شکایت ہے اسے الزامات بتائے جاتے ہیں، آپ کا بیان نہیں۔",
		"route":             "آپ کیسے آگے بڑھنا چاہتی ہیں؟",
		"route.formal":      "انکوائری کمیٹی کو باقاعدہ شکایت",
		"route.formal.is":   "کمیٹی تین دن میں الزامات سے آگاہ کرے گی اور تیس دن میں اپنی سفارشات پیش کرے گی (دفعہ 4)۔",
		"route.informal":    "غیر رسمی حل",
		"route.informal.is": "رویہ رکوانے کے لیے خفیہ بات چیت، انکوائری کے بغیر (ضابطۂ اخلاق (iii))۔ بعد میں باقاعدہ شکایت بھی کی جا سکتی ہے۔",
		"incident_on":       "واقعے کی تاریخ",
		"filed_on":          "اس شکایت کی تاریخ",
		"your_id":           "آپ کا ملازمت یا طالب علم نمبر",
		"relationship":      "ادارے سے آپ کا تعلق",
		"accused_id":        "جس کے خلاف شکایت ہے اس کا ملازمت یا طالب علم نمبر",
		"accused_rel":       "ادارے سے اس کا تعلق",
		"statement":         "آپ کا بیان (کیا ہوا)",
		"submit":            "جمع کرائیں",
		"case":              "مقدمہ",
		"state":             "مقدمہ کہاں کھڑا ہے",
		"deadlines":         "مدتیں",
		"due":               "آخری تاریخ",
		"rule":              "مرحلہ",
		"citation":          "دفعہ",
		"next":              "آگے کیا ہو سکتا ہے",
		"by":                "کون",
		"events":            "ریکارڈ",
		"on":                "تاریخ",
		"note":              "نوٹ",
		"finding":           "نتیجہ",
		"penalty_field":     "تجویز کردہ سزا (قصوروار ہونے کی صورت میں)",
		"record":            "یہ مرحلہ درج کریں",
		"dashboard":         "کمیٹی کا ڈیش بورڈ",
		"queue":             "مجاز اتھارٹی: زیرِ التوا فیصلے",
		"all_cases":         "مقدمات",
		"due_week":          "اس ہفتے کی آخری تاریخیں",
		"overdue":           "تاخیر شدہ (خلاف ورزیاں)",
		"none":              "کوئی نہیں۔",
		"version":           "ورژن",
		"error":             "درخواست قبول نہیں ہوئی",
		"employee":          "ملازم",
		"student":           "طالب علم",
		"withheld":          "پوشیدہ",
		"as":                "آپ اس حیثیت سے داخل ہیں",
	}},
}
