package app_test

import (
	"errors"
	"testing"

	"github.com/affdesk/affdesk/app"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
	"github.com/affdesk/affdesk/backend/secrets"
	"github.com/zalando/go-keyring"
)

// openKeychain opens dir with the (mock) OS keychain chosen by Open.
func openKeychain(t *testing.T, dir string) *app.Services {
	t.Helper()
	s, err := app.Open(app.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if s.Secrets.Backend() != "keychain" {
		t.Fatalf("backend %q", s.Secrets.Backend())
	}
	return s
}

// TestTwoDataFoldersShareNoSecrets opens two data folders on one keychain,
// each with a connection 1: each reads back its own token, never the other's.
func TestTwoDataFoldersShareNoSecrets(t *testing.T) {
	keyring.MockInit()
	a, b := openKeychain(t, t.TempDir()), openKeychain(t, t.TempDir())
	defer a.Close()
	defer b.Close()
	ca := mustSaveConn(t, a, impactInput("", "token-of-folder-A-1111"))
	cb := mustSaveConn(t, b, impactInput("", "token-of-folder-B-2222"))
	if ca.ID != 1 || cb.ID != 1 {
		t.Fatalf("IDs %d and %d: the test needs both to be 1", ca.ID, cb.ID)
	}
	for name, tc := range map[string]struct {
		s    *app.Services
		want string
	}{"A": {a, "token-of-folder-A-1111"}, "B": {b, "token-of-folder-B-2222"}} {
		got, err := tc.s.Secrets.GetSecret(core.SecretKey(1, "auth_token"))
		if got != tc.want || err != nil {
			t.Errorf("folder %s reads %q, %v", name, got, err)
		}
	}
	if _, err := keyring.Get(secrets.Service, core.SecretKey(1, "auth_token")); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("an un-namespaced entry was written: %v", err)
	}
	if err := a.DeleteConnection(1, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := b.Secrets.GetSecret(core.SecretKey(1, "auth_token")); got != "token-of-folder-B-2222" {
		t.Errorf("deleting A's connection touched B's token: %q", got)
	}
}

// TestLegacyKeychainEntriesMove stores a connection token and the SMTP
// password the way earlier versions did (no namespace) and checks opening
// moves them under the data file's install ID, once.
func TestLegacyKeychainEntriesMove(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	s, err := app.Open(app.Config{DataDir: dir, Secrets: secrets.NewKeychain("")})
	if err != nil {
		t.Fatal(err)
	}
	c := mustSaveConn(t, s, impactInput("", "legacy-token-33334444"))
	if err := s.SaveSMTP(app.SMTPSettings{SMTP: notify.SMTP{Host: "smtp.example.com", Port: 587, Security: "starttls", Username: "bot@example.com", From: "bot@example.com"}, Password: "legacy-smtp-pw-5555"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	legacy := []string{core.SecretKey(c.ID, "auth_token"), "smtp/password"}
	for _, k := range legacy {
		if _, err := keyring.Get(secrets.Service, k); err != nil {
			t.Fatalf("setup: %s not stored the old way: %v", k, err)
		}
	}
	for round := 0; round < 2; round++ {
		s = openKeychain(t, dir)
		if got, err := s.Secrets.GetSecret(legacy[0]); got != "legacy-token-33334444" || err != nil {
			t.Errorf("round %d: token %q, %v", round, got, err)
		}
		if acct, err := s.SMTPAccount(true); acct.Password != "legacy-smtp-pw-5555" || err != nil {
			t.Errorf("round %d: smtp password %q, %v", round, acct.Password, err)
		}
		id, _ := s.DB.InstallID()
		s.Close()
		for _, k := range legacy {
			if _, err := keyring.Get(secrets.Service, k); !errors.Is(err, keyring.ErrNotFound) {
				t.Errorf("round %d: old entry %s left: %v", round, k, err)
			}
			if _, err := keyring.Get(secrets.Service, id+"/"+k); err != nil {
				t.Errorf("round %d: namespaced entry %s missing: %v", round, k, err)
			}
		}
	}
	other := openKeychain(t, t.TempDir())
	defer other.Close()
	if _, err := other.Secrets.GetSecret(legacy[0]); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("another folder reads the moved token: %v", err)
	}
}

// TestFileSecretsNeedNoNamespace checks the data-file fallback, chosen
// when no keychain answers, keeps plain keys and keeps working.
func TestFileSecretsNeedNoNamespace(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service on this bus"))
	defer keyring.MockInit()
	s, err := app.Open(app.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Secrets.Backend() != "file" {
		t.Fatalf("backend %q", s.Secrets.Backend())
	}
	c := mustSaveConn(t, s, impactInput("", "file-token-66667777"))
	if got, err := s.DB.Secrets().GetSecret(core.SecretKey(c.ID, "auth_token")); got != "file-token-66667777" || err != nil {
		t.Errorf("file store holds %q, %v", got, err)
	}
}
