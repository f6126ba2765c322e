package request

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/cenkalti/backoff/v5"
)

// RetryPolicy bounds automatic retries.
type RetryPolicy struct {
	Retries       int           // retries after the first attempt
	Base          time.Duration // first backoff delay (jittered ±50%)
	Cap           time.Duration // longest backoff delay
	MaxRetryAfter time.Duration // longest wait a tracker may ask for with Retry-After or a reset header
}

// DefaultPolicy returns the policy for a template's retry count: 0.5 s
// doubling to at most 30 s, and server-asked waits of at most 2 minutes.
func DefaultPolicy(retries int) RetryPolicy {
	return RetryPolicy{Retries: retries, Base: 500 * time.Millisecond, Cap: 30 * time.Second, MaxRetryAfter: 2 * time.Minute}
}

// Attempt is one try at sending a request.
type Attempt struct {
	Number     int    `json:"number"`
	Status     int    `json:"status"` // 0 when no response came back
	Error      string `json:"error,omitempty"`
	DurationMs int64  `json:"durationMs"`
	WaitMs     int64  `json:"waitMs"`          // waited before it: backoff, a server-asked delay or the rate limit
	Retry      string `json:"retry,omitempty"` // why another attempt followed, if one did
}

// retryableStatus is a response worth another attempt.
func retryableStatus(status int) bool {
	return status == 429 || status == 502 || status == 503 || status == 504
}

// retryableError is a transport failure worth another attempt: not a
// coded error of ours (such as the size cap) and not a cancellation.
func retryableError(err error) bool {
	var ce *core.Error
	return err != nil && !errors.As(err, &ce) && !errors.Is(err, context.Canceled)
}

// backoffFor returns a jittered exponential backoff for the policy.
func backoffFor(p RetryPolicy) *backoff.ExponentialBackOff {
	b := &backoff.ExponentialBackOff{InitialInterval: p.Base, RandomizationFactor: 0.5, Multiplier: 2, MaxInterval: p.Cap}
	b.Reset()
	return b
}

// nextDelay decides how long to wait before the next attempt. It prefers
// the tracker's own hint (Retry-After, X-RateLimit-Reset, RateLimit-Reset)
// and refuses one longer than the policy allows.
func nextDelay(p RetryPolicy, resp *Response, bo *backoff.ExponentialBackOff, now time.Time) (time.Duration, error) {
	if resp != nil {
		if hint, ok := serverDelay(resp.Header, now); ok {
			if hint > p.MaxRetryAfter {
				return 0, fmt.Errorf("the tracker asks to wait %s before retrying, longer than AffDesk waits (%s)", hint.Round(time.Second), p.MaxRetryAfter)
			}
			return hint, nil
		}
	}
	d := bo.NextBackOff()
	if d > p.Cap {
		d = p.Cap
	}
	return d, nil
}

// serverDelay reads how long the tracker asks us to wait. Retry-After is
// seconds or an HTTP date; the reset headers are seconds or a Unix time
// (impact.com documents seconds but shows an epoch: both are accepted).
func serverDelay(h http.Header, now time.Time) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
			return clampDelay(time.Duration(secs) * time.Second), true
		}
		if t, err := http.ParseTime(v); err == nil {
			return clampDelay(t.Sub(now)), true
		}
	}
	for _, name := range []string{"X-RateLimit-Reset", "RateLimit-Reset"} {
		v := strings.TrimSpace(h.Get(name))
		n, err := strconv.ParseInt(v, 10, 64)
		if v == "" || err != nil {
			continue
		}
		if n > 1_000_000_000 {
			return clampDelay(time.Unix(n, 0).Sub(now)), true
		}
		return clampDelay(time.Duration(n) * time.Second), true
	}
	return 0, false
}

func clampDelay(d time.Duration) time.Duration {
	if d < 0 {
		return 0
	}
	return d
}

// Sleep waits d, or returns ctx's error when it ends first.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
