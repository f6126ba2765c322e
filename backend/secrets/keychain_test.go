package secrets_test

import (
	"errors"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/secrets"
	"github.com/zalando/go-keyring"
)

func TestKeychainRoundTrip(t *testing.T) {
	keyring.MockInit()
	k := secrets.NewKeychain("AffDesk-test")
	if err := k.Probe(); err != nil {
		t.Fatalf("probe: %v", err)
	}
	if _, err := k.GetSecret("connection/1/api_key"); core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("missing: %v", err)
	}
	if err := k.SetSecret("connection/1/api_key", "v"); err != nil {
		t.Fatal(err)
	}
	if v, err := k.GetSecret("connection/1/api_key"); v != "v" || err != nil {
		t.Fatalf("get %q %v", v, err)
	}
	if err := k.DeleteSecret("connection/1/api_key"); err != nil {
		t.Fatal(err)
	}
	if err := k.DeleteSecret("connection/1/api_key"); err != nil {
		t.Fatalf("delete missing: %v", err)
	}
	if _, err := keyring.Get("AffDesk-test", "probe"); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("probe left an entry behind: %v", err)
	}
	if k.Backend() != "keychain" || secrets.NewKeychain("").Backend() != "keychain" {
		t.Error("backend name")
	}
}

func TestKeychainUnavailable(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.secrets was not provided"))
	defer keyring.MockInit()
	k := secrets.NewKeychain("")
	if k.Probe() == nil {
		t.Fatal("probe passed without a keychain")
	}
	for name, err := range map[string]error{
		"set": k.SetSecret("a", "b"),
		"get": func() error { _, err := k.GetSecret("a"); return err }(),
		"del": k.DeleteSecret("a"),
	} {
		if core.ErrorCode(err) != core.EUNAVAILABLE {
			t.Errorf("%s: %v", name, err)
		}
	}
}
