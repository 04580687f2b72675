package policy

// Summary is what identifies a policy in a list: the shape in which
// `hifazat policy list --json` and the HTTP API's GET /v1/policies print
// each policy, and the head of `policy show --json`. Its JSON names are a
// public contract.
type Summary struct {
	ID            ID           `json:"id"`
	Title         string       `json:"title"`
	Jurisdiction  Jurisdiction `json:"jurisdiction"`
	Validity      Interval     `json:"validity"`
	Institutional bool         `json:"institutional"`
	Base          ID           `json:"base,omitempty"`
	Instrument    Citation     `json:"instrument"`
}

// Summary returns p's [Summary].
func (p *Policy) Summary() Summary {
	return Summary{
		ID: p.ID(), Title: p.Title(), Jurisdiction: p.Jurisdiction(), Validity: p.Validity(),
		Institutional: p.Institutional(), Base: p.Base(), Instrument: p.Instrument(),
	}
}
