package request_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// memStates is an in-memory RateStates; bad makes every read fail.
type memStates struct {
	mu  sync.Mutex
	m   map[string]core.RateState
	bad bool
}

func newStates() *memStates { return &memStates{m: map[string]core.RateState{}} }

func (s *memStates) GetRateState(key string) (core.RateState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bad {
		return core.RateState{}, core.Errorf(core.EINTERNAL, "damaged")
	}
	return s.m[key], nil
}

func (s *memStates) SaveRateState(key string, st core.RateState) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = st
	return nil
}

func rateTarget(key string, limit core.RateLimit) core.Target {
	return core.Target{ConnectionName: "impact.com", RateKey: key, RateLimit: limit}
}

var perHour = core.RateLimit{Requests: 1000, Per: "hour"}

func TestLimiterSpreadsRequestsEvenly(t *testing.T) {
	tests := []struct {
		limit core.RateLimit
		want  string
	}{
		{perHour, "[0s 3.6s 3.6s 3.6s]"},
		{core.RateLimit{Requests: 2, Per: "minute"}, "[0s 30s 30s 30s]"},
		{core.RateLimit{Requests: 1000, Per: "hour", Off: true}, "[0s 0s 0s 0s]"},
		{core.RateLimit{}, "[0s 0s 0s 0s]"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.limit.Requests)+tt.limit.Per, func(t *testing.T) {
			clk := newClock()
			l := request.NewLimiters(nil)
			var got []time.Duration
			for range 4 {
				d, err := l.Wait(context.Background(), rateTarget("1", tt.limit), clk.Now, clk.Sleep)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, d)
			}
			if s := fmtDurations(got); s != tt.want {
				t.Errorf("waits %s, want %s", s, tt.want)
			}
		})
	}
}

func fmtDurations(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestRateStateCarriesToTheNextProcess(t *testing.T) {
	states, clk := newStates(), newClock()
	first := request.NewLimiters(states)
	for range 2 {
		if _, err := first.Wait(context.Background(), rateTarget("7", perHour), clk.Now, clk.Sleep); err != nil {
			t.Fatal(err)
		}
	}
	clk.Sleep(context.Background(), time.Second)
	second := request.NewLimiters(states)
	d, err := second.Wait(context.Background(), rateTarget("7", perHour), clk.Now, clk.Sleep)
	if err != nil || d != 2600*time.Millisecond {
		t.Fatalf("the next process waited %v (%v), want the 2.6 s left of the slot", d, err)
	}
	first.Observe(rateTarget("7", perHour), 200, http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"40"}}, clk.Now())
	third := request.NewLimiters(states)
	if d, _ := third.Wait(context.Background(), rateTarget("7", perHour), clk.Now, clk.Sleep); d != 40*time.Second {
		t.Fatalf("a saved block gave a wait of %v, want 40 s", d)
	}
}

func TestDamagedOrFarStateIsBounded(t *testing.T) {
	far := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		state core.RateState
		bad   bool
		want  time.Duration
	}{
		{"unreadable entry counts as empty", core.RateState{NextFree: far}, true, 0},
		{"a far slot waits one period at most", core.RateState{NextFree: far}, false, time.Hour},
		{"a far block waits MaxBlock at most", core.RateState{BlockedUntil: far}, false, request.MaxBlock},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			states, clk := newStates(), newClock()
			states.m["1"], states.bad = tt.state, tt.bad
			d, err := request.NewLimiters(states).Wait(context.Background(), rateTarget("1", perHour), clk.Now, clk.Sleep)
			if err != nil || d != tt.want {
				t.Fatalf("waited %v (%v), want %v", d, err, tt.want)
			}
		})
	}
}

func TestCancelledWaitGivesItsSlotBack(t *testing.T) {
	clk, l := newClock(), request.NewLimiters(nil)
	l.Wait(context.Background(), rateTarget("1", perHour), clk.Now, clk.Sleep)
	cancelled := func(context.Context, time.Duration) error { return context.Canceled }
	if _, err := l.Wait(context.Background(), rateTarget("1", perHour), clk.Now, cancelled); err != context.Canceled {
		t.Fatalf("err %v", err)
	}
	if d, _ := l.Wait(context.Background(), rateTarget("1", perHour), clk.Now, clk.Sleep); d != 3600*time.Millisecond {
		t.Fatalf("after a cancelled wait the next waited %v, want 3.6 s", d)
	}
}

// headerServer answers every request 200 with the given headers.
func headerServer(t *testing.T, headers ...string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRemainingZeroBlocksEveryCaller(t *testing.T) {
	clk := newClock()
	epoch := strconv.FormatInt(clk.Now().Add(25*time.Second).Unix(), 10)
	tests := []struct {
		name    string
		headers []string
		want    time.Duration
	}{
		{"X-RateLimit reset in seconds", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "20"}, 20 * time.Second},
		{"X-RateLimit reset as epoch", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", epoch}, 25 * time.Second},
		{"impact.com partner headers", []string{"X-RateLimit-Remaining-hour", "0", "RateLimit-Reset", "30"}, 30 * time.Second},
		{"IETF draft headers", []string{"RateLimit-Remaining", "0", "RateLimit-Reset", "15"}, 15 * time.Second},
		{"remaining left", []string{"X-RateLimit-Remaining", "4", "X-RateLimit-Reset", "20"}, 0},
		{"no reset named", []string{"X-RateLimit-Remaining", "0"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := headerServer(t, tt.headers...)
			clk := newClock()
			limiters := request.NewLimiters(nil)
			one := &request.Client{Limiters: limiters, Now: clk.Now, Sleep: clk.Sleep, UserAgent: ua}
			other := &request.Client{Limiters: limiters, Now: clk.Now, Sleep: clk.Sleep, UserAgent: ua}
			if _, err := one.Do(context.Background(), callTo(srv, listTemplate(0))); err != nil {
				t.Fatal(err)
			}
			res, err := other.Do(context.Background(), callTo(srv, tpl("GET", "/other", core.BodyJSON)))
			if err != nil {
				t.Fatal(err)
			}
			if got := time.Duration(res.Exchanges[0].Attempts[0].WaitMs) * time.Millisecond; got != tt.want {
				t.Fatalf("the next caller waited %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTrackerBlockBeyondTheBudgetSendsNothing(t *testing.T) {
	var n int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", "1800")
	}))
	defer srv.Close()
	clk := newClock()
	c := client(clk)
	ctx := request.WithWaitBudget(context.Background(), request.NewWaitBudget(10*time.Minute, nil))
	c.Do(ctx, callTo(srv, listTemplate(0)))
	_, err := c.Do(ctx, callTo(srv, listTemplate(0)))
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(err.Error(), "Acme's rate limit needs a wait of 30 min") {
		t.Fatalf("err %v", err)
	}
	if n != 1 || len(clk.slept) != 0 {
		t.Fatalf("requests %d, slept %v", n, clk.slept)
	}
}
