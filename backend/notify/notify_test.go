package notify_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
	"github.com/affdesk/affdesk/backend/notify/smtptest"
)

func TestSendMailToARealServer(t *testing.T) {
	box := smtptest.Start(t, "bot@example.com", "s3cret-pass")
	acct := notify.SMTP{Host: "127.0.0.1", Port: box.Port, Security: "none", Username: "bot@example.com", Password: "s3cret-pass", From: "bot@example.com", FromName: "AffDesk"}
	err := acct.Send(context.Background(), notify.Message{To: []string{"ops@example.com", "Ana <ana@example.com>"}, Cc: []string{"cc@example.com"},
		Subject: "Weekly stats", HTML: "<table><tr><td>42</td></tr></table>"})
	if err != nil {
		t.Fatal(err)
	}
	msgs := box.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	m := msgs[0]
	if m.From != "bot@example.com" || len(m.To) != 3 || !strings.Contains(m.Data, "Subject: Weekly stats") || !strings.Contains(m.Data, "text/html") || !strings.Contains(m.Data, "<td>42</td>") {
		t.Fatalf("received %+v", m)
	}
}

func TestMailErrors(t *testing.T) {
	box := smtptest.Start(t, "bot@example.com", "right-password")
	acct := notify.SMTP{Host: "127.0.0.1", Port: box.Port, Security: "none", Username: "bot@example.com", Password: "wrong-password-x", From: "bot@example.com"}
	err := acct.Send(context.Background(), notify.Message{To: []string{"ops@example.com"}, Subject: "x", HTML: "x"})
	if core.ErrorCode(err) != core.EUNAVAILABLE || strings.Contains(err.Error(), "wrong-password-x") {
		t.Fatalf("bad password: %v", err)
	}
	tests := []struct {
		acct  notify.SMTP
		field string
	}{
		{notify.SMTP{Port: 25, Security: "none", From: "a@b.c"}, "smtp.host"},
		{notify.SMTP{Host: "h", Port: 0, Security: "none", From: "a@b.c"}, "smtp.port"},
		{notify.SMTP{Host: "h", Port: 25, Security: "ssl3", From: "a@b.c"}, "smtp.security"},
		{notify.SMTP{Host: "h", Port: 25, Security: "none", From: "nobody"}, "smtp.from"},
	}
	for _, tt := range tests {
		if err := tt.acct.Validate(); core.ErrorField(err) != tt.field {
			t.Errorf("%+v: %v", tt.acct, err)
		}
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	down := notify.SMTP{Host: "127.0.0.1", Port: closed, Security: "none", From: "a@b.c"}
	if err := down.Send(context.Background(), notify.Message{To: []string{"x@y.z"}, Subject: "s", HTML: "h"}); core.ErrorCode(err) != core.EUNAVAILABLE {
		t.Errorf("server down: %v", err)
	}
}

func TestWebhook(t *testing.T) {
	var got struct {
		method, ct, auth, body string
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.method, got.ct, got.auth, got.body = r.Method, r.Header.Get("Content-Type"), r.Header.Get("Authorization"), string(b)
		if strings.Contains(got.body, "fail") {
			w.WriteHeader(400)
			w.Write([]byte(`{"ok":false,"error":"invalid_payload"}`))
			return
		}
		w.Write([]byte(`ok`))
	}))
	defer srv.Close()
	w := notify.Webhook{Method: "POST", URL: srv.URL + "/hook", Headers: []core.Header{{Name: "Authorization", Value: "Bearer t"}}, Body: []byte(`{"text":"hi"}`), ContentType: "application/json"}
	rec, err := notify.Send(context.Background(), nil, w)
	if err != nil || rec.Status != 200 || got.method != "POST" || got.ct != "application/json" || got.auth != "Bearer t" || got.body != `{"text":"hi"}` || rec.Response != "ok" {
		t.Fatalf("rec %+v err %v got %+v", rec, err, got)
	}
	w.Body = []byte(`{"text":"fail"}`)
	rec, err = notify.Send(context.Background(), nil, w)
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(err.Error(), "HTTP 400") || !strings.Contains(err.Error(), "invalid_payload") || rec.Status != 400 {
		t.Fatalf("400: %v %+v", err, rec)
	}
}

// TestWebhookOutcomes proves a webhook's record says whether it was sent:
// refused before a byte left is not sent, written then cut off is unknown,
// answered is sent.
func TestWebhookOutcomes(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	cut := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer cut.Close()
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }))
	defer ok.Close()
	gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(502) }))
	defer gateway.Close()
	busy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer busy.Close()
	tests := []struct {
		name, url, want string
		fails           bool
	}{
		{"refused", closedURL, core.OutcomeNotSent, true},
		{"cut off after the request", cut.URL, core.OutcomeUnknown, true},
		{"answered", ok.URL, core.OutcomeSent, false},
		{"a gateway lost the answer", gateway.URL, core.OutcomeUnknown, true},
		{"refused unprocessed", busy.URL, core.OutcomeNotSent, true},
	}
	for _, tt := range tests {
		rec, err := notify.Send(context.Background(), nil, notify.Webhook{Method: "POST", URL: tt.url, Body: []byte(`{"a":1}`)})
		if rec.Outcome != tt.want || (err != nil) != tt.fails {
			t.Errorf("%s: outcome %q err %v, want %q", tt.name, rec.Outcome, err, tt.want)
		}
	}
}
