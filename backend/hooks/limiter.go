package hooks

import (
	"sync"
	"time"
)

// limiter caps requests per key within a sliding window.
type limiter struct {
	max    int
	window time.Duration
	now    func() time.Time
	mu     sync.Mutex
	seen   map[string][]time.Time
}

func newLimiter(max int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{max: max, window: window, now: now, seen: map[string][]time.Time{}}
}

// allow counts a request for key and reports whether it is within the
// cap; when it is not, wait is how long until one more would be.
func (l *limiter) allow(key string) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	recent := l.seen[key][:0]
	for _, t := range l.seen[key] {
		if now.Sub(t) < l.window {
			recent = append(recent, t)
		}
	}
	if len(recent) >= l.max {
		l.seen[key] = recent
		return false, recent[0].Add(l.window).Sub(now)
	}
	l.seen[key] = append(recent, now)
	l.forget(now)
	return true, 0
}

// forget drops keys with no request in the window, so the map does not
// grow with every token ever seen.
func (l *limiter) forget(now time.Time) {
	if len(l.seen) < 1024 {
		return
	}
	for k, ts := range l.seen {
		if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= l.window {
			delete(l.seen, k)
		}
	}
}
