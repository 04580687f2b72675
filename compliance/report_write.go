package compliance

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes the report as CSV with the header
// table,label,count,suppressed: one line per row and per total (label
// "total"), then per stage its n, median_days and p90_days (table
// "stage:NAME"). A suppressed cell has an empty count and suppressed=true.
func (r *AnnualReport) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	put := func(table, label string, c Cell) {
		count := strconv.Itoa(c.Count)
		if c.Suppressed {
			count = ""
		}
		_ = cw.Write([]string{table, label, count, strconv.FormatBool(c.Suppressed)})
	}
	_ = cw.Write([]string{"table", "label", "count", "suppressed"})
	for _, t := range r.Tables {
		for _, row := range t.Rows {
			put(t.Name, row.Label, row.Cell)
		}
		if t.HasTotal {
			put(t.Name, "total", t.Total)
		}
	}
	for _, s := range r.Stages {
		put("stage:"+s.Stage, "n", s.N)
		hidden := s.Suppressed || s.N.Count == 0
		put("stage:"+s.Stage, "median_days", Cell{Count: s.Median, Suppressed: hidden})
		put("stage:"+s.Stage, "p90_days", Cell{Count: s.P90, Suppressed: hidden})
	}
	put("unreadable", "cases", r.Unreadable)
	cw.Flush()
	return cw.Error()
}

// SVG layout, in pixels.
const (
	svgWidth  = 720
	svgLabelW = 220
	svgBarW   = 400
	svgRowH   = 18
)

// WriteSVG draws the report as one SVG image: a bar per row of every table,
// to scale within its table, with the count beside it; a suppressed row is
// a hatched bar marked "suppressed" and has no length that could reveal
// it.
func (r *AnnualReport) WriteSVG(w io.Writer) error {
	var b strings.Builder
	y := 40
	for _, t := range r.Tables {
		y += svgRowH * (len(t.Rows) + 2)
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", svgWidth, y+20)
	b.WriteString(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>` + "\n")
	fmt.Fprintf(&b, `<text x="10" y="22" font-size="16" font-weight="bold">%s %d (k = %d)</text>`+"\n", html.EscapeString(strings.Join(r.Organisations, ", ")), r.Year, r.K)
	y = 40
	for _, t := range r.Tables {
		y += svgRowH
		fmt.Fprintf(&b, `<text x="10" y="%d" font-weight="bold">%s</text>`+"\n", y, html.EscapeString(t.Name))
		max := 1
		for _, row := range t.Rows {
			if !row.Suppressed && row.Count > max {
				max = row.Count
			}
		}
		for _, row := range t.Rows {
			y += svgRowH
			fmt.Fprintf(&b, `<text x="20" y="%d">%s</text>`, y, html.EscapeString(row.Label))
			if row.Suppressed {
				fmt.Fprintf(&b, `<rect x="%d" y="%d" width="40" height="12" fill="url(#hatch)" stroke="#999"/><text x="%d" y="%d" fill="#555">suppressed</text>`+"\n",
					svgLabelW, y-11, svgLabelW+46, y)
				continue
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="12" fill="#2b6a99"/><text x="%d" y="%d">%d</text>`+"\n",
				svgLabelW, y-11, row.Count*svgBarW/max, svgLabelW+row.Count*svgBarW/max+6, y, row.Count)
		}
		y += svgRowH
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
