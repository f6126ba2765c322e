package request_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// fakeClock is an injected clock whose Sleep advances time instantly.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newClock() *fakeClock { return &fakeClock{t: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)} }

func (f *fakeClock) Now() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.t }
func (f *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
	f.slept = append(f.slept, d)
	return nil
}

func client(clk *fakeClock) *request.Client {
	return &request.Client{Limiters: request.NewLimiters(nil), Now: clk.Now, Sleep: clk.Sleep, UserAgent: ua}
}

func listTemplate(retries int) core.ActionTemplate {
	t := tpl("GET", "/list", core.BodyJSON, p("from", core.InQuery, core.TypeDateTime, false), p("to", core.InQuery, core.TypeDateTime, false))
	t.Retries = retries
	return t
}

func callTo(srv *httptest.Server, t core.ActionTemplate) request.Call {
	return request.Call{Template: t, Target: core.Target{ConnectionName: "Acme", BaseURL: srv.URL, RateKey: "1",
		Auth: core.Auth{Kind: core.AuthHeader, Name: "X-Key", Value: "secret-key-123456"}}}
}

// script answers each request with the next scripted response.
func script(t *testing.T, steps ...func(w http.ResponseWriter, r *http.Request)) (*httptest.Server, *int32) {
	var n int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := atomic.AddInt32(&n, 1) - 1
		if int(i) >= len(steps) {
			t.Errorf("unexpected request %d: %s", i+1, r.URL)
			w.WriteHeader(599)
			return
		}
		steps[i](w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func status(code int, headers ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"status":%d}`, code)
	}
}

func okJSON(body string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) }
}

func TestRetriesBurstsWithBackoff(t *testing.T) {
	srv, n := script(t, status(503), status(502), okJSON(`{"ok":true}`))
	clk := newClock()
	res, err := client(clk).Do(context.Background(), callTo(srv, listTemplate(3)))
	if err != nil || res.Status != 200 || *n != 3 || res.TrackerError != "" {
		t.Fatalf("res %+v err %v requests %d", res, err, *n)
	}
	at := res.Exchanges[0].Attempts
	if len(at) != 3 || at[0].Status != 503 || at[1].Status != 502 || at[2].Status != 200 || !strings.Contains(at[0].Retry, "HTTP 503") {
		t.Fatalf("attempts %+v", at)
	}
	if d := clk.slept[0]; d < 250*time.Millisecond || d > 750*time.Millisecond {
		t.Errorf("first backoff %v, want 0.5 s ±50%%", d)
	}
	if d := clk.slept[1]; d < 500*time.Millisecond || d > 1500*time.Millisecond {
		t.Errorf("second backoff %v, want 1 s ±50%%", d)
	}
	if at[1].WaitMs != clk.slept[0].Milliseconds() {
		t.Errorf("attempt 2 records wait %d ms, slept %v", at[1].WaitMs, clk.slept[0])
	}
}

func TestServerAskedDelays(t *testing.T) {
	clk := newClock()
	date := clk.Now().Add(9 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name    string
		headers []string
		want    time.Duration
	}{
		{"Retry-After seconds", []string{"Retry-After", "7"}, 7 * time.Second},
		{"Retry-After date", []string{"Retry-After", date}, 9 * time.Second},
		{"X-RateLimit-Reset seconds", []string{"X-RateLimit-Reset", "5"}, 5 * time.Second},
		{"X-RateLimit-Reset epoch", []string{"X-RateLimit-Reset", strconv.FormatInt(clk.Now().Add(12*time.Second).Unix(), 10)}, 12 * time.Second},
		{"RateLimit-Reset", []string{"RateLimit-Reset", "3"}, 3 * time.Second},
		{"past epoch waits nothing", []string{"X-RateLimit-Reset", "1487332519"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock()
			srv, _ := script(t, status(429, tt.headers...), okJSON(`{}`))
			res, err := client(c).Do(context.Background(), callTo(srv, listTemplate(2)))
			if err != nil || res.Status != 200 || len(c.slept) != 1 || c.slept[0] != tt.want {
				t.Fatalf("slept %v, want %v (err %v)", c.slept, tt.want, err)
			}
		})
	}
}

func TestRetryAfterBeyondTheBudgetStops(t *testing.T) {
	srv, n := script(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
		w.Write([]byte(`{"Status":"ERROR","Message":"Too many requests"}`))
	})
	clk := newClock()
	tp := listTemplate(3)
	tp.Platform = core.PlatformImpact
	call := callTo(srv, tp)
	call.Target.Platform = core.PlatformImpact
	res, err := client(clk).Do(context.Background(), call)
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(err.Error(), "1 h") || !strings.Contains(err.Error(), "10 min") {
		t.Fatalf("err %v", err)
	}
	if *n != 1 || len(clk.slept) != 0 {
		t.Fatalf("requests %d slept %v", *n, clk.slept)
	}
	x := res.Exchanges[0]
	if a := x.Attempts[0]; x.Status != 429 || !strings.Contains(a.Retry, "not retried") || !strings.Contains(x.Body, "Too many requests") {
		t.Errorf("exchange %+v", x)
	}
}

func TestWhichMethodsRetry(t *testing.T) {
	tests := []struct {
		method   string
		safe     bool
		first    int
		wantReqs int32
	}{
		{"GET", false, 502, 2}, {"GET", false, 503, 2},
		{"POST", false, 503, 2}, {"PUT", false, 429, 2}, {"PATCH", false, 503, 2}, {"DELETE", false, 429, 2},
		{"POST", false, 502, 1}, {"PUT", false, 504, 1}, {"PATCH", false, 502, 1}, {"DELETE", false, 504, 1},
		{"POST", true, 502, 2}, {"PUT", true, 504, 2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s safe=%v %d", tt.method, tt.safe, tt.first), func(t *testing.T) {
			srv, n := script(t, status(tt.first), okJSON(`{}`))
			tp := tpl(tt.method, "/x", core.BodyJSON)
			tp.Retries, tp.Idempotent = 3, tt.safe
			res, err := client(newClock()).Do(context.Background(), callTo(srv, tp))
			if *n != tt.wantReqs || len(res.Exchanges[0].Attempts) != int(tt.wantReqs) {
				t.Fatalf("requests %d, want %d (err %v)", *n, tt.wantReqs, err)
			}
			if tt.wantReqs == 1 && core.ErrorCode(err) != core.EUNKNOWN {
				t.Errorf("an unresent write after %d: err %v, want EUNKNOWN", tt.first, err)
			}
		})
	}
}

func TestNoRetryOn500AndExhaustedRetries(t *testing.T) {
	srv, n := script(t, status(500))
	res, err := client(newClock()).Do(context.Background(), callTo(srv, listTemplate(3)))
	if err != nil || *n != 1 || res.TrackerError == "" {
		t.Fatalf("500: requests %d, err %v, %+v", *n, err, res)
	}
	srv, n = script(t, status(503), status(503), status(503))
	res, err = client(newClock()).Do(context.Background(), callTo(srv, listTemplate(2)))
	if err != nil || *n != 3 || res.Status != 503 || res.Failure("Acme") == nil {
		t.Fatalf("exhausted: requests %d, err %v, %+v", *n, err, res)
	}
}

func TestConnectionErrorsRetryThenFail(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	clk := newClock()
	tp := listTemplate(2)
	call := request.Call{Template: tp, Target: core.Target{ConnectionName: "Acme", BaseURL: "http://" + addr,
		Auth: core.Auth{Kind: core.AuthQuery, Name: "api_key", Value: "secret-key-123456"}}}
	res, err := client(clk).Do(context.Background(), call)
	if core.ErrorCode(err) != core.EUNAVAILABLE || len(res.Exchanges) != 1 || len(res.Exchanges[0].Attempts) != 3 {
		t.Fatalf("err %v, result %+v", err, res)
	}
	raw, _ := json.Marshal(res)
	if strings.Contains(string(raw)+err.Error(), "secret-key-123456") {
		t.Fatalf("the key leaked into the record or error: %s %v", raw, err)
	}
}

func TestSizeCapIsNotRetried(t *testing.T) {
	srv, n := script(t, okJSON(strings.Repeat(" ", 4096)), okJSON(`{}`))
	c := client(newClock())
	c.MaxBody = 1024
	_, err := c.Do(context.Background(), callTo(srv, listTemplate(3)))
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(err.Error(), "larger than the 1 KiB limit") || *n != 1 {
		t.Fatalf("err %v requests %d", err, *n)
	}
}

func TestTimeoutPerConnection(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	call := callTo(srv, listTemplate(0))
	call.Target.Timeouts = core.Timeouts{TotalSeconds: 1}
	_, err := (&request.Client{}).Do(context.Background(), call)
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(err.Error(), "did not answer in time") {
		t.Fatalf("err %v", err)
	}
}

func TestGzipBodiesAreDecoded(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("no gzip offered")
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		gz.Write([]byte(`{"rows":[1,2,3]}`))
		gz.Close()
	}))
	defer srv.Close()
	res, err := client(newClock()).Do(context.Background(), callTo(srv, listTemplate(0)))
	if err != nil || string(res.Body) != `{"rows":[1,2,3]}` {
		t.Fatalf("body %q err %v", res.Body, err)
	}
}

func TestRateLimitSpacesRequests(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{}`)) }))
	defer srv.Close()
	clk := newClock()
	c := client(clk)
	call := callTo(srv, listTemplate(0))
	call.Target.RateLimit = core.RateLimit{Requests: 3, Per: "second"}
	for i := 0; i < 5; i++ {
		if _, err := c.Do(context.Background(), call); err != nil {
			t.Fatal(err)
		}
	}
	var waited []time.Duration
	for _, d := range clk.slept {
		waited = append(waited, d.Round(time.Millisecond))
	}
	want := "[333ms 333ms 333ms 333ms]"
	if fmt.Sprint(waited) != want {
		t.Fatalf("waits %v, want %s", waited, want)
	}
	other := call
	other.Target.RateKey = "2"
	if _, err := c.Do(context.Background(), other); err != nil || len(clk.slept) != 4 {
		t.Errorf("another connection waited for this one's limit: %v", clk.slept)
	}
}

