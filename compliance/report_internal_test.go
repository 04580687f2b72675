package compliance

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
)

var testOrg = &Organisation{ID: "acme", Name: "Acme", Kind: Private, Jurisdiction: policy.Federal,
	Policy: policy.FederalAct2022, CoveredFrom: civil.MustParse("2022-01-01")}

func TestSyntheticHistoriesAreLawful(t *testing.T) {
	s := newMemory(t)
	defer s.Close()
	fill(t, s, rand.New(rand.NewPCG(1, 2)), 200, civil.MustParse("2024-10-01"), 400)
	r, err := Report(context.Background(), s, testOrg, 2025, ReportOptions{})
	require.NoError(t, err)
	require.Equal(t, Cell{}, r.Unreadable)
}

// under is the test's own reading of "a cell under k = 5", independent of
// the code's.
func under(n int) bool { return n > 0 && n < 5 }

// checkTable checks the publication rule of Table on what a reader sees.
func checkTable(t *testing.T, tb Table) {
	t.Helper()
	n, published := 0, 0
	for _, r := range tb.Rows {
		switch {
		case r.Suppressed:
			n++
		case under(r.Count):
			t.Errorf("%s.%s: published count %d is under K", tb.Name, r.Label, r.Count)
		default:
			published += r.Count
		}
	}
	if !tb.HasTotal || tb.Total.Suppressed {
		return
	}
	if under(tb.Total.Count) {
		t.Errorf("%s: published total %d is under K", tb.Name, tb.Total.Count)
	}
	// What a reader can work out: the suppressed rows sum to s, and each
	// is at least 1 (zeros are published), so each is at most s-(n-1).
	s := tb.Total.Count - published
	switch {
	case n == 0 && s != 0:
		t.Errorf("%s: rows sum to %d, total says %d", tb.Name, published, tb.Total.Count)
	case n == 1:
		t.Errorf("%s: one suppressed row is the total minus the others (%d)", tb.Name, s)
	case n >= 2 && s-(n-1) < 5:
		t.Errorf("%s: %d suppressed rows sum to %d: each is at most %d, under K", tb.Name, n, s, s-(n-1))
	}
}

// TestReportKAnonymityOnRandomStores is the property test of the k = 5
// rule: on random stores of every size from empty to a few hundred cases,
// alone and added up, no published cell is under K, no suppressed cell can
// be worked out from a total, totals shared between tables are published or
// suppressed together, and the times to a stage are published only over K
// cases or more.
func TestReportKAnonymityOnRandomStores(t *testing.T) {
	ctx := context.Background()
	seeds := 40
	if testing.Short() {
		seeds = 10
	}
	var feedback []Feedback
	for seed := range seeds {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		var sources []Source
		for o := range 1 + r.IntN(3) {
			s := newMemory(t)
			defer s.Close()
			fill(t, s, r, r.IntN([]int{8, 30, 120}[seed%3]+1), civil.MustParse("2024-06-01"), 700)
			org := *testOrg
			org.ID = []string{"acme", "zenith", "orchid"}[o]
			sources = append(sources, Source{Org: &org, Store: s})
		}
		for range r.IntN(40) {
			feedback = append(feedback, Feedback{Organisation: "acme", Year: 2025, Role: Part(1 + r.IntN(3)),
				Explained: Answer(r.IntN(4)), Confidential: Answer(r.IntN(4)), Prompt: Answer(r.IntN(4)), Retaliation: Answer(r.IntN(4))})
		}
		rep, err := ReportAll(ctx, sources, 2025, ReportOptions{Feedback: feedback})
		require.NoError(t, err)
		totals := map[string]Cell{}
		var pendingRow Cell
		for _, tb := range rep.Tables {
			checkTable(t, tb)
			if tb.Name == "caseload" {
				pendingRow = tb.Rows[1].Cell
			}
			if tb.Name == "pending" && tb.Total != pendingRow {
				t.Errorf("seed %d: the pending table's total %+v is not caseload's pending row %+v", seed, tb.Total, pendingRow)
			}
			if tb.Name == "pending" && tb.Total.Suppressed {
				for _, r := range tb.Rows {
					if !r.Suppressed && r.Count > 0 {
						t.Errorf("seed %d: pending.%s = %d published under a suppressed total", seed, r.Label, r.Count)
					}
				}
			}
			group := tb.Name
			if len(group) > 8 && group[:8] == "received" {
				group = "received"
			} else if len(group) > 8 && group[:8] == "feedback" && group != "feedback_comments" {
				group = "feedback"
			}
			if prev, ok := totals[group]; ok && tb.HasTotal && prev != tb.Total {
				t.Errorf("seed %d: %s shows total %+v, its group %+v", seed, tb.Name, tb.Total, prev)
			}
			if tb.HasTotal {
				totals[group] = tb.Total
			}
		}
		for _, st := range rep.Stages {
			if !st.N.Suppressed && under(st.N.Count) {
				t.Errorf("seed %d: stage %s published over %d cases", seed, st.Stage, st.N.Count)
			}
			if st.N.Suppressed && (st.Median != 0 || st.P90 != 0) {
				t.Errorf("seed %d: stage %s suppressed but shows its times", seed, st.Stage)
			}
		}
		if !rep.Unreadable.Suppressed && under(rep.Unreadable.Count) {
			t.Errorf("seed %d: unreadable count %d under K", seed, rep.Unreadable.Count)
		}
	}
}

