package notify

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// Webhook is a request to send.
type Webhook struct {
	Method, URL string
	Headers     []core.Header
	Body        []byte
	ContentType string
}

// maxReply is how much of a webhook's answer is kept.
const maxReply = 64 << 10

// Send delivers a webhook once (webhooks are writes: never retried) and
// returns its record, whose Outcome says what became of it: not sent (it
// failed before a byte of it was written, or was refused with 429 or 503,
// so it was never applied), unknown (written, then no answer, or a 502 or
// 504 from a gateway) or sent. A failure or a non-2xx answer is an
// EUNAVAILABLE error. Redirects follow the webhook policy
// (withRedirectPolicy) whatever client is given; a refused one is recorded
// with the answer that asked for it, and a followed one as the request
// that got the answer.
func Send(ctx context.Context, client *http.Client, w Webhook) (core.HTTPRecord, error) {
	rec := core.HTTPRecord{Method: w.Method, URL: w.URL, Headers: w.Headers, Body: string(w.Body), Outcome: core.OutcomeNotSent}
	var written atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteHeaders: func() { written.Store(true) },
		WroteRequest: func(httptrace.WroteRequestInfo) { written.Store(true) },
	})
	req, err := http.NewRequestWithContext(ctx, w.Method, w.URL, bytes.NewReader(w.Body))
	if err != nil {
		return rec, core.Errorf(core.EINVALID, "The webhook request cannot be built: %v.", err)
	}
	for _, h := range w.Headers {
		req.Header.Set(h.Name, h.Value)
	}
	if w.ContentType != "" && len(w.Body) > 0 && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", w.ContentType)
	}
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	start := time.Now()
	resp, err := withRedirectPolicy(client).Do(req)
	rec.DurationMs, rec.Attempts = time.Since(start).Milliseconds(), 1
	if refused, ok := asRefused(err); ok && resp != nil {
		rec.Outcome, rec.Status, rec.Error = core.OutcomeSent, resp.StatusCode, core.ErrorMessage(refused)
		return rec, refused
	}
	if err != nil {
		rec.Error = err.Error()
		if !written.Load() {
			return rec, core.Errorf(core.EUNAVAILABLE, "The webhook could not be delivered (nothing was sent): %v.", err)
		}
		rec.Outcome = core.OutcomeUnknown
		return rec, core.Errorf(core.EUNAVAILABLE, "The webhook was sent but no answer came: %v.", err)
	}
	rec.Outcome = core.AnswerOutcome(resp.StatusCode)
	defer resp.Body.Close()
	recordRedirect(&rec, resp.Request)
	reply, _ := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	rec.Status, rec.Response, rec.Size = resp.StatusCode, string(reply), int64(len(reply))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return rec, core.Errorf(core.EUNAVAILABLE, "The webhook answered HTTP %d: %s", resp.StatusCode, short(string(reply)))
	}
	return rec, nil
}

func short(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	if s == "" {
		return "(no body)"
	}
	return fmt.Sprint(s)
}

// recordRedirect makes the record describe the request that got the
// answer when a redirect was followed: its method and URL, and no body
// when none was sent again (a 303, say).
func recordRedirect(rec *core.HTTPRecord, final *http.Request) {
	if final == nil || final.Response == nil {
		return
	}
	u := *final.URL
	u.User = nil
	rec.Method, rec.URL = final.Method, u.String()
	if final.Body == nil || final.Body == http.NoBody {
		rec.Body = ""
	}
}
