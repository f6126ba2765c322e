// Package secrets keeps credentials in the operating system's keychain
// (macOS Keychain, Windows Credential Manager, the Secret Service on Linux)
// through zalando/go-keyring.
package secrets

import (
	"errors"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/zalando/go-keyring"
)

// Service is the keychain service name AffDesk's entries are filed under.
const Service = "AffDesk"

// Keychain is a core.SecretStore backed by the OS keychain.
type Keychain struct{ service string }

var _ core.SecretStore = Keychain{}

// NewKeychain returns a keychain store for the given service name (empty
// means Service).
func NewKeychain(service string) Keychain {
	if service == "" {
		service = Service
	}
	return Keychain{service: service}
}

// Probe writes, reads back and deletes a test entry, and returns an error
// when the keychain is missing or locked, so the caller can fall back.
func (k Keychain) Probe() error {
	const key, val = "probe", "affdesk-probe"
	if err := keyring.Set(k.service, key, val); err != nil {
		return fmt.Errorf("keychain write: %w", err)
	}
	got, err := keyring.Get(k.service, key)
	_ = keyring.Delete(k.service, key)
	if err != nil || got != val {
		return fmt.Errorf("keychain read back failed: %v", err)
	}
	return nil
}

// SetSecret stores value under key.
func (k Keychain) SetSecret(key, value string) error {
	if err := keyring.Set(k.service, key, value); err != nil {
		return core.Errorf(core.EUNAVAILABLE, "Could not save a secret to the system keychain: %v.", err)
	}
	return nil
}

// GetSecret returns ENOTFOUND if nothing is stored under key.
func (k Keychain) GetSecret(key string) (string, error) {
	v, err := keyring.Get(k.service, key)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", core.Errorf(core.ENOTFOUND, "No secret is stored for %s.", key)
	}
	if err != nil {
		return "", core.Errorf(core.EUNAVAILABLE, "Could not read a secret from the system keychain: %v.", err)
	}
	return v, nil
}

// DeleteSecret removes key; a missing key is not an error.
func (k Keychain) DeleteSecret(key string) error {
	err := keyring.Delete(k.service, key)
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return core.Errorf(core.EUNAVAILABLE, "Could not delete a secret from the system keychain: %v.", err)
	}
	return nil
}

// Backend names the store for the Settings page.
func (k Keychain) Backend() string { return "keychain" }
