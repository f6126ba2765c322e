package app_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/app"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
)

var fixed = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// memSecrets is an in-memory SecretStore standing in for a keychain.
type memSecrets map[string]string

func (m memSecrets) SetSecret(k, v string) error { m[k] = v; return nil }
func (m memSecrets) GetSecret(k string) (string, error) {
	v, ok := m[k]
	if !ok {
		return "", core.Errorf(core.ENOTFOUND, "no secret %s", k)
	}
	return v, nil
}
func (m memSecrets) DeleteSecret(k string) error { delete(m, k); return nil }
func (m memSecrets) Backend() string             { return "keychain" }

// MustServices opens services on a fresh data folder with the given
// secret store (a memSecrets when nil).
func MustServices(tb testing.TB, sec core.SecretStore) (*app.Services, string) {
	tb.Helper()
	if sec == nil {
		sec = memSecrets{}
	}
	dir := tb.TempDir()
	s, err := app.Open(app.Config{DataDir: dir, Secrets: sec, Now: func() time.Time { return fixed }})
	if err != nil {
		tb.Fatalf("open services: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, dir
}

func mustSaveConn(tb testing.TB, s *app.Services, in core.ConnectionInput) core.Connection {
	tb.Helper()
	if in.Timezone == "" {
		in.Timezone = "UTC"
	}
	c, err := s.SaveConnection(in)
	if err != nil {
		tb.Fatalf("save connection: %v", err)
	}
	return c
}

func demoConn(tb testing.TB, s *app.Services) core.Connection {
	return mustSaveConn(tb, s, core.ConnectionInput{Connection: core.Connection{Name: "Demo", Platform: core.PlatformDemo}})
}

// exampleValues fills each parameter with its sample value, or the first
// allowed value of a required enum.
func exampleValues(t core.ActionTemplate) map[string]string {
	out := map[string]string{}
	for _, p := range t.Params {
		switch {
		case p.Example != "":
			out[p.Name] = p.Example
		case p.Required && p.Default == "" && p.Type == core.TypeEnum:
			out[p.Name] = p.Enum[0]
		}
	}
	return out
}

func notifyDemo() notify.SMTP { return notify.SMTP{Host: app.DemoMailHost} }

func notifySMTP() notify.SMTP {
	return notify.SMTP{Host: "smtp.example.com", Port: 587, Security: "starttls", Username: "bot@example.com", From: "bot@example.com"}
}
