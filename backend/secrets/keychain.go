// Package secrets keeps credentials in the operating system's keychain
// (macOS Keychain, Windows Credential Manager, the Secret Service on Linux)
// through zalando/go-keyring. Every entry is filed under the service name
// and a key prefixed with the data file's install ID, so two data folders
// sharing one keychain never read each other's secrets.
package secrets

import (
	"errors"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/zalando/go-keyring"
)

// Service is the keychain service name AffDesk's entries are filed under.
const Service = "AffDesk"

// Keychain is a core.SecretStore backed by the OS keychain. A keychain
// with a namespace (see In) prefixes every key with it.
type Keychain struct {
	service   string
	namespace string
}

var _ core.SecretStore = Keychain{}

// NewKeychain returns a keychain store for the given service name (empty
// means Service).
func NewKeychain(service string) Keychain {
	if service == "" {
		service = Service
	}
	return Keychain{service: service}
}

// In returns the keychain whose keys are filed under namespace (a data
// file's install ID): key "connection/1/api_key" is stored as
// "<namespace>/connection/1/api_key".
func (k Keychain) In(namespace string) Keychain {
	k.namespace = namespace
	return k
}

// Namespace returns the prefix of every key, or "" for none.
func (k Keychain) Namespace() string { return k.namespace }

// entry is the keychain key that holds key.
func (k Keychain) entry(key string) string {
	if k.namespace == "" {
		return key
	}
	return k.namespace + "/" + key
}

// Probe writes, reads back and deletes a test entry, and returns an error
// when the keychain is missing or locked, so the caller can fall back.
func (k Keychain) Probe() error {
	key, val := k.entry("probe"), "affdesk-probe"
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
	if err := keyring.Set(k.service, k.entry(key), value); err != nil {
		return core.Errorf(core.EUNAVAILABLE, "Could not save a secret to the system keychain: %v.", err)
	}
	return nil
}

// GetSecret returns ENOTFOUND if nothing is stored under key.
func (k Keychain) GetSecret(key string) (string, error) {
	v, err := keyring.Get(k.service, k.entry(key))
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
	err := keyring.Delete(k.service, k.entry(key))
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return core.Errorf(core.EUNAVAILABLE, "Could not delete a secret from the system keychain: %v.", err)
	}
	return nil
}

// Backend names the store for the Settings page.
func (k Keychain) Backend() string { return "keychain" }
