package engine_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// answeringHooks answers every webhook with one status, the way the app's
// sender does: an answer is recorded as sent, a non-2xx answer is an
// EUNAVAILABLE error, and no answer after writing (status 0) is unknown.
type answeringHooks struct{ status int }

func (h answeringHooks) Send(_ context.Context, w engine.Webhook) (core.HTTPRecord, error) {
	rec := core.HTTPRecord{Method: w.Method, URL: w.URL, Status: h.status, Outcome: core.OutcomeSent}
	switch {
	case h.status == 0:
		rec.Outcome = core.OutcomeUnknown
		return rec, core.Errorf(core.EUNAVAILABLE, "The webhook was sent but no answer came: connection reset.")
	case h.status > 299:
		return rec, core.Errorf(core.EUNAVAILABLE, "The webhook answered HTTP %d: (no body)", h.status)
	}
	return rec, nil
}

func TestWebhookAnswerDecidesItsOutcome(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		outcome string
		step    string
	}{
		{"200 delivered", 200, core.OutcomeSent, core.StepOK},
		{"400 refused after reading", 400, core.OutcomeSent, core.StepFailed},
		{"502 bad gateway", 502, core.OutcomeUnknown, core.StepUnknown},
		{"504 gateway timeout", 504, core.OutcomeUnknown, core.StepUnknown},
		{"answer dropped", 0, core.OutcomeUnknown, core.StepUnknown},
		{"429 too many requests", 429, core.OutcomeNotSent, core.StepFailed},
		{"503 unavailable", 503, core.OutcomeNotSent, core.StepFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			r.e.Webhooks = answeringHooks{status: tt.status}
			a := core.Automation{Name: "Hook", Steps: []core.Step{{ID: "s1", Kind: core.StepSendWebhook,
				Webhook: &core.WebhookConfig{URL: "https://hooks.example/x", Method: "POST", BodyKind: "raw", Body: "payout changed"}}}}
			run := r.run(t, a, false)
			st := run.Steps[0]
			if st.Status != tt.step || len(st.Requests) != 1 || st.Requests[0].Outcome != tt.outcome {
				t.Fatalf("step %s, requests %s", st.Status, dump(st.Requests))
			}
			ws, _ := r.db.Writes(run.ID)
			if len(ws) != 1 || ws[0].Outcome != tt.outcome || ws[0].Status != tt.status {
				t.Fatalf("journal %s", dump(ws))
			}
			stored, _ := r.db.GetRun(run.ID)
			if unknown := tt.outcome == core.OutcomeUnknown; (stored.Writes.Unknown == 1) != unknown {
				t.Fatalf("write summary %+v", stored.Writes)
			}
		})
	}
}

// gatewayCaller answers every write with one status and no verdict of
// its own, as an EUNAVAILABLE error.
type gatewayCaller struct{ status int }

func (c gatewayCaller) Call(_ context.Context, tpl core.ActionTemplate, _ map[string]string, _ bool) (engine.Outcome, error) {
	rec := core.HTTPRecord{Method: tpl.Method, URL: "https://tracker.example" + tpl.Path, Status: c.status}
	return engine.Outcome{Records: []core.HTTPRecord{rec}}, core.Errorf(core.EUNAVAILABLE, "HTTP %d.", c.status)
}

func TestTemplateWriteAnswerDecidesItsOutcome(t *testing.T) {
	tests := []struct {
		status  int
		outcome string
		step    string
	}{
		{502, core.OutcomeUnknown, core.StepUnknown},
		{504, core.OutcomeUnknown, core.StepUnknown},
		{429, core.OutcomeNotSent, core.StepFailed},
		{503, core.OutcomeNotSent, core.StepFailed},
		{500, core.OutcomeSent, core.StepFailed},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			r := newRig(t)
			r.e.Caller = gatewayCaller{status: tt.status}
			run := r.run(t, core.Automation{Name: "Write", Steps: approveThenWrite().Steps[1:]}, false)
			st := run.Steps[0]
			ws, _ := r.db.Writes(run.ID)
			if st.Status != tt.step || st.Requests[0].Outcome != tt.outcome || len(ws) != 1 || ws[0].Outcome != tt.outcome {
				t.Fatalf("step %s %q, journal %s", st.Status, st.Error, dump(ws))
			}
		})
	}
}
