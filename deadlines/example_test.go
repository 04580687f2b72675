package deadlines_test

import (
	"fmt"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/policy"
)

// defenceRule is s.4(1)(b) as the federal policy states it: the accused files
// a defence with the Inquiry Committee within seven days.
var defenceRule = policy.DeadlineRule{
	ID: policy.RuleDefence, Kind: policy.Filing, Period: policy.Period{N: 7, Unit: policy.Days},
	Forum: policy.InquiryCommittee, Trigger: "communication of the charges",
	Citation: policy.Citation{Section: "s.4(1)(b)", Confidence: policy.High},
}

// The whole path a caller takes: the policy in force, its rule, the
// calendar of the forum that receives the filing, the deadline.
func Example() {
	pol, err := policy.Builtin().For(policy.Federal, civil.MustParse("2026-03-07"))
	if err != nil {
		fmt.Println(err)
		return
	}
	rule, _ := pol.Rule(policy.RuleDefence)
	cal, err := deadlines.Builtin(pol.CalendarFor(rule.Forum, "").Value) // build once, share
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := deadlines.Compute(rule, civil.MustParse("2026-03-07"), cal)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pol.ID(), rule.ID, "due", d.Due, d.Due.Weekday())
	fmt.Println(d.Explain())
	// Output:
	// pk-federal-2022 defence due 2026-03-16 Monday
	// defence: 7 days from 2026-03-07 (trigger day excluded) end on 2026-03-14, a Saturday; filing with the inquiry_committee on calendar pk-federal; the last day, 2026-03-14, is closed, so the period runs to the next open day, 2026-03-16 (General Clauses Act s.10); s.4(1)(b) [high].
}

func ExampleBuiltin() {
	cal, err := deadlines.Builtin("pk-federal")
	if err != nil {
		fmt.Println(err)
		return
	}
	first, last := cal.Coverage()
	fmt.Println(cal.ID(), first, last, cal.Weekend())
	open, _ := cal.IsOpen(civil.MustParse("2025-08-14"))
	fmt.Println("open on Independence Day:", open)
	_, err = deadlines.Builtin("pk-lahore")
	fmt.Println(err)
	// Output:
	// pk-federal 2010 2030 [Sunday Saturday]
	// open on Independence Day: false
	// deadlines: unknown calendar "pk-lahore" (known: pk-federal, pk-islamabad)
}

// A defence whose seventh day is a Saturday may be filed on Monday.
func ExampleCompute() {
	cal, _ := deadlines.Builtin("pk-federal")
	d, err := deadlines.Compute(defenceRule, civil.MustParse("2026-03-07"), cal)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("last day:", d.PeriodEnd, d.PeriodEnd.Weekday())
	fmt.Println("due:", d.Due, d.Due.Weekday(), "rolled forward:", d.RolledForward)
	fmt.Println("on 2026-03-16:", d.StatusAt(civil.MustParse("2026-03-16"), civil.Date{}))
	fmt.Println("on 2026-03-17:", d.StatusAt(civil.MustParse("2026-03-17"), civil.Date{}))
	// Output:
	// last day: 2026-03-14 Saturday
	// due: 2026-03-16 Monday rolled forward: true
	// on 2026-03-16: pending
	// on 2026-03-17: overdue
}

// A stay pauses the clock: its days are added back.
func ExampleCompute_stay() {
	cal, _ := deadlines.Builtin("pk-federal")
	stay := deadlines.Stay{From: civil.MustParse("2026-03-08"), Until: civil.MustParse("2026-03-11")}
	d, _ := deadlines.Compute(defenceRule, civil.MustParse("2026-03-05"), cal, stay)
	fmt.Println(d.StayDays, d.PeriodEnd, d.Due)
	// Output:
	// 3 2026-03-15 2026-03-16
}

