package curl

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// target is the connection a request calls and the part of the URL path
// its base URL already holds.
type target struct {
	conn     core.Connection
	secrets  map[string]string
	basePath string
}

// impactPath matches impact.com's account prefix: /Advertisers/{SID}/….
var impactPath = regexp.MustCompile(`^/(Advertisers|Mediapartners|Agencies)/([^/]+)(/.*)?$`)

// proposeTarget picks the platform whose API the request speaks, from its
// host, path and credential, and forms its connection. The platforms'
// settings and secret keys are those of the tracker catalogue.
func proposeTarget(u *url.URL, cred *credential) target {
	root := u.Scheme + "://" + u.Host
	host := strings.ToLower(u.Hostname())
	path := u.Path
	t := target{secrets: map[string]string{}}
	switch {
	case (host == "api.impact.com" || strings.HasSuffix(host, ".impact.com")) && impactPath.MatchString(path):
		m := impactPath.FindStringSubmatch(path)
		t.conn = connection(core.PlatformImpact, host, map[string]string{"base_url": root, "account_type": m[1], "account_sid": m[2]})
		t.basePath = "/" + m[1] + "/" + m[2]
		t.setSecret("auth_token", cred, "basic")
	case cred != nil && cred.mode == "header" && strings.EqualFold(cred.name, "X-Eflow-API-Key"):
		t.conn = connection(core.PlatformEverflow, host, map[string]string{"base_url": root})
		t.setSecret("api_key", cred, "header")
	case cred != nil && strings.HasSuffix(path, "/arm.php") && cred.mode == "query" && strings.EqualFold(cred.name, "api_key"):
		t.conn = connection(core.PlatformBinom, host, map[string]string{"base_url": root, "api_version": "v1"})
		t.setSecret("api_key", cred, "query")
	case cred != nil && strings.HasPrefix(path, "/public/api/") && cred.mode == "header" && cred.name == "api-key":
		t.conn = connection(core.PlatformBinom, host, map[string]string{"base_url": root, "api_version": "v2"})
		t.setSecret("api_key", cred, "header")
	case cred != nil && isAffise(host, path, cred):
		t.conn = connection(affisePlatform(path), host, map[string]string{"base_url": root})
		t.setSecret("api_key", cred, cred.mode)
	case cred != nil && cred.mode == "query" && strings.EqualFold(cred.name, "api_key") && isCake(host, path):
		t.conn = connection(core.PlatformCake, host, map[string]string{"base_url": root})
		t.setSecret("api_key", cred, "query")
	default:
		t = customTarget(root, host, cred)
	}
	return t
}

func isAffise(host, path string, cred *credential) bool {
	if !strings.EqualFold(cred.name, "API-Key") || (cred.mode != "header" && cred.mode != "query") {
		return false
	}
	return strings.Contains(host, "affise") || strings.HasPrefix(path, "/3.0/") || strings.HasPrefix(path, "/3.1/")
}

// affisePlatform tells the affiliate API (/3.x/partner/…) from the admin
// API.
func affisePlatform(path string) core.Platform {
	if strings.HasPrefix(path, "/3.0/partner/") || strings.HasPrefix(path, "/3.1/partner/") {
		return core.PlatformAffiseAffiliate
	}
	return core.PlatformAffiseAdmin
}

func isCake(host, path string) bool {
	return strings.Contains(host, "cake") || (strings.HasPrefix(path, "/api/") && (strings.HasSuffix(path, ".json") || strings.Contains(path, ".asmx")))
}

// setSecret stores the credential's secret under key when it is sent the
// way the platform expects.
func (t *target) setSecret(key string, cred *credential, mode string) {
	if cred != nil && cred.mode == mode && cred.secretValue() != "" {
		t.secrets[key] = cred.secretValue()
	}
}

// customTarget is a Custom REST connection at root, sending cred as the
// request did.
func customTarget(root, host string, cred *credential) target {
	settings := map[string]string{"base_url": root, "auth_mode": "none"}
	t := target{secrets: map[string]string{}}
	if cred != nil {
		settings["auth_mode"] = cred.mode
		switch cred.mode {
		case "header", "query":
			settings["key_name"] = cred.name
			t.setSecret("api_key", cred, cred.mode)
		case "basic":
			settings["username"] = cred.user
			t.setSecret("password", cred, "basic")
		case "bearer":
			t.setSecret("token", cred, "bearer")
		}
	}
	t.conn = connection(core.PlatformCustom, host, settings)
	return t
}

func connection(p core.Platform, host string, settings map[string]string) core.Connection {
	return core.Connection{Name: host, Platform: p, Settings: settings, Timezone: "UTC", SecretMasks: map[string]string{}}
}
