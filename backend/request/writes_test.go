package request_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// writeTemplate is impact.com's action update: a PUT with a form body.
func writeTemplate(retries int, safe bool) core.ActionTemplate {
	t := tpl("PUT", "/Actions", core.BodyForm, p("ActionId", core.InBody, core.TypeString, true), p("Amount", core.InBody, core.TypeNumber, false))
	t.Retries, t.Idempotent = retries, safe
	return t
}

// tracker applies every write it reads (counting it), then answers as
// the step for that request says; answer returns false when it hung up
// without an answer.
func tracker(t *testing.T, steps ...func(w http.ResponseWriter, r *http.Request)) (*httptest.Server, *int32) {
	var applied, n int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err == nil && r.PostForm.Get("ActionId") != "" {
			atomic.AddInt32(&applied, 1)
		}
		i := int(atomic.AddInt32(&n, 1) - 1)
		if i >= len(steps) {
			w.Write([]byte(`{"Status":"QUEUED"}`))
			return
		}
		steps[i](w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &applied
}

func hangUntilClientGivesUp(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

func hijackAndClose(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

func writeCall(srv *httptest.Server, tp core.ActionTemplate) request.Call {
	call := callTo(srv, tp)
	call.Values = map[string]string{"ActionId": "1000.4636.158133", "Amount": "19.99"}
	call.Target.Timeouts = core.Timeouts{TotalSeconds: 1}
	return call
}

// TestUnknownOutcomeIsNeverResent proves a write applied by the tracker
// whose answer is lost (a timeout, a reset after the request was read, a
// 502 or a 504) is sent exactly once even with Retries=3, recorded as
// unknown, and returned as an EUNKNOWN error saying what to check.
func TestUnknownOutcomeIsNeverResent(t *testing.T) {
	tests := []struct {
		name   string
		answer func(http.ResponseWriter, *http.Request)
		why    string
	}{
		{"timeout", hangUntilClientGivesUp, "no answer came in time"},
		{"reset after read", hijackAndClose, "connection dropped"},
		{"502", status(502), "HTTP 502"},
		{"504", status(504), "HTTP 504"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, applied := tracker(t, tt.answer, tt.answer, tt.answer, tt.answer)
			res, err := client(newClock()).Do(context.Background(), writeCall(srv, writeTemplate(3, false)))
			if got := atomic.LoadInt32(applied); got != 1 {
				t.Fatalf("the tracker applied the write %d times, want exactly 1 (err %v)", got, err)
			}
			if core.ErrorCode(err) != core.EUNKNOWN {
				t.Fatalf("err %v (code %q), want EUNKNOWN", err, core.ErrorCode(err))
			}
			for _, want := range []string{"may or may not have been applied", `"Acme"`, "PUT /Actions", "ActionId 1000.4636.158133", tt.why, "did not send it again"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message lacks %q: %s", want, err)
				}
			}
			x := res.Exchanges[0]
			if x.Outcome != core.OutcomeUnknown || len(x.Attempts) != 1 || !strings.Contains(x.Attempts[0].Retry+"not retried", "not retried") {
				t.Errorf("exchange %+v", x)
			}
		})
	}
}

// TestProvenRefusalsAreRetriedOnce proves a write refused by 429 or 503
// is sent again and applied exactly once.
func TestProvenRefusalsAreRetriedOnce(t *testing.T) {
	refuse := func(code int) func(http.ResponseWriter, *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }
	}
	for _, code := range []int{429, 503} {
		var accepted int32
		srv, _ := tracker(t, refuse(code), func(w http.ResponseWriter, r *http.Request) {
			atomic.AddInt32(&accepted, 1)
			w.Write([]byte(`{"Status":"QUEUED"}`))
		})
		res, err := client(newClock()).Do(context.Background(), writeCall(srv, writeTemplate(3, false)))
		x := res.Exchanges[0]
		if err != nil || accepted != 1 || len(x.Attempts) != 2 || x.Outcome != core.OutcomeSent {
			t.Fatalf("%d: err %v accepted %d exchange %+v", code, err, accepted, x)
		}
	}
}

// TestWriteToClosedPortIsRetried proves a write refused before it was
// written is retried, and recorded as not sent when every attempt failed.
func TestWriteToClosedPortIsRetried(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	call := request.Call{Template: writeTemplate(3, false), Values: map[string]string{"ActionId": "1"},
		Target: core.Target{ConnectionName: "Acme", BaseURL: "http://" + addr}}
	res, err := client(newClock()).Do(context.Background(), call)
	x := res.Exchanges[0]
	if core.ErrorCode(err) != core.EUNAVAILABLE || len(x.Attempts) != 4 || x.Outcome != core.OutcomeNotSent {
		t.Fatalf("err %v exchange %+v", err, x)
	}
}

// TestSafeToRepeatIsResentLikeARead proves a write marked safe to repeat
// is sent again after a reset, and its outcome is the last answer's.
func TestSafeToRepeatIsResentLikeARead(t *testing.T) {
	srv, applied := tracker(t, hijackAndClose)
	res, err := client(newClock()).Do(context.Background(), writeCall(srv, writeTemplate(3, true)))
	if err != nil || *applied != 2 || res.Exchanges[0].Outcome != core.OutcomeSent || len(res.Exchanges[0].Attempts) != 2 {
		t.Fatalf("err %v applied %d exchange %+v", err, *applied, res.Exchanges[0])
	}
}

// TestLaterRefusalKeepsAnEarlierUnknown proves a safe-to-repeat write whose
// first answer was lost (502) and whose retry was refused (503) is
// recorded Unknown, never Not sent: the first attempt may have been applied.
func TestLaterRefusalKeepsAnEarlierUnknown(t *testing.T) {
	srv, applied := tracker(t, status(502), status(503))
	res, err := client(newClock()).Do(context.Background(), writeCall(srv, writeTemplate(1, true)))
	if *applied != 2 || core.ErrorCode(err) != core.EUNKNOWN {
		t.Fatalf("applied %d err %v", *applied, err)
	}
	if x := res.Exchanges[len(res.Exchanges)-1]; x.Outcome != core.OutcomeUnknown || len(x.Attempts) != 2 {
		t.Fatalf("exchange %+v", x)
	}
}

// TestReadsCarryNoOutcomeAndDryRunsAreNotSent checks the outcome is set
// on writes only, and a dry run's write is recorded as not sent.
func TestReadsCarryNoOutcomeAndDryRunsAreNotSent(t *testing.T) {
	srv, _ := script(t, okJSON(`{}`))
	res, err := client(newClock()).Do(context.Background(), callTo(srv, listTemplate(0)))
	if err != nil || res.Exchanges[0].Outcome != "" {
		t.Fatalf("read: err %v outcome %q", err, res.Exchanges[0].Outcome)
	}
	call := writeCall(srv, writeTemplate(0, false))
	call.DryRun = true
	res, err = client(newClock()).Do(context.Background(), call)
	if err != nil || res.Exchanges[0].Outcome != core.OutcomeNotSent {
		t.Fatalf("dry run: err %v outcome %q", err, res.Exchanges[0].Outcome)
	}
}
