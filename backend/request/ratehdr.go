package request

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// remainingHeaders name the count of requests left in the tracker's
// window: impact.com's Brand API, its Partner API, and the IETF draft.
var remainingHeaders = []string{"X-RateLimit-Remaining", "X-RateLimit-Remaining-hour", "RateLimit-Remaining"}

// TrackerBlock reads a response's rate-limit signals and returns the time
// before which the connection must send nothing, with ok false when the
// response asks for no wait. A 429 or 503 blocks for its Retry-After or
// reset; any response (2xx included) whose remaining count is 0 blocks
// until its reset (X-RateLimit-Reset or RateLimit-Reset, in seconds or as
// a Unix time), or its Retry-After. A count of 0 with no time says nothing
// about when to resume, so it blocks nothing: a following 429 is retried.
// The result is never before now.
func TrackerBlock(status int, h http.Header, now time.Time) (time.Time, bool) {
	if status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable && !exhausted(h) {
		return time.Time{}, false
	}
	d, ok := serverDelay(h, now)
	if !ok || d <= 0 {
		return time.Time{}, false
	}
	return now.Add(d), true
}

// exhausted reports whether a remaining-count header says 0 (or less).
func exhausted(h http.Header) bool {
	for _, name := range remainingHeaders {
		v := strings.TrimSpace(h.Get(name))
		if v == "" {
			continue
		}
		n, err := strconv.ParseFloat(v, 64)
		if err == nil && !math.IsNaN(n) && n <= 0 {
			return true
		}
	}
	return false
}
