package service_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

const token = "tok-SECRET-abcdef123456"

// TestSecretStoreChoice checks the OS keychain is used when it answers and
// the data file otherwise, and that Settings says which.
func TestSecretStoreChoice(t *testing.T) {
	keyring.MockInit()
	s, err := service.Open(service.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if s.Secrets.Backend() != "keychain" {
		t.Errorf("with a keychain: backend %q", s.Secrets.Backend())
	}
	s.Close()

	keyring.MockInitWithError(errors.New("no secret service on this bus"))
	defer keyring.MockInit()
	dir := t.TempDir()
	s, err = service.Open(service.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Secrets.Backend() != "file" {
		t.Fatalf("without a keychain: backend %q", s.Secrets.Backend())
	}
	c := testkit.SaveConn(t, s, testkit.ImpactInput("", token))
	if got, _ := s.Secrets.GetSecret(core.SecretKey(c.ID, "auth_token")); got != token {
		t.Fatalf("file fallback lost the secret: %q", got)
	}
	info, _ := s.Info()
	if info.SecretBackend != "file" || !strings.Contains(info.SecretNote, "data file") {
		t.Errorf("settings note = %+v", info)
	}
	st, _ := os.Stat(filepath.Join(dir, store.FileName))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("data file mode %v", st.Mode().Perm())
	}
}

func TestEditKeepsAndClearsSecrets(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, keychain)
	c := testkit.SaveConn(t, s, testkit.ImpactInput("", token))
	key := core.SecretKey(c.ID, "auth_token")

	c.Name = "Renamed"
	c2 := testkit.SaveConn(t, s, core.ConnectionInput{Connection: c})
	if keychain[key] != token || c2.SecretMasks["auth_token"] == "" || !c2.CreatedAt.Equal(c.CreatedAt) {
		t.Fatalf("edit without a new secret lost it: %v %+v", keychain, c2)
	}
	_, err := s.SaveConnection(core.ConnectionInput{Connection: c2, ClearSecrets: []string{"auth_token"}})
	if core.ErrorField(err) != "secrets.auth_token" {
		t.Fatalf("clearing a required secret: %v", err)
	}
	if keychain[key] != token {
		t.Fatal("a refused save deleted the secret")
	}
}

func TestMissingSecretStopsBeforeSending(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, keychain)
	c := testkit.SaveConn(t, s, testkit.ImpactInput("", token))
	delete(keychain, core.SecretKey(c.ID, "auth_token"))
	tpl, _ := s.TemplateFromPreset("impact.actions.get", c.ID)
	_, err := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"ActionId": "1"}})
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), `"Acme impact" has no Auth Token stored`) {
		t.Fatalf("err = %v", err)
	}
}

func TestCheckConnection(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	demoURL, err := s.DemoURL()
	if err != nil {
		t.Fatal(err)
	}
	html := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!doctype html><html><title>Dashboard</title></html>"))
	}))
	defer html.Close()
	custom := func(base, key string) core.ConnectionInput {
		return core.ConnectionInput{Connection: core.Connection{Name: "Custom", Platform: core.PlatformCustom, Timezone: "UTC",
			Settings: map[string]string{"base_url": base, "auth_mode": "header", "key_name": "API-Key", "check_path": "/3.0/admin/partners"}},
			Secrets: map[string]string{"api_key": key}}
	}
	tests := []struct {
		name string
		in   core.ConnectionInput
		want core.CheckStatus
	}{
		{"demo", core.ConnectionInput{Connection: core.Connection{Name: "Demo", Platform: core.PlatformDemo, Timezone: "UTC"}}, core.CheckOK},
		{"impact ok", testkit.ImpactInput(demoURL, core.DemoAuthToken), core.CheckOK},
		{"impact wrong token", testkit.ImpactInput(demoURL, "wrong-token-123"), core.CheckWrongKey},
		{"affise-like ok", custom(demoURL, core.DemoAPIKey), core.CheckOK},
		{"affise-like wrong key", custom(demoURL, "nope-nope-nope"), core.CheckWrongKey},
		{"web page, not an API", custom(html.URL, "k"), core.CheckWrongURL},
		{"unreachable", custom("http://127.0.0.1:1", "k"), core.CheckUnreachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.CheckConnection(tt.in)
			if err != nil || res.Status != tt.want {
				t.Fatalf("check: %+v, %v; want %s", res, err, tt.want)
			}
			for _, sec := range tt.in.Secrets {
				if len(sec) > 3 && strings.Contains(res.URL+res.Message, sec) {
					t.Errorf("check result leaks the secret: %+v", res)
				}
			}
		})
	}
	if list, _ := s.DB.ListConnections(); len(list) != 0 {
		t.Errorf("checking saved %d connections", len(list))
	}
	_, err = s.CheckConnection(custom("", "k"))
	if core.ErrorField(err) != "settings.base_url" {
		t.Errorf("invalid input: %v", err)
	}
}

func TestDeleteConnectionInUse(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, keychain)
	c := testkit.SaveConn(t, s, testkit.ImpactInput("", token))
	for _, id := range []string{"impact.actions.list", "impact.actions.get"} {
		tpl, _ := s.TemplateFromPreset(id, c.ID)
		if _, err := s.SaveTemplate(tpl); err != nil {
			t.Fatal(err)
		}
	}
	err := s.DeleteConnection(c.ID, false)
	if core.ErrorCode(err) != core.ECONFLICT || !strings.Contains(err.Error(), "impact.com: Get an action, impact.com: List actions") {
		t.Fatalf("delete in use: %v", err)
	}
	if err := s.DeleteConnection(c.ID, true); err != nil {
		t.Fatal(err)
	}
	if len(keychain) != 0 {
		t.Errorf("secrets left behind: %v", keychain)
	}
	if tpls, _ := s.DB.ListTemplates(); len(tpls) != 2 {
		t.Errorf("templates were deleted with the connection")
	}
}

func TestDuplicateConnectionCopiesSecrets(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, keychain)
	c := testkit.SaveConn(t, s, testkit.ImpactInput("", token))
	cp, err := s.DuplicateConnection(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cp.ID == c.ID || cp.Name != "Acme impact (copy)" || keychain[core.SecretKey(cp.ID, "auth_token")] != token {
		t.Fatalf("copy %+v, keychain %v", cp, keychain)
	}
}

func TestSecretsThatNoLongerApplyAreDeleted(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, keychain)
	c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "API", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": "https://x.example", "auth_mode": "header", "key_name": "X-Key"}},
		Secrets: map[string]string{"api_key": "header-key-000001"}})
	c.Settings["auth_mode"] = "bearer"
	c2, err := s.SaveConnection(core.ConnectionInput{Connection: c, Secrets: map[string]string{"token": "bearer-tok-000002"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := keychain[core.SecretKey(c.ID, "api_key")]; ok || c2.SecretMasks["api_key"] != "" {
		t.Errorf("the header key outlived the switch to bearer: %v %v", keychain, c2.SecretMasks)
	}
	if keychain[core.SecretKey(c.ID, "token")] != "bearer-tok-000002" || c2.SecretMasks["token"] != "••••0002" {
		t.Errorf("bearer token: %v %v", keychain, c2.SecretMasks)
	}
	c2.Platform, c2.Settings = core.PlatformDemo, nil
	if _, err := s.SaveConnection(core.ConnectionInput{Connection: c2}); err != nil {
		t.Fatal(err)
	}
	if len(keychain) != 0 {
		t.Errorf("secrets left after the switch to Demo: %v", keychain)
	}
}
