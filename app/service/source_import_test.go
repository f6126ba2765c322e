package service_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

const impactCurl = "curl 'https://api.impact.com/Advertisers/IRacme42/Actions' \\\n-X GET \\\n-u 'IRacme42:tok-secret-4242' \\\n" +
	"-H 'Accept: application/json' \\\n-d 'CampaignId=1017' \\\n-d 'ActionDateStart=2020-09-01T00:00:00Z' \\\n-d 'ActionDateEnd=2020-09-05T00:00:00Z'"

// TestImportSourceCurlNewConnection imports impact.com's documented
// example into an empty folder: one impact connection with the token in
// the secret store, and a template on it with no credential in it.
func TestImportSourceCurlNewConnection(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	plan, err := s.PlanSourceImport("curl", []byte(impactCurl))
	if err != nil {
		t.Fatal(err)
	}
	if plan.Connection.ID != 0 || plan.Connection.Platform != core.PlatformImpact || len(plan.Candidates) != 1 || plan.Candidates[0].Path != "/Actions" {
		t.Fatalf("plan = %+v", plan)
	}
	if strings.Join(plan.Connection.Secrets, ",") != "Auth Token" {
		t.Errorf("plan secrets = %v", plan.Connection.Secrets)
	}
	res, err := s.ImportSource("curl", []byte(impactCurl), nil, service.ClashRename)
	if err != nil {
		t.Fatal(err)
	}
	conns, _ := s.DB.ListConnections()
	tpls, _ := s.DB.ListTemplates()
	if len(conns) != 1 || len(tpls) != 1 || tpls[0].ConnectionID != conns[0].ID || len(res.Secrets) != 0 {
		t.Fatalf("stored %+v %+v, result %+v", conns, tpls, res)
	}
	if got := sec[core.SecretKey(conns[0].ID, "auth_token")]; got != "tok-secret-4242" {
		t.Errorf("stored token = %q", got)
	}
	if conns[0].SecretMasks["auth_token"] == "" || conns[0].Settings["account_sid"] != "IRacme42" {
		t.Errorf("connection = %+v", conns[0])
	}
	for _, p := range tpls[0].Params {
		if strings.Contains(p.Default, "tok-secret") {
			t.Errorf("secret in template parameter %+v", p)
		}
	}
}

// TestImportSourcePrefersStoredDemo pastes a command calling the demo
// tracker: the template lands on the stored Demo connection, speaking
// Affise, and its test call answers 200; the command's key is not stored.
func TestImportSourcePrefersStoredDemo(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	demo := testkit.DemoConn(t, s)
	url, err := s.DemoURL()
	if err != nil {
		t.Fatal(err)
	}
	src := "curl '" + url + "/3.0/admin/partners?limit=1' -H 'API-Key: " + core.DemoAPIKey + "'"
	plan, err := s.PlanSourceImport("curl", []byte(src))
	if err != nil || plan.Connection.ID != demo.ID {
		t.Fatalf("plan = %+v, %v", plan, err)
	}
	before := len(sec)
	res, err := s.ImportSource("curl", []byte(src), []string{"curl"}, service.ClashRename)
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Connections; len(c.Added)+len(c.Replaced)+len(c.Skipped) != 0 || len(res.Templates.Added) != 1 {
		t.Errorf("result %+v: the stored connection is used, not added, replaced or skipped", res)
	}
	tpls, _ := s.DB.ListTemplates()
	conns, _ := s.DB.ListConnections()
	if len(conns) != 1 || len(tpls) != 1 || tpls[0].ConnectionID != demo.ID || tpls[0].Platform != core.PlatformAffiseAdmin || len(sec) != before {
		t.Fatalf("templates %+v, connections %d, secrets %v", tpls, len(conns), sec)
	}
	out, err := s.TestTemplate(service.TestInput{Template: tpls[0]})
	if err != nil || out.Status != 200 {
		t.Fatalf("test call: %+v, %v", out, err)
	}
}

// TestImportSourceRefusesWithoutWriting checks bad input writes nothing
// and the error names the field.
func TestImportSourceRefusesWithoutWriting(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	tests := map[string]struct {
		kind, src string
		keys      []string
		field     string
	}{
		"unknown kind": {"har", impactCurl, nil, "kind"},
		"unknown pick": {"curl", impactCurl, []string{"nope"}, "pick"},
		"not curl":     {"curl", "echo hello", nil, "curl"},
		"bad path":     {"curl", "curl 'https://api.x.io/a@b'", nil, "templates[0].path"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			before := dataSnapshot(t, s, sec)
			_, err := s.ImportSource(tc.kind, []byte(tc.src), tc.keys, service.ClashRename)
			if core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != tc.field {
				t.Fatalf("error = %v (field %q), want field %q", err, core.ErrorField(err), tc.field)
			}
			if dataSnapshot(t, s, sec) != before {
				t.Error("a refused import changed the data")
			}
		})
	}
}

// TestImportSourceClashes imports the same command twice: rename adds a
// second template and connection, skip keeps the stored ones and stores
// no secret over them.
func TestImportSourceClashes(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	src := `curl -H 'X-Api-Key: key-one-1111' https://api.x.io/v1/users`
	if _, err := s.ImportSource("curl", []byte(src), nil, service.ClashRename); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanSourceImport("curl", []byte(src))
	if err != nil || len(plan.Clashes) != 1 || plan.Clashes[0].Kind != "template" {
		t.Fatalf("plan clashes = %+v, %v", plan.Clashes, err)
	}
	res, err := s.ImportSource("curl", []byte(src), nil, service.ClashSkip)
	if err != nil || len(res.Templates.Skipped) != 1 {
		t.Fatalf("skip: %+v, %v", res, err)
	}
	res, err = s.ImportSource("curl", []byte(src), nil, service.ClashRename)
	if err != nil || len(res.Templates.Added) != 1 || res.Templates.Added[0] != "Get v1 users (2)" && res.Templates.Added[0] != "Get users (2)" {
		t.Fatalf("rename: %+v, %v", res, err)
	}
	tpls, _ := s.DB.ListTemplates()
	conns, _ := s.DB.ListConnections()
	if len(tpls) != 2 || len(conns) != 1 {
		t.Errorf("stored %d templates, %d connections", len(tpls), len(conns))
	}
}
