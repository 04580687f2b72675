package casefsm

import (
	"context"
	"testing"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
	"github.com/looplab/fsm"
)

// benchCase is a 15-event committee case, from an informal report to
// implementation, with an appeal by each party and a representation.
func benchCase() (Header, []Event) {
	d := func(s string) civil.Date { return civil.MustParse(s) }
	h := Header{Calendar: "pk-federal", IncidentOn: d("2026-02-20"), Parties: Parties{
		Complainant: Party{Relationship: policy.Employee, ID: "e-17"},
		Accused:     Party{Relationship: policy.Employee, ID: "e-42"},
	}}
	return h, []Event{
		{Type: ReportInformally, On: d("2026-02-23"), By: Complainant},
		{Type: ResolveInformally, On: d("2026-02-25"), By: Supervisor},
		{Type: FileComplaint, On: d("2026-03-02"), By: Complainant},
		{Type: CommunicateCharges, On: d("2026-03-04"), By: InquiryCommittee},
		{Type: SubmitDefence, On: d("2026-03-09"), By: Accused},
		{Type: StartInquiry, On: d("2026-03-10"), By: InquiryCommittee},
		{Type: SubmitFindings, On: d("2026-04-01"), By: InquiryCommittee, Finding: Guilty, Penalties: []Penalty{{Code: policy.Censure}}, ReceivedOn: d("2026-04-02")},
		{Type: Decide, On: d("2026-04-06"), By: CompetentAuthority, Penalties: []Penalty{{Code: policy.Censure}}},
		{Type: CommunicateDecision, On: d("2026-04-06"), By: CompetentAuthority},
		{Type: FileAppeal, On: d("2026-04-20"), By: Accused},
		{Type: FileAppeal, On: d("2026-04-21"), By: Complainant},
		{Type: DecideAppeal, On: d("2026-05-12"), By: Ombudsperson},
		{Type: MakeRepresentation, On: d("2026-05-20"), By: Accused},
		{Type: DecideRepresentation, On: d("2026-07-01"), By: PresidentOrGovernor},
		{Type: RecordImplementation, On: d("2026-07-15"), By: Employer},
	}
}

func benchEngine(b *testing.B) *Engine {
	e, err := NewEngine(policy.Builtin(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkReplay15 rehydrates the 15-event case as Engine.Open does: a
// new case, every event checked against the table and its guards and
// replayed (the table decides each move). BenchmarkApply15 applies the same
// events live, each move fired through looplab.
func BenchmarkReplay15(b *testing.B) { bench15(b, (*Case).Replay) }

func BenchmarkApply15(b *testing.B) { bench15(b, (*Case).Apply) }

func bench15(b *testing.B, apply func(*Case, Event) error) {
	eng := benchEngine(b)
	h, evs := benchCase()
	b.ReportAllocs()
	for b.Loop() {
		c, err := eng.NewCase(h)
		if err != nil {
			b.Fatal(err)
		}
		for _, ev := range evs {
			if err := apply(c, ev); err != nil {
				b.Fatal(err)
			}
		}
		if c.State() != Closed {
			b.Fatal(c.State())
		}
	}
}

// lpNames returns the looplab event names the 15 events fire, and the
// description they fire on: the same the case uses.
func lpNames(b *testing.B, eng *Engine) ([]string, *Definition) {
	h, evs := benchCase()
	c, err := eng.NewCase(h)
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for _, ev := range evs {
		p, ref := c.check(&ev)
		if ref != nil {
			b.Fatal(ref)
		}
		names = append(names, p.def.lpName[p.row])
		if err := c.commit(ev, p, true); err != nil {
			b.Fatal(err)
		}
	}
	return names, c.def
}

// BenchmarkLooplabBaseline fires the same 15 transitions through a bare
// looplab FSM built from the same description, with no callbacks and no
// guards: "fresh" builds the FSM as a replay must, "events" only fires.
func BenchmarkLooplabBaseline(b *testing.B) {
	names, d := lpNames(b, benchEngine(b))
	ctx := context.Background()
	fire := func(f *fsm.FSM) {
		for _, n := range names {
			if err := f.Event(ctx, n); err != nil {
				if _, self := err.(fsm.NoTransitionError); !self {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("fresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fire(fsm.NewFSM(NotFiled.String(), d.lpEvents, nil))
		}
	})
	b.Run("events", func(b *testing.B) {
		f := fsm.NewFSM(NotFiled.String(), d.lpEvents, nil)
		b.ReportAllocs()
		for b.Loop() {
			f.SetState(NotFiled.String())
			fire(f)
		}
	})
}

// BenchmarkApply applies one event: a filing on a new case (its first
// move, which builds the case's looplab machine), a hearing on a warm case
// (reset, not new) in inquiry, and a decision on a case standing at
// findings_submitted.
func BenchmarkApply(b *testing.B) {
	eng := benchEngine(b)
	h, evs := benchCase()
	b.Run("file_complaint", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c, _ := eng.NewCase(h)
			if err := c.Apply(evs[2]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm_hold_hearing", func(b *testing.B) {
		c := new(Case)
		warm := func() {
			if err := eng.Reset(c, h); err != nil {
				b.Fatal(err)
			}
			for _, ev := range evs[2:6] {
				if err := c.Replay(ev); err != nil {
					b.Fatal(err)
				}
			}
		}
		warm()
		hearing := Event{Type: HoldHearing, On: evs[5].On, By: InquiryCommittee}
		b.ReportAllocs()
		for b.Loop() {
			if len(c.events) == cap(c.events) {
				b.StopTimer()
				warm()
				b.StartTimer()
			}
			if err := c.Apply(hearing); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decide", func(b *testing.B) {
		c, _ := eng.NewCase(h)
		for _, ev := range evs[:7] {
			if err := c.Apply(ev); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportAllocs()
		for b.Loop() {
			p, ref := c.check(&evs[7])
			if ref != nil {
				b.Fatal(ref)
			}
			_ = p
		}
	})
}

// BenchmarkStatus reports the 15-event case: closed, as of its last day;
// as of a day mid-way, which replays the events up to it; and, with the
// standing committee on file, as of a day its committee is live, which
// checks the committee for the case.
func BenchmarkStatus(b *testing.B) {
	eng := benchEngine(b)
	h, evs := benchCase()
	open := func(h Header, evs []Event) *Case {
		c, _ := eng.NewCase(h)
		for _, ev := range evs {
			if err := c.Apply(ev); err != nil {
				b.Fatal(err)
			}
		}
		return c
	}
	run := func(name string, c *Case, asOf civil.Date) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Status(asOf)
			}
		})
	}
	run("closed", open(h, evs), civil.MustParse("2026-07-15"))
	run("earlier", open(h, evs), civil.MustParse("2026-04-03"))
	h.Committee = &committee.Committee{CompetentAuthority: "ceo-1", Members: []committee.Member{
		{ID: "m-1", Name: "A", Gender: committee.Female, Seat: committee.SeniorManagement, Chair: true},
		{ID: "m-2", Name: "B", Gender: committee.Male, Seat: committee.SeniorEmployee},
		{ID: "m-3", Name: "C", Gender: committee.Male, Seat: committee.SeatOther},
	}}
	run("committee", open(h, evs[:6]), civil.MustParse("2026-03-10"))
}
