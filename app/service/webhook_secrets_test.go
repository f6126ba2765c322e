package service_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

func TestCredentialHeader(t *testing.T) {
	for name, want := range map[string]bool{
		"Authorization": true, "cookie": true, "X-API-Key": true, "X-Auth-Token": true, "X-Hub-Signature-256": true,
		"Client-Secret": true, "Proxy-Authorization": true, "Content-Type": false, "Accept": false, "X-Request-Id": false,
	} {
		if service.CredentialHeader(name) != want {
			t.Errorf("CredentialHeader(%q) = %v", name, !want)
		}
	}
}

// hookServer records the headers of every webhook it receives and echoes
// the Authorization header back in its body.
type hookServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen []http.Header
}

func newHookServer(t *testing.T) *hookServer {
	h := &hookServer{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.seen = append(h.seen, r.Header.Clone())
		h.mu.Unlock()
		w.Write([]byte(`{"echo":"` + r.Header.Get("Authorization") + `"}`))
	}))
	t.Cleanup(h.Close)
	return h
}

func hookAutomation(url string, headers ...core.Header) core.Automation {
	return core.Automation{Name: "Hook", Trigger: core.Trigger{Kind: "manual"}, Steps: []core.Step{{ID: "s1", Kind: core.StepSendWebhook,
		Webhook: &core.WebhookConfig{URL: url, Method: "POST", Headers: headers, BodyKind: "raw", Body: "hello"}}}}
}

func TestWebhookSecretsLiveInTheSecretStore(t *testing.T) {
	const auth, sig = "Bearer wh-secret-abcdef1234", "sig-value-998877"
	keychain := testkit.MemSecrets{}
	s := servicesNoWait(t, keychain)
	hook := newHookServer(t)
	a, err := s.SaveAutomation(hookAutomation(hook.URL, core.Header{Name: "Authorization", Value: auth},
		core.Header{Name: "X-Signature", Value: sig}, core.Header{Name: "X-Plain", Value: "visible"}))
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := s.DB.GetAutomation(a.ID)
	raw, _ := json.Marshal(stored)
	if strings.Contains(string(raw), "wh-secret") || strings.Contains(string(raw), "998877") || !strings.Contains(string(raw), "visible") {
		t.Fatalf("the record holds a secret or lost a plain header: %s", raw)
	}
	if _, mask, ok := service.SecretRef(stored.Steps[0].Webhook.Headers[0].Value); !ok || mask != "••••1234" {
		t.Fatalf("Authorization is %q", stored.Steps[0].Webhook.Headers[0].Value)
	}
	if len(keychain) != 2 {
		t.Fatalf("secret store holds %d entries", len(keychain))
	}

	// Saving with empty values keeps the stored secrets.
	stored.Steps[0].Webhook.Headers[0].Value, stored.Steps[0].Webhook.Headers[1].Value = "", ""
	if _, err := s.SaveAutomation(stored); err != nil {
		t.Fatal(err)
	}
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status != core.RunCompleted {
		t.Fatalf("run %v %s %s", err, run.Status, run.Error)
	}
	if got := hook.seen[0]; got.Get("Authorization") != auth || got.Get("X-Signature") != sig {
		t.Errorf("the webhook received %v", got)
	}
	rec, _ := json.Marshal(run)
	if strings.Contains(string(rec), "wh-secret") || strings.Contains(string(rec), "998877") {
		t.Errorf("the run record shows a secret: %s", rec)
	}
	export, _ := s.ExportAutomations()
	ex, _ := json.Marshal(export)
	if strings.Contains(string(ex), "secret:webhook/") || strings.Contains(string(ex), "wh-secret") {
		t.Errorf("the export carries a secret or its reference: %s", ex)
	}
}

func TestWebhookSecretReferencesStayWithTheirAutomation(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s := servicesNoWait(t, keychain)
	hook := newHookServer(t)
	a, err := s.SaveAutomation(hookAutomation(hook.URL, core.Header{Name: "Authorization", Value: "Bearer owned-secret-5555"}))
	if err != nil {
		t.Fatal(err)
	}
	ref := a.Steps[0].Webhook.Headers[0].Value
	if _, err := s.SaveAutomation(hookAutomation(hook.URL, core.Header{Name: "Authorization", Value: ref})); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("another automation borrowed the secret: %v", err)
	}
	dup, err := s.DuplicateAutomation(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	dref := dup.Steps[0].Webhook.Headers[0].Value
	if dref == ref || len(keychain) != 2 {
		t.Fatalf("the copy shares the secret: %q, %d entries", dref, len(keychain))
	}
	dup.Steps[0].Webhook.Headers = nil
	if _, err := s.SaveAutomation(dup); err != nil {
		t.Fatal(err)
	}
	if len(keychain) != 1 {
		t.Errorf("removing the header left its secret: %d entries", len(keychain))
	}
	key, _, _ := service.SecretRef(ref)
	delete(keychain, key)
	run, _ := s.RunNow(context.Background(), a.ID, false, "manual")
	if run.Status == core.RunCompleted || len(hook.seen) != 0 || !strings.Contains(run.Steps[0].Error, "Authorization") {
		t.Errorf("a webhook without its secret: status %s, %d sent, error %q", run.Status, len(hook.seen), run.Steps[0].Error)
	}
}

// TestSMTPPasswordShownMasked checks the Settings page gets a mask of the
// password, never the password, and that an empty one keeps it.
func TestSMTPPasswordShownMasked(t *testing.T) {
	s := servicesNoWait(t, nil)
	acct := notifySMTP()
	if err := s.SaveSMTP(service.SMTPSettings{SMTP: acct, Password: "smtp-password-7a7b"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSMTP(service.SMTPSettings{SMTP: acct}); err != nil {
		t.Fatal(err)
	}
	got, err := s.SMTPSettings()
	raw, _ := json.Marshal(got)
	if err != nil || !got.PasswordSet || got.PasswordMask != "••••7a7b" || strings.Contains(string(raw), "smtp-password") {
		t.Errorf("settings %s, %v", raw, err)
	}
}

func TestDeletingAnAutomationDropsItsWebhookSecrets(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s := servicesNoWait(t, keychain)
	a, err := s.SaveAutomation(hookAutomation("https://hooks.example.com/x", core.Header{Name: "X-Api-Key", Value: "hook-key-12345678"}))
	if err != nil || len(keychain) != 1 {
		t.Fatalf("%v, %d entries", err, len(keychain))
	}
	if err := s.DeleteAutomation(a.ID); err != nil {
		t.Fatal(err)
	}
	if len(keychain) != 0 {
		t.Errorf("%d secret(s) left after deleting the automation", len(keychain))
	}
}
