package request

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/httptrace"
	"sync"
	"time"
)

// DefaultMaxBody is the response size cap: 64 MiB.
const DefaultMaxBody = 64 << 20

// Sender sends requests with timeouts and a response size cap.
type Sender struct {
	Timeout        time.Duration // whole exchange; default 60 s
	ConnectTimeout time.Duration // TCP connect; default 10 s
	MaxBody        int64         // default DefaultMaxBody
	Now            func() time.Time
	// Redirects says which credentials to strip when a redirect leaves the
	// host; the zero value strips only Authorization.
	Redirects Redirects
	// Fresh sends on a new connection, never on a kept-alive one that the
	// server may have closed: a write uses it, so a stale connection can
	// never leave its outcome in doubt.
	Fresh bool
	// Buf, when set, is where the body is read: grown as needed and kept
	// there for the next Send, so a caller reading page after page reuses
	// one buffer instead of allocating (and growing) one per page. The
	// Response's Body then shares it and is valid only until the next
	// Send with the same Buf.
	Buf *[]byte
}

// Response is what came back.
type Response struct {
	Status     int
	StatusText string
	Header     http.Header
	Body       []byte
	Duration   time.Duration
}

// Send sends b and reads the whole response body up to the cap. A body
// over the cap is an EINVALID error, never an out-of-memory. skipTLS turns
// off certificate checks (for self-hosted trackers with their own
// certificate). Every error is a *SendError that says how far the request
// got, so a caller can tell a write that never left from one whose outcome
// is unknown.
func (s Sender) Send(ctx context.Context, b *Built, skipTLS bool) (*Response, error) {
	now := s.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	tr := &progress{}
	ctx = httptrace.WithClientTrace(ctx, tr.trace())
	resp, err := s.client(skipTLS, tr).Do(b.Req.WithContext(ctx))
	if err != nil {
		return nil, tr.fail(err)
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, s.maxBody(), s.Buf, resp.ContentLength)
	if err != nil {
		return nil, &SendError{Err: err, Written: true, Answered: true}
	}
	return &Response{
		Status: resp.StatusCode, StatusText: http.StatusText(resp.StatusCode),
		Header: resp.Header, Body: body, Duration: now().Sub(start),
	}, nil
}

func (s Sender) maxBody() int64 {
	if s.MaxBody > 0 {
		return s.MaxBody
	}
	return DefaultMaxBody
}

func (s Sender) client(skipTLS bool, tr *progress) *http.Client {
	timeout, connect := s.Timeout, s.ConnectTimeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	if connect <= 0 {
		connect = 10 * time.Second
	}
	return &http.Client{Timeout: timeout, Transport: transportFor(transportKey{skipTLS, connect, s.Fresh}), CheckRedirect: s.Redirects.check(tr)}
}

// transports are shared by every request with the same TLS and connect
// settings, so connections to a tracker are kept alive between calls.
var transports sync.Map // transportKey -> *http.Transport

type transportKey struct {
	skipTLS bool
	connect time.Duration
	fresh   bool
}

func transportFor(key transportKey) *http.Transport {
	skipTLS, connect := key.skipTLS, key.connect
	if t, ok := transports.Load(key); ok {
		return t.(*http.Transport)
	}
	t := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout: connect,
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: skipTLS}, //nolint:gosec // per-connection opt-in, shown as a warning
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 16,
		IdleConnTimeout:     90 * time.Second,
		DisableKeepAlives:   key.fresh,
	}
	actual, _ := transports.LoadOrStore(key, t)
	return actual.(*http.Transport)
}

// FormatSize renders a byte count for people: 512 B, 1.5 KiB, 64 MiB.
func FormatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	s := fmt.Sprintf("%.1f", v)
	if v == float64(int64(v)) {
		s = fmt.Sprintf("%d", int64(v))
	}
	return s + " " + string("KMGTPE"[exp]) + "iB"
}
