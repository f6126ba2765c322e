package service_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// withHook returns the v1 file with a Send Webhook step "zz" named
// "hook" added to its first automation, carrying headers.
func withHook(t *testing.T, headers ...map[string]any) []byte {
	hs := make([]any, len(headers))
	for i, h := range headers {
		hs[i] = h
	}
	return mutated(t, func(m map[string]any) {
		a := at(m, "automations", 0)
		a["steps"] = append(a["steps"].([]any), map[string]any{"id": "zz", "kind": "send_webhook", "name": "hook",
			"webhook": map[string]any{"url": "https://hooks.example/x", "method": "POST", "bodyKind": "raw", "body": "hi", "headers": hs}})
	})
}

func header(name, value string) map[string]any { return map[string]any{"name": name, "value": value} }

// TestImportMovesLiteralWebhookCredentials proves an imported literal
// credential header lands in the secret store, the data file holding only
// a reference to it, as saving does.
func TestImportMovesLiteralWebhookCredentials(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	data := withHook(t, header("Authorization", "Bearer imported-secret-123456"), header("X-Plain", "visible"))
	if _, err := importBytes(s, data, service.ClashRename); err != nil {
		t.Fatalf("import: %v", err)
	}
	autos, _ := s.DB.ListAutomations()
	raw, _ := json.Marshal(autos)
	if strings.Contains(string(raw), "imported-secret") || !strings.Contains(string(raw), "visible") {
		t.Fatalf("the data file holds %s", raw)
	}
	hook := autos[0].Steps[len(autos[0].Steps)-1].Webhook.Headers[0]
	if key, _, ok := service.SecretRef(hook.Value); !ok || sec[key] != "Bearer imported-secret-123456" {
		t.Errorf("Authorization stored as %q; secret store %v", hook.Value, sec)
	}
}

// TestImportRefusesWebhookSecretReferences proves a file cannot borrow a
// stored automation's webhook secret: any reference is refused, naming
// the automation, the step and the header, and nothing is written.
func TestImportRefusesWebhookSecretReferences(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	owner, err := s.SaveAutomation(hookAutomation("https://hooks.example/own", core.Header{Name: "X-Api-Key", Value: "owned-key-778899"}))
	if err != nil {
		t.Fatal(err)
	}
	before := dataSnapshot(t, s, sec)
	for _, ref := range []string{owner.Steps[0].Webhook.Headers[0].Value, "secret:webhook/0123456789abcdef#••••"} {
		_, err := importBytes(s, withHook(t, header("X-Api-Key", ref)), service.ClashRename)
		msg := core.ErrorMessage(err)
		if core.ErrorCode(err) != core.EINVALID || !strings.Contains(msg, "Reverse test or fraudulent") || !strings.Contains(msg, "step 3") ||
			!strings.Contains(msg, "X-Api-Key") || !strings.Contains(msg, "“hook”") {
			t.Errorf("reference %q: %v", ref, err)
		}
	}
	if dataSnapshot(t, s, sec) != before {
		t.Error("a refused import wrote")
	}
}

// TestFailedImportLeavesSecretsAlone proves an import whose transaction
// fails neither deletes the keys of a connection it would point
// elsewhere nor stores the webhook secrets it moved out of the file.
func TestFailedImportLeavesSecretsAlone(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, dir := testkit.MustServices(t, sec)
	res, err := importBytes(s, v1File(t), service.ClashRename)
	if err != nil {
		t.Fatal(err)
	}
	id := res.Secrets[0].ConnectionID
	c, _ := s.DB.GetConnection(id)
	if _, err := s.SaveConnection(core.ConnectionInput{Connection: c, Secrets: map[string]string{"api_key": "affise-key-0123456789"}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := len(sec)
	// A read-only opening reads and checks the file, then its write fails.
	ro, err := service.Open(service.Config{DataDir: dir, Secrets: sec, ReadOnly: true, Now: func() time.Time { return testkit.Fixed }})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	data := withHook(t, header("Authorization", "Bearer never-stored-4455"))
	var m map[string]any
	json.Unmarshal(data, &m)
	at(m, "connections", 0, "settings")["base_url"] = "https://api-other.affise.com"
	data, _ = json.Marshal(m)
	if _, err := importBytes(ro, data, service.ClashReplace); err == nil {
		t.Fatal("an import into a read-only file succeeded")
	}
	if sec[core.SecretKey(id, "api_key")] != "affise-key-0123456789" || len(sec) != before {
		t.Errorf("a failed import changed the secret store: %v", sec)
	}
}
