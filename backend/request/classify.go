package request

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// Classify turns the outcome of a connection check into plain words. resp
// is nil when err is set.
func Classify(connName string, resp *Response, err error) core.CheckResult {
	if err != nil {
		return classifyError(connName, err)
	}
	r := core.CheckResult{HTTPStatus: resp.Status, DurationMs: resp.Duration.Milliseconds()}
	switch {
	case resp.Status == 401 || resp.Status == 403:
		r.Status, r.Message = core.CheckWrongKey, fmt.Sprintf("The tracker refused the credentials of %q (HTTP %d). Check the key or token, and that it has API access.", connName, resp.Status)
	case resp.Status == 404 || resp.Status == 405:
		r.Status, r.Message = core.CheckWrongURL, fmt.Sprintf("The server answered, but not as this tracker's API (HTTP %d). Check the URL: the root domain, with no /api/ at the end.", resp.Status)
	case resp.Status >= 500:
		r.Status, r.Message = core.CheckFailed, fmt.Sprintf("The tracker had an internal error (HTTP %d). Try again later.", resp.Status)
	case resp.Status >= 300 && resp.Status < 400:
		r.Status, r.Message = core.CheckWrongURL, fmt.Sprintf("The server redirects elsewhere (HTTP %d). Check the URL.", resp.Status)
	case resp.Status >= 400:
		r.Status, r.Message = core.CheckFailed, fmt.Sprintf("The tracker rejected the check call (HTTP %d).", resp.Status)
	case looksLikeHTML(resp.Body):
		r.Status, r.Message = core.CheckWrongURL, "The server answered with a web page, not the API. Check the URL: the API domain, not the dashboard's."
	case bodyRefusesKey(resp.Body):
		r.Status, r.Message = core.CheckWrongKey, fmt.Sprintf("The tracker refused the credentials of %q. Check the key.", connName)
	default:
		r.Status, r.Message = core.CheckOK, "Connected: the tracker accepted the credentials."
	}
	return r
}

func classifyError(connName string, err error) core.CheckResult {
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var recordErr tls.RecordHeaderError
	var dnsErr *net.DNSError
	var urlErr *url.Error
	switch {
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr):
		return core.CheckResult{Status: core.CheckTLS, Message: "The server's TLS certificate is not trusted (self-signed, expired or for another name). For a self-hosted tracker with its own certificate, turn on \"Skip TLS verification\"."}
	case errors.As(err, &recordErr):
		return core.CheckResult{Status: core.CheckTLS, Message: "The server does not speak HTTPS on that address. Check the URL's scheme and port."}
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return core.CheckResult{Status: core.CheckWrongURL, Message: fmt.Sprintf("The host %q does not exist. Check the URL for typos.", dnsErr.Name)}
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return core.CheckResult{Status: core.CheckUnreachable, Message: "The tracker did not answer in time. Check the URL, your network, or a firewall."}
	case errors.As(err, &urlErr) || isNetErr(err):
		return core.CheckResult{Status: core.CheckUnreachable, Message: "Could not reach the tracker (connection refused or network down). Check the URL and your network."}
	}
	return core.CheckResult{Status: core.CheckFailed, Message: core.ErrorMessage(err)}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func isNetErr(err error) bool {
	var op *net.OpError
	return errors.As(err, &op)
}

func looksLikeHTML(body []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// refusalMarkers are the words trackers use to refuse a key inside an
// HTTP 200: Affise's "Auth Denied" and "Token is necessary", CAKE's
// "Invalid API Key".
var refusalMarkers = []string{"auth denied", "token is necessary", "invalid api key", "api key is invalid"}

// bodyRefusesKey spots trackers that refuse a key inside an HTTP 200, such
// as Affise's {"status":2,"message":"Auth Denied"} or CAKE's "Invalid API Key".
func bodyRefusesKey(body []byte) bool {
	return RefusesKey(string(body[:min(len(body), 2048)]))
}

// RefusesKey reports whether a tracker's message says it refused the key.
func RefusesKey(msg string) bool {
	s := strings.ToLower(msg)
	for _, marker := range refusalMarkers {
		if strings.Contains(s, marker) {
			return true
		}
	}
	return false
}
