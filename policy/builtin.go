package policy

import (
	"strings"

	"github.com/hifazat/hifazat/civil"
)

// The ids of the built-in policies.
const (
	FederalAct2010     ID = "pk-federal-2010"
	FederalAct2022     ID = "pk-federal-2022"
	PunjabAct2013      ID = "pk-punjab-2013"
	SindhAct2010       ID = "pk-sindh-2010"
	KPAct2018          ID = "pk-kp-2018"
	BalochistanAct2016 ID = "pk-balochistan-2016"
	HEC2020            ID = "hec-2020"

	// Act IV of 2010 as it applied in a province before the province's own
	// Act (interpretation 1): s.1(2) extends it to the whole of Pakistan.
	PunjabAct2010      ID = "pk-punjab-2010"
	KPAct2010          ID = "pk-kp-2010"
	BalochistanAct2010 ID = "pk-balochistan-2010"
)

// Builtin returns the policies this package ships, built afresh on each
// call (there is no package-level cache): the federal Act as enacted in 2010
// and as amended in 2022, the provincial versions (the 2010 Act in each
// province until its own Act), and the HEC university policy as an
// institutional overlay on the federal Act in force on the filing date.
//
// Where a provincial or institutional text was not read, its rules are
// taken from the federal text and marked Citation.Inherited with the
// confidence of the project's reading; nothing unverified is presented as read.
func Builtin() *Set {
	statutes := []variant{federal2010(), federal2022(), punjab2013(), sindh2010(), kp2018(), balochistan2016(),
		untilOwnAct(punjab2013()), untilOwnAct(kp2018()), untilOwnAct(balochistan2016())}
	ps := make([]*Policy, 0, len(statutes)+1)
	for _, v := range statutes {
		ps = append(ps, v.build())
	}
	ps = append(ps, hec2020(ps[0], ps[1]))
	s, err := NewSet(ps...)
	if err != nil {
		// The built-in data is a literal checked by the tests; an error here
		// is a bug in this file, not caller input.
		panic(err)
	}
	return s
}

// variant is how one statute differs from the federal Act: its identity,
// how sure the project is that the federal procedure is its procedure, and
// the few points where provinces and versions differ.
type variant struct {
	id           ID
	title        string
	jurisdiction Jurisdiction
	validity     Interval
	instrument   Citation

	// procedure is the confidence that ss.3-11 of the federal text are this
	// text's; inherited marks them as taken from the federal text, with
	// procNote saying why.
	procedure Confidence
	inherited bool
	procNote  string

	amended2022 bool // Act V of 2022: wider s.2(e), (f); 90-day decision target
	foira       bool // the FOIRA 2013 targets of the federal ombudsman framework
	eligibility Confidence
	eligNote    string
	authority   Authority
	// authorityCite, where set, cites the text that names who hears
	// representations in place of the federal s.9.
	authorityCite Citation
	gazette       Param[Interval]
	reachFrom     Param[civil.Date]
	// amendedFrom: the amended federal text claims the province from then
	// (Routes.AmendedFederalTextFrom).
	amendedFrom Param[civil.Date]
}

func d(s string) civil.Date { return civil.MustParse(s) }

func federal2010() variant {
	return variant{
		id:           FederalAct2010,
		title:        "Protection against Harassment of Women at the Workplace Act, 2010 (as enacted)",
		jurisdiction: Federal,
		validity:     Interval{From: d("2010-03-09"), Until: d("2022-01-21")},
		instrument: Citation{Section: "Act IV of 2010", Confidence: High,
			Note: "assent 2010-03-09, gazetted 2010-03-11, in force at once; in force from assent (interpretation 1)"},
		procedure:   High,
		foira:       true,
		eligibility: High,
		authority:   AuthorityPresidentOrGovernor,
		gazette: Param[Interval]{Value: Interval{From: d("2010-03-09"), Until: d("2010-03-12")},
			Citation: Citation{Section: "interpretation 1; General Clauses Act s.5", Confidence: High, Note: "assent 2010-03-09, gazette 2010-03-11"}},
	}
}

