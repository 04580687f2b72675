package storetest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The crash and multi-process tests run the test binary again as writer
// processes, which tell themselves apart by these variables.
const (
	envLocation = "HIFAZAT_STORETEST_CHILD_LOCATION"
	envTest     = "HIFAZAT_STORETEST_CHILD_TEST"
	envProcess  = "HIFAZAT_STORETEST_CHILD_PROCESS"
	ackPrefix   = "storetest-ack "
)

const (
	crashWriters = 4   // goroutines in the writer process, one case each
	crashAcks    = 120 // acknowledged appends to wait for before the kill
	crashLimit   = 20000
)

// childLocation returns the location to write to if this process is a
// writer process of the test running as t, or "".
func childLocation(t *testing.T) string {
	if os.Getenv(envTest) != t.Name() {
		return ""
	}
	return os.Getenv(envLocation)
}

// runCrash is the crash test: a writer process appends to a store and
// reports each acknowledged append; it is killed with SIGKILL mid-stream;
// the store must then open cleanly, hold every acknowledged event, verify
// intact and accept new appends.
func runCrash(t *testing.T, h Harness) {
	if loc := childLocation(t); loc != "" {
		crashWriter(t, h, loc)
		return
	}
	loc := h.NewLocation(t)
	acks := runWriter(t, loc)

	ctx := context.Background()
	s, err := h.Open(ctx, loc)
	require.NoError(t, err, "Open(%s) after the writer was killed", loc)
	defer s.Close()
	last := map[string]int64{}
	for _, a := range acks {
		c, err := s.Load(ctx, a.id)
		require.NoError(t, err, "Load(%s) after the crash", a.id)
		require.GreaterOrEqual(t, c.Version(), a.version, "case %s lost acknowledged version %d", a.id, a.version)
		assert.Equal(t, a.hash, c.Records[a.version-1].Hash.String(), "case %s version %d: hash of the acknowledged event", a.id, a.version)
		last[a.id] = max(last[a.id], a.version)
	}
	for id := range last {
		v, err := s.Verify(ctx, id)
		require.NoError(t, err, "Verify(%s) after the crash", id)
		assert.True(t, v.Intact(), "Verify(%s) after the crash = %v", id, v)
		c := load(t, s, id)
		_, err = s.Append(ctx, id, c.Version(), note(-1))
		assert.NoError(t, err, "Append(%s) after the crash", id)
	}
}

// childCommand returns the command that runs this test binary again as
// writer process number n of the test running as t, writing to loc. Its
// stderr is this process's.
func childCommand(ctx context.Context, t *testing.T, loc string, n int) *exec.Cmd {
	var pattern []string
	for _, part := range strings.Split(t.Name(), "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run="+strings.Join(pattern, "/"), "-test.count=1", "-test.v=false")
	cmd.Env = append(os.Environ(), envLocation+"="+loc, envTest+"="+t.Name(), fmt.Sprintf("%s=%d", envProcess, n))
	cmd.Stderr = os.Stderr
	return cmd
}

type crashAck struct {
	id      string
	version int64
	hash    string
}

// runWriter starts the writer process on loc, reads its acknowledgements,
// kills it with SIGKILL after crashAcks of them, and returns them.
func runWriter(t *testing.T, loc string) []crashAck {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := childCommand(ctx, t, loc, 0)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err, "writer process stdout")
	require.NoError(t, cmd.Start(), "start the writer process")

	var acks []crashAck
	lines := bufio.NewScanner(out)
	for lines.Scan() && len(acks) < crashAcks {
		rest, ok := strings.CutPrefix(lines.Text(), ackPrefix)
		if !ok {
			continue
		}
		var a crashAck
		_, err := fmt.Sscanf(rest, "%s %d %s", &a.id, &a.version, &a.hash)
		require.NoError(t, err, "writer process line %q", lines.Text())
		acks = append(acks, a)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL), "SIGKILL the writer process")
	// Acknowledgements written before the kill landed are acknowledged too.
	for lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), ackPrefix); ok {
			var a crashAck
			if _, err := fmt.Sscanf(rest, "%s %d %s", &a.id, &a.version, &a.hash); err == nil {
				acks = append(acks, a)
			}
		}
	}
	err = cmd.Wait()
	require.Error(t, err, "the writer process ended on its own before the kill")
	require.GreaterOrEqual(t, len(acks), crashAcks, "acknowledgements from the writer process")
	return acks
}

// crashWriter is the body of the writer process: crashWriters goroutines
// append notes to a case each until killed, printing each acknowledged
// append.
func crashWriter(t *testing.T, h Harness, loc string) {
	ctx := context.Background()
	s, err := h.Open(ctx, loc)
	require.NoError(t, err, "writer: Open(%s)", loc)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range crashWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("crash-%d", w)
			c, err := s.Create(ctx, id, hdr(), ev(fileEvent))
			if err != nil {
				t.Errorf("writer: Create(%s): %v", id, err)
				return
			}
			for n := range crashLimit {
				c, err = s.Append(ctx, id, c.Version(), note(n))
				if err != nil {
					t.Errorf("writer: Append(%s): %v", id, err)
					return
				}
				mu.Lock()
				fmt.Printf("%s%s %d %s\n", ackPrefix, id, c.Version(), c.Head)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}
