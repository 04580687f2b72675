package sqlstore

import (
	"slices"
	"sync"

	"github.com/hifazat/hifazat/casestore"
)

// maxCachedBytes bounds the JSON of the cases a Store remembers.
const maxCachedBytes = 8 << 20

// caseCache remembers the cases a Store last loaded or appended to, so that
// an append at the version remembered (most appends follow a Load or an
// Append of the same case in the same process) validates without reading
// the case back. It is only a hint: the append's write checks the stored
// version and head, and a case remembered wrongly costs a conflict or a
// read, never a wrong write. It holds copies that share nothing with the
// cases handed out, and at most maxCachedBytes of headers and events. Its
// zero value is empty and ready; it is safe for concurrent use.
type caseCache struct {
	mu    sync.Mutex
	cases map[string]cachedCase // guarded by mu
	size  int                   // bytes of the cases, guarded by mu
}

type cachedCase struct {
	c    casestore.Case
	size int
}

// get returns case id as remembered, if it is remembered at version.
// The caller must not change the returned case's slices.
func (cc *caseCache) get(id string, version int64) (casestore.Case, bool) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	e, ok := cc.cases[id]
	if !ok || e.c.Version() != version {
		return casestore.Case{}, false
	}
	return e.c, true
}

// clear forgets every case.
func (cc *caseCache) clear() {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.cases, cc.size = nil, 0
}

// put remembers a copy of c, forgetting other cases (any of them) if that
// is needed to stay within maxCachedBytes. A case larger than an eighth of
// that is not remembered.
func (cc *caseCache) put(c casestore.Case) {
	size := len(c.Header.String())
	for _, r := range c.Records {
		size += len(r.Event.String())
	}
	c.Records = slices.Clone(c.Records)
	c.Projection.Deadlines = slices.Clone(c.Projection.Deadlines)

	cc.mu.Lock()
	defer cc.mu.Unlock()
	if old, ok := cc.cases[c.ID]; ok {
		delete(cc.cases, c.ID)
		cc.size -= old.size
	}
	if size > maxCachedBytes/8 {
		return
	}
	for id, e := range cc.cases {
		if cc.size+size <= maxCachedBytes {
			break
		}
		delete(cc.cases, id)
		cc.size -= e.size
	}
	if cc.cases == nil {
		cc.cases = map[string]cachedCase{}
	}
	cc.cases[c.ID] = cachedCase{c, size}
	cc.size += size
}