// TestProtectIsSafeOnRandomCounts checks the suppression of one table
// against every reading of a published total, on random counts.
func TestProtectIsSafeOnRandomCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		counts := make([]int, 1+r.IntN(8))
		for i := range counts {
			counts[i] = []int{0, 0, 1, 2, 3, 4, 5, 6, 9, 20}[r.IntN(10)]
		}
		tb := publish(rawTable{name: "t", labels: make([]string, len(counts)), counts: counts, hasTotal: true})[0]
		checkTable(t, tb)
		for i, row := range tb.Rows {
			if !row.Suppressed && row.Count != counts[i] {
				t.Fatalf("%v: row %d published as %d", counts, i, row.Count)
			}
		}
		if t.Failed() {
			t.Fatalf("counts %v", counts)
		}
	}
}

// fixedStore stores n copies of history h, starting on start.
func fixedStore(t *testing.T, h []step, n int, start string) casestore.Store {
	s := newMemory(t)
	t.Cleanup(func() { s.Close() })
	for i := range n {
		hd, evs := synthetic(rand.New(rand.NewPCG(uint64(i), 1)), civil.MustParse(start), 1, h, "employee")
		_, err := s.Create(context.Background(), "case-"+string(rune('a'+i)), hd, evs...)
		require.NoError(t, err)
	}
	return s
}

// table returns the report's table named name.
func table(t *testing.T, r *AnnualReport, name string) map[string]Cell {
	t.Helper()
	for _, tb := range r.Tables {
		if tb.Name == name {
			m := map[string]Cell{"total": tb.Total}
			for _, row := range tb.Rows {
				m[row.Label] = row.Cell
			}
			return m
		}
	}
	t.Fatalf("no table %s", name)
	return nil
}

func TestReportCountsSixCasesToClosure(t *testing.T) {
	s := fixedStore(t, histories[0], 6, "2025-03-03")
	r, err := Report(context.Background(), s, testOrg, 2025, ReportOptions{})
	require.NoError(t, err)
	got := table(t, r, "received_by_route")
	require.Equal(t, Cell{Count: 6}, got["inquiry_committee"])
	require.Equal(t, Cell{Count: 6}, got["total"])
	require.Equal(t, Cell{Count: 0}, got["ombudsperson"])
	require.Equal(t, Cell{Count: 6}, table(t, r, "findings")["guilty"])
	require.Equal(t, Cell{Count: 6}, table(t, r, "penalties")["censure"])
	require.Equal(t, Cell{Count: 6}, table(t, r, "appeals_decided")["guilty"])
	require.Equal(t, Cell{Count: 6}, table(t, r, "events")["appeals_filed"])
	require.Equal(t, Cell{Count: 6}, table(t, r, "caseload")["disposed"])
	require.Equal(t, Cell{Count: 0}, table(t, r, "caseload")["pending"])
	require.Equal(t, Stage{Stage: "charges", N: Cell{Count: 6}, Median: 3, P90: 3}, r.Stages[0])
	// The same cases a year later: nothing received, nothing pending.
	r, err = Report(context.Background(), s, testOrg, 2026, ReportOptions{})
	require.NoError(t, err)
	require.Equal(t, Cell{Count: 0}, table(t, r, "received_by_route")["total"])
}

