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
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/hifazat/hifazat/simulate"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
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

// SVG writes an SVG picture of the reports, in two panels, each report in
// its own colour of a palette safe for colour-blind readers (Okabe and
// Ito's) and with its own marker shape, so that no two are told apart by
// colour alone. Top: the cases open at each month's end (solid) and the
// complaints among them waiting for a place on a committee (dashed),
// under a title giving each report's number of cases and seed and, when
// a report's numbers are the default scenario's, the notice that they are
// invented. Bottom: the share of ended cases (closed, withdrawn or
// resolved informally) whose closure took each span of
// simulate.ClosureBinDays days, as a step line. The same reports give the
// same bytes.
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

// monthTicks labels the x axis with months (YYYY-MM), every one, three,
// six, twelve or more months so that at most twelve are labelled, with an
// unlabelled tick at every month in between when there are few.
var monthTicks = plot.TickerFunc(func(lo, hi float64) []plot.Tick {
	first, last := int(math.Ceil(lo*12-1e-9)), int(math.Floor(hi*12+1e-9))
	step := 1
	for _, s := range []int{1, 3, 6, 12, 24, 60, 120} {
		step = s
		if (last-first)/s < 12 {
			break
		}
	}
	var ticks []plot.Tick
	for m := first; m <= last; m++ {
		t := plot.Tick{Value: float64(m) / 12}
		switch {
		case m%step == 0:
			t.Label = fmt.Sprintf("%04d-%02d", m/12, m%12+1)
		case step > 3:
			continue
		}
		ticks = append(ticks, t)
	}
	return ticks
})

// palette is Okabe and Ito's palette for colour-blind readers, strongest
// contrasts first.
var palette = []color.Color{
	color.RGBA{0x00, 0x72, 0xB2, 0xFF}, // blue
	color.RGBA{0xE6, 0x9F, 0x00, 0xFF}, // orange
	color.RGBA{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	color.RGBA{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	color.RGBA{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	color.RGBA{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	color.RGBA{0x00, 0x00, 0x00, 0xFF}, // black
}

// markers are the glyph shapes that tell the reports apart without colour.
var markers = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}, draw.RingGlyph{}, draw.BoxGlyph{}}

// series draws xy as a line with report i's colour and marker.
func series(xy plotter.XYs, i int) (*plotter.Line, *plotter.Scatter, error) {
	l, s, err := plotter.NewLinePoints(xy)
	if err != nil {
		return nil, nil, fmt.Errorf("chart: %w", err)
	}
	l.Color = palette[i%len(palette)]
	l.Width = vg.Points(1.5)
	s.Color = l.Color
	s.Shape = markers[i%len(markers)]
	s.Radius = vg.Points(2.5)
	return l, s, nil
}

// title is the top panel's title: what it shows, each report's cases and
// seed, and the notice for invented numbers.
func title(reports []*simulate.Report) string {
	var b strings.Builder
	b.WriteString("Backlog at each month's end")
	names := simulate.Labels(reports...)
	for i, r := range reports {
		fmt.Fprintf(&b, "\n%s: %d cases, seed %d", names[i], r.Cases, r.Seed)
		if len(r.Invented) > 0 {
			b.WriteString(" (invented numbers, not measured: " + strings.Join(r.Invented, ", ") + ")")
		}
	}
	return b.String()
}

func backlogPlot(reports []*simulate.Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title(reports)
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
		for k, line := range []struct {
			xy    plotter.XYs
			label string
		}{{open, "open"}, {queued, "waiting for a committee"}} {
			l, s, err := series(line.xy, i)
			if err != nil {
				return nil, err
			}
			if k == 1 {
				l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
			}
			p.Add(l, s)
			p.Legend.Add(names[i]+": "+line.label, l, s)
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
		l, s, err := series(xy, i)
		if err != nil {
			return nil, err
		}
		l.StepStyle = plotter.PostStep
		p.Add(l, s)
		p.Legend.Add(names[i], l, s)
	}
	return p, nil
}
