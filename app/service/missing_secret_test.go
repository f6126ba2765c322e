package service_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// TestMissingSecretSendsNothing deletes a connection's stored secret and
// checks that neither a template test nor an automation run sends a
// request: each fails with an error naming the connection.
func TestMissingSecretSendsNothing(t *testing.T) {
	tests := []struct {
		mode, field string
		secrets     map[string]string
		settings    map[string]string
	}{
		{"header", "api_key", map[string]string{"api_key": "header-key-000111"}, map[string]string{"key_name": "X-API-Key"}},
		{"bearer", "token", map[string]string{"token": "bearer-token-000222"}, nil},
		{"basic", "password", map[string]string{"password": "basic-pass-000333"}, map[string]string{"username": "bot"}},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			var hits atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				w.Write([]byte(`{"ok":true}`))
			}))
			defer srv.Close()
			keychain := testkit.MemSecrets{}
			s := servicesNoWait(t, keychain)
			settings := map[string]string{"base_url": srv.URL, "auth_mode": tt.mode}
			for k, v := range tt.settings {
				settings[k] = v
			}
			name := "Orphan " + tt.mode
			c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: name, Platform: core.PlatformCustom, Settings: settings}, Secrets: tt.secrets})
			tpl, err := s.SaveTemplate(testkit.GetTemplate(c.ID, "/items"))
			if err != nil {
				t.Fatal(err)
			}
			delete(keychain, core.SecretKey(c.ID, tt.field))
			hits.Store(0)

			_, err = s.TestTemplate(service.TestInput{Template: tpl})
			if err == nil || !strings.Contains(core.ErrorMessage(err), name) {
				t.Errorf("template test: %v, want an error naming %q", err, name)
			}
			a, err := s.SaveAutomation(core.Automation{Name: "Uses " + name, Trigger: core.Trigger{Kind: "manual"},
				Steps: []core.Step{{ID: "s1", Kind: core.StepActionGet, TemplateID: tpl.ID}}})
			if err != nil {
				t.Fatal(err)
			}
			run, err := s.RunNow(context.Background(), a.ID, false, "manual")
			if err != nil || run.Status == core.RunCompleted || !strings.Contains(run.Steps[0].Error, name) {
				t.Errorf("run: %v, status %s, step error %q", err, run.Status, run.Steps[0].Error)
			}
			if n := hits.Load(); n != 0 {
				t.Fatalf("%d request(s) reached the tracker without a credential", n)
			}
		})
	}
}
