package request

import (
	"io"
	"net"
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// sameOrigin reports whether two URLs share scheme, host and port.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

// port returns a URL's port, or its scheme's default.
func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// CheckOrigin refuses a URL whose scheme, host or port differ from the
// connection's base URL: the last check before a request leaves, so the
// key never goes to another host whatever a template, a value or a next
// link says. The error is EINVALID and names the connection and both hosts.
func CheckOrigin(t core.Target, u *url.URL) error {
	base, err := url.Parse(t.BaseURL)
	if err != nil || base.Host == "" {
		return core.Errorf(core.EINVALID, "Connection %q has no valid URL (%q).", t.ConnectionName, t.BaseURL)
	}
	if sameOrigin(base, u) && u.User == nil {
		return nil
	}
	return core.Errorf(core.EINVALID, "Connection %q sends only to %s://%s, but this request was going to %s://%s: AffDesk refused to send it.",
		t.ConnectionName, base.Scheme, base.Host, u.Scheme, u.Host)
}

// PlainHTTPWarning returns the warning for a connection whose key travels
// unencrypted (an http:// URL to a host other than this machine), or "".
func PlainHTTPWarning(t core.Target) string {
	u, err := url.Parse(t.BaseURL)
	if err != nil || !strings.EqualFold(u.Scheme, "http") || isLoopback(u.Hostname()) || len(t.SecretValues()) == 0 {
		return ""
	}
	return "Connection " + quote(t.ConnectionName) + " sends its key unencrypted over http://: anyone on the network path can read it. Use https:// if the tracker offers it."
}

// isLoopback reports whether host is this machine: localhost, 127.0.0.0/8 or ::1.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// hostChanging reports whether s could move a request to another host
// when placed in a URL's path: a userinfo '@', a '//' or '\\' authority,
// or a scheme.
func hostChanging(s string) bool {
	return strings.ContainsAny(s, "@\\") || strings.Contains(s, "//")
}

func readAllString(r io.ReadCloser) string {
	defer r.Close()
	b, _ := io.ReadAll(io.LimitReader(r, 16<<20))
	return string(b)
}
