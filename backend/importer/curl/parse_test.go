package curl

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
)

func mustParse(t *testing.T, src string) (importer.Result, core.ActionTemplate) {
	t.Helper()
	res, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Candidates) != 1 || res.Candidates[0].Key != Key {
		t.Fatalf("candidates = %+v", res.Candidates)
	}
	return res, res.Candidates[0].Template
}

// noSecretInTemplate fails when any secret shows in the template.
func noSecretInTemplate(t *testing.T, res importer.Result, tpl core.ActionTemplate) {
	t.Helper()
	for _, p := range tpl.Params {
		for _, s := range res.Secrets {
			if s != "" && (strings.Contains(p.Default, s) || strings.Contains(p.Name, s)) {
				t.Errorf("secret %q is in parameter %+v", s, p)
			}
		}
	}
}

// TestParseImpactSeed is impact.com's documented example: a newcomer gets
// an impact connection holding the SID and token, and /Actions with its
// query parameters.
func TestParseImpactSeed(t *testing.T) {
	src := "curl 'https://api.impact.com/Advertisers/IRabc123/Actions' \\\n-X GET \\\n-u 'IRabc123:tok-secret-9999' \\\n" +
		"-H 'Accept: application/json' \\\n-d 'CampaignId=1017' \\\n-d 'ActionDateStart=2020-09-01T00:00:00Z' \\\n-d 'ActionDateEnd=2020-09-05T00:00:00Z'"
	res, tpl := mustParse(t, src)
	c := res.Connection
	if c.Platform != core.PlatformImpact || c.Settings["account_sid"] != "IRabc123" || c.Settings["account_type"] != "Advertisers" {
		t.Fatalf("connection = %+v", c)
	}
	if res.Secrets["auth_token"] != "tok-secret-9999" {
		t.Errorf("secrets = %v", res.Secrets)
	}
	if tpl.Path != "/Actions" || tpl.Method != "GET" || tpl.Kind != core.KindGet || tpl.Platform != core.PlatformImpact {
		t.Errorf("template = %s %s %s %s", tpl.Method, tpl.Path, tpl.Kind, tpl.Platform)
	}
	want := map[string]core.ParamType{"CampaignId": core.TypeString, "ActionDateStart": core.TypeDateTime, "ActionDateEnd": core.TypeDateTime}
	for _, p := range tpl.Params {
		if p.In != core.InQuery || want[p.Name] != p.Type {
			t.Errorf("param %+v", p)
		}
	}
	if len(tpl.Params) != 3 {
		t.Errorf("params = %+v", tpl.Params)
	}
	noSecretInTemplate(t, res, tpl)
	tpl.ConnectionID = 1
	if err := tpl.Validate(); err != nil {
		t.Errorf("template does not validate: %v", err)
	}
}

// TestParsePlatforms checks each known host or shape proposes its
// platform with the credential in the secrets and out of the template.
func TestParsePlatforms(t *testing.T) {
	tests := map[string]struct {
		src      string
		platform core.Platform
		settings map[string]string
		secret   [2]string
		path     string
	}{
		"affise admin": {`curl -H 'API-Key: k-affise-1234' 'https://api-acme.affise.com/3.0/admin/partners?limit=1'`,
			core.PlatformAffiseAdmin, map[string]string{"base_url": "https://api-acme.affise.com"}, [2]string{"api_key", "k-affise-1234"}, "/3.0/admin/partners"},
		"affise affiliate": {`curl -H 'API-Key: k' 'https://api-acme.affise.com/3.1/partner/me'`,
			core.PlatformAffiseAffiliate, nil, [2]string{"api_key", "k"}, "/3.1/partner/me"},
		"everflow": {`curl -H 'X-Eflow-API-Key: ef-1' https://api.eflow.team/v1/networks/affiliates/7`,
			core.PlatformEverflow, nil, [2]string{"api_key", "ef-1"}, "/v1/networks/affiliates/7"},
		"cake": {`curl 'https://acme.cakemarketing.com/api/2/affiliates.json?api_key=ck-1&row_limit=5'`,
			core.PlatformCake, nil, [2]string{"api_key", "ck-1"}, "/api/2/affiliates.json"},
		"binom v1": {`curl 'https://t.example/arm.php?api_key=b-1&action=campaign@get'`,
			core.PlatformBinom, map[string]string{"api_version": "v1"}, [2]string{"api_key", "b-1"}, "/arm.php"},
		"binom v2": {`curl -H 'api-key: b-2' https://t.example/public/api/v1/campaign/3`,
			core.PlatformBinom, map[string]string{"api_version": "v2"}, [2]string{"api_key", "b-2"}, "/public/api/v1/campaign/3"},
		"custom bearer": {`curl -H 'Authorization: Bearer tk-1' https://api.x.io/v2/users`,
			core.PlatformCustom, map[string]string{"auth_mode": "bearer", "base_url": "https://api.x.io"}, [2]string{"token", "tk-1"}, "/v2/users"},
		"custom basic header": {`curl -H 'Authorization: Basic dXNlcjpwYXNz' https://api.x.io/a`,
			core.PlatformCustom, map[string]string{"auth_mode": "basic", "username": "user"}, [2]string{"password", "pass"}, "/a"},
		"custom basic -u": {`curl -u user:pw https://api.x.io/a`,
			core.PlatformCustom, map[string]string{"auth_mode": "basic", "username": "user"}, [2]string{"password", "pw"}, "/a"},
		"custom basic in url": {`curl https://user:pw@api.x.io/a`,
			core.PlatformCustom, map[string]string{"auth_mode": "basic", "username": "user"}, [2]string{"password", "pw"}, "/a"},
		"custom header key": {`curl -H 'X-Api-Key: xk' https://api.x.io/a`,
			core.PlatformCustom, map[string]string{"auth_mode": "header", "key_name": "X-Api-Key"}, [2]string{"api_key", "xk"}, "/a"},
		"custom query key": {`curl 'https://api.x.io:8443/a?access_token=qk&b=1'`,
			core.PlatformCustom, map[string]string{"auth_mode": "query", "key_name": "access_token", "base_url": "https://api.x.io:8443"}, [2]string{"api_key", "qk"}, "/a"},
		"custom none": {`curl https://api.x.io/`,
			core.PlatformCustom, map[string]string{"auth_mode": "none"}, [2]string{}, "/"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			res, tpl := mustParse(t, tc.src)
			if res.Connection.Platform != tc.platform || tpl.Platform != tc.platform || tpl.Path != tc.path {
				t.Fatalf("got %s %s, want %s %s", res.Connection.Platform, tpl.Path, tc.platform, tc.path)
			}
			for k, v := range tc.settings {
				if res.Connection.Settings[k] != v {
					t.Errorf("setting %s = %q, want %q", k, res.Connection.Settings[k], v)
				}
			}
			if tc.secret[0] != "" && res.Secrets[tc.secret[0]] != tc.secret[1] {
				t.Errorf("secrets = %v, want %v", res.Secrets, tc.secret)
			}
			noSecretInTemplate(t, res, tpl)
			for _, p := range tpl.Params {
				if strings.EqualFold(p.Name, "Authorization") || isKeyQuery(p.Name) || isKeyHeader(p.Name) {
					t.Errorf("credential parameter %+v left in the template", p)
				}
			}
		})
	}
}
