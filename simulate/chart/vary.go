package chart

import (
	"fmt"
	"io"

	"github.com/hifazat/hifazat/simulate"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// VariationsSVG writes an SVG bar chart of what each reading of the law
// changes: for every interpretation varied (refused ones left out), the
// share of cases whose outcome, breaches and day of decision change, in
// three bars of the colour-blind-safe palette, told apart also by their
// order and the legend. The title gives the scenario, cases and seed, and
// the notice when its numbers are invented. The same result gives the same
// bytes.
func VariationsSVG(w io.Writer, v *simulate.Variations) error {
	var names []string
	var rows []simulate.Variation
	for _, x := range v.Variations {
		if x.Refused == "" {
			names = append(names, fmt.Sprintf("%s=%v", x.Name, x.Value))
			rows = append(rows, x)
		}
	}
	if len(rows) == 0 {
		return ErrNoReport
	}
	p := plot.New()
	p.Title.Text = fmt.Sprintf("What each reading of the law changes\n%s: %d cases, seed %d", v.Scenario, v.Cases, v.Seed)
	if len(v.Invented) > 0 {
		p.Title.Text += "\n(invented numbers, not measured)"
	}
	p.Y.Label.Text = "share of cases changed"
	p.Y.Min = 0
	p.Legend.Top = true
	width := vg.Points(8)
	for k, series := range []struct {
		label string
		count func(simulate.Variation) int64
	}{
		{"outcome", func(x simulate.Variation) int64 { return x.OutcomeChanged }},
		{"breaches", func(x simulate.Variation) int64 { return x.BreachesChanged }},
		{"day of decision", func(x simulate.Variation) int64 { return x.DecisionChanged }},
	} {
		vals := make(plotter.Values, len(rows))
		for i, x := range rows {
			vals[i] = float64(series.count(x)) / float64(max(v.Cases, 1))
		}
		b, err := plotter.NewBarChart(vals, width)
		if err != nil {
			return fmt.Errorf("chart: %w", err)
		}
		b.Color = palette[k]
		b.LineStyle.Width = vg.Points(0.5)
		b.Offset = vg.Length(k-1) * width
		p.Add(b)
		p.Legend.Add(series.label, b)
	}
	p.NominalX(names...)
	p.X.Tick.Label.Rotation = 0.6
	p.X.Tick.Label.XAlign = draw.XRight
	c := vgsvg.New(Width, Height)
	p.Draw(draw.New(c))
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	return nil
}
