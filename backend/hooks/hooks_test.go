package hooks_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/hooks"
)

const (
	token    = "tok_abcdefghijklmnopqrstuvwxyz0123456789"
	offToken = "off_abcdefghijklmnopqrstuvwxyz0123456789"
	secret   = "s3cret-value-never-logged"
)

// world is a listener on 127.0.0.1 with two hooks, a fake starter and
// a clock the test moves.
type world struct {
	srv    *hooks.Server
	client *http.Client
	mu     sync.Mutex
	now    time.Time
	starts []map[string]any
	logs   []string
}

func start(t *testing.T, rate int) *world {
	t.Helper()
	w := &world{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), client: &http.Client{Transport: &http.Transport{}}}
	lookup := func(tok string) (hooks.Hook, bool, error) {
		switch tok {
		case token:
			return hooks.Hook{AutomationID: 4, Enabled: true, SecretHeader: "X-AffDesk-Secret", Secret: secret}, true, nil
		case offToken:
			return hooks.Hook{AutomationID: 5}, true, nil
		}
		return hooks.Hook{}, false, nil
	}
	starter := func(_ context.Context, h hooks.Hook, vars map[string]any) (uint64, error) {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.starts = append(w.starts, vars)
		return uint64(100 + len(w.starts)), nil
	}
	srv, err := hooks.Start(hooks.Config{Addr: "127.0.0.1:0", Lookup: lookup, Start: starter, Rate: rate, MaxBody: 1024,
		Now:  func() time.Time { w.mu.Lock(); defer w.mu.Unlock(); return w.now },
		Logf: func(f string, a ...any) { w.mu.Lock(); w.logs = append(w.logs, fmt.Sprintf(f, a...)); w.mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	w.srv = srv
	t.Cleanup(func() { _ = srv.Stop(context.Background()) })
	return w
}

func (w *world) post(t *testing.T, method, tok, sec, body string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, w.srv.URL()+tok, strings.NewReader(body))
	if sec != "" {
		req.Header.Set("X-AffDesk-Secret", sec)
	}
	resp, err := w.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestFireAnswers(t *testing.T) {
	tests := []struct {
		name, method, token, secret, body string
		want                              int
		wantText                          string
	}{
		{"success", "POST", token, secret, `{"amount": 12.50}`, 202, `{"runId":101}`},
		{"unknown token", "POST", "nope_abcdefghijklmnopqrstuvwxyz0123456789", secret, `{}`, 404, "404 page not found"},
		{"disabled trigger", "POST", offToken, "", `{}`, 404, "404 page not found"},
		{"wrong secret", "POST", token, "guess", `{}`, 401, "secret is missing or wrong"},
		{"missing secret", "POST", token, "", `{}`, 401, "secret is missing or wrong"},
		{"secret with a suffix", "POST", token, secret + "x", `{}`, 401, "secret is missing or wrong"},
		{"too large", "POST", token, secret, `{"a":"` + strings.Repeat("x", 1100) + `"}`, 413, "larger than 1 KiB"},
		{"not JSON", "POST", token, secret, `amount=12`, 400, "must be a JSON object"},
		{"a JSON array", "POST", token, secret, `[1,2]`, 400, "must be a JSON object"},
		{"two objects", "POST", token, secret, `{} {}`, 400, "must be a JSON object"},
		{"GET", "GET", token, secret, ``, 405, ""},
		{"PUT", "PUT", token, secret, `{}`, 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := start(t, 30)
			status, _, text := w.post(t, tt.method, tt.token, tt.secret, tt.body)
			if status != tt.want || !strings.Contains(text, tt.wantText) {
				t.Fatalf("got %d %q, want %d %q", status, text, tt.want, tt.wantText)
			}
			if started := len(w.starts); (status == 202) != (started == 1) {
				t.Fatalf("%d runs started on a %d", started, status)
			}
		})
	}
}

func TestFireSetsVariables(t *testing.T) {
	w := start(t, 30)
	body := `{"amount": 12.50, "order": "A-7", "ok": true, "none": null, "meta": {"a": [1, 2]}, "first-name": "Ann"}`
	if status, _, text := w.post(t, "POST", token, secret, body); status != 202 {
		t.Fatalf("%d %s", status, text)
	}
	got := w.starts[0]
	want := map[string]any{"webhook_amount": "12.50", "webhook_order": "A-7", "webhook_ok": "true", "webhook_none": "",
		"webhook_meta": `{"a":[1,2]}`, "webhook_first_name": "Ann", "webhook_body": body}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("vars\n got %v\nwant %v", got, want)
	}
}