// Due is Compute's counting for a hot path: kind and period in, the three
// days out. A week for the Competent Authority's penalty (a duty) that ends
// on a Saturday stays on the Saturday, with Friday as its last open day; a
// defence (a filing) ending there runs to Monday.
func ExampleCalendar_Due() {
	cal, _ := deadlines.Builtin("pk-federal")
	from, week := civil.MustParse("2026-03-07"), policy.Period{N: 7, Unit: policy.Days}
	for _, kind := range []policy.Kind{policy.Duty, policy.Filing} {
		end, due, lastOpen, err := cal.Due(kind, week, from)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(kind, end, due, lastOpen, "rolled forward:", due != end)
	}
	// Output:
	// duty 2026-03-14 2026-03-14 2026-03-13 rolled forward: false
	// filing 2026-03-14 2026-03-16 2026-03-16 rolled forward: true
}

func ExampleDeadline_Explain() {
	cal, _ := deadlines.Builtin("pk-federal")
	d, _ := deadlines.Compute(defenceRule, civil.MustParse("2026-03-05"), cal)
	fmt.Println(d.Explain())
	// Output:
	// defence: 7 days from 2026-03-05 (trigger day excluded) end on 2026-03-12, a Thursday; filing with the inquiry_committee on calendar pk-federal; s.4(1)(b) [high].
}

func ExampleDeadline_StatusAt() {
	d := deadlines.Deadline{Due: civil.MustParse("2026-03-16")}
	fmt.Println(d.StatusAt(civil.MustParse("2026-03-20"), civil.MustParse("2026-03-16")))
	fmt.Println(d.StatusAt(civil.MustParse("2026-03-20"), civil.MustParse("2026-03-17")))
	// Output:
	// met
	// late
}

// An institution replaces the estimated Eid-ul-Fitr of 2026 with the
// notified dates (invented here) and adds its own closure.
func ExampleParseCalendar() {
	cal, err := deadlines.ParseCalendar([]byte(`
id: acme-2026
base: pk-federal
first_year: 2026
last_year: 2026
remove: ["2026-03-21 Eid-ul-Fitr", "2026-03-22 Eid-ul-Fitr", "2026-03-23 Eid-ul-Fitr"]
holidays:
  - {date: 2026-03-20, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-03-21, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-03-22, name: Eid-ul-Fitr, status: notified}
  - {date: 2026-04-06, name: Acme Founders' Day, status: fixed}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	hs, _ := cal.Holidays(2026)
	for _, h := range hs[1:6] {
		fmt.Println(h.Date, h.Name, h.Status)
	}
	// Output:
	// 2026-03-20 Eid-ul-Fitr notified
	// 2026-03-21 Eid-ul-Fitr notified
	// 2026-03-22 Eid-ul-Fitr notified
	// 2026-03-23 Pakistan Day fixed
	// 2026-04-06 Acme Founders' Day fixed
}

func ExampleNewCalendar() {
	cal, err := deadlines.NewCalendar(deadlines.Spec{
		ID: "acme-lahore", Weekend: []time.Weekday{time.Sunday}, FirstYear: 2026, LastYear: 2026,
		Holidays: []deadlines.Holiday{{Date: civil.MustParse("2026-04-06"), Name: "Founders' Day", Status: deadlines.Fixed}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	next, _ := cal.NextOpen(civil.MustParse("2026-04-05"))
	last, _ := cal.LastOpen(civil.MustParse("2026-04-06"))
	fmt.Println(next, last)
	_, err = cal.IsOpen(civil.MustParse("2027-01-01"))
	fmt.Println(err)
	// Output:
	// 2026-04-07 2026-04-04
	// deadlines: 2027-01-01 is outside calendar "acme-lahore", which covers 2026 to 2026 (holidays are known only for those years)
}

// A date may carry two holidays; both are listed.
func ExampleCalendar_Holidays() {
	cal, _ := deadlines.Builtin("pk-federal")
	hs, _ := cal.Holidays(2026)
	for _, h := range hs[:5] {
		fmt.Println(h.Date, h.Name, h.Status)
	}
	// Output:
	// 2026-02-05 Kashmir Solidarity Day fixed
	// 2026-03-21 Eid-ul-Fitr estimated
	// 2026-03-22 Eid-ul-Fitr estimated
	// 2026-03-23 Eid-ul-Fitr estimated
	// 2026-03-23 Pakistan Day fixed
}

func ExampleBuiltinIDs() {
	fmt.Println(deadlines.BuiltinIDs())
	// Output: [pk-federal pk-islamabad]
}
