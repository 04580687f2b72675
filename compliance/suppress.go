package compliance

import (
	"slices"
)

// K is the least count a published cell may hold (other than zero): a
// count of one to K-1 people in a small institution identifies them.
const K = 5

// Cell is one published count. A suppressed cell has no value: it was
// under K, or it was suppressed as well so that a published total cannot
// give it away. Zero is published: it says that nothing happened, about
// nobody.
type Cell struct {
	Count      int  `json:"count"`
	Suppressed bool `json:"suppressed,omitempty"`
}

// Row is one labelled cell of a table.
type Row struct {
	Label string `json:"label"`
	Cell
}

// Table is a set of counts, with their total where the rows partition it.
// The publication rule, which [Report] applies and a property test checks
// on random stores:
//
//   - no published count is between 1 and K-1;
//   - where the total is published and n rows are suppressed, n is 0, or n
//     is at least 2 and the suppressed rows sum to at least K+n-1: a
//     reader who subtracts the published rows from the total and knows
//     each suppressed row is at least 1 cannot bound any of them below K,
//     let alone find its value;
//   - a total that several tables share (the complaints received, by route
//     and by relationship) is suppressed in all of them if any needs it.
type Table struct {
	Name string `json:"name"`
	Rows []Row  `json:"rows"`
	// Total is the rows' sum, where they partition something (HasTotal).
	HasTotal bool `json:"has_total"`
	Total    Cell `json:"total"`
}

// rawTable is a table before publication.
type rawTable struct {
	name     string
	labels   []string
	counts   []int
	hasTotal bool
}

// total is the sum of t's counts.
func (t rawTable) total() int {
	n := 0
	for _, c := range t.counts {
		n += c
	}
	return n
}

// publish suppresses the cells of tables that share one total: each table
// is protected with its total published if it can be; if any cannot, the
// total is suppressed in all of them and only small cells are withheld.
func publish(tables ...rawTable) []Table {
	showTotal := len(tables) > 0 && tables[0].hasTotal && !small(tables[0].total())
	if showTotal {
		for _, t := range tables {
			if _, ok := protect(t.counts); !ok {
				showTotal = false
			}
		}
	}
	out := make([]Table, len(tables))
	for i, t := range tables {
		var hidden []bool
		if showTotal {
			hidden, _ = protect(t.counts)
		} else {
			hidden = primary(t.counts)
		}
		pt := Table{Name: t.name, Rows: make([]Row, len(t.labels)), HasTotal: t.hasTotal}
		for j, l := range t.labels {
			pt.Rows[j] = Row{Label: l, Cell: cell(t.counts[j], hidden[j])}
		}
		if t.hasTotal {
			pt.Total = cell(t.total(), !showTotal)
		}
		out[i] = pt
	}
	return out
}

// publishNested publishes parent and child, a table whose total is the
// parent's row at index row (the pending cases split by their deadlines):
// the child's total is published exactly when that row is, and protected
// like any table; where it cannot be, the row is suppressed in the parent
// (with what else that takes), and a child under a suppressed row
// publishes nothing but its zeros, so that no published part can pin the
// hidden whole.
func publishNested(parent rawTable, row int, child rawTable) []Table {
	p := publish(parent)[0]
	c := publish(child)[0]
	childOK := false
	if !p.Rows[row].Suppressed {
		_, childOK = protect(child.counts)
	}
	if !childOK {
		if !p.Rows[row].Suppressed && !p.Total.Suppressed {
			hidden := primary(parent.counts)
			hidden[row] = hidden[row] || parent.counts[row] > 0
			hidden, ok := extend(parent.counts, hidden)
			for i := range p.Rows {
				p.Rows[i].Cell = cell(parent.counts[i], hidden[i])
			}
			p.Total = cell(parent.total(), !ok)
		} else if !p.Rows[row].Suppressed {
			p.Rows[row].Cell = cell(parent.counts[row], parent.counts[row] > 0)
		}
		for i := range c.Rows {
			c.Rows[i].Cell = cell(child.counts[i], child.counts[i] > 0)
		}
		c.Total = cell(child.total(), child.total() > 0)
	}
	return []Table{p, c}
}

// small reports whether a count may not be published.
func small(n int) bool { return n > 0 && n < K }

// cell is a published or suppressed count.
func cell(n int, hidden bool) Cell {
	if hidden {
		return Cell{Suppressed: true}
	}
	return Cell{Count: n}
}

// primary marks the small counts.
func primary(counts []int) []bool {
	hidden := make([]bool, len(counts))
	for i, c := range counts {
		hidden[i] = small(c)
	}
	return hidden
}

// protect marks the small counts and then, smallest first, as many other
// non-zero counts as it takes for the suppressed ones to be safe beside a
// published total (see Table). ok is false when even suppressing every
// non-zero count is not enough: the total must then be withheld.
func protect(counts []int) (hidden []bool, ok bool) {
	return extend(counts, primary(counts))
}

// extend adds to the counts hidden, smallest first, as many non-zero
// counts as it takes for the hidden ones to be safe beside a published
// total; ok is false when no choice is.
func extend(counts []int, hidden []bool) ([]bool, bool) {
	order := make([]int, len(counts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return counts[a] - counts[b] })
	for _, i := range order {
		if safe(counts, hidden) {
			return hidden, true
		}
		if counts[i] > 0 && !hidden[i] {
			hidden[i] = true
		}
	}
	return hidden, safe(counts, hidden)
}

// safe applies the rule for suppressed cells beside a published total.
func safe(counts []int, hidden []bool) bool {
	n, sum := 0, 0
	for i, h := range hidden {
		if h {
			n++
			sum += counts[i]
		}
	}
	return n == 0 || (n >= 2 && sum >= K+n-1)
}
