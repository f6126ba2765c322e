package tracker

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

var (
	showKey    = &ShowIf{Key: "auth_mode", Values: []string{string(core.AuthHeader), string(core.AuthQuery)}}
	showBasic  = &ShowIf{Key: "auth_mode", Values: []string{string(core.AuthBasic)}}
	showBearer = &ShowIf{Key: "auth_mode", Values: []string{string(core.AuthBearer)}}
)

func registerCustom() {
	register(Platform{
		ID: core.PlatformCustom, Name: "Custom REST", Summary: "Any JSON REST API",
		Fields: []Field{
			{Key: "base_url", Label: "Base URL", Kind: FieldURL, Required: true, Placeholder: "https://api.example.com/v2",
				Hint: "Scheme, host and any common path prefix. Template paths are added after it."},
			{Key: "auth_mode", Label: "Authentication", Kind: FieldSelect, Required: true, Default: string(core.AuthHeader),
				Options: []Option{{"header", "API key in a header"}, {"query", "API key in the query"}, {"basic", "Basic (user and password)"}, {"bearer", "Bearer token"}, {"none", "None"}}},
			{Key: "key_name", Label: "Key name", Kind: FieldText, Required: true, Default: "X-API-Key", ShowIf: showKey,
				Hint: "The header or query parameter that carries the key, e.g. X-API-Key or api_key."},
			{Key: "api_key", Label: "API key", Kind: FieldSecret, Required: true, ShowIf: showKey},
			{Key: "username", Label: "User", Kind: FieldText, Required: true, ShowIf: showBasic},
			{Key: "password", Label: "Password", Kind: FieldSecret, Required: true, ShowIf: showBasic},
			{Key: "token", Label: "Token", Kind: FieldSecret, Required: true, ShowIf: showBearer},
			{Key: "check_path", Label: "Check path", Kind: FieldText, Default: "/",
				Hint: "A cheap GET used to check the connection when you save it, e.g. /me or /status."},
		},
		auth:    customAuth,
		baseURL: settingURL,
	})
}

func customAuth(settings, secrets map[string]string) core.Auth {
	switch mode := core.AuthKind(settings["auth_mode"]); mode {
	case core.AuthHeader, core.AuthQuery:
		return core.Auth{Kind: mode, Name: strings.TrimSpace(settings["key_name"]), Value: secrets["api_key"]}
	case core.AuthBasic:
		return core.Auth{Kind: mode, User: settings["username"], Password: secrets["password"]}
	case core.AuthBearer:
		return core.Auth{Kind: mode, Value: secrets["token"]}
	}
	return core.Auth{Kind: core.AuthNone}
}
