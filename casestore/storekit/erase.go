package storekit

import (
	"fmt"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/civil"
)

// CheckErase decides whether the stored case sc, with the projection p
// and the holds stored beside it, may be erased on the day on: its record
// must open with the deployment's key and verify (so that its events, not
// an editable index, say it is terminal), it must be sealed and
// not erased already, terminal, under no hold, and past its retention
// period (see [casestore.Options.Retention]) counted from its last event's
// date. A refusal is a [*casestore.NotErasableError]; an altered record a
// [*casestore.TamperedError]. Stores call it in the erasing transaction,
// then drop the case's key and record the day.
func (k Kit) CheckErase(sc StoredCase, p casestore.Projection, holds []casestore.Hold, on civil.Date) error {
	if !on.IsValid() {
		return &casestore.MalformedError{Case: sc.ID, Field: "erase date", Reason: "erasing needs the caller's today"}
	}
	refuse := func(why, detail string) *casestore.NotErasableError {
		return &casestore.NotErasableError{Case: sc.ID, Why: why, Detail: detail}
	}
	if sc.Erased.IsValid() {
		return refuse(casestore.Already, fmt.Sprintf("it was erased on %s", sc.Erased))
	}
	// Opened with its key, so that its events, not an index anyone with
	// the database could edit, say it is terminal.
	if _, err := k.Open(sc, p); err != nil {
		return err
	}
	switch {
	case !Sealed(sc):
		return refuse(casestore.InClear, "it is stored in clear, so there is no key to destroy")
	case !p.State.Terminal():
		return refuse(casestore.NotTerminal, fmt.Sprintf("it is %s, not withdrawn or closed", p.State))
	case len(holds) > 0 && holds[len(holds)-1].InForce():
		return refuse(casestore.UnderHold, fmt.Sprintf("a hold placed on %s is in force: release it first", holds[len(holds)-1].On))
	}
	days := k.Retention
	if days == 0 {
		days = casestore.DefaultRetention
	}
	if days < 0 || len(sc.Rows) == 0 {
		return nil
	}
	last, _ := parseEnvelope(sc.Rows[len(sc.Rows)-1].Event) // sealed: checked above
	lastOn, err := civil.Parse(string(last.on))
	if err != nil {
		return Corrupt(sc.ID, "its last event's date", err)
	}
	if until := lastOn.AddDays(days + 1); on.Before(until) {
		e := refuse(casestore.Retained, fmt.Sprintf("its retention period (%d days after its last event on %s, a deployment parameter) ends on %s", days, lastOn, until.AddDays(-1)))
		e.Until = until
		return e
	}
	return nil
}

// Rewrap returns the wrapped key of case id wrapped again with the kit's
// Keys: unwrapped by whichever of its keys opens it, wrapped by its first.
// A key that does not open is a [*casestore.KeyError].
func (k Kit) Rewrap(id string, wrapped []byte) ([]byte, error) {
	if k.Keys == nil {
		return nil, &casestore.KeyError{Case: id, Err: casestore.ErrNoKey}
	}
	ck, err := k.Keys.Unwrap(id, wrapped)
	if err != nil {
		return nil, &casestore.KeyError{Case: id, Err: casestore.ErrWrongKey}
	}
	return k.Keys.Wrap(id, ck)
}
