package curl

import (
	"encoding/base64"
	"strings"
)

// credential is the one credential a connection will hold: how it is
// sent (header, query, basic or bearer, as the Custom platform's
// auth_mode names them), the header or query key, and its value.
type credential struct {
	mode           string
	name           string
	value          string
	user, password string
}

// keyHeaders are header names (compared without case) that carry an API
// key or token.
var keyHeaders = []string{
	"X-Api-Key", "Api-Key", "X-Eflow-API-Key", "Token", "X-Auth-Token", "X-Access-Token",
	"X-Token", "Apikey", "X-Apikey", "Private-Token", "Authorization-Token", "Cwauth-Token", "X-Auth-Key",
}

// keyQueries are query keys (compared without case) that carry an API
// key or token.
var keyQueries = []string{"api_key", "apikey", "key", "token", "api-key", "access_token", "auth_token", "NetworkToken", "api_token"}

func isKeyHeader(name string) bool { return containsFold(keyHeaders, name) }
func isKeyQuery(name string) bool  { return containsFold(keyQueries, name) }

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// authorization reads an Authorization header value: Bearer and Basic
// become those modes; any other scheme is sent whole as a header key.
func authorization(value string) credential {
	scheme, rest, _ := strings.Cut(strings.TrimSpace(value), " ")
	rest = strings.TrimSpace(rest)
	switch {
	case strings.EqualFold(scheme, "Bearer") && rest != "":
		return credential{mode: "bearer", value: rest}
	case strings.EqualFold(scheme, "Basic") && rest != "":
		if raw, err := base64.StdEncoding.DecodeString(rest); err == nil {
			user, pass, _ := strings.Cut(string(raw), ":")
			return credential{mode: "basic", user: user, password: pass}
		}
	}
	return credential{mode: "header", name: "Authorization", value: value}
}

// secretValue is the credential's secret, whatever its mode.
func (c credential) secretValue() string {
	if c.mode == "basic" {
		return c.password
	}
	return c.value
}
