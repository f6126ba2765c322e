package request_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// tooMany answers 429 with Retry-After: 60.
func tooMany(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "60")
	w.WriteHeader(429)
}

func TestTooManyRequestsRetriesWhileTheBudgetLasts(t *testing.T) {
	steps := []func(http.ResponseWriter, *http.Request){tooMany, tooMany, tooMany, tooMany, tooMany, okJSON(`{"ok":1}`)}
	tests := []struct {
		name     string
		method   string
		budget   time.Duration
		requests int32
		wantErr  string
	}{
		{"past the retry count", "GET", 10 * time.Minute, 6, ""},
		{"a write proven not applied", "POST", 10 * time.Minute, 6, ""},
		{"until the budget runs out", "GET", 3 * time.Minute, 4, "would pass the 3 min"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := script(t, steps[:tt.requests]...)
			var mu sync.Mutex
			var notes []string
			b := request.NewWaitBudget(tt.budget, func(w request.WaitNotice) { mu.Lock(); notes = append(notes, w.Message()); mu.Unlock() })
			tp := tpl(tt.method, "/x", core.BodyJSON)
			tp.Retries = 1
			_, err := client(newClock()).Do(request.WithWaitBudget(context.Background(), b), callTo(srv, tp))
			if *n != tt.requests || (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("requests %d, err %v", *n, err)
			}
			want := "Waiting 1 min for Acme's rate limit (3 of " + strings.TrimSuffix(tt.budget.String(), "m0s") + " min used)"
			if len(notes) != int(tt.requests)-1 || notes[2] != want {
				t.Fatalf("notices %q", notes)
			}
		})
	}
}

func TestRepeated429WithoutWaitStops(t *testing.T) {
	steps := make([]func(http.ResponseWriter, *http.Request), request.MaxRateLimitAttempts)
	for i := range steps {
		steps[i] = status(429, "Retry-After", "0")
	}
	srv, n := script(t, steps...)
	res, err := client(newClock()).Do(context.Background(), callTo(srv, listTemplate(1)))
	if err != nil || *n != request.MaxRateLimitAttempts || res.Status != 429 {
		t.Fatalf("requests %d err %v", *n, err)
	}
}

func TestWaitNoticeMessage(t *testing.T) {
	tests := []struct {
		n    request.WaitNotice
		want string
	}{
		{request.WaitNotice{Connection: "impact.com", Wait: 42 * time.Second, Used: 3 * time.Minute, Total: 10 * time.Minute, Cause: request.CauseRateLimit},
			"Waiting 42 s for impact.com's rate limit (3 of 10 min used)"},
		{request.WaitNotice{Connection: "Acme", Wait: 2 * time.Second, Used: 5 * time.Second, Total: 10 * time.Minute, Cause: request.CauseRetry},
			"Waiting 2 s before retrying Acme (5 s of 10 min used)"},
		{request.WaitNotice{Connection: "Acme", Wait: 90 * time.Minute, Used: 95 * time.Minute, Total: 120 * time.Minute, Cause: request.CauseRateLimit},
			"Waiting 1 h 30 min for Acme's rate limit (1 h 35 min of 2 h used)"},
	}
	for _, tt := range tests {
		if got := tt.n.Message(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestPacingIsReportedButNotCharged(t *testing.T) {
	srv := headerServer(t)
	clk := newClock()
	var notes []request.WaitNotice
	b := request.NewWaitBudget(time.Minute, func(w request.WaitNotice) { notes = append(notes, w) })
	ctx := request.WithWaitBudget(context.Background(), b)
	c := client(clk)
	call := callTo(srv, listTemplate(0))
	call.Target.RateLimit = perHour
	for range 30 {
		if _, err := c.Do(ctx, call); err != nil {
			t.Fatal(err)
		}
	}
	if b.Used() != 0 || len(notes) != 29 || notes[0].Wait != 3600*time.Millisecond {
		t.Fatalf("used %v, %d notices %+v", b.Used(), len(notes), notes)
	}
}
