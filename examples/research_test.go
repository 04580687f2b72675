package examples_test

import (
	"context"
	"fmt"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/simulate"
)

// A researcher asks what the 2022 amendment's wider coverage did: the same
// synthetic workplaces, where one complainant in five is a student or a
// domestic worker, before the amendment (2019) and after it (2023). Every
// case runs through the real lifecycle, so a complaint the Act does not
// cover is refused at filing as it would be in life (s.2(e), (f)).
func Example_research() {
	sim, err := simulate.New(simulate.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, world := range []struct {
		policy policy.ID
		start  string
	}{{policy.FederalAct2010, "2019-01-01"}, {policy.FederalAct2022, "2023-01-01"}} {
		sc := simulate.DefaultScenario()
		sc.Policy = world.policy
		sc.Period.Start = civil.MustParse(world.start)
		sc.Complainants = map[policy.Relationship]float64{
			policy.Employee: 0.8, policy.Student: 0.1, policy.DomesticWorker: 0.1,
		}
		r, err := sim.Run(context.Background(), sc, simulate.RunOptions{Cases: 1000, Seed: 7})
		if err != nil {
			fmt.Println(err)
			return
		}
		refused := int64(0)
		for _, x := range r.Refusals {
			if x.Code == casefsm.IneligibleComplainant {
				refused += x.Count
			}
		}
		fmt.Printf("%s: %.0f%% of complaints refused as outside the Act\n", world.policy, 100*float64(refused)/1000)
	}
	// Output:
	// pk-federal-2010: 17% of complaints refused as outside the Act
	// pk-federal-2022: 0% of complaints refused as outside the Act
}
