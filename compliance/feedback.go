package compliance

import (
	"fmt"
	"slices"

	"github.com/hifazat/hifazat/internal/strictyaml"
	"github.com/hifazat/hifazat/internal/validation"
)

// Feedback is what one person said about a closed case's process: the
// complainant, the accused or a witness. It is kept apart from the case and
// carries nothing that leads back to it: the organisation and the year the
// case closed, the person's part, four answers and an optional comment. No
// case id, no date, no name; a feedback file with any other field is
// refused. Giving feedback is not an event of the case (casefsm knows
// nothing of it).
type Feedback struct {
	Organisation string `json:"organisation" yaml:"organisation" validate:"required,max=64,orgid"`
	Year         int    `json:"year" yaml:"year" validate:"gte=2010,lte=2100"`
	Role         Part   `json:"role" yaml:"role" validate:"required"`
	// Explained: was the process explained? Confidential: was
	// confidentiality kept? Prompt: was it prompt? Retaliation: did
	// retaliation follow?
	Explained    Answer `json:"explained" yaml:"explained"`
	Confidential Answer `json:"confidential" yaml:"confidential"`
	Prompt       Answer `json:"prompt" yaml:"prompt"`
	Retaliation  Answer `json:"retaliation" yaml:"retaliation"`
	// Comment is free text. Summaries count comments and never print
	// them: free text identifies its writer.
	Comment string `json:"comment,omitempty" yaml:"comment,omitempty" validate:"max=2000"`
}

// feedbackFile is the file form: {"feedback": [...]}.
type feedbackFile struct {
	Feedback []Feedback `yaml:"feedback" validate:"max=100000,dive"`
}

// ParseFeedback reads a feedback file, YAML or JSON, strictly: a mapping
// with one key, "feedback", listing entries with the fields of [Feedback].
// Errors are [*MalformedError]s naming the field and, in YAML, its line.
func ParseFeedback(data []byte) ([]Feedback, error) {
	root, err := strictyaml.Parse(data)
	if err != nil {
		return nil, malformed(err)
	}
	var f feedbackFile
	if err := strictyaml.DecodeNode(root, "", &f, nil); err != nil {
		return nil, malformed(err)
	}
	if err := newRecordValidator().Struct(&f); err != nil {
		field, why, ok := validation.FirstField(err, reason)
		if !ok {
			return nil, &MalformedError{Reason: err.Error()}
		}
		return nil, &MalformedError{Field: field, Line: lineOf(root, field), Reason: why}
	}
	return f.Feedback, nil
}

// Part is the part a person giving feedback played in the case. The zero
// Part is not stated, which validation refuses.
type Part uint8

const (
	PartUnset Part = iota
	PartComplainant
	PartAccused
	PartWitness
)

var partNames = []string{"", "complainant", "accused", "witness"}

func (p Part) String() string { return name(partNames, int(p), "Part") }

// MarshalText implements encoding.TextMarshaler.
func (p Part) MarshalText() ([]byte, error) { return marshalName(partNames, int(p), "part") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Part) UnmarshalText(b []byte) error {
	i, err := parseName(partNames, b, "part")
	*p = Part(i)
	return err
}

// Answer is an answer to a yes-or-no question. The zero Answer is no
// answer.
type Answer uint8

const (
	Unanswered Answer = iota
	Yes
	No
	NotSure
)

var answerNames = []string{"unanswered", "yes", "no", "not_sure"}

func (a Answer) String() string { return name(answerNames, int(a), "Answer") }

// MarshalText implements encoding.TextMarshaler.
func (a Answer) MarshalText() ([]byte, error) { return marshalName(answerNames, int(a), "answer") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Answer) UnmarshalText(b []byte) error {
	i, err := parseName(answerNames, b, "answer")
	*a = Answer(i)
	return err
}

func name(names []string, i int, typ string) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("%s(%d)", typ, i)
}

func marshalName(names []string, i int, what string) ([]byte, error) {
	if i < 0 || i >= len(names) || names[i] == "" {
		return nil, fmt.Errorf("compliance: %d is not a %s", i, what)
	}
	return []byte(names[i]), nil
}

func parseName(names []string, b []byte, what string) (int, error) {
	i := slices.Index(names, string(b))
	if i < 0 || names[i] == "" {
		var want []string
		for _, n := range names {
			if n != "" {
				want = append(want, n)
			}
		}
		return 0, fmt.Errorf("unknown %s %q (want one of: %v)", what, truncate(string(b)), want)
	}
	return i, nil
}

// FeedbackTables summarises the feedback of the organisations orgs (all,
// when orgs is empty) about cases closed in year yr, under the rule of
// [Table]: responses by part, and each question's answers, sharing the
// number of responses as their total; and the number of comments (never
// their text).
func FeedbackTables(entries []Feedback, orgs []string, yr int) []Table {
	if yr < 2010 || yr > 2100 {
		return nil
	}
	return feedbackTables(entries, orgs, year{first: yearStart(yr), last: yearStart(yr + 1).AddDays(-1)})
}

func feedbackTables(entries []Feedback, orgs []string, y year) []Table {
	byRole := map[string]int{}
	answers := make([]map[string]int, 4)
	for i := range answers {
		answers[i] = map[string]int{}
	}
	comments := 0
	for _, f := range entries {
		if f.Year != y.first.Year() || (len(orgs) > 0 && !slices.Contains(orgs, f.Organisation)) {
			continue
		}
		byRole[f.Role.String()]++
		for i, a := range []Answer{f.Explained, f.Confidential, f.Prompt, f.Retaliation} {
			answers[i][a.String()]++
		}
		if f.Comment != "" {
			comments++
		}
	}
	questions := []string{"feedback_explained", "feedback_confidential", "feedback_prompt", "feedback_retaliation"}
	group := []rawTable{raw("feedback_by_role", partNames[1:], byRole, true)}
	for i, q := range questions {
		group = append(group, raw(q, []string{"yes", "no", "not_sure", "unanswered"}, answers[i], true))
	}
	return append(publish(group...), publish(rawTable{name: "feedback_comments", labels: []string{"with_comment"}, counts: []int{comments}})...)
}
