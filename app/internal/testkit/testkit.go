// Package testkit holds the helpers the tests of app/service, app/cli and
// app/gui share: services on a fresh data folder with an in-memory secret
// store, a fixed clock, and a few ready-made records.
package testkit

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// Fixed is the clock every helper's services read.
var Fixed = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// MemSecrets is an in-memory SecretStore standing in for a keychain.
type MemSecrets map[string]string

// SetSecret stores v under k.
func (m MemSecrets) SetSecret(k, v string) error { m[k] = v; return nil }

// GetSecret returns the value under k, or ENOTFOUND.
func (m MemSecrets) GetSecret(k string) (string, error) {
	v, ok := m[k]
	if !ok {
		return "", core.Errorf(core.ENOTFOUND, "no secret %s", k)
	}
	return v, nil
}

// DeleteSecret drops k.
func (m MemSecrets) DeleteSecret(k string) error { delete(m, k); return nil }

// Backend names the store as the OS keychain does.
func (m MemSecrets) Backend() string { return "keychain" }

// MustServices opens services on a fresh data folder with the given
// secret store (a MemSecrets when nil) and closes them when tb ends.
func MustServices(tb testing.TB, sec core.SecretStore) (*service.Services, string) {
	tb.Helper()
	if sec == nil {
		sec = MemSecrets{}
	}
	dir := tb.TempDir()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: sec, Now: func() time.Time { return Fixed }})
	if err != nil {
		tb.Fatalf("open services: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, dir
}
