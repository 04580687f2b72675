package simulate_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/hifazat/hifazat/simulate"
)

// A researcher's question: when a committee can carry two cases at once
// rather than three, how often are the 3 days to communicate the charges
// (s.4(1)(a), counted from receipt) broken, and the 30 days for findings
// (s.4(4), counted from the start of the inquiry, after any wait)?
func Example() {
	sim, err := simulate.New(simulate.Options{})
	if err != nil {
		panic(err)
	}
	for _, capacity := range []int{3, 2} {
		sc := simulate.DefaultScenario()
		sc.Committee.Capacity = capacity
		r, err := sim.Run(context.Background(), sc, simulate.RunOptions{Cases: 4000, Seed: 1})
		if err != nil {
			panic(err)
		}
		for _, d := range r.Deadlines {
			if d.Rule == "charges" || d.Rule == "findings" {
				fmt.Printf("capacity %d: %s broken in %.0f%% of cases\n", capacity, d.Rule, 100*d.BreachRate)
			}
		}
		fmt.Printf("capacity %d: a complaint waits %.1f days on average for a place\n", capacity, r.QueueWait.MeanDays)
	}
	// Output:
	// capacity 3: charges broken in 42% of cases
	// capacity 3: findings broken in 28% of cases
	// capacity 3: a complaint waits 6.8 days on average for a place
	// capacity 2: charges broken in 70% of cases
	// capacity 2: findings broken in 28% of cases
	// capacity 2: a complaint waits 30.6 days on average for a place
}

func ExampleNew() {
	sim, err := simulate.New(simulate.Options{}) // built-in policies and calendars
	if err != nil {
		panic(err)
	}
	fmt.Println(sim.Validate(simulate.DefaultScenario()))
	// Output:
	// <nil>
}

func ExampleDefaultScenario() {
	sc := simulate.DefaultScenario()
	fmt.Println(sc.Policy, sc.Calendar, sc.Period.Start, sc.Period.Months, sc.Period.FollowMonths)
	fmt.Println(sc.Delays.Findings.Dist, sc.Delays.Findings.Median, sc.Committee.Capacity)
	// Output:
	// pk-federal-2022 pk-federal 2026-01-01 12 24
	// lognormal 26 3
}

func ExampleSimulator_Parse() {
	sim, _ := simulate.New(simulate.Options{})
	sc, err := sim.Parse([]byte(`
name: two-day charges
policy: pk-federal-2022
delays:
  charges: {dist: uniform, min: 0, max: 2}
committee: {capacity: 5}
`))
	if err != nil {
		panic(err)
	}
	// Everything the file does not give comes from DefaultScenario.
	fmt.Println(sc.Name, sc.Delays.Charges.Dist, sc.Committee.Capacity, sc.Arrivals.PerMonth)
	// Output:
	// two-day charges uniform 5 2
}

func ExampleSimulator_Parse_invalid() {
	sim, _ := simulate.New(simulate.Options{})
	_, err := sim.Parse([]byte("routes: {informal: 0.5, committee: 0.6, ombudsperson: 0}\n"))
	fmt.Println(err)
	var se *simulate.ScenarioError
	if errors.As(err, &se) {
		fmt.Println(se.Field)
	}
	// Output:
	// simulate: invalid scenario: field routes: shares sum to 1.1 (want 1)
	// routes
}

func ExampleSimulator_Load() {
	sim, _ := simulate.New(simulate.Options{})
	sc, err := sim.Load("testdata/university.yaml") // its overlay is in a file beside it
	if err != nil {
		panic(err)
	}
	fmt.Println(sc.Name, sc.Overlay.ID, sc.Overlay.Base)
	// Output:
	// university example-university-2026 pk-federal-2022
}

func ExampleSimulator_Validate() {
	sim, _ := simulate.New(simulate.Options{})
	sc := simulate.DefaultScenario()
	sc.Arrivals.PerMonth = -2
	fmt.Println(sim.Validate(sc))
	// Output:
	// simulate: invalid scenario: field arrivals.per_month: -2 must be above 0
}

func ExampleSimulator_Run() {
	sim, _ := simulate.New(simulate.Options{})
	r, err := sim.Run(context.Background(), simulate.DefaultScenario(), simulate.RunOptions{Cases: 2000, Seed: 7})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Cases, "cases at", r.Organisations, "organisations")
	for _, e := range r.Ends[:3] {
		fmt.Printf("%s: %d\n", e.Name, e.Cases)
	}
	fmt.Printf("closure: median %d days, 90%% within %d\n", r.Closure.P50, r.Closure.P90)
	fmt.Printf("appeals refused as time-barred: %d of %d\n", r.Appeals.Refused, r.Appeals.Filed)
	// Output:
	// 2000 cases at 82 organisations
	// closed: 1575
	// withdrawn: 134
	// informally_resolved: 291
	// closure: median 102 days, 90% within 196
	// appeals refused as time-barred: 42 of 328
}

