package request

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// DefaultWaitBudget is how long one run (or one test call) may wait in
// all for trackers' rate limits and retries, unless Settings changes it.
const DefaultWaitBudget = 10 * time.Minute

// reportFrom is the shortest wait worth reporting.
const reportFrom = time.Second

// Causes of a wait, in WaitNotice.Cause.
const (
	CauseRateLimit = "rate limit" // the connection's limit or the tracker's signal
	CauseRetry     = "retry"      // the backoff before retrying a failed attempt
)

// WaitNotice is one wait, reported while it starts.
type WaitNotice struct {
	Connection string
	Wait       time.Duration // this wait
	Used       time.Duration // charged to the budget so far, this wait included
	Total      time.Duration // the budget
	Cause      string        // CauseRateLimit or CauseRetry
}

// Message words the notice for a run's progress:
// "Waiting 42 s for impact.com's rate limit (3 of 10 min used)".
func (n WaitNotice) Message() string {
	what := "for " + waitSubject(n.Connection, n.Cause)
	if n.Cause == CauseRetry {
		what = "before " + waitSubject(n.Connection, n.Cause)
	}
	return fmt.Sprintf("Waiting %s %s (%s used)", humanWait(n.Wait), what, usedOf(n.Used, n.Total))
}

// WaitBudget bounds the time one run spends waiting on trackers: the waits
// they ask for (Retry-After, X-RateLimit-Remaining: 0) and the backoffs
// before retries. A connection's own pacing is reported but not charged.
// It is safe for concurrent use; a nil budget charges nothing.
type WaitBudget struct {
	mu     sync.Mutex
	total  time.Duration
	used   time.Duration
	report func(WaitNotice)
}

// NewWaitBudget returns a budget of total (DefaultWaitBudget when not
// positive) that reports waits of a second or more to report (may be nil).
func NewWaitBudget(total time.Duration, report func(WaitNotice)) *WaitBudget {
	if total <= 0 {
		total = DefaultWaitBudget
	}
	return &WaitBudget{total: total, report: report}
}

// Used returns the time charged so far.
func (b *WaitBudget) Used() time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used
}

// Total returns the budget.
func (b *WaitBudget) Total() time.Duration { return b.total }

// Spend charges a wait of d for conn's cause and reports it; it returns an
// EUNAVAILABLE error, charging nothing, when d would pass the budget.
func (b *WaitBudget) Spend(conn string, d time.Duration, cause string) error {
	return b.charge(conn, d, d, cause)
}

// take charges the tracker-asked part of a rate-limit wait and reports the
// whole wait.
func (b *WaitBudget) take(conn string, wait, asked time.Duration) error {
	return b.charge(conn, wait, max(0, min(asked, wait)), CauseRateLimit)
}

func (b *WaitBudget) charge(conn string, wait, cost time.Duration, cause string) error {
	if b == nil || wait <= 0 {
		return nil
	}
	b.mu.Lock()
	if b.used+cost > b.total {
		used := b.used
		b.mu.Unlock()
		return core.Errorf(core.EUNAVAILABLE,
			"Stopped: %s needs a wait of %s, which would pass the %s a run may wait for rate limits and retries (%s used). Raise that limit in Settings → Requests, or run later.",
			waitSubject(conn, cause), humanWait(cost), humanWait(b.total), humanWait(used))
	}
	b.used += cost
	n := WaitNotice{Connection: conn, Wait: wait, Used: b.used, Total: b.total, Cause: cause}
	b.mu.Unlock()
	if b.report != nil && wait >= reportFrom {
		b.report(n)
	}
	return nil
}

// waitSubject names what a wait is for: "impact.com's rate limit" or
// "retrying impact.com".
func waitSubject(conn, cause string) string {
	if cause == CauseRetry {
		return "retrying " + conn
	}
	return conn + "'s rate limit"
}

type budgetKey struct{}

// WithWaitBudget returns ctx carrying b, for every request made under it.
func WithWaitBudget(ctx context.Context, b *WaitBudget) context.Context {
	return context.WithValue(ctx, budgetKey{}, b)
}

// WaitBudgetFrom returns ctx's budget, or nil when it carries none.
func WaitBudgetFrom(ctx context.Context) *WaitBudget {
	b, _ := ctx.Value(budgetKey{}).(*WaitBudget)
	return b
}

// ensureWaitBudget gives ctx a DefaultWaitBudget when it carries none.
func ensureWaitBudget(ctx context.Context) context.Context {
	if WaitBudgetFrom(ctx) != nil {
		return ctx
	}
	return WithWaitBudget(ctx, NewWaitBudget(DefaultWaitBudget, nil))
}

// humanWait renders a wait for people: "42 s", "3 min", "1 h 5 min".
func humanWait(d time.Duration) string {
	s := int64((d + time.Second - 1) / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s < 3600:
		return fmt.Sprintf("%d min", (s+30)/60)
	}
	m := (s + 30) / 60
	if m%60 == 0 {
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// usedOf renders "3 of 10 min", or "42 s of 10 min" under a minute.
func usedOf(used, total time.Duration) string {
	t := humanWait(total)
	if used < time.Minute || used >= time.Hour || total >= time.Hour || total%time.Minute != 0 {
		return humanWait(used) + " of " + t
	}
	return fmt.Sprintf("%d of %s", int64(used/time.Minute), t)
}
