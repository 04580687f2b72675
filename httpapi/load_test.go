package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/httpapi"
)

// TestLoad is a bounded load test on 127.0.0.1, run only when
// HIFAZAT_LOADTEST=1: for 1, 16 and 64 concurrent clients it appends events
// over HTTP, shows cases over HTTP, and appends straight to the store (the
// baseline), each phase at most loadRequests operations or loadTime, and
// logs operations per second with p50 and p99 latency.
//
//	HIFAZAT_LOADTEST=1 go test -run TestLoad -v ./httpapi
func TestLoad(t *testing.T) {
	if os.Getenv("HIFAZAT_LOADTEST") != "1" {
		t.Skip("set HIFAZAT_LOADTEST=1 to run the load test")
	}
	const loadRequests, loadTime = 4000, 5 * time.Second
	ctx := context.Background()
	store, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "load.db"), casestore.Options{})
	require.NoError(t, err)
	defer store.Close()
	tok, entry, err := httpapi.Issue(httpapi.Actor{ID: "ic-1", Role: httpapi.InquiryCommittee, Org: "load"})
	require.NoError(t, err)
	srv, err := httpapi.New(httpapi.Config{Store: store, Tokens: []httpapi.TokenEntry{entry}, Rate: rate.Inf,
		Today: func() civil.Date { return civil.MustParse("2026-03-10") }, Now: testNow})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128}}

	note := casefsm.Event{Type: casefsm.AddNote, On: civil.MustParse("2026-03-03"), By: casefsm.InquiryCommittee}
	noteJSON, err := json.Marshal(note)
	require.NoError(t, err)
	file, err := casefsm.Decode(strings.NewReader(caseFile))
	require.NoError(t, err)
	header, events := file.Header, file.Events
	// newCases files one case per client, so that clients never conflict.
	newCases := func(n int) []string {
		ids := make([]string, n)
		for i := range ids {
			c, err := store.Create(ctx, "", header, events...)
			require.NoError(t, err)
			ids[i] = c.ID
		}
		return ids
	}
	do := func(method, url, body, ifMatch string) error {
		req, _ := http.NewRequest(method, url, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("If-Match", ifMatch)
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("%s %s: %d", method, url, resp.StatusCode)
		}
		return nil
	}
	ops := map[string]func(id string, version int64) error{
		"store append": func(id string, v int64) error {
			_, err := store.Append(ctx, id, v, note)
			return err
		},
		"HTTP append": func(id string, v int64) error {
			return do("POST", base+"/v1/cases/"+id+"/events", string(noteJSON), strconv.Quote(strconv.FormatInt(v, 10)))
		},
		"HTTP show": func(id string, _ int64) error {
			return do("GET", base+"/v1/cases/"+id, "", "")
		},
	}
	// The three operations take turns in short rounds, so that the noise
	// of a shared machine falls on each alike.
	const rounds = 3
	t.Logf("%-13s %7s %9s %9s %9s %6s", "operation", "clients", "ops/s", "p50", "p99", "ops")
	names := []string{"store append", "HTTP append", "HTTP show"}
	for _, clients := range []int{1, 16, 64} {
		total := map[string]loadResult{}
		for range rounds {
			for _, name := range names {
				r := run(clients, loadRequests/rounds, loadTime/rounds, newCases(clients), ops[name])
				require.NoError(t, r.err, name)
				total[name] = total[name].add(r)
			}
		}
		for _, name := range names {
			r := total[name].summary()
			t.Logf("%-13s %7d %9.0f %9s %9s %6d", name, clients, r.rate, r.p50, r.p99, len(r.lat))
		}
	}
}

// loadResult is what one or more runs of an operation measured.
type loadResult struct {
	lat      []time.Duration
	elapsed  time.Duration
	rate     float64
	p50, p99 time.Duration
	err      error
}

func (a loadResult) add(b loadResult) loadResult {
	return loadResult{lat: append(a.lat, b.lat...), elapsed: a.elapsed + b.elapsed, err: cmpOr(a.err, b.err)}
}

// summary fills in the rate and the percentiles.
func (a loadResult) summary() loadResult {
	slices.Sort(a.lat)
	if len(a.lat) > 0 {
		a.rate = float64(len(a.lat)) / a.elapsed.Seconds()
		a.p50 = a.lat[len(a.lat)/2].Round(time.Microsecond)
		a.p99 = a.lat[len(a.lat)*99/100].Round(time.Microsecond)
	}
	return a
}

// run runs op from clients goroutines, each on its own case with its own
// version count, until total operations or the time limit.
func run(clients, total int, limit time.Duration, ids []string, op func(string, int64) error) loadResult {
	var mu sync.Mutex
	var lat []time.Duration
	var firstErr error
	deadline := time.Now().Add(limit)
	per := max(total/clients, 1)
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			version := int64(1)
			mine := make([]time.Duration, 0, per)
			for i := 0; i < per && time.Now().Before(deadline); i++ {
				t0 := time.Now()
				if err := op(ids[c], version); err != nil {
					mu.Lock()
					firstErr = cmpOr(firstErr, err)
					mu.Unlock()
					break
				}
				mine = append(mine, time.Since(t0))
				version++
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return loadResult{lat: lat, elapsed: time.Since(start), err: firstErr}
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
