package casestore

import (
	"bytes"
	"errors"
	"sync"

	"github.com/hifazat/hifazat/casefsm"
)

// maxDecodedBytes bounds the JSON a decodeCache generation remembers; the
// cache holds at most two generations.
const maxDecodedBytes = 4 << 20

// decodeCache remembers what casefsm decoded from headers and events, keyed
// by their canonical JSON. The values are shared read-only: casefsm copies
// the header and every event it keeps. It is safe for concurrent use.
type decodeCache struct {
	mu      sync.Mutex
	headers recent[casefsm.Header] // guarded by mu
	events  recent[casefsm.Event]  // guarded by mu
}

// decode returns the case file casefsm reads for h and events, decoding in
// one casefsm.Decode call only the header and events not remembered. An
// error is casefsm's, with event indexes counted in events.
func (d *decodeCache) decode(h Header, events []Event) (*casefsm.CaseFile, error) {
	f := &casefsm.CaseFile{Events: make([]casefsm.Event, len(events))}
	var missing []int // indexes in events
	d.mu.Lock()
	hdr, haveHeader := d.headers.get(h.raw)
	for i, e := range events {
		var ok bool
		if f.Events[i], ok = d.events.get(e.raw); !ok {
			missing = append(missing, i)
		}
	}
	d.mu.Unlock()
	if haveHeader && len(missing) == 0 {
		f.Header = hdr
		return f, nil
	}

	toDecode := make([]Event, len(missing))
	for j, i := range missing {
		toDecode[j] = events[i]
	}
	src := Header{raw: "{}"}
	if !haveHeader {
		src = h
	}
	got, err := casefsm.Decode(bytes.NewReader(appendCaseFile(nil, src, toDecode)))
	if err != nil {
		var in *casefsm.InputError
		if errors.As(err, &in) && in.Index >= 0 {
			c := *in
			c.Index = missing[in.Index]
			return nil, &c
		}
		return nil, err
	}
	if haveHeader {
		f.Header = hdr
	} else {
		f.Header = got.Header
	}
	for j, i := range missing {
		f.Events[i] = got.Events[j]
	}

	d.mu.Lock()
	defer d.mu.Unlock()
	if !haveHeader {
		d.headers.put(h.raw, got.Header)
	}
	for j, i := range missing {
		d.events.put(events[i].raw, got.Events[j])
	}
	return f, nil
}

// recent maps keys to values, forgetting the least recently used half once
// the keys of the newer half reach maxDecodedBytes.
type recent[V any] struct {
	cur, old map[string]V
	size     int // bytes of the keys in cur
}

func (r *recent[V]) get(k string) (V, bool) {
	if v, ok := r.cur[k]; ok {
		return v, true
	}
	v, ok := r.old[k]
	if ok {
		r.put(k, v)
	}
	return v, ok
}

func (r *recent[V]) put(k string, v V) {
	if r.size+len(k) > maxDecodedBytes {
		r.old, r.cur, r.size = r.cur, nil, 0
	}
	if r.cur == nil {
		r.cur = map[string]V{}
	}
	if _, ok := r.cur[k]; !ok {
		r.size += len(k)
	}
	r.cur[k] = v
}
