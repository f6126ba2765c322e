package request

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/cenkalti/backoff/v5"
)

// RetryPolicy bounds automatic retries. A 429 is retried beyond Retries
// while the run's WaitBudget lasts (see retriesSpent): the budget, not the
// count, bounds waiting for a tracker's rate limit.
type RetryPolicy struct {
	Retries int           // retries after the first attempt
	Base    time.Duration // first backoff delay (jittered ±50%)
	Cap     time.Duration // longest backoff delay
}

// DefaultPolicy returns the policy for a template's retry count: 0.5 s
// doubling to at most 30 s. Server-asked waits are bounded by the run's
// WaitBudget instead.
func DefaultPolicy(retries int) RetryPolicy {
	return RetryPolicy{Retries: retries, Base: 500 * time.Millisecond, Cap: 30 * time.Second}
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
// the tracker's own hint (Retry-After, X-RateLimit-Reset, RateLimit-Reset),
// else the jittered backoff. The run's WaitBudget bounds it (retryDelay).
func nextDelay(p RetryPolicy, resp *Response, bo *backoff.ExponentialBackOff, now time.Time) time.Duration {
	if resp != nil {
		if hint, ok := serverDelay(resp.Header, now); ok {
			return hint
		}
	}
	return min(bo.NextBackOff(), p.Cap)
}

// maxHintSeconds caps a delay in seconds before it becomes a Duration, so
// no header can overflow it (about 31 years; MaxBlock cuts it further).
const maxHintSeconds = 1_000_000_000

// serverDelay reads how long the tracker asks us to wait. Retry-After is
// seconds or an HTTP date; the reset headers are seconds or a Unix time
// (impact.com documents seconds but shows an epoch: both are accepted).
func serverDelay(h http.Header, now time.Time) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
			return clampDelay(time.Duration(min(secs, maxHintSeconds)) * time.Second), true
		}
		if t, err := http.ParseTime(v); err == nil {
			return clampDelay(t.Sub(now)), true
		}
	}
	return resetDelay(h, now)
}

// resetDelay reads X-RateLimit-Reset or RateLimit-Reset: seconds from now,
// or a Unix time when larger than 10^9.
func resetDelay(h http.Header, now time.Time) (time.Duration, bool) {
	for _, name := range []string{"X-RateLimit-Reset", "RateLimit-Reset"} {
		v := strings.TrimSpace(h.Get(name))
		n, err := strconv.ParseInt(v, 10, 64)
		if v == "" || err != nil {
			continue
		}
		if n > maxHintSeconds {
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
