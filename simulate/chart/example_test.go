package chart_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/hifazat/hifazat/simulate"
	"github.com/hifazat/hifazat/simulate/chart"
)

func ExampleSVG() {
	sim, _ := simulate.New(simulate.Options{})
	r, err := sim.Run(context.Background(), simulate.DefaultScenario(), simulate.RunOptions{Cases: 500})
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := chart.SVG(&buf, r); err != nil {
		panic(err)
	}
	fmt.Println(strings.SplitN(buf.String(), "\n", 2)[0])
	fmt.Println(strings.Contains(buf.String(), "Backlog at each month"))
	// Output:
	// <?xml version="1.0"?>
	// true
}
