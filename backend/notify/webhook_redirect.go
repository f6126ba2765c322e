package notify

import (
	"errors"
	"net/http"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// maxRedirects bounds how many redirects one webhook follows.
const maxRedirects = 5

// refusedRedirect is a redirect a webhook does not follow; the answer
// that asked for it is what the record keeps.
type refusedRedirect struct{ err error }

func (r refusedRedirect) Error() string { return r.err.Error() }
func (r refusedRedirect) Unwrap() error { return r.err }

// withRedirectPolicy returns a copy of client that follows a webhook's
// redirects safely: never from https to http; to another host (or port)
// only with every credential header (CredentialHeader), the URL's user
// info and the Referer removed, and never re-sending the body there.
func withRedirectPolicy(client *http.Client) *http.Client {
	c := *client
	c.CheckRedirect = checkRedirect
	return &c
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return refusedRedirect{core.Errorf(core.EUNAVAILABLE, "The webhook was redirected more than %d times.", maxRedirects)}
	}
	prev, first := via[len(via)-1].URL, via[0].URL
	if prev.Scheme == "https" && req.URL.Scheme != "https" {
		return refusedRedirect{core.Errorf(core.EUNAVAILABLE, "The webhook's server redirected it from https to %s://%s: AffDesk does not follow it, so its headers never travel unencrypted. Use an https address.", req.URL.Scheme, req.URL.Host)}
	}
	req.Header.Del("Referer")
	if strings.EqualFold(req.URL.Host, first.Host) && req.URL.Scheme == first.Scheme {
		return nil
	}
	if req.Body != nil && req.Body != http.NoBody {
		return refusedRedirect{core.Errorf(core.EUNAVAILABLE, "The webhook's server redirected it with its body to another host (%s): AffDesk does not send it there. Use that address as the webhook URL if it is meant.", req.URL.Host)}
	}
	for name := range req.Header {
		if CredentialHeader(name) {
			req.Header.Del(name)
		}
	}
	req.URL.User = nil
	return nil
}

// asRefused reports whether err is a redirect the policy refused, and its
// coded error.
func asRefused(err error) (error, bool) {
	var r refusedRedirect
	if errors.As(err, &r) {
		return r.err, true
	}
	return nil, false
}
