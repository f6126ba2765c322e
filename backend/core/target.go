package core

// AuthKind says how credentials ride on a request.
type AuthKind string

// Auth kinds, persisted in custom connections' settings.
const (
	AuthNone   AuthKind = "none"
	AuthHeader AuthKind = "header" // Name: value
	AuthQuery  AuthKind = "query"  // ?Name=value
	AuthBasic  AuthKind = "basic"  // Authorization: Basic user:password
	AuthBearer AuthKind = "bearer" // Authorization: Bearer value
	AuthParam  AuthKind = "param"  // Name=value in the body, or in the query when there is no body
)

// Auth is a resolved credential, ready to be put on a request.
type Auth struct {
	Kind     AuthKind
	Name     string // header or query parameter name
	Value    string // key or token
	User     string
	Password string
}

// Target is where and how a template's request goes: the connection and
// platform rules resolved with the secrets read from the SecretStore.
type Target struct {
	ConnectionName string
	BaseURL        string            // scheme, host and any base path, no trailing '/'
	Auth           Auth              // credentials to attach
	Headers        map[string]string // fixed headers the platform needs
	SkipTLSVerify  bool
	Platform       Platform // the API dialect, for reading its error bodies
	Timeouts       Timeouts
	RateLimit      RateLimit // the limit in force: the connection's, else the platform's
	RateKey        string    // one limiter per key: the connection
}

// SecretValues lists every secret in the target, for masking.
func (t Target) SecretValues() []string {
	var out []string
	for _, s := range []string{t.Auth.Value, t.Auth.Password} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Demo credentials: the in-process demo tracker accepts these and no others,
// so its auth checks behave like the real trackers'.
const (
	DemoAccountSID = "IRDEMO1000AffDeskSampleAccount"
	DemoAuthToken  = "demo-auth-token-0000"
	DemoAPIKey     = "demo-api-key-0000"
)
