package core_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestTemplatePathCannotChangeHost proves a path holding a scheme, an
// authority or user information is refused, while ordinary paths pass.
func TestTemplatePathCannotChangeHost(t *testing.T) {
	tests := []struct {
		path    string
		wantErr bool
	}{
		{"/3.0/admin/partner/{affiliate_id}", false},
		{"/v1/items:batchGet", false},
		{"//evil.example/x", true},
		{"/x//evil.example", true},
		{"/redirect/http:evil.example", true},
		{"/HTTPS:/evil.example", true},
		{"/javascript:alert(1)", true},
		{"/user@evil.example/x", true},
		{"/x/%40/y@", true},
		{`/x\evil.example`, true},
	}
	for _, tt := range tests {
		tpl := validTemplate()
		tpl.Path = tt.path
		tpl.Params = nil
		if strings.Contains(tt.path, "{") {
			tpl.Params = validTemplate().Params
		}
		err := tpl.Validate()
		if (err != nil) != tt.wantErr || (err != nil && core.ErrorField(err) != "path") {
			t.Errorf("path %q: err = %v, want error %v on field path", tt.path, err, tt.wantErr)
		}
	}
}

// TestNamesUpTo200 proves every record kind takes names of 200
// characters and refuses 201, empty or multi-line ones.
func TestNamesUpTo200(t *testing.T) {
	for _, tt := range []struct {
		name    string
		wantErr bool
	}{{strings.Repeat("ж", 200), false}, {strings.Repeat("x", 201), true}, {"   ", true}, {"a\nb", true}} {
		c := core.Connection{Name: tt.name, Platform: core.PlatformDemo, Timezone: "UTC"}
		tpl := validTemplate()
		tpl.Name = tt.name
		a := reverseFlow()
		a.Name = tt.name
		for kind, err := range map[string]error{"connection": c.Validate(), "template": tpl.Validate(), "automation": a.Validate(cols)} {
			if (err != nil) != tt.wantErr || (err != nil && core.ErrorField(err) != "name") {
				t.Errorf("%s named %d chars: err = %v, want error %v", kind, len([]rune(tt.name)), err, tt.wantErr)
			}
		}
	}
}

// TestAutomationSharedRules proves the automation checks an import relies
// on: webhook methods and URL schemes, and trigger and stats timezones.
func TestAutomationSharedRules(t *testing.T) {
	hook := func(url, method string) func(a *core.Automation) {
		return func(a *core.Automation) {
			a.Steps = append(a.Steps, core.Step{ID: "s9", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: url, Method: method, BodyKind: "raw"}})
		}
	}
	tests := []struct {
		name      string
		change    func(a *core.Automation)
		wantField string
	}{
		{"https webhook", hook("https://hooks.example/x", "POST"), ""},
		{"variable webhook", hook("{run_date}", "POST"), ""},
		{"file webhook", hook("file:///etc/passwd", "POST"), "steps.s9.webhook.url"},
		{"ftp webhook", hook("ftp://x.example/", "POST"), "steps.s9.webhook.url"},
		{"webhook method", hook("https://hooks.example/x", "TRACE"), "steps.s9.webhook.method"},
		{"trigger timezone", func(a *core.Automation) { a.Trigger.Timezone = "Mars/Olympus" }, "trigger.timezone"},
		{"trigger Local", func(a *core.Automation) { a.Trigger.Timezone = "Local" }, "trigger.timezone"},
		{"stats timezone", func(a *core.Automation) {
			a.Steps = append(a.Steps, core.Step{ID: "s9", Kind: core.StepPullStats, Stats: &core.StatsConfig{Timezone: "Nowhere/Land"}})
		}, "steps.s9.stats.timezone"},
		{"long name", func(a *core.Automation) { a.Name = strings.Repeat("n", 201) }, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := reverseFlow()
			tt.change(&a)
			if err := a.Validate(cols); core.ErrorField(err) != tt.wantField {
				t.Fatalf("err = %v (field %q), want field %q", err, core.ErrorField(err), tt.wantField)
			}
		})
	}
}
