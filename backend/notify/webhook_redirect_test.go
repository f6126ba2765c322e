package notify_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
)

// landing is a webhook server that records what reaches it.
type landing struct {
	*httptest.Server
	mu   sync.Mutex
	hits []hit
}

type hit struct {
	method, body string
	header       http.Header
}

func newLanding(t *testing.T) *landing {
	l := &landing{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		l.mu.Lock()
		l.hits = append(l.hits, hit{r.Method, string(b), r.Header.Clone()})
		l.mu.Unlock()
		w.Write([]byte("landed"))
	})
	l.Server = httptest.NewServer(h)
	t.Cleanup(l.Close)
	return l
}

// redirector answers every request with a redirect to target.
func redirector(t *testing.T, tls bool, status int, target func() string) *httptest.Server {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target(), status)
	})
	var s *httptest.Server
	if tls {
		s = httptest.NewTLSServer(h)
	} else {
		s = httptest.NewServer(h)
	}
	t.Cleanup(s.Close)
	return s
}

var hookHeaders = []core.Header{{Name: "X-Api-Key", Value: "hook-key-123456"}, {Name: "Authorization", Value: "Bearer hook-bearer-99"},
	{Name: "X-Hub-Signature-256", Value: "sha256=abc"}, {Name: "Cookie", Value: "sid=1"}, {Name: "X-Plain", Value: "visible"}}

// TestWebhookRedirectPolicy sends webhooks through redirects between two
// loopback servers and checks no credential or body reaches another host,
// https never falls to http, and the record says what happened.
func TestWebhookRedirectPolicy(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		tls        bool // the first server speaks https, the landing http
		sameHost   bool
		wantErr    bool
		wantHits   int
		wantMethod string
		wantBody   string
		wantKeys   bool // credential headers arrive at the landing
	}{
		{"307 to another host re-sends no body", http.StatusTemporaryRedirect, false, false, true, 0, "", "", false},
		{"308 to another host re-sends no body", http.StatusPermanentRedirect, false, false, true, 0, "", "", false},
		{"302 to another host arrives stripped", http.StatusFound, false, false, false, 1, "GET", "", false},
		{"https to http is refused", http.StatusFound, true, false, true, 0, "", "", false},
		{"307 on the same host keeps all", http.StatusTemporaryRedirect, false, true, false, 1, "POST", "payload", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			land := newLanding(t)
			var first *httptest.Server
			var landed func() []hit
			if tt.sameHost {
				var mu sync.Mutex
				var hits []hit
				first = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == "/start" {
						http.Redirect(w, r, "/end", tt.status)
						return
					}
					b, _ := io.ReadAll(r.Body)
					mu.Lock()
					hits = append(hits, hit{r.Method, string(b), r.Header.Clone()})
					mu.Unlock()
				}))
				t.Cleanup(first.Close)
				landed = func() []hit { mu.Lock(); defer mu.Unlock(); return hits }
			} else {
				first = redirector(t, tt.tls, tt.status, func() string { return land.URL + "/end?x=1" })
				landed = func() []hit { land.mu.Lock(); defer land.mu.Unlock(); return land.hits }
			}
			client := &http.Client{}
			if tt.tls {
				client = first.Client()
			}
			rec, err := notify.Send(context.Background(), client, notify.Webhook{Method: "POST", URL: first.URL + "/start", Headers: hookHeaders, Body: []byte("payload")})
			if (err != nil) != tt.wantErr || rec.Outcome != core.OutcomeSent {
				t.Fatalf("err %v, outcome %q", err, rec.Outcome)
			}
			got := landed()
			if len(got) != tt.wantHits {
				t.Fatalf("%d requests landed, want %d", len(got), tt.wantHits)
			}
			if tt.wantErr {
				if rec.Status != tt.status || rec.Error == "" || rec.URL != first.URL+"/start" {
					t.Errorf("refused redirect recorded as %d %q at %s", rec.Status, rec.Error, rec.URL)
				}
				return
			}
			h := got[0]
			keys := h.header.Get("X-Api-Key") != "" || h.header.Get("Authorization") != "" || h.header.Get("X-Hub-Signature-256") != "" || h.header.Get("Cookie") != ""
			if keys != tt.wantKeys || h.header.Get("X-Plain") != "visible" || h.header.Get("Referer") != "" {
				t.Errorf("landing got headers %v", h.header)
			}
			if h.method != tt.wantMethod || h.body != tt.wantBody {
				t.Errorf("landing got %s %q", h.method, h.body)
			}
			if rec.Method != tt.wantMethod || rec.Body != tt.wantBody || rec.Status != 200 || rec.URL == first.URL+"/start" {
				t.Errorf("record %s %s %q status %d", rec.Method, rec.URL, rec.Body, rec.Status)
			}
		})
	}
}

func TestCredentialHeaderNames(t *testing.T) {
	for name, want := range map[string]bool{
		"Authorization": true, "cookie": true, "X-API-Key": true, "X-Auth-Token": true, "X-Hub-Signature-256": true,
		"Client-Secret": true, "Proxy-Authorization": true, "X-Password": true, "Content-Type": false, "Accept": false, "X-Request-Id": false,
	} {
		if notify.CredentialHeader(name) != want {
			t.Errorf("CredentialHeader(%q) = %v", name, !want)
		}
	}
}
