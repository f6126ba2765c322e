package core_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

const goodToken = "abcdefghijklmnopqrstuvwxyz012345-_AB"

// hookFlow is an automation whose first step reads webhook variables.
func hookFlow() core.Automation {
	return core.Automation{Name: "On sale", Hook: &core.HookTrigger{Enabled: true, Token: goodToken},
		Steps: []core.Step{
			{ID: "s1", Kind: core.StepCondition, Rules: []core.ConditionRule{{Left: "{webhook_amount}", Op: core.OpGreater, Right: "10"}}},
			{ID: "s2", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://x.example/{webhook_path}", Method: "POST", BodyKind: "raw", Body: "{webhook_body}"}},
		}}
}

func TestHookTriggerValidate(t *testing.T) {
	tests := []struct {
		name      string
		change    func(a *core.Automation)
		wantField string
		wantMsg   string
	}{
		{"webhook variables in every step", func(*core.Automation) {}, "", ""},
		{"disabled trigger sets nothing", func(a *core.Automation) { a.Hook.Enabled = false }, "steps.s1.rules[0].left", "{webhook_amount}, which no step before it sets"},
		{"no trigger sets nothing", func(a *core.Automation) { a.Hook = nil }, "steps.s1.rules[0].left", "{webhook_amount}"},
		{"a dotted name is not a field", func(a *core.Automation) { a.Steps[0].Rules[0].Left = "{webhook_a.b}" }, "steps.s1.rules[0].left", "{webhook_a.b}"},
		{"a dashed name is not a field", func(a *core.Automation) { a.Steps[0].Rules[0].Left = "{webhook_a-b}" }, "steps.s1.rules[0].left", "{webhook_a-b}"},
		{"the prefix alone is not a field", func(a *core.Automation) { a.Steps[0].Rules[0].Left = "{webhook_}" }, "steps.s1.rules[0].left", "{webhook_}"},
		{"short token", func(a *core.Automation) { a.Hook.Token = "abc" }, "hook.token", "no valid token"},
		{"token with a slash", func(a *core.Automation) { a.Hook.Token = goodToken + "/x" }, "hook.token", "no valid token"},
		{"disabled trigger needs no token", func(a *core.Automation) { a.Hook = &core.HookTrigger{}; a.Steps = nil }, "", ""},
		{"bad header name", func(a *core.Automation) { a.Hook.SecretHeader = "X Secret" }, "hook.secretHeader", "not a valid header name"},
		{"secret without a header", func(a *core.Automation) { a.Hook.Secret = "s3cret" }, "hook.secretHeader", "Name the header"},
		{"header and secret", func(a *core.Automation) { a.Hook.SecretHeader, a.Hook.Secret = "X-AffDesk-Secret", "s" }, "", ""},
		{"bad field", func(a *core.Automation) { a.Hook.Fields = []string{"amount", "first name"} }, "hook.fields", `"first name"`},
		{"good fields", func(a *core.Automation) { a.Hook.Fields = []string{" amount ", "Order_ID"} }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := hookFlow()
			tt.change(&a)
			err := a.Validate(cols)
			if core.ErrorField(err) != tt.wantField || !strings.Contains(core.ErrorMessage(err), tt.wantMsg) {
				t.Fatalf("err = %v (field %q), want %q %q", err, core.ErrorField(err), tt.wantField, tt.wantMsg)
			}
		})
	}
}

func TestIsHookVar(t *testing.T) {
	for name, want := range map[string]bool{"webhook_amount": true, "webhook_body": true, "webhook_A_1": true,
		"webhook_": false, "webhook_a.b": false, "Webhook_a": false, "amount": false, "webhook_a-b": false} {
		if got := core.IsHookVar(name); got != want {
			t.Errorf("IsHookVar(%q) = %v, want %v", name, got, want)
		}
	}
}