func TestRateCapPerToken(t *testing.T) {
	w := start(t, 3)
	for i := 0; i < 3; i++ {
		if status, _, _ := w.post(t, "POST", token, secret, `{}`); status != 202 {
			t.Fatalf("request %d: %d", i+1, status)
		}
	}
	w.mu.Lock()
	w.now = w.now.Add(20 * time.Second)
	w.mu.Unlock()
	status, header, _ := w.post(t, "POST", token, secret, `{}`)
	if status != 429 || header.Get("Retry-After") != "40" {
		t.Fatalf("past the cap: %d, Retry-After %q", status, header.Get("Retry-After"))
	}
	if status, _, _ := w.post(t, "POST", token, "wrong", `{}`); status != 429 {
		t.Fatalf("guessing the secret past the cap must be refused first: %d", status)
	}
	w.mu.Lock()
	w.now = w.now.Add(41 * time.Second)
	w.mu.Unlock()
	if status, _, _ := w.post(t, "POST", token, secret, `{}`); status != 202 {
		t.Fatalf("after the window: %d", status)
	}
}

func TestNoSecretOrBodyInLogs(t *testing.T) {
	w := start(t, 30)
	w.post(t, "POST", token, secret, `{"card": "4111-1111"}`)
	w.post(t, "POST", token, secret+"-wrong", `{"card": "4111-1111"}`)
	w.mu.Lock()
	defer w.mu.Unlock()
	all := strings.Join(w.logs, "\n")
	if len(w.logs) != 2 || strings.Contains(all, "s3cret") || strings.Contains(all, "4111") || strings.Contains(all, token) {
		t.Fatalf("logs: %q", all)
	}
}

func TestStartFailures(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		want     int
		wantText string
	}{
		{"step needs setup", core.Errorf(core.EINVALID, "Step 2 needs setup before a run."), 422, "Step 2 needs setup"},
		{"store failed", fmt.Errorf("disk on fire"), 500, "The run could not start."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, err := hooks.Start(hooks.Config{Addr: "127.0.0.1:0",
				Lookup: func(string) (hooks.Hook, bool, error) { return hooks.Hook{AutomationID: 1, Enabled: true}, true, nil },
				Start:  func(context.Context, hooks.Hook, map[string]any) (uint64, error) { return 0, tt.err }})
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Stop(context.Background())
			resp, err := http.Post(srv.URL()+token, "application/json", bytes.NewReader([]byte(`{}`)))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.want || !strings.Contains(string(b), tt.wantText) || strings.Contains(string(b), "disk") {
				t.Fatalf("%d %q", resp.StatusCode, b)
			}
		})
	}
}

func TestStopLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	client := &http.Client{Transport: &http.Transport{}}
	srv, err := hooks.Start(hooks.Config{Addr: "127.0.0.1:0",
		Lookup: func(string) (hooks.Hook, bool, error) { return hooks.Hook{AutomationID: 1, Enabled: true}, true, nil },
		Start:  func(context.Context, hooks.Hook, map[string]any) (uint64, error) { return 9, nil }})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		resp, err := client.Post(srv.URL()+token, "application/json", strings.NewReader(`{"n":1}`))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	if err := srv.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	client.CloseIdleConnections()
	if _, err := client.Post(srv.URL()+token, "application/json", strings.NewReader(`{}`)); err == nil {
		t.Fatal("the listener still answers after Stop")
	}
	after := settle(before)
	if after > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines before, %d after Stop\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}

// settle returns the goroutine count once it is back to want, or what
// it is after giving exiting goroutines many chances to end.
func settle(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 200 && n > want; i++ {
		time.Sleep(5 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}
