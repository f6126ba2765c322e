package request

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// maxRedirects bounds how many redirects one request follows.
const maxRedirects = 5

// Redirects is the redirect policy of a connection. A redirect from https
// to http is never followed. A redirect to another host (or port) is
// followed only with every credential removed: the Authorization header,
// the connection's own auth header, the auth query parameter, any query
// value holding a secret, and the Referer (which would carry the old
// URL's query). A body that carries a secret is never sent to another
// host.
//
// The zero value follows redirects on the same host only, as it knows no
// credential to strip.
type Redirects struct {
	OffHost    bool // follow a redirect to another host, stripped
	Connection string
	Masker     Masker
	AuthHeader string // header carrying the key, if any
	AuthQuery  string // query or body field carrying the key, if any
}

// redirectsWith returns the redirect policy for a target, given its
// masker (made once per call).
func redirectsWith(t core.Target, m Masker) Redirects {
	return Redirects{OffHost: true, Connection: t.ConnectionName, Masker: m, AuthHeader: m.authHeader, AuthQuery: m.authQuery}
}

// check returns the http.Client redirect hook for one send.
func (r Redirects) check(tr *progress) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return errors.New("too many redirects")
		}
		prev := via[len(via)-1].URL
		if prev.Scheme == "https" && req.URL.Scheme != "https" {
			return core.Errorf(core.EINVALID, "%s redirected from https to %s://%s: AffDesk does not follow it, so the key never travels unencrypted. Check the connection's URL.", r.name(), req.URL.Scheme, req.URL.Host)
		}
		req.Header.Del("Referer")
		if sameOrigin(req.URL, via[0].URL) {
			tr.reset()
			return nil
		}
		if !r.OffHost {
			return http.ErrUseLastResponse
		}
		if err := r.strip(req); err != nil {
			return err
		}
		tr.reset()
		return nil
	}
}

// strip removes every credential from a request leaving for another host.
func (r Redirects) strip(req *http.Request) error {
	if req.Body != nil && req.Body != http.NoBody && req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			raw := readAllString(body)
			if r.Masker.String(raw) != raw {
				return core.Errorf(core.EINVALID, "%s redirected a request whose body holds the key to another host (%s): AffDesk does not follow it.", r.name(), req.URL.Host)
			}
		}
	}
	req.Header.Del("Authorization")
	req.Header.Del("Cookie")
	if r.AuthHeader != "" {
		req.Header.Del(r.AuthHeader)
	}
	for k, vs := range req.Header {
		for _, v := range vs {
			if r.Masker.String(v) != v {
				req.Header.Del(k)
			}
		}
	}
	req.URL.User = nil
	req.URL.RawQuery = r.stripQuery(req.URL.Query())
	return nil
}

func (r Redirects) stripQuery(q url.Values) string {
	if r.AuthQuery != "" {
		q.Del(r.AuthQuery)
	}
	for k, vs := range q {
		for _, v := range vs {
			if r.Masker.String(v) != v || r.Masker.String(k) != k {
				q.Del(k)
			}
		}
	}
	return q.Encode()
}

func (r Redirects) name() string {
	if r.Connection == "" {
		return "The server"
	}
	return "Connection " + quote(r.Connection)
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `'`) + `"` }
