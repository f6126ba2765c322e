package request

import (
	"context"
	"net/http"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/cenkalti/backoff/v5"
)

// MaxRateLimitAttempts bounds the attempts of one request answered 429
// again and again, even with wait budget to spare (a tracker may ask for
// no wait at all).
const MaxRateLimitAttempts = 50

// waitTurn waits for t's connection to allow the next request: its own
// pacing and any block the tracker asked for (see Limiters.Wait).
func (c *Client) waitTurn(ctx context.Context, t core.Target) (time.Duration, error) {
	return c.limiters().Wait(ctx, t, c.now, c.sleep)
}

// observe lets t's connection obey the rate-limit signals of a response,
// for every caller (see Limiters.Observe). A nil response says nothing.
func (c *Client) observe(t core.Target, resp *Response) {
	if resp != nil {
		c.limiters().Observe(t, resp.Status, resp.Header, c.now())
	}
}

// retriesSpent reports whether attempt n was the last. A 429 proves the
// request was not applied, so under a WaitBudget it is sent again (a write
// too) until the budget or MaxRateLimitAttempts runs out; anything else
// gets the policy's retries.
func retriesSpent(ctx context.Context, p RetryPolicy, n int, resp *Response) bool {
	if resp != nil && resp.Status == http.StatusTooManyRequests && WaitBudgetFrom(ctx) != nil {
		return n >= MaxRateLimitAttempts
	}
	return n > p.Retries
}

// retryDelay returns the wait before retrying after resp and charges it to
// ctx's WaitBudget, whose EUNAVAILABLE error says when it would pass.
func (c *Client) retryDelay(ctx context.Context, t core.Target, p RetryPolicy, resp *Response, bo *backoff.ExponentialBackOff) (time.Duration, error) {
	d := nextDelay(p, resp, bo, c.now())
	cause := CauseRetry
	if resp != nil && resp.Status == http.StatusTooManyRequests {
		cause = CauseRateLimit
	}
	return d, WaitBudgetFrom(ctx).Spend(t.ConnectionName, d, cause)
}