func federal2022() variant {
	v := federal2010()
	v.id = FederalAct2022
	v.title = "Protection against Harassment of Women at the Workplace Act, 2010, as amended by Act V of 2022"
	v.validity = Interval{From: d("2022-01-21")}
	v.instrument = Citation{Section: "Act IV of 2010 as amended by Act V of 2022", Confidence: High,
		Note: "assent 2022-01-21, Gazette 2022-01-25, in force at once; the consolidated text of the amended Act (the Pakistan Code's, with its amendment notes) was read in full; the Gazette text of Act V itself was not"}
	v.procedure = High
	v.procNote = ""
	v.amended2022 = true
	v.gazette = Param[Interval]{Value: Interval{From: d("2022-01-21"), Until: d("2022-01-26")},
		Citation: Citation{Section: "interpretation 1; General Clauses Act s.5", Confidence: High, Note: "assent 2022-01-21, Gazette 2022-01-25"}}
	return v
}

// provincial returns the common shape of a provincial statute: Governor
// hears representations, no FOIRA, 2010 definitions.
func provincial(id ID, j Jurisdiction, title string, from civil.Date, instrument Citation) variant {
	return variant{
		id: id, title: title, jurisdiction: j,
		validity:   Interval{From: from},
		instrument: instrument,
		authority:  AuthorityGovernor,
	}
}

func punjab2013() variant {
	v := provincial(PunjabAct2013, Punjab,
		"Protection against Harassment of Women at the Workplace Act, 2010, as adapted by the Punjab (Amendment) Act, 2012 (Act III of 2013)",
		d("2013-01-03"),
		Citation{Section: "Punjab Act III of 2013", Confidence: High,
			Note: "passed 2012-12-27, assent 2013-01-03, Gazette 2013-01-05, in force at once; only the start of the amending Act was read"})
	v.procedure, v.inherited = Medium, true
	v.procNote = "Punjab's procedural sections were not read; taken from the federal text, whose section list Punjab shares"
	v.authorityCite = Citation{Section: "s.9", Confidence: High, Note: "the Punjab Code heads s.9 'Representation to Governor'"}
	v.eligibility = Medium
	v.eligNote = "Punjab keeps the 2010 definitions; no Punjab equivalent of the 2022 expansion found"
	v.gazette = Param[Interval]{Value: Interval{From: d("2013-01-03"), Until: d("2013-01-06")},
		Citation: Citation{Section: "interpretation 1", Confidence: High, Note: "assent 2013-01-03, Gazette 2013-01-05"}}
	v.reachFrom = Param[civil.Date]{Value: d("2013-04-01"), Citation: Citation{Section: "Ombudsperson Punjab practice", Confidence: Medium,
		Note: "takes up harassment that 'may have occurred after April, 2013', read inclusively as from 2013-04-01; it may mean from 2013-05-01"}}
	return v
}

func sindh2010() variant {
	v := provincial(SindhAct2010, Sindh,
		"Protection against Harassment of Women at the Workplace Act, 2010, as applied in Sindh",
		d("2010-03-09"),
		Citation{Section: "Act IV of 2010", Confidence: Medium,
			Note: "Sindh applies Act IV of 2010 unamended; a 2018 Sindh bill was approved by cabinet but no enactment was found"})
	v.procedure = Medium
	v.procNote = "Sindh applies the federal text itself; that it still does is reported, not read"
	v.eligibility = Medium
	v.eligNote = "Sindh keeps the 2010 definitions"
	v.gazette = federal2010().gazette
	v.amendedFrom = Param[civil.Date]{Value: d("2022-01-21"), Citation: Citation{Section: "s.1(2); Act V of 2022", Confidence: Low,
		Note: "Act V of 2022 left s.1(2) \"It extends to the whole of Pakistan\" untouched (read); whether the amended text, " +
			"not the 2010 text Sindh applies, governs in Sindh is not settled: the 2010 text is kept, with a warning"}}
	return v
}

