package main

import (
	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// This file holds the lifecycle's codes in plain words, in English and in
// Urdu, as data keyed by the SDK's own types: where a case stands (a
// casefsm.State), what can happen (a casefsm.EventType), what must happen
// by when (a policy.RuleID), and who acts (a casefsm.Role). words_test.go
// fails when the SDK has a state, event type, deadline rule, role, finding,
// penalty, refusal code, deadline status or event field with no entry here,
// so none ships untranslated.
//
// The words paraphrase the SDK's own documentation of each code; they add
// no rule. The section is never part of the words: the page shows the
// section the API gives (the event type's citations, the deadline's
// citation) beside them, so the two cannot disagree.
//
// The Urdu is a plain working translation that awaits review by a native
// legal translator; the Urdu pages say so (see "ur.review"), and the English
// with its section is the reference.

// plain is one code in plain words: a short name, and one sentence saying
// what it means for the people in the case.
type plain struct{ Name, Says string }

// both is a code's plain words in English and in Urdu.
type both struct{ En, Ur plain }

// stateWords says where a case stands, for each casefsm.State.
var stateWords = map[casefsm.State]both{
	casefsm.NotFiled: {
		plain{"Not filed", "Nothing has been reported yet."},
		plain{"درج نہیں ہوا", "ابھی تک کچھ رپورٹ نہیں ہوا۔"}},
	casefsm.Informal: {
		plain{"Informal resolution", "The complainant asked for an informal resolution; a supervisor or committee member tries to stop the behaviour, without an inquiry."},
		plain{"غیر رسمی حل", "شکایت کنندہ نے غیر رسمی حل مانگا ہے؛ نگران یا کمیٹی کا رکن انکوائری کے بغیر یہ رویہ رکوانے کی کوشش کر رہا ہے۔"}},
	casefsm.InformallyResolved: {
		plain{"Resolved informally", "The matter was resolved informally. The complainant may still make a formal complaint."},
		plain{"غیر رسمی طور پر حل ہو گیا", "معاملہ غیر رسمی طور پر حل ہو گیا۔ شکایت کنندہ اب بھی باقاعدہ شکایت کر سکتی ہے۔"}},
	casefsm.ComplaintReceived: {
		plain{"Complaint received", "The Inquiry Committee has the written complaint. Next it tells the accused the charges."},
		plain{"شکایت موصول ہو گئی", "انکوائری کمیٹی کو تحریری شکایت مل گئی ہے۔ اب وہ ملزم کو الزامات سے آگاہ کرے گی۔"}},
	casefsm.ChargesCommunicated: {
		plain{"Charges sent to the accused", "The committee told the accused the charges and the statement of allegations. The accused may now send a written defence."},
		plain{"الزامات ملزم کو بھیج دیے گئے", "کمیٹی نے ملزم کو الزامات اور الزامات کی تفصیل سے آگاہ کر دیا ہے۔ اب ملزم تحریری جواب بھیج سکتا ہے۔"}},
	casefsm.DefenceClosed: {
		plain{"Defence received", "The committee has the accused's defence, or went ahead without it. Next it starts the inquiry."},
		plain{"جواب موصول", "کمیٹی کو ملزم کا جواب مل گیا ہے، یا وہ اس کے بغیر آگے بڑھی ہے۔ اب وہ انکوائری شروع کرے گی۔"}},
	casefsm.Inquiry: {
		plain{"Inquiry under way", "The committee is holding the inquiry: it hears both sides and their evidence, then sends its findings to the Competent Authority."},
		plain{"انکوائری جاری ہے", "کمیٹی انکوائری کر رہی ہے: دونوں فریقوں اور ان کے ثبوت کو سنے گی، پھر اپنے نتائج مجاز اتھارٹی کو بھیجے گی۔"}},
	casefsm.FindingsSubmitted: {
		plain{"Findings with the Competent Authority", "The committee sent its findings and recommendations to the Competent Authority, which now decides."},
		plain{"نتائج مجاز اتھارٹی کے پاس", "کمیٹی نے اپنے نتائج اور سفارشات مجاز اتھارٹی کو بھیج دی ہیں، جو اب فیصلہ کرے گی۔"}},
	casefsm.Decided: {
		plain{"Decided", "The Competent Authority decided. The decision is to be given to the parties in writing."},
		plain{"فیصلہ ہو گیا", "مجاز اتھارٹی نے فیصلہ کر دیا ہے۔ فیصلہ فریقین کو تحریری طور پر دیا جانا ہے۔"}},
	casefsm.DecisionCommunicated: {
		plain{"Decision given in writing", "The decision was given in writing. A party who disagrees may appeal within the period shown."},
		plain{"فیصلہ تحریری طور پر دے دیا گیا", "فیصلہ تحریری طور پر دے دیا گیا ہے۔ جو فریق متفق نہ ہو وہ دی گئی مدت میں اپیل کر سکتا ہے۔"}},
	casefsm.AppealPending: {
		plain{"Appeal pending", "An appeal is with the Ombudsperson (or the District Court where no Ombudsperson is appointed)."},
		plain{"اپیل زیرِ سماعت", "اپیل محتسب کے پاس ہے (یا جہاں محتسب مقرر نہ ہو وہاں ڈسٹرکٹ کورٹ کے پاس)۔"}},
	casefsm.AppealDecided: {
		plain{"Appeal decided", "The appeal was decided."},
		plain{"اپیل کا فیصلہ ہو گیا", "اپیل کا فیصلہ ہو گیا ہے۔"}},
	casefsm.OmbudspersonComplaint: {
		plain{"Complaint with the Ombudsperson", "The complaint was made directly to the Ombudsperson."},
		plain{"شکایت محتسب کے پاس", "شکایت براہِ راست محتسب کو کی گئی ہے۔"}},
	casefsm.ShowCauseIssued: {
		plain{"Show-cause notice sent", "The Ombudsperson asked the accused to explain in writing (a show-cause notice)."},
		plain{"اظہارِ وجوہ کا نوٹس جاری", "محتسب نے ملزم سے تحریری وضاحت مانگی ہے (اظہارِ وجوہ کا نوٹس)۔"}},
	casefsm.OmbudspersonHearing: {
		plain{"Hearing before the Ombudsperson", "The Ombudsperson has the accused's defence, or went ahead without it, and hears the complaint."},
		plain{"محتسب کے سامنے سماعت", "محتسب کو ملزم کا جواب مل گیا ہے، یا وہ اس کے بغیر آگے بڑھے ہیں، اور شکایت سن رہے ہیں۔"}},
	casefsm.OmbudspersonDecided: {
		plain{"Ombudsperson decided", "The Ombudsperson decided the complaint."},
		plain{"محتسب نے فیصلہ کر دیا", "محتسب نے شکایت کا فیصلہ کر دیا ہے۔"}},
	casefsm.RepresentationPending: {
		plain{"Representation pending", "A representation against the decision is with the President or the Governor."},
		plain{"نمائندگی زیرِ غور", "فیصلے کے خلاف نمائندگی (ریپریزنٹیشن) صدر یا گورنر کے پاس ہے۔"}},
	casefsm.Dismissed: {
		plain{"Dismissed at admission", "The forum dismissed the complaint at admission, with reasons. The complainant may challenge this."},
		plain{"ابتدا ہی میں خارج", "فورم نے وجوہات کے ساتھ شکایت ابتدا ہی میں خارج کر دی ہے۔ شکایت کنندہ اس کے خلاف رجوع کر سکتی ہے۔"}},
	casefsm.Implementation: {
		plain{"Being carried out", "The final decision is being carried out."},
		plain{"عمل درآمد جاری", "آخری فیصلے پر عمل درآمد ہو رہا ہے۔"}},
	casefsm.Withdrawn: {
		plain{"Withdrawn", "The complainant withdrew the complaint with the forum's permission. The case is over."},
		plain{"واپس لے لی گئی", "شکایت کنندہ نے فورم کی اجازت سے شکایت واپس لے لی۔ مقدمہ ختم ہو گیا۔"}},
	casefsm.Closed: {
		plain{"Closed", "The decision was carried out. The case is over."},
		plain{"بند", "فیصلے پر عمل ہو گیا۔ مقدمہ ختم ہو گیا۔"}},
}

// eventWords says what each casefsm.EventType records: its name is what a
// form and the next steps call it.
var eventWords = map[casefsm.EventType]both{
	casefsm.ReportInformally: {
		plain{"Ask for informal resolution", "The complainant reports the behaviour to a supervisor or committee member, to have it stopped without an inquiry."},
		plain{"غیر رسمی حل کی درخواست", "شکایت کنندہ نگران یا کمیٹی کے رکن کو رویے کی اطلاع دیتی ہے تاکہ انکوائری کے بغیر اسے رکوایا جائے۔"}},
	casefsm.ResolveInformally: {
		plain{"Record informal resolution", "The supervisor or committee records that the matter was resolved informally."},
		plain{"غیر رسمی حل درج کریں", "نگران یا کمیٹی درج کرتی ہے کہ معاملہ غیر رسمی طور پر حل ہو گیا۔"}},
	casefsm.FileComplaint: {
		plain{"Make a formal complaint", "A written complaint to the Inquiry Committee."},
		plain{"باقاعدہ شکایت", "انکوائری کمیٹی کو تحریری شکایت۔"}},
	casefsm.FileWithOmbudsperson: {
		plain{"Complain to the Ombudsperson", "A complaint made directly to the Ombudsperson instead of the committee."},
		plain{"محتسب کو شکایت", "کمیٹی کے بجائے براہِ راست محتسب کو شکایت۔"}},
	casefsm.DismissAtAdmission: {
		plain{"Dismiss at admission", "The forum declines to take up the complaint, and must give its reasons."},
		plain{"ابتدا ہی میں خارج کریں", "فورم شکایت پر کارروائی سے انکار کرتا ہے، اور اسے وجوہات دینی ہوں گی۔"}},
	casefsm.CommunicateCharges: {
		plain{"Send the charges to the accused", "The committee tells the accused, in writing, the charges and the statement of allegations (not the complainant's statement)."},
		plain{"ملزم کو الزامات بھیجیں", "کمیٹی ملزم کو تحریری طور پر الزامات اور الزامات کی تفصیل بتاتی ہے (شکایت کنندہ کا بیان نہیں)۔"}},
	casefsm.SubmitDefence: {
		plain{"Send a written defence", "The accused answers the charges in writing."},
		plain{"تحریری جواب بھیجیں", "ملزم الزامات کا تحریری جواب دیتا ہے۔"}},
	casefsm.ProceedExParte: {
		plain{"Go ahead without a defence", "The forum goes ahead without the accused's defence, which did not come in time (ex parte)."},
		plain{"جواب کے بغیر کارروائی", "ملزم کا جواب وقت پر نہ آنے پر فورم اس کے بغیر کارروائی آگے بڑھاتا ہے (یکطرفہ کارروائی)۔"}},
	casefsm.StartInquiry: {
		plain{"Start the inquiry", "The committee records the day the inquiry starts; its findings are due from then."},
		plain{"انکوائری شروع کریں", "کمیٹی انکوائری شروع ہونے کا دن درج کرتی ہے؛ نتائج کی مدت اسی دن سے گنی جاتی ہے۔"}},
	casefsm.SubmitFindings: {
		plain{"Send the findings", "The committee sends its findings, and any penalty it recommends, to the Competent Authority."},
		plain{"نتائج بھیجیں", "کمیٹی اپنے نتائج، اور جو سزا تجویز کرے، مجاز اتھارٹی کو بھیجتی ہے۔"}},
	casefsm.Decide: {
		plain{"Decide on the findings", "The Competent Authority decides on the committee's recommendations, and any penalty."},
		plain{"نتائج پر فیصلہ کریں", "مجاز اتھارٹی کمیٹی کی سفارشات اور سزا پر فیصلہ کرتی ہے۔"}},
	casefsm.CommunicateDecision: {
		plain{"Give the decision in writing", "The Competent Authority gives its decision to the parties in writing; the time to appeal runs from then."},
		plain{"فیصلہ تحریری طور پر دیں", "مجاز اتھارٹی اپنا فیصلہ فریقین کو تحریری طور پر دیتی ہے؛ اپیل کی مدت اسی وقت سے شروع ہوتی ہے۔"}},
	casefsm.IssueShowCause: {
		plain{"Send a show-cause notice", "The Ombudsperson asks the accused to explain in writing."},
		plain{"اظہارِ وجوہ کا نوٹس بھیجیں", "محتسب ملزم سے تحریری وضاحت مانگتا ہے۔"}},
	casefsm.DecideComplaint: {
		plain{"Decide the complaint", "The Ombudsperson decides the complaint."},
		plain{"شکایت کا فیصلہ کریں", "محتسب شکایت کا فیصلہ کرتا ہے۔"}},
	casefsm.FileAppeal: {
		plain{"Appeal", "A party appeals against the decision."},
		plain{"اپیل کریں", "فریق فیصلے کے خلاف اپیل کرتا ہے۔"}},
	casefsm.DecideAppeal: {
		plain{"Decide the appeal", "The appellate forum decides the appeal."},
		plain{"اپیل کا فیصلہ کریں", "اپیل سننے والا فورم اپیل کا فیصلہ کرتا ہے۔"}},
	casefsm.MakeRepresentation: {
		plain{"Make a representation", "A party asks the President or the Governor to review the decision."},
		plain{"نمائندگی کریں", "فریق صدر یا گورنر سے فیصلے پر نظرِ ثانی کی درخواست کرتا ہے۔"}},
	casefsm.DecideRepresentation: {
		plain{"Decide the representation", "The President or the Governor decides the representation."},
		plain{"نمائندگی کا فیصلہ کریں", "صدر یا گورنر نمائندگی کا فیصلہ کرتے ہیں۔"}},
	casefsm.Remand: {
		plain{"Send back for a fresh decision", "The forum above sends the case back to be decided again."},
		plain{"نئے فیصلے کے لیے واپس بھیجیں", "اوپر والا فورم مقدمہ دوبارہ فیصلے کے لیے واپس بھیجتا ہے۔"}},
	casefsm.Finalise: {
		plain{"Make the decision final", "No appeal or representation is open any more: the decision is final and is to be carried out."},
		plain{"فیصلہ حتمی کریں", "اب کوئی اپیل یا نمائندگی باقی نہیں: فیصلہ حتمی ہے اور اس پر عمل ہونا ہے۔"}},
	casefsm.RecordImplementation: {
		plain{"Record that it was carried out", "The decision was carried out; the case closes."},
		plain{"عمل درآمد درج کریں", "فیصلے پر عمل ہو گیا؛ مقدمہ بند ہوتا ہے۔"}},
	casefsm.RequestWithdrawal: {
		plain{"Ask to withdraw", "The complainant asks to withdraw the complaint; the forum decides whether to permit it."},
		plain{"واپسی کی درخواست", "شکایت کنندہ شکایت واپس لینے کی درخواست کرتی ہے؛ فورم فیصلہ کرتا ہے کہ اجازت دے یا نہیں۔"}},
	casefsm.AcceptWithdrawal: {
		plain{"Permit the withdrawal", "The forum permits the withdrawal, once satisfied that it is voluntary."},
		plain{"واپسی کی اجازت دیں", "فورم اطمینان کے بعد کہ یہ رضاکارانہ ہے، واپسی کی اجازت دیتا ہے۔"}},
	casefsm.ReplaceMember: {
		plain{"Replace a committee member", "A committee member is replaced for this case only."},
		plain{"کمیٹی کا رکن تبدیل کریں", "صرف اس مقدمے کے لیے کمیٹی کا ایک رکن تبدیل کیا جاتا ہے۔"}},
	casefsm.RecordStay: {
		plain{"Record a stay order", "A stay order pauses every running period."},
		plain{"حکمِ امتناعی درج کریں", "حکمِ امتناعی سے تمام جاری مدتیں رک جاتی ہیں۔"}},
	casefsm.LiftStay: {
		plain{"Record that the stay ended", "The stay ended; its days are added back to the periods."},
		plain{"حکمِ امتناعی کا خاتمہ درج کریں", "حکمِ امتناعی ختم ہو گیا؛ اس کے دن مدتوں میں واپس جمع ہو جاتے ہیں۔"}},
	casefsm.SetAsideExParte: {
		plain{"Set aside the ex parte order", "The forum lets the accused's late defence in after all."},
		plain{"یکطرفہ کارروائی کا حکم منسوخ کریں", "فورم ملزم کا تاخیر سے آیا جواب بھی قبول کر لیتا ہے۔"}},
	casefsm.HoldHearing: {
		plain{"Record a hearing", "The forum held a hearing."},
		plain{"سماعت درج کریں", "فورم نے سماعت کی۔"}},
	casefsm.Adjourn: {
		plain{"Record an adjournment", "A hearing was put off to another day."},
		plain{"التوا درج کریں", "سماعت کسی اور دن کے لیے ملتوی ہوئی۔"}},
	casefsm.RecordStatement: {
		plain{"Record a statement", "The forum records a statement; it stays confidential."},
		plain{"بیان درج کریں", "فورم ایک بیان درج کرتا ہے؛ یہ خفیہ رہتا ہے۔"}},
	casefsm.OrderMedicalExamination: {
		plain{"Order a medical examination", "The forum orders a medical examination."},
		plain{"طبی معائنے کا حکم دیں", "فورم طبی معائنے کا حکم دیتا ہے۔"}},
	casefsm.OrderConfidentiality: {
		plain{"Order confidentiality", "The forum orders that the proceedings be kept confidential."},
		plain{"رازداری کا حکم دیں", "فورم حکم دیتا ہے کہ کارروائی خفیہ رکھی جائے۔"}},
	casefsm.RecordInterimMeasure: {
		plain{"Record a temporary measure", "A temporary step to protect the complainant while the case goes on: an adjustment, leave, or suspension of the accused."},
		plain{"عارضی اقدام درج کریں", "مقدمے کے دوران شکایت کنندہ کے تحفظ کے لیے عارضی قدم: انتظام میں تبدیلی، رخصت، یا ملزم کی معطلی۔"}},
	casefsm.RecordSupport: {
		plain{"Record support given", "Support given to the complainant, such as counselling, medical treatment or additional leave."},
		plain{"دی گئی مدد درج کریں", "شکایت کنندہ کو دی گئی مدد، جیسے مشاورت، طبی علاج یا اضافی رخصت۔"}},
	casefsm.AwardCompensation: {
		plain{"Record compensation", "Compensation awarded to the complainant."},
		plain{"معاوضہ درج کریں", "شکایت کنندہ کو دیا گیا معاوضہ۔"}},
	casefsm.ReportRetaliation: {
		plain{"Report retaliation", "Someone reports being punished or threatened for the complaint or for giving evidence; retaliation is itself harassment."},
		plain{"انتقامی کارروائی کی اطلاع", "کوئی اطلاع دیتا ہے کہ شکایت یا گواہی کی وجہ سے اسے سزا یا دھمکی دی گئی؛ انتقامی کارروائی خود ہراسانی ہے۔"}},
	casefsm.ReferFalseComplaint: {
		plain{"Refer a false complaint", "After finding the complaint false and made in bad faith, the committee refers it on."},
		plain{"جھوٹی شکایت آگے بھیجیں", "شکایت کو جھوٹی اور بدنیتی پر مبنی پانے کے بعد کمیٹی اسے آگے بھیجتی ہے۔"}},
	casefsm.NotifyEmployer: {
		plain{"Inform the employer confidentially", "The forum informs the employer of the complaint under confidential cover."},
		plain{"آجر کو خفیہ اطلاع دیں", "فورم آجر کو خفیہ طور پر شکایت کی اطلاع دیتا ہے۔"}},
	casefsm.AddNote: {
		plain{"Add a note", "A note on the file; it changes nothing in the case."},
		plain{"نوٹ شامل کریں", "فائل پر ایک نوٹ؛ اس سے مقدمے میں کچھ نہیں بدلتا۔"}},
	casefsm.RefuseWithdrawal: {
		plain{"Refuse the withdrawal", "The forum refuses to permit the withdrawal; the complainant may ask again."},
		plain{"واپسی سے انکار کریں", "فورم واپسی کی اجازت نہیں دیتا؛ شکایت کنندہ دوبارہ درخواست کر سکتی ہے۔"}},
	casefsm.VoidEvent: {
		plain{"Void an earlier entry", "The forum that recorded an entry voids it, with a reason; both stay in the record."},
		plain{"پچھلا اندراج کالعدم کریں", "جس فورم نے اندراج کیا تھا وہ وجہ کے ساتھ اسے کالعدم کرتا ہے؛ دونوں ریکارڈ میں رہتے ہیں۔"}},
	casefsm.DesignateChair: {
		plain{"Designate the chair for this case", "A member of the committee for this case, already on it or brought in, chairs it for this case."},
		plain{"اس مقدمے کے لیے چیئرپرسن مقرر کریں", "اس مقدمے کی کمیٹی کا کوئی رکن، پہلے سے موجود یا شامل کیا گیا، اس مقدمے کے لیے اس کی صدارت کرتا ہے۔"}},
}

// ruleWords says what each deadline rule requires: the page shows its due
// date, its period and its section from the API beside these words.
var ruleWords = map[policy.RuleID]both{
	policy.RuleCharges: {
		plain{"Charges to the accused", "The committee must tell the accused the charges and the statement of allegations in writing."},
		plain{"ملزم کو الزامات", "کمیٹی کو ملزم کو تحریری طور پر الزامات اور الزامات کی تفصیل بتانی ہے۔"}},
	policy.RuleDefence: {
		plain{"The accused's defence", "The accused may send a written defence to the committee."},
		plain{"ملزم کا جواب", "ملزم کمیٹی کو تحریری جواب بھیج سکتا ہے۔"}},
	policy.RuleFindings: {
		plain{"The committee's findings", "The committee must send its findings and recommendations to the Competent Authority."},
		plain{"کمیٹی کے نتائج", "کمیٹی کو اپنے نتائج اور سفارشات مجاز اتھارٹی کو بھیجنی ہیں۔"}},
	policy.RulePenalty: {
		plain{"The Competent Authority's decision", "The Competent Authority must decide on the committee's recommendations."},
		plain{"مجاز اتھارٹی کا فیصلہ", "مجاز اتھارٹی کو کمیٹی کی سفارشات پر فیصلہ کرنا ہے۔"}},
	policy.RuleAppealPenalised: {
		plain{"Appeal by the person penalised", "The person penalised may appeal against the decision."},
		plain{"سزا پانے والے کی اپیل", "جسے سزا ملی وہ فیصلے کے خلاف اپیل کر سکتا ہے۔"}},
	policy.RuleAppealComplainant: {
		plain{"Appeal by the complainant", "The complainant may appeal against the decision."},
		plain{"شکایت کنندہ کی اپیل", "شکایت کنندہ فیصلے کے خلاف اپیل کر سکتی ہے۔"}},
	policy.RuleAppealDecision: {
		plain{"Decision on the appeal", "The appeal must be decided."},
		plain{"اپیل کا فیصلہ", "اپیل کا فیصلہ ہونا ہے۔"}},
	policy.RuleShowCause: {
		plain{"Show-cause notice", "The Ombudsperson must ask the accused to explain in writing."},
		plain{"اظہارِ وجوہ کا نوٹس", "محتسب کو ملزم سے تحریری وضاحت مانگنی ہے۔"}},
	policy.RuleOmbudspersonDefence: {
		plain{"Defence to the Ombudsperson", "The accused may send a written defence to the Ombudsperson."},
		plain{"محتسب کو جواب", "ملزم محتسب کو تحریری جواب بھیج سکتا ہے۔"}},
	policy.RuleOmbudspersonDecision: {
		plain{"The Ombudsperson's decision (a target)", "The Ombudsperson is to decide within this period; it is tracked, and missing it bars nothing."},
		plain{"محتسب کا فیصلہ (ہدف)", "محتسب کو اس مدت میں فیصلہ کرنا ہے؛ اس پر نظر رکھی جاتی ہے، اور اس سے تجاوز کسی کارروائی میں رکاوٹ نہیں۔"}},
	policy.RuleFOIRADisposal: {
		plain{"Disposal by the Ombudsperson (a target)", "The ombudsman law sets this period for disposing of the complaint; it is tracked, and missing it bars nothing."},
		plain{"محتسب کی طرف سے نمٹانا (ہدف)", "محتسب کے قانون میں شکایت نمٹانے کی یہ مدت ہے؛ اس پر نظر رکھی جاتی ہے، اور اس سے تجاوز کسی کارروائی میں رکاوٹ نہیں۔"}},
	policy.RuleRepresentation: {
		plain{"Representation", "A party may make a representation against the Ombudsperson's decision to the President or the Governor."},
		plain{"نمائندگی", "فریق محتسب کے فیصلے کے خلاف صدر یا گورنر کو نمائندگی کر سکتا ہے۔"}},
	policy.RuleRepresentationDecision: {
		plain{"Decision on the representation (a target)", "The President or the Governor is to decide within this period; it is tracked, and missing it bars nothing."},
		plain{"نمائندگی کا فیصلہ (ہدف)", "صدر یا گورنر کو اس مدت میں فیصلہ کرنا ہے؛ اس پر نظر رکھی جاتی ہے، اور اس سے تجاوز کسی کارروائی میں رکاوٹ نہیں۔"}},
	policy.RuleCompetentAuthorityNotice: {
		plain{"Notice of the Competent Authority", "The organisation must send the order naming its Competent Authority to the Ombudsperson and circulate it to employees."},
		plain{"مجاز اتھارٹی کی اطلاع", "ادارے کو مجاز اتھارٹی مقرر کرنے کا حکم محتسب کو بھیجنا اور ملازمین میں تقسیم کرنا ہے۔"}},
	policy.RuleCommitteeConstitution: {
		plain{"Setting up the Inquiry Committee", "The organisation must set up its Inquiry Committee."},
		plain{"انکوائری کمیٹی کی تشکیل", "ادارے کو اپنی انکوائری کمیٹی بنانی ہے۔"}},
	policy.RuleCompetentAuthorityDesignation: {
		plain{"Naming a Competent Authority", "The organisation must name its Competent Authority."},
		plain{"مجاز اتھارٹی کا تقرر", "ادارے کو اپنی مجاز اتھارٹی مقرر کرنی ہے۔"}},
	policy.RuleCodeDisplay: {
		plain{"Displaying the Code of Conduct", "The organisation must display the Code of Conduct at the workplace."},
		plain{"ضابطۂ اخلاق آویزاں کرنا", "ادارے کو کام کی جگہ پر ضابطۂ اخلاق آویزاں کرنا ہے۔"}},
}

// roleWords names who acts, for each casefsm.Role.
var roleWords = map[casefsm.Role][2]string{
	casefsm.Complainant:         {"the complainant", "شکایت کنندہ"},
	casefsm.Accused:             {"the accused", "ملزم"},
	casefsm.Supervisor:          {"a supervisor", "نگران"},
	casefsm.InquiryCommittee:    {"the Inquiry Committee", "انکوائری کمیٹی"},
	casefsm.CompetentAuthority:  {"the Competent Authority", "مجاز اتھارٹی"},
	casefsm.Ombudsperson:        {"the Ombudsperson", "محتسب"},
	casefsm.PresidentOrGovernor: {"the President or the Governor", "صدر یا گورنر"},
	casefsm.Employer:            {"the employer", "آجر"},
	casefsm.Witness:             {"a witness", "گواہ"},
	casefsm.DistrictCourt:       {"the District Court", "ڈسٹرکٹ کورٹ"},
}

// findingWords names each casefsm.Finding.
var findingWords = map[casefsm.Finding][2]string{
	casefsm.Guilty:           {"guilty: the allegations are proved", "قصوروار: الزامات ثابت ہیں"},
	casefsm.NotGuilty:        {"not guilty: the allegations are not proved", "بے قصور: الزامات ثابت نہیں"},
	casefsm.FalseAndMalaFide: {"false and made in bad faith", "جھوٹی اور بدنیتی پر مبنی"},
}

// penaltyWords names each penalty of s.4(4) a policy may list.
var penaltyWords = map[policy.PenaltyCode][2]string{
	policy.Censure:                      {"censure", "سرزنش"},
	policy.WithholdPromotionOrIncrement: {"withholding promotion or increment for a period", "مقررہ مدت کے لیے ترقی یا سالانہ اضافہ روکنا"},
	policy.StopAtEfficiencyBar:          {"stoppage at an efficiency bar for a period", "مقررہ مدت کے لیے استعدادی حد پر روک"},
	policy.RecoverCompensation:          {"recovering the complainant's compensation from the accused", "شکایت کنندہ کا معاوضہ ملزم سے وصول کرنا"},
	policy.ReduceRank:                   {"reduction to a lower post or scale", "نچلے عہدے یا اسکیل پر تنزلی"},
	policy.CompulsoryRetirement:         {"compulsory retirement", "جبری ریٹائرمنٹ"},
	policy.Removal:                      {"removal from service", "ملازمت سے ہٹانا"},
	policy.Dismissal:                    {"dismissal from service", "ملازمت سے برخاستگی"},
	policy.SuspendOrCancelLicense:       {"suspending or cancelling a professional licence", "پیشہ ورانہ لائسنس کی معطلی یا منسوخی"},
	policy.Fine:                         {"fine", "جرمانہ"},
}

// statusWords says where an act stands against its deadline.
var statusWords = map[deadlines.Status][2]string{
	deadlines.Pending: {"not yet due", "ابھی مدت باقی ہے"},
	deadlines.Overdue: {"overdue: not done and the date has passed", "تاخیر: کام نہیں ہوا اور تاریخ گزر گئی"},
	deadlines.Met:     {"done in time", "وقت پر ہو گیا"},
	deadlines.Late:    {"done late", "تاخیر سے ہوا"},
	deadlines.Paused:  {"paused by a stay order", "حکمِ امتناعی کی وجہ سے رکی ہوئی"},
	deadlines.Lapsed:  {"the time ran out unused", "مدت استعمال کے بغیر ختم ہو گئی"},
}

// refusalWords says in plain words why the API refused a step.
var refusalWords = map[casefsm.Code][2]string{
	casefsm.NotAllowed:            {"This step is not possible at this stage of the case.", "مقدمے کے اس مرحلے پر یہ قدم ممکن نہیں۔"},
	casefsm.ForbiddenActor:        {"You may not record this step.", "آپ یہ قدم درج نہیں کر سکتے۔"},
	casefsm.IneligibleComplainant: {"The complainant is not someone the law lets complain here.", "قانون کے مطابق شکایت کنندہ یہاں شکایت کی اہل نہیں۔"},
	casefsm.TooEarly:              {"It is too early for this step.", "اس قدم کے لیے ابھی وقت نہیں آیا۔"},
	casefsm.TimeBarred:            {"The time for this step has run out.", "اس قدم کی مدت ختم ہو چکی ہے۔"},
	casefsm.InvalidEvent:          {"Something in the form is missing or wrong.", "فارم میں کچھ کمی یا غلطی ہے۔"},
}

// fieldWords labels each field an event may take (casefsm.Fields), with a
// line of help; "type" and "by" are never asked, the form fills them in.
var fieldWords = map[string]both{
	"on": {
		plain{"Date it was done", "The day the step was taken."},
		plain{"کس دن ہوا", "جس دن یہ قدم اٹھایا گیا۔"}},
	"received_on": {
		plain{"Date it was received", "The day the other side received it, where the time counts from receipt; leave empty if the same day."},
		plain{"کس دن موصول ہوا", "جس دن دوسرے فریق کو یہ ملا، جہاں مدت وصولی سے گنی جاتی ہے؛ اسی دن ہو تو خالی چھوڑ دیں۔"}},
	"finding": {
		plain{"Finding", "What the inquiry found."},
		plain{"نتیجہ", "انکوائری میں کیا ثابت ہوا۔"}},
	"penalties": {
		plain{"Penalties", "With a finding of guilty, at least one penalty; with any other finding, none."},
		plain{"سزائیں", "قصوروار ہونے کی صورت میں کم از کم ایک سزا؛ کسی اور نتیجے پر کوئی نہیں۔"}},
	"reasonable_cause": {
		plain{"Reason for acting late", "If this is late, the cause for the delay."},
		plain{"تاخیر کی وجہ", "اگر یہ تاخیر سے ہے تو تاخیر کی وجہ۔"}},
	"condonation": {
		plain{"Delay excused (condonation)", "Who excused the late filing, and why; without it a late filing is refused."},
		plain{"تاخیر کی معافی", "کس نے تاخیر معاف کی اور کیوں؛ اس کے بغیر تاخیر سے آئی درخواست رد ہو جاتی ہے۔"}},
	"consent": {
		plain{"The complainant consented", "Tick when someone other than the complainant files, with her consent."},
		plain{"شکایت کنندہ کی رضامندی", "جب شکایت کنندہ کے علاوہ کوئی اس کی رضامندی سے شکایت درج کرے تو نشان لگائیں۔"}},
	"to": {
		plain{"Given to", "Who received the decision; none ticked means both parties."},
		plain{"کس کو دیا گیا", "فیصلہ کس کو ملا؛ کوئی نشان نہ ہو تو دونوں فریقوں کو۔"}},
	"member": {
		plain{"Committee member replaced", "The member who steps aside for this case, and who takes the seat."},
		plain{"تبدیل ہونے والا رکن", "جو رکن اس مقدمے سے الگ ہو رہا ہے، اور جو اس کی جگہ لے رہا ہے۔"}},
	// A designate_chair's member: one id, not a replacement.
	"member.chair": {
		plain{"Chair for this case", "Employee number of the committee member who chairs the committee for this case."},
		plain{"اس مقدمے کے لیے چیئرپرسن", "کمیٹی کے اس رکن کا ملازم نمبر جو اس مقدمے کے لیے کمیٹی کی صدارت کرے۔"}},
	"reason": {
		plain{"Reasons", "Why this was done. A dismissal or a voiding must give its reasons."},
		plain{"وجوہات", "یہ کیوں کیا گیا۔ خارج کرنے یا کالعدم کرنے کی وجوہات دینا لازم ہے۔"}},
	"note": {
		plain{"Note", "Free text for the file."},
		plain{"نوٹ", "فائل کے لیے آزاد تحریر۔"}},
	"voids": {
		plain{"Entry to void", "The number of the earlier entry in the record below."},
		plain{"کالعدم ہونے والا اندراج", "نیچے ریکارڈ میں پچھلے اندراج کا نمبر۔"}},
	"kind": {
		plain{"What is reported", "A defamation suit filed against the complainant in retaliation, or retaliation of another kind."},
		plain{"کس چیز کی اطلاع", "انتقاماً شکایت کنندہ کے خلاف ہتکِ عزت کا دعویٰ، یا کسی اور قسم کی انتقامی کارروائی۔"}},
}

// kindWords names what a report_retaliation reports ("" is retaliation in
// general).
var kindWords = map[string][2]string{
	"":                         {"retaliation of another kind", "کسی اور قسم کی انتقامی کارروائی"},
	casefsm.KindDefamationSuit: {"a defamation suit against the complainant", "شکایت کنندہ کے خلاف ہتکِ عزت کا دعویٰ"},
}

// genderWords and seatWords name a replacement member's gender and seat
// (s.3(2)).
var (
	genderWords = map[committee.Gender][2]string{
		committee.Female:      {"woman", "خاتون"},
		committee.Male:        {"man", "مرد"},
		committee.GenderOther: {"other", "دیگر"},
	}
	seatWords = map[committee.Seat][2]string{
		committee.SeniorManagement:       {"senior management", "سینئر انتظامیہ"},
		committee.EmployeeRepresentative: {"employees' representative", "ملازمین کا نمائندہ"},
		committee.SeniorEmployee:         {"senior employee", "سینئر ملازم"},
		committee.SeatOther:              {"other member", "دیگر رکن"},
	}
)
