package openapi

import (
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/getkin/kin-openapi/openapi3"
)

// customAuth sets a custom connection's auth_mode (and key_name) from the
// security scheme the document applies first: at the top level, else on
// its first operation that names one. Credentials are never in a
// document, so no secret is set.
func (r *reader) customAuth() {
	settings := r.res.Connection.Settings
	settings["auth_mode"] = string(core.AuthNone)
	name, scheme := r.firstScheme()
	if scheme == nil {
		return
	}
	switch strings.ToLower(scheme.Type) {
	case "http":
		r.httpAuth(name, scheme)
	case "apikey":
		r.keyAuth(name, scheme)
	case "oauth2", "openidconnect":
		settings["auth_mode"] = string(core.AuthBearer)
		r.warn("security", "Scheme %q is %s: AffDesk sends a bearer token you obtain yourself.", name, scheme.Type)
	default:
		r.warn("security", "Scheme %q of type %q is not supported: the connection has no authentication.", name, scheme.Type)
	}
}

func (r *reader) httpAuth(name string, s *openapi3.SecurityScheme) {
	switch strings.ToLower(s.Scheme) {
	case "basic":
		r.res.Connection.Settings["auth_mode"] = string(core.AuthBasic)
	case "bearer":
		r.res.Connection.Settings["auth_mode"] = string(core.AuthBearer)
	default:
		r.warn("security", "Scheme %q uses HTTP %q authentication, which AffDesk does not send.", name, s.Scheme)
	}
}

func (r *reader) keyAuth(name string, s *openapi3.SecurityScheme) {
	switch strings.ToLower(s.In) {
	case "header", "query":
		r.res.Connection.Settings["auth_mode"] = strings.ToLower(s.In)
		r.res.Connection.Settings["key_name"] = strings.TrimSpace(s.Name)
	default:
		r.warn("security", "Scheme %q sends its key in a %s, which AffDesk does not: the connection has no authentication.", name, s.In)
	}
}

// firstScheme returns the first security scheme the document requires.
func (r *reader) firstScheme() (string, *openapi3.SecurityScheme) {
	reqs := r.doc.Security
	if len(reqs) == 0 {
		reqs = r.firstOperationSecurity()
	}
	for _, req := range reqs {
		names := make([]string, 0, len(req))
		for n := range req {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if s := r.scheme(n); s != nil {
				return n, s
			}
		}
	}
	return "", nil
}

func (r *reader) scheme(name string) *openapi3.SecurityScheme {
	if r.doc.Components == nil {
		return nil
	}
	ref := r.doc.Components.SecuritySchemes[name]
	if ref == nil {
		return nil
	}
	return ref.Value
}

func (r *reader) firstOperationSecurity() openapi3.SecurityRequirements {
	for _, op := range r.allOperations() {
		if op.op.Security != nil && len(*op.op.Security) > 0 {
			return *op.op.Security
		}
	}
	return nil
}

// authParam reports whether a header or query parameter carries the
// connection's credentials, which the connection sends instead.
func (r *reader) authParam(in, name string) bool {
	if in == "header" && strings.EqualFold(name, "Authorization") {
		return true
	}
	key := r.res.Connection.Settings["key_name"]
	return key != "" && r.res.Connection.Settings["auth_mode"] == in && strings.EqualFold(name, key)
}
