package engine_test

import (
	"context"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// hookAutomation posts the webhook's fields on when the amount is high.
func hookAutomation() core.Automation {
	return core.Automation{ID: 3, Name: "On sale", Hook: &core.HookTrigger{Enabled: true, Token: "abcdefghijklmnopqrstuvwxyz0123456789"},
		Steps: []core.Step{
			{ID: "s1", Kind: core.StepCondition, Rules: []core.ConditionRule{{Left: "{webhook_amount}", Op: core.OpGreater, Right: "10"}}},
			{ID: "s2", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://hooks.example/{webhook_order}", Method: "POST", BodyKind: "raw",
				Body: "{webhook_amount} in run {run_id}"}},
		}}
}

func TestInitialVariablesReachEveryStep(t *testing.T) {
	tests := []struct {
		name       string
		amount     string
		wantStatus core.RunStatus
		wantSent   int
	}{
		{"condition holds", "12.50", core.RunCompleted, 1},
		{"condition fails", "9.99", core.RunStopped, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			a := hookAutomation()
			if err := a.Validate(nil); err != nil {
				t.Fatal(err)
			}
			initial := map[string]any{"webhook_amount": tt.amount, "webhook_order": "A-7", "run_id": "forged"}
			run, err := r.e.Prepare(a, engine.Options{Trigger: "webhook", Vars: initial})
			if err != nil {
				t.Fatal(err)
			}
			if recorded, _ := r.db.GetRun(run.ID); recorded.Trigger != "webhook" || recorded.Variables["webhook_amount"] != tt.amount {
				t.Fatalf("the run's record must show its trigger and inputs from the start: %s", dump(recorded))
			}
			out := r.e.Execute(context.Background(), run)
			if out.Status != tt.wantStatus || len(r.hooks.sent) != tt.wantSent {
				t.Fatalf("status %s (%s), %d sent", out.Status, out.Error, len(r.hooks.sent))
			}
			if tt.wantSent == 1 {
				w := r.hooks.sent[0]
				if w.URL != "https://hooks.example/A-7" || string(w.Body) != tt.amount+" in run "+out.Variables["run_id"] || out.Variables["run_id"] == "forged" {
					t.Fatalf("sent %s %q; run_id %q", w.URL, w.Body, out.Variables["run_id"])
				}
			}
		})
	}
}

func TestRunWithoutInitialVariables(t *testing.T) {
	r := newRig(t)
	first, _ := r.e.Prepare(hookAutomation(), engine.Options{Vars: map[string]any{"webhook_amount": "50", "webhook_order": "B"}})
	second, _ := r.e.Prepare(hookAutomation(), engine.Options{Vars: map[string]any{"webhook_amount": "5", "webhook_order": "C"}})
	out := r.e.Execute(context.Background(), second)
	if out.Variables["webhook_order"] != "C" || out.Variables["webhook_amount"] != "5" {
		t.Fatalf("a run must not take another run's variables: %v", out.Variables)
	}
	if out = r.e.Execute(context.Background(), first); out.Status != core.RunCompleted || out.Variables["webhook_order"] != "B" {
		t.Fatalf("status %s: %s %v", out.Status, out.Error, out.Variables)
	}
}

// TestMissingWebhookFieldsStopTheRunBeforeItStarts proves a run that
// lacks a webhook field its steps read never starts: a webhook request
// without the field, and a run by hand or by schedule (no fields at all),
// are refused naming the field, and nothing is recorded or sent; a step
// would otherwise send "{webhook_order}" as text.
func TestMissingWebhookFieldsStopTheRunBeforeItStarts(t *testing.T) {
	for _, vars := range []map[string]any{{"webhook_amount": "12.50"}, nil} {
		r := newRig(t)
		_, err := r.e.Prepare(hookAutomation(), engine.Options{Trigger: "webhook", Vars: vars})
		if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "{webhook_order}") {
			t.Errorf("vars %v: %v", vars, err)
		}
		if runs, _ := r.db.ListRuns(core.RunFilter{}); len(runs) != 0 || len(r.hooks.sent) != 0 {
			t.Errorf("vars %v: %d runs recorded, %d webhooks sent", vars, len(runs), len(r.hooks.sent))
		}
	}
}
