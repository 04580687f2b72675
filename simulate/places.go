package simulate

import "github.com/hifazat/hifazat/civil"

// places are the places on one committee: a min-heap of the days each
// becomes free (the zero Date: free from the start). A case takes the
// place that frees first; cases are simulated one at a time in the order
// their complaints arrive, so the place it takes is still the heap's top
// when the case gives it back with hold.
type places struct{ free []civil.Date }

// reset makes n free places.
func (q *places) reset(n int) {
	q.free = q.free[:0]
	for range n {
		q.free = append(q.free, civil.Date{})
	}
}

// next returns the day a complaint received on from is taken up: from, or
// the day a place frees if none is free then.
func (q *places) next(from civil.Date) civil.Date { return later(from, q.free[0]) }

// hold gives the earliest place to a case until the day until.
func (q *places) hold(until civil.Date) {
	q.free[0] = until
	for i, n := 0, len(q.free); ; {
		l, m := 2*i+1, i
		if l < n && q.free[l].Before(q.free[m]) {
			m = l
		}
		if r := l + 1; r < n && q.free[r].Before(q.free[m]) {
			m = r
		}
		if m == i {
			return
		}
		q.free[i], q.free[m] = q.free[m], q.free[i]
		i = m
	}
}