func TestDryRunSendsNoWrite(t *testing.T) {
	srv, n := script(t)
	tp := tpl("DELETE", "/Actions", core.BodyForm, p("ActionId", core.InBody, core.TypeString, true), p("DispositionCode", core.InBody, core.TypeString, true))
	call := callTo(srv, tp)
	call.DryRun = true
	call.Values = map[string]string{"ActionId": "1000.1", "DispositionCode": "CONS_FRAUD"}
	res, err := client(newClock()).Do(context.Background(), call)
	if err != nil || *n != 0 || len(res.Exchanges) != 1 || !res.Exchanges[0].NotSent {
		t.Fatalf("dry run: requests %d, %+v, %v", *n, res, err)
	}
	x := res.Exchanges[0].Request
	if x.Method != "DELETE" || !strings.Contains(x.Body, "DispositionCode=CONS_FRAUD") || strings.Contains(fmt.Sprint(x.Headers), "secret-key-123456") {
		t.Errorf("recorded %+v", x)
	}
	call.Values = map[string]string{"ActionId": "1000.1"}
	if _, err := client(newClock()).Do(context.Background(), call); core.ErrorField(err) != "values.DispositionCode" {
		t.Errorf("a dry run must still check values: %v", err)
	}
	get, hits := script(t, okJSON(`{"ok":1}`))
	read := callTo(get, listTemplate(0))
	read.DryRun = true
	if res, _ := client(newClock()).Do(context.Background(), read); *hits != 1 || res.Status != 200 {
		t.Errorf("a dry run must send reads: %d", *hits)
	}
}
