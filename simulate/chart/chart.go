// Package chart draws the reports of package simulate as an SVG picture,
// because researchers look at the picture before the table: the backlog
// month by month, and the distribution of the time cases take to close.
//
// It is a separate package so that package simulate does not depend on a
// plotting library; it draws with gonum.org/v1/plot. It adds no numbers of
// its own: everything drawn is in the reports.
package chart

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/hifazat/hifazat/simulate"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Size of the picture.
const (
	Width  = 22 * vg.Centimeter
	Height = 22 * vg.Centimeter
)

// ErrNoReport is returned by [SVG] when it is given no report.
var ErrNoReport = errors.New("chart: no report to draw")

// SVG writes an SVG picture of the reports, one colour each, in two
// panels. Top: the cases open at each month's end (solid) and the
// complaints among them waiting for a place on a committee (dashed).
// Bottom: the share of ended cases (closed, withdrawn or resolved
// informally) whose closure took each span of simulate.ClosureBinDays
// days, as a step line. The same reports give the same bytes.
func SVG(w io.Writer, reports ...*simulate.Report) error {
	if len(reports) == 0 {
		return ErrNoReport
	}
	top, err := backlogPlot(reports)
	if err != nil {
		return err
	}
	bottom, err := closurePlot(reports)
	if err != nil {
		return err
	}
	c := vgsvg.New(Width, Height)
	dc := draw.New(c)
	tiles := draw.Tiles{Rows: 2, Cols: 1, PadX: vg.Millimeter, PadY: 4 * vg.Millimeter, PadTop: 2 * vg.Millimeter, PadBottom: 2 * vg.Millimeter}
	canvases := plot.Align([][]*plot.Plot{{top}, {bottom}}, tiles, dc)
	top.Draw(canvases[0][0])
	bottom.Draw(canvases[1][0])
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	return nil
}

// monthValue places a YYYY-MM month on the x axis: its year plus the
// months past January, in twelfths.
func monthValue(m string) (float64, error) {
	if len(m) != 7 || m[4] != '-' {
		return 0, fmt.Errorf("chart: month %q is not YYYY-MM", m)
	}
	y, err1 := strconv.Atoi(m[:4])
	mo, err2 := strconv.Atoi(m[5:])
	if err1 != nil || err2 != nil || mo < 1 || mo > 12 {
		return 0, fmt.Errorf("chart: month %q is not YYYY-MM", m)
	}
	return float64(y) + float64(mo-1)/12, nil
}

// monthTicks labels the x axis with years at each January and half years
// at each July.
var monthTicks = plot.TickerFunc(func(lo, hi float64) []plot.Tick {
	var ticks []plot.Tick
	for y := int(lo); float64(y) <= hi; y++ {
		for h, label := range []string{strconv.Itoa(y), ""} {
			if v := float64(y) + float64(h)/2; v >= lo && v <= hi {
				ticks = append(ticks, plot.Tick{Value: v, Label: label})
			}
		}
	}
	return ticks
})

func backlogPlot(reports []*simulate.Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Backlog at each month's end"
	p.X.Label.Text = "month"
	p.Y.Label.Text = "cases"
	p.X.Tick.Marker = monthTicks
	p.Legend.Top = true
	names := simulate.Labels(reports...)
	for i, r := range reports {
		open := make(plotter.XYs, len(r.Backlog))
		queued := make(plotter.XYs, len(r.Backlog))
		for j, m := range r.Backlog {
			x, err := monthValue(m.Month)
			if err != nil {
				return nil, err
			}
			open[j] = plotter.XY{X: x, Y: float64(m.Open)}
			queued[j] = plotter.XY{X: x, Y: float64(m.Queued)}
		}
		for k, series := range []struct {
			xy    plotter.XYs
			label string
		}{{open, "open"}, {queued, "waiting for a committee"}} {
			l, err := plotter.NewLine(series.xy)
			if err != nil {
				return nil, fmt.Errorf("chart: %w", err)
			}
			l.Color = plotutil.Color(i)
			l.Width = vg.Points(1.5)
			if k == 1 {
				l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
			}
			p.Add(l)
			p.Legend.Add(names[i]+": "+series.label, l)
		}
	}
	return p, nil
}

func closurePlot(reports []*simulate.Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Days from first report to closure"
	p.X.Label.Text = "days"
	p.Y.Label.Text = "share of ended cases"
	p.Legend.Top = true
	p.Y.Min = 0
	names := simulate.Labels(reports...)
	for i, r := range reports {
		if r.Closure.Cases == 0 || len(r.ClosureDays) == 0 {
			continue
		}
		xy := make(plotter.XYs, 0, len(r.ClosureDays)+1)
		for _, b := range r.ClosureDays {
			xy = append(xy, plotter.XY{X: float64(b.From), Y: float64(b.Cases) / float64(r.Closure.Cases)})
		}
		last := r.ClosureDays[len(r.ClosureDays)-1]
		xy = append(xy, plotter.XY{X: float64(last.To), Y: xy[len(xy)-1].Y})
		l, err := plotter.NewLine(xy)
		if err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		l.StepStyle = plotter.PostStep
		l.Color = plotutil.Color(i)
		l.Width = vg.Points(1.5)
		p.Add(l)
		p.Legend.Add(names[i], l)
	}
	return p, nil
}
