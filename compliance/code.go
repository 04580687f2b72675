package compliance

import (
	"fmt"

	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// CodeDocument is the Code of Conduct as an organisation displays it and
// hands it to a new employee (s.11(1)-(2)): the Code as the policy in force
// has it, in one language, with the organisation's Inquiry Committee and
// Competent Authority and how to complain by either route (s.8(1)).
// Render it with [CodeDocument.Markdown] or [CodeDocument.HTML].
type CodeDocument struct {
	Language committee.Language `json:"language"`
	Policy   policy.ID          `json:"policy"`
	// Amended is true when the Code is the one substituted by Act V of
	// 2022 (the federal Act as amended, and institutional policies on it);
	// false for the Code as enacted in 2010, which the provincial Acts keep.
	Amended bool   `json:"amended"`
	Title   string `json:"title"`
	// Organisation is the organisation's name, or "" for a generic Code.
	Organisation string `json:"organisation,omitempty"`
	// Notice says that the text is a rendering, or a translation, and not
	// the official text.
	Notice     string        `json:"notice"`
	Paragraphs []CodeSection `json:"paragraphs"`
	// Contacts lists the committee's members and the Competent Authority.
	Contacts CodeSection `json:"contacts"`
	// Complain says how to complain, by each route, with the policy's
	// periods.
	Complain CodeSection `json:"complain"`
	Footer   string      `json:"footer"`
}

// CodeSection is a heading and its paragraphs.
type CodeSection struct {
	Heading string   `json:"heading"`
	Body    []string `json:"body"`
}

// CodeOfConduct builds the Code of Conduct under pol in language lang, for
// org when it is not nil (its policy must be pol). It does not read the
// clock and writes nothing.
func CodeOfConduct(pol *policy.Policy, org *Organisation, lang committee.Language) (*CodeDocument, error) {
	if pol == nil {
		return nil, fmt.Errorf("%w: no policy", ErrPolicy)
	}
	if !lang.IsValid() {
		return nil, fmt.Errorf("%w: language %d", ErrMalformed, lang)
	}
	if org != nil {
		if err := org.Validate(); err != nil {
			return nil, err
		}
		if org.Policy != pol.ID() {
			return nil, fmt.Errorf("%w: the organisation operates under %q, not %q", ErrPolicy, org.Policy, pol.ID())
		}
	}
	amended := pol.ID() == policy.FederalAct2022 || pol.Base() == policy.FederalAct2022
	doc := &CodeDocument{Language: lang, Policy: pol.ID(), Amended: amended,
		Title: codeTitle.in(lang), Notice: codeNotice.in(lang)}
	for _, p := range codeParagraphs(amended) {
		s := CodeSection{Heading: p.number + " " + p.heading.in(lang)}
		for _, b := range p.body {
			s.Body = append(s.Body, b.in(lang))
		}
		doc.Paragraphs = append(doc.Paragraphs, s)
	}
	doc.Contacts = contacts(org, lang)
	if org != nil {
		doc.Organisation = org.Name
	}
	doc.Complain = howToComplain(pol, lang)
	variant := codeEnacted
	if amended {
		variant = codeAmended
	}
	doc.Footer = codeFooter.format(lang, pol.Title(), pol.ID(), variant.in(lang))
	return doc, nil
}

var (
	codeEnacted = text{"the Code as enacted in 2010", "2010 میں نافذ کردہ ضابطہ"}
	codeAmended = text{"the Code as amended by Act V of 2022", "ایکٹ نمبر 5 بابت 2022 کے ذریعے ترمیم شدہ ضابطہ"}
	codeFooter  = text{"Under %[1]s (%[2]s); %[3]s. Display in English and in the language of the majority of employees at a conspicuous place in every workplace (s.11(2)), and give a copy to every new employee.",
		"%[1]s (%[2]s) کے تحت؛ %[3]s۔ انگریزی اور ملازمین کی اکثریت کی زبان میں ہر کام کی جگہ پر نمایاں مقام پر آویزاں کریں (دفعہ 11(2))، اور ہر نئے ملازم کو اس کی نقل دیں۔"}
	contactsHeading = text{"Who to contact", "کس سے رابطہ کریں"}
	committeeOf     = text{"Inquiry Committee of %s:", "%s کی انکوائری کمیٹی:"}
	chairRole       = text{"Chairperson", "چیئرپرسن"}
	memberRole      = text{"Member", "رکن"}
	caLine          = text{"Competent Authority: %s", "مجاز اتھارٹی: %s"}
	noCommittee     = text{"The names of the Inquiry Committee's members and of the Competent Authority are displayed beside this Code.",
		"انکوائری کمیٹی کے ارکان اور مجاز اتھارٹی کے نام اس ضابطے کے ساتھ آویزاں ہیں۔"}
	complainHeading  = text{"How to complain", "شکایت کیسے کی جائے"}
	complainIntro    = text{"Anyone harassed at the workplace may choose either route (s.8(1)):", "کام کی جگہ پر ہراسانی کا شکار کوئی بھی فرد ان میں سے کوئی بھی راستہ اختیار کر سکتا ہے (دفعہ 8(1)):"}
	complainInformal = text{"Informally: tell your supervisor or any member of the Inquiry Committee, orally or in writing (Code (iii)-(iv)). You may still make a formal complaint at any time (Code (vii)).",
		"غیر رسمی طور پر: اپنے نگران یا انکوائری کمیٹی کے کسی بھی رکن کو زبانی یا تحریری طور پر بتائیں (ضابطہ (iii)-(iv))۔ اس کے بعد بھی آپ کسی بھی وقت باقاعدہ شکایت کر سکتے ہیں (ضابطہ (vii))۔"}
	complainCommittee = text{"To the Inquiry Committee: give a written complaint to any of its members. The committee communicates the charges to the accused within %[1]s of receiving it (s.4(1)(a)); the accused answers within %[2]s (s.4(1)(b)); the committee reports its findings within %[3]s of starting the inquiry (s.4(4)); the Competent Authority imposes the penalty within %[4]s of receiving them (s.4(5)). Either party may appeal to the Ombudsperson within %[5]s (s.6).",
		"انکوائری کمیٹی کو: کمیٹی کے کسی بھی رکن کو تحریری شکایت دیں۔ کمیٹی شکایت موصول ہونے کے %[1]s کے اندر ملزم کو الزامات سے آگاہ کرتی ہے (دفعہ 4(1)(الف))؛ ملزم %[2]s کے اندر جواب دیتا ہے (دفعہ 4(1)(ب))؛ کمیٹی انکوائری شروع ہونے کے %[3]s کے اندر اپنی سفارشات پیش کرتی ہے (دفعہ 4(4))؛ مجاز اتھارٹی سفارشات ملنے کے %[4]s کے اندر سزا نافذ کرتی ہے (دفعہ 4(5))۔ کوئی بھی فریق %[5]s کے اندر محتسب کے پاس اپیل کر سکتا ہے (دفعہ 6)۔"}
	complainOmbudsperson = text{"Directly to %[1]s, instead of the committee (s.8(1)).", "کمیٹی کے بجائے براہِ راست %[1]s کو (دفعہ 8(1))۔"}
	ombudspersonDecides  = text{" The Ombudsperson decides within %[1]s (s.8(6)).", " محتسب %[1]s کے اندر فیصلہ کرتا ہے (دفعہ 8(6))۔"}
	complainProtection   = text{"Statements and evidence are kept confidential (s.4(3)(a)), and no adverse action may be taken against a complainant or a witness for complaining or giving evidence (s.4(3)(d)).",
		"بیانات اور شواہد صیغۂ راز میں رکھے جاتے ہیں (دفعہ 4(3)(الف))، اور شکایت کرنے یا گواہی دینے پر شکایت کنندہ یا گواہ کے خلاف کوئی منفی کارروائی نہیں کی جا سکتی (دفعہ 4(3)(د))۔"}
)

// ombudspersons names each jurisdiction's Ombudsperson and seat.
var ombudspersons = map[policy.Jurisdiction]text{
	policy.Federal:     {"the Federal Ombudsperson for Protection against Harassment of Women at the Workplace, Islamabad", "وفاقی محتسب برائے تحفظِ خواتین از ہراسانی در مقامِ کار، اسلام آباد"},
	policy.Punjab:      {"the Ombudsperson Punjab for Protection against Harassment of Women at the Workplace, Lahore", "محتسب پنجاب برائے تحفظِ خواتین از ہراسانی در مقامِ کار، لاہور"},
	policy.Sindh:       {"the Ombudsperson Sindh for Protection against Harassment of Women at the Workplace, Karachi", "محتسب سندھ برائے تحفظِ خواتین از ہراسانی در مقامِ کار، کراچی"},
	policy.KP:          {"the Ombudsperson Khyber Pakhtunkhwa for Protection against Harassment of Women at the Workplace, Peshawar", "محتسب خیبر پختونخوا برائے تحفظِ خواتین از ہراسانی در مقامِ کار، پشاور"},
	policy.Balochistan: {"the Ombudsperson Balochistan for Protection against Harassment of Women at the Workplace, Quetta", "محتسب بلوچستان برائے تحفظِ خواتین از ہراسانی در مقامِ کار، کوئٹہ"},
}

// contacts lists the organisation's committee and Competent Authority.
func contacts(org *Organisation, lang committee.Language) CodeSection {
	s := CodeSection{Heading: contactsHeading.in(lang)}
	if org == nil || len(org.Committee.Members) == 0 {
		s.Body = []string{noCommittee.in(lang)}
		return s
	}
	s.Body = append(s.Body, committeeOf.format(lang, org.Name))
	for _, m := range org.Committee.Members {
		role := memberRole
		if m.Chair {
			role = chairRole
		}
		s.Body = append(s.Body, m.Name+" ("+role.in(lang)+")")
	}
	if ca := org.CompetentAuthority; ca.Title != "" {
		s.Body = append(s.Body, caLine.format(lang, ca.Title))
	}
	return s
}

// howToComplain says how to complain under pol, with its periods.
func howToComplain(pol *policy.Policy, lang committee.Language) CodeSection {
	period := func(id policy.RuleID) string {
		r, _ := pol.Rule(id)
		return periodIn(r.Period, lang)
	}
	s := CodeSection{Heading: complainHeading.in(lang), Body: []string{
		complainIntro.in(lang),
		complainInformal.in(lang),
		complainCommittee.format(lang, period(policy.RuleCharges), period(policy.RuleDefence), period(policy.RuleFindings),
			period(policy.RulePenalty), period(policy.RuleAppealComplainant)),
	}}
	direct := complainOmbudsperson.format(lang, ombudspersons[pol.Jurisdiction()].in(lang))
	if r, ok := pol.Rule(policy.RuleOmbudspersonDecision); ok {
		direct += ombudspersonDecides.format(lang, periodIn(r.Period, lang))
	}
	s.Body = append(s.Body, direct, complainProtection.in(lang))
	return s
}

// periodIn words a period in language lang.
func periodIn(p policy.Period, lang committee.Language) string {
	if lang != committee.Urdu {
		return p.String()
	}
	if p.Unit == policy.Months {
		return fmt.Sprintf("%d ماہ", p.N)
	}
	return fmt.Sprintf("%d دن", p.N)
}
