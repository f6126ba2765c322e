package request

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// exchange sends b with the connection's rate limit and the template's
// retry policy, and records every attempt. It returns the last response
// (nil when none came back), the write outcome of all its attempts
// (core.OutcomeSent, OutcomeNotSent or OutcomeUnknown: see worstOutcome)
// and the error that
// ended the attempts. A read, or a write marked safe to repeat, is retried
// on any retryable failure; any other write only when the failure proves
// it was not applied (see attemptOutcome).
func (c *Client) exchange(ctx context.Context, call Call, b *Built) (*Response, []Attempt, string, error) {
	policy := DefaultPolicy(call.Template.Retries)
	bo := backoffFor(policy)
	sender := Sender{
		Timeout:        seconds(call.Target.Timeouts.TotalSeconds),
		ConnectTimeout: seconds(call.Target.Timeouts.ConnectSeconds),
		MaxBody:        c.MaxBody, Now: c.Now,
		Redirects: redirectsWith(call.Target, call.masker()), Fresh: call.Template.IsWrite(), Buf: call.buf,
	}
	var attempts []Attempt
	var waited time.Duration
	outcome := core.OutcomeNotSent
	for n := 1; ; n++ {
		lw, err := c.waitTurn(ctx, call.Target)
		if err != nil {
			return nil, attempts, outcome, err
		}
		start := c.now()
		resp, err := sender.Send(ctx, b.clone(ctx), call.Target.SkipTLSVerify)
		c.observe(call.Target, resp)
		a := Attempt{Number: n, WaitMs: (waited + lw).Milliseconds(), DurationMs: c.now().Sub(start).Milliseconds()}
		if resp != nil {
			a.Status = resp.Status
		}
		if err != nil {
			a.Error = call.masker().String(err.Error())
		}
		this := attemptOutcome(resp, err)
		outcome = worstOutcome(outcome, this)
		reason := retryReason(resp, err)
		if reason != "" && !call.Template.Retryable() && this != core.OutcomeNotSent {
			a.Retry = "not retried: the write may have been applied, and its template is not marked safe to repeat"
			reason = ""
		}
		if reason == "" || retriesSpent(ctx, policy, n, resp) {
			attempts = append(attempts, a)
			return resp, attempts, outcome, err
		}
		delay, why := c.retryDelay(ctx, call.Target, policy, resp, bo)
		if why != nil {
			a.Retry = "not retried: " + why.Error()
			attempts = append(attempts, a)
			return resp, attempts, outcome, why
		}
		a.Retry = fmt.Sprintf("%s; retrying in %s", reason, delay.Round(time.Millisecond))
		attempts = append(attempts, a)
		if err := c.sleep(ctx, delay); err != nil {
			return nil, attempts, outcome, err
		}
		waited = delay
	}
}

// worstOutcome is what a write's attempts so far say together: a later
// attempt's answer stands, except that a refusal (not sent) cannot undo an
// earlier attempt that may have been (unknown) or was (sent) applied.
func worstOutcome(before, this string) string {
	if this == core.OutcomeNotSent {
		return before
	}
	return this
}

// attemptOutcome says what one attempt proves about a write: not sent
// when the request never left (refused, no such host, TLS failed) or the
// tracker answered 429 or 503, which refuse a request unprocessed; unknown
// after a timeout or a connection lost once the request was written, or a
// 502 or 504 (a gateway lost the tracker's answer); sent when any other
// answer came.
func attemptOutcome(resp *Response, err error) string {
	var se *SendError
	switch {
	case err != nil && errors.As(err, &se) && se.Answered:
		return core.OutcomeSent
	case err != nil && (NotWritten(err) || !errors.As(err, &se)):
		return core.OutcomeNotSent
	case err != nil:
		return core.OutcomeUnknown
	}
	return core.AnswerOutcome(resp.Status)
}

// retryReason says why an attempt deserves another, or "" when it does not.
func retryReason(resp *Response, err error) string {
	switch {
	case err != nil && retryableError(err):
		return "no response (" + shortError(err) + ")"
	case err == nil && retryableStatus(resp.Status):
		return fmt.Sprintf("HTTP %d", resp.Status)
	}
	return ""
}

func shortError(err error) string {
	var ce *core.Error
	if errors.As(err, &ce) {
		return ce.Message
	}
	return Classify("", nil, err).Message
}

func seconds(n int) time.Duration { return time.Duration(n) * time.Second }

func (c *Client) limiters() *Limiters {
	if c.Limiters == nil {
		c.Limiters = NewLimiters(nil)
	}
	return c.Limiters
}

// record turns an exchange into its masked log entry.
func (c *Client) record(call Call, b *Built, resp *Response, attempts []Attempt, err error) Exchange {
	m := call.masker()
	x := Exchange{Request: m.Record(b), Attempts: attempts}
	for _, a := range attempts {
		x.DurationMs += a.DurationMs + a.WaitMs
	}
	if err != nil {
		x.Error = m.String(sendErrorText(call.Target.ConnectionName, err))
	}
	if resp == nil {
		return x
	}
	keep := c.BodyKeep
	if keep <= 0 {
		keep = DefaultBodyKeep
	}
	x.Status, x.Size = resp.Status, int64(len(resp.Body))
	body := resp.Body
	if len(body) > keep {
		body, x.BodyTruncated = body[:keep], true
	}
	x.Body = m.String(string(body))
	return x
}

// sendErrorText words a failed exchange for the user.
func sendErrorText(conn string, err error) string {
	var ce *core.Error
	if errors.As(err, &ce) {
		return ce.Message
	}
	return Classify(conn, nil, err).Message
}
