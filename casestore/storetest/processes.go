package storetest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The multi-process test: procWriters goroutines in each of procCount
// writer processes append procAppends notes each to procCases shared cases.
const (
	procCount   = 4
	procWriters = 2
	procCases   = 4
	procAppends = 8
	// procAttempts bounds the reads and appends a writer makes for one
	// note before it gives up.
	procAttempts = 500

	readyLine    = "storetest-ready"
	goLine       = "go"
	conflictPref = "storetest-conflicts "
)

// procWriter numbers the writers across processes; writer g appends to
// case g % procCases, so every case has writers in two processes.
func procCase(process, writer int) string {
	return fmt.Sprintf("proc-%d", (process*procWriters+writer)%procCases)
}

// procNote is the note writer w of process p appends n-th.
func procNote(p, w, n int) casefsm.Event {
	return ev(fmt.Sprintf(`{"type":"add_note","on":"2026-03-04","by":"inquiry_committee","note":"%s"}`, procTag(p, w, n)))
}

func procTag(p, w, n int) string { return fmt.Sprintf("p%d-w%d-n%d", p, w, n) }

// runProcesses is the multi-process test: several writer processes open the
// same location and append to the same cases at once. Every writer reads
// version 1 of its case before any of them appends, so every case must
// report conflicts. Afterwards every acknowledged event must be stored
// exactly once, at the version and with the hash acknowledged, versions
// must be contiguous, and every case must verify intact.
func runProcesses(t *testing.T, h Harness) {
	if loc := childLocation(t); loc != "" {
		procChild(t, h, loc)
		return
	}
	ctx := context.Background()
	loc := h.NewLocation(t)
	s, err := h.Open(ctx, loc)
	require.NoError(t, err, "Open(%s)", loc)
	defer s.Close()
	for c := range procCases {
		filed(t, s, fmt.Sprintf("proc-%d", c))
	}

	acks, conflicts := runChildren(t, loc)
	t.Logf("%d writer processes acknowledged %d appends and met %d conflicts", procCount, len(acks), conflicts)

	assert.GreaterOrEqual(t, conflicts, int64(procCases*(procCount*procWriters/procCases-1)), "conflicts reported by the writer processes")
	require.Len(t, acks, procCount*procWriters*procAppends, "acknowledged appends")
	ids := make([]string, procCases)
	for c := range ids {
		ids[c] = fmt.Sprintf("proc-%d", c)
	}
	checkAcknowledged(t, s, ids, acks)
}

// runChildren starts the writer processes on loc, lets them append once
// every writer has read its case, and returns their acknowledgements and
// the conflicts they met.
func runChildren(t *testing.T, loc string) ([]ack, int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	type child struct {
		stdin io.WriteCloser
		lines *bufio.Scanner
		wait  func() error
	}
	children := make([]child, procCount)
	for p := range children {
		cmd := childCommand(ctx, t, loc, p)
		stdin, err := cmd.StdinPipe()
		require.NoError(t, err, "writer process %d stdin", p)
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err, "writer process %d stdout", p)
		require.NoError(t, cmd.Start(), "start writer process %d", p)
		t.Cleanup(func() { cmd.Process.Kill() }) // after Wait, a no-op
		children[p] = child{stdin, bufio.NewScanner(stdout), cmd.Wait}
	}
	for p, c := range children {
		ready := false
		for !ready && c.lines.Scan() {
			ready = c.lines.Text() == readyLine
		}
		require.True(t, ready, "writer process %d ended before it was ready (see its output above)", p)
	}
	for p, c := range children {
		_, err := io.WriteString(c.stdin, goLine+"\n")
		require.NoError(t, err, "tell writer process %d to go", p)
	}

	var (
		mu        sync.Mutex
		acks      []ack
		conflicts int64
		wg        sync.WaitGroup
		errs      = make([]error, procCount)
	)
	for p, c := range children {
		wg.Go(func() {
			var mine []ack
			var n int64
			for c.lines.Scan() {
				a, k, err := parseProcLine(c.lines.Text())
				switch {
				case err != nil:
					errs[p] = err
				case a.id != "":
					mine = append(mine, a)
				default:
					n += k
				}
			}
			if err := c.wait(); err != nil && errs[p] == nil {
				errs[p] = fmt.Errorf("exited with %v (see its output above)", err)
			}
			mu.Lock()
			defer mu.Unlock()
			acks, conflicts = append(acks, mine...), conflicts+n
		})
	}
	wg.Wait()
	for p, err := range errs {
		require.NoError(t, err, "writer process %d", p)
	}
	return acks, conflicts
}

// parseProcLine reads one line a writer process printed: an
// acknowledgement, its count of conflicts, or anything else (ignored).
func parseProcLine(line string) (ack, int64, error) {
	if rest, ok := strings.CutPrefix(line, conflictPref); ok {
		n, err := strconv.ParseInt(rest, 10, 64)
		return ack{}, n, err
	}
	rest, ok := strings.CutPrefix(line, ackPrefix)
	if !ok {
		return ack{}, 0, nil
	}
	var a ack
	var p, w, n int
	if _, err := fmt.Sscanf(rest, "%s %d %s p%d-w%d-n%d", &a.id, &a.version, &a.hash, &p, &w, &n); err != nil {
		return ack{}, 0, fmt.Errorf("line %q: %w", line, err)
	}
	a.event = procNote(p, w, n)
	return a, 0, nil
}

// procChild is the body of writer process number HIFAZAT_STORETEST_CHILD_PROCESS:
// its writers read their cases, say they are ready, wait for the word, and
// append their notes, reloading on each conflict. It prints each
// acknowledged append and, at the end, the conflicts it met.
func procChild(t *testing.T, h Harness, loc string) {
	p, err := strconv.Atoi(os.Getenv(envProcess))
	require.NoError(t, err, "writer: %s", envProcess)
	ctx := context.Background()
	s, err := h.Open(ctx, loc)
	require.NoError(t, err, "writer %d: Open(%s)", p, loc)
	defer s.Close()

	read := make([]casestore.Case, procWriters)
	for w := range read {
		read[w] = load(t, s, procCase(p, w))
	}
	fmt.Println(readyLine)
	if line, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil || line != goLine+"\n" {
		t.Fatalf("writer %d: waiting for %q: read %q, %v", p, goLine, line, err)
	}

	var (
		mu        sync.Mutex // serialises output lines
		conflicts int64
		wg        sync.WaitGroup
	)
	for w := range procWriters {
		wg.Go(func() {
			c, id := read[w], read[w].ID
			for n := range procAppends {
				e := procNote(p, w, n)
				for attempt := 0; ; attempt++ {
					if attempt == procAttempts {
						t.Errorf("writer %d/%d: no append of note %d succeeded in %d attempts", p, w, n, procAttempts)
						return
					}
					got, err := s.Append(ctx, id, c.Version(), e)
					if errors.Is(err, casestore.ErrConflict) {
						mu.Lock()
						conflicts++
						mu.Unlock()
						if c, err = s.Load(ctx, id); err != nil {
							t.Errorf("writer %d/%d: Load(%s): %v", p, w, id, err)
							return
						}
						continue
					}
					if err != nil {
						t.Errorf("writer %d/%d: Append(%s, %d): %v", p, w, id, c.Version(), err)
						return
					}
					c = got
					mu.Lock()
					fmt.Printf("%s%s %d %s %s\n", ackPrefix, c.ID, c.Version(), c.Head, procTag(p, w, n))
					mu.Unlock()
					break
				}
			}
		})
	}
	wg.Wait()
	fmt.Printf("%s%d\n", conflictPref, conflicts)
}
