package committee_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/policy"
)

// FuzzParse checks that Parse never panics and that whatever it accepts
// survives a JSON round trip unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte(committeeJSON))
	f.Add([]byte(committeeYAML))
	f.Add([]byte(`{"members": [{"id": "W1", "gender": "f"}]}`))
	f.Add([]byte("members:\n  - id: W1\n    trained_on: 2024-02-29\n"))
	f.Add([]byte("members: [\n"))
	f.Add([]byte(`{"has_cba": true, "members": null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := committee.Parse(data)
		if err != nil {
			require.ErrorIs(t, err, committee.ErrMalformed, "Parse(%q)", data)
			return
		}
		out, err := json.Marshal(c)
		require.NoError(t, err, "json.Marshal(Parse(%q))", data)
		back, err := committee.Parse(out)
		require.NoError(t, err, "Parse(%s) of Parse(%q)", out, data)
		assert.Equal(t, c, back, "round trip of %q through %s", data, out)
	})
}

// FuzzCheck builds committees, cases and overlay rules from arbitrary bytes
// (including out-of-range genders and seats, repeated and empty ids) and
// checks that Check never panics and that its report keeps its promises.
func FuzzCheck(f *testing.F) {
	f.Add([]byte{0, 1, 1, 2, 1, 1, 2, 2, 0, 0, 2, 2, 4, 0, 0}, []byte{2, 1, 1, 0, 3}, byte(0))
	f.Add([]byte{}, []byte{}, byte(0xff))
	f.Add([]byte{5, 9, 9, 3, 7, 0, 0, 0, 3, 3}, []byte{1, 5, 2, 5, 3, 5}, byte(0x15))
	v := committee.NewValidator()
	base := statute(f)
	f.Fuzz(func(t *testing.T, members, kase []byte, knobs byte) {
		c, rules, opts := fuzzInput(base, members, kase, knobs)
		r, err := v.Check(c, rules, opts)
		if err != nil {
			require.ErrorIs(t, err, committee.ErrInvalidCase, "Check(%+v, case %+v)", c, opts.Case)
			return
		}
		assert.Equal(t, len(r.Violations) == 0, r.Valid, "Valid matches the violations")
		for _, list := range [][]committee.Violation{r.Violations, r.Warnings} {
			require.NotNil(t, list)
			assert.True(t, slices.IsSortedFunc(list, func(a, b committee.Violation) int {
				if a.Code != b.Code {
					return int(a.Code) - int(b.Code)
				}
				return slices.Compare(a.Members, b.Members)
			}), "report order of %v", summary(list))
			for _, vi := range list {
				assert.True(t, vi.Code.IsValid(), "code %v", vi.Code)
				assert.NotNil(t, vi.Members, "members of %s", vi.Code)
				assert.True(t, slices.IsSorted(vi.Members), "members of %s sorted: %v", vi.Code, vi.Members)
				assert.NotEmpty(t, vi.Citation.Section, "citation of %s", vi.Code)
				assert.True(t, strings.HasSuffix(vi.Message, ")"), "message of %s ends with its citation: %q", vi.Code, vi.Message)
				assert.False(t, strings.HasPrefix(vi.Message, vi.Code.String()), "message of %s is translated: %q", vi.Code, vi.Message)
			}
		}
		if opts.Case == nil && knobs&8 == 0 {
			wantV, wantW := slowCodes(c)
			assert.Equal(t, wantV, codesOf(r.Violations), "violations of %+v against the slow reference", c)
			assert.Equal(t, wantW, codesOf(r.Warnings), "warnings of %+v against the slow reference", c)
		}
		again, err := v.Check(c, rules, opts)
		require.NoError(t, err)
		assert.Equal(t, r, again, "Check is deterministic")
	})
}

// fuzzInput decodes the fuzzer's bytes: five bytes per member, two per
// party, three per replacement or signal, and one byte of knobs.
func fuzzInput(base policy.CommitteeRules, members, kase []byte, knobs byte) (committee.Committee, policy.CommitteeRules, committee.CheckOptions) {
	id := func(b byte) string {
		if b%8 == 7 {
			return ""
		}
		return string(rune('A' + b%8))
	}
	mk := func(b []byte) committee.Member {
		m := committee.Member{ID: id(b[0]), Name: "Person", Gender: committee.Gender(b[1] % 6), Seat: committee.Seat(b[2] % 7),
			External: b[3]&1 != 0, Chair: b[3]&2 != 0}
		if b[3]&4 != 0 {
			m.TrainedOn = date("2024-01-31").AddMonths(int(b[4] % 24))
		}
		if b[3]&8 != 0 {
			m.Name = ""
		}
		return m
	}
	var c committee.Committee
	c.HasCBA, c.CannotDesignateInternally = knobs&1 != 0, knobs&2 != 0
	if knobs&4 != 0 {
		c.CompetentAuthority = "A"
	}
	for b := members; len(b) >= 5; b = b[5:] {
		c.Members = append(c.Members, mk(b))
	}
	rules := base
	if knobs&8 != 0 {
		rules.MinWomen = policy.Param[int]{Value: 2, Citation: overlay}
		rules.FemaleChair = policy.Param[bool]{Value: true, Citation: overlay}
		rules.TrainedWithinMonths = policy.Param[int]{Value: 12, Citation: overlay}
		rules.SignalsRefuse = policy.Param[bool]{Value: true, Citation: overlay}
	}
	opts := committee.CheckOptions{On: date("2025-01-31"), Language: committee.Language(knobs >> 7)}
	if knobs&16 != 0 {
		k := &committee.Case{AccusedIsCompetentAuthority: knobs&32 != 0}
		for len(kase) >= 3 {
			switch kase[0] % 3 {
			case 0:
				k.Parties = append(k.Parties, committee.Party{Role: committee.Role(kase[1] % 4), ID: id(kase[2])})
			case 1:
				k.Replacements = append(k.Replacements, committee.Replacement{Out: id(kase[1]), In: mk([]byte{kase[2], kase[1], kase[2], kase[1] & 3, 0})})
			case 2:
				k.Signals = append(k.Signals, committee.Signal{Member: id(kase[1]), Kind: committee.SignalKind(kase[2] % 4), With: id(kase[2])})
			}
			kase = kase[3:]
		}
		opts.Case = k
	}
	return c, rules, opts
}
