package service_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

const legacyAuth = "Bearer legacy-secret-abcdef1234"

// reopen opens the data folder again on the same secret store.
func reopen(t *testing.T, dir string, sec testkit.MemSecrets) *service.Services {
	t.Helper()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: sec, Now: func() time.Time { return testkit.Fixed }, Sleep: testkit.NoWait})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// saveLegacy stores an automation straight into the data file in dir,
// as versions before the secret store did: its webhook credential
// written as is.
func saveLegacy(t *testing.T, dir, url string) core.Automation {
	t.Helper()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a := hookAutomation(url, core.Header{Name: "Authorization", Value: legacyAuth}, core.Header{Name: "X-Plain", Value: "visible"})
	if err := db.SaveAutomation(&a); err != nil {
		t.Fatal(err)
	}
	return a
}

func mustNotShow(t *testing.T, where string, v any) {
	t.Helper()
	b, _ := json.Marshal(v)
	if strings.Contains(string(b), "legacy-secret") {
		t.Errorf("%s shows the literal secret: %s", where, b)
	}
}

// TestLegacyWebhookSecretsMoveAtOpen proves opening a data file moves
// webhook credentials stored as literals into the secret store once, so
// the record, the window, the export and every run hold none, and the
// webhook still sends the secret.
func TestLegacyWebhookSecretsMoveAtOpen(t *testing.T) {
	sec, dir := testkit.MemSecrets{}, t.TempDir()
	hook := newHookServer(t)
	a := saveLegacy(t, dir, hook.URL)
	s := reopen(t, dir, sec)
	stored, _ := s.DB.GetAutomation(a.ID)
	key, mask, ok := service.SecretRef(stored.Steps[0].Webhook.Headers[0].Value)
	if !ok || mask != "••••1234" || sec[key] != legacyAuth || stored.Steps[0].Webhook.Headers[1].Value != "visible" {
		t.Fatalf("after opening: %+v, secret store %v", stored.Steps[0].Webhook.Headers, sec)
	}
	mustNotShow(t, "the data file", stored)
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status != core.RunCompleted || hook.seen[0].Get("Authorization") != legacyAuth {
		t.Fatalf("run %v %s, sent %v", err, run.Status, hook.seen)
	}
	mustNotShow(t, "the run", run)
	s.Close()

	s = reopen(t, dir, sec)
	again, _ := s.DB.GetAutomation(a.ID)
	if len(sec) != 1 || again.Steps[0].Webhook.Headers[0].Value != stored.Steps[0].Webhook.Headers[0].Value {
		t.Errorf("a second opening moved again: %d secrets, %q", len(sec), again.Steps[0].Webhook.Headers[0].Value)
	}
	if done, err := s.DB.MetaFlag("webhook_secrets_moved"); !done || err != nil {
		t.Errorf("the move is not recorded: %v %v", done, err)
	}
}

// TestLiteralWebhookSecretsNeverShow proves a literal credential left in
// the data file (written after the move at open) shows nowhere: not in
// the window's Get and List, `automations list` and `export`, nor a dry
// run; and saving what the window shows moves it to the secret store.
func TestLiteralWebhookSecretsNeverShow(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, dir := testkit.MustServices(t, sec)
	s.Close()
	a := saveLegacy(t, dir, "https://hooks.example/x")
	s = reopen(t, dir, sec)
	got, err := s.ShownAutomation(a.ID)
	if err != nil || got.Steps[0].Webhook.Headers[0].Value != "Bearer ••••" {
		t.Fatalf("Get: %+v %v", got.Steps[0].Webhook.Headers, err)
	}
	list, _ := s.ShownAutomations()
	mustNotShow(t, "List", list)
	exp, _ := s.ExportAutomations()
	mustNotShow(t, "the export", exp)
	if h := exp.Automations[0].Steps[0].Webhook.Headers[0]; h.Value != "" {
		t.Errorf("the export carries %q", h.Value)
	}
	dry, err := s.RunNow(context.Background(), a.ID, true, "manual")
	if err != nil || len(dry.Steps) != 1 || len(dry.Steps[0].Requests) != 1 {
		t.Fatalf("dry run %v %+v", err, dry.Steps)
	}
	mustNotShow(t, "the dry run", dry)
	if _, err := s.SaveAutomation(got); err != nil {
		t.Fatal(err)
	}
	saved, _ := s.DB.GetAutomation(a.ID)
	if key, _, ok := service.SecretRef(saved.Steps[0].Webhook.Headers[0].Value); !ok || sec[key] != legacyAuth {
		t.Errorf("saving the shown record gave %q", saved.Steps[0].Webhook.Headers[0].Value)
	}
}

// TestOldRunsLoseTheirLiteralWebhookSecrets proves runs recorded before
// the secret store kept webhook credentials (in the automation's snapshot
// and in the webhook's request record, loop items included) hold none
// after the data file is opened: the file's bytes do not contain them.
func TestOldRunsLoseTheirLiteralWebhookSecrets(t *testing.T) {
	sec, dir := testkit.MemSecrets{}, t.TempDir()
	a := saveLegacy(t, dir, "https://hooks.example/x")
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	hdr := []core.Header{{Name: "Authorization", Value: legacyAuth}, {Name: "X-Plain", Value: "visible"}}
	rec := core.HTTPRecord{Kind: "webhook", Method: "POST", URL: "https://hooks.example/x", Headers: hdr}
	old := core.Run{AutomationID: a.ID, AutomationName: a.Name, Status: core.RunCompleted, StartedAt: testkit.Fixed, Snapshot: a,
		Steps: []core.StepResult{{StepID: "s9", Label: "1", Kind: core.StepForEach, Status: core.StepOK,
			Iterations: []core.Iteration{{Index: 1, Status: core.StepOK, Steps: []core.StepResult{{Label: "1.1", Kind: core.StepSendWebhook, Requests: []core.HTTPRecord{rec}}}}}},
			{StepID: "s1", Label: "2", Kind: core.StepSendWebhook, Status: core.StepOK, Requests: []core.HTTPRecord{rec}}}}
	if err := db.SaveRun(&old); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := reopen(t, dir, sec)
	got, err := s.DB.GetRun(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	mustNotShow(t, "the old run", got)
	if got.Steps[1].Requests[0].Headers[1].Value != "visible" || got.Steps[1].Requests[0].Headers[0].Value != "Bearer ••••" {
		t.Errorf("headers %+v", got.Steps[1].Requests[0].Headers)
	}
	s.Close()
	raw, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	if bytes.Contains(raw, []byte("legacy-secret")) {
		t.Error("the data file still holds the literal secret")
	}
}
