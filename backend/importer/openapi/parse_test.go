package openapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/openapi"
)

func mustParse(t *testing.T, file string) importer.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	res, err := openapi.Parse(data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	return res
}

func candidate(t *testing.T, res importer.Result, key string) importer.Candidate {
	t.Helper()
	for _, c := range res.Candidates {
		if c.Key == key {
			return c
		}
	}
	t.Fatalf("no candidate %q among %d", key, len(res.Candidates))
	return importer.Candidate{}
}

// paramSummary writes a template's parameters as in:name:type[:R][=default].
func paramSummary(tpl core.ActionTemplate) string {
	var parts []string
	for _, p := range tpl.Params {
		s := fmt.Sprintf("%s:%s:%s", p.In, p.Name, p.Type)
		if p.Required {
			s += ":R"
		}
		if p.Default != "" {
			s += "=" + p.Default
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestParseOperations(t *testing.T) {
	res := mustParse(t, "shop.yaml")
	tests := []struct {
		key, name, method, path string
		kind                    core.Kind
		enc                     core.BodyEncoding
		params                  string
	}{
		{"listOffers", "List offers", "GET", "/offers", core.KindGet, core.BodyJSON,
			"query:status:enum query:from:date:R query:updated:datetime query:ids:array query:limit:integer=50 header:X-Trace:string query:filter:string"},
		{"POST /offers", "Create an offer", "POST", "/offers", core.KindAdd, core.BodyJSON,
			"body:name:string:R body:payout:number:R=1.5 body:status:enum=active body:tags:array body:targeting:string"},
		{"updateOffer", "Create an offer (2)", "PUT", "/offers/{offer_id}", core.KindEdit, core.BodyForm,
			"path:offer_id:integer:R body:name:string:R body:note:string body:payout:number:R=1.5 body:status:enum=active body:tags:array body:targeting:string"},
		{"DELETE /offers/{offer id}", "DELETE /offers/{offer id}", "DELETE", "/offers/{offer_id}", core.KindEdit, core.BodyJSON, "path:offer_id:integer:R"},
		{"GET /offers/{id}/stale", "GET /offers/{id}/stale", "GET", "/offers/{id}/stale", core.KindGet, core.BodyJSON, "path:id:string:R"},
	}
	if len(res.Candidates) != len(tests) {
		t.Fatalf("%d candidates, want %d", len(res.Candidates), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			tpl := candidate(t, res, tt.key).Template
			if tpl.Name != tt.name || tpl.Method != tt.method || tpl.Path != tt.path || tpl.Kind != tt.kind || tpl.BodyEncoding != tt.enc {
				t.Errorf("got %q %s %s %s %s", tpl.Name, tpl.Method, tpl.Path, tpl.Kind, tpl.BodyEncoding)
			}
			if got := paramSummary(tpl); got != tt.params {
				t.Errorf("params\n got %s\nwant %s", got, tt.params)
			}
		})
	}
}

func TestParseDetails(t *testing.T) {
	res := mustParse(t, "shop.yaml")
	list := candidate(t, res, "listOffers")
	if strings.Join(list.Template.Tags, ",") != "Offers,Reports" {
		t.Errorf("tags = %q", list.Template.Tags)
	}
	var sample map[string]any
	if err := json.Unmarshal([]byte(list.Example), &sample); err != nil || sample["offers"] == nil {
		t.Errorf("example = %q (%v)", list.Example, err)
	}
	p := list.Template.Params
	if strings.Join(p[0].Enum, ",") != "active,paused" || p[1].Example != "2024-01-01" || p[5].Description != "Trace id" {
		t.Errorf("enum %q, example %q, description %q", p[0].Enum, p[1].Example, p[5].Description)
	}
	post := candidate(t, res, "POST /offers").Template
	if post.Params[0].Description != "Offer name." {
		t.Errorf("description = %q", post.Params[0].Description)
	}
	del := candidate(t, res, "DELETE /offers/{offer id}").Template
	if !strings.HasPrefix(del.Notes, "Deprecated.") {
		t.Errorf("notes = %q", del.Notes)
	}
}

func TestParseWarnings(t *testing.T) {
	res := mustParse(t, "shop.yaml")
	want := []struct{ item, text string }{
		{"servers", "uses the first"},
		{"GET /offers", `Cookie parameter "session"`},
		{"GET /offers", `Field "filter" (query) is an object`},
		{"POST /offers", `Field "targeting" (body)`},
		{"GET /offers/{id}/stale", `Path parameter "other" has no {other}`},
		{"PUT /offers/{offer id}", "renamed {offer_id}"},
		{"HEAD /offers/{offer id}", "Method HEAD is not one AffDesk sends"},
	}
	for _, w := range want {
		found := false
		for _, got := range res.Warnings {
			found = found || (got.Item == w.item && strings.Contains(got.Message, w.text))
		}
		if !found {
			t.Errorf("no warning %q on %s in %+v", w.text, w.item, res.Warnings)
		}
	}
}

func TestParseConnection(t *testing.T) {
	tests := []struct {
		file     string
		platform core.Platform
		settings map[string]string
	}{
		{"shop.yaml", core.PlatformCustom, map[string]string{"base_url": "https://eu.shop.test/api/v2", "auth_mode": "header", "key_name": "X-Shop-Key"}},
		{"impact.yaml", core.PlatformImpact, map[string]string{"base_url": "https://api.impact.com", "account_type": "Advertisers"}},
		{"swagger.json", core.PlatformCustom, map[string]string{"base_url": "https://tracker.example.com/api", "auth_mode": "basic"}},
		{"everflow.yaml", core.PlatformEverflow, map[string]string{"base_url": "https://api.eflow.team"}},
		{"bearer.json", core.PlatformCustom, map[string]string{"auth_mode": "bearer"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := mustParse(t, tt.file)
			c := res.Connection
			if c.Platform != tt.platform || fmt.Sprint(c.Settings) != fmt.Sprint(tt.settings) {
				t.Errorf("connection %s %v, want %s %v", c.Platform, c.Settings, tt.platform, tt.settings)
			}
			if len(res.Secrets) != 0 || res.Source != "openapi" || c.Name == "" {
				t.Errorf("secrets %v, source %q, name %q", res.Secrets, res.Source, c.Name)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("connection does not validate: %v", err)
			}
		})
	}
}

// An impact.com template has the account start taken off its path, as
// the presets write it, and no AccountSID parameter: the connection's
// base URL holds both.
func TestParseImpactPaths(t *testing.T) {
	res := mustParse(t, "impact.yaml")
	get := candidate(t, res, "getAction").Template
	if get.Path != "/Actions/{ActionId}" || get.Platform != core.PlatformImpact || paramSummary(get) != "path:ActionId:string:R query:State:enum" {
		t.Errorf("get = %s %s %s", get.Path, get.Platform, paramSummary(get))
	}
	if strings.Join(get.Params[1].Enum, ",") != "PENDING,APPROVED" {
		t.Errorf("enum = %q", get.Params[1].Enum)
	}
	put := candidate(t, res, "updateAction").Template
	if put.Path != "/Actions" || put.BodyEncoding != core.BodyForm || paramSummary(put) != "body:ActionId:string:R body:Amount:number" {
		t.Errorf("put = %s %s %s", put.Path, put.BodyEncoding, paramSummary(put))
	}
}

func TestParseSwagger2(t *testing.T) {
	res := mustParse(t, "swagger.json")
	tpl := candidate(t, res, "getItem").Template
	if tpl.Path != "/items/{id}" || paramSummary(tpl) != "path:id:integer:R" {
		t.Errorf("got %s %s", tpl.Path, paramSummary(tpl))
	}
}

// A $ref to a URL is refused before anything is fetched.
func TestParseRefusesExternalRefs(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte("type: string\n"))
	}))
	defer srv.Close()
	for _, ref := range []string{srv.URL + "/schema.yaml", "other.yaml", "/etc/passwd"} {
		doc := `openapi: 3.0.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters:
        - {name: q, in: query, schema: {$ref: "` + ref + `"}}
      responses: {"200": {description: ok}}
`
		_, err := openapi.Parse([]byte(doc))
		if core.ErrorCode(err) != core.EINVALID || !strings.Contains(core.ErrorMessage(err), "another file or URL") {
			t.Errorf("ref %s: err = %v", ref, err)
		}
	}
	if hits.Load() != 0 {
		t.Fatalf("the server was called %d times", hits.Load())
	}
}

func TestParseRejects(t *testing.T) {
	tests := map[string][]byte{
		"too large":   append([]byte("openapi: 3.0.0\n#"), make([]byte, openapi.MaxInput)...),
		"not openapi": []byte(`{"name": "x"}`),
		"not yaml":    []byte("\t: : {"),
		"openapi 4":   []byte("openapi: 4.0.0\n"),
	}
	for name, data := range tests {
		if _, err := openapi.Parse(data); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// Every template from every fixture, and from the impact.com corpus when
// it is beside the repository, validates once bound to a connection.
func TestEveryTemplateValidates(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.*")
	corpus, _ := filepath.Glob("../../../../shared/corpora/openapi/impact/*/*.yaml")
	files = append(files, corpus...)
	ops := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := openapi.Parse(data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, c := range res.Candidates {
			ops++
			tpl := c.Template
			tpl.ConnectionID, tpl.Platform = 7, res.Connection.Platform
			if err := tpl.Validate(); err != nil {
				t.Errorf("%s %s: %v", f, c.Key, err)
			}
		}
	}
	if ops < 10 {
		t.Fatalf("only %d templates checked", ops)
	}
}
