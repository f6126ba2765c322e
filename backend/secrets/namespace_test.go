package secrets_test

import (
	"errors"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/secrets"
	"github.com/zalando/go-keyring"
)

// TestNamespacesKeepApart stores the same key in two namespaces of one
// keychain: each reads only its own, and the raw entry carries the prefix.
func TestNamespacesKeepApart(t *testing.T) {
	keyring.MockInit()
	a, b := secrets.NewKeychain("").In("aaaa"), secrets.NewKeychain("").In("bbbb")
	if err := a.SetSecret("connection/1/api_key", "key-of-a"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.GetSecret("connection/1/api_key"); core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("b reads a's secret: %v", err)
	}
	if err := b.SetSecret("connection/1/api_key", "key-of-b"); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[secrets.Keychain]string{a: "key-of-a", b: "key-of-b"} {
		if got, err := k.GetSecret("connection/1/api_key"); got != want || err != nil {
			t.Errorf("%s reads %q, %v", k.Namespace(), got, err)
		}
	}
	if got, err := keyring.Get(secrets.Service, "aaaa/connection/1/api_key"); got != "key-of-a" || err != nil {
		t.Errorf("raw entry %q %v", got, err)
	}
	if _, err := keyring.Get(secrets.Service, "connection/1/api_key"); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("an un-namespaced entry exists: %v", err)
	}
	if err := a.DeleteSecret("connection/1/api_key"); err != nil {
		t.Fatal(err)
	}
	if got, _ := b.GetSecret("connection/1/api_key"); got != "key-of-b" {
		t.Errorf("deleting a's entry touched b's: %q", got)
	}
}

func TestAdopt(t *testing.T) {
	tests := []struct {
		name      string
		legacy    string // "" for none
		current   string // "" for none
		namespace string
		moved     bool   // copied
		want      string // namespaced value after
		legacyOut bool   // legacy entry still there
	}{
		{"copies, leaving the old entry for other folders", "old", "", "ns", true, "old", true},
		{"nothing to copy", "", "", "ns", false, "", false},
		{"keeps the namespaced one", "old", "new", "ns", false, "new", true},
		{"no namespace", "old", "", "", false, "old", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keyring.MockInit()
			k := secrets.NewKeychain("").In(tt.namespace)
			if tt.legacy != "" {
				_ = keyring.Set(secrets.Service, "smtp/password", tt.legacy)
			}
			if tt.current != "" {
				_ = k.SetSecret("smtp/password", tt.current)
			}
			moved, err := k.Adopt("smtp/password")
			if err != nil || moved != tt.moved {
				t.Fatalf("moved %v, %v", moved, err)
			}
			if again, err := k.Adopt("smtp/password"); again && tt.moved || err != nil {
				t.Errorf("second adopt moved again (%v) or failed: %v", again, err)
			}
			got, _ := k.GetSecret("smtp/password")
			if got != tt.want {
				t.Errorf("namespaced = %q, want %q", got, tt.want)
			}
			_, lerr := keyring.Get(secrets.Service, "smtp/password")
			if (lerr == nil) != tt.legacyOut {
				t.Errorf("legacy left: %v, want %v", lerr == nil, tt.legacyOut)
			}
		})
	}
}
