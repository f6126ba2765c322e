package engine

import (
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// webhookURL fills a webhook URL's {variables}, each encoded for the part
// it lands in: path-escaped in the path, query-escaped in a query key or
// value, escaped in the fragment. A value can therefore add no path
// segment, no query key and no fragment. In the address (scheme, host,
// port) a value may not hold any of / ? # @ \.
func (v vars) webhookURL(tmpl string) (string, error) {
	tmpl = strings.TrimSpace(tmpl)
	addr, rest := splitAddress(tmpl)
	var bad string
	out := core.Substitute(addr, func(name string) (string, bool) {
		x, ok := v.lookup(name)
		s := text(x)
		if strings.ContainsAny(s, "/?#@\\") {
			bad = name
		}
		return s, ok
	})
	if bad != "" {
		return "", core.FieldError("webhook.url", "{%s} lands in the webhook's address, so it cannot hold /, ?, #, @ or \\: put those parts in the URL itself.", bad)
	}
	rest, frag, hasFrag := strings.Cut(rest, "#")
	path, query, hasQuery := strings.Cut(rest, "?")
	out += v.escaped(path, url.PathEscape)
	if hasQuery {
		out += "?" + v.queryPart(query)
	}
	if hasFrag {
		out += "#" + v.escaped(frag, url.PathEscape)
	}
	return out, nil
}

// splitAddress cuts a URL template where its path, query or fragment
// begins.
func splitAddress(tmpl string) (string, string) {
	from := 0
	if i := strings.Index(tmpl, "://"); i >= 0 {
		from = i + 3
	}
	if j := strings.IndexAny(tmpl[from:], "/?#"); j >= 0 {
		return tmpl[:from+j], tmpl[from+j:]
	}
	return tmpl, ""
}

// queryPart fills each key and value of a query template on its own.
func (v vars) queryPart(q string) string {
	pairs := strings.Split(q, "&")
	for i, p := range pairs {
		k, val, hasVal := strings.Cut(p, "=")
		pairs[i] = v.escaped(k, url.QueryEscape)
		if hasVal {
			pairs[i] += "=" + v.escaped(val, url.QueryEscape)
		}
	}
	return strings.Join(pairs, "&")
}

// escaped fills {variables} in s, each value passed through esc; the
// template's own text stays as written.
func (v vars) escaped(s string, esc func(string) string) string {
	return core.Substitute(s, func(name string) (string, bool) {
		x, ok := v.lookup(name)
		return esc(text(x)), ok
	})
}
