package httpapi_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/httpapi"
)

// observed counts every response of every test's server, so that TestMain
// can check that each status code a route answered is documented.
var observed = httpapi.NewMetrics()

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if err := undocumented(); err != nil {
			fmt.Fprintln(os.Stderr, "FAIL:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// openAPI is the part of the document the checks read.
type openAPI struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		Responses map[string]json.RawMessage `json:"responses"`
		Security  *[]any                     `json:"security"`
	} `json:"paths"`
}

func loadOpenAPI(t testing.TB) openAPI {
	var doc openAPI
	dec := json.NewDecoder(bytes.NewReader(httpapi.OpenAPI))
	require.NoError(t, dec.Decode(&doc))
	return doc
}

// TestOpenAPIRoutes: the document describes exactly the registered routes,
// each public route without security, and every $ref resolves.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	assert.Equal(t, "3.1.0", doc.OpenAPI)
	f := newFixture(t)
	registered := map[string]bool{}
	for _, pattern := range f.srv.Routes() {
		method, path, _ := strings.Cut(pattern, " ")
		registered[pattern] = true
		op, ok := doc.Paths[path][strings.ToLower(method)]
		if !assert.True(t, ok, "route %s is not in openapi.json", pattern) {
			continue
		}
		assert.Contains(t, op.Responses, "500", pattern)
		if !strings.HasPrefix(path, "/v1/") {
			assert.NotNil(t, op.Security, "%s is public: security: []", pattern)
			continue
		}
		for _, code := range []string{"401", "429"} {
			assert.Contains(t, op.Responses, code, pattern)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			assert.True(t, registered[strings.ToUpper(method)+" "+path], "openapi.json documents %s %s, which no route serves", method, path)
		}
	}
	var all any
	require.NoError(t, json.Unmarshal(httpapi.OpenAPI, &all))
	for _, ref := range regexp.MustCompile(`"\$ref":\s*"#/([^"]+)"`).FindAllStringSubmatch(string(httpapi.OpenAPI), -1) {
		node := all
		for _, part := range strings.Split(ref[1], "/") {
			m, ok := node.(map[string]any)
			require.True(t, ok, ref[0])
			node, ok = m[part]
			require.True(t, ok, "%s does not resolve", ref[0])
		}
	}
}

// undocumented returns an error naming each route and status code the tests
// saw answered that openapi.json does not document.
func undocumented() error {
	var doc openAPI
	if err := json.Unmarshal(httpapi.OpenAPI, &doc); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := observed.WriteTo(&buf); err != nil {
		return err
	}
	line := regexp.MustCompile(`^hifazat_http_requests_total\{route="(\w+) ([^"]+)",code="(\d+)"\}`)
	var missing []string
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if _, ok := doc.Paths[m[2]][strings.ToLower(m[1])].Responses[m[3]]; !ok {
			missing = append(missing, m[1]+" "+m[2]+" "+m[3])
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("openapi.json does not document these responses the tests saw: %s", strings.Join(missing, "; "))
	}
	return nil
}

// TestOpenAPIField: the document's Field schema has exactly the members
// casefsm.Field writes, and its kinds are casefsm's.
func TestOpenAPIField(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Enum []string `json:"enum"`
				} `json:"properties"`
				Required []string `json:"required"`
			} `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(httpapi.OpenAPI, &doc))
	schema := doc.Components.Schemas["Field"]
	b, err := json.Marshal(casefsm.Field{Name: "finding", Kind: casefsm.FieldEnum, Values: []string{"guilty"}})
	require.NoError(t, err)
	var written map[string]any
	require.NoError(t, json.Unmarshal(b, &written))
	assert.ElementsMatch(t, slices.Collect(maps.Keys(written)), slices.Collect(maps.Keys(schema.Properties)), "Field's members")
	var kinds []string
	for k := casefsm.FieldKind(1); k.IsValid(); k++ {
		kinds = append(kinds, k.String())
	}
	assert.Equal(t, kinds, schema.Properties["kind"].Enum, "the kinds")
}