func ExampleCompare() {
	sim, _ := simulate.New(simulate.Options{})
	old, _ := sim.Load("testdata/federal-2010.yaml")
	now, _ := sim.Load("testdata/federal-2022.yaml")
	o := simulate.RunOptions{Cases: 2000, Seed: 3}
	a, _ := sim.Run(context.Background(), old, o)
	b, _ := sim.Run(context.Background(), now, o)
	for _, d := range simulate.Compare(a, b) {
		if d.Section == "end" && d.Item == "refused" && d.Name == "cases" {
			fmt.Printf("complaints refused at filing: %v under 2010, %v under 2022 (%+v)\n", d.A, d.B, d.Change)
		}
	}
	// Output:
	// complaints refused at filing: 267 under 2010, 0 under 2022 (-267)
}

func ExampleWriteCSV() {
	sim, _ := simulate.New(simulate.Options{})
	r, _ := sim.Run(context.Background(), simulate.DefaultScenario(), simulate.RunOptions{Cases: 500})
	var buf bytes.Buffer
	if err := simulate.WriteCSV(&buf, r); err != nil {
		panic(err)
	}
	lines := strings.Split(buf.String(), "\n")
	fmt.Println(strings.Join(lines[:4], "\n"))
	// Output:
	// scenario,section,item,metric,value
	// default,run,,cases,500
	// default,run,,organisations,21
	// default,end,closed,cases,391
}

func ExampleWriteText() {
	sim, _ := simulate.New(simulate.Options{})
	r, _ := sim.Run(context.Background(), simulate.DefaultScenario(), simulate.RunOptions{Cases: 500})
	var buf bytes.Buffer
	if err := simulate.WriteText(&buf, r); err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(&buf)
	for i := 0; i < 4 && sc.Scan(); i++ {
		fmt.Println(sc.Text())
	}
	// Output:
	// NOTICE: the numbers of arrivals, complainants, routes, outcomes, delays, committee are the default scenario's, invented to be plausible, not measured: the results are not facts about any workplace.
	//
	// Scenario default: policy pk-federal-2022, calendar pk-federal, seed 0
	// 500 cases at 21 organisations (committee capacity 3); arrivals 2026-01-01 to 2026-12-31, followed to 2028-12-31
}

func ExampleWriteComparison() {
	sim, _ := simulate.New(simulate.Options{})
	a, _ := sim.Run(context.Background(), simulate.DefaultScenario(), simulate.RunOptions{Cases: 300})
	sc := simulate.DefaultScenario()
	sc.Name = "slow committee"
	sc.Delays.Findings = simulate.FixedDays(45)
	b, _ := sim.Run(context.Background(), sc, simulate.RunOptions{Cases: 300})
	var buf bytes.Buffer
	if err := simulate.WriteComparison(&buf, a, b); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, " findings ") && strings.Contains(line, "breach_rate") {
			fmt.Println(strings.Join(strings.Fields(line), " "))
		}
	}
	// Output:
	// deadline / findings / breach_rate 0.2486 1 +0.7514
}

func ExampleReport_Metrics() {
	sim, _ := simulate.New(simulate.Options{})
	r, _ := sim.Run(context.Background(), simulate.DefaultScenario(), simulate.RunOptions{Cases: 300})
	for _, m := range r.Metrics() {
		if m.Section == "deadline" && m.Item == "charges" {
			fmt.Println(m.Name, m.Value)
		}
	}
	// Output:
	// started 188
	// met 109
	// late 77
	// overdue 2
	// lapsed 0
	// pending 0
	// paused 0
	// breaches 79
	// breach_rate 0.4202
	// estimated_holidays 7
}

func ExampleLabels() {
	a := &simulate.Report{Scenario: "pilot"}
	b := &simulate.Report{Scenario: "pilot"}
	fmt.Println(simulate.Labels(a, b))
	// Output:
	// [pilot pilot (2)]
}

func ExampleDelay_Expected() {
	for _, d := range []simulate.Delay{
		simulate.FixedDays(3),
		{Dist: simulate.Uniform, Min: 1, Max: 5},
		{Dist: simulate.Exponential, Mean: 10, Min: 2},
		{Dist: simulate.Lognormal, Median: 20, Sigma: 0.5},
	} {
		fmt.Printf("%s: %.2f days\n", d.Dist, d.Expected())
	}
	// Output:
	// fixed: 3.00 days
	// uniform: 3.00 days
	// exponential: 12.00 days
	// lognormal: 22.66 days
}

func ExampleFixedDays() {
	d := simulate.FixedDays(7)
	b, _ := d.Dist.MarshalText()
	fmt.Println(string(b), d.Days)
	// Output:
	// fixed 7
}

func ExampleScenario_yaml() {
	// A scenario file: every top-level section replaces the default's;
	// each delay given replaces that step.
	data, _ := os.ReadFile("testdata/federal-2010.yaml")
	sim, _ := simulate.New(simulate.Options{})
	sc, err := sim.Parse(data)
	fmt.Println(sc.Name, sc.Policy, sc.Period.Start, err)
	// Output:
	// federal-2010 pk-federal-2010 2019-01-01 <nil>
}
