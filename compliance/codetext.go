package compliance

// The Code of Conduct's paragraphs, rendered by the project in plain words
// from the Schedule to the Act (as enacted in 2010 and as amended by Act V of
// 2022), in English and in the project's own Urdu translation. Neither is
// the official text; the document says so where it is displayed.

// codePara is one paragraph of the Code in both languages.
type codePara struct {
	number  string
	heading text
	body    []text
}

var codeTitle = text{"Code of Conduct for Protection against Harassment of Women at the Workplace",
	"کام کی جگہ پر خواتین کو ہراسانی سے تحفظ کے لیے ضابطۂ اخلاق"}

var codeNotice = text{
	"A plain-language rendering of the Code of Conduct in the Schedule to the Act, prepared with Hifazat. It is not the official text: for the authoritative wording, consult the Act as published in the official Gazette.",
	"یہ ایکٹ کے جدول میں درج ضابطۂ اخلاق کا غیر سرکاری اردو ترجمہ ہے جو Hifazat کی مدد سے تیار کیا گیا ہے۔ یہ سرکاری متن نہیں؛ مستند الفاظ کے لیے سرکاری گزٹ میں شائع شدہ ایکٹ سے رجوع کریں۔",
}

// Paragraph (ii): the definition, as enacted and as substituted in 2022.
var (
	definition2010 = []text{{
		"Harassment means any unwelcome sexual advance, request for sexual favours or other verbal or written communication or physical conduct of a sexual nature, or sexually demeaning attitudes, causing interference with work performance or creating an intimidating, hostile or offensive work environment, or the attempt to punish the complainant for refusing such a request, or making it a condition of employment. Such behaviour is unacceptable at the workplace, including in any interaction or situation linked to official work or official activity outside the office.",
		"ہراسانی سے مراد کوئی بھی ناپسندیدہ جنسی پیش قدمی، جنسی تعلق کا مطالبہ، یا جنسی نوعیت کا کوئی زبانی یا تحریری رابطہ یا جسمانی طرزِ عمل، یا جنسی طور پر تحقیر آمیز رویّہ ہے جو کام کی کارکردگی میں رکاوٹ بنے یا کام کا ماحول خوفزدہ کرنے والا، مخاصمانہ یا ناگوار بنا دے؛ یا ایسے مطالبے سے انکار پر شکایت کنندہ کو سزا دینے کی کوشش، یا اسے ملازمت کی شرط بنانا۔ ایسا رویّہ کام کی جگہ پر ناقابلِ قبول ہے، بشمول دفتر سے باہر سرکاری کام یا سرکاری سرگرمی سے متعلق ہر میل جول یا صورتِ حال میں۔",
	}}
	definition2022 = []text{{
		"Harassment means (1) any unwelcome sexual advance, request for sexual favours, stalking or cyber stalking, or other verbal, written, physical or visual communication or conduct of a sexual nature, or sexually demeaning attitudes, including gestures or expressions with a derogatory meaning, that interferes with work performance or creates an intimidating, hostile or offensive work environment, or the attempt to punish the complainant for refusing such a request, or making it a condition of employment; or (2) discrimination on the basis of gender, which may or may not be sexual in nature, arising from a discriminatory and prejudiced mindset and resulting in discriminatory behaviour against the complainant on the basis of gender.",
		"ہراسانی سے مراد ہے: (1) کوئی بھی ناپسندیدہ جنسی پیش قدمی، جنسی تعلق کا مطالبہ، تعاقب یا سائبر تعاقب، یا جنسی نوعیت کا کوئی زبانی، تحریری، جسمانی یا بصری رابطہ یا طرزِ عمل، یا جنسی طور پر تحقیر آمیز رویّہ، بشمول توہین آمیز مفہوم رکھنے والے اشارے یا تاثرات، جو کام کی کارکردگی میں رکاوٹ بنے یا کام کا ماحول خوفزدہ کرنے والا، مخاصمانہ یا ناگوار بنا دے؛ یا ایسے مطالبے سے انکار پر شکایت کنندہ کو سزا دینے کی کوشش، یا اسے ملازمت کی شرط بنانا؛ یا (2) صنف کی بنیاد پر امتیاز، خواہ جنسی نوعیت کا ہو یا نہ ہو، جو امتیازی اور متعصبانہ ذہنیت سے پیدا ہو اور شکایت کنندہ کے خلاف صنف کی بنیاد پر امتیازی سلوک کی صورت اختیار کرے۔",
	}, {
		"A single incident that makes a person uncomfortable or creates a sense of fear or panic at the workplace is also harassment.",
		"کام کی جگہ پر ایک واحد واقعہ بھی، جو کسی فرد کو بے چین کر دے یا اس میں خوف یا گھبراہٹ پیدا کرے، ہراسانی ہے۔",
	}}
	explanationIntro = text{"Explanation. Harassment shows itself in three significant ways:", "وضاحت: ہراسانی کی تین نمایاں صورتیں ہیں:"}
	abuseOfAuthority = text{
		"(a) Abuse of authority: a demand by a person in authority, such as a supervisor or manager, for sexual favours in exchange for, or under threat of losing, a wage increase, a promotion, training, a transfer or the job itself.",
		"(الف) اختیار کا ناجائز استعمال: کسی صاحبِ اختیار، مثلاً نگران یا منتظم، کی جانب سے تنخواہ میں اضافے، ترقی، تربیت، تبادلے یا خود ملازمت کے عوض، یا ان سے محرومی کی دھمکی دے کر، جنسی تعلق کا مطالبہ۔",
	}
	hostile2010 = text{
		"(b) Hostile environment: any unwelcome sexual advance, request for sexual favours or other verbal or physical conduct of a sexual nature that interferes with a person's work performance or creates an intimidating, hostile or offensive work environment. It usually takes a pattern of behaviour, but where the harassment is particularly severe, such as physical contact, a single offensive incident is a violation.",
		"(ب) مخاصمانہ ماحول: کوئی بھی ناپسندیدہ جنسی پیش قدمی، جنسی تعلق کا مطالبہ یا جنسی نوعیت کا دیگر زبانی یا جسمانی طرزِ عمل جو کسی فرد کی کارکردگی میں مداخلت کرے یا کام کا ماحول خوفزدہ کرنے والا، مخاصمانہ یا ناگوار بنا دے۔ عموماً اس کے لیے رویّے کا تسلسل درکار ہوتا ہے، لیکن جہاں ہراسانی خاص طور پر سنگین ہو، جیسے جسمانی چھونا، وہاں ایک واحد ناگوار واقعہ بھی خلاف ورزی ہے۔",
	}
	hostile2022 = text{
		"(b) Hostile environment: any unwelcome sexual advance, request for sexual favours or other verbal or physical conduct of a sexual nature, or any discrimination on the basis of gender, that interferes with a person's work performance or creates an intimidating, hostile or offensive work environment. Where the harassment is particularly severe, such as physical contact or discrimination on the basis of gender, a single offensive incident is a violation.",
		"(ب) مخاصمانہ ماحول: کوئی بھی ناپسندیدہ جنسی پیش قدمی، جنسی تعلق کا مطالبہ یا جنسی نوعیت کا دیگر زبانی یا جسمانی طرزِ عمل، یا صنف کی بنیاد پر کوئی امتیاز، جو کسی فرد کی کارکردگی میں مداخلت کرے یا کام کا ماحول خوفزدہ کرنے والا، مخاصمانہ یا ناگوار بنا دے۔ جہاں ہراسانی خاص طور پر سنگین ہو، جیسے جسمانی چھونا یا صنفی امتیاز، وہاں ایک واحد ناگوار واقعہ بھی خلاف ورزی ہے۔",
	}
	retaliation = text{
		"(c) Retaliation: refusing a demand for sexual favours can bring retaliation, such as limiting the person's chances of promotion or training, distorting evaluation reports, spreading gossip, or limiting access to rights. Such behaviour is also harassment.",
		"(ج) انتقامی کارروائی: جنسی مطالبہ ماننے سے انکار کے نتیجے میں انتقامی کارروائی ہو سکتی ہے، مثلاً ترقی یا تربیت کے مواقع محدود کرنا، کارکردگی کی رپورٹ بگاڑنا، افواہیں پھیلانا، یا حقوق تک رسائی محدود کرنا۔ ایسا رویّہ بھی ہراسانی ہے۔",
	}
	counterBlast = text{
		"Filing counter-blast suits for defamation and the like is also retaliation; the Ombudsperson or the Inquiry Committee, as the case may be, should take notice of it in their proceedings.",
		"ہتکِ عزت وغیرہ کے جوابی مقدمات دائر کرنا بھی انتقامی کارروائی ہے؛ محتسب یا انکوائری کمیٹی، جیسی صورت ہو، اپنی کارروائی میں اس کا نوٹس لے۔",
	}
)

