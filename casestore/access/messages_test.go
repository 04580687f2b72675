package access_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore/access"
)

// TestDeniedSaysWhat: a refused list names no empty case.
func TestDeniedSaysWhat(t *testing.T) {
	a := access.Actor{ID: "e-17", Role: casefsm.Complainant}
	listed := (&access.DeniedError{Actor: a, Reason: "only the forums list cases"}).Error()
	assert.Equal(t, "access: e-17 as complainant may not read the store's cases: only the forums list cases", listed)
	read := (&access.DeniedError{Actor: a, Case: "case-1", Reason: "r"}).Error()
	assert.Equal(t, "access: e-17 as complainant may not read case case-1: r", read)
}
