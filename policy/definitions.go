package policy

// Harassment is what a policy's definition of harassment reaches
// (interpretation 24): conduct of a sexual nature, gender discrimination,
// and a single incident. A complaint alleging what the definition in force
// on the incident date does not reach is warned (outside_definition),
// never refused: the forum decides at admission.
type Harassment struct {
	// SexualConduct: unwelcome sexual advances, requests for sexual favours
	// and other conduct of a sexual nature (s.2(h); s.2(h)(i) since 2022).
	SexualConduct Param[bool] `json:"sexual_conduct"`
	// GenderDiscrimination: discrimination on the basis of gender, sexual
	// or not (s.2(h)(ii), added by Act V of 2022).
	GenderDiscrimination Param[bool] `json:"gender_discrimination"`
	// SingleIncident: one incident that makes a person uncomfortable or
	// creates fear or panic at the workplace is harassment (Code (ii)
	// proviso, 2022). Where false, a single incident counts only when it
	// is particularly severe.
	SingleIncident Param[bool] `json:"single_incident"`
	// CounterBlastSuits: a defamation suit filed against the complainant
	// in answer to her complaint is retaliation (Code (xi) as amended in
	// 2022).
	CounterBlastSuits Param[bool] `json:"counter_blast_suits"`
}

// Term is a statutory definition a policy encodes, summarised in the
// project's words, with its citation.
type Term struct {
	// Name is the defined word, such as "employer".
	Name     string   `json:"name"`
	Meaning  string   `json:"meaning"`
	Citation Citation `json:"citation"`
}

// harassment returns what v's definition reaches.
func (v variant) harassment() Harassment {
	if v.amended2022 {
		hi := func(section, note string) Param[bool] {
			return Param[bool]{true, Citation{Section: section + " as substituted by Act V of 2022", Confidence: High, Note: note}}
		}
		return Harassment{
			SexualConduct:        hi("s.2(h)(i)", "includes stalking, cyber stalking, gestures and sexually demeaning attitudes"),
			GenderDiscrimination: hi("s.2(h)(ii)", "'which may or may not be sexual in nature'"),
			SingleIncident:       hi("Code (ii) proviso", "a single incident making a person uncomfortable or creating fear or panic is harassment"),
			CounterBlastSuits: Param[bool]{true, Citation{Section: "Code (xi) as amended by Act V of 2022", Confidence: High,
				Note: "counter-blast defamation suits are retaliation; the forum should take notice of them"}},
		}
	}
	c := func(section, note string) Citation {
		return Citation{Section: section, Confidence: v.eligibility, Note: joinNotes(note, v.eligNote)}
	}
	return Harassment{
		SexualConduct:        Param[bool]{true, c("s.2(h)", "the 2010 definition: conduct of a sexual nature")},
		GenderDiscrimination: Param[bool]{false, c("s.2(h)", "the 2010 definition has no gender-discrimination limb; it was added federally by Act V of 2022")},
		SingleIncident:       Param[bool]{false, c("Code (ii), explanation", "before 2022 a single incident counts only where the harassment is particularly severe")},
		CounterBlastSuits:    Param[bool]{false, c("Code (xi)", "the 2010 Code forbids retaliation but does not name defamation suits")},
	}
}

// terms returns the definitions v encodes beyond eligibility.
func (v variant) terms() []Term {
	if !v.amended2022 {
		return []Term{
			{"harassment", "unwelcome sexual advances, requests for sexual favours and other verbal or written communication or physical conduct of a sexual nature, or sexually demeaning attitudes, causing interference with work performance or an intimidating, hostile or offensive work environment", Citation{Section: "s.2(h)", Confidence: v.eligibility, Note: v.eligNote}},
			{"workplace", "the place of work or where the organisation's or employer's activities are carried out, including any situation linked to official work or official activity outside the office", Citation{Section: "s.2(n)", Confidence: Medium, Note: v.eligNote}},
		}
	}
	hi := func(section string) Citation {
		return Citation{Section: section + " as amended by Act V of 2022", Confidence: High}
	}
	return []Term{
		{"employer", "adds (viii) whoever procures the services of freelancers or part-time workers under a contractual obligation, (ix) whoever owns or manages an online, customer-to-customer, business-to-customer or other virtual or remote business, and (x) a person or household that employs or benefits from home-based workers, whatever their number or terms; the enacted text has no 'co-worker' or 'agent' limb", hi("s.2(g)(viii)-(x)")},
		{"harassment", "(i) unwelcome sexual advances, requests for sexual favours, stalking or cyber stalking, or other verbal, visual, written or physical conduct of a sexual nature or sexually demeaning attitudes, including gestures, that interfere with work or create an intimidating, hostile or offensive environment, or punish a refusal, or are made a condition of employment; or (ii) discrimination on the basis of gender, sexual in nature or not", hi("s.2(h)")},
		{"organisation", "includes companies under the Companies Act, 2017, any other registered private organisation or institution, and online businesses", hi("s.2(l)")},
		{"workplace", "any place where work is done or services rendered by professionals, including educational institutions, gigs, concerts, studios, performance facilities, courts, highways, sporting facilities and gymnasiums, and any situation linked to work or activity outside the office", hi("s.2(n)")},
		{"single incident", "a single incident that makes a person uncomfortable or creates a sense of fear or panic at the workplace is also harassment", hi("Code (ii) proviso")},
		{"counter-blast suit", "a suit for defamation filed against the complainant in answer to her complaint is retaliation, which the forum should take notice of", hi("Code (xi)")},
	}
}
