package request

import (
	"context"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"golang.org/x/time/rate"
)

// Limiters holds one token bucket per key (a connection), so every caller
// of a connection shares its rate limit.
type Limiters struct {
	mu sync.Mutex
	m  map[string]*limiterEntry
}

type limiterEntry struct {
	limit core.RateLimit
	lim   *rate.Limiter
}

// NewLimiters returns an empty set.
func NewLimiters() *Limiters { return &Limiters{m: map[string]*limiterEntry{}} }

// perSeconds is the length of a rate-limit period.
func perSeconds(per string) float64 {
	switch per {
	case "minute":
		return 60
	case "hour":
		return 3600
	}
	return 1
}

// get returns the key's limiter, made anew when its limit changed; nil
// for no limit. The burst is the whole quota of one period, so a limit of
// 1,000 an hour allows 1,000 quick calls and then one every 3.6 s.
func (l *Limiters) get(key string, limit core.RateLimit) *rate.Limiter {
	if limit.Requests <= 0 {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.m[key]
	if e == nil || e.limit != limit {
		every := rate.Limit(float64(limit.Requests) / perSeconds(limit.Per))
		e = &limiterEntry{limit: limit, lim: rate.NewLimiter(every, limit.Requests)}
		l.m[key] = e
	}
	return e.lim
}

// Wait takes one token for key, sleeping as long as the limit requires,
// and returns how long it waited. now and sleep are injected for tests.
func (l *Limiters) Wait(ctx context.Context, key string, limit core.RateLimit, now func() time.Time, sleep func(context.Context, time.Duration) error) (time.Duration, error) {
	lim := l.get(key, limit)
	if lim == nil {
		return 0, nil
	}
	t := now()
	r := lim.ReserveN(t, 1)
	if !r.OK() {
		return 0, core.Errorf(core.EINVALID, "The rate limit of %d per %s cannot be met.", limit.Requests, limit.Per)
	}
	d := r.DelayFrom(t)
	if err := sleep(ctx, d); err != nil {
		r.CancelAt(now())
		return 0, err
	}
	return d, nil
}
