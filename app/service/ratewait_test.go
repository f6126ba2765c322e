package service_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// stepClock is an injected clock whose Sleep moves time on at once and
// remembers each wait.
type stepClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func (c *stepClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *stepClock) Sleep(_ context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t, c.slept = c.t.Add(d), append(c.slept, d)
	return nil
}

func (c *stepClock) waits() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// openAt opens services on dir with the clock, as one process would.
func openAt(t *testing.T, dir string, sec testkit.MemSecrets, clk *stepClock) *service.Services {
	t.Helper()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: sec, Now: clk.Now, Sleep: clk.Sleep})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// oneCallAutomation saves a connection to url with limit, a GET template
// and an automation calling it once.
func oneCallAutomation(t *testing.T, s *service.Services, url string, limit core.RateLimit) core.Automation {
	t.Helper()
	c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "API", Platform: core.PlatformCustom, RateLimit: limit,
		Settings: map[string]string{"base_url": url, "auth_mode": "bearer"}}, Secrets: map[string]string{"token": "bearer-token-0001"}})
	tpl, err := s.SaveTemplate(testkit.GetTemplate(c.ID, "/items"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.SaveAutomation(core.Automation{Name: "Pull items", Trigger: core.Trigger{Kind: "manual"},
		Steps: []core.Step{{ID: "s1", Kind: core.StepActionGet, TemplateID: tpl.ID, Values: map[string]string{}}}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestBackToBackRunsShareTheQuota(t *testing.T) {
	var hits int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		w.Write([]byte(`{"items":[]}`))
	}))
	defer srv.Close()
	dir, sec, clk := t.TempDir(), testkit.MemSecrets{}, &stepClock{t: testkit.Fixed}
	first := openAt(t, dir, sec, clk)
	a := oneCallAutomation(t, first, srv.URL, core.RateLimit{Requests: 2, Per: "minute"})
	if run, err := first.RunNow(context.Background(), a.ID, false, "cli"); err != nil || run.Status != core.RunCompleted {
		t.Fatalf("first run %s %v %+v", run.Status, err, run.Steps)
	}
	first.Close()
	clk.Sleep(context.Background(), 10*time.Second)
	second := openAt(t, dir, sec, clk)
	defer second.Close()
	var msgs []string
	second.OnEvent(func(ev engine.Event) {
		if ev.RunID != 0 && ev.Wait {
			msgs = append(msgs, ev.Message)
		}
	})
	run, err := second.RunNow(context.Background(), a.ID, false, "cli")
	if err != nil || run.Status != core.RunCompleted || hits != 2 {
		t.Fatalf("second run %s %v %+v, %d requests", run.Status, err, run.Steps, hits)
	}
	if w := clk.waits(); len(w) != 2 || w[1] != 20*time.Second {
		t.Fatalf("waits %v: the second run should wait the 20 s left of the first run's slot", w)
	}
	if len(msgs) != 1 || msgs[0] != "Waiting 20 s for API's rate limit (0 s of 10 min used)" {
		t.Fatalf("progress %q", msgs)
	}
}

func TestRunStopsWhenTheRateWaitCapIsPassed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "90")
		w.WriteHeader(429)
	}))
	defer srv.Close()
	clk := &stepClock{t: testkit.Fixed}
	s := openAt(t, t.TempDir(), testkit.MemSecrets{}, clk)
	defer s.Close()
	if err := s.SetRateWaitMinutes(121); core.ErrorField(err) != "rateWaitMinutes" {
		t.Fatalf("121 minutes: %v", err)
	}
	if err := s.SetRateWaitMinutes(2); err != nil {
		t.Fatal(err)
	}
	if info, _ := s.Info(); info.RateWaitMinutes != 2 {
		t.Fatalf("info shows %d minutes", info.RateWaitMinutes)
	}
	a := oneCallAutomation(t, s, srv.URL, core.RateLimit{Off: true})
	run, err := s.RunNow(context.Background(), a.ID, false, "cli")
	if err != nil || run.Status == core.RunCompleted || !strings.Contains(run.Steps[0].Error, "would pass the 2 min") {
		t.Fatalf("run %s %v: %q", run.Status, err, run.Steps[0].Error)
	}
	if w := clk.waits(); len(w) != 1 || w[0] != 90*time.Second {
		t.Fatalf("waits %v, want one of 90 s before the cap", w)
	}
}
