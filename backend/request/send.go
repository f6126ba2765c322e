package request

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// DefaultMaxBody is the response size cap: 64 MiB.
const DefaultMaxBody = 64 << 20

// Sender sends requests with timeouts and a response size cap.
type Sender struct {
	Timeout        time.Duration // whole exchange; default 60 s
	ConnectTimeout time.Duration // TCP connect; default 10 s
	MaxBody        int64         // default DefaultMaxBody
	Now            func() time.Time
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
// certificate).
func (s Sender) Send(ctx context.Context, b *Built, skipTLS bool) (*Response, error) {
	now := s.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	resp, err := s.client(skipTLS).Do(b.Req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, s.maxBody())
	if err != nil {
		return nil, err
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

func readCapped(r io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read response: %w", err)
	}
	if int64(len(body)) > max {
		return nil, core.Errorf(core.EINVALID, "The response is larger than the %s limit; narrow the request (dates, page size) or raise the limit in Settings.", FormatSize(max))
	}
	return body, nil
}

func (s Sender) client(skipTLS bool) *http.Client {
	timeout, connect := s.Timeout, s.ConnectTimeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	if connect <= 0 {
		connect = 10 * time.Second
	}
	return &http.Client{Timeout: timeout, Transport: transportFor(skipTLS, connect), CheckRedirect: noCrossHostRedirect}
}

// transports are shared by every request with the same TLS and connect
// settings, so connections to a tracker are kept alive between calls.
var transports sync.Map // transportKey -> *http.Transport

type transportKey struct {
	skipTLS bool
	connect time.Duration
}

func transportFor(skipTLS bool, connect time.Duration) *http.Transport {
	key := transportKey{skipTLS, connect}
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
	}
	actual, _ := transports.LoadOrStore(key, t)
	return actual.(*http.Transport)
}

// noCrossHostRedirect follows redirects on the same host only, so
// credentials never travel to another host.
func noCrossHostRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return errors.New("too many redirects")
	}
	if req.URL.Host != via[0].URL.Host {
		return http.ErrUseLastResponse
	}
	return nil
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
