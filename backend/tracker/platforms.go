package tracker

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

var catalogue = map[core.Platform]Platform{}

func register(p Platform) {
	if len(p.Dialects) == 0 {
		p.Dialects = []core.Platform{p.ID}
	}
	catalogue[p.ID] = p
}

func rootURL(hint, placeholder string) Field {
	return Field{Key: "base_url", Label: "API URL", Kind: FieldURL, Required: true, RootOnly: true, Hint: hint, Placeholder: placeholder}
}

func apiKey(hint string) Field {
	return Field{Key: "api_key", Label: "API key", Kind: FieldSecret, Required: true, Hint: hint}
}

func headerAuth(name string) func(settings, secrets map[string]string) core.Auth {
	return func(_, secrets map[string]string) core.Auth {
		return core.Auth{Kind: core.AuthHeader, Name: name, Value: secrets["api_key"]}
	}
}

func settingURL(settings map[string]string) string {
	return strings.TrimRight(settings["base_url"], "/")
}

func init() {
	register(Platform{
		ID: core.PlatformAffiseAdmin, Name: "Affise Admin", Summary: "Affise network (admin) API",
		Fields: []Field{
			rootURL("Your Affise API domain, the root only: https://api-yourcompany.affise.com (no /3.0/ and no trailing /api/).", "https://api-yourcompany.affise.com"),
			apiKey("In Affise: Settings → Security → API key of an admin user."),
		},
		Check: CheckCall{Path: "/3.0/admin/partners", Query: map[string]string{"limit": "1"}},
		auth:  headerAuth("API-Key"), baseURL: settingURL,
	})
	register(Platform{
		ID: core.PlatformAffiseAffiliate, Name: "Affise Affiliate", Summary: "Affise affiliate (partner) API",
		Fields: []Field{
			rootURL("The affiliate API domain your network gave you, root only: https://api-network.affise.com.", "https://api-network.affise.com"),
			apiKey("In the affiliate panel: Profile → API key."),
		},
		Check: CheckCall{Path: "/3.1/partner/me"},
		auth:  headerAuth("API-Key"), baseURL: settingURL,
	})
	register(Platform{
		ID: core.PlatformBinom, Name: "Binom", Summary: "Self-hosted Binom tracker (API v2)",
		Fields: []Field{
			rootURL("Your tracker's address, root only: https://tracker.example.com (no /public/api/ and no arm.php).", "https://tracker.example.com"),
			apiKey("In Binom: Settings → Profile → API key."),
			{Key: "api_version", Label: "API version", Kind: FieldSelect, Required: true, Default: "v2",
				Options: []Option{{"v2", "Binom 2 (api-key header)"}, {"v1", "Binom 1 (api_key parameter)"}},
				Hint:    "Binom 2 reads the key from the api-key header; Binom 1 (arm.php) from the api_key parameter."},
		},
		Check: CheckCall{Path: "/public/api/v1/traffic_source/list/filtered"},
		auth: func(settings, secrets map[string]string) core.Auth {
			if settings["api_version"] == "v1" {
				return core.Auth{Kind: core.AuthQuery, Name: "api_key", Value: secrets["api_key"]}
			}
			return core.Auth{Kind: core.AuthHeader, Name: "api-key", Value: secrets["api_key"]}
		},
		baseURL: settingURL,
	})
	register(Platform{
		ID: core.PlatformCake, Name: "CAKE", Summary: "CAKE (getCAKE) API",
		Fields: []Field{
			rootURL("Your CAKE admin domain, root only: https://yourdomain.cakemarketing.com (no /api/).", "https://yourdomain.cakemarketing.com"),
			apiKey("In CAKE: Setup → System Access → API Keys."),
		},
		Check: CheckCall{Path: "/api/2/affiliates.json", Query: map[string]string{"row_limit": "1"}},
		auth: func(_, secrets map[string]string) core.Auth {
			return core.Auth{Kind: core.AuthParam, Name: "api_key", Value: secrets["api_key"]}
		},
		baseURL: settingURL,
	})
	registerImpact()
	register(Platform{
		ID: core.PlatformEverflow, Name: "Everflow", Summary: "Everflow network API",
		Fields: []Field{
			{Key: "base_url", Label: "API URL", Kind: FieldURL, Required: true, RootOnly: true, Default: "https://api.eflow.team",
				Hint: "https://api.eflow.team, or https://api-eu.eflow.team for EU accounts. Root only: presets add /v1/…"},
			apiKey("In Everflow: Control Center → Security → API Keys (a network key)."),
		},
		RateLimit: core.RateLimit{Requests: 30, Per: "second"},
		Check:     CheckCall{Path: "/v1/meta/timezones"},
		auth:      headerAuth("X-Eflow-API-Key"), baseURL: settingURL,
	})
	registerCustom()
	register(Platform{
		ID: core.PlatformDemo, Name: "Demo", Summary: "Sample tracker built in: no account needed",
		Check: CheckCall{Path: "/healthz"},
		Dialects: []core.Platform{core.PlatformImpact, core.PlatformAffiseAdmin, core.PlatformAffiseAffiliate,
			core.PlatformCake, core.PlatformBinom, core.PlatformEverflow},
		auth: func(_, _ map[string]string) core.Auth { return core.Auth{Kind: core.AuthNone} },
	})
}
