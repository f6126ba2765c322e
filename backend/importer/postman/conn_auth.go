package postman

import (
	"github.com/affdesk/affdesk/backend/core"
)

// commonAuth returns the auth most requests end up with, warning once
// for each kind AffDesk cannot send.
func (r *reader) commonAuth() authInfo {
	counts := map[string]int{}
	var best authInfo
	warned := map[string]bool{}
	for _, q := range r.reqs {
		a, ok := authOf(q.auth)
		if !ok && !warned[q.auth.Type] {
			warned[q.auth.Type] = true
			r.warn(q.key(), "%q authentication is not supported: set the connection's credentials by hand.", q.auth.Type)
		}
		counts[a.signature()]++
		if best.kind == "" || counts[a.signature()] > counts[best.signature()] {
			best = a
		}
	}
	if best.kind == "" {
		best.kind = "none"
	}
	return best
}

// setAuth puts the chosen auth on the connection: its way into the
// settings, a literal secret into Secrets under the platform's key.
func (r *reader) setAuth(a authInfo) {
	r.conn.auth = a
	settings := r.res.Connection.Settings
	switch r.conn.platform {
	case core.PlatformImpact:
		if user, ok := r.resolve(a.user); ok && a.kind == "basic" && user != "" && settings["account_sid"] == "" {
			settings["account_sid"] = user
		}
		r.secret("auth_token", a.secret)
		return
	case core.PlatformEverflow:
		r.secret("api_key", a.secret)
		return
	}
	settings["auth_mode"] = a.kind
	switch a.kind {
	case "header", "query":
		settings["key_name"] = a.name
		r.secret("api_key", a.secret)
	case "bearer":
		r.secret("token", a.secret)
	case "basic":
		if user, ok := r.resolve(a.user); ok {
			settings["username"] = user
		}
		r.secret("password", a.secret)
	}
}

// secret keeps a credential whose value the collection holds literally
// (or in a collection variable).
func (r *reader) secret(key, value string) {
	if v, ok := r.resolve(value); ok && v != "" {
		r.res.Secrets[key] = v
	}
}