func TestReportSuppressesSmallCountsAndAddsOrganisationsFirst(t *testing.T) {
	// Three cases in each of two organisations, stopped after the findings.
	partial := histories[0][:5]
	a, b := fixedStore(t, partial, 3, "2025-05-05"), fixedStore(t, partial, 3, "2025-05-05")
	one, err := Report(context.Background(), a, testOrg, 2025, ReportOptions{})
	require.NoError(t, err)
	require.Equal(t, Cell{Suppressed: true}, table(t, one, "received_by_route")["inquiry_committee"])
	require.Equal(t, Cell{Suppressed: true}, table(t, one, "received_by_route")["total"])
	require.Equal(t, Cell{Suppressed: true}, table(t, one, "findings")["guilty"])
	require.True(t, one.Stages[0].Suppressed)
	other := *testOrg
	other.ID = "zenith"
	both, err := ReportAll(context.Background(), []Source{{testOrg, a}, {&other, b}}, 2025, ReportOptions{})
	require.NoError(t, err)
	require.Equal(t, []string{"acme", "zenith"}, both.Organisations)
	require.Equal(t, Cell{Count: 6}, table(t, both, "received_by_route")["inquiry_committee"])
	require.Equal(t, Cell{Count: 6}, table(t, both, "caseload")["pending"])
	require.False(t, both.Stages[1].Suppressed)
}

func TestReportComplementarySuppression(t *testing.T) {
	// Six to the committee and two to the Ombudsperson: the two are
	// suppressed, and so are the six, or the total would give them away.
	s := fixedStore(t, histories[0][:2], 6, "2025-02-03")
	hd, evs := synthetic(rand.New(rand.NewPCG(9, 9)), civil.MustParse("2025-02-03"), 1, histories[4][:1], "employee")
	_, err := s.Create(context.Background(), "case-y", hd, evs...)
	require.NoError(t, err)
	_, err = s.Create(context.Background(), "case-z", hd, evs...)
	require.NoError(t, err)
	r, err := Report(context.Background(), s, testOrg, 2025, ReportOptions{})
	require.NoError(t, err)
	got := table(t, r, "received_by_route")
	require.Equal(t, Cell{Count: 8}, got["total"])
	require.Equal(t, Cell{Suppressed: true}, got["ombudsperson"])
	require.Equal(t, Cell{Suppressed: true}, got["inquiry_committee"])
	require.Equal(t, Cell{Count: 0}, got["informal"])
}

func TestPublishNested(t *testing.T) {
	tests := []struct {
		name          string
		parent, child []int
		want          [2]Table
	}{
		{"child protected", []int{10, 8}, []int{6, 2},
			[2]Table{{Rows: []Row{{"disposed", Cell{Count: 10}}, {"pending", Cell{Count: 8}}}, HasTotal: true, Total: Cell{Count: 18}},
				{Rows: []Row{{"past_deadline", Cell{Suppressed: true}}, {"within_deadlines", Cell{Suppressed: true}}}, HasTotal: true, Total: Cell{Count: 8}}}},
		{"child cannot be: the pending row goes too", []int{10, 5}, []int{4, 1},
			[2]Table{{Rows: []Row{{"disposed", Cell{Suppressed: true}}, {"pending", Cell{Suppressed: true}}}, HasTotal: true, Total: Cell{Count: 15}},
				{Rows: []Row{{"past_deadline", Cell{Suppressed: true}}, {"within_deadlines", Cell{Suppressed: true}}}, HasTotal: true, Total: Cell{Suppressed: true}}}},
		{"a zero child row stays", []int{0, 7}, []int{7, 0},
			[2]Table{{Rows: []Row{{"disposed", Cell{}}, {"pending", Cell{Count: 7}}}, HasTotal: true, Total: Cell{Count: 7}},
				{Rows: []Row{{"past_deadline", Cell{Count: 7}}, {"within_deadlines", Cell{}}}, HasTotal: true, Total: Cell{Count: 7}}}},
	}
	for _, tt := range tests {
		got := publishNested(rawTable{name: "caseload", labels: []string{"disposed", "pending"}, counts: tt.parent, hasTotal: true}, 1,
			rawTable{name: "pending", labels: []string{"past_deadline", "within_deadlines"}, counts: tt.child, hasTotal: true})
		tt.want[0].Name, tt.want[1].Name = "caseload", "pending"
		require.Equal(t, tt.want[:], got, tt.name)
	}
}
