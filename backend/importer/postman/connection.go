package postman

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// connInfo is what the requests share with the connection.
type connInfo struct {
	platform core.Platform
	// base is the chosen base URL as the requests write it.
	base string
	// account is the impact.com account type taken off paths, or "".
	account string
	// prefix is the base URL's path on a platform whose base URL is the
	// bare host; it goes before each template path.
	prefix string
	auth   authInfo
}

// impactBasePath matches an impact.com base URL's account path.
var impactBasePath = regexp.MustCompile(`(?i)^/(Advertisers|Mediapartners|Agencies)/([^/]+)$`)

// connection proposes the connection from the base URL most requests
// call and the auth most of them end up with.
func (r *reader) connection() {
	c := &r.res.Connection
	c.Name = shape.OneLine(r.c.Info.Name, core.MaxNameLength)
	if c.Name == "" {
		c.Name = "Imported collection"
	}
	c.Timezone = "UTC"
	c.Settings = map[string]string{}
	r.conn.platform = core.PlatformCustom
	r.conn.base = r.commonBase()
	r.setBase(r.conn.base)
	c.Platform = r.conn.platform
	r.setAuth(r.commonAuth())
}

// commonBase returns the base URL (as written) most requests call.
func (r *reader) commonBase() string {
	counts := map[string]int{}
	best := ""
	for _, q := range r.reqs {
		b := split(q.item.Request.URL).base
		counts[b]++
		if counts[b] > counts[best] || best == "" {
			best = b
		}
	}
	return best
}

// setBase resolves the base URL's variables and picks the platform its
// host belongs to.
func (r *reader) setBase(base string) {
	resolved, ok := r.resolve(base)
	if !ok {
		r.warn("base URL", "The base URL %s refers to variables the collection does not set: fill in the connection's base URL.", base)
		return
	}
	if !strings.Contains(resolved, "://") {
		resolved = "https://" + resolved
	}
	u, err := url.Parse(strings.TrimSpace(resolved))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		r.warn("base URL", "The base URL %q is not an http(s) URL: fill in the connection's base URL.", resolved)
		return
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	r.conn.platform = shape.HostPlatform(u.Hostname())
	settings := r.res.Connection.Settings
	settings["base_url"] = strings.TrimRight(u.String(), "/")
	switch r.conn.platform {
	case core.PlatformImpact:
		settings["base_url"] = u.Scheme + "://" + u.Host
		r.impactBase(strings.TrimRight(u.Path, "/"))
	case core.PlatformEverflow:
		settings["base_url"] = u.Scheme + "://" + u.Host
		r.conn.prefix = strings.TrimRight(u.Path, "/")
	}
}

// impactBase sets the account of an impact.com connection: from a base
// URL that holds it (/Advertisers/IR…), else from the request paths,
// whose /Advertisers/{{AccountSID}} start is then taken off.
func (r *reader) impactBase(path string) {
	settings := r.res.Connection.Settings
	if m := impactBasePath.FindStringSubmatch(path); m != nil {
		settings["account_type"] = shape.ImpactAccountType([]string{"/" + m[1] + "/{x}"})
		if sid, ok := r.resolve(m[2]); ok {
			settings["account_sid"] = sid
		}
		return
	}
	r.conn.account = shape.ImpactAccountType(r.allPaths())
	settings["account_type"] = r.conn.account
}

// allPaths lists every request's path with variables as placeholders.
func (r *reader) allPaths() []string {
	out := make([]string, 0, len(r.reqs))
	for _, q := range r.reqs {
		out = append(out, "/"+varRef.ReplaceAllString(strings.Join(split(q.item.Request.URL).path, "/"), "{$1}"))
	}
	return out
}
