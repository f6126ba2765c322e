package request_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/request"
)

// FuzzTrackerBlock feeds any header values to the rate-limit reader and
// checks that a block is never in the past, and that a response with room
// left and no 429 or 503 never blocks.
func FuzzTrackerBlock(f *testing.F) {
	f.Add(200, "0", "1487332519", "", "")
	f.Add(429, "", "", "120", "")
	f.Add(200, "0", "", "", "30")
	f.Add(503, "", "", "Wed, 21 Oct 2015 07:28:00 GMT", "")
	f.Add(200, "-1", "99999999999999999999", "9223372036854775807", "1e9")
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, status int, remaining, reset, retryAfter, ietfReset string) {
		h := http.Header{}
		for k, v := range map[string]string{"X-RateLimit-Remaining": remaining, "X-RateLimit-Reset": reset, "Retry-After": retryAfter, "RateLimit-Reset": ietfReset} {
			if v != "" {
				h.Set(k, v)
			}
		}
		until, ok := request.TrackerBlock(status, h, now)
		if ok && !until.After(now) {
			t.Fatalf("block %v is not after now", until)
		}
		if ok && status != 429 && status != 503 && remaining == "" {
			t.Fatalf("status %d without a remaining count blocked until %v", status, until)
		}
	})
}
