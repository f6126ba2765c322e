package postman_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/postman"
)

func mustParse(t *testing.T, file string) importer.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	res, err := postman.Parse(data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	return res
}

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

func TestParseRequests(t *testing.T) {
	res := mustParse(t, "shop.postman_collection.json")
	tests := []struct {
		key, name, method, path, tags string
		enc                           core.BodyEncoding
		params                        string
	}{
		{"Offers / List offers", "List offers", "GET", "/offers", "Offers", core.BodyJSON,
			"query:status:string=active query:from:string:R query:limit:string header:X-Trace:string=abc header:Accept:string"},
		{"Offers / Offer", "Offer", "GET", "/offers/{offer_id}/goals/{goal}", "Offers", core.BodyJSON,
			"path:offer_id:string:R path:goal:string:R"},
		{"Offers / Admin / Create offer", "Create offer", "POST", "/offers", "Offers,Admin", core.BodyJSON,
			"body:active:boolean=true body:cap:integer=10 body:geo:array=DE, FR body:name:string=Summer body:owner_id:string:R body:payout:number=1.5 body:targeting:string"},
		{"Offers / Admin / Update offer", "Update offer", "PATCH", "/offers/{offer_id}", "Offers,Admin", core.BodyForm,
			"path:offer_id:string:R body:name:string:R body:note:string"},
		{"Upload", "Upload", "POST", "/files", "", core.BodyForm, "body:title:string=Logo"},
		{"Upload (2)", "Upload (2)", "DELETE", "/files/1", "", core.BodyJSON, ""},
	}
	if len(res.Candidates) != len(tests) {
		t.Fatalf("%d candidates, want %d", len(res.Candidates), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			c := res.Candidates[i]
			tpl := c.Template
			if c.Key != tt.key || tpl.Name != tt.name || tpl.Method != tt.method || tpl.Path != tt.path || strings.Join(tpl.Tags, ",") != tt.tags || tpl.BodyEncoding != tt.enc {
				t.Errorf("got %q %q %s %s %q %s", c.Key, tpl.Name, tpl.Method, tpl.Path, tpl.Tags, tpl.BodyEncoding)
			}
			if got := paramSummary(tpl); got != tt.params {
				t.Errorf("params\n got %s\nwant %s", got, tt.params)
			}
		})
	}
	list := res.Candidates[0]
	if list.Example != `{"offers": []}` || list.Template.Params[1].Description != "Start date\nPostman variable {{from}}" {
		t.Errorf("example %q, description %q", list.Example, list.Template.Params[1].Description)
	}
	if p := res.Candidates[1].Template.Params[0]; p.Example != "42" {
		t.Errorf("path example = %q", p.Example)
	}
}

func TestParseWarnings(t *testing.T) {
	res := mustParse(t, "shop.postman_collection.json")
	want := []struct{ item, text string }{
		{"Offers / List offers", `Query "api_key" carries credentials`},
		{"Offers / Admin / Create offer", `Field "targeting" (body) is an object`},
		{"Offers / Admin / Create offer", "Postman sends bearer authentication here"},
		{"Upload", `File field "file" was left out`},
		{"Probe", "Method HEAD is not one AffDesk sends"},
		{"Upload", "calls https://other.test"},
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

// Credentials go to the connection and Secrets, and never appear in a
// template, its example or a warning.
func TestParseConnectionAndSecrets(t *testing.T) {
	tests := []struct {
		file     string
		platform core.Platform
		settings map[string]string
		secrets  map[string]string
	}{
		{"shop.postman_collection.json", core.PlatformCustom,
			map[string]string{"base_url": "https://api.shop.test/v2", "auth_mode": "header", "key_name": "X-Shop-Key"},
			map[string]string{"api_key": "sk-live-1234567890abcdef"}},
		{"basic_v20.postman_collection.json", core.PlatformCustom,
			map[string]string{"base_url": "https://stats.example.com", "auth_mode": "basic", "username": "reporter"},
			map[string]string{"password": "pa55word-secret"}},
		{"impact.postman_collection.json", core.PlatformImpact,
			map[string]string{"base_url": "https://api.impact.com", "account_type": "Advertisers"}, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := mustParse(t, tt.file)
			c := res.Connection
			if c.Platform != tt.platform || fmt.Sprint(c.Settings) != fmt.Sprint(tt.settings) || fmt.Sprint(res.Secrets) != fmt.Sprint(tt.secrets) {
				t.Errorf("got %s %v %v", c.Platform, c.Settings, res.Secrets)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("connection does not validate: %v", err)
			}
			shown, _ := json.Marshal(struct {
				C []importer.Candidate
				W []importer.Warning
			}{res.Candidates, res.Warnings})
			for _, s := range append(mapValues(tt.secrets), "leak-me-not") {
				if strings.Contains(string(shown), s) {
					t.Errorf("secret %q appears in the candidates or warnings", s)
				}
			}
		})
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// An impact.com request loses its /Advertisers/{{AccountSID}} start and
// the AccountSID parameter, which the connection supplies.
func TestParseImpact(t *testing.T) {
	res := mustParse(t, "impact.postman_collection.json")
	tpl := res.Candidates[0].Template
	if tpl.Path != "/Actions/{ActionId}" || paramSummary(tpl) != "path:ActionId:string:R" || tpl.Params[0].Example != "1000.1.1" || tpl.BodyEncoding != core.BodyForm {
		t.Errorf("got %s %s %+v", tpl.Path, paramSummary(tpl), tpl.Params)
	}
}

func TestParseRejects(t *testing.T) {
	tests := map[string][]byte{
		"too large":     append([]byte(`{"info":{"name":"x"},"item":[]}`), make([]byte, postman.MaxInput)...),
		"not json":      []byte("info: x"),
		"no collection": []byte(`{"openapi": "3.0.0"}`),
	}
	for name, data := range tests {
		if _, err := postman.Parse(data); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// Every template from every fixture, and from the Affise collection when
// it is beside the repository, validates once bound to a connection.
func TestEveryTemplateValidates(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json")
	corpus, _ := filepath.Glob("../../../../shared/corpora/openapi/affise/*.postman_collection.json")
	files = append(files, corpus...)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := postman.Parse(data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, c := range res.Candidates {
			n++
			tpl := c.Template
			tpl.ConnectionID, tpl.Platform = 3, res.Connection.Platform
			if err := tpl.Validate(); err != nil {
				t.Errorf("%s %s: %v", f, c.Key, err)
			}
		}
	}
	if n < 8 {
		t.Fatalf("only %d templates checked", n)
	}
}
