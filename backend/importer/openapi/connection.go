package openapi

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// connection proposes the connection from the first server and the
// security scheme the document asks for: impact.com and Everflow hosts
// map to their platforms, any other host to a custom connection.
func (r *reader) connection() {
	c := &r.res.Connection
	c.Name = r.title()
	c.Timezone = "UTC"
	c.Settings = map[string]string{}
	c.Platform = core.PlatformCustom
	r.target = target{platform: core.PlatformCustom}
	u, raw := r.serverURL()
	if len(r.doc.Servers) > 1 {
		r.warn("servers", "The document names %d servers; the connection uses the first, %s.", len(r.doc.Servers), raw)
	}
	switch {
	case u == nil && raw == "":
		r.warn("servers", "The document names no server: fill in the connection's base URL.")
	case u == nil:
		r.warn("servers", "The server URL %q is not an absolute http(s) URL: fill in the connection's base URL.", raw)
	case shape.HostPlatform(u.Hostname()) == core.PlatformImpact:
		r.impact(u.Scheme + "://" + u.Host)
		r.target.prefix = strings.TrimRight(u.Path, "/")
		return
	case shape.HostPlatform(u.Hostname()) == core.PlatformEverflow:
		c.Platform = core.PlatformEverflow
		c.Settings["base_url"] = u.Scheme + "://" + u.Host
		r.target = target{platform: core.PlatformEverflow, prefix: strings.TrimRight(u.Path, "/")}
		return
	default:
		c.Settings["base_url"] = strings.TrimRight(u.String(), "/")
	}
	r.customAuth()
}

// impact sets an impact.com connection: its account type comes from the
// paths, its Account SID and token from the user.
func (r *reader) impact(host string) {
	c := &r.res.Connection
	c.Platform = core.PlatformImpact
	c.Settings["base_url"] = host
	var paths []string
	for _, o := range r.allOperations() {
		paths = append(paths, o.path)
	}
	account := shape.ImpactAccountType(paths)
	c.Settings["account_type"] = account
	r.target = target{platform: core.PlatformImpact, account: account}
}

func (r *reader) title() string {
	name := ""
	if r.doc.Info != nil {
		name = r.doc.Info.Title
	}
	if name = shape.OneLine(name, core.MaxNameLength); name == "" {
		name = "Imported API"
	}
	return name
}