// untilOwnAct returns Act IV of 2010 as it applied in own's province from
// 2010-03-09 until own took effect, as pk-sindh-2010 applies it still
// (interpretation 1): the 2010 text, heard by the province's Ombudsperson
// (or the District Court before one was appointed) and its Governor.
func untilOwnAct(own variant) variant {
	v := sindh2010()
	v.id = ID(strings.TrimSuffix(string(own.id), own.validity.From.String()[:4]) + "2010")
	v.jurisdiction = own.jurisdiction
	v.validity.Until = own.validity.From
	v.amendedFrom = Param[civil.Date]{} // every own Act came before 2022
	v.title = "Protection against Harassment of Women at the Workplace Act, 2010, as it applied in " + own.jurisdiction.Name() +
		" before the province's own Act"
	v.instrument = Citation{Section: "Act IV of 2010, s.1(2)", Confidence: Medium,
		Note: "the text extends the Act to the whole of Pakistan (read); that it stayed in force in the province until the province altered it (Constitution Art. 270AA(6)); " +
			"until " + own.validity.From.String() + ", when " + own.instrument.Section + " took effect, is the project's reading (interpretation 1)"}
	v.procNote = "the federal text itself, read in full, applied in the province before its own Act"
	v.procedure = High
	v.eligNote = "the 2010 definitions"
	v.eligibility = High
	return v
}

func kp2018() variant {
	v := provincial(KPAct2018, KP,
		"Protection against Harassment of Women at the Workplace Act, 2010, as adapted by KP Act V of 2018 (and KP Act VII of 2020)",
		d("2018-02-20"),
		Citation{Section: "KP Act V of 2018", Confidence: Low,
			Note: "assent and gazette dates were not found; 2018-02-20 is the date of the news report that the Assembly passed the bill, so the true start is on or after it"})
	v.procedure = High // the KP consolidated text was read
	v.eligibility = High
	v.eligNote = "the KP text read keeps the 2010 definitions"
	v.gazette = Param[Interval]{Citation: Citation{Section: "interpretation 1", Confidence: Low, Note: "assent and gazette dates were not found: no window is known"}}
	return v
}

func balochistan2016() variant {
	v := provincial(BalochistanAct2016, Balochistan,
		"Balochistan Protection Against Harassment of Women at the Workplace Act, 2016 (Act No. 01 of 2016)",
		d("2016-01-21"),
		Citation{Section: "Balochistan Act No. 01 of 2016", Confidence: High,
			Note: "passed 2016-01-16, assent 2016-01-21; extends to all Balochistan except PATA; only the opening text was read"})
	v.procedure, v.inherited = Low, true
	v.procNote = "Balochistan's procedural sections were not read; presumed identical to the federal text"
	v.eligibility = High
	v.eligNote = "the definitions mirror the 2010 federal text"
	v.gazette = Param[Interval]{Citation: Citation{Section: "interpretation 1", Confidence: Low, Note: "gazette date not found: no window is known"}}
	return v
}

// weaker returns the lower of two confidences (High > Medium > Low).
func weaker(a, b Confidence) Confidence { return max(a, b) }

// cite returns the citation of a procedural provision of v: the project's
// confidence in the provision (conf), lowered to v's confidence that the
// federal procedure is its own, and marked inherited where it is.
func (v variant) cite(section string, conf Confidence, note string) Citation {
	return Citation{
		Section:    section,
		Confidence: weaker(conf, v.procedure),
		Inherited:  v.inherited,
		Note:       joinNotes(note, v.procNote),
	}
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

func (v variant) build() *Policy {
	accused, notAccused := v.accused()
	complainants, notCovered := v.complainants()
	return &Policy{
		id: v.id, title: v.title, jurisdiction: v.jurisdiction,
		validity: v.validity, instrument: v.instrument,
		rules:        v.rules(),
		penalties:    v.penalties(),
		committee:    v.committee(),
		complainants: complainants, notCovered: notCovered,
		accused: accused, notAccused: notAccused,
		routes:     v.routes(),
		interp:     v.interpretations(),
		harassment: v.harassment(),
		terms:      v.terms(),
	}
}
