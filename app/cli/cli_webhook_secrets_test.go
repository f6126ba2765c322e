package cli_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

// TestLiteralWebhookSecretsNeverShowInTheCLI proves a literal webhook
// credential left in the data file (written after the move at open)
// shows in neither `automations list` nor `automations export`.
func TestLiteralWebhookSecretsNeverShowInTheCLI(t *testing.T) {
	s, dir := testkit.MustServices(t, testkit.MemSecrets{})
	s.Close()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := core.Automation{Name: "Hook", Trigger: core.Trigger{Kind: "manual"}, Steps: []core.Step{{ID: "s1", Kind: core.StepSendWebhook,
		Webhook: &core.WebhookConfig{URL: "https://hooks.example/x", Method: "POST", BodyKind: "raw", Body: "hello",
			Headers: []core.Header{{Name: "Authorization", Value: "Bearer legacy-secret-abcdef1234"}, {Name: "X-Plain", Value: "visible"}}}}}}
	err = db.SaveAutomation(&a)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"automations", "list"}, {"automations", "export"}} {
		code, out, errOut := cliIn(dir, "", cmd...)
		if code != 0 || strings.Contains(out, "legacy-secret") || !strings.Contains(out, "Authorization") {
			t.Errorf("%v: exit %d %s %s", cmd, code, out, errOut)
		}
	}
}
