package request_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

func built(t *testing.T, base string, auth core.Auth) *request.Built {
	t.Helper()
	tg := core.Target{ConnectionName: "Acme", BaseURL: base, Auth: auth}
	b, err := request.Build(tpl("GET", "/check", core.BodyJSON), tg, nil, ua)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSendCapsTheBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2048)))
	}))
	defer srv.Close()
	_, err := request.Sender{MaxBody: 1024}.Send(context.Background(), built(t, srv.URL, core.Auth{}), false)
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "larger than the 1 KiB limit") {
		t.Fatalf("err = %v", err)
	}
	resp, err := request.Sender{MaxBody: 4096}.Send(context.Background(), built(t, srv.URL, core.Auth{}), false)
	if err != nil || len(resp.Body) != 2048 || resp.Status != 200 {
		t.Fatalf("under the cap: %v %v", resp, err)
	}
}

func TestSendMeasuresWithInjectedClock(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }))
	defer srv.Close()
	ticks := []time.Time{time.Unix(100, 0), time.Unix(100, int64(250*time.Millisecond))}
	clock := func() time.Time { t0 := ticks[0]; ticks = ticks[1:]; return t0 }
	resp, err := request.Sender{Now: clock}.Send(context.Background(), built(t, srv.URL, core.Auth{}), false)
	if err != nil || resp.Duration != 250*time.Millisecond || resp.Status != 204 {
		t.Fatalf("resp %+v, %v", resp, err)
	}
}

func TestSendRefusesRedirectToAnotherHost(t *testing.T) {
	var leaked bool
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked = r.Header.Get("API-Key") != ""
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/steal", http.StatusFound)
	}))
	defer srv.Close()
	resp, err := request.Sender{}.Send(context.Background(), built(t, srv.URL, core.Auth{Kind: core.AuthHeader, Name: "API-Key", Value: "k"}), false)
	if err != nil || resp.Status != http.StatusFound || leaked {
		t.Fatalf("resp %v err %v leaked %v", resp, err, leaked)
	}
}

func TestClassify(t *testing.T) {
	respond := func(status int, body string) *httptest.Server {
		return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			w.Write([]byte(body))
		}))
	}
	tests := []struct {
		name string
		srv  *httptest.Server
		want core.CheckStatus
	}{
		{"ok", respond(200, `{"status":1}`), core.CheckOK},
		{"401", respond(401, `{"status":2,"message":"Token is necessary"}`), core.CheckWrongKey},
		{"403", respond(403, `{"Status":"ERROR"}`), core.CheckWrongKey},
		{"affise denial inside 200", respond(200, `{"status":2,"message":"Auth Denied"}`), core.CheckWrongKey},
		{"cake denial inside 200", respond(200, `{"success":false,"message":"Invalid API Key"}`), core.CheckWrongKey},
		{"404", respond(404, `{"error":"Page Not Found"}`), core.CheckWrongURL},
		{"dashboard html", respond(200, "<!DOCTYPE html><html><body>Login</body></html>"), core.CheckWrongURL},
		{"500", respond(500, "oops"), core.CheckFailed},
		{"tls on plain server", nil, core.CheckTLS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res core.CheckResult
			if tt.srv == nil {
				tls := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
				defer tls.Close()
				_, err := request.Sender{}.Send(context.Background(), built(t, tls.URL, core.Auth{}), false)
				res = request.Classify("Acme", nil, err)
			} else {
				defer tt.srv.Close()
				resp, err := request.Sender{}.Send(context.Background(), built(t, tt.srv.URL, core.Auth{}), false)
				res = request.Classify("Acme", resp, err)
			}
			if res.Status != tt.want || res.Message == "" {
				t.Fatalf("status %q (%s), want %q", res.Status, res.Message, tt.want)
			}
		})
	}
}

func TestClassifyNetworkErrors(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	_, err := request.Sender{ConnectTimeout: time.Second}.Send(context.Background(), built(t, "http://"+addr, core.Auth{}), false)
	if got := request.Classify("Acme", nil, err).Status; got != core.CheckUnreachable {
		t.Errorf("refused: %q (%v)", got, err)
	}
	dns := &net.DNSError{Err: "no such host", Name: "api-acme.affise.invalid", IsNotFound: true}
	if got := request.Classify("Acme", nil, &net.OpError{Op: "dial", Err: dns}); got.Status != core.CheckWrongURL || !strings.Contains(got.Message, "api-acme.affise.invalid") {
		t.Errorf("dns: %+v", got)
	}
	if got := request.Classify("Acme", nil, context.DeadlineExceeded); got.Status != core.CheckUnreachable {
		t.Errorf("timeout: %+v", got)
	}
	if got := request.Classify("Acme", nil, errors.New("boom")); got.Status != core.CheckFailed || got.Message != "Internal error." {
		t.Errorf("other: %+v", got)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1 KiB", 1536: "1.5 KiB", 64 << 20: "64 MiB", 5 << 30: "5 GiB"} {
		if got := request.FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
