package casestore_test

import (
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/storetest"
)

func TestMemoryConformance(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T) casestore.Store {
			return casestore.NewMemory(casestore.Options{})
		},
	})
}
