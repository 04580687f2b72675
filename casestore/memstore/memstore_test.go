package memstore_test

import (
	"testing"

	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/memstore"
	"github.com/hifazat/hifazat/casestore/storetest"
	"github.com/stretchr/testify/require"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T) casestore.Store {
			s, err := memstore.New(casestore.Options{})
			require.NoError(t, err, "memstore.New")
			return s
		},
		Reopen: func(t *testing.T) func(*testing.T, casestore.Options) casestore.Store {
			base, err := memstore.New(casestore.Options{})
			require.NoError(t, err, "memstore.New")
			return func(t *testing.T, o casestore.Options) casestore.Store {
				s, err := base.Reopen(o)
				require.NoError(t, err, "Reopen")
				return s
			}
		},
		Tamper: memstore.Tamper,
	})
}