// codeParagraphs returns the Code's thirteen paragraphs, as amended in 2022
// when amended is true.
func codeParagraphs(amended bool) []codePara {
	def, hostile := definition2010, hostile2010
	if amended {
		def, hostile = definition2022, hostile2022
	}
	two := append(append([]text{}, def...), explanationIntro, abuseOfAuthority, hostile, retaliation)
	eleven := []text{{
		"Care must be taken to prevent retaliation from either side: the parties' evaluations, daily duties, reporting lines and any parallel inquiries are to be monitored.",
		"کسی بھی فریق کی جانب سے انتقامی کارروائی روکنے کا خیال رکھا جائے: فریقین کی کارکردگی رپورٹوں، روزمرہ فرائض، رپورٹنگ کے سلسلے اور کسی بھی متوازی انکوائری کی نگرانی کی جائے۔",
	}}
	if amended {
		eleven = append(eleven, counterBlast)
	}
	return []codePara{
		{"(i)", text{"Purpose", "مقصد"}, []text{{
			"This Code guides the behaviour of everyone who works in the organisation, employees, management and owners alike, so that the workplace is free of harassment and intimidation.",
			"یہ ضابطہ ادارے میں کام کرنے والے ہر فرد، یعنی ملازمین، انتظامیہ اور مالکان، کے طرزِ عمل کے لیے رہنما اصول ہے، تاکہ کام کی جگہ ہراسانی اور دھمکی سے پاک رہے۔",
		}}},
		{"(ii)", text{"What harassment is", "ہراسانی کیا ہے"}, two},
		{"(iii)", text{"Resolving a complaint informally", "شکایت کا غیر رسمی حل"}, []text{{
			"A complaint may be resolved informally, by mediation, advice and counselling, on a strictly confidential basis.",
			"شکایت کو ثالثی، مشورے اور رہنمائی کے ذریعے، مکمل رازداری کے ساتھ، غیر رسمی طور پر حل کیا جا سکتا ہے۔",
		}}},
		{"(iv)", text{"Reporting informally", "غیر رسمی اطلاع"}, []text{{
			"The complainant, or a member of staff she designates, may report an incident informally, orally or in writing, to her supervisor or to any member of the Inquiry Committee, who may address it at their discretion in the spirit of this Code.",
			"شکایت کنندہ، یا اس کا نامزد کردہ کوئی رکنِ عملہ، واقعے کی غیر رسمی اطلاع زبانی یا تحریری طور پر شکایت کنندہ کے نگران یا انکوائری کمیٹی کے کسی بھی رکن کو دے سکتا ہے، جو اس ضابطے کی روح کے مطابق اپنی صوابدید پر معاملے سے نمٹ سکتا ہے۔",
		}}},
		{"(v)", text{"Informal inquiry", "غیر رسمی چھان بین"}, []text{{
			"If the matter is taken up informally, a senior manager from the office or the head office looks into it in confidence, and the accused is approached with a view to resolving it in confidence.",
			"اگر معاملہ غیر رسمی طور پر اٹھایا جائے تو دفتر یا صدر دفتر کا کوئی سینئر منتظم رازداری کے ساتھ اس کی چھان بین کرتا ہے، اور ملزم سے رابطہ کر کے معاملہ رازداری سے حل کرنے کی کوشش کی جاتی ہے۔",
		}}},
		{"(vi)", text{"Turning an informal matter into a formal complaint", "غیر رسمی معاملے کو باقاعدہ شکایت بنانا"}, []text{{
			"If the incident is harassment of a higher degree and the person reviewing it thinks it calls for formal disciplinary action, it may become a formal complaint, but only with the complainant's consent.",
			"اگر واقعہ زیادہ سنگین نوعیت کی ہراسانی ہو اور جائزہ لینے والے کی رائے میں اس پر باقاعدہ تادیبی کارروائی درکار ہو، تو اسے باقاعدہ شکایت بنایا جا سکتا ہے، مگر صرف شکایت کنندہ کی رضامندی سے۔",
		}}},
		{"(vii)", text{"A formal complaint at any time", "باقاعدہ شکایت کسی بھی وقت"}, []text{{
			"The complainant need not try the informal route. She may make a formal complaint at any time.",
			"شکایت کنندہ پر غیر رسمی طریقہ اختیار کرنا لازم نہیں۔ وہ کسی بھی وقت باقاعدہ شکایت درج کرا سکتی ہے۔",
		}}},
		{"(viii)", text{"Where to make a formal complaint", "باقاعدہ شکایت کہاں کی جائے"}, []text{{
			"A formal complaint may be made through her in-charge, her supervisor, the nominee of the collective bargaining agent or the workers' representative, or directly to any member of the Inquiry Committee. The member approached must start the process. The supervisor must help and must neither cover up nor obstruct the inquiry.",
			"باقاعدہ شکایت اپنے انچارج، نگران، اجتماعی سودا کار (سی بی اے) کے نامزد فرد یا ملازمین کے نمائندے کے ذریعے، یا براہِ راست انکوائری کمیٹی کے کسی بھی رکن کو دی جا سکتی ہے۔ جس رکن سے رجوع کیا جائے وہ کارروائی شروع کرنے کا پابند ہے۔ نگران پر لازم ہے کہ مدد کرے، اور نہ معاملے کو چھپائے نہ انکوائری میں رکاوٹ ڈالے۔",
		}}},
		{"(ix)", text{"Help", "مدد"}, []text{{
			"Help in making a complaint may be sought from any member of the organisation.",
			"شکایت کرنے میں ادارے کے کسی بھی فرد سے مدد لی جا سکتی ہے۔",
		}}},
		{"(x)", text{"Interim arrangements", "عارضی انتظامات"}, []text{{
			"While a complaint is pending, arrangements may be made so that the parties need not deal with each other: a change of office, or withdrawing from the accused an additional charge that gives power over the complainant's conditions of work. The employer may also send the accused on leave or suspend him under the rules on misconduct.",
			"شکایت کے زیرِ التوا رہنے کے دوران ایسے انتظامات کیے جا سکتے ہیں کہ فریقین کو ایک دوسرے سے واسطہ نہ پڑے: دفتر کی تبدیلی، یا ملزم سے وہ اضافی ذمہ داری واپس لینا جو اسے شکایت کنندہ کی ملازمت کی شرائط پر اختیار دیتی ہو۔ آجر بدعملی کے قواعد کے تحت ملزم کو رخصت پر بھی بھیج سکتا ہے یا معطل کر سکتا ہے۔",
		}}},
		{"(xi)", text{"Preventing retaliation", "انتقامی کارروائی کی روک تھام"}, eleven},
		{"(xii)", text{"Reporting at once", "فوری اطلاع"}, []text{{
			"Harassment usually happens in private, so evidence is hard to obtain. Staff should report offensive behaviour at once to someone they trust, even if they do not make a formal complaint. Not reporting at once does not affect the merits of a complaint.",
			"ہراسانی عموماً تنہائی میں ہوتی ہے، اس لیے ثبوت حاصل کرنا مشکل ہوتا ہے۔ عملے کو چاہیے کہ ناگوار رویّے کی اطلاع فوراً کسی قابلِ اعتماد فرد کو دیں، خواہ وہ باقاعدہ شکایت نہ کریں۔ فوری اطلاع نہ دینے سے شکایت کی صحت پر کوئی اثر نہیں پڑتا۔",
		}}},
		{"(xiii)", text{"A minimum standard", "کم از کم معیار"}, []text{{
			"This Code is a minimum standard. It does not affect any better arrangement an organisation has made or any protection its employees have negotiated.",
			"یہ ضابطہ کم از کم معیار ہے۔ اس سے کسی ادارے کے بہتر انتظامات یا ملازمین کے طے شدہ تحفظات متاثر نہیں ہوتے۔",
		}}},
	}
}
