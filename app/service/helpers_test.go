package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
)

// The shared helpers under the names this package's tests use.
var fixed = testkit.Fixed

type memSecrets = testkit.MemSecrets

// MustServices opens services on a fresh data folder (testkit.MustServices).
func MustServices(tb testing.TB, sec core.SecretStore) (*service.Services, string) {
	tb.Helper()
	return testkit.MustServices(tb, sec)
}

func mustSaveConn(tb testing.TB, s *service.Services, in core.ConnectionInput) core.Connection {
	tb.Helper()
	return testkit.SaveConn(tb, s, in)
}

func demoConn(tb testing.TB, s *service.Services) core.Connection {
	tb.Helper()
	return testkit.DemoConn(tb, s)
}

func impactInput(host, tok string) core.ConnectionInput { return testkit.ImpactInput(host, tok) }

func getTemplate(connID uint64, path string) core.ActionTemplate {
	return testkit.GetTemplate(connID, path)
}

func noWait(ctx context.Context, d time.Duration) error { return testkit.NoWait(ctx, d) }

func openKeychain(t *testing.T, dir string) *service.Services {
	t.Helper()
	return testkit.OpenKeychain(t, dir)
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

func notifyDemo() notify.SMTP { return notify.SMTP{Host: service.DemoMailHost} }

func notifySMTP() notify.SMTP {
	return notify.SMTP{Host: "smtp.example.com", Port: 587, Security: "starttls", Username: "bot@example.com", From: "bot@example.com"}
}
