package service_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
)

const offersSpec = `{"openapi":"3.0.3","info":{"title":"Offers","version":"1"},
"servers":[{"url":"https://api.offers.example/v2"}],
"components":{"securitySchemes":{"key":{"type":"apiKey","in":"header","name":"X-Key"}}},"security":[{"key":[]}],
"paths":{"/offers/{id}":{"get":{"operationId":"getOffer","tags":["Offers"],"summary":"Get an offer",
"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
"responses":{"200":{"description":"ok","content":{"application/json":{"example":{"id":7,"payout":"19.90"}}}}}}},
"/offers":{"post":{"operationId":"addOffer","tags":["Admin"],"requestBody":{"content":{"application/json":{"schema":{"type":"object",
"required":["name"],"properties":{"name":{"type":"string"},"payout":{"type":"number"}}}}}},"responses":{"201":{"description":"made"}}}}}}`

// TestImportSourceOpenAPI imports one picked operation of a spec through
// the same plan and save as any import: a custom connection with the
// spec's server and key header, the operation's typed path parameter,
// its tag, and its sample response kept in the notes.
func TestImportSourceOpenAPI(t *testing.T) {
	s, _ := testkit.MustServices(t, testkit.MemSecrets{})
	plan, err := s.PlanSourceImport("openapi", []byte(offersSpec))
	if err != nil || len(plan.Candidates) != 2 {
		t.Fatalf("plan %+v, %v", plan, err)
	}
	if _, err := s.ImportSource("openapi", []byte(offersSpec), []string{"getOffer"}, service.ClashRename); err != nil {
		t.Fatal(err)
	}
	conns, _ := s.DB.ListConnections()
	tpls, _ := s.DB.ListTemplates()
	if len(conns) != 1 || len(tpls) != 1 {
		t.Fatalf("stored %d connections, %d templates", len(conns), len(tpls))
	}
	c, tpl := conns[0], tpls[0]
	if c.Settings["base_url"] != "https://api.offers.example/v2" || c.Settings["key_name"] != "X-Key" {
		t.Errorf("connection settings %v", c.Settings)
	}
	if tpl.Path != "/offers/{id}" || len(tpl.Params) != 1 || tpl.Params[0].Type != "integer" || strings.Join(tpl.Tags, ",") != "Offers" {
		t.Errorf("template %+v", tpl)
	}
	if !strings.Contains(tpl.Notes, `"payout": "19.90"`) {
		t.Errorf("notes %q lack the sample response", tpl.Notes)
	}
}
