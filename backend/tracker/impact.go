package tracker

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ImpactHost is impact.com's API host.
const ImpactHost = "https://api.impact.com"

func registerImpact() {
	register(Platform{
		ID: core.PlatformImpact, Name: "impact.com", Summary: "impact.com Brand, Partner or Agency API",
		Fields: []Field{
			{Key: "account_type", Label: "Account type", Kind: FieldSelect, Required: true, Default: "Advertisers",
				Options: []Option{{"Advertisers", "Brand (Advertisers)"}, {"Mediapartners", "Partner (Mediapartners)"}, {"Agencies", "Agency"}},
				Hint:    "Brand accounts call /Advertisers/…, partners /Mediapartners/…, agencies /Agencies/…."},
			{Key: "account_sid", Label: "Account SID", Kind: FieldText, Required: true, Placeholder: "IRxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
				Hint: "In impact.com: Settings → API (or Technical → API) → Account SID."},
			{Key: "auth_token", Label: "Auth Token", Kind: FieldSecret, Required: true,
				Hint: "Shown beside the Account SID. A read-only token cannot edit or reverse actions."},
			{Key: "base_url", Label: "API host", Kind: FieldURL, RootOnly: true, Default: ImpactHost,
				Hint: "Leave as https://api.impact.com unless you go through a proxy."},
		},
		RateLimit: core.RateLimit{Requests: 1000, Per: "hour"},
		Check:     CheckCall{Path: "/Campaigns"},
		headers:   map[string]string{"Accept": "application/json"},
		auth: func(settings, secrets map[string]string) core.Auth {
			return core.Auth{Kind: core.AuthBasic, User: settings["account_sid"], Password: secrets["auth_token"]}
		},
		baseURL: func(s map[string]string) string {
			host := strings.TrimRight(s["base_url"], "/")
			if host == "" {
				host = ImpactHost
			}
			kind := s["account_type"]
			if kind == "" {
				kind = "Advertisers"
			}
			return host + "/" + kind + "/" + s["account_sid"]
		},
	})
}
