package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/secrets"
	"github.com/affdesk/affdesk/backend/store"
)

// TestRealKeychain runs against a real Secret Service (gnome-keyring on a
// private D-Bus session: `make keychain-test`). It checks that AffDesk picks
// the keychain, that the token lands there, and that the data file, the
// export and the listings never hold it.
func TestRealKeychain(t *testing.T) {
	if os.Getenv("AFFDESK_REAL_KEYCHAIN") != "1" {
		t.Skip("set AFFDESK_REAL_KEYCHAIN=1 inside a D-Bus session with an unlocked keyring (make keychain-test)")
	}
	dir := t.TempDir()
	s, err := service.Open(service.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if s.Secrets.Backend() != "keychain" {
		t.Fatalf("backend = %q: the keychain did not answer", s.Secrets.Backend())
	}
	const tok = "real-keychain-token-9c41f07d"
	c, err := s.SaveConnection(testkit.ImpactInput("", tok))
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.DB.InstallID()
	if err != nil {
		t.Fatal(err)
	}
	entry := id + "/" + core.SecretKey(c.ID, "auth_token")
	t.Cleanup(func() { _ = keyring.Delete(secrets.Service, entry) })
	if got, err := keyring.Get(secrets.Service, entry); err != nil || got != tok {
		t.Fatalf("keychain holds %q, %v", got, err)
	}
	if _, err := keyring.Get(secrets.Service, core.SecretKey(c.ID, "auth_token")); err == nil {
		t.Error("the token was also stored without the data file's namespace")
	}
	realKeychainSecondFolder(t, c.ID)
	tpl, _ := s.TemplateFromPreset("impact.actions.list", c.ID)
	if _, err := s.SaveTemplate(tpl); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	var out strings.Builder
	for _, args := range [][]string{{"templates", "export"}, {"connections", "list"}} {
		cli.RunCLI(args, dir, &out, &out)
	}
	for name, text := range map[string]string{"data file": string(raw), "cli": out.String()} {
		if strings.Contains(text, tok) || strings.Contains(text, "9c41f07d") && name == "data file" {
			t.Errorf("%s holds the token", name)
		}
	}
}

// realKeychainSecondFolder opens a second data folder on the same real
// keychain: its connection with the same ID reads its own token only, and
// a token stored the old way (no namespace) is copied under its install
// ID, the old entry staying for any other data folder that used it.
func realKeychainSecondFolder(t *testing.T, id uint64) {
	const legacy = "real-keychain-legacy-5d2e"
	key := core.SecretKey(id, "auth_token")
	dir := t.TempDir()
	first, err := service.Open(service.Config{DataDir: dir, Secrets: secrets.NewKeychain("")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := first.SaveConnection(testkit.ImpactInput("", legacy))
	first.Close()
	if err != nil || c.ID != id {
		t.Fatalf("second folder's connection %d, %v", c.ID, err)
	}
	s, err := service.Open(service.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, _ := s.DB.InstallID()
	t.Cleanup(func() { _ = keyring.Delete(secrets.Service, ns+"/"+key) })
	if got, err := s.Secrets.GetSecret(key); got != legacy || err != nil {
		t.Errorf("second folder reads %q, %v", got, err)
	}
	t.Cleanup(func() { _ = keyring.Delete(secrets.Service, key) })
	if got, err := keyring.Get(secrets.Service, ns+"/"+key); got != legacy || err != nil {
		t.Errorf("the namespaced copy holds %q, %v", got, err)
	}
	if _, err := keyring.Get(secrets.Service, key); err != nil {
		t.Error("the old un-namespaced entry was taken from the other data folders that may use it")
	}
}
