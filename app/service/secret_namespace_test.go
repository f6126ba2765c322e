package service_test

import (
	"errors"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
	"github.com/affdesk/affdesk/backend/secrets"
)

// TestTwoDataFoldersShareNoSecrets opens two data folders on one keychain,
// each with a connection 1: each reads back its own token, never the other's.
func TestTwoDataFoldersShareNoSecrets(t *testing.T) {
	keyring.MockInit()
	a, b := testkit.OpenKeychain(t, t.TempDir()), testkit.OpenKeychain(t, t.TempDir())
	defer a.Close()
	defer b.Close()
	ca := testkit.SaveConn(t, a, testkit.ImpactInput("", "token-of-folder-A-1111"))
	cb := testkit.SaveConn(t, b, testkit.ImpactInput("", "token-of-folder-B-2222"))
	if ca.ID != 1 || cb.ID != 1 {
		t.Fatalf("IDs %d and %d: the test needs both to be 1", ca.ID, cb.ID)
	}
	for name, tc := range map[string]struct {
		s    *service.Services
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

// legacyFolder makes a data folder the way earlier versions kept
// secrets (no namespace): an impact.com connection 1 and an email account.
func legacyFolder(t *testing.T, token string) string {
	t.Helper()
	dir := t.TempDir()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: secrets.NewKeychain("")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c := testkit.SaveConn(t, s, testkit.ImpactInput("", token)); c.ID != 1 {
		t.Fatalf("connection %d: the test needs 1", c.ID)
	}
	if err := s.SaveSMTP(service.SMTPSettings{SMTP: notify.SMTP{Host: "smtp.example.com", Port: 587, Security: "starttls", Username: "bot@example.com", From: "bot@example.com"}, Password: "legacy-smtp-pw-5555"}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestLegacyKeychainEntriesAdoptedOnce checks opening copies the old
// un-namespaced entries under the data file's install ID, leaves them
// for a second folder that used the same entries, and does it once per
// data file.
func TestLegacyKeychainEntriesAdoptedOnce(t *testing.T) {
	keyring.MockInit()
	const token = "legacy-token-33334444"
	first, second := legacyFolder(t, token), legacyFolder(t, token)
	legacy := []string{core.SecretKey(1, "auth_token"), "smtp/password"}
	for _, dir := range []string{first, second} {
		s := testkit.OpenKeychain(t, dir)
		if got, err := s.Secrets.GetSecret(legacy[0]); got != token || err != nil {
			t.Errorf("%s: token %q, %v", dir, got, err)
		}
		if acct, err := s.SMTPAccount(true); acct.Password != "legacy-smtp-pw-5555" || err != nil {
			t.Errorf("%s: smtp password %q, %v", dir, acct.Password, err)
		}
		if done, _ := s.DB.MetaFlag("keychain_adopted"); !done {
			t.Errorf("%s: adoption not recorded", dir)
		}
		s.Close()
	}
	for _, k := range legacy {
		if _, err := keyring.Get(secrets.Service, k); err != nil {
			t.Errorf("the old entry %s was removed: %v", k, err)
		}
	}
	// Once recorded, opening reads no old entry: a namespaced entry
	// deleted since is not copied again.
	s := testkit.OpenKeychain(t, first)
	if err := s.Secrets.DeleteSecret(legacy[0]); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = testkit.OpenKeychain(t, first)
	defer s.Close()
	if _, err := s.Secrets.GetSecret(legacy[0]); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("adoption ran again: %v", err)
	}
	other := testkit.OpenKeychain(t, t.TempDir())
	defer other.Close()
	if _, err := other.Secrets.GetSecret(legacy[0]); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("a folder without the connection reads its token: %v", err)
	}
}

// TestFileSecretsNeedNoNamespace checks the data-file fallback, chosen
// when no keychain answers, keeps plain keys and keeps working.
func TestFileSecretsNeedNoNamespace(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service on this bus"))
	defer keyring.MockInit()
	s, err := service.Open(service.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Secrets.Backend() != "file" {
		t.Fatalf("backend %q", s.Secrets.Backend())
	}
	c := testkit.SaveConn(t, s, testkit.ImpactInput("", "file-token-66667777"))
	if got, err := s.DB.Secrets().GetSecret(core.SecretKey(c.ID, "auth_token")); got != "file-token-66667777" || err != nil {
		t.Errorf("file store holds %q, %v", got, err)
	}
}
