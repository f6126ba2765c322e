package tracker

import (
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// dialectError explains a template that speaks another platform's API than
// its connection.
func dialectError(conn core.Connection, dialect core.Platform) error {
	return core.FieldError("platform", "Connection %q is %s and cannot call a %s template.",
		conn.Name, catalogue[conn.Platform].Name, catalogue[dialect].Name)
}

// Resolve turns a connection into a request target for a template speaking
// dialect. secrets holds the connection's secret fields as read from the
// SecretStore. demoURL is the in-process demo tracker's address, used only
// by Demo connections, which speak every dialect with demo credentials.
// The target's rate limit is the connection's; when it sets none (zero
// requests, not Off), the platform's documented default; Off is kept, so
// a user's "no limit" means no limit.
func Resolve(conn core.Connection, dialect core.Platform, secrets map[string]string, demoURL string) (core.Target, error) {
	if dialect == "" {
		dialect = conn.Platform
	}
	if err := CheckDialect(conn, dialect); err != nil {
		return core.Target{}, err
	}
	p, _ := Lookup(dialect)
	settings := conn.Settings
	if conn.Platform == core.PlatformDemo {
		settings, secrets = demoCredentials(demoURL)
	}
	t := core.Target{
		ConnectionName: conn.Name,
		Platform:       p.ID,
		Timeouts:       conn.Timeouts,
		RateLimit:      conn.RateLimit,
		RateKey:        strconv.FormatUint(conn.ID, 10),
		SkipTLSVerify:  SkipsTLS(conn) && SkipTLSAllowed(conn.Platform), // a record saved before the rule keeps its checks
	}
	if conn.Platform != core.PlatformDemo && t.RateLimit.Requests == 0 && !t.RateLimit.Off {
		t.RateLimit = p.RateLimit
	}
	if p.ID == core.PlatformDemo {
		t.BaseURL, t.Auth = demoURL, core.Auth{Kind: core.AuthNone}
		return t, nil
	}
	t.BaseURL, t.Auth, t.Headers = p.baseURL(settings), p.auth(settings, secrets), p.headers
	return t, nil
}

// CheckDialect returns an EINVALID error (field "platform") unless a
// template speaking dialect can run on the connection. An empty dialect
// means the connection's own platform.
func CheckDialect(conn core.Connection, dialect core.Platform) error {
	if dialect == "" {
		dialect = conn.Platform
	}
	if _, ok := Lookup(dialect); !ok {
		return core.FieldError("platform", "Unknown platform %q.", dialect)
	}
	if !allows(conn.Platform, dialect) {
		return dialectError(conn, dialect)
	}
	return nil
}

func allows(conn, dialect core.Platform) bool {
	p, ok := Lookup(conn)
	if !ok {
		return false
	}
	if conn == dialect {
		return true
	}
	for _, d := range p.Dialects {
		if d == dialect {
			return true
		}
	}
	return false
}

// demoCredentials returns settings and secrets that make every dialect
// call the demo tracker with the credentials it accepts.
func demoCredentials(demoURL string) (map[string]string, map[string]string) {
	settings := map[string]string{
		"base_url": demoURL, "account_type": "Advertisers", "account_sid": core.DemoAccountSID,
	}
	secrets := map[string]string{"api_key": core.DemoAPIKey, "auth_token": core.DemoAuthToken}
	return settings, secrets
}

// CheckTemplate returns the template that checks a connection: the platform's
// cheap read call, as a GET.
func CheckTemplate(conn core.Connection) core.ActionTemplate {
	p := catalogue[conn.Platform]
	path := p.Check.Path
	if conn.Platform == core.PlatformCustom && conn.Settings["check_path"] != "" {
		path = conn.Settings["check_path"]
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	t := core.ActionTemplate{Name: "Connection check", Platform: conn.Platform, Kind: core.KindGet, Method: "GET", Path: path, BodyEncoding: core.BodyJSON}
	for k, v := range p.Check.Query {
		t.Params = append(t.Params, core.Param{Name: k, In: core.InQuery, Type: core.TypeString, Default: v})
	}
	return t
}
